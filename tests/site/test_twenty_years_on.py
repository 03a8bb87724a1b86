"""The built closing chapter: numbers glued from data/outcomes.csv and the tables it cites,
its two figures, the outcome table, and links back to every chapter."""

import re
from pathlib import Path

import pandas as pd

import tests.support.pages as pages
from maturing import dates, refs
from maturing import outcomes as O
from maturing.data import load

ROOT = Path(__file__).resolve().parents[2]
PAGE = Path("notebooks") / "09-twenty-years-on.html"


def page(html):
    """The page's text with whitespace collapsed and typographic apostrophes made plain, and its HTML."""
    text, raw = pages.page_text(html / PAGE)
    return " ".join(text.split()).replace("’", "'"), raw


def test_key_findings_count_the_outcomes_from_the_data(html):
    text, _ = page(html)
    hopes = load("outcomes")
    n = hopes["outcome"].value_counts()
    assert "Twenty years on" in text and "Key findings" in text
    assert "{glue" not in text, "an unresolved glue reference"
    fulfilled = "none" if n.get("fulfilled", 0) == 0 else f"{n['fulfilled']:,}"
    assert (
        f"Of the {len(hopes)} hopes, proposals and concerns we follow, {fulfilled} came true and stayed true." in text
    )
    assert (
        f"{n['fulfilled then reversed']} happened and were then undone, {n['partly fulfilled']} came true only in part"
    ) in text
    assert f"{n['not fulfilled']} did not happen, and for {n['no record']} we found no record either way" in text
    on_the_day = (hopes["decided_key"] == "nrc_timeline:practical-suspension").sum()
    assert f"which settled {on_the_day} of the outcomes at once" in text  # 4


def test_years_are_computed_from_the_cited_rows(html):
    text, _ = page(html)
    hopes = load("outcomes")
    tables = {r: load(r) for r in sorted({r for t in hopes["evidence_keys"] for r, _ in refs.parse(t)})}
    evidence = O.evidence_rows(hopes, tables).drop_duplicates("ref").set_index("ref")
    years = hopes["decided_key"].map(lambda r: O.years_after(evidence.loc[r, "date"], pd.Timestamp("2005-10-01")))
    assert f"The median hope was settled {years.median():.1f} years after the article" in text  # 9.1
    withdrawal = evidence.loc["cfe_fate:withdrawal-effective", "date"]
    assert f"took effect on {dates.label(withdrawal)}" in text
    madrid = evidence.loc["relations_since_2022:madrid-strategic-concept", "date"]
    assert f"NATO's Strategic Concept of {dates.label(madrid)}" in text
    states = load("cfe_states")
    allies = states[states["nato_member_2005"] & states["cfe_party"]]
    assert f"None of the {len(allies)} NATO members of 2005 that were CFE parties ratified it" in text


def test_figures_and_tables(html):
    text, raw = page(html)
    figures = re.findall(r'<figure[^>]*id="(fig-[^"]+)".*?</figure>', raw, flags=re.S)
    assert figures == ["fig-twenty-years-timeline", "fig-outcome-years"]
    alts = re.findall(r'<img[^>]+alt="([^"]*)"', raw)
    assert len(alts) >= 2 and all(len(a) > 100 for a in alts)
    for hope in load("outcomes").itertuples():
        assert hope.hope in text  # every hope has a row
    for csv in ("outcomes.csv", "relations_since_2022.csv", "nrc_timeline.csv", "cfe_fate.csv", "kaliningrad.csv"):
        assert csv in raw, csv
    assert "Verdict" not in re.findall(r"<th[^>]*>([^<]*)</th>", raw)  # an outcome table, not a verdict table


def test_what_this_book_found_links_every_chapter_and_counts_the_ledger(html):
    text, raw = page(html)
    from maturing import ledger

    counts = ledger.verdict_counts(load("claims"))
    assert (
        f"splits it into {len(load('claims'))} claims and keeps them in one ledger: {counts['confirmed']} were "
        f"confirmed, {counts['close']} came close, {counts['contradicted']} were contradicted"
    ) in text
    for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")):
        if notebook.stem != "09-twenty-years-on":
            assert f'href="{notebook.stem}.html"' in raw, notebook.stem


def test_the_closing_part_comes_before_about_the_book(html):
    _, raw = pages.page_text(html / "book" / "intro.html")
    nav = raw[raw.index('class="bd-sidebar') :] if 'class="bd-sidebar' in raw else raw
    assert nav.index("08-security-belt.html") < nav.index("Twenty years on") < nav.index("About the book")
