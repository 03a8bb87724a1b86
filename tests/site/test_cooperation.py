"""The built Cooperation chapters: glued numbers computed from data/, figures, cross-links."""

import re

import pandas as pd

import tests.support.pages as pages
from maturing import dates, timeline
from maturing.data import load


def page(path):
    """The page's text with whitespace collapsed (prose lines wrap anywhere), and its HTML."""
    text, raw = pages.page_text(path)
    return " ".join(text.split()), raw


def figure_ids(raw):
    return re.findall(r'<figure[^>]*id="(fig-[^"]+)".*?</figure>', raw, flags=re.S)


def test_nrc_chapter_shows_numbers_computed_from_the_data(html):
    text, raw = page(html / "notebooks" / "02-nrc-at-work.html")
    assert "The NATO-Russia Council at work" in text and "Key findings" in text
    assert "{glue" not in text, "an unresolved glue reference"
    events = timeline.one_per_event(load("nrc_timeline")).set_index("event_id")["date"]
    signed, duma = (dates.period_start(events[e]) for e in ("sofa-signed", "sofa-duma"))
    assert f"took {(duma - signed).days:,} days to ratify" in text  # 762
    assert f"Rome Declaration was signed on {dates.label(events['rome-declaration'])}" in text
    as28 = load("as28_rescue").set_index("fact_id")

    def utc(fact):
        return pd.Timestamp(as28.loc[fact, "local_time"]) - pd.Timedelta(hours=as28.loc[fact, "utc_offset"])

    hours = (utc("surfaced-ria") - utc("mayday")) / pd.Timedelta(hours=1)
    assert f"The AS-28 surfaced {hours:.1f} hours after its mayday call" in text  # 75.3
    assert "**unverified**" not in text and "unverified" in text
    assert figure_ids(raw) == ["fig-nrc-timeline", "fig-as28-hours"]
    alts = re.findall(r'<img[^>]+alt="([^"]*)"', raw)
    assert len(alts) >= 2 and all(len(a) > 60 for a in alts)
    for csv in ("nrc_timeline.csv", "as28_rescue.csv", "oae_russian_ships.csv"):
        assert csv in raw
    assert 'href="03-counter-terrorism.html' in raw


def test_counter_terrorism_chapter_shows_numbers_computed_from_the_data(html):
    text, raw = page(html / "notebooks" / "03-counter-terrorism.html")
    assert "Counter-terrorism" in text and "Key findings" in text
    assert "{glue" not in text, "an unresolved glue reference"
    attacks = load("terror_attacks").set_index("row_id")
    # the tolls disagree, and the chapter says which source gives which (the data hold one for each)
    assert f"Beslan is {attacks.loc['beslan-rt', 'deaths']:,} hostages killed in one source" in text  # 334
    assert f"and {attacks.loc['beslan-tribune', 'deaths']:,} dead in another" in text  # 362
    early = attacks.loc["nalchik-rferl", "deaths"] - attacks.loc["nalchik-rferl-attackers", "deaths"]
    assert f"which leaves {early} police and civilians" in text  # 24
    assert f"stand for {attacks['attack_id'].nunique()} attacks" in text
    assert figure_ids(raw) == ["fig-attack-deaths"]
    assert "terror_attacks.csv" in raw and "Sources:" in text
    assert 'href="07-afghan-drugs.html"' in raw  # the finance claim links to the drug chapter
    assert "contradicted" in text and "opinion" in text


def test_cooperation_part_comes_first_in_the_navigation(html):
    _, raw = pages.page_text(html / "book" / "intro.html")
    nav = raw[raw.index('class="bd-sidebar') :] if 'class="bd-sidebar' in raw else raw
    assert nav.index("Cooperation") < nav.index("Drugs and terrorism")
    assert nav.index("02-nrc-at-work.html") < nav.index("03-counter-terrorism.html") < nav.index("07-afghan-drugs.html")
