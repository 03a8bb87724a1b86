"""Fill the execution cache before Sphinx runs.

    python tools/execute.py            # run stale or uncached chapters, in parallel
    python tools/execute.py --seed     # cache the committed outputs as they are

myst-nb executes notebooks one after the other while Sphinx reads them. Run first, this
script executes every chapter whose cached outputs are missing or stale on all cores; Sphinx
then finds them in the cache.

It checks the data first. A table that breaks its schema is reported once, with the chapters
that read it, and those chapters are not run (each would fail on it). The other chapters run;
a chapter that fails is reported in a line (its cell and its error). If anything failed the
script exits with status 1, so `make book` stops before Sphinx would run the same chapters a
second time. Each kernel's own log (not the cells' output) goes to a file beside the cache.

``--seed`` is for `make test`, right after nbval has re-run every notebook and found its
committed outputs (figures included) equal to a fresh run: the committed notebooks are then
put in the cache as they are, so the book build does not execute everything a second time.
"""

from __future__ import annotations

import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import nbformat
from jupyter_cache import get_cache
from jupyter_cache.base import CacheBundleIn
from nbclient import NotebookClient

from maturing_book import cache as cachestate
from maturing_book.chapters import toc_notebooks

TIMEOUT = 120


@dataclass(frozen=True)
class Run:
    """The outcome of executing one chapter: its notebook with outputs, or its error."""

    path: Path
    notebook: str | None  # the executed notebook (JSON) when it succeeded
    error: str | None  # one line: where it failed and the exception
    seconds: float


def execute_stale(cache_dir: Path) -> int:
    notebooks = toc_notebooks()
    now = cachestate.current(notebooks)
    for doc in cachestate.drop_stale(cache_dir, notebooks, now):
        say(f"{doc}: data or helper code changed; its cached outputs are dropped")
    todo = {doc: path for doc, path in notebooks.items() if cachestate.cached_record(cache_dir, path) is None}
    problems = cachestate.data_problems()
    blocked = {doc: cachestate.tables_read(path) & set(problems) for doc, path in todo.items()}
    runnable = {doc: path for doc, path in todo.items() if not blocked[doc]}
    if not todo:
        say("every chapter is cached")
    elif runnable:
        say(f"executing {len(runnable)} chapter(s) in parallel: {', '.join(sorted(runnable))}")
    runs = execute_in_parallel(runnable, cache_dir)
    done = {doc for doc, run in runs.items() if run.error is None}
    store(cache_dir, {doc: runs[doc] for doc in done})
    cachestate.mark_executed(cache_dir, {doc: now[doc] for doc in done})
    failed = {doc: run.error for doc, run in runs.items() if run.error is not None}
    return report(problems, {doc: tables for doc, tables in blocked.items() if tables}, failed)


def execute_in_parallel(notebooks: dict[str, Path], cache_dir: Path) -> dict[str, Run]:
    if not notebooks:
        return {}
    cache_dir.mkdir(parents=True, exist_ok=True)
    logs = {doc: cache_dir / f"kernel-{Path(doc).name}.log" for doc in notebooks}
    with ProcessPoolExecutor(max_workers=min(len(notebooks), os.cpu_count() or 1)) as pool:
        futures = {doc: pool.submit(execute, path, logs[doc]) for doc, path in notebooks.items()}
        return {doc: future.result() for doc, future in futures.items()}


def execute(path: Path, kernel_log: Path) -> Run:
    """Run the notebook top to bottom in a fresh kernel started in its folder."""
    notebook = nbformat.read(str(path), as_version=4)
    client = NotebookClient(
        notebook,
        timeout=TIMEOUT,
        record_timing=False,  # timing in cell metadata would change the cache key myst-nb looks up
        resources={"metadata": {"path": str(path.parent)}},
    )
    start = time.monotonic()
    with kernel_log.open("w") as log:
        try:
            client.execute(stderr=log)
        except Exception as error:  # a cell's exception, a timeout or a dead kernel: report, never hide
            return Run(path, None, f"{failed_cell(notebook)}: {one_line(error)}", time.monotonic() - start)
    return Run(path, nbformat.writes(notebook), None, time.monotonic() - start)


def failed_cell(notebook) -> str:
    """'code cell 3': the first code cell with an error output (counted as a reader sees them)."""
    code = [c for c in notebook.cells if c.cell_type == "code"]
    for number, cell in enumerate(code, start=1):
        if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            return f"code cell {number}"
    return "no cell (the kernel)"


def one_line(error: Exception) -> str:
    """The exception as its type and message: ``DataError: data/x.csv, row 3, ...``."""
    name, value = getattr(error, "ename", None), getattr(error, "evalue", None)
    if name:
        return f"{name}: {value}"
    first = str(error).strip().splitlines()
    return f"{type(error).__name__}: {first[0] if first else ''}"


def store(cache_dir: Path, runs: dict[str, Run]) -> None:
    cache = get_cache(cache_dir)
    for run in runs.values():
        bundle = CacheBundleIn(
            nbformat.reads(run.notebook, as_version=4), str(run.path), data={"execution_seconds": run.seconds}
        )
        cache.cache_notebook_bundle(bundle, check_validity=False, overwrite=True)


def report(problems: dict, blocked: dict[str, set[str]], failed: dict[str, str]) -> int:
    """Every problem once, in a line or two; 1 when any chapter cannot be built."""
    for name, error in problems.items():
        say(f"bad data: {error}")
        readers = sorted(doc for doc, tables in blocked.items() if name in tables)
        if readers:
            say(f"  read by {', '.join(readers)} (not executed)")
    for doc, error in sorted(failed.items()):
        say(f"{doc} failed in {error}")
    broken = set(blocked) | set(failed)
    if broken or problems:
        say(f"stopping before Sphinx: {len(broken)} chapter(s) cannot be built")
        return 1
    return 0


def seed(cache_dir: Path) -> int:
    notebooks = toc_notebooks()
    now = cachestate.current(notebooks)
    cachestate.drop_stale(cache_dir, notebooks, now)
    cache = get_cache(cache_dir)
    for _doc, path in notebooks.items():
        if cachestate.cached_record(cache_dir, path) is None:
            cache.cache_notebook_file(str(path), check_validity=False, overwrite=True)
    cachestate.mark_executed(cache_dir, now)
    say(f"seeded the cache with the committed outputs of {len(notebooks)} chapter(s)")
    return 0


def say(message: str) -> None:
    print(f"[maturing] {message}", flush=True)


if __name__ == "__main__":
    sys.exit((seed if "--seed" in sys.argv[1:] else execute_stale)(cachestate.CACHE_DIR))
