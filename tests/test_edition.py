"""The landing page's authors, edition and licence come from CITATION.cff."""

from maturing_book import edition
from maturing_book.citation import book_metadata


def test_substitutions_from_the_citation_file():
    meta = book_metadata()
    words = edition.substitutions(meta)
    assert words["book_licence"] == meta["license"]
    assert words["book_edition"].startswith(f"version {meta['version']}, ")
    assert meta["date-released"][:4] in words["book_edition"]
    assert words["book_authors"] == meta["authors"][0]["name"]


def test_persons_are_named_given_name_first():
    meta = {
        "authors": [{"given-names": "Ada", "family-names": "Lovelace"}, {"name": "A Group"}],
        "version": "2.0",
        "date-released": "2026-01-05",
        "license": "CC-BY-4.0",
    }
    assert edition.substitutions(meta) == {
        "book_authors": "Ada Lovelace, A Group",
        "book_edition": "version 2.0, 5 January 2026",
        "book_licence": "CC-BY-4.0",
    }
