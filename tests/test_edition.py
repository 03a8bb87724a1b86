"""The landing page's authors, edition and licence come from CITATION.cff."""

from dataclasses import replace

from maturing_book import edition
from maturing_book.references import Author, read_book


def test_substitutions_from_the_citation_file():
    book = read_book()
    words = edition.substitutions(book)
    assert words["book_licence"].startswith(book.licence_name() + " (text and figures; code: ")
    assert book.licence_name() != book.licence_name(book.code_licence)  # the text is not licensed like the code
    assert words["book_edition"] == f"version {book.version}, {book.published}"
    assert book.year in words["book_edition"]
    assert words["book_authors"] == book.author_line


def test_persons_are_named_given_name_first():
    book = replace(
        read_book(),
        authors=(Author(given="Ada", family="Lovelace", name=None), Author(given=None, family=None, name="A Group")),
        version="2.0",
        date="2026-01-05",
    )
    words = edition.substitutions(book)
    assert words["book_authors"] == "Ada Lovelace and A Group"
    assert words["book_edition"] == "version 2.0, 5 January 2026"
