"""The book's own Sphinx extension (``extensions: [maturing_book]``).

- :mod:`.archive`: a download per chapter that runs (notebook, helper package, data, pinned
  requirements, README), linked from the page; the repository button when an address is set.
- :mod:`.cache`: stale outputs never reach a page: a chapter whose declared inputs changed is
  dropped from the execution cache and read again.
- :mod:`.citation`: every chapter ends with "How to cite this chapter", and the ``book-citation``
  directive cites the whole book (APA, BibTeX, RIS, downloads, PDF), from ``CITATION.cff`` through
  :mod:`.references`; the licences in every page's footer.
- :mod:`.catalogue`: the ``data-catalogue`` directive (the data catalogue page).
- :mod:`.sources`: the Sources page (``source-list``) and the ``{source}`` role.
- :mod:`.chapter_data`: a chapter's "Sources and data" (``chapter-data``), from its declaration.
- :mod:`.ledger`: the ``claims-ledger`` directive (every claim, linked to its chapter's row).
- :mod:`.exercises`: exercises and their folded solutions (sphinx-exercise): unique ids, and
  solution titles that only unfold.
- :mod:`.figures`: the myst-nb renderer that turns a chapter's published figure into a numbered
  figure with alt text, caption, sources and data links; the ``chapter-figure`` directive that
  shows a chapter's figure on another page.
- :mod:`.meta`: what a page says about itself in its ``<head>`` (description, Highwire citation
  tags, Open Graph), and all that follows from the published address, ``html.baseurl``.
- :mod:`.edition`: the landing page's authors, edition and licence, from ``CITATION.cff``.
- :mod:`.assets` and :mod:`.icons`: which styles, scripts and icons a page loads.
- :mod:`.pages`: changes to the written pages that the theme offers no setting for.
- :mod:`.rebuild`: an in-place rebuild writes what a clean build writes (search index, images).
- :mod:`.quotes`: the ``article`` role, an inline quotation the build checks against the article.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from maturing.paths import ROOT

from . import archive, assets, cache, citation, edition, exercises, meta, pages, quotes, rebuild
from .catalogue import DataCatalogue
from .chapter_data import ChapterData
from .figures import ChapterFigure, PasteChapterFigures, depart_figure_image, figure_image, visit_figure_image
from .ledger import ClaimsLedger
from .sources import SourceList, SourceRole


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
    app.setup_extension("sphinxext.opengraph")
    app.connect("config-inited", meta.configure_publishing)
    app.add_config_value("maturing_ext_digest", own_code_digest(), "env")
    app.add_config_value("maturing_toc_digest", toc_digest(), "env")
    app.add_config_value("maturing_archive_notices", archive.notice_digest(), "env")
    app.connect("config-inited", assets.theme_defaults)
    app.connect("config-inited", edition.add_substitutions)
    app.connect("config-inited", archive.repository_button)
    app.connect("config-inited", exercises.html_handlers_on_the_single_page)
    app.connect("env-before-read-docs", assets.assets_only_where_used)
    app.connect("env-get-outdated", cache.outdated_by_inputs)
    app.connect("env-get-outdated", rebuild.forget_removed_pages)
    app.connect("env-updated", rebuild.write_every_page)
    app.connect("doctree-read", citation.append_citation)
    app.connect("doctree-resolved", citation.render_citations)
    app.connect("doctree-read", exercises.unique_content_ids)
    app.connect("doctree-resolved", archive.link_to_archive)
    app.connect("doctree-resolved", exercises.plain_solution_titles)
    app.connect("html-page-context", archive.download_menu_offers_archive, priority=600)
    app.connect("html-page-context", pages.accessible_citations)
    app.connect("html-page-context", citation.add_citation_assets, priority=450)  # before drop_unused_scripts
    app.connect("html-page-context", assets.drop_unused_scripts)
    app.connect("html-page-context", meta.describe_page, priority=400)  # before sphinxext-opengraph
    app.connect("html-page-context", meta.citation_meta)
    app.connect("html-page-context", meta.drop_relative_og_url, priority=600)  # after sphinxext-opengraph
    app.connect("html-page-context", citation.add_licence_footer)
    app.connect("build-finished", archive.write_archives)
    # after the extensions that copy their stylesheets at build-finished (myst-nb, sphinx-exercise):
    # a page is bundled only when every stylesheet it links is in place
    app.connect("build-finished", pages.finish_pages, priority=900)
    app.connect("build-finished", citation.write_citation_files)
    app.connect("build-finished", cache.remember_fingerprints)
    app.connect("build-finished", rebuild.prune_stale_outputs)
    app.add_css_file("maturing-icons.css")
    assets.add_book_scripts(app)
    app.add_node(figure_image, html=(visit_figure_image, depart_figure_image))
    app.add_css_file("maturing-exercises.css")
    app.add_directive("data-catalogue", DataCatalogue)
    app.add_directive("claims-ledger", ClaimsLedger)
    app.add_directive("chapter-data", ChapterData)
    app.add_directive("source-list", SourceList)
    app.add_role("source", SourceRole())
    app.add_role("article", quotes.ArticleQuote())
    app.add_directive("book-citation", citation.BookCitation)
    app.add_directive("chapter-figure", ChapterFigure)
    app.add_post_transform(PasteChapterFigures)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
