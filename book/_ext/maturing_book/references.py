"""References to the book and to its chapters, built from CITATION.cff: APA 7, BibTeX and RIS.

Plain functions, no Sphinx: the citation blocks (:mod:`.citation`), the meta tags (:mod:`.meta`),
the downloads and the PDFs' title pages all format their references here.

- The book is ``preferred-citation`` in CITATION.cff (a book: title, authors, publisher, version,
  date, licence); a chapter is a part of it with its own title and number (the number in its file
  name, ``07-afghan-drugs`` -> 7).
- APA 7: titles of works in sentence case with a capital after a colon (the book's title is given
  in title case, so it is lowered here); "(Version 0.1.0, Chapter 6)" after the title; the
  publisher left out when it is the author (APA 7, section 9.29); the URL last, with no full stop.
- BibTeX: ``@incollection`` for a chapter (a part of a book with its own title), ``@book`` for the
  book. The version goes in ``note``: BibTeX styles print ``edition`` as "<edition> edition".
  An organisation is braced, so that styles do not split it into given and family names.
- RIS: ``TY  - CHAP`` or ``BOOK``; the version as the edition (ET), which Zotero keeps as the
  edition and citation styles print as "(Version 0.1.0)"; the chapter number in SE; the PDF in L1.
- The URL is the book's published address (``html.baseurl``) joined with the page. When no address
  is configured a reference has none: callers leave the field out, or leave a slot that the web
  page fills with its own address (:mod:`.citation`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from maturing import dates
from maturing.paths import ROOT

CITATION = ROOT / "CITATION.cff"

LICENCES = {
    "CC-BY-4.0": ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    "MIT": ("MIT", "https://opensource.org/license/mit"),
}


def book_metadata(path: Path = CITATION) -> dict:
    """CITATION.cff as a dict (YAML dates as ISO strings)."""
    meta = yaml.safe_load(path.read_text(encoding="utf-8"))
    meta["date-released"] = str(meta["date-released"])
    meta["preferred-citation"]["date-published"] = str(meta["preferred-citation"]["date-published"])
    return meta


@dataclass(frozen=True)
class Author:
    """A person (family and given names) or an organisation (CFF ``name``)."""

    name: str | None = None
    family: str | None = None
    given: str | None = None

    @classmethod
    def from_cff(cls, entry: dict) -> Author:
        if "name" in entry:
            return cls(name=entry["name"])
        return cls(family=entry["family-names"], given=entry.get("given-names"))

    def inverted(self) -> str:
        """'Family, Given', or the organisation's name (RIS, Highwire)."""
        if self.name:
            return self.name
        return f"{self.family}, {self.given}" if self.given else self.family

    def apa(self) -> str:
        """'Family, G. M.', or the organisation's name."""
        if self.name:
            return self.name
        initials = " ".join(f"{part[0]}." for part in re.split(r"[\s]+", self.given or "") if part)
        return f"{self.family}, {initials}" if initials else self.family

    def bibtex(self) -> str:
        """'Family, Given', or the organisation's name in braces (one name, never split)."""
        return "{" + self.name + "}" if self.name else self.inverted()


@dataclass(frozen=True)
class Book:
    """The book as CITATION.cff's ``preferred-citation`` describes it."""

    title: str
    authors: tuple[Author, ...]
    publisher: str | None
    version: str
    date: str  # ISO 8601, the day this version was published
    licence: str  # SPDX identifier of the text and figures
    code_licence: str  # SPDX identifier of the code that builds the book
    language: str
    keywords: tuple[str, ...]
    abstract: str

    @property
    def year(self) -> str:
        return self.date[:4]

    @property
    def key(self) -> str:
        """The BibTeX key of the whole book."""
        return f"maturing{self.year}"

    @property
    def author_line(self) -> str:
        """The authors as a reader would write them: 'A', 'A and B', 'A, B and C'."""
        names = [a.name or f"{a.given} {a.family}".strip() for a in self.authors]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

    @property
    def published(self) -> str:
        """The publication date in words: '28 November 2026'."""
        return dates.label(self.date)

    def licence_name(self, spdx: str | None = None) -> str:
        return LICENCES[spdx or self.licence][0]

    def licence_url(self, spdx: str | None = None) -> str:
        return LICENCES[spdx or self.licence][1]


