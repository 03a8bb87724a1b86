"""Dates known to the day, the month or only the year (ISO 8601 "2004-03-29", "2004-03", "2004").

The data keep a date at the precision the source gave; these functions place such a date on a
time axis and write it in prose, without inventing the missing day or month. Every chapter and
the timeline figures use them.
"""

from __future__ import annotations

import re

import pandas as pd

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
PRECISIONS = ("day", "month", "year")  # from most to least precise
_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

# The Table Schema ``pattern``s of the date columns kept as text in data/datapackage.json (text,
# because a source may give only the month or the year). Each admits calendar dates only: months
# 01-12 and days that exist in their month, 29 February in leap years alone; so `frictionless
# validate` and the loader reject "2005-04-31" or "1997-13-27" in the row that holds it.
_YEAR = r"\d{4}"
_MONTH = r"(0[1-9]|1[0-2])"
_MONTH_DAY = r"((0[13578]|1[02])-(0[1-9]|[12]\d|3[01])|(0[469]|11)-(0[1-9]|[12]\d|30)|02-(0[1-9]|1\d|2[0-8]))"
_LEAP_DAY = r"(\d\d(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)-02-29"
_DAY = rf"({_YEAR}-{_MONTH_DAY}|{_LEAP_DAY})"
DATE_PATTERN = rf"^({_DAY}|{_YEAR}(-{_MONTH})?)$"
DAY_TIME_PATTERN = rf"^{_DAY}(T([01]\d|2[0-3]):[0-5]\d)?$"
PERIOD_PATTERN = rf"^({_DAY}|{_YEAR}(-{_MONTH})?|{_YEAR}-{_YEAR})$"
_DATE = rf"({_DAY}|{_YEAR}(-{_MONTH})?)"
SPAN_PATTERN = rf"^{_DATE}(/{_DATE})?$"  # a date, or a span start/end (the claims ledger's periods)
SPANS_PATTERN = rf"^{_DATE}(/{_DATE})?(; {_DATE}(/{_DATE})?)*$"
PATTERNS = {  # pattern -> what it admits, in the words of an error message
    DATE_PATTERN: "a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)",
    DAY_TIME_PATTERN: "a calendar date (YYYY-MM-DD), optionally with a time (THH:MM)",
    PERIOD_PATTERN: "a calendar date (YYYY, YYYY-MM or YYYY-MM-DD) or a span of years YYYY-YYYY",
    SPAN_PATTERN: "a calendar date (YYYY, YYYY-MM or YYYY-MM-DD) or a span start/end of two",
    SPANS_PATTERN: "calendar dates or spans start/end, separated by '; '",
}


def _parts(value) -> tuple[int, int | None, int | None]:
    if isinstance(value, pd.Timestamp):
        return value.year, value.month, value.day
    text = str(value).strip()
    match = _PATTERN.match(text)
    if not match:
        raise ValueError(f"not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    if not re.match(DATE_PATTERN, text):
        raise ValueError(f"not a calendar date: {value!r} (a month 01-12, a day that month has)")
    year, month, day = (int(p) if p else None for p in match.groups())
    return year, month, day


def precision(value) -> str:
    """'day', 'month' or 'year': how much of the date is known."""
    _, month, day = _parts(value)
    return "day" if day else "month" if month else "year"


def is_exact(value) -> bool:
    """True for a full YYYY-MM-DD date."""
    return precision(value) == "day"


def period_start(value) -> pd.Timestamp:
    """The first day of the period the date names (``"2017-06"`` -> 1 June 2017)."""
    year, month, day = _parts(value)
    return pd.Timestamp(year=year, month=month or 1, day=day or 1)


def period_end(value) -> pd.Timestamp:
    """The last day of the period the date names (``"2017-06"`` -> 30 June 2017, ``"2001"`` -> 31 December 2001)."""
    year, month, day = _parts(value)
    if day:
        return pd.Timestamp(year=year, month=month, day=day)
    if month:
        return pd.Timestamp(year=year, month=month, day=1) + pd.offsets.MonthEnd(0)
    return pd.Timestamp(year=year, month=12, day=31)


def midpoint(value) -> pd.Timestamp:
    """Where the date sits on a time axis: the middle of its period (noon of a day, the middle
    of a month or of a year)."""
    start = period_start(value)
    end = period_end(value) + pd.Timedelta(days=1)
    return start + (end - start) / 2


def label(value) -> str:
    """The date in prose, at its own precision: '29 March 2004', 'June 2017' or '2020'."""
    return _written(value, month_chars=None)


def dated(value) -> str:
    """The date with the preposition its precision takes: 'on 4 February 2013', 'in June 2017',
    'in 2020' (a sentence's date reads "On 4 February 2013 ...", never "In 4 February 2013")."""
    return ("on " if is_exact(value) else "in ") + label(value)


def short_label(value) -> str:
    """The date in a figure label: '21 Apr 2005', 'Dec 2004' or '1998'."""
    return _written(value, month_chars=3)


def _written(value, month_chars: int | None) -> str:
    year, month, day = _parts(value)
    words = [str(day)] if day else []
    words += [MONTHS[month - 1][:month_chars]] if month else []
    return " ".join([*words, str(year)])


def days_between(earlier, later) -> int:
    """Whole days from one full date to another (negative when ``later`` is earlier)."""
    for value in (earlier, later):
        if precision(value) != "day":
            raise ValueError(f"days_between needs full dates, not {value!r}")
    return (period_start(later) - period_start(earlier)).days
