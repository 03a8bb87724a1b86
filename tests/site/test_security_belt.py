"""The built security-belt chapter: border lengths and CSTO membership glued from the data."""

import re
from html import unescape

from maturing import borders
from maturing.data import load


def page(html):
    raw = (html / "notebooks" / "08-security-belt.html").read_text(encoding="utf-8")
    return unescape(" ".join(re.sub(r"<[^>]+>", " ", raw).split())), raw


def test_security_belt_chapter_shows_border_lengths_from_data_and_geometry(html):
    factbook = load("afghan_borders")
    total_2001 = factbook.query("neighbour == '(total)' and edition == 2001")["length_km"].iloc[0]
    tajik_2001 = factbook.query("iso_a3 == 'TJK' and edition == 2001")["length_km"].iloc[0]
    measured_10m = borders.border_lengths("AFG", ["10m"])["km"].sum()
    text, raw = page(html)
    assert f"{total_2001:,.0f}" in text and f"{tajik_2001:,.0f}" in text
    assert f"{measured_10m:,.0f} km at 1:10m" in text
    assert "Key findings" in text and "{glue" not in text
    assert 'href="07-afghan-drugs.html' in raw  # the tie-in to the drug chapter


def test_security_belt_membership_and_figures(html):
    text, raw = page(html)
    assert "Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan" in text
    figures = re.findall(r'<figure[^>]*id="(fig-[^"]+)"', raw)
    assert figures == ["fig-belt-map", "fig-border-scale", "fig-csto-border"]
    alts = re.findall(r'<img[^>]+alt="([^"]*)"', raw)
    assert len(alts) >= 3 and all(len(a) > 40 for a in alts)
    assert "csto_membership.csv" in raw and "afghan_borders.csv" in raw
