"""Dates known to a year, a month or a day (ISO 8601 of reduced precision, as in data/)."""
from __future__ import annotations

import pandas as pd


def _parts(date: str) -> list[str]:
    parts = str(date).split("-")
    if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts):
        raise ValueError(f"not an ISO 8601 date of year, month or day precision: {date!r}")
    return parts


def midpoint(date: str) -> pd.Timestamp:
    """Where a date of reduced precision sits on a time axis: a year at 1 July, a month at its 15th."""
    parts = _parts(date)
    if len(parts) == 1:
        return pd.Timestamp(f"{date}-07-01")
    if len(parts) == 2:
        return pd.Timestamp(f"{date}-15")
    return pd.Timestamp(date)


def spoken(date: str) -> str:
    """The date as a reader says it: '17 September 2009', 'March 2004' or '2007'."""
    parts = _parts(date)
    stamp = pd.Timestamp("-".join(parts + ["01"] * (3 - len(parts))))
    if len(parts) == 1:
        return f"{stamp.year}"
    if len(parts) == 2:
        return f"{stamp:%B} {stamp.year}"
    return f"{stamp.day} {stamp:%B} {stamp.year}"


def is_exact(date: str) -> bool:
    """True for a full YYYY-MM-DD date."""
    return len(_parts(date)) == 3
