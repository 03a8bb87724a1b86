"""The verdict tables of built chapter pages, read back for the tests that compare them with the
claims ledger (``data/claims.csv``)."""

from __future__ import annotations

import pandas as pd
from bs4 import BeautifulSoup

from maturing.claims import labels
from maturing.ledger import CLOSE_QUOTE, OPEN_QUOTE

# the columns of maturing.claims.verdict_table that identify a chapter's verdict table
VERDICT_TABLE_COLUMNS = ("Claim", "The article says", "Verdict")


def unquote(text: str) -> str:
    """The article's words without the quotation marks a verdict table adds around them."""
    text = text.strip()
    if text.startswith(OPEN_QUOTE) and text.endswith(CLOSE_QUOTE):
        return text[1:-1]
    return text


def verdict_rows(html: str) -> list[dict[str, str]]:
    """The rows of every verdict table (columns Claim, The article says, Verdict) in a page.

    Tables are those rendered by :func:`maturing.tables.show` (class ``maturing-table``);
    each row comes back as {'claim', 'quote', 'verdict'}, the quote without its quotation marks.
    """
    soup = BeautifulSoup(html, "html.parser")
    rows = []
    for table in soup.select("table.maturing-table"):
        header = [th.get_text(" ", strip=True) for th in table.select("thead th")]
        if not set(VERDICT_TABLE_COLUMNS) <= set(header):
            continue
        at = {name: header.index(name) for name in VERDICT_TABLE_COLUMNS}
        for tr in table.select("tbody tr"):
            cells = [td.get_text(" ", strip=True) for td in tr.find_all(["td", "th"])]
            if len(cells) != len(header):
                continue
            rows.append(
                {
                    "claim": cells[at["Claim"]],
                    "quote": unquote(cells[at["The article says"]]),
                    "verdict": cells[at["Verdict"]],
                }
            )
    return rows


def _quoted(rows: pd.DataFrame, quote: str) -> pd.DataFrame:
    """Rows whose quote is ``quote``; failing that, rows whose quote contains it or lies within it."""
    same = rows[rows["quote"] == quote]
    if not same.empty:
        return same
    return rows[rows["quote"].map(lambda q: q in quote or quote in q)]


def matching_claims(ledger: pd.DataFrame, chapter: str, quote: str) -> pd.DataFrame:
    """The ledger rows that a chapter's quote refers to.

    Among the claims the ledger gives to ``chapter``: the rows with the same quote, if
    any; otherwise every row whose quote contains the chapter's quote or is contained in
    it. When none of the chapter's own claims matches, the same search runs over the whole
    ledger (a chapter may weigh a claim that the ledger files under another chapter).
    """
    own = _quoted(ledger[ledger["chapter"] == chapter], quote)
    return own if not own.empty else _quoted(ledger, quote)


def disagreements(ledger: pd.DataFrame, chapter: str, html: str) -> list[str]:
    """Every way the verdict tables of a chapter's page disagree with the ledger (empty if none).

    The verdicts a chapter gives one quote (usually one; two when it splits a sentence into
    two claims) must be exactly the verdicts of the ledger rows that quote refers to; for a claim
    that is not scored (an opinion, a proposal, a prediction) the chapter shows its kind.
    """
    given: dict[str, dict[str, str]] = {}
    for row in verdict_rows(html):
        given.setdefault(row["quote"], {})[row["verdict"]] = row["claim"]
    problems = []
    for quote, verdicts in given.items():
        found = matching_claims(ledger, chapter, quote)
        if found.empty:
            problems.append(f"{chapter}: no ledger claim quotes {quote!r} ({'; '.join(verdicts.values())})")
            continue
        in_ledger = dict(zip(labels(found), found["claim_id"], strict=False))
        for verdict in sorted(set(verdicts) - set(in_ledger)):
            ids = ", ".join(found["claim_id"])
            problems.append(
                f"{chapter}: {verdicts[verdict]!r} is {verdict!r} in the chapter but the ledger "
                f"({ids}) says {', '.join(sorted(set(in_ledger)))}"
            )
        for verdict in sorted(set(in_ledger) - set(verdicts)):
            problems.append(
                f"{chapter}: {in_ledger[verdict]} is {verdict!r} in the ledger but the chapter says "
                f"{', '.join(sorted(verdicts))} for {quote!r}"
            )
    return problems
