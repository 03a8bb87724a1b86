"""The book's own Sphinx extension (``extensions: [maturing_book]``).

- :mod:`.archive`: a download per chapter that runs (notebook, helper package, data, pinned
  requirements, README), linked from the page; the repository button when an address is set.
- :mod:`.cache`: stale outputs never reach a page: a chapter whose declared inputs changed is
  dropped from the execution cache and read again.
- :mod:`.citation`: every chapter ends with "How to cite this chapter", from ``CITATION.cff``.
- :mod:`.catalogue`: the ``data-catalogue`` directive (the data catalogue page).
- :mod:`.exercises`: exercises and their folded solutions (sphinx-exercise): unique ids, and
  solution titles that only unfold.
- :mod:`.figures`: the myst-nb renderer that turns a chapter's published figure into a numbered
  figure with alt text, caption, sources and data links.
- :mod:`.meta`: what a page says about itself in its ``<head>``.
- :mod:`.assets` and :mod:`.icons`: which styles, scripts and icons a page loads.
- :mod:`.pages`: changes to the written pages that the theme offers no setting for.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from maturing.paths import ROOT

from . import archive, assets, cache, citation, exercises, meta, pages
from .catalogue import DataCatalogue


def own_code_digest() -> str:
    """A digest of the book's own Sphinx code: registered as a config value, so that editing the
    extension makes Sphinx re-read and re-write every page (notebooks still come from the cache)."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def toc_digest() -> str:
    """A digest of _toc.yml: registered as a config value, so that a changed table of contents
    re-writes every page's navigation (Sphinx would otherwise re-write only the changed pages)."""
    return hashlib.sha256((ROOT / "_toc.yml").read_bytes()).hexdigest()


def setup(app):
    app.add_config_value("maturing_ext_digest", own_code_digest(), "env")
    app.add_config_value("maturing_toc_digest", toc_digest(), "env")
    app.add_config_value("maturing_archive_notices", archive.notice_digest(), "env")
    app.connect("config-inited", assets.theme_defaults)
    app.connect("config-inited", archive.repository_button)
    app.connect("config-inited", exercises.html_handlers_on_the_single_page)
    app.connect("env-before-read-docs", assets.assets_only_where_used)
    app.connect("env-get-outdated", cache.outdated_by_inputs)
    app.connect("doctree-read", citation.append_citation)
    app.connect("doctree-read", exercises.unique_content_ids)
    app.connect("doctree-resolved", archive.link_to_archive)
    app.connect("doctree-resolved", exercises.plain_solution_titles)
    app.connect("html-page-context", archive.download_menu_offers_archive, priority=600)
    app.connect("html-page-context", pages.accessible_citations)
    app.connect("html-page-context", assets.drop_unused_scripts)
    app.connect("html-page-context", meta.describe_page)
    app.connect("build-finished", archive.write_archives)
    app.connect("build-finished", pages.finish_pages)
    app.connect("build-finished", cache.remember_fingerprints)
    app.add_css_file("maturing-icons.css")
    app.add_css_file("maturing-exercises.css")
    app.add_directive("data-catalogue", DataCatalogue)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
