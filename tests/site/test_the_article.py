"""The opening chapter as built: glued numbers from the data, its figures, its own verdict table
with a link to the claims ledger, and its place first in the book."""

import re
from html import unescape

import pytest

from maturing import article
from maturing import ledger as L
from maturing.data import load


def page(html):
    raw = (html / "notebooks" / "01-the-article.html").read_text(encoding="utf-8")
    return unescape(re.sub(r"<[^>]+>", " ", raw)), raw


def test_key_findings_show_the_counts_of_the_data(html):
    text, _raw = page(html)
    claims = load("claims")
    counts = L.verdict_counts(claims)
    assert "{glue" not in text, "an unresolved glue reference"
    body = article.body(load("article_paragraphs"))
    assert f"{body['words'].sum():,}" in text
    expected = (
        f"Of the {len(L.checkable(claims))} that can be checked, {counts['confirmed']} are confirmed, "
        f"{counts['close']} close, {counts['contradicted']} contradicted and {counts['unverified']} unverified"
    )
    assert expected in re.sub(r"\s+", " ", text)


def test_the_three_figures_have_ids_alt_text_and_data_links(html):
    _, raw = page(html)
    figures = re.findall(r'<figure[^>]*id="(fig-[^"]+)".*?</figure>', raw, flags=re.S)
    assert figures == ["fig-article-themes", "fig-article-names", "fig-verdicts-by-chapter"]
    alts = re.findall(r'<img[^>]+alt="([^"]*)"', raw)
    assert len(alts) == 3 and all(len(a) > 80 for a in alts)
    assert "article_paragraphs.csv" in raw and "claims.csv" in raw


def test_the_chapter_shows_its_own_claims_and_sends_the_reader_to_the_ledger(html):
    """The opening chapter's verdict table holds its own claims only; the whole ledger is the
    appendix, which the chapter links to."""
    _, raw = page(html)
    claims = load("claims")
    shown = re.findall(r'<tr id="claim-([^"]+)"', raw)
    assert sorted(shown) == sorted(claims.loc[claims["chapter"] == "01-the-article", "claim_id"])
    assert 'href="../book/ledger.html' in raw


@pytest.mark.parametrize("chapter", sorted(set(load("claims")["chapter"])))
def test_the_chapter_each_row_links_to_was_built(html, chapter):
    assert (html / "notebooks" / f"{chapter}.html").exists(), f"{chapter} is linked from the ledger but not built (yet)"


def test_the_article_comes_first_in_the_book(html):
    raw = (html / "book" / "intro.html").read_text(encoding="utf-8")
    nav = raw[raw.index('class="bd-sidebar-primary') :]
    assert nav.index("01-the-article.html") < nav.index("07-afghan-drugs.html")
    assert "The article" in re.sub(r"<[^>]+>", " ", nav)
