"""A chapter's verdict table: its rows of the claims ledger, each verdict recomputed from the data.

The ledger (``data/claims.csv``) is the one place a verdict is written. A chapter shows its rows
with :func:`show`; before it shows anything it checks each row against the data it references
(``evidence_refs``) and the rubric (:mod:`maturing.rubric`):

- a ``number`` claim: the evidence value is computed again (from the one referenced row's
  ``value``, or given by the chapter when it is derived, e.g. opium divided by ten), and the
  relative difference, its band and the verdict must equal the ledger's;
- a ``date`` claim: the evidence date comes from the referenced row (or the chapter) and the
  verdict must equal the date rule's;
- a ``list`` claim: the chapter counts the items the evidence supports;
- every scored verdict: the referenced rows must meet the source standard, or the verdict must be
  ``unverified``.

Any difference stops the chapter with :class:`VerdictMismatch`, naming the claim, both values and
the rule, so a verdict can never silently drift from the data.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from html import escape

import pandas as pd
from IPython.display import display

from . import rubric, sources, tables
from .data import load
from .refs import parse, row

METHODS_PAGE = "../book/methods.html"
LEDGER_PAGE = "../book/ledger.html"
VALUE_TOLERANCE = 1e-3  # stored evidence values are rounded: they must agree to 0.1 %
DIFFERENCE_DECIMALS = 1  # the ledger stores the relative difference in per cent, to one decimal


class VerdictMismatch(AssertionError):
    """The ledger's verdict (or a value it rests on) is not what its data and the rubric give."""


def chapter_rows(ledger: pd.DataFrame, chapter: str) -> pd.DataFrame:
    """The ledger's rows for ``chapter``, in the article's order."""
    rows = ledger[ledger["chapter"] == chapter]
    if rows.empty:
        raise LookupError(f"the claims ledger has no claim for chapter {chapter!r}")
    return rows.sort_values(["paragraph", "claim_id"], kind="stable")


def _missing(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value))


def referenced_rows(claim: pd.Series, frames: dict[str, pd.DataFrame]) -> list[tuple[str, pd.Series]]:
    """The data rows a claim rests on, as (table, row); each table is loaded once into ``frames``."""
    found = []
    for table, key in parse(claim["evidence_refs"]):
        if table not in frames:
            frames[table] = load(table)
        found.append((table, row(frames[table], table, key)))
    return found


def evidence_sources(found: list[tuple[str, pd.Series]]) -> list[str]:
    """The sources of the confirmed rows among ``found``, once each, in order."""
    return list(dict.fromkeys(r["source_id"] for _, r in found if r.get("status", "confirmed") == "confirmed"))


def _number_evidence(claim, found, given) -> tuple[float, float]:
    if given is not None:
        low, high = (given, given) if not isinstance(given, tuple) else given
        return float(low), float(high)
    values = [float(r["value"]) for _, r in found if "value" in r.index and not _missing(r["value"])]
    if len(values) == 1:
        return values[0], values[0]
    if len(values) == 2 and not _missing(claim["evidence_low"]):
        return min(values), max(values)
    raise VerdictMismatch(
        f"{claim['claim_id']}: its evidence cannot be computed from its references "
        f"({claim['evidence_refs']}); the chapter must compute it and pass it to verdicts.show"
    )


def _agrees(stored, computed: float) -> bool:
    if _missing(stored):
        return False
    return math.isclose(float(stored), computed, rel_tol=VALUE_TOLERANCE, abs_tol=1e-9)


def _no_measure(claim: pd.Series) -> bool:
    """The ledger records no evidence value: nothing we read measures the claimed quantity."""
    return all(_missing(claim[c]) for c in ("evidence_value", "evidence_low", "evidence_high"))


def check_number(claim: pd.Series, found, given) -> tuple[dict, list[str]]:
    if given is None and _no_measure(claim):
        problems = (
            []
            if _missing(claim["difference"]) and _missing(claim["band"])
            else ["difference and band without evidence"]
        )
        return {"verdict": "unverified", "unmeasured": True}, problems
    low, high = _number_evidence(claim, found, given)
    interval = rubric.claim_interval(float(claim["claimed_value"]), claim["precision"], claim["qualifier"])
    difference = rubric.relative_difference(interval, low, high) * 100
    problems = []
    if low == high:
        if not _agrees(claim["evidence_value"], low):
            problems.append(f"evidence value: the ledger has {claim['evidence_value']}, the data give {low:g}")
    elif not (_agrees(claim["evidence_low"], low) and _agrees(claim["evidence_high"], high)):
        problems.append(
            f"evidence range: the ledger has {claim['evidence_low']}-{claim['evidence_high']}, the data give {low:g}-{high:g}"
        )
    if _missing(claim["difference"]) or round(float(claim["difference"]), DIFFERENCE_DECIMALS) != round(
        difference, DIFFERENCE_DECIMALS
    ):
        problems.append(f"difference: the ledger has {claim['difference']}%, the rule gives {difference:.1f}%")
    verdict = rubric.band(difference / 100)
    if claim["band"] != verdict:
        problems.append(f"band: the ledger has {claim['band']!r}, a difference of {difference:.1f}% is {verdict!r}")
    shown = {"low": low, "high": high, "difference": difference, "interval": interval}
    return {"verdict": verdict, **shown}, problems


