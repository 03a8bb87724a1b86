"""How to cite the book and its chapters, on the pages and as downloads, from CITATION.cff.

- Every chapter ends with "How to cite this chapter"; the ``book-citation`` directive (at the end
  of the landing page) cites the whole book. Each block gives the APA 7 reference, the BibTeX
  entry, the RIS record, copy buttons (maturing-cite.js), ``.bib`` and ``.ris`` downloads, the
  chapter's PDF and access-date guidance. The references are formatted in :mod:`.references`.
- The address: with ``html.baseurl`` set, every reference carries the page's published URL. Without
  it the build knows no address and invents none: the page fills in the address it is being read
  at (maturing-cite.js, http(s) only), the downloads are then made from what the page shows, the
  static ``.bib``/``.ris`` files leave the URL out, and the PDF drops those pieces
  (``.maturing-url[data-fill]``).
- Blocks are written when a page is written (``doctree-resolved``), so that a changed address or
  CITATION.cff reaches every page, in the HTML and in the single-page build behind the PDF.
- Every page's footer states the licences: text and figures (the book's), code, data.
- ``_build/print.json`` tells tools/pdf.py what to print: the book, its chapters and their pages.
"""

from __future__ import annotations

import json
import posixpath
from html import escape
from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from . import references
from .references import Book, Chapter

PAGE_PLACEHOLDER = "(the web address of this page)"
PDF_PLACEHOLDER = "(the web address of this PDF)"
URL_SLOT = "\u0000page-address\u0000"  # stands for an address the build does not know
PDF_SLOT = "\u0000pdf-address\u0000"
SECTION_ID = "how-to-cite-this-chapter"


class citation_block(nodes.General, nodes.Element):
    """Where a citation block goes: ``kind`` is "chapter" or "book"; ``docname`` its page."""


def is_chapter(docname: str) -> bool:
    return docname.startswith("notebooks/")


def chapter_of(env, docname: str) -> Chapter:
    return Chapter(docname, env.titles[docname].astext())


def chapters(env) -> list[Chapter]:
    """Every chapter of the book, in the order of their numbers."""
    found = [chapter_of(env, d) for d in env.found_docs if is_chapter(d) and d in env.titles]
    return sorted(found, key=lambda c: c.number)


# --- Files of the built site --------------------------------------------------------------------


def stem_of(chapter: Chapter | None) -> str:
    return "book" if chapter is None else chapter.stem


def bib_path(chapter: Chapter | None) -> str:
    return f"cite/{stem_of(chapter)}.bib"


def ris_path(chapter: Chapter | None) -> str:
    return f"cite/{stem_of(chapter)}.ris"


def pdf_path(chapter: Chapter | None) -> str:
    return f"pdf/{stem_of(chapter)}.pdf"


def page_path(chapter: Chapter | None) -> str:
    """The page a reference points to: the chapter's, or the site's root for the whole book."""
    return "" if chapter is None else chapter.docname + ".html"


def relative(from_doc: str, target: str) -> str:
    """A site path as a link from the page of ``from_doc``."""
    return posixpath.relpath(target, posixpath.dirname(from_doc) or ".")


# --- The block ----------------------------------------------------------------------------------


def address_slot(before: str, after: str, placeholder: str, href: str | None = None) -> str:
    """A piece of a reference holding an address the build does not know: the page fills it in
    with its own (maturing-cite.js); the PDF leaves the whole piece out."""
    target = f' data-href="{escape(href)}"' if href else ""
    return (
        f'<span class="maturing-url" data-fill="">{escape(before)}'
        f'<span class="maturing-page-address"{target}>{escape(placeholder)}</span>{escape(after)}</span>'
    )


def apa_html(book: Book, chapter: Chapter | None, url: str | None) -> str:
    text = "".join(
        f"<em>{escape(t)}</em>" if italic else escape(t) for t, italic in references.apa_segments(book, chapter)
    )
    if url:
        return f'{text} <a href="{escape(url)}">{escape(url)}</a>'
    return text + address_slot(" ", "", PAGE_PLACEHOLDER)


def bibtex_html(book: Book, chapter: Chapter | None, url: str | None) -> str:
    fields = references.bibtex_fields(book, chapter, url or URL_SLOT)
    lines = [escape(f"@{references.bibtex_type(chapter)}{{{references.bibtex_key(book, chapter)},") + "\n"]
    for i, (name, value) in enumerate(fields):
        if value == URL_SLOT:
            lines.append(address_slot(f"  {name:<9} = {{", "},\n", PAGE_PLACEHOLDER))
        else:
            lines.append(escape(references.bibtex_line(name, value, last=i == len(fields) - 1)) + "\n")
    return "".join(lines) + "}"


def ris_html(book: Book, chapter: Chapter | None, url: str | None, pdf_url: str | None, pdf_href: str) -> str:
    lines = []
    for tag, value in references.ris_fields(book, chapter, url or URL_SLOT, pdf_url or PDF_SLOT):
        if value == URL_SLOT:
            lines.append(address_slot(f"{tag}  - ", "\n", PAGE_PLACEHOLDER))
        elif value == PDF_SLOT:
            lines.append(address_slot(f"{tag}  - ", "\n", PDF_PLACEHOLDER, href=pdf_href))
        else:
            lines.append(escape(references.ris_line(tag, value)) + "\n")
    return "".join(lines).rstrip("\n")


