"""Dates of reduced precision: placed on a time axis and written out for readers."""
import pandas as pd
import pytest

from maturing import dates


def test_midpoint_of_year_month_and_day():
    assert dates.midpoint("2007") == pd.Timestamp("2007-07-01")
    assert dates.midpoint("2004-03") == pd.Timestamp("2004-03-15")
    assert dates.midpoint("2009-09-17") == pd.Timestamp("2009-09-17")


def test_spoken_dates():
    assert dates.spoken("2009-09-17") == "17 September 2009"
    assert dates.spoken("2004-03") == "March 2004"
    assert dates.spoken("1999") == "1999"
    assert dates.is_exact("2016-05-12") and not dates.is_exact("2024-07")


def test_bad_dates_are_refused():
    for bad in ("", "17/09/2009", "2009-09-17-01", "spring 2005"):
        with pytest.raises(ValueError, match="not an ISO 8601 date"):
            dates.midpoint(bad)