def check_date(claim: pd.Series, found, given) -> tuple[dict, list[str]]:
    if given is None:
        dated = [r["date"] for _, r in found if "date" in r.index and not _missing(r["date"])]
        if len(dated) != 1:
            raise VerdictMismatch(
                f"{claim['claim_id']}: its references give {len(dated)} dates, not one; the chapter must pass the date"
            )
        given = dated[0]
    evidence = f"{given:%Y-%m-%d}" if isinstance(given, pd.Timestamp) else str(given)
    problems = []
    if str(claim["evidence_period"]) != evidence:
        problems.append(f"evidence date: the ledger has {claim['evidence_period']}, the data give {evidence}")
    qualifier = "in" if _missing(claim["qualifier"]) else claim["qualifier"]
    return {"verdict": rubric.date_verdict(str(claim["claimed_period"]), evidence, qualifier)}, problems


def check_list(claim: pd.Series, found, given) -> tuple[dict, list[str]]:
    if given is None:
        raise VerdictMismatch(f"{claim['claim_id']}: a list claim needs the chapter's count of supported items")
    listed = int(claim["claimed_value"])
    problems = []
    if not _agrees(claim["evidence_value"], given):
        problems.append(f"supported items: the ledger has {claim['evidence_value']}, the data give {given}")
    return {"verdict": rubric.list_verdict(listed, int(given))}, problems


CHECKS = {"number": check_number, "date": check_date, "list": check_list}


def check(
    ledger: pd.DataFrame,
    chapter: str,
    evidence: Mapping[str, object] | None = None,
    frames: dict[str, pd.DataFrame] | None = None,
) -> pd.DataFrame:
    """The chapter's ledger rows with what the data and the rubric give; raises
    :class:`VerdictMismatch` listing every disagreement with the ledger.

    ``evidence`` maps a claim_id to the evidence the chapter computed for it: a number or a
    ``(low, high)`` range (number rule), an ISO date (date rule) or a count (list rule).
    ``frames`` holds tables already loaded (table name -> frame); others are loaded as needed.
    """
    evidence = dict(evidence or {})
    rows = chapter_rows(ledger, chapter)
    unknown = sorted(set(evidence) - set(rows["claim_id"]))
    if unknown:
        raise KeyError(f"evidence given for claims that are not chapter {chapter}'s: {unknown}")
    frames = {} if frames is None else frames
    problems, out = [], []
    for _, claim in rows.iterrows():
        found = referenced_rows(claim, frames)
        used = evidence_sources(found)
        result = {"claim_id": claim["claim_id"], "sources": used, "computed": None}
        if claim["kind"] != "checkable":
            out.append(result)
            continue
        met = bool(used) and sources.meets_standard(used)
        mine = []
        if claim["rule"] in CHECKS:
            computed, mine = CHECKS[claim["rule"]](claim, found, evidence.get(claim["claim_id"]))
            result["computed"] = computed
            expected = rubric.capped(computed["verdict"], met)
            if claim["verdict"] != expected:
                mine.append(
                    f"verdict: the ledger says {claim['verdict']!r}, rule {claim['rule']} gives {computed['verdict']!r}"
                    + ("" if met else " and its evidence is below the source standard, so 'unverified'")
                )
        elif claim["verdict"] != "unverified" and not met:
            mine.append(f"verdict {claim['verdict']!r} rests on evidence below the source standard ({', '.join(used)})")
        problems += [f"{claim['claim_id']} ({claim['rule']} rule): {p}" for p in mine]
        result["standard_met"] = met
        out.append(result)
    if problems:
        raise VerdictMismatch(
            f"chapter {chapter}: the claims ledger disagrees with the data:\n- " + "\n- ".join(problems)
        )
    return rows.merge(pd.DataFrame(out), on="claim_id", how="left")


# --- the table a reader sees ----------------------------------------------------------------------
BADGE_TEXT = {"opinion": "opinion", "proposal": "proposal", "prediction": "prediction"}


def _number(value: float) -> str:
    if math.isinf(value):
        return "∞"
    return (
        f"{value:,.0f}" if float(value).is_integer() or abs(value) >= 100 else f"{value:,.2f}".rstrip("0").rstrip(".")
    )


def _reading(claim: pd.Series, computed: dict) -> str:
    """How the rule read the claim against the evidence, in a sentence."""
    unit = "" if _missing(claim["unit"]) else f" {claim['unit']}"
    if claim["rule"] == "number" and computed.get("unmeasured"):
        return "No source we read measures this quantity, so the rule cannot score it."
    if claim["rule"] == "number":
        iv = computed["interval"]
        claimed = (
            f"{_number(iv.low)}–{_number(iv.high)}{unit}"
            if claim["qualifier"] in ("approximately", "exactly")
            else f"{claim['qualifier']} {_number(float(claim['claimed_value']))}{unit}"
        )
        low, high = computed["low"], computed["high"]
        found = f"{_number(low)}{unit}" if low == high else f"{_number(low)}–{_number(high)}{unit}"
        return (
            f"Read as {claimed}; the evidence is {found}: {computed['difference']:.1f}% apart, "
            f"which the rule scores {computed['verdict']}."
        )
    if claim["rule"] == "date":
        return f"Claimed {claim['claimed_period']}; the evidence dates it {claim['evidence_period']}."
    if claim["rule"] == "list":
        return f"{int(claim['evidence_value'])} of {int(claim['claimed_value'])} listed items are supported."
    return ""


