"""Dates known to the day, the month or only the year (ISO 8601 "2004-03-29", "2004-03", "2004").

The data keep a date at the precision the source gave; these functions place such a date on a
time axis and write it in prose, without inventing the missing day or month.
"""
from __future__ import annotations

import re

import pandas as pd

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _parts(value) -> tuple[int, int | None, int | None]:
    if isinstance(value, pd.Timestamp):
        return value.year, value.month, value.day
    match = _PATTERN.match(str(value))
    if not match:
        raise ValueError(f"not an ISO 8601 date, year-month or year: {value!r}")
    year, month, day = (int(p) if p else None for p in match.groups())
    return year, month, day


def precision(value) -> str:
    """'day', 'month' or 'year': how much of the date is known."""
    _, month, day = _parts(value)
    return "day" if day else "month" if month else "year"


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


def label(value) -> str:
    """The date in prose, at its own precision: '29 March 2004', 'June 2017' or '2020'."""
    year, month, day = _parts(value)
    if day:
        return f"{day} {MONTHS[month - 1]} {year}"
    if month:
        return f"{MONTHS[month - 1]} {year}"
    return str(year)


def days_between(earlier, later) -> int:
    """Whole days from one full date to another (negative when ``later`` is earlier)."""
    for value in (earlier, later):
        if precision(value) != "day":
            raise ValueError(f"days_between needs full dates, not {value!r}")
    return (period_start(later) - period_start(earlier)).days
