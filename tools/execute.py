"""Fill the execution cache before Sphinx runs.

    python tools/execute.py            # run stale or uncached chapters, in parallel
    python tools/execute.py --seed     # cache the committed outputs as they are

myst-nb executes notebooks one after the other while Sphinx reads them. Run first, this
script executes every chapter whose cached outputs are missing or stale on all cores
(jupyter-cache's local-parallel executor); Sphinx then finds them in the cache.

``--seed`` is for `make test`, right after nbval has re-run every notebook and found its
committed outputs (figures included) equal to a fresh run: the committed notebooks are then
put in the cache as they are, so the book build does not execute everything a second time.
"""

from __future__ import annotations

import sys
from pathlib import Path

from jupyter_cache import get_cache
from jupyter_cache.executors import load_executor

from maturing_book import cache as cachestate

TIMEOUT = 120


def execute_stale(cache_dir: Path) -> None:
    notebooks = cachestate.toc_notebooks()
    now = cachestate.current(notebooks)
    for doc in cachestate.drop_stale(cache_dir, notebooks, now):
        print(f"[maturing] {doc}: data or helper code changed; re-executing")
    todo = {doc: path for doc, path in notebooks.items() if cachestate.cached_record(cache_dir, path) is None}
    if not todo:
        print("[maturing] every chapter is cached")
        return
    cache = get_cache(cache_dir)
    for path in todo.values():
        cache.add_nb_to_project(str(path))
    print(f"[maturing] executing {len(todo)} chapter(s) in parallel: {', '.join(sorted(todo))}")
    result = load_executor("local-parallel", cache=cache).run_and_cache(
        filter_uris=[str(p) for p in todo.values()], timeout=TIMEOUT
    )
    done = {str(Path(u).resolve()) for u in result.succeeded}
    cachestate.mark_executed(cache_dir, {d: now[d] for d, p in todo.items() if str(p.resolve()) in done})
    for uri in result.excepted + result.errored:
        print(f"[maturing] {uri} failed here; the book build will run it again and report the error")


def seed(cache_dir: Path) -> None:
    notebooks = cachestate.toc_notebooks()
    now = cachestate.current(notebooks)
    cachestate.drop_stale(cache_dir, notebooks, now)
    cache = get_cache(cache_dir)
    for _doc, path in notebooks.items():
        if cachestate.cached_record(cache_dir, path) is None:
            cache.cache_notebook_file(str(path), check_validity=False, overwrite=True)
    cachestate.mark_executed(cache_dir, now)
    print(f"[maturing] seeded the cache with the committed outputs of {len(notebooks)} chapter(s)")


if __name__ == "__main__":
    (seed if "--seed" in sys.argv[1:] else execute_stale)(cachestate.CACHE_DIR)
