"""maturing.dates: dates known to the day, the month or only the year, as in data/."""

import pandas as pd
import pytest

from maturing import dates


def test_dates_keep_their_precision():
    assert [dates.precision(v) for v in ("2004-03-29", "2017-06", "2020")] == ["day", "month", "year"]
    assert dates.period_start("2017-06") == pd.Timestamp("2017-06-01")
    assert dates.period_start("2020") == pd.Timestamp("2020-01-01")
    assert dates.period_end("2004-02") == pd.Timestamp("2004-02-29")  # a leap year
    assert dates.period_end("2001") == pd.Timestamp("2001-12-31")
    assert dates.period_end("2007-06-27") == pd.Timestamp("2007-06-27")
    assert dates.label("2004-03-29") == "29 March 2004"
    assert dates.label("2017-06") == "June 2017"
    assert dates.label("2020") == "2020"
    assert dates.label(pd.Timestamp("2007-11-13")) == "13 November 2007"
    with pytest.raises(ValueError, match="not an ISO 8601"):
        dates.label("29/03/2004")


def test_days_between_the_double_enlargement():
    # NATO took in seven states on 29 March 2004, the EU ten on 1 May 2004: 33 days apart
    assert dates.days_between("2004-03-29", "2004-05-01") == 33
    assert dates.days_between("2001-07-01", "2001-06-29") == -2
    with pytest.raises(ValueError, match="full dates"):
        dates.days_between("2004-03", "2004-05-01")


@pytest.mark.parametrize("bad", ["May 2005", "2005-4-21", "21/04/2005", "2005-02-30", "2005-13", "", "2009-09-17-01"])
def test_what_is_not_an_iso_date_is_refused(bad):
    with pytest.raises(ValueError):
        dates.precision(bad)


def test_partial_dates_sit_at_the_middle_of_their_period():
    assert dates.midpoint("1998") == pd.Timestamp("1998-07-02 12:00")  # 365 days / 2
    assert dates.midpoint("2004") == pd.Timestamp("2004-07-02")  # leap year: 366 days / 2
    assert dates.midpoint("2008-02") == pd.Timestamp("2008-02-15 12:00")  # 29 days / 2
    assert dates.midpoint("2005-04-21") == pd.Timestamp("2005-04-21 12:00")


def test_labels_long_and_short():
    assert dates.label("2009-09-17") == "17 September 2009"
    assert dates.short_label("2005-04-21") == "21 Apr 2005"
    assert dates.short_label("2004-12") == "Dec 2004"
    assert dates.short_label("1998") == "1998"
    assert dates.is_exact("2016-05-12") and not dates.is_exact("2024-07")


def test_a_dated_phrase_takes_the_preposition_of_its_precision():
    assert dates.dated("2013-02-04") == "on 4 February 2013"
    assert dates.dated("2017-06") == "in June 2017"
    assert dates.dated("2020") == "in 2020"
