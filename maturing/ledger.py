"""The claims ledger (``data/claims.csv``): counts, a readable table, and the check
that the chapters' verdict tables agree with it.

Functions take the ledger as a DataFrame (``maturing.data.load("claims")``), so a
notebook names the resource it reads, as the book's cache requires.
"""
from __future__ import annotations

from html import escape

import pandas as pd
from bs4 import BeautifulSoup
from IPython.display import display

from .claims import VERDICTS

# the columns of maturing.claims.verdict_table that identify a chapter's verdict table
VERDICT_TABLE_COLUMNS = ("Claim", "The article says", "Verdict")
OPEN_QUOTE, CLOSE_QUOTE = "“", "”"


def chapter_url(chapter: str) -> str:
    """The built page of a chapter, relative to any page in notebooks/."""
    return f"../notebooks/{chapter}.html"


def verdict_counts(ledger: pd.DataFrame) -> pd.Series:
    """Number of claims per verdict, in the book's order of verdicts."""
    return ledger["verdict"].value_counts().reindex(VERDICTS, fill_value=0)


def verdicts_by_chapter(ledger: pd.DataFrame) -> pd.DataFrame:
    """Claims per chapter (rows, in file order) and verdict (columns, in the book's order)."""
    table = pd.crosstab(ledger["chapter"], ledger["verdict"])
    return table.reindex(columns=list(VERDICTS), fill_value=0).sort_index()


def checkable(ledger: pd.DataFrame) -> pd.DataFrame:
    """The claims that can be checked: every verdict but 'opinion'."""
    return ledger[ledger["verdict"] != "opinion"]


# --- the ledger as a readable table ---------------------------------------------------------
def ledger_html(ledger: pd.DataFrame, titles: dict[str, str]) -> str:
    """An HTML table of the ledger grouped by chapter, each row linking to its chapter.

    ``titles`` maps a chapter's file stem to the words shown for it in the group's
    heading; each row links to the chapter under its number ("ch. 03"). Every text is
    escaped; the chapters come in file order, the claims in the article's order.
    """
    columns = ["Claim", "Quote", "Verdict", "Evidence", "Checked in"]
    head = "".join(f"<th>{c}</th>" for c in columns)
    bodies = []
    for chapter, rows in ledger.sort_values(["chapter", "paragraph"], kind="stable").groupby("chapter", sort=True):
        title = escape(titles.get(chapter, chapter))
        url = escape(chapter_url(chapter))
        number = escape(chapter.split("-", 1)[0])
        cells = [f'<tr class="maturing-group"><th colspan="{len(columns)}"><a href="{url}">{title}</a> '
                 f'({len(rows)} claims)</th></tr>']
        for row in rows.itertuples():
            quote = escape(f"{OPEN_QUOTE}{row.quote}{CLOSE_QUOTE}")
            cells.append(
                f"<tr><td>{escape(row.claim)}</td><td>{quote}</td><td>{escape(row.verdict)}</td>"
                f'<td>{escape(row.evidence)}</td><td><a href="{url}">ch.&nbsp;{number}</a></td></tr>'
            )
        bodies.append("<tbody>" + "".join(cells) + "</tbody>")
    return (f'<table class="maturing-table maturing-ledger"><thead><tr>{head}</tr></thead>'
            + "".join(bodies) + "</table>")


def show_ledger(ledger: pd.DataFrame, titles: dict[str, str]) -> None:
    """Display the grouped, linked ledger table (with a plain-text fallback)."""
    plain = ledger[["chapter", "claim", "verdict"]].to_string(index=False)
    display({"text/html": ledger_html(ledger, titles), "text/plain": plain}, raw=True)


# --- agreement between the ledger and the chapters ------------------------------------------
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
            rows.append({"claim": cells[at["Claim"]], "quote": unquote(cells[at["The article says"]]),
                         "verdict": cells[at["Verdict"]]})
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
    two claims) must be exactly the verdicts of the ledger rows that quote refers to.
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
        in_ledger = dict(zip(found["verdict"], found["claim_id"]))
        for verdict in sorted(set(verdicts) - set(in_ledger)):
            ids = ", ".join(found["claim_id"])
            problems.append(f"{chapter}: {verdicts[verdict]!r} is {verdict!r} in the chapter but the ledger "
                            f"({ids}) says {', '.join(sorted(set(in_ledger)))}")
        for verdict in sorted(set(in_ledger) - set(verdicts)):
            problems.append(f"{chapter}: {in_ledger[verdict]} is {verdict!r} in the ledger but the chapter says "
                            f"{', '.join(sorted(verdicts))} for {quote!r}")
    return problems
