"""The book's authors, edition and licence, from ``CITATION.cff``, as MyST substitutions
(``{{ book_authors }}``, ``{{ book_edition }}``, ``{{ book_licence }}``) for the landing page:
written once, in the file the citations come from, never typed into a page."""

from __future__ import annotations

from maturing import dates

from .citation import book_metadata


def substitutions(meta: dict) -> dict[str, str]:
    """The landing page's words for the book's authors, edition and licence."""
    authors = [a["name"] if "name" in a else f"{a['given-names']} {a['family-names']}" for a in meta["authors"]]
    return {
        "book_authors": ", ".join(authors),
        "book_edition": f"version {meta['version']}, {dates.label(meta['date-released'])}",
        "book_licence": meta["license"],
    }


def add_substitutions(app, config) -> None:
    """``config-inited``: the substitutions join any the book's configuration defines."""
    config.myst_substitutions = {**config.myst_substitutions, **substitutions(book_metadata())}
