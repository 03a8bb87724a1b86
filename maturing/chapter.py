"""What a chapter reads, declared once in its front matter.

Every chapter's MyST source (and so its paired notebook's metadata) carries::

    maturing:
      tables: [opium_afghanistan, drug_evidence]
      geometry: [10m]

``tables`` are the data-package resources the chapter reads and ``geometry`` the Natural Earth
resolutions it draws or measures. The declaration is the one list the book builds from: the
execution cache's fingerprint, the chapter's "Sources and data" section and its download archive.
A chapter opens it in its first cell::

    chapter = begin("07-afghan-drugs")

From then on :func:`maturing.data.load` and :func:`maturing.geo.geometry_file` refuse anything the
declaration does not list, so a chapter cannot read a table that its cache and archive do not know.
The data package, ``sources.csv`` and the article are read by every chapter and need no entry.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .paths import ROOT

KEY = "maturing"


class UndeclaredInput(LookupError):
    """A chapter read a table or a geometry file that its front matter does not declare."""


@dataclass(frozen=True)
class Chapter:
    """A chapter's declared inputs."""

    stem: str
    tables: tuple[str, ...]
    geometry: tuple[str, ...] = ()

    def require_table(self, name: str) -> None:
        if name not in self.tables:
            raise UndeclaredInput(
                f"chapter {self.stem} reads table {name!r}, which its front matter does not declare "
                f"(declared: {', '.join(self.tables) or 'none'}); add it under `{KEY}: tables:`"
            )

    def require_geometry(self, resolution: str) -> None:
        if resolution not in self.geometry:
            raise UndeclaredInput(
                f"chapter {self.stem} reads the {resolution} geometry, which its front matter does not "
                f"declare (declared: {', '.join(self.geometry) or 'none'}); add it under `{KEY}: geometry:`"
            )


def notebook_path(stem: str, root: Path = ROOT) -> Path:
    """The chapter's notebook: ``notebooks/<stem>.ipynb`` in the book, ``<stem>.ipynb`` in a
    chapter's download archive."""
    for path in (root / "notebooks" / f"{stem}.ipynb", root / f"{stem}.ipynb"):
        if path.is_file():
            return path
    raise FileNotFoundError(f"no notebook for chapter {stem!r} under {root}")


def declaration(notebook: Path) -> Chapter:
    """The declaration in a notebook's metadata (``.ipynb``)."""
    metadata = json.loads(Path(notebook).read_text(encoding="utf-8")).get("metadata", {})
    return from_metadata(Path(notebook).stem, metadata)


def from_metadata(stem: str, metadata: dict) -> Chapter:
    """The declaration under the ``maturing`` key of notebook metadata."""
    declared = metadata.get(KEY)
    if not isinstance(declared, dict) or not isinstance(declared.get("tables"), list):
        raise ValueError(f"chapter {stem}: its front matter has no `{KEY}: tables:` list")
    unknown = set(declared) - {"tables", "geometry"}
    if unknown:
        raise ValueError(f"chapter {stem}: unknown keys under `{KEY}`: {sorted(unknown)}")
    return Chapter(stem, tuple(declared["tables"]), tuple(declared.get("geometry", [])))


_current: Chapter | None = None


def begin(stem: str, root: Path = ROOT) -> Chapter:
    """Open chapter ``stem``: read its declaration and enforce it for the rest of the session."""
    global _current
    _current = declaration(notebook_path(stem, root))
    return _current


def current() -> Chapter | None:
    """The chapter begun in this session, if any (``None`` outside a chapter: tests, scripts)."""
    return _current


def end() -> None:
    """Stop enforcing a declaration (for tests)."""
    global _current
    _current = None
