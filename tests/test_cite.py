"""CITATION.cff is valid CFF 1.2.0 and describes the book; the references built from it are what
APA 7, BibTeX and RIS readers accept (checked with pybtex and rispy, not by eye)."""

import json
from pathlib import Path

import jsonschema
import pybtex.database
import pytest
import rispy
import yaml

from maturing_book import references as ref
from maturing_book.references import Author, Book, Chapter

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = Path(__file__).parent / "fixtures" / "cff" / "schema-1.2.0.json"


def a_book(**changes) -> Book:
    fields = {
        "title": "A Book of Things",
        "authors": (Author(family="Doe", given="Jane Anne"), Author(name="A Research Team")),
        "publisher": "Some Press",
        "version": "1.2.3",
        "date": "2030-01-02",
        "licence": "CC-BY-4.0",
        "code_licence": "MIT",
        "language": "en",
        "keywords": ("one", "two"),
        "abstract": "About things.",
    }
    return Book(**{**fields, **changes})


CHAPTER = Chapter("notebooks/06-some-thing", "Things & more: the case of 100% of things")
ORG = Author(name="Maturing Partnership Measured project")


# --- CITATION.cff ----------------------------------------------------------------------------


def test_citation_cff_is_valid_cff_1_2_0():
    jsonschema.validate(ref.book_metadata(), json.loads(SCHEMA.read_text()))


def test_citation_cff_cites_a_book_by_a_named_organisation_with_its_licences():
    meta = ref.book_metadata()
    book = ref.read_book()
    assert meta["preferred-citation"]["type"] == "book"
    assert [a.name for a in book.authors] == [book.publisher]
    assert all(a.name and "," not in a.name for a in book.authors), "a comma inside a corporate name splits it"
    assert (book.licence, book.code_licence) == ("CC-BY-4.0", "MIT")
    # the top level (the repository) and the book agree
    work = meta["preferred-citation"]
    assert (meta["title"], meta["version"], meta["date-released"]) == (
        work["title"],
        work["version"],
        work["date-published"],
    )
    assert meta["authors"] == work["authors"]
    assert str(work["year"]) == book.year


def test_the_books_address_is_not_in_citation_cff_but_in_one_setting():
    meta = ref.book_metadata()
    assert "url" not in meta and "url" not in meta["preferred-citation"]
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    assert "baseurl" in config["html"]


def test_config_names_the_book_and_its_authors_as_citation_cff_does():
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    book = ref.read_book()
    assert config["title"] == book.title
    assert config["author"] == book.author_line
    assert book.author_line in config["copyright"] and book.year in config["copyright"]


def test_chapter_numbers_follow_the_table_of_contents():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [c["file"] for part in toc["parts"] for c in part["chapters"] if c["file"].startswith("notebooks/")]
    assert [Chapter(f, "").number for f in files] == list(range(1, len(files) + 1))  # as Sphinx numbers them


def test_a_chapter_file_without_a_number_is_refused():
    with pytest.raises(ValueError, match="NN-slug"):
        _ = Chapter("notebooks/afghan-drugs", "x").number


# --- APA 7 -----------------------------------------------------------------------------------


def test_apa_chapter_reference_has_every_element_in_apa_order():
    text = ref.apa(a_book(), CHAPTER, "https://example.org/b/notebooks/06-some-thing.html")
    assert text == (
        "Doe, J. A., & A Research Team. (2030). Things & more: The case of 100% of things. "
        "In A book of things (Version 1.2.3, Chapter 6). Some Press. "
        "https://example.org/b/notebooks/06-some-thing.html"
    )


def test_apa_italicises_the_book_title_only():
    segments = ref.apa_segments(a_book(), CHAPTER)
    assert [text for text, italic in segments if italic] == ["A book of things"]


def test_apa_leaves_out_a_publisher_who_is_the_author_and_an_unknown_url():
    book = a_book(authors=(ORG,), publisher=ORG.name, title="Maturing Partnership, Measured")
    text = ref.apa(book, CHAPTER)
    assert text.startswith("Maturing Partnership Measured project. (2030). ")
    assert text.count(ORG.name) == 1
    assert text.endswith("(Version 1.2.3, Chapter 6).")
    assert (
        ref.apa(book)
        == "Maturing Partnership Measured project. (2030). Maturing partnership, measured (Version 1.2.3)."
    )


