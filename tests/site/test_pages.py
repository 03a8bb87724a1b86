"""The built book, as HTML: the pages exist and carry the numbers computed from data/."""

import re
from html import unescape

import tests.support.pages as pages
from maturing.data import load


def test_intro_lists_the_chapters(html):
    text, raw = pages.page_text(html / "book" / "intro.html")
    assert "Maturing Partnership, Measured" in text
    assert 'href="../notebooks/07-afghan-drugs.html"' in raw


def test_drug_chapter_shows_glued_numbers_from_the_data(html):
    opium = load("opium_afghanistan")
    first_2003 = opium[(opium.year == 2003) & (opium.measure == "production") & (opium.status == "confirmed")]
    first_2003 = first_2003.sort_values("vintage").iloc[0]["value"]
    text, raw = pages.page_text(html / "notebooks" / "07-afghan-drugs.html")
    assert f"{first_2003:,.0f}" in text  # "3,600", glued, not typed
    assert "Key findings" in text
    assert "{glue" not in text, "an unresolved glue reference"
    # each figure: an image with alt text, a caption with source and a data link
    figures = re.findall(r'<figure[^>]*id="(fig-[^"]+)".*?</figure>', raw, flags=re.S)
    assert figures == ["fig-opium-series", "fig-heroin-vs-unodc"]
    alts = re.findall(r'<img[^>]+alt="([^"]*)"', raw)
    assert all(len(a) > 40 for a in alts) and len(alts) >= 2
    assert "opium_afghanistan.csv" in raw and "Sources:" in text


def test_data_files_are_downloadable(html):
    downloads = {p.name for p in (html / "_downloads").rglob("*.csv")}
    assert {"opium_afghanistan.csv", "drug_evidence.csv", "sources.csv"} <= downloads


def test_data_catalogue_lists_every_resource_with_a_download(html):
    from maturing.data import resource_names

    _text, raw = pages.page_text(html / "book" / "data.html")
    for name in resource_names():
        assert f"{name}.csv" in raw, name


def test_intro_shows_the_verdict_counts_of_the_ledger(html):
    from maturing import ledger
    from maturing.claims import NOT_SCORED

    claims = load("claims")
    counts = ledger.verdict_counts(claims)
    text, _ = pages.page_text(html / "book" / "intro.html")
    text = " ".join(text.split())
    assert (
        f"Of the {len(ledger.checkable(claims))} checkable claims in the article, {counts['confirmed']} are "
        f"confirmed, {counts['close']} close, {counts['contradicted']} contradicted and "
        f"{counts['unverified']} unverified; a further {counts[list(NOT_SCORED)].sum()} statements"
    ) in text


def test_glossary_terms_link_from_the_chapters_and_back(html):
    linking = [p.name for p in (html / "notebooks").glob("*.html") if "glossary.html#term-" in p.read_text()]
    assert len(linking) >= 6, linking
    _, glossary = pages.page_text(html / "book" / "glossary.html")
    for chapter in ("04-cfe-treaty", "06-missile-defence", "07-afghan-drugs", "08-security-belt"):
        assert f"../notebooks/{chapter}.html" in glossary, chapter


IN_A_DAY = re.compile(
    r"\b[Ii]n (\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4})"
)


def test_no_page_writes_in_before_a_day(page_path, html):
    """ "On 4 February 2013", "in February 2013": a glued date is written with maturing.dates.dated
    or after "on", never "In 4 February 2013" (issue 14)."""
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", (html / page_path).read_text(encoding="utf-8"))).split())
    assert [m.group(0) for m in IN_A_DAY.finditer(text)] == []
