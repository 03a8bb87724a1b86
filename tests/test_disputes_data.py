"""The tables of the "Differences" chapters: every confirmed figure and date is in its excerpt."""

import re

import pytest

from maturing.data import load


def spellings(value: float) -> set[str]:
    """The ways a source may print a number: 20,000 / 20 000 / 20000 / 204,1 / 204.1."""
    if float(value).is_integer():
        digits = str(int(value))
        grouped = f"{int(value):,}"
        return {digits, grouped, grouped.replace(",", " "), grouped.replace(",", "\u00a0")}
    text = f"{value:g}"
    return {text, text.replace(".", ",")}


def value_in(value: float, evidence: str) -> bool:
    return any(re.search(rf"(?<![\d,.]){re.escape(s)}(?![\d]|,\d)", evidence) for s in spellings(value))


NUMERIC = [
    ("cfe_ceilings", "ceiling"),
    ("istanbul_commitments", "value"),
    ("air_policing", "value"),
    ("kaliningrad", "value"),
]


@pytest.mark.parametrize("name, column", NUMERIC)
def test_confirmed_figures_appear_in_their_excerpt(name, column):
    frame = load(name)
    rows = frame[(frame["status"] == "confirmed") & frame[column].notna()]
    assert len(rows) > 0
    missing = [
        (r[column], r["evidence"][:80]) for _, r in rows.iterrows() if not value_in(float(r[column]), r["evidence"])
    ]
    assert not missing, missing


def test_value_matcher_knows_its_formats():
    assert value_in(20000, "(A) 20,000 battle tanks")
    assert value_in(20000, "A) 20 000 carros de combate")
    assert value_in(204.1, "è di 204,1 km")
    assert not value_in(200, "20,000 battle tanks")
    assert not value_in(885, "855 attack helicopters")


def test_russian_helicopter_ceiling_stays_unconfirmed_while_sources_disagree():
    ceilings = load("cfe_ceilings")
    helis = ceilings[(ceilings["holder"] == "Russia") & (ceilings["category"] == "attack_helicopters")]
    assert set(helis["ceiling"]) == {855, 885}
    assert set(helis["status"]) == {"unconfirmed"}


def test_the_thirty_states_parties_and_the_grey_zone():
    states = load("cfe_states")
    parties = states[states["cfe_party"]]
    assert len(parties) == 30
    assert parties["group"].value_counts().to_dict() == {"Eastern": 14, "Western": 16}
    grey = states[~states["cfe_party"]]
    assert set(grey["iso_a3"]) == {"EST", "LVA", "LTU", "SVN"} and grey["nato_member_2005"].all()
    assert states["nato_member_2005"].sum() == 26
    ratified = states[states["adapted_ratified"]]
    assert set(ratified["state"]) == {"Belarus", "Kazakhstan", "Russia", "Ukraine"}
