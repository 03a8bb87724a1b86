"""The verdict rubric: the published rules that turn a claim and its evidence into a verdict.

The Methods page of the book states these rules in words; this module is the same rules in code,
and every chapter's verdict table is recomputed with it (:mod:`maturing.verdicts`). Nothing here
knows about any particular claim.

Kinds. A *checkable* claim states a fact and gets one of :data:`SCORES`. An *opinion*, a
*proposal* or a *prediction* is never scored true or false (:data:`UNSCORED`).

Rules for checkable claims:

- ``number``: the claim is read at its own precision, as the interval of values that round to
  it (``precision`` is the place of its last significant digit), or the open interval its
  qualifier states ("more than 50"). The *relative difference* is the gap between that interval
  and the evidence (a value or a range), divided by the evidence; it maps to the bands of
  :data:`BANDS`.
- ``date``: the claim covers the period it states (a year, a month, "early August"); the evidence
  date inside it is *confirmed*, within one unit of the claim's precision outside it *close*,
  further away *contradicted*. "As early as 2000" (qualifier ``by``) covers everything up to the
  end of 2000.
- ``list``: of the items a claim lists, all supported is *confirmed*, more than half *close*, half
  or fewer *contradicted*.
- ``event`` and ``characterisation``: judged against the evidence and written in the ledger with
  the reason; only the source standard is applied by code.

Source standard: a verdict rests on at least one primary source, or on two independent secondary
sources (two outlets of one wire count as one). Below that standard no claim is scored: the
verdict is *unverified* (:func:`capped`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from . import dates

SCORES = ("confirmed", "close", "contradicted", "unverified")
UNSCORED = ("opinion", "proposal", "prediction")
KINDS = ("checkable", *UNSCORED)
RULES = ("number", "date", "list", "event", "characterisation")
COMPUTED_RULES = ("number", "date", "list")

# Bands of the relative difference for numeric claims: (upper bound, verdict), checked in order.
CLOSE_BAND = 0.10
BANDS = ((0.0, "confirmed"), (CLOSE_BAND, "close"), (math.inf, "contradicted"))

QUALIFIERS = ("approximately", "exactly", "more than", "at least", "less than", "at most")
DATE_QUALIFIERS = ("in", "by")


@dataclass(frozen=True)
class Interval:
    """A closed or open interval of numbers; ``low``/``high`` may be infinite."""

    low: float
    high: float

    def gap_to(self, low: float, high: float) -> float:
        """Distance from this interval to [low, high] (0 when they overlap)."""
        if high < self.low:
            return self.low - high
        if low > self.high:
            return low - self.high
        return 0.0


def claim_interval(value: float, precision: float | None, qualifier: str) -> Interval:
    """The values a numeric claim covers, read at its own precision.

    ``approximately`` and ``exactly`` cover what rounds to the value at ``precision`` (the value
    plus or minus half of it): "some 320" at precision 10 is 315 to 325. The open qualifiers
    cover everything beyond the stated bound ("more than 50": above 50).
    """
    if qualifier not in QUALIFIERS:
        raise ValueError(f"qualifier must be one of {QUALIFIERS}, not {qualifier!r}")
    if qualifier in ("approximately", "exactly"):
        if precision is None or not precision > 0:
            raise ValueError(f"a {qualifier} figure needs a positive precision, not {precision!r}")
        return Interval(value - precision / 2, value + precision / 2)
    if qualifier in ("more than", "at least"):
        return Interval(value, math.inf)
    return Interval(-math.inf, value)


def relative_difference(claim: Interval, evidence_low: float, evidence_high: float | None = None) -> float:
    """The gap between the claim and the evidence, as a share of the evidence.

    The evidence is a value (``evidence_low``) or a range; for a range the gap is measured to
    its nearer end, and divided by that end.
    """
    high = evidence_low if evidence_high is None else evidence_high
    if high < evidence_low:
        raise ValueError(f"evidence range {evidence_low}..{high} is reversed")
    gap = claim.gap_to(evidence_low, high)
    if gap == 0:
        return 0.0
    nearest = high if high < claim.low else evidence_low
    if nearest == 0:
        raise ValueError("a relative difference from zero evidence is undefined")
    return gap / abs(nearest)


def band(difference: float) -> str:
    """The verdict for a relative difference (:data:`BANDS`)."""
    for upper, verdict in BANDS:
        if difference <= upper:
            return verdict
    raise AssertionError("unreachable: the last band is infinite")


_STEP = {"year": pd.DateOffset(years=1), "month": pd.DateOffset(months=1), "day": pd.DateOffset(days=1)}


def claimed_span(claimed: str) -> tuple[pd.Timestamp, pd.Timestamp, str]:
    """First and last day a claimed date covers, and its precision.

    ``claimed`` is an ISO date (``2002``, ``2002-05``, ``2005-08-04``: precision year, month or
    day) or a span of days ``start/end`` ("early August 2005" is ``2005-08-01/2005-08-10``:
    precision "span", whose unit is its own length)."""
    if "/" in claimed:
        start, end = (pd.Timestamp(part) for part in claimed.split("/"))
        if end < start:
            raise ValueError(f"claimed span {claimed!r} is reversed")
        return start, end, "span"
    return dates.period_start(claimed), dates.period_end(claimed), dates.precision(claimed)


def _one_unit_around(start: pd.Timestamp, end: pd.Timestamp, precision: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    if precision == "span":
        length = end - start + pd.Timedelta(days=1)
        return start - length, end + length
    return start - _STEP[precision], end + _STEP[precision]


def date_verdict(claimed: str, evidence: str, qualifier: str = "in") -> str:
    """The verdict for a dated claim against the evidence date (both ISO, possibly partial).

    The evidence date stands for the whole period it names (it may be a span ``start/end``, e.g.
    a summit of two days). Inside the claimed period:
    *confirmed*; within one unit of the claim's precision outside it: *close*; further:
    *contradicted*. Evidence coarser than the claim that overlaps it (a month against a claimed
    day) cannot decide it: *unverified*. Qualifier ``by`` ("as early as", "by") extends the claim
    back without limit.
    """
    if qualifier not in DATE_QUALIFIERS:
        raise ValueError(f"date qualifier must be one of {DATE_QUALIFIERS}, not {qualifier!r}")
    start, end, precision = claimed_span(claimed)
    near_start, near_end = _one_unit_around(start, end, precision)
    if qualifier == "by":
        start = near_start = pd.Timestamp.min
    ev_start, ev_end, _ = claimed_span(evidence)
    if start <= ev_start and ev_end <= end:
        return "confirmed"
    if ev_start <= end and start <= ev_end:
        return "unverified"
    if near_start <= ev_start and ev_end <= near_end:
        return "close"
    return "contradicted"


def list_verdict(listed: int, supported: int) -> str:
    """The verdict for a claim listing ``listed`` items of which ``supported`` hold."""
    if listed <= 0 or not 0 <= supported <= listed:
        raise ValueError(f"a list claim needs 0 <= supported ({supported}) <= listed ({listed}) and listed > 0")
    if supported == listed:
        return "confirmed"
    if supported > listed / 2:
        return "close"
    return "contradicted"


def standard_met(sources: pd.DataFrame) -> bool:
    """Whether the sources a verdict rests on meet the standard: one primary, or two secondary
    sources of different publishers (``sources`` has columns ``tier`` and ``publisher``)."""
    if (sources["tier"] == "primary").any():
        return True
    return sources.loc[sources["tier"] == "secondary", "publisher"].nunique() >= 2


def capped(verdict: str, met: bool) -> str:
    """No claim is scored on evidence below the source standard: it stays unverified."""
    if verdict not in SCORES:
        raise ValueError(f"not a verdict: {verdict!r}")
    return verdict if met else "unverified"
