"""The landing page: a start link to the opening chapter, the verdicts figure of that chapter,
and the book's authors, edition and licence from CITATION.cff."""

from bs4 import BeautifulSoup

from maturing_book import edition
from maturing_book.references import read_book


def landing(html):
    return BeautifulSoup((html / "book" / "intro.html").read_text(encoding="utf-8"), "html.parser")


def test_a_start_link_leads_to_the_opening_chapter(html):
    start = landing(html).select_one("main .start-reading a")
    assert start is not None and start["href"].split("#")[0] == "../notebooks/01-the-article.html"
    assert start.get_text(" ", strip=True).startswith("Start reading")


def test_the_opening_chapters_verdicts_figure_is_shown(html):
    chapter = BeautifulSoup((html / "notebooks" / "01-the-article.html").read_text(encoding="utf-8"), "html.parser")
    theirs = chapter.select_one("figure#fig-verdicts-by-chapter img")
    ours = landing(html).select_one("main figure.maturing-figure img")
    assert ours is not None and ours["src"] == theirs["src"] and ours["alt"] == theirs["alt"]
    assert ours.parent.name == "a" and ours.parent["href"] == ours["src"]  # a tap opens it full size
    assert ours["data-min-font-pt"] == theirs["data-min-font-pt"]
    assert landing(html).select_one("main figure.maturing-figure .caption-number") is None  # not renumbering


def test_authors_edition_and_licence_from_the_citation_file(html):
    text = " ".join(landing(html).select_one("main").get_text(" ").split())
    for words in edition.substitutions(read_book()).values():
        assert words in text
