"""How to cite a chapter: APA-style text and BibTeX, from CITATION.cff."""

from __future__ import annotations

from pathlib import Path

import yaml
from docutils import nodes

from maturing.paths import ROOT

CITATION = ROOT / "CITATION.cff"


def book_metadata(path: Path = CITATION) -> dict:
    """CITATION.cff as a dict (dates as ISO strings)."""
    meta = yaml.safe_load(path.read_text(encoding="utf-8"))
    meta["date-released"] = str(meta["date-released"])
    return meta


def _author_names(meta: dict, bibtex: bool = False) -> list[str]:
    """Persons as 'Family, Given'; an entity (CFF `name`) as is, braced for BibTeX."""
    names = []
    for author in meta["authors"]:
        if "name" in author:
            names.append("{" + author["name"] + "}" if bibtex else author["name"])
        else:
            names.append(f"{author['family-names']}, {author['given-names']}")
    return names


def apa(chapter_title: str, meta: dict) -> str:
    """An APA-style reference to one chapter of the book (plain text, *italics* in MyST)."""
    authors = ", ".join(_author_names(meta)).rstrip(".")
    year = meta["date-released"][:4]
    return f"{authors}. ({year}). {chapter_title}. In *{meta['title']}* (Version {meta['version']})."


def bibtex_key(docname: str, meta: dict) -> str:
    """A stable BibTeX key: book slug, year and the chapter's file stem."""
    stem = docname.rsplit("/", 1)[-1]
    return f"maturing{meta['date-released'][:4]}-{stem}"


def bibtex(docname: str, chapter_title: str, meta: dict) -> str:
    """A BibTeX @incollection entry for one chapter."""
    authors = " and ".join(_author_names(meta, bibtex=True))
    fields = {
        "author": authors,
        "title": "{" + chapter_title + "}",
        "booktitle": meta["title"],
        "year": meta["date-released"][:4],
        "edition": f"Version {meta['version']}",
        "note": f"Chapter {docname.rsplit('/', 1)[-1]}",
    }
    body = ",\n".join(f"  {k:<9} = {{{v}}}" for k, v in fields.items())
    return f"@incollection{{{bibtex_key(docname, meta)},\n{body}\n}}"


def is_chapter(docname: str) -> bool:
    return docname.startswith("notebooks/")


def append_citation(app, doctree):
    """``doctree-read``: end every chapter with "How to cite this chapter" (APA text and BibTeX)."""
    docname = app.env.docname
    if not is_chapter(docname):
        return
    app.env.note_dependency(str(CITATION))
    meta = book_metadata()
    title = app.env.titles[docname].astext()
    top = next(iter(doctree.findall(nodes.section)))
    section = nodes.section(ids=["how-to-cite-this-chapter"], names=["how to cite this chapter"])
    section += nodes.title(text="How to cite this chapter")
    section += _with_emphasis(apa(title, meta))
    section += nodes.literal_block(text=bibtex(docname, title, meta), language="bibtex")
    section += nodes.paragraph(
        text=f"Version {meta['version']}, released {meta['date-released']}. "
        "Cite the article itself as Ivanov (2005), listed in the bibliography."
    )
    top += section


def _with_emphasis(text: str) -> nodes.paragraph:
    """A paragraph in which *starred* spans are set in italics."""
    paragraph = nodes.paragraph()
    for i, piece in enumerate(text.split("*")):
        paragraph += nodes.emphasis(text=piece) if i % 2 else nodes.Text(piece)
    return paragraph
