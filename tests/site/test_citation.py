"""The built book cites itself: every chapter page carries the Highwire ``citation_*`` tags that
Zotero and Google Scholar read, a citation block whose BibTeX parses (pybtex) and whose RIS parses
(rispy), downloads that parse too, and the licences in its footer. Built as it is configured (no
published address), nothing invents an address; built once more with ``html.baseurl`` set, the
canonical links, the sitemap, Open Graph, the references and a chapter's PDF all carry it."""

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pybtex.database
import pytest
import rispy
from bs4 import BeautifulSoup
from pypdf import PdfReader

from maturing_book import citation, references

ROOT = Path(__file__).resolve().parents[2]
JB = Path(sys.executable).parent / "jupyter-book"
ADDRESS = "https://example.org/maturing/"  # a documentation domain (RFC 2606), for this test only
BOOK = references.read_book()


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def meta_tags(page: BeautifulSoup) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for tag in page.find_all("meta"):
        name = tag.get("name") or tag.get("property")
        if name:
            found.setdefault(name, []).append(tag.get("content"))
    return found


def chapter_pages(html: Path) -> list[Path]:
    pages = sorted((html / "notebooks").glob("*.html"))
    assert len(pages) >= 9
    return pages


def chapter_of(path: Path, page: BeautifulSoup) -> references.Chapter:
    return references.Chapter(f"notebooks/{path.stem}", page.find("h1").get_text().rstrip("#").strip())


def site_file(html: Path, page: Path, href: str) -> Path:
    return (page.parent / urlparse(href).path).resolve()


def parse_bibtex(text: str):
    entries = pybtex.database.parse_string(text, "bibtex").entries
    assert len(entries) == 1, text
    return next(iter(entries.items()))


def block_texts(page: BeautifulSoup, stem: str) -> dict[str, str]:
    block = page.find(id=f"cite-{stem}")
    assert block is not None, f"no citation block cite-{stem}"
    return {
        "work": block.find(class_="maturing-cite-work").get_text(),
        "apa": block.find(class_="maturing-cite-apa").get_text(),
        "apa_italic": [em.get_text() for em in block.find(class_="maturing-cite-apa").find_all("em")],
        "bibtex": block.find(class_="maturing-cite-bibtex").get_text(),
        "ris": block.find(class_="maturing-cite-ris").get_text(),
    }


# --- The book as built (no published address) ------------------------------------------------


def test_every_chapter_page_carries_highwire_tags_for_a_chapter_of_the_book(html):
    for path in chapter_pages(html):
        page = soup(path)
        tags = meta_tags(page)
        chapter = chapter_of(path, page)
        assert tags["citation_title"] == [chapter.title], path.name
        assert tags["citation_author"] == [a.inverted() for a in BOOK.authors]
        assert tags["citation_publication_date"] == [BOOK.date.replace("-", "/")]
        assert tags["citation_inbook_title"] == tags["citation_book_title"] == [BOOK.title]
        assert tags["citation_publisher"] == [BOOK.publisher]
        (pdf_url,) = tags["citation_pdf_url"]
        assert pdf_url == f"../pdf/{path.stem}.pdf", "without an address the PDF link is relative"
        pdf = site_file(html, path, pdf_url)
        assert pdf.is_file() and pdf.read_bytes()[:5] == b"%PDF-", f"{path.name}: citation_pdf_url -> {pdf}"


def test_the_landing_page_carries_the_tags_and_the_citation_of_the_whole_book(html):
    path = html / "book" / "intro.html"
    page = soup(path)
    tags = meta_tags(page)
    assert tags["citation_title"] == [BOOK.title] and "citation_inbook_title" not in tags
    assert site_file(html, path, tags["citation_pdf_url"][0]).read_bytes()[:5] == b"%PDF-"
    texts = block_texts(page, "book")
    key, entry = parse_bibtex(texts["bibtex"])
    assert (key, entry.type) == (BOOK.key, "book")
    assert entry.fields["publisher"] == BOOK.publisher and entry.fields["note"] == f"Version {BOOK.version}"
    assert texts["apa_italic"] == [references.sentence_case(BOOK.title)]
    (ris,) = rispy.loads(texts["ris"])
    assert ris["type_of_reference"] == "BOOK" and ris["title"] == BOOK.title
    assert page.find(id="how-to-cite-this-book") is not None


