"""CITATION.cff is valid CFF 1.2.0 and the chapter citations are built from it."""

import json
from pathlib import Path

import jsonschema

from maturing_book import citation as cite

SCHEMA = Path(__file__).parent / "fixtures" / "cff" / "schema-1.2.0.json"


def test_citation_cff_is_valid_cff_1_2_0():
    jsonschema.validate(cite.book_metadata(), json.loads(SCHEMA.read_text()))


def test_apa_reference_names_chapter_book_version_and_year():
    meta = {
        "authors": [{"family-names": "Doe", "given-names": "Jane"}, {"name": "A Team, Inc."}],
        "title": "A Book",
        "version": "1.2.3",
        "date-released": "2030-01-02",
    }
    assert cite.apa("A Chapter", meta) == "Doe, Jane, A Team, Inc. (2030). A Chapter. In *A Book* (Version 1.2.3)."


def test_bibtex_entry_is_keyed_by_chapter_and_braces_entity_authors():
    meta = {
        "authors": [{"family-names": "Doe", "given-names": "Jane"}, {"name": "A Team, Inc."}],
        "title": "A Book",
        "version": "1.2.3",
        "date-released": "2030-01-02",
    }
    entry = cite.bibtex("notebooks/06-afghan-drugs", "Afghan opium", meta)
    assert entry.startswith("@incollection{maturing2030-06-afghan-drugs,\n")
    assert "author    = {Doe, Jane and {A Team, Inc.}}" in entry
    assert "title     = {{Afghan opium}}" in entry
    assert entry.count("{") == entry.count("}")


def test_real_metadata_gives_this_books_reference():
    meta = cite.book_metadata()
    assert cite.apa("X", meta).endswith(f"In *{meta['title']}* (Version {meta['version']}).")
