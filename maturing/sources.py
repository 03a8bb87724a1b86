"""The bibliography of the data: ``data/sources.csv``."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from .data import load


@lru_cache(maxsize=1)
def sources() -> pd.DataFrame:
    """Every source, indexed by ``source_id``."""
    return load("sources").set_index("source_id")


def year(date) -> str:
    """The year of an ISO 8601 date of any precision (YYYY, YYYY-MM, YYYY-MM-DD), or 'n.d.'."""
    return "n.d." if pd.isna(date) or not str(date).strip() else str(date)[:4]


def short_citation(source_id: str) -> str:
    """'Publisher, Title (year)', flagged when the source was not read."""
    row = sources().loc[source_id]
    year_ = year(row.date)
    text = f"{row.publisher}, *{row.title}* ({year_})"
    if row.status != "read":
        text += " [not read by the authors]"
    return text
