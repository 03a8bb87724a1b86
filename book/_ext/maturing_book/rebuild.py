"""An in-place rebuild writes the same site as a clean build, byte for byte.

Sphinx builds incrementally: it re-reads and re-writes only the pages whose sources changed,
and never deletes anything from the output folder. Two things then drift from a clean build:

- **The search index.** The HTML builder reloads the previous ``searchindex.js`` to keep the
  words of the pages it does not write again, but Sphinx 7.4 does not reload its
  ``indexentries``, so all the glossary's terms vanish (sphinx-doc/sphinx#12599, open); and a
  word no page has any more stays in the index with an empty list of pages. Pages that are not
  written again also keep what they showed of other pages (a title, a term) when those change.
  :func:`write_every_page` has every page written again from its stored doctree (writing is
  quick; only changed sources are read again, and chapters still come from the cache) into a
  search index started afresh, as in a clean build.
- **Files of an earlier build stay behind.** myst-nb names a cell's output image after a digest
  of its content, so a figure whose data changed is a new file in ``_images``, and Sphinx leaves
  the old one; a download or a page no longer in the book stays too. :func:`prune_stale_outputs`
  deletes, after a successful HTML build, every image and download the environment no longer
  refers to and the pages and sources of removed documents. The social cards sphinxext-opengraph
  draws into ``_images/social_previews`` are not the environment's: one is kept while a written
  page names it.
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.util import logging

logger = logging.getLogger(__name__)


def _is_html(app) -> bool:
    """The site's builder (``html``); the single-page build for the PDF is written whole anyway."""
    return app.builder.name == "html"


def write_every_page(app, env) -> list[str]:
    """``env-updated``: write every page again (from its stored doctree; only changed sources are
    read again), into a search index started afresh."""
    if not _is_html(app):
        return []
    (Path(app.outdir) / app.builder.searchindex_filename).unlink(missing_ok=True)
    return sorted(env.all_docs)


def forget_removed_pages(app, env, added, changed, removed) -> list[str]:
    """``env-get-outdated``: delete the written page and source copy of every removed document."""
    if _is_html(app):
        out = Path(app.outdir)
        for doc in sorted(removed):
            stale = [out / app.builder.get_target_uri(doc), *(out / "_sources").glob(f"{doc}.*")]
            _delete(stale, out)
    return []


def prune_stale_outputs(app, exception) -> None:
    """``build-finished``: delete images and downloads that no page refers to any longer."""
    if exception is not None or not _is_html(app):
        return
    out = Path(app.outdir)
    images = {dest for _docs, dest in app.env.images.values()} | social_cards(out, app.builder.imagedir)
    downloads = {dest for _docs, dest in app.env.dlfiles.values()}
    _delete(_unlisted(out / app.builder.imagedir, images) + _unlisted(out / "_downloads", downloads), out)
    _remove_empty_folders(out / "_downloads")


def social_cards(out: Path, imagedir: str) -> set[str]:
    """The social-preview images (below the image folder) that some written page refers to."""
    named = re.compile(rf"{re.escape(imagedir)}/(social_previews/[^\"'?#]+)")
    return {
        found
        for page in out.rglob("*.html")
        if "_static" not in page.relative_to(out).parts
        for found in named.findall(page.read_text(encoding="utf-8"))
    }


def _unlisted(folder: Path, listed: set[str]) -> list[Path]:
    """The files under ``folder`` whose path below it is not ``listed``."""
    return [p for p in _files(folder) if p.relative_to(folder).as_posix() not in listed]


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []


def _delete(paths: list[Path], out: Path) -> None:
    for path in paths:
        if path.is_file():
            path.unlink()
            logger.info(f"[maturing] removed {path.relative_to(out)}: no longer part of the book")


def _remove_empty_folders(folder: Path) -> None:
    if folder.is_dir():
        for sub in sorted((p for p in folder.rglob("*") if p.is_dir()), reverse=True):
            if not any(sub.iterdir()):
                sub.rmdir()
