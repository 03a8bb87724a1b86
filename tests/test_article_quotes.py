"""Inline quotations of the article are exact.

The ``{article}`` role (maturing_book.quotes) renders a quotation and fails the build, on the
line, when its words are not the article's. Prose that quotes the article without the role is
scanned for near copies: a quotation whose words are the article's once capitals, apostrophes,
quotation marks and dashes are evened out, but not as the article has them, is a misquotation."""

import io
import re
from pathlib import Path

import pytest
from sphinx.application import Sphinx

import tests.support.digits as digits
import tests.support.prose as prose
from maturing.claims import article_text

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted((ROOT / "notebooks").glob("*.md"))
QUOTED = re.compile(r"[“\"]([^”\"]+)[”\"]")
CONF = """
extensions = ["myst_parser"]
from maturing_book import quotes


def setup(app):
    app.add_role("article", quotes.ArticleQuote())
"""
PAGE = """# Quotes

The article counts {article}`some 20 permanent, dedicated
working groups`.

It does not say {article}`Some 20 permanent, dedicated working groups`.
"""


def build(tmp_path: Path) -> tuple[str, str]:
    (tmp_path / "conf.py").write_text(CONF, encoding="utf-8")
    (tmp_path / "index.md").write_text(PAGE, encoding="utf-8")
    warnings = io.StringIO()
    app = Sphinx(
        str(tmp_path), str(tmp_path), str(tmp_path / "out"), str(tmp_path / "dt"), "html", status=None, warning=warnings
    )
    app.build()
    return (tmp_path / "out" / "index.html").read_text(encoding="utf-8"), warnings.getvalue()


def test_the_role_renders_an_exact_quotation_and_fails_on_the_line_of_an_inexact_one(tmp_path):
    html, warnings = build(tmp_path)
    assert '<span class="article-quote">“some 20 permanent, dedicated working groups”</span>' in html
    errors = [line for line in warnings.splitlines() if "ERROR" in line]
    assert len(errors) == 1, warnings
    assert "index.md:6: ERROR: not the article's words: 'Some 20 permanent, dedicated working groups'" in errors[0]


def evened(text: str) -> str:
    """Capitals, apostrophes, quotation marks, dashes and spaces evened out."""
    for plain, fancy in (("'", "’‘"), ('"', "“”"), ("-", "–—")):
        text = re.sub(f"[{fancy}]", plain, text)
    return " ".join(text.lower().split()).strip(" .,;:!?")


def near_quotes(chapter: Path, article: str) -> list[tuple[int, str]]:
    """(line, quotation) of each quotation in the prose (block quotes aside: tests/test_data.py
    holds those to the article) that is the article's words, evened out, but not exactly."""
    article, even_article = " ".join(article.split()), evened(article)
    found = []
    for paragraph in prose.paragraphs(prose.prose_lines(prose.without_comments(chapter.read_text(encoding="utf-8")))):
        lines = [(n, line) for n, line in paragraph if not line.lstrip().startswith(">")]
        text = digits.ROLE.sub(" ", "\n".join(line for _, line in lines))
        for match in QUOTED.finditer(text):
            quote = " ".join(match.group(1).split())
            if quote not in article and evened(quote) in even_article:
                found.append((lines[text.count("\n", 0, match.start())][0], quote))
    return found


def test_near_quotes_are_found():
    sample = Path(__file__).parent / "fixtures" / "near-quotes.md"
    assert near_quotes(sample, article_text()) == [
        (3, "Some 20 permanent, dedicated working groups"),
        (3, "three-and-a-half years' experience"),
    ]


@pytest.mark.parametrize("chapter", CHAPTERS, ids=[c.stem for c in CHAPTERS])
def test_prose_quotes_the_article_exactly(chapter):
    near = near_quotes(chapter, article_text())
    assert near == [], "misquotations (quote exactly, e.g. with {article}`...`):\n" + "\n".join(
        f"{chapter.name}:{line}: {quote!r}" for line, quote in near
    )
