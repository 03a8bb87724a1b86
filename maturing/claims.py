"""The article's claims: exact quotes, and the word a table shows for each claim of the ledger.

A checkable claim gets one of :data:`VERDICTS`; an opinion, a proposal or a prediction is never
scored true or false, and a verdict table shows its kind instead (:data:`LABELS`).
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from .paths import ARTICLE
from .rubric import KINDS
from .rubric import SCORES as VERDICTS
from .rubric import UNSCORED as NOT_SCORED

# The word a verdict table shows for a claim: its verdict, or its kind when it is not scored.
LABELS = (*VERDICTS, *NOT_SCORED)


def label(kind: str, verdict) -> str:
    """The verdict of a checkable claim, the kind of any other (``opinion``, ``proposal``, ``prediction``)."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    if kind != "checkable":
        return kind
    if not isinstance(verdict, str) or verdict not in VERDICTS:
        raise ValueError(f"a checkable claim needs a verdict in {VERDICTS}, not {verdict!r}")
    return verdict


def labels(ledger: pd.DataFrame) -> pd.Series:
    """:func:`label` for every row of the claims ledger (columns ``kind`` and ``verdict``)."""
    return pd.Series(
        [label(k, v) for k, v in zip(ledger["kind"], ledger["verdict"], strict=True)], index=ledger.index, name="label"
    )


@lru_cache(maxsize=1)
def article_text() -> str:
    """The full text of the article, as published."""
    return ARTICLE.read_text(encoding="utf-8")


def quote(text: str) -> str:
    """Return ``text`` if it is an exact substring of the article, else raise."""
    if text not in article_text():
        raise ValueError(f"not an exact quote from the article: {text!r}")
    return text
