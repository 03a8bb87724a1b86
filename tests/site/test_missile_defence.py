"""The built missile-defence chapter: glued numbers from the data, figures with alt text, verdicts."""

import re
from html import unescape

from maturing import geo
from maturing.claims import labels
from maturing.data import load


def page(html):
    raw = (html / "notebooks" / "06-missile-defence.html").read_text(encoding="utf-8")
    return unescape(re.sub(r"<[^>]+>", " ", raw)), raw


def test_missile_defence_chapter_shows_distances_computed_from_the_data(html):
    places = load("missile_path_places").set_index("place_id")
    site = load("missile_defence_sites").drop_duplicates("site_id").set_index("site_id")
    path = geo.great_circle(
        places.loc["tehran", "lon"],
        places.loc["tehran", "lat"],
        places.loc["washington", "lon"],
        places.loc["washington", "lat"],
        step_km=0.5,
    )
    km = geo.distance_to_path_km(path, site.loc["redzikowo", "lon"], site.loc["redzikowo", "lat"])
    text, _raw = page(html)
    assert f"passes {km:,.0f} km from Redzikowo" in " ".join(text.split())
    assert "17 September 2009" in text  # the cancellation, glued from missile_defence_events
    assert "Key findings" in text and "{glue" not in text


def test_missile_defence_figures_and_verdicts(html):
    text, raw = page(html)
    figures = re.findall(r'<figure[^>]*id="(fig-[^"]+)"', raw)
    assert figures == ["fig-md-timeline", "fig-md-paths"]
    alts = re.findall(r'<img[^>]+alt="([^"]*)"', raw)
    assert len(alts) >= 2 and all(len(a) > 40 for a in alts)
    assert "missile_path_places.csv" in raw and "Sources:" in text
    claims = load("claims")
    for verdict in set(labels(claims[claims["chapter"] == "06-missile-defence"])):  # confirmed, opinion, prediction
        assert verdict in text
