"""`make pdf`: one PDF of the whole book, every chapter in it, pages numbered for citing."""

import re
import subprocess
from html import unescape

import pytest


@pytest.fixture(scope="module")
def pdf(html):
    path = html.parent / "pdf" / "book.pdf"
    if not path.exists():
        pytest.fail(f"no PDF at {path}: run `make pdf` first")
    return path


def pdf_text(pdf) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def page_count(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def chapter_titles(html) -> list[str]:
    titles = []
    for page in sorted((html / "notebooks").glob("*.html")):
        title = re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8"), re.S).group(1)
        titles.append(unescape(title).split(" — ")[0].strip())
    return titles


def test_pdf_holds_every_chapter_figure_and_the_bibliography(pdf, html):
    text = " ".join(pdf_text(pdf).split())
    for title in chapter_titles(html):
        assert " ".join(title.split()) in text, f"chapter missing from the PDF: {title}"
    assert "Bibliography" in text and "Maturing partnership" in text
    assert "How to cite this chapter" in text
    figures_in_html = sum(p.read_text().count('class="maturing-figure') for p in (html / "notebooks").glob("*.html"))
    assert len(re.findall(r"\bFigure \d+", text)) >= figures_in_html  # numfig_format in _config.yml


def test_pdf_pages_are_numbered(pdf):
    pages = page_count(pdf)
    assert pages >= 10
    text = pdf_text(pdf)
    assert f"page 1 of {pages}" in text and f"page {pages} of {pages}" in text