def work_line(book: Book, chapter: Chapter | None) -> str:
    what = f"<em>{escape(book.title)}</em>"
    if chapter is not None:
        what = f"Chapter {chapter.number} of {what}"
    return (
        f"{what}, version {escape(book.version)}, published {escape(book.published)} by "
        f"{escape(book.author_line)}. Its text and figures are licensed "
        f'<a href="{book.licence_url()}">{escape(book.licence_name())}</a>: reuse them with this reference.'
    )


def labelled(label: str, block_id: str, body: str) -> str:
    return (
        f'<div class="maturing-cite-format"><p class="maturing-cite-label" data-copy="{block_id}">{label}</p>'
        f"{body}</div>"
    )


def downloads_html(book: Book, chapter: Chapter | None, docname: str, ids: dict[str, str]) -> str:
    key = references.bibtex_key(book, chapter)
    what = "the book" if chapter is None else "the chapter"

    def download(path: str, name: str, mime: str, source: str, label: str) -> str:
        return (
            f'<a class="maturing-cite-download" href="{relative(docname, path)}" download="{name}" '
            f'type="{mime}" data-source="{source}">{label}</a>'
        )

    return (
        '<p class="maturing-cite-downloads">Download the reference: '
        + download(bib_path(chapter), f"{key}.bib", "application/x-bibtex", ids["bibtex"], "BibTeX (.bib)")
        + " · "
        + download(ris_path(chapter), f"{key}.ris", "application/x-research-info-systems", ids["ris"], "RIS (.ris)")
        + f'. Print or hand out {what} as a PDF: <a class="maturing-cite-pdf" href="{relative(docname, pdf_path(chapter))}">'
        + f"{posixpath.basename(pdf_path(chapter))}</a>.</p>"
    )


ACCESS_DATE_NOTE = (
    '<p class="maturing-cite-note">An access date: APA 7 needs none for a work with a version number. If '
    "your style guide asks for one, add the day you read the page: in APA, “Retrieved "
    '<span class="maturing-today" data-style="apa">Month Day, Year</span>, from” before the URL; in '
    'BibTeX, <code>urldate = {<span class="maturing-today" data-style="iso">YYYY-MM-DD</span>}</code> '
    "(biblatex) or a note.</p>"
)
NO_ADDRESS_NOTE = (
    '<p class="maturing-cite-note maturing-no-address">This copy of the book was built without its web '
    "address, so the references give the address of the page you are reading; where a placeholder "
    "shows instead, put in the address where you read it.</p>"
)


def block_html(book: Book, chapter: Chapter | None, docname: str, address: str) -> str:
    """The citation block of a chapter (or of the book, ``chapter=None``) on the page of ``docname``."""
    stem = stem_of(chapter)
    ids = {"apa": f"cite-apa-{stem}", "bibtex": f"cite-bibtex-{stem}", "ris": f"cite-ris-{stem}"}
    url = references.web_url(address, page_path(chapter))
    pdf_url = references.web_url(address, pdf_path(chapter))
    parts = [
        f'<div class="maturing-cite" id="cite-{stem}">',
        f'<p class="maturing-cite-work">{work_line(book, chapter)}</p>',
        labelled(
            "APA (7th edition)",
            ids["apa"],
            f'<p class="maturing-cite-apa" id="{ids["apa"]}">{apa_html(book, chapter, url)}</p>',
        ),
        labelled(
            "BibTeX",
            ids["bibtex"],
            f'<pre class="maturing-cite-bibtex" id="{ids["bibtex"]}">{bibtex_html(book, chapter, url)}</pre>',
        ),
        '<details class="maturing-cite-format"><summary>RIS, for EndNote, Zotero or Mendeley</summary>'
        f'<pre class="maturing-cite-ris" id="{ids["ris"]}">'
        f"{ris_html(book, chapter, url, pdf_url, relative(docname, pdf_path(chapter)))}</pre></details>",
        downloads_html(book, chapter, docname, ids),
        ACCESS_DATE_NOTE,
    ]
    if not address:
        parts.append(NO_ADDRESS_NOTE)
    if chapter is not None:
        listed = relative(docname, "book/sources.html")
        parts.append(
            '<p class="maturing-cite-note">Cite the article itself as Ivanov (2005), listed on the '
            f'<a href="{listed}">Sources page</a>.</p>'
        )
    parts.append("</div>")
    return "\n".join(parts)


def block_nodes(book: Book, chapter: Chapter | None, address: str) -> list[nodes.Node]:
    """The block for builders other than HTML: the APA reference and the BibTeX entry."""
    url = references.web_url(address, page_path(chapter))
    return [
        nodes.paragraph(text=references.apa(book, chapter, url)),
        nodes.literal_block(text=references.bibtex(book, chapter, url), language="bibtex"),
    ]


# --- Sphinx -------------------------------------------------------------------------------------


