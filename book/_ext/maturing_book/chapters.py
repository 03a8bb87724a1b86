"""What the build knows about the book's chapters: which they are, their titles, and every
table a chapter's outputs depend on (the tables it declares and those their foreign keys read).

Used by the execution cache (:mod:`.cache`), the download archives (:mod:`.archive`), the claims
ledger (:mod:`.ledger`) and the Sources page (:mod:`.sources`), so that they agree.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

from maturing.paths import ROOT

ALWAYS_INCLUDED = ("sources",)  # every chapter reads it (figure captions, source links)


def toc_notebooks(root: Path = ROOT) -> dict[str, Path]:
    """The chapters the table of contents lists: docname -> notebook path."""
    toc = (root / "_toc.yml").read_text(encoding="utf-8")
    return {
        f"notebooks/{p.stem}": p for p in sorted((root / "notebooks").glob("*.ipynb")) if f"notebooks/{p.stem}" in toc
    }


def resources_read(tables: tuple[str, ...], descriptor: dict) -> list[str]:
    """The resources a chapter reading ``tables`` needs, in the data package's order: the tables,
    every resource their foreign keys refer to (validation reads those), and ``sources``."""
    by_name = {r["name"]: r for r in descriptor["resources"]}
    unknown = sorted(set(tables) - set(by_name))
    if unknown:
        raise ValueError(f"tables that the data package lacks: {unknown}")
    needed: set[str] = set()
    todo = [*tables, *ALWAYS_INCLUDED]
    while todo:
        name = todo.pop()
        if name in needed:
            continue
        needed.add(name)
        for key in by_name[name]["schema"].get("foreignKeys", []):
            todo.append(key["reference"].get("resource") or name)  # "" refers to the table itself
    return [name for name in by_name if name in needed]


def chapter_title(notebook: Path) -> str:
    """The chapter's H1 title."""
    for cell in nbformat.read(str(notebook), as_version=4).cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    raise ValueError(f"{notebook.name} has no '# ' title")
