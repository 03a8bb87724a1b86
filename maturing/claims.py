"""The article's claims: exact quotes and the verdicts the chapters give them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from .paths import ARTICLE

VERDICTS = ("confirmed", "close", "contradicted", "unverified", "opinion")


@lru_cache(maxsize=1)
def article_text() -> str:
    """The full text of the article, as published."""
    return ARTICLE.read_text(encoding="utf-8")


def quote(text: str) -> str:
    """Return ``text`` if it is an exact substring of the article, else raise."""
    if text not in article_text():
        raise ValueError(f"not an exact quote from the article: {text!r}")
    return text


@dataclass(frozen=True)
class Verdict:
    """One claim of the article checked against the evidence."""

    claim: str
    quote: str
    evidence: str
    verdict: str

    def __post_init__(self):
        quote(self.quote)
        if self.verdict not in VERDICTS:
            raise ValueError(f"verdict must be one of {VERDICTS}, not {self.verdict!r}")


def verdict_table(verdicts: list[Verdict]) -> pd.DataFrame:
    """Claim, the article's words, the evidence and the verdict, one row each."""
    return pd.DataFrame(
        {
            "Claim": [v.claim for v in verdicts],
            "The article says": [f"“{v.quote}”" for v in verdicts],
            "Evidence": [v.evidence for v in verdicts],
            "Verdict": [v.verdict for v in verdicts],
        }
    )
