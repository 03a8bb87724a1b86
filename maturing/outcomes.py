"""What became of the article's hopes, proposals and concerns (``data/outcomes.csv``).

Each row of ``outcomes`` judges one hope with a plain outcome word and points at its
evidence: rows of the book's other tables, never copies of them. A reference is written
``resource:key``, where ``key`` is a value of the first field of that resource's primary key
(``nrc_timeline:practical-suspension``, ``cfe_fate:withdrawal-effective``); several are
separated by ``"; "``. A key may match several rows (``nrc_timeline`` keeps one row per event
and source): the evidence is then the confirmed row with the most precise date.

The notebook loads every table it cites itself (``load("cfe_fate")`` ...), so that the book's
cache knows what the chapter depends on, and passes them to :func:`evidence_rows`::

    outcomes = load("outcomes")
    evidence = evidence_rows(outcomes, {"nrc_timeline": load("nrc_timeline"), ...})
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import dates
from .data import DATAPACKAGE
from .figures import PALETTE
from .refs import parse, primary_key

# The outcome words, from best to worst for the article, and the rule for each. "What the
# article wanted" is the hope or proposal itself; for a concern it is that the feared thing
# should not happen. Each hope is judged at the horizon it states itself ("next year": the end of
# that year); with none, over the whole record, up to the last date read.
OUTCOMES = {
    "fulfilled": "what the article wanted happened within its stated horizon (or, with none, happened and was "
    "still in place at the end of the record); a later end of something that was only promised to start does not "
    "undo it",
    "partly fulfilled": "only part of it happened, or it happened in a materially different form (for a concern: "
    "the feared thing came only in part or in another form)",
    "fulfilled then reversed": "it happened as wanted, wholly or in substantial part, and was later suspended, ended "
    "or withdrawn, where lasting was part of what was wanted",
    "not fulfilled": "it did not happen: it was refused, events made it impossible or went the other way (for a "
    "concern: the feared thing happened in full); a refusal known only from the other party's statement is flagged",
    "no record": "no source we read shows that it happened, and none shows that it was refused; it is settled on "
    "the last date on which it could still have happened",
}
# Colours of the outcomes; "fulfilled then reversed" is purple so that it cannot be read as the
# timeline's orange "crisis" category when both are drawn in one figure.
OUTCOME_COLOURS = {
    "fulfilled": PALETTE["green"],
    "partly fulfilled": PALETTE["sky"],
    "fulfilled then reversed": PALETTE["purple"],
    "not fulfilled": PALETTE["vermillion"],
    "no record": PALETTE["grey"],
}
KINDS = ("hope", "proposal", "concern")

# Where a cited table keeps its date and a short description of the row.
DATE_FIELD = "date"
TEXT_FIELDS = ("label", "event", "fact")


def key_field(resource: str, datapackage: Path = DATAPACKAGE) -> str:
    """The field a reference's key is matched against: the first field of the primary key."""
    return primary_key(resource, datapackage)[0]


def iso(value) -> str | None:
    """A date as the ISO 8601 text the timeline functions read: ``Timestamp`` -> ``"2007-12-12"``,
    a partial date stays as it is, a missing date is ``None``."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return f"{value:%Y-%m-%d}"
    return str(value)


def _best_row(rows: pd.DataFrame) -> pd.Series:
    """Of several rows for one key: the confirmed ones first, then the most precise date, then the first."""

    def rank(row):
        when = iso(row.get(DATE_FIELD))
        precision = dates.PRECISIONS.index(dates.precision(when)) if when else len(dates.PRECISIONS)
        return (row.get("status") != "confirmed", precision)

    ranks = [rank(row) for _, row in rows.iterrows()]
    return rows.iloc[min(range(len(rows)), key=lambda i: ranks[i])]


def evidence_rows(
    outcomes: pd.DataFrame, frames: dict[str, pd.DataFrame], datapackage: Path = DATAPACKAGE
) -> pd.DataFrame:
    """One row per (hope, reference): the cited row's date, description, source and status.

    ``frames`` maps resource name -> its loaded table. Columns: ``hope_id``, ``ref``
    (``resource:key``), ``resource``, ``key``, ``date`` (ISO text, possibly partial, or None),
    ``text``, ``source_id``, ``status`` and ``role`` ("decided", "happened" or "context").
    Raises ``KeyError`` for a resource not in ``frames`` and ``LookupError`` for a key that
    matches no row.
    """
    out = []
    for hope in outcomes.itertuples(index=False):
        roles = {hope.decided_key: "decided"}
        if isinstance(hope.happened_key, str):
            roles[hope.happened_key] = "happened"
        cited = parse(hope.evidence_keys)
        if not cited:
            raise ValueError(f"{hope.hope_id}: no evidence references")
        for resource, key in cited:
            if resource not in frames:
                raise KeyError(f"{hope.hope_id}: cites {resource!r}, which was not loaded")
            frame = frames[resource]
            rows = frame[frame[key_field(resource, datapackage)].astype("string") == key]
            if rows.empty:
                raise LookupError(f"{hope.hope_id}: {resource}:{key} matches no row of {resource}")
            row = _best_row(rows)
            text_field = next((f for f in TEXT_FIELDS if f in row.index and pd.notna(row[f])), None)
            ref = f"{resource}:{key}"
            out.append(
                {
                    "hope_id": hope.hope_id,
                    "ref": ref,
                    "resource": resource,
                    "key": key,
                    "date": iso(row.get(DATE_FIELD)),
                    "text": str(row[text_field]) if text_field else key,
                    "source_id": row["source_id"],
                    "status": row["status"],
                    "role": roles.get(ref, "context"),
                }
            )
    return pd.DataFrame(out)


def years_after(date: str, start: pd.Timestamp) -> float:
    """Years (of 365.25 days) from ``start`` to the middle of a possibly partial date."""
    return (dates.midpoint(date) - pd.Timestamp(start)) / pd.Timedelta(days=365.25)
