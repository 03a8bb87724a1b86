"""The execution cache, kept honest: a chapter's cached outputs are used only while every input
it declares is unchanged.

jupyter-cache keys a notebook by its code cells alone, so an edited CSV or helper module would
leave stale outputs in it. A chapter's *fingerprint* hashes the inputs its front matter declares
(:mod:`maturing.chapter`: its tables and geometry) and those every chapter reads: the data package
descriptor, ``sources.csv``, the article, the helper package's source and ``requirements.txt``.

Two small records next to the cache use it:

- ``executed``: for each chapter, the fingerprint of the inputs its cached outputs were produced
  from. A chapter whose fingerprint moved is dropped from the cache, so it is executed again.
- ``rendered-<builder>``: the fingerprint at the last successful build of that builder. A chapter
  whose fingerprint moved is outdated, so Sphinx reads it again (from the cache).

Used by the extension (``env-get-outdated``, ``build-finished``) and by ``tools/execute.py``,
which runs the stale chapters in parallel before Sphinx starts, or seeds the cache with the
committed outputs that nbval has just verified.

Both check the data before anything executes (:func:`data_problems`): a table that breaks its
schema stops the build with one short message per table, instead of failing inside every chapter
that reads it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import nbformat
from jupyter_cache import get_cache
from sphinx.errors import SphinxError
from sphinx.util import logging

import maturing
from maturing import data
from maturing.chapter import declaration
from maturing.geo import GEO_DIR
from maturing.paths import ARTICLE, DATA_DIR, ROOT

from .chapters import resources_read

logger = logging.getLogger(__name__)

CACHE_DIR = ROOT / "_build" / ".jupyter_cache"
PACKAGE_DIR = Path(maturing.__file__).resolve().parent
EVERY_CHAPTER_READS = ("datapackage.json", "sources.csv")


class BadData(SphinxError):
    """The data package breaks its schema: Sphinx prints the category and the message, no
    traceback and no request to report a bug."""

    category = "Bad data (nothing was executed)"


def data_problems() -> dict[str, data.DataError]:
    """Every table that does not load, with its error: resource name -> DataError."""
    problems = {}
    for name in data.resource_names():
        try:
            data.load(name)
        except data.DataError as error:
            problems[name] = error
    return problems


def tables_read(notebook: Path) -> set[str]:
    """The tables a chapter reads: those it declares and those every chapter reads."""
    return set(declaration(notebook).tables) | set(data.ALWAYS_READ)


def stop_on_bad_data(notebooks: dict[str, Path]) -> None:
    """Log each bad table once, with the chapters that read it, then stop (:class:`BadData`)."""
    problems = data_problems()
    for name, error in problems.items():
        readers = sorted(doc for doc, path in notebooks.items() if name in tables_read(path))
        logger.error(f"{error}" + (f"\n  read by {', '.join(readers)}" if readers else ""))
    if problems:
        raise BadData(f"{len(problems)} table(s) break their schema, listed above")


def inputs(notebook: Path, data_dir: Path = DATA_DIR) -> list[Path]:
    """Every file, besides the notebook itself, that its outputs depend on."""
    declared = declaration(notebook)
    descriptor = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    paths = {r["name"]: r["path"] for r in descriptor["resources"]}
    try:
        read = resources_read(declared.tables, descriptor)  # with the tables their foreign keys refer to
    except ValueError as error:
        raise ValueError(f"chapter {declared.stem} declares {error}") from None
    files = {data_dir / name for name in EVERY_CHAPTER_READS}
    files |= {data_dir / paths[name] for name in read}
    files |= {GEO_DIR / f"ne_{resolution}_countries.geojson" for resolution in declared.geometry}
    files |= set(PACKAGE_DIR.glob("*.py"))
    files |= {ARTICLE, ROOT / "requirements.txt"}
    return sorted(files)


def fingerprint(notebook: Path, data_dir: Path = DATA_DIR) -> str:
    """SHA-256 over the names and contents of the notebook's inputs."""
    digest = hashlib.sha256()
    for path in inputs(notebook, data_dir):
        digest.update(path.name.encode())
        digest.update(path.read_bytes() if path.exists() else b"<missing>")
    return digest.hexdigest()


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
    """Drop from the cache every chapter executed from other inputs than ``now``'s; return those
    dropped."""
    executed = read(cache_dir, "executed")
    dropped = []
    for doc, digest in now.items():
        record = cached_record(cache_dir, notebooks[doc]) if executed.get(doc) not in (None, digest) else None
        if record is not None:
            get_cache(cache_dir).remove_cache(record.pk)
            dropped.append(doc)
    return dropped


def mark_executed(cache_dir: Path, docs: dict[str, str]) -> None:
    executed = read(cache_dir, "executed")
    executed.update(docs)
    write(cache_dir, "executed", executed)


def _cache_dir(app) -> Path:
    return Path(app.config.nb_execution_cache_path or CACHE_DIR)


def _notebooks(env) -> dict[str, Path]:
    return {doc: Path(env.doc2path(doc)) for doc in env.found_docs if str(env.doc2path(doc)).endswith(".ipynb")}


def outdated_by_inputs(app, env, added, changed, removed):
    """``env-get-outdated``: drop stale cache entries and re-read chapters whose inputs moved."""
    notebooks = _notebooks(env)
    stop_on_bad_data(notebooks)
    now = current(notebooks)
    for doc in drop_stale(_cache_dir(app), notebooks, now):
        logger.info(f"[maturing] {doc}: data or helper code changed; re-executing")
    rendered = read(_cache_dir(app), f"rendered-{app.builder.name}")
    return [doc for doc, digest in now.items() if rendered.get(doc) not in (None, digest)]


def remember_fingerprints(app, exception):
    """``build-finished``: after a successful build every chapter's page and cache entry match its
    current inputs."""
    if exception is not None:
        return
    now = current(_notebooks(app.env))
    write(_cache_dir(app), f"rendered-{app.builder.name}", now)
    mark_executed(_cache_dir(app), now)
