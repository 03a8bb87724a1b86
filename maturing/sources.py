"""The bibliography of the data: ``data/sources.csv``."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from .data import load


@lru_cache(maxsize=1)
def sources() -> pd.DataFrame:
    """Every source, indexed by ``source_id``."""
    return load("sources").set_index("source_id")


def short_citation(source_id: str) -> str:
    """'Publisher, Title (year)', flagged when the source was not read."""
    row = sources().loc[source_id]
    year = "n.d." if pd.isna(row.year) else row.year
    text = f"{row.publisher}, *{row.title}* ({year})"
    if row.status != "read":
        text += " [not read by the authors]"
    return text
