"""The patterns of the date columns kept as text admit calendar dates and nothing else."""

import datetime
import re

import pytest

from maturing import dates

YEARS = [1600, 1700, 1900, 1996, 1997, 2000, 2003, 2004, 2005, 2024, 2100, 2400]


def is_calendar_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def every_day_string(year: int):
    for month in range(0, 14):
        for day in range(0, 33):
            yield f"{year:04d}-{month:02d}-{day:02d}"


@pytest.mark.parametrize("pattern", [dates.DATE_PATTERN, dates.PERIOD_PATTERN, dates.DAY_TIME_PATTERN])
@pytest.mark.parametrize("year", YEARS)
def test_a_full_date_matches_exactly_when_it_is_in_the_calendar(pattern, year):
    wrong = [s for s in every_day_string(year) if bool(re.match(pattern, s)) != is_calendar_date(s)]
    assert wrong == []


def test_leap_days_follow_the_gregorian_rule():
    matches = {y: bool(re.match(dates.DATE_PATTERN, f"{y}-02-29")) for y in (1900, 2000, 2004, 2005, 2100, 2400)}
    assert matches == {1900: False, 2000: True, 2004: True, 2005: False, 2100: False, 2400: True}


@pytest.mark.parametrize(
    "text, admitted",
    [
        ("2005", True),
        ("2005-12", True),
        ("2005-00", False),
        ("1997-13", False),
        ("1997-13-27", False),
        ("05", False),
        ("2005-1", False),
        ("2005-01-1", False),
        (" 2005", False),
        ("2003-2005", False),
    ],
)
def test_years_and_months_alone(text, admitted):
    assert bool(re.match(dates.DATE_PATTERN, text)) == admitted


def test_a_span_of_years_is_a_period_only():
    assert re.match(dates.PERIOD_PATTERN, "2003-2005") and not re.match(dates.DATE_PATTERN, "2003-2005")


@pytest.mark.parametrize(
    "text, admitted",
    [
        ("2005-08-04", True),
        ("2005-08-04T13:00", True),
        ("2005-08-04T23:59", True),
        ("2005-08-04T24:00", False),
        ("2005-08-04T13:60", False),
        ("2005-08-32T13:00", False),
        ("2005-08", False),
    ],
)
def test_a_day_with_a_time(text, admitted):
    assert bool(re.match(dates.DAY_TIME_PATTERN, text)) == admitted


@pytest.mark.parametrize("year", [1900, 2004, 2005])
def test_the_pattern_and_the_date_functions_agree(year):
    """What the data package admits is what maturing.dates can place on a time axis."""
    for text in every_day_string(year):
        try:
            dates.precision(text)
            parsed = True
        except ValueError:
            parsed = False
        assert parsed == bool(re.match(dates.DATE_PATTERN, text)), text
