"""The book's authors, edition and licence, from ``CITATION.cff``, as MyST substitutions
(``{{ book_authors }}``, ``{{ book_edition }}``, ``{{ book_licence }}``) for the landing page:
written once, in the file the citations come from, never typed into a page."""

from __future__ import annotations

from .references import Book, read_book


def substitutions(book: Book) -> dict[str, str]:
    """The landing page's words for the book's authors, edition and the licence of its text."""
    return {
        "book_authors": book.author_line,
        "book_edition": f"version {book.version}, {book.published}",
        "book_licence": f"{book.licence_name()} (text and figures; code: {book.licence_name(book.code_licence)})",
    }


def add_substitutions(app, config) -> None:
    """``config-inited``: the substitutions join any the book's configuration defines."""
    config.myst_substitutions = {**config.myst_substitutions, **substitutions(read_book())}
