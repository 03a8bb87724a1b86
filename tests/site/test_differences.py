"""The two "Differences" chapters as built: glued numbers computed from data/ and the geometry, figures."""

import re
from html import unescape

from maturing import dates, geo
from maturing.data import load


def page_text(path):
    """The page's text (tags dropped, inline markup such as a bold glued number joined to its words)."""
    raw = path.read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", raw))), raw


def figure_ids(raw):
    return re.findall(r'<figure[^>]*id="(fig-[^"]+)".*?</figure>', raw, flags=re.S)


def test_cfe_chapter_shows_ceilings_ratifications_and_commitments(html):
    text, raw = page_text(html / "notebooks" / "04-cfe-treaty.html")
    ceilings = load("cfe_ceilings")
    group_tanks = ceilings.query("treaty == 'CFE 1990' and provision == 'Art. IV.1' and category == 'battle_tanks'")[
        "ceiling"
    ].iloc[0]
    russia_tanks = ceilings.query("holder == 'Russia' and category == 'battle_tanks'")["ceiling"].iloc[0]
    assert f"{group_tanks:,}" in text and f"{russia_tanks:,}" in text  # "20,000", "6,350"
    assert f"{russia_tanks / group_tanks * 100:.0f} per cent" in text  # Russia's share of a group's tanks
    states = load("cfe_states").set_index("state")
    assert dates.label(states.loc["Russia", "adapted_ratified_on"]) in text  # 19 July 2004
    assert f"Only {states['adapted_ratified'].sum()} states ratified it" in text
    commitments = load("istanbul_commitments").set_index("commitment_id")
    assert dates.label(commitments.loc["batumi-handover-pap", "delivered"]) in text
    assert f"{commitments.loc['ammunition-remaining', 'value']:,.0f} tonnes" in text
    assert dates.label(load("cfe_fate").set_index("event_id").loc["withdrawal-effective", "date"]) in text
    assert "{glue" not in text and "Key findings" in text and "Verdicts" in text
    assert figure_ids(raw) == ["fig-cfe-russia-ceilings", "fig-cfe-grey-zone", "fig-istanbul-timeline", "fig-colbasna"]
    alts = re.findall(r'<img[^>]+alt="([^"]*)"', raw)
    assert len(alts) >= 4 and all(len(a) > 80 for a in alts)
    assert "unconfirmed" in text  # Russia's helicopter ceiling
    for csv in ("cfe_ceilings.csv", "cfe_states.csv", "istanbul_commitments.csv", "cfe_fate.csv"):
        assert csv in raw


def test_kaliningrad_chapter_shows_computed_distances_and_dates(html):
    text, raw = page_text(html / "notebooks" / "05-kaliningrad.html")
    kaliningrad, rest = geo.split_at(geo.country("RUS", "110m"), 20.5, 54.7)
    mainland = max(geo.parts(rest), key=lambda p: p.area)
    km_110 = geo.nearest_km(kaliningrad, mainland)[0]
    assert f"{km_110:.1f}" in text  # in the table of distances by scale (372.1)
    assert f"({km_110:.0f} km on the coarsest)" in text
    enlargement = load("enlargement")
    nato_2004 = enlargement[(enlargement.organisation == "NATO") & enlargement.date.str.startswith("2004")]
    assert f"NATO took in {len(nato_2004)} states on {dates.label(nato_2004.date.iloc[0])}" in text
    assert dates.days_between("2004-03-29", "2004-05-01") == 33 and "33 days apart" in text
    air = load("air_policing").set_index("event_id")
    assert dates.label(air.loc["first-landing", "date"]) in text
    facts = load("kaliningrad").set_index("fact_id")
    assert dates.label(facts.loc["transit-resumed-2022", "date"]) in text
    assert "{glue" not in text and "Verdicts" in text
    assert figure_ids(raw) == [
        "fig-kaliningrad-distances",
        "fig-kaliningrad-map",
        "fig-enlargement-map",
        "fig-enlargement-timeline",
    ]
    alts = re.findall(r'<img[^>]+alt="([^"]*)"', raw)
    assert len(alts) >= 4 and all(len(a) > 80 for a in alts)
    for csv in ("kaliningrad.csv", "enlargement.csv", "air_policing.csv"):
        assert csv in raw


def test_differences_part_lists_both_chapters(html):
    _, raw = page_text(html / "notebooks" / "04-cfe-treaty.html")
    assert "Differences" in raw
    assert 'href="05-kaliningrad.html"' in raw
