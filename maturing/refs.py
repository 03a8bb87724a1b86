"""References from one table to rows of another: ``"table:key; table:key"``.

``key`` is the row's primary-key values joined with ``/`` (``opium_afghanistan:2005/production/
unis-2005-nar929``); for a table with a one-field primary key it is just that value
(``drug_evidence:ratio-afp``). The claims ledger points at the rows its verdicts rest on this way.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pandas as pd

from .data import DATAPACKAGE


def parse(text) -> list[tuple[str, str]]:
    """``"a:x; b:y"`` -> ``[("a", "x"), ("b", "y")]``; empty or missing text -> ``[]``."""
    if text is None or (not isinstance(text, str) and pd.isna(text)) or not str(text).strip():
        return []
    out = []
    for item in str(text).split(";"):
        table, sep, key = item.strip().partition(":")
        if not sep or not table.strip() or not key.strip():
            raise ValueError(f"not a reference of the form table:key: {item!r} in {text!r}")
        out.append((table.strip(), key.strip()))
    return out


@cache
def _primary_keys(datapackage: str) -> dict[str, list[str]]:
    descriptor = json.loads(Path(datapackage).read_text(encoding="utf-8"))
    return {r["name"]: list(r["schema"]["primaryKey"]) for r in descriptor["resources"]}


def primary_key(table: str, datapackage: Path = DATAPACKAGE) -> list[str]:
    keys = _primary_keys(str(datapackage))
    if table not in keys:
        raise KeyError(f"no table named {table!r} in the data package")
    return keys[table]


def _text(value) -> str:
    if isinstance(value, pd.Timestamp):
        return f"{value:%Y-%m-%d}"
    return str(value)


def keys_of(frame: pd.DataFrame, table: str, datapackage: Path = DATAPACKAGE) -> pd.Series:
    """Each row's key, as references write it."""
    fields = primary_key(table, datapackage)
    return frame[fields].apply(lambda row: "/".join(_text(v) for v in row), axis=1)


def row(frame: pd.DataFrame, table: str, key: str, datapackage: Path = DATAPACKAGE) -> pd.Series:
    """The one row of ``frame`` (table ``table``) that ``key`` names; a LookupError naming the
    reference otherwise."""
    hits = frame[keys_of(frame, table, datapackage) == key]
    if len(hits) != 1:
        raise LookupError(f"{table}:{key} matches {len(hits)} rows of {table}, not one")
    return hits.iloc[0]
