"""The claims ledger (``data/claims.csv``): counts and a readable table.

Functions take the ledger as a DataFrame (``maturing.data.load("claims")``), so a
notebook names the resource it reads, as the book's cache requires.
"""

from __future__ import annotations

from html import escape

import pandas as pd
from IPython.display import display

from .claims import LABELS, labels
from .tables import wrap

OPEN_QUOTE, CLOSE_QUOTE = "“", "”"


def chapter_url(chapter: str) -> str:
    """The built page of a chapter, relative to any page in notebooks/."""
    return f"../notebooks/{chapter}.html"


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


# --- the ledger as a readable table ---------------------------------------------------------
def ledger_html(ledger: pd.DataFrame, titles: dict[str, str]) -> str:
    """An HTML table of the ledger grouped by chapter, each row linking to its chapter.

    ``titles`` maps a chapter's file stem to the words shown for it in the group's
    heading; each row links to the chapter under its number ("ch. 04"). Every text is
    escaped; the chapters come in file order, the claims in the article's order.
    """
    columns = ["Claim", "Quote", "Verdict", "Evidence", "Checked in"]
    head = "".join(f"<th>{c}</th>" for c in columns)
    bodies = []
    for chapter, rows in ledger.sort_values(["chapter", "paragraph"], kind="stable").groupby("chapter", sort=True):
        title = escape(titles.get(chapter, chapter))
        url = escape(chapter_url(chapter))
        number = escape(chapter.split("-", 1)[0])
        cells = [
            f'<tr class="maturing-group"><th colspan="{len(columns)}"><a href="{url}">{title}</a> '
            f"({len(rows)} claims)</th></tr>"
        ]
        for row, word in zip(rows.itertuples(), labels(rows), strict=True):
            quote = escape(f"{OPEN_QUOTE}{row.quote}{CLOSE_QUOTE}")
            cells.append(
                f"<tr><td>{escape(row.claim)}</td><td>{quote}</td><td>{escape(word)}</td>"
                f'<td>{escape(row.evidence)}</td><td><a href="{url}">ch.&nbsp;{number}</a></td></tr>'
            )
        bodies.append("<tbody>" + "".join(cells) + "</tbody>")
    return (
        f'<table class="maturing-table maturing-ledger"><thead><tr>{head}</tr></thead>' + "".join(bodies) + "</table>"
    )


def show_ledger(ledger: pd.DataFrame, titles: dict[str, str]) -> None:
    """Display the grouped, linked ledger table in the book's scroll container (with a plain-text
    fallback)."""
    plain = ledger[["chapter", "claim"]].assign(verdict=labels(ledger)).to_string(index=False)
    display({"text/html": wrap(ledger_html(ledger, titles)), "text/plain": plain}, raw=True)
