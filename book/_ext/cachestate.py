"""What the execution cache holds, and for which inputs.

jupyter-cache keys a notebook by its code cells only, so an edited CSV or helper module
would leave stale outputs in it. Two small records next to the cache close that gap:

- ``executed``: for each chapter, the fingerprint (:func:`maturing.deps.fingerprint`) of the
  inputs its cached outputs were produced from. A chapter whose fingerprint moved is dropped
  from the cache, so it is executed again.
- ``rendered-<builder>``: the fingerprint at the last successful build of that builder. A
  chapter whose fingerprint moved is outdated, so Sphinx reads it again (from the cache).

Used by the Sphinx extension (maturing_book.py) and by execute.py, which runs the stale
chapters in parallel before Sphinx starts, or seeds the cache with the committed outputs
that nbval has just verified.
"""
from __future__ import annotations

import json
from pathlib import Path

import nbformat
from jupyter_cache import get_cache

from maturing.deps import fingerprint
from maturing.paths import ROOT

CACHE_DIR = ROOT / "_build" / ".jupyter_cache"


def read(cache_dir: Path, name: str) -> dict[str, str]:
    path = cache_dir / f"maturing-{name}.json"
    return json.loads(path.read_text()) if path.exists() else {}


def write(cache_dir: Path, name: str, state: dict[str, str]) -> None:
    cache_dir.mkdir(parents=True, exist_ok=True)
    (cache_dir / f"maturing-{name}.json").write_text(json.dumps(state, indent=1, sort_keys=True))


def current(notebooks: dict[str, Path]) -> dict[str, str]:
    """Fingerprint of every chapter: docname -> digest."""
    return {doc: fingerprint(path) for doc, path in notebooks.items()}


def cached_record(cache_dir: Path, path: Path):
    """The cache record matching the notebook's code, or None."""
    if not cache_dir.exists():
        return None
    try:
        return get_cache(cache_dir).match_cache_notebook(nbformat.read(str(path), as_version=4))
    except KeyError:
        return None


def drop_stale(cache_dir: Path, notebooks: dict[str, Path], now: dict[str, str]) -> list[str]:
    """Drop from the cache every chapter executed from other inputs than ``now``'s."""
    executed = read(cache_dir, "executed")
    stale = [doc for doc, digest in now.items() if executed.get(doc) not in (None, digest)]
    for doc in stale:
        record = cached_record(cache_dir, notebooks[doc])
        if record is not None:
            get_cache(cache_dir).remove_cache(record.pk)
    return stale


def mark_executed(cache_dir: Path, docs: dict[str, str]) -> None:
    executed = read(cache_dir, "executed")
    executed.update(docs)
    write(cache_dir, "executed", executed)


def toc_notebooks(root: Path = ROOT) -> dict[str, Path]:
    """The chapters the table of contents lists: docname -> notebook path."""
    toc = (root / "_toc.yml").read_text(encoding="utf-8")
    return {
        f"notebooks/{p.stem}": p
        for p in sorted((root / "notebooks").glob("*.ipynb"))
        if f"notebooks/{p.stem}" in toc
    }