def read_book(path: Path = CITATION) -> Book:
    """The book described by CITATION.cff."""
    return book_from_cff(book_metadata(path))


def book_from_cff(meta: dict) -> Book:
    work = meta["preferred-citation"]
    publisher = work.get("publisher", {}).get("name")
    return Book(
        title=work["title"],
        authors=tuple(Author.from_cff(a) for a in work["authors"]),
        publisher=publisher,
        version=str(work["version"]),
        date=str(work["date-published"]),
        licence=work["license"],
        code_licence=meta["license"],
        language=work.get("languages", ["en"])[0],
        keywords=tuple(work.get("keywords", ())),
        abstract=" ".join(str(work.get("abstract", "")).split()),
    )


@dataclass(frozen=True)
class Chapter:
    """One chapter: its Sphinx document name (``notebooks/07-afghan-drugs``) and title."""

    docname: str
    title: str

    @property
    def stem(self) -> str:
        return self.docname.rsplit("/", 1)[-1]

    @property
    def number(self) -> int:
        """The chapter's number, from its file name: ``07-afghan-drugs`` -> 7."""
        prefix = self.stem.split("-", 1)[0]
        if not prefix.isdigit():
            raise ValueError(f"a chapter's file name starts with its number (NN-slug): {self.docname}")
        return int(prefix)

    def key(self, book: Book) -> str:
        """The chapter's BibTeX key: the book's, then the file stem."""
        return f"{book.key}-{self.stem}"


# --- APA 7 --------------------------------------------------------------------------------------


def capitalise_subtitle(title: str) -> str:
    """APA sentence case keeps the first word after a colon capitalised: 'Afghan opium: The ...'."""
    return re.sub(r"(:\s+)(\w)", lambda m: m.group(1) + m.group(2).upper(), title)


def sentence_case(title: str) -> str:
    """A title-case title in sentence case: 'Maturing Partnership, Measured' -> 'Maturing
    partnership, measured'. Words written in capitals (NATO, CFE) keep them; a proper noun written
    with an initial capital only would be lowered, so use it on titles without one."""
    words = title.split(" ")
    lowered = [w if i == 0 or not re.fullmatch(r"[A-Z][a-z’'-]*[,.:;]?", w) else w.lower() for i, w in enumerate(words)]
    return capitalise_subtitle(" ".join(lowered))


def _full_stop(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


def _apa_authors(authors: tuple[Author, ...]) -> str:
    names = [a.apa() for a in authors]
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]}, & {names[1]}"
    return ", ".join(names[:-1]) + ", & " + names[-1]


def _publisher_is_author(book: Book) -> bool:
    return book.publisher is None or [a.name for a in book.authors] == [book.publisher]


def apa_segments(book: Book, chapter: Chapter | None = None) -> list[tuple[str, bool]]:
    """The APA 7 reference up to its URL, as (text, italic) pieces."""
    head = f"{_full_stop(_apa_authors(book.authors))} ({book.year}). "
    title = sentence_case(book.title)
    publisher = "" if _publisher_is_author(book) else f" {_full_stop(book.publisher)}"
    if chapter is None:
        return [(head, False), (title, True), (f" (Version {book.version}).{publisher}", False)]
    return [
        (f"{head}{_full_stop(capitalise_subtitle(chapter.title))} In ", False),
        (title, True),
        (f" (Version {book.version}, Chapter {chapter.number}).{publisher}", False),
    ]


def apa(book: Book, chapter: Chapter | None = None, url: str | None = None) -> str:
    """The APA 7 reference as plain text (no italics), with the URL when it is known."""
    text = "".join(piece for piece, _ in apa_segments(book, chapter))
    return f"{text} {url}" if url else text


