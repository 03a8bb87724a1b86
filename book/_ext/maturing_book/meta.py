"""What a page says about itself in its ``<head>``, and where the book is published.

- One setting, ``html.baseurl`` in _config.yml (Sphinx's ``html_baseurl``), is the book's published
  address. From it: the canonical link of every page (Sphinx), the citations' URLs
  (:mod:`.citation`), the sitemap (sphinx-sitemap, loaded only when there is an address: a sitemap
  lists absolute addresses) and the Open Graph tags (sphinxext-opengraph; its social cards are
  drawn offline with matplotlib). Without an address none is invented: no canonical link, no
  sitemap, no ``og:url`` or card image (they must be absolute), relative PDF links.
- A meta description (and ``og:description``) from the page's first paragraph.
- Highwire ``citation_*`` tags, which Zotero and Google Scholar read: on every chapter page the
  chapter as a part of the book; on the landing page the book.
"""

from __future__ import annotations

import html
import re

from docutils import nodes
from sphinx.errors import ConfigError

from . import citation, references

DESCRIPTION_LENGTH = 155


# --- The published address ----------------------------------------------------------------------


def configure_publishing(app, config):
    """``config-inited``: everything that depends on the published address, from ``html_baseurl``."""
    try:
        address = references.normalised_address(config.html_baseurl)
    except ValueError as error:
        raise ConfigError(str(error)) from None
    config.html_baseurl = address
    config.ogp_site_url = address
    config.ogp_site_name = references.read_book().title
    config.ogp_enable_meta_description = False  # describe_page writes the description
    # A card is an image, which Open Graph needs at an absolute address; it carries the book's own
    # icon, not sphinxext-opengraph's default (the Sphinx logo).
    config.ogp_social_cards = {"enable": bool(address), "image_mini": config.html_favicon}
    if address:
        app.setup_extension("sphinx_sitemap")
        config.sitemap_url_scheme = "{link}"
        config.sitemap_excludes = ["search.html", "genindex.html"]


OG_URL = re.compile(r'<meta property="og:url" content="[^"]*" />\n?')


def drop_relative_og_url(app, pagename, templatename, context, doctree):
    """``html-page-context``, after sphinxext-opengraph: without an address its ``og:url`` is a
    relative path, which Open Graph does not allow. Leave it out."""
    if not app.config.html_baseurl and "metatags" in context:
        context["metatags"] = OG_URL.sub("", context["metatags"])


# --- Description --------------------------------------------------------------------------------


def _ancestors(node):
    while node.parent is not None:
        node = node.parent
        yield node


def summary(doctree) -> str:
    """The page's first paragraph of prose, cut at a word near 155 characters."""
    for paragraph in doctree.findall(nodes.paragraph):
        if paragraph.next_node(nodes.Admonition, ascend=False) or any(
            isinstance(a, (nodes.Admonition, nodes.table, nodes.definition_list)) for a in _ancestors(paragraph)
        ):
            continue
        text = " ".join(paragraph.astext().split())
        if len(text) > 40:
            return text if len(text) <= DESCRIPTION_LENGTH else text[:DESCRIPTION_LENGTH].rsplit(" ", 1)[0] + " …"
    return ""


def describe_page(app, pagename, templatename, context, doctree):
    """``html-page-context``: a meta description for every page (search engines, link previews),
    which is also its Open Graph description."""
    text = summary(doctree) if doctree is not None else ""
    if not text:
        text = f"{app.config.project}: {context.get('title', pagename)}"
    context["metatags"] = context.get("metatags", "") + f'\n<meta name="description" content="{html.escape(text)}" />'
    context["meta"] = {**(context.get("meta") or {}), "og:description": text}


# --- Highwire citation tags ---------------------------------------------------------------------


def highwire_tags(book: references.Book, chapter: references.Chapter | None, pdf_href: str) -> list[tuple[str, str]]:
    """(name, content) of the ``citation_*`` tags for the book or one chapter. ``pdf_href`` is the
    PDF's absolute address, or its path relative to the page when the book has no address."""
    tags = [("citation_title", book.title if chapter is None else chapter.title)]
    tags += [("citation_author", a.inverted()) for a in book.authors]
    tags.append(("citation_publication_date", book.date.replace("-", "/")))
    if chapter is not None:
        tags += [("citation_inbook_title", book.title), ("citation_book_title", book.title)]
    if book.publisher:
        tags.append(("citation_publisher", book.publisher))
    tags += [("citation_language", book.language), ("citation_keywords", "; ".join(book.keywords))]
    tags.append(("citation_pdf_url", pdf_href))
    return tags


def citation_meta(app, pagename, templatename, context, doctree):
    """``html-page-context``: Highwire tags on the chapter pages and on the landing page."""
    if citation.is_chapter(pagename) and pagename in app.env.titles:
        chapter = citation.chapter_of(app.env, pagename)
    elif pagename == app.config.root_doc:
        chapter = None
    else:
        return
    pdf = citation.pdf_path(chapter)
    pdf_href = references.web_url(app.config.html_baseurl, pdf) or citation.relative(pagename, pdf)
    tags = highwire_tags(references.read_book(), chapter, pdf_href)
    if app.config.html_baseurl:
        tags.append(("citation_public_url", app.config.html_baseurl + citation.page_path(chapter)))
    context["metatags"] = context.get("metatags", "") + "".join(
        f'\n<meta name="{name}" content="{html.escape(content)}" />' for name, content in tags
    )
