"""The tables of the "Differences" chapters (their excerpts are checked with every table's, in
test_data_excerpts.py)."""

from maturing.data import load


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