# --- BibTeX -------------------------------------------------------------------------------------

BIBTEX_SPECIAL = re.compile(r"([&%$#_])")


def bibtex_escape(text: str) -> str:
    return BIBTEX_SPECIAL.sub(r"\\\1", text)


def bibtex_type(chapter: Chapter | None) -> str:
    return "book" if chapter is None else "incollection"


def bibtex_key(book: Book, chapter: Chapter | None = None) -> str:
    return book.key if chapter is None else chapter.key(book)


def bibtex_fields(book: Book, chapter: Chapter | None = None, url: str | None = None) -> list[tuple[str, str]]:
    """(field, value) in order; the URL, when known, comes before the note (never last)."""
    fields = [("author", " and ".join(a.bibtex() for a in book.authors))]
    if chapter is None:
        fields.append(("title", "{" + bibtex_escape(book.title) + "}"))
    else:
        fields += [
            ("title", "{" + bibtex_escape(chapter.title) + "}"),
            ("booktitle", bibtex_escape(book.title)),
            ("chapter", str(chapter.number)),
        ]
    if book.publisher:
        fields.append(("publisher", bibtex_escape(book.publisher)))
    fields.append(("year", book.year))
    if url:
        fields.append(("url", url))
    fields.append(("note", f"Version {book.version}"))
    return fields


def bibtex_line(name: str, value: str, last: bool = False) -> str:
    return f"  {name:<9} = {{{value}}}" + ("" if last else ",")


def bibtex(book: Book, chapter: Chapter | None = None, url: str | None = None) -> str:
    """A BibTeX entry for the book or one of its chapters."""
    fields = bibtex_fields(book, chapter, url)
    lines = [bibtex_line(name, value, last=i == len(fields) - 1) for i, (name, value) in enumerate(fields)]
    return "\n".join([f"@{bibtex_type(chapter)}{{{bibtex_key(book, chapter)},", *lines, "}"]) + "\n"


# --- RIS ----------------------------------------------------------------------------------------


def ris_fields(
    book: Book, chapter: Chapter | None = None, url: str | None = None, pdf_url: str | None = None
) -> list[tuple[str, str]]:
    """(tag, value) in order, from TY to ER."""
    fields = [("TY", "BOOK" if chapter is None else "CHAP")]
    fields += [("AU", a.inverted()) for a in book.authors]
    if chapter is None:
        fields.append(("TI", book.title))
    else:
        fields += [("TI", chapter.title), ("T2", book.title), ("SE", str(chapter.number))]
    fields += [("ET", f"Version {book.version}"), ("PY", book.year), ("DA", book.date.replace("-", "/"))]
    if book.publisher:
        fields.append(("PB", book.publisher))
    fields.append(("LA", book.language))
    fields += [("KW", word) for word in book.keywords]
    if url:
        fields.append(("UR", url))
    if pdf_url:
        fields.append(("L1", pdf_url))
    fields.append(("ER", ""))
    return fields


def ris_line(tag: str, value: str) -> str:
    return f"{tag}  - {value}"


def ris(book: Book, chapter: Chapter | None = None, url: str | None = None, pdf_url: str | None = None) -> str:
    """A RIS record for the book or one of its chapters."""
    return "\n".join(ris_line(tag, value) for tag, value in ris_fields(book, chapter, url, pdf_url)) + "\n"


# --- Addresses ----------------------------------------------------------------------------------


def normalised_address(value: str | None) -> str:
    """The published address with one trailing slash, or '' when none is configured."""
    value = (value or "").strip()
    if not value:
        return ""
    if not re.match(r"https?://[^/\s]+", value):
        raise ValueError(f"html.baseurl must be an http(s) address such as https://host/path/, not {value!r}")
    return value.rstrip("/") + "/"


def web_url(address: str, path: str) -> str | None:
    """The address of a file of the built site (``notebooks/07-afghan-drugs.html``), or None."""
    return address + path if address else None