def append_citation(app, doctree):
    """``doctree-read``: end every chapter with a "How to cite this chapter" section."""
    docname = app.env.docname
    if not is_chapter(docname):
        return
    app.env.note_dependency(str(references.CITATION))
    top = next(iter(doctree.findall(nodes.section)))
    section = nodes.section(ids=[SECTION_ID], names=["how to cite this chapter"])
    section += nodes.title(text="How to cite this chapter")
    section += citation_block(kind="chapter", docname=docname)
    top += section


class BookCitation(SphinxDirective):
    """``book-citation``: how to cite the whole book (APA, BibTeX, RIS, downloads, the PDF)."""

    has_content = False

    def run(self):
        self.env.note_dependency(str(references.CITATION))
        return [citation_block(kind="book", docname=self.env.docname)]


def render_citations(app, doctree, docname):
    """``doctree-resolved``: write each citation block for the builder at hand."""
    blocks = list(doctree.findall(citation_block))
    if not blocks:
        return
    book = references.read_book()
    address = app.config.html_baseurl
    for block in blocks:
        chapter = chapter_of(app.env, block["docname"]) if block["kind"] == "chapter" else None
        if app.builder.format == "html":
            block.replace_self(nodes.raw("", block_html(book, chapter, block["docname"], address), format="html"))
        else:
            block.replace_self(block_nodes(book, chapter, address))


def add_citation_assets(app, pagename, templatename, context, doctree):
    """``html-page-context``: the script and styles of the citation blocks, on the pages with one."""
    if 'class="maturing-cite"' in context.get("body", ""):
        app.add_css_file("maturing-cite.css")
        app.add_js_file("maturing-cite.js", loading_method="defer")


DATA_TERMS = "the terms of each source, listed on the Sources page"


def licences(book: Book) -> list[tuple[str, str, str]]:
    """(what it covers, licence, licence URL) of the book's text and figures and of its code; the
    data keep their sources' terms (DATA_TERMS)."""
    return [
        ("Text and figures", book.licence_name(), book.licence_url()),
        ("Code", book.licence_name(book.code_licence), book.licence_url(book.code_licence)),
    ]


def licence_footer(book: Book, data_terms_href: str) -> str:
    pieces = [f'{covers}: <a href="{url}">{escape(name)}</a>.' for covers, name, url in licences(book)]
    pieces[0] = pieces[0].replace("<a ", '<a rel="license" ', 1)  # the licence of the page's content
    data = DATA_TERMS.replace("Sources page", f'<a href="{data_terms_href}">Sources page</a>')
    return f'<p class="maturing-licence">{" ".join(pieces)} Data: {data}.</p>'


def add_licence_footer(app, pagename, templatename, context, doctree):
    """``html-page-context``: the licences in the footer of every page."""
    if "pathto" not in context:
        return
    sources = context["pathto"]("book/sources")
    if sources in ("", "#"):  # pathto's answer on the page itself (Sphinx 7.4 gives "#")
        sources = "sources.html"
    footer = context.get("theme_extra_footer") or ""
    context["theme_extra_footer"] = footer + licence_footer(references.read_book(), sources)


def print_plan(app) -> dict:
    """What tools/pdf.py prints: the book and each chapter, their pages, PDFs and title pages."""
    book = references.read_book()
    address = app.config.html_baseurl

    def work(chapter: Chapter | None) -> dict:
        return {
            "docname": app.config.root_doc if chapter is None else chapter.docname,
            "number": None if chapter is None else chapter.number,
            "title": book.title if chapter is None else chapter.title,
            "page": (app.config.root_doc if chapter is None else chapter.docname) + ".html",
            "pdf": pdf_path(chapter),
            "url": references.web_url(address, page_path(chapter)),
            "apa": references.apa(book, chapter, references.web_url(address, page_path(chapter))),
        }

    return {
        "address": address,
        "book": {
            **work(None),
            "authors": book.author_line,
            "version": book.version,
            "published": book.published,
            "date": book.date,
            "licences": [{"covers": c, "name": n, "url": u} for c, n, u in licences(book)],
            "data_terms": DATA_TERMS,
            "abstract": book.abstract,
            "keywords": list(book.keywords),
        },
        "chapters": [work(c) for c in chapters(app.env)],
    }


def write_citation_files(app, exception):
    """``build-finished``: the .bib and .ris downloads of the book and of every chapter, and the
    print plan of tools/pdf.py."""
    if exception is not None or app.builder.name != "html":
        return
    book = references.read_book()
    address = app.config.html_baseurl
    outdir = Path(app.outdir)
    (outdir / "cite").mkdir(exist_ok=True)
    for chapter in [None, *chapters(app.env)]:
        url = references.web_url(address, page_path(chapter))
        pdf_url = references.web_url(address, pdf_path(chapter))
        (outdir / bib_path(chapter)).write_text(references.bibtex(book, chapter, url), encoding="utf-8")
        (outdir / ris_path(chapter)).write_text(references.ris(book, chapter, url, pdf_url), encoding="utf-8")
    plan = json.dumps(print_plan(app), indent=1, ensure_ascii=False)
    (outdir.parent / "print.json").write_text(plan + "\n", encoding="utf-8")
