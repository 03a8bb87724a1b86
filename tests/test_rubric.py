"""The rubric's rules, on the cases the Methods page uses as examples."""

import math

import pandas as pd
import pytest

from maturing import rubric


def diff(value, precision, qualifier, low, high=None):
    return rubric.relative_difference(rubric.claim_interval(value, precision, qualifier), low, high)


def test_a_figure_is_read_as_what_rounds_to_it():
    assert rubric.claim_interval(320, 10, "approximately") == rubric.Interval(315, 325)
    assert rubric.claim_interval(3.5, 0.5, "exactly") == rubric.Interval(3.25, 3.75)
    assert rubric.claim_interval(50, None, "more than") == rubric.Interval(50, math.inf)
    assert rubric.claim_interval(50, None, "at most") == rubric.Interval(-math.inf, 50)
    with pytest.raises(ValueError, match="precision"):
        rubric.claim_interval(320, None, "approximately")
    with pytest.raises(ValueError, match="qualifier"):
        rubric.claim_interval(320, 10, "roughly")


@pytest.mark.parametrize(
    ("claim", "evidence", "verdict", "percent"),
    [
        ((360, 10, "approximately"), (360,), "confirmed", 0.0),  # the article's 2003 heroin figure
        ((3.5, 0.5, "exactly"), (3.45,), "confirmed", 0.0),  # "three-and-a-half years"
        ((320, 10, "approximately"), (364.4,), "contradicted", 10.81),  # Kaliningrad: 39.4 km short of 364.4
        ((500, 10, "approximately"), (410,), "contradicted", 20.73),  # 2005 heroin: 85 t over 410
        ((90, 10, "approximately"), (70, 90), "confirmed", 0.0),  # a range that reaches the claim
        ((30, 10, "approximately"), (94,), "contradicted", 62.77),
        ((50, None, "more than"), (45,), "contradicted", 11.11),  # 5 t short of "more than 50": 11.1 % of 45
        ((50, None, "more than"), (47,), "close", 6.38),
    ],
)
def test_numbers_fall_in_the_published_bands(claim, evidence, verdict, percent):
    d = diff(*claim, *evidence)
    assert d * 100 == pytest.approx(percent, abs=0.01)
    assert rubric.band(d) == verdict


def test_band_edges():
    assert rubric.band(0.0) == "confirmed"
    assert rubric.band(0.0001) == "close"
    assert rubric.band(0.10) == "close"
    assert rubric.band(0.1001) == "contradicted"


def test_a_range_is_measured_to_its_nearer_end():
    assert diff(100, 10, "approximately", 120, 200) == pytest.approx((120 - 105) / 120)
    assert diff(100, 10, "approximately", 40, 80) == pytest.approx((95 - 80) / 80)
    with pytest.raises(ValueError, match="reversed"):
        diff(100, 10, "approximately", 80, 40)


@pytest.mark.parametrize(
    ("claimed", "evidence", "qualifier", "verdict"),
    [
        ("2002-05", "2002-05-28", "in", "confirmed"),  # Rome, May 2002
        ("2002-05", "2002-06-02", "in", "close"),  # the neighbouring month
        ("2002-05", "2002-08-01", "in", "contradicted"),
        ("2005-08-01/2005-08-10", "2005-08-04", "in", "confirmed"),  # "early August"
        ("2005-08-01/2005-08-10", "2005-08-15", "in", "close"),  # within the span's own length
        ("2005-08-01/2005-08-10", "2005-08", "in", "unverified"),  # a month cannot settle a span of days
        ("2000", "2000-06-05", "by", "confirmed"),  # "as early as 2000"
        ("2000", "1999-03", "by", "confirmed"),
        ("2000", "2001-02", "by", "close"),
        ("2000", "2003", "by", "contradicted"),
    ],
)
def test_dates_at_the_claims_precision(claimed, evidence, qualifier, verdict):
    assert rubric.date_verdict(claimed, evidence, qualifier) == verdict


@pytest.mark.parametrize(
    ("listed", "supported", "verdict"),
    [(7, 7, "confirmed"), (5, 3, "close"), (3, 1, "contradicted"), (2, 1, "contradicted"), (4, 2, "contradicted")],
)
def test_lists_count_the_supported_items(listed, supported, verdict):
    assert rubric.list_verdict(listed, supported) == verdict


def test_a_list_needs_sane_counts():
    with pytest.raises(ValueError):
        rubric.list_verdict(3, 4)


def test_the_source_standard():
    frame = pd.DataFrame({"tier": ["secondary", "secondary"], "publisher": ["AFP", "AFP"]})
    assert not rubric.standard_met(frame)  # two copies of one wire are one source
    assert rubric.standard_met(frame.assign(publisher=["AFP", "Reuters"]))
    assert rubric.standard_met(pd.DataFrame({"tier": ["primary"], "publisher": ["NATO"]}))
    assert not rubric.standard_met(pd.DataFrame({"tier": ["tertiary"] * 3, "publisher": ["a", "b", "c"]}))
    assert rubric.capped("confirmed", False) == "unverified"
    assert rubric.capped("contradicted", True) == "contradicted"


def test_an_evidence_span_inside_the_claim_confirms_it():
    assert rubric.date_verdict("1999", "1999-11-18/1999-11-19") == "confirmed"  # the Istanbul summit
    assert rubric.date_verdict("1999-11-18", "1999-11-18/1999-11-19") == "unverified"