def _badge(claim: pd.Series) -> str:
    word = claim["verdict"] if claim["kind"] == "checkable" else claim["kind"]
    rule = claim["rule"] if claim["kind"] == "checkable" else "not-scored"
    label = f"rule: {claim['rule']}" if claim["kind"] == "checkable" else "not scored"
    return (
        f'<span class="verdict-badge verdict-{escape(word)}">{escape(word)}</span> '
        f'<a class="verdict-rule" href="{METHODS_PAGE}#rule-{escape(rule)}">{escape(label)}</a>'
    )


def _cell(label: str, content: str) -> str:
    return f'<td data-label="{escape(label)}">{content}</td>'


def row_html(claim: pd.Series) -> str:
    """One verdict row; its id (``claim-<claim_id>``) is the claim's anchor in the book."""
    reading = _reading(claim, claim["computed"]) if isinstance(claim["computed"], dict) else ""
    cited = sources.links(claim["sources"]) if claim["sources"] else ""
    evidence = escape(str(claim["evidence"]))
    if reading:
        evidence += f'<br><span class="verdict-reading">{escape(reading)}</span>'
    if cited:
        evidence += f'<br><span class="verdict-sources">Sources: {cited}</span>'
    against = "" if _missing(claim["counter_evidence"]) else escape(str(claim["counter_evidence"]))
    counter_ids = [s.strip() for s in str(claim["counter_source_ids"]).split(";") if s.strip()]
    if counter_ids and not _missing(claim["counter_source_ids"]):
        against += f'<br><span class="verdict-sources">Sources: {sources.links(counter_ids)}</span>'
    if claim["kind"] != "checkable":
        against = against or "Not scored: see the Methods page."
    return (
        f'<tr id="claim-{escape(claim["claim_id"])}">'
        f'<td class="verdict-cell" data-label="Verdict">{_badge(claim)}</td>'
        + _cell("Claim", escape(str(claim["claim"])))
        + _cell("The article says", escape(f"“{claim['quote']}”"))
        + _cell("Evidence", evidence)
        + _cell("Strongest case against", against)
        + "</tr>"
    )


COLUMNS = ("Verdict", "Claim", "The article says", "Evidence", "Strongest case against")


def table_html(checked: pd.DataFrame) -> str:
    head = "".join(f"<th>{escape(c)}</th>" for c in COLUMNS)
    body = "".join(row_html(claim) for _, claim in checked.iterrows())
    return tables.wrap(
        f'<table class="maturing-table maturing-verdicts"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    )


def counts(rows: pd.DataFrame) -> dict[str, int]:
    """Claims per verdict (checkable) and per kind (the others), in the rubric's order."""
    checkable = rows[rows["kind"] == "checkable"]
    found = {v: int((checkable["verdict"] == v).sum()) for v in rubric.SCORES}
    found |= {k: int((rows["kind"] == k).sum()) for k in rubric.UNSCORED}
    return found


def summary(rows: pd.DataFrame) -> str:
    """'6 claims: 3 confirmed, 1 contradicted, 2 unverified; 2 opinions not scored.' for a table's caption."""
    found = counts(rows)
    scored = ", ".join(f"{n} {v}" for v, n in found.items() if v in rubric.SCORES and n)
    unscored = ", ".join(f"{n} {k}{'s' if n > 1 else ''}" for k, n in found.items() if k in rubric.UNSCORED and n)
    checkable = sum(found[v] for v in rubric.SCORES)
    text = f"{checkable} checkable claim{'s' if checkable != 1 else ''}" + (f": {scored}" if scored else "")
    return text + (f"; not scored: {unscored}." if unscored else ".")


def show(ledger: pd.DataFrame, chapter: str, evidence: Mapping[str, object] | None = None) -> pd.DataFrame:
    """Check the chapter's claims against the data (:func:`check`) and show its verdict table.

    Returns the checked rows (with the computed values), for the chapter's prose."""
    checked = check(ledger, chapter, evidence)
    intro = (
        f'<p class="verdict-summary">{escape(summary(checked))} How each verdict is reached: '
        f'<a href="{METHODS_PAGE}#verdicts">the rubric</a>; every claim of the article: '
        f'<a href="{LEDGER_PAGE}">the claims ledger</a>.</p>'
    )
    plain = checked[["claim_id", "kind", "verdict"]].fillna("").to_string(index=False)
    display({"text/html": intro + table_html(checked), "text/plain": plain}, raw=True)
    return checked