def test_every_chapter_ends_with_a_citation_block_that_parses(html):
    for path in chapter_pages(html):
        page = soup(path)
        chapter = chapter_of(path, page)
        texts = block_texts(page, path.stem)
        assert page.find(id="how-to-cite-this-chapter") is not None, path.name
        assert texts["work"].startswith(f"Chapter {chapter.number} of {BOOK.title}, version {BOOK.version}")
        # APA 7: group author, year, chapter title, the book in italics, version and chapter, the page's address
        assert texts["apa"].startswith(f"{BOOK.authors[0].name}. ({BOOK.year}). ")
        assert f"(Version {BOOK.version}, Chapter {chapter.number})." in texts["apa"]
        assert texts["apa"].endswith(citation.PAGE_PLACEHOLDER), "the address slot the page fills in"
        assert texts["apa_italic"] == [references.sentence_case(BOOK.title)]
        # BibTeX, read by a BibTeX parser
        key, entry = parse_bibtex(texts["bibtex"])
        assert key == chapter.key(BOOK) and entry.type == "incollection"
        fields = entry.fields
        assert fields["title"] == "{" + references.bibtex_escape(chapter.title) + "}"
        assert (fields["booktitle"], fields["chapter"]) == (BOOK.title, str(chapter.number))
        assert fields["publisher"] == BOOK.publisher and fields["year"] == BOOK.year
        assert fields["note"] == f"Version {BOOK.version}"
        assert fields["url"] == citation.PAGE_PLACEHOLDER
        # RIS, read by a RIS reader
        (ris,) = rispy.loads(texts["ris"])
        assert (ris["type_of_reference"], ris["title"], ris["secondary_title"]) == ("CHAP", chapter.title, BOOK.title)
        assert ris["section"] == str(chapter.number) and ris["edition"] == f"Version {BOOK.version}"
        assert ris["urls"] == [citation.PAGE_PLACEHOLDER]


def test_the_downloads_are_files_that_parse_and_invent_no_address(html):
    for path in chapter_pages(html):
        page = soup(path)
        chapter = chapter_of(path, page)
        links = {a["download"].rsplit(".", 1)[1]: a for a in page.select("a.maturing-cite-download")}
        assert set(links) == {"bib", "ris"}, path.name
        bib = site_file(html, path, links["bib"]["href"]).read_text(encoding="utf-8")
        key, entry = parse_bibtex(bib)
        assert key == chapter.key(BOOK) and entry.fields["chapter"] == str(chapter.number)
        assert "url" not in entry.fields, "the build knows no address: the file has none"
        (ris,) = rispy.loads(site_file(html, path, links["ris"]["href"]).read_text(encoding="utf-8"))
        assert ris["title"] == chapter.title and "urls" not in ris and "file_attachments1" not in ris
        pdf = page.select_one("a.maturing-cite-pdf")
        assert site_file(html, path, pdf["href"]).read_bytes()[:5] == b"%PDF-"


def test_without_an_address_no_address_is_invented(html):
    assert not (html / "sitemap.xml").exists()
    for path in [*chapter_pages(html), html / "book" / "intro.html"]:
        raw = path.read_text(encoding="utf-8")
        tags = meta_tags(BeautifulSoup(raw, "html.parser"))
        assert 'rel="canonical"' not in raw, path.name
        assert "og:url" not in tags and "og:image" not in tags, path.name
        assert tags["og:site_name"] == [BOOK.title] and tags["og:description"] == tags["description"]
        assert "file://" not in raw and "example.org" not in raw


def test_every_page_states_the_licences_in_its_footer(page_path, html):
    path = html / page_path
    if 'http-equiv="Refresh"' in path.read_text(encoding="utf-8"):
        pytest.skip("a redirect to the landing page, which nobody reads")
    footer = soup(path).select_one(".maturing-licence")
    assert footer is not None, f"{page_path}: no licence in the footer"
    text = " ".join(footer.get_text().split())
    assert f"Text and figures: {BOOK.licence_name()}." in text
    assert f"Code: {BOOK.licence_name(BOOK.code_licence)}." in text
    assert "Data: the terms of each source" in text
    links = [a["href"] for a in footer.find_all("a")]
    assert BOOK.licence_url() in links and BOOK.licence_url(BOOK.code_licence) in links
    data = next(h for h in links if h.endswith("sources.html"))
    target = site_file(html, path, data)
    assert target.resolve() == (html / "book" / "sources.html").resolve()