def test_sentence_case_keeps_capitals_and_the_first_word_of_a_subtitle():
    assert ref.sentence_case("Maturing Partnership, Measured") == "Maturing partnership, measured"
    assert ref.sentence_case("The NATO Files: What Happened") == "The NATO files: What happened"


# --- BibTeX ----------------------------------------------------------------------------------


def parse_bibtex(text: str):
    entries = pybtex.database.parse_string(text, "bibtex").entries
    assert len(entries) == 1
    return next(iter(entries.items()))


def test_bibtex_chapter_parses_with_chapter_book_publisher_url_and_version():
    url = "https://example.org/b/notebooks/06-some-thing.html"
    key, entry = parse_bibtex(ref.bibtex(a_book(), CHAPTER, url))
    assert key == "maturing2030-06-some-thing"
    assert entry.type == "incollection"
    fields = entry.fields
    assert (fields["chapter"], fields["booktitle"], fields["publisher"], fields["year"]) == (
        "6",
        "A Book of Things",
        "Some Press",
        "2030",
    )
    assert fields["url"] == url
    assert fields["note"] == "Version 1.2.3"
    assert "edition" not in fields  # BibTeX styles print it as "<edition> edition"
    assert fields["title"] == r"{Things \& more: the case of 100\% of things}"  # escaped, and braced against re-casing


def test_bibtex_keeps_an_organisation_as_one_name_and_splits_a_person():
    _, entry = parse_bibtex(ref.bibtex(a_book(), CHAPTER))
    jane, team = entry.persons["author"]
    assert (jane.last_names, jane.first_names, jane.middle_names) == (["Doe"], ["Jane"], ["Anne"])
    assert team.last_names == ["{A Research Team}"] and team.first_names == []


def test_bibtex_without_an_address_has_no_url_and_the_book_is_a_book():
    key, entry = parse_bibtex(ref.bibtex(a_book()))
    assert (key, entry.type) == ("maturing2030", "book")
    assert "url" not in entry.fields and entry.fields["note"] == "Version 1.2.3"


# --- RIS -------------------------------------------------------------------------------------


def test_ris_chapter_parses_as_a_chapter_of_the_book():
    text = ref.ris(a_book(), CHAPTER, "https://example.org/b/c.html", "https://example.org/b/pdf/c.pdf")
    (record,) = rispy.loads(text)
    assert record["type_of_reference"] == "CHAP"
    assert record["authors"] == ["Doe, Jane Anne", "A Research Team"]
    assert record["title"] == CHAPTER.title and record["secondary_title"] == "A Book of Things"
    assert (record["section"], record["edition"], record["year"], record["date"]) == (
        "6",
        "Version 1.2.3",
        "2030",
        "2030/01/02",
    )
    assert record["publisher"] == "Some Press" and record["keywords"] == ["one", "two"]
    assert record["urls"] == ["https://example.org/b/c.html"]
    assert record["file_attachments1"] == "https://example.org/b/pdf/c.pdf"


def test_ris_without_an_address_has_no_url_and_the_book_is_a_book():
    (record,) = rispy.loads(ref.ris(a_book()))
    assert record["type_of_reference"] == "BOOK" and record["title"] == "A Book of Things"
    assert "urls" not in record and "file_attachments1" not in record


# --- The address -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "kept"),
    [("", ""), (None, ""), ("https://example.org/book", "https://example.org/book/"), ("http://h/x/", "http://h/x/")],
)
def test_the_address_gets_one_trailing_slash(given, kept):
    assert ref.normalised_address(given) == kept


@pytest.mark.parametrize("bad", ["example.org/book", "file:///tmp/book/", "/book/"])
def test_an_address_that_is_not_http_is_refused(bad):
    with pytest.raises(ValueError, match=r"html\.baseurl"):
        ref.normalised_address(bad)


def test_no_address_means_no_url():
    assert ref.web_url("", "notebooks/x.html") is None
    assert ref.web_url("https://h/b/", "notebooks/x.html") == "https://h/b/notebooks/x.html"
