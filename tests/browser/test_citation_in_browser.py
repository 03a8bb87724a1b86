"""The citation block as a reader uses it, in Chromium over http: the book is built without its
web address, so the page puts its own address into the references and the downloads, the
citation_pdf_url tag becomes absolute for reference managers, and the copy buttons copy."""

from pathlib import Path

import pybtex.database
import rispy

from maturing_book import citation, references

BOOK = references.read_book()
CHAPTER = "notebooks/07-afghan-drugs"


def open_chapter(browser, site):
    context = browser.new_context(accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site)
    page = context.new_page()
    page.goto(f"{site}/{CHAPTER}.html", wait_until="networkidle")
    # a reader scrolls to the block (the chapter's later sections are laid out as they near the
    # screen: until then the browser gives their text no rendered form, innerText included)
    page.locator(".maturing-cite-apa").scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    return context, page


def test_the_page_fills_in_its_own_address(browser, site):
    context, page = open_chapter(browser, site)
    try:
        here = f"{site}/{CHAPTER}.html"
        apa = page.inner_text(".maturing-cite-apa")
        assert apa.endswith(f"(Version {BOOK.version}, Chapter 7). {here}")
        assert citation.PAGE_PLACEHOLDER not in page.inner_text(".maturing-cite")
        entry = pybtex.database.parse_string(page.inner_text(".maturing-cite-bibtex"), "bibtex").entries
        assert next(iter(entry.values())).fields["url"] == here
        pdf = page.get_attribute('meta[name="citation_pdf_url"]', "content")
        assert pdf == f"{site}/pdf/07-afghan-drugs.pdf"
    finally:
        context.close()


def test_the_downloads_carry_the_pages_address(browser, site):
    context, page = open_chapter(browser, site)
    try:
        here = f"{site}/{CHAPTER}.html"
        with page.expect_download() as bib:
            page.click("a.maturing-cite-download[download$='.bib']")
        assert bib.value.suggested_filename == "maturing2026-07-afghan-drugs.bib"
        text = Path(bib.value.path()).read_text(encoding="utf-8")
        entry = next(iter(pybtex.database.parse_string(text, "bibtex").entries.values()))
        chapter = references.Chapter(CHAPTER, entry.fields["title"][1:-1])
        assert text == references.bibtex(BOOK, chapter, here)
        with page.expect_download() as ris:
            page.click("a.maturing-cite-download[download$='.ris']")
        (record,) = rispy.loads(Path(ris.value.path()).read_text(encoding="utf-8"))
        assert record["urls"] == [here] and record["file_attachments1"] == f"{site}/pdf/07-afghan-drugs.pdf"
    finally:
        context.close()


def test_copy_buttons_copy_the_references(browser, site):
    context, page = open_chapter(browser, site)
    try:
        for block, label in (("bibtex", ".maturing-cite-bibtex"), ("apa", ".maturing-cite-apa")):
            status = f".maturing-cite-label[data-copy^='cite-{block}'] .maturing-copy-status"
            page.click(f".maturing-cite-label[data-copy^='cite-{block}'] button.maturing-copy")
            page.wait_for_function(f"() => document.querySelector(\"{status}\").textContent === 'Copied'")
            copied = page.evaluate("() => navigator.clipboard.readText()")
            assert copied == page.inner_text(label).rstrip(), block
    finally:
        context.close()