# --- The book built with a published address -------------------------------------------------


@pytest.fixture(scope="module")
def published(tmp_path_factory, html) -> Path:
    """The book built with html.baseurl set (notebooks from the book's cache), and one chapter's
    PDF printed from it."""
    out = tmp_path_factory.mktemp("published")
    config = (ROOT / "_config.yml").read_text(encoding="utf-8")
    assert '  baseurl: ""' in config
    (out / "_config.yml").write_text(config.replace('  baseurl: ""', f'  baseurl: "{ADDRESS}"'), encoding="utf-8")
    build = [str(JB), "build", str(ROOT), "--config", str(out / "_config.yml"), "--path-output", str(out)]
    run = subprocess.run([*build, "-W", "-n", "--keep-going"], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    pdf = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "pdf.py"), str(out / "_build"), "07-afghan-drugs.pdf"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert pdf.returncode == 0, pdf.stdout + pdf.stderr
    return out / "_build" / "html"


def web_path(url: str) -> str:
    assert url.startswith(ADDRESS), url
    return url[len(ADDRESS) :]


def test_published_pages_have_canonical_links_open_graph_and_absolute_citation_tags(published):
    for path in [*chapter_pages(published), published / "book" / "intro.html"]:
        page = soup(path)
        here = ADDRESS + str(path.relative_to(published))
        assert page.find("link", rel="canonical")["href"] == here
        tags = meta_tags(page)
        assert tags["og:url"] == [here]
        (image,) = tags["og:image"]
        assert (published / web_path(image)).is_file(), "the social card is in the built site"
        stem = "book" if path.name == "intro.html" else path.stem
        assert tags["citation_pdf_url"] == [f"{ADDRESS}pdf/{stem}.pdf"]


def test_published_sitemap_lists_every_page_at_its_address(published):
    sitemap = (published / "sitemap.xml").read_text(encoding="utf-8")
    listed = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert all(url.startswith(ADDRESS) for url in listed)
    pages = {web_path(url) for url in listed}
    assert {f"notebooks/{p.name}" for p in chapter_pages(published)} | {"book/intro.html"} <= pages
    assert "search.html" not in pages and "genindex.html" not in pages
    assert all((published / p).is_file() for p in pages)


def test_published_references_carry_the_pages_address(published):
    for path in chapter_pages(published):
        page = soup(path)
        here = ADDRESS + f"notebooks/{path.name}"
        assert page.select(".maturing-url[data-fill]") == [], "no slot left for the page to fill"
        texts = block_texts(page, path.stem)
        assert texts["apa"].endswith(f"). {here}")
        _, entry = parse_bibtex(texts["bibtex"])
        assert entry.fields["url"] == here
        (ris,) = rispy.loads(texts["ris"])
        assert ris["urls"] == [here] and ris["file_attachments1"] == f"{ADDRESS}pdf/{path.stem}.pdf"
        _, static = parse_bibtex((published / "cite" / f"{path.stem}.bib").read_text(encoding="utf-8"))
        assert static.fields["url"] == here


def test_a_published_chapters_pdf_links_to_the_published_pages(published):
    pdf = published / "pdf" / "07-afghan-drugs.pdf"
    reader = PdfReader(pdf)
    uris = [
        str(annot.get_object()["/A"]["/URI"])
        for page in reader.pages
        for annot in page.get("/Annots") or []
        if "/A" in annot.get_object() and "/URI" in annot.get_object()["/A"]
    ]
    assert uris and all(u.startswith(("https://", "http://", "mailto:")) for u in uris), uris
    ours = [u for u in uris if u.startswith(ADDRESS)]
    assert any("glossary.html" in u for u in ours) and any("_downloads/" in u for u in ours)
    for url in ours:
        assert (published / urlparse(web_path(url)).path).is_file(), f"{url} is not a page of the published book"
    first = reader.pages[0].extract_text()
    assert f"Online: {ADDRESS}notebooks/07-afghan-drugs.html" in " ".join(first.split())
