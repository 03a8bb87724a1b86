"""The PDFs of `make book` (tools/pdf.py): one of the whole book and one per chapter, in the built
site. Each opens on a title page with the licence, has contents and an outline (bookmarks), starts
every chapter on a new page, links inside itself, and never links to a file of the build machine."""

import re
import subprocess
from html import unescape

import pytest
from pypdf import PdfReader

from maturing_book import references

BOOK = references.read_book()


@pytest.fixture(scope="module")
def pdfs(html):
    folder = html / "pdf"
    if not (folder / "book.pdf").exists():
        pytest.fail(f"no PDF at {folder / 'book.pdf'}: run `make book` first")
    return folder


@pytest.fixture(scope="module")
def book_pdf(pdfs):
    return pdfs / "book.pdf"


def pdf_text(pdf, first=None, last=None, layout=False) -> str:
    pages = (["-f", str(first)] if first else []) + (["-l", str(last)] if last else [])
    options = [*pages, *(["-layout"] if layout else [])]
    return subprocess.run(["pdftotext", *options, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def words(text: str) -> str:
    return " ".join(text.split())


def page_count(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def chapters(html) -> list[tuple[int, str, str]]:
    """(number, title, file stem) of every chapter page of the built book."""
    found = []
    for page in sorted((html / "notebooks").glob("*.html")):
        title = re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8"), re.S).group(1)
        title = " ".join(unescape(title).split(" — ")[0].split())
        title = re.sub(r"^\d+\. ", "", title)  # the page's title carries its section number; the PDF's headings do not
        found.append((references.Chapter(f"notebooks/{page.stem}", title).number, title, page.stem))
    return found


def outline(pdf) -> list[tuple[int, str, int, float]]:
    """(level, title, page number from 1, top of the target) of every bookmark."""
    reader = PdfReader(pdf)
    found = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, item.title, reader.get_destination_page_number(item) + 1, float(item.top or 0)))

    walk(reader.outline, 1)
    return found


def links(pdf) -> tuple[list[str], list[str]]:
    """The web addresses a PDF links to, and the named destinations its internal links go to."""
    uris, internal = [], []
    for page in PdfReader(pdf).pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            action = annot.get("/A")
            if action is not None and "/URI" in action:
                uris.append(str(action["/URI"]))
            else:
                internal.append(str(annot.get("/Dest") or action.get("/D")))
    return uris, internal


def test_the_book_pdf_holds_every_chapter_figure_and_the_sources(book_pdf, html):
    text = words(pdf_text(book_pdf))
    for _, title, _ in chapters(html):
        assert title in text, f"chapter missing from the PDF: {title}"
    assert "Sources" in text and "Maturing partnership" in text  # the Sources page lists the article
    assert text.count("How to cite this chapter") >= len(chapters(html))
    figures_in_html = sum(p.read_text().count('class="maturing-figure') for p in (html / "notebooks").glob("*.html"))
    assert len(re.findall(r"\bFigure \d+", text)) >= figures_in_html  # numfig_format in _config.yml


def test_pages_are_numbered(book_pdf):
    pages = page_count(book_pdf)
    assert pages >= 10
    text = pdf_text(book_pdf)
    assert f"page 1 of {pages}" in text and f"page {pages} of {pages}" in text


def test_the_book_opens_on_a_title_page_with_authors_edition_date_and_licences(book_pdf):
    first = words(pdf_text(book_pdf, 1, 1))
    assert first.startswith(BOOK.title)
    assert BOOK.author_line in first
    assert f"Version {BOOK.version} · {BOOK.published}" in first
    assert f"Text and figures: {BOOK.licence_name()}. Code: {BOOK.licence_name(BOOK.code_licence)}." in first
    assert "Data: the terms of each source" in first
    assert "records no web address" in first, "the book has no address: the title page says so, and invents none"
    assert words(references.apa(BOOK)) in first


def test_the_book_has_contents_with_the_page_each_chapter_starts_on(book_pdf, html):
    marks = {title: page for level, title, page, _ in outline(book_pdf) if level == 1}
    lines = [words(line) for line in pdf_text(book_pdf, 2, 4, layout=True).splitlines()]
    assert next(line for line in lines if line) == "Contents"
    for number, title, _ in chapters(html):
        page = marks[f"{number}. {title}"]
        # a long title wraps; its first line carries the number, the start of the title and the page
        entry = [line for line in lines if line.startswith(f"{number} {title[:30]}")]
        assert len(entry) == 1, f"contents entry of chapter {number}: {entry}"
        assert entry[0].endswith(f" {page}") and title.startswith(entry[0][len(str(number)) + 1 : -len(str(page)) - 1])


def test_the_outline_has_every_chapter_in_order_with_its_sections(book_pdf, html):
    marks = outline(book_pdf)
    top = [title for level, title, _, _ in marks if level == 1]
    expected = [f"{number}. {title}" for number, title, _ in chapters(html)]
    assert [t for t in top if t in expected] == expected
    assert {"Methods", "Data catalogue", "Glossary", "The claims ledger", "Sources"} <= set(top)
    for chapter in expected:
        after = marks[[m[1] for m in marks].index(chapter) + 1 :]
        sections = after[: next((i for i, m in enumerate(after) if m[0] == 1), len(after))]
        assert any(title == "How to cite this chapter" for _, title, _, _ in sections), chapter


def test_each_chapter_starts_a_page(book_pdf, html):
    height = float(PdfReader(book_pdf).pages[0].mediabox.height)
    marks = {title: (page, top) for level, title, page, top in outline(book_pdf) if level == 1}
    for number, title, _ in chapters(html):
        page, top = marks[f"{number}. {title}"]
        assert top >= height - 1, f"chapter {number} does not start at the top of page {page}"
        head = words(pdf_text(book_pdf, page, page))
        assert head.startswith(f"CHAPTER {number} {title}"), f"page {page} starts: {head[:80]}"


def test_no_pdf_links_to_a_file_and_internal_links_land(pdfs):
    for pdf in sorted(pdfs.glob("*.pdf")):
        uris, internal = links(pdf)
        assert [u for u in uris if not u.startswith(("https://", "http://", "mailto:"))] == [], pdf.name
        destinations = {name.lstrip("/") for name in PdfReader(pdf).named_destinations}
        assert internal, f"{pdf.name} has no internal link"
        assert {d.lstrip("/") for d in internal} <= destinations, pdf.name


def test_the_data_catalogues_schema_tables_are_condensed(book_pdf):
    marks = [(title, page) for level, title, page, _ in outline(book_pdf) if level == 1]
    titles = [t for t, _ in marks]
    start = marks[titles.index("Data catalogue")][1]
    end = marks[titles.index("Data catalogue") + 1][1]
    assert end - start <= 25, f"the data catalogue fills {end - start} pages"


def test_every_chapter_has_its_own_pdf(pdfs, html):
    for number, title, stem in chapters(html):
        pdf = pdfs / f"{stem}.pdf"
        assert pdf.exists(), f"no PDF of chapter {number}"
        first = words(pdf_text(pdf, 1, 1))
        assert first.startswith(f"{BOOK.title.upper()} · CHAPTER {number} {title}"), first[:120]
        assert f"Text and figures: {BOOK.licence_name()}." in first and f"Version {BOOK.version}" in first
        assert "In this chapter" in first
        marks = outline(pdf)
        assert marks[0][:3] == (1, f"{number}. {title}", 2), "the chapter starts on the page after its title page"
        assert words(pdf_text(pdf, 2, 2)).startswith(f"CHAPTER {number} {title}")
        assert PdfReader(pdf).metadata["/Author"] == BOOK.author_line
