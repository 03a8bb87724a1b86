"""The claims ledger (``data/claims.csv``): counts by verdict, kind and chapter.

Functions take the ledger as a DataFrame (``maturing.data.load("claims")``), so a
notebook names the resource it reads, as the book's cache requires.
"""

from __future__ import annotations

import pandas as pd

from .claims import LABELS, labels


def verdict_counts(ledger: pd.DataFrame) -> pd.Series:
    """Number of claims per verdict (checkable claims) or kind (the others), in the book's order."""
    return labels(ledger).value_counts().reindex(LABELS, fill_value=0)


def verdicts_by_chapter(ledger: pd.DataFrame) -> pd.DataFrame:
    """Claims per chapter (rows, in file order) and verdict or kind (columns, in the book's order)."""
    table = pd.crosstab(ledger["chapter"], labels(ledger))
    return table.reindex(columns=list(LABELS), fill_value=0).sort_index()


def checkable(ledger: pd.DataFrame) -> pd.DataFrame:
    """The claims that can be checked (kind 'checkable'): opinions, proposals and predictions are not."""
    return ledger[ledger["kind"] == "checkable"]
