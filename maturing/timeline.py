"""Dated events drawn as a timeline.

The chapter on the NATO-Russia Council at work and the book's closing chapter draw
the same timeline of NATO-Russia relations from the resource ``nrc_timeline``::

    events = timeline.one_per_event(load("nrc_timeline").query("milestone"))
    fig, ax = figures.new(8, 7)
    timeline.plot_timeline(ax, events, marks=[(article_date, "the article")])

Dates may be partial (``YYYY`` or ``YYYY-MM``) when a source gives no day: such an
event is drawn at the middle of its year or month with a hollow marker, and a thin
line spans the whole period, so the figure never shows more precision than the source.
"""
from __future__ import annotations

import re

import pandas as pd
from matplotlib.lines import Line2D

from .figures import PALETTE

PRECISIONS = ("day", "month", "year")  # from most to least precise

CATEGORY_COLOURS = {
    "founding": PALETTE["blue"],
    "cooperation": PALETTE["green"],
    "crisis": PALETTE["orange"],
    "suspension": PALETTE["vermillion"],
    "article": PALETTE["black"],
}
CATEGORY_LABELS = {
    "founding": "founding texts and bodies",
    "cooperation": "practical cooperation",
    "crisis": "crisis or downgrade",
    "suspension": "meetings or cooperation suspended",
    "article": "the article",
}

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_date(text: str) -> tuple[pd.Timestamp, str]:
    """The first day of an ISO 8601 date that may give only the year or the month,
    and its precision: ``"2004-12"`` -> ``(Timestamp("2004-12-01"), "month")``.

    Raises ``ValueError`` for anything else (``"May 2005"``, ``"2005-02-30"``).
    """
    match = _PARTIAL_DATE.match(str(text).strip())
    if not match:
        raise ValueError(f"not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD): {text!r}")
    year, month, day = match.groups()
    try:
        start = pd.Timestamp(year=int(year), month=int(month or 1), day=int(day or 1))
    except ValueError as error:
        raise ValueError(f"not a calendar date: {text!r} ({error})") from None
    precision = "day" if day else "month" if month else "year"
    return start, precision


def period(text: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The span a partial date covers: ``[start, end)`` (one day, month or year)."""
    start, precision = parse_date(text)
    step = {"day": pd.DateOffset(days=1), "month": pd.DateOffset(months=1), "year": pd.DateOffset(years=1)}[precision]
    return start, start + step


def midpoint(text: str) -> pd.Timestamp:
    """Where an event with this (possibly partial) date is drawn: the middle of its period
    (noon of a given day, the middle of a month or year)."""
    start, end = period(text)
    return start + (end - start) / 2


def one_per_event(frame: pd.DataFrame, *, event="event_id", date="date", status="status") -> pd.DataFrame:
    """One row per event, sorted by date.

    Only confirmed rows count. Of the rows reporting the same event, the one with the most
    precise date wins (a day beats a month, a month beats a year); on a tie the first listed.
    """
    rows = frame[frame[status] == "confirmed"].copy()
    parsed = rows[date].map(parse_date)
    rows["_rank"] = parsed.map(lambda p: PRECISIONS.index(p[1]))
    rows["_order"] = range(len(rows))
    best = rows.sort_values(["_rank", "_order"]).groupby(event, sort=False).head(1)
    best = best.assign(_when=best[date].map(midpoint)).sort_values(["_when", "_order"])
    return best.drop(columns=["_rank", "_order", "_when"]).reset_index(drop=True)


def plot_timeline(ax, events: pd.DataFrame, *, date="date", label="label", category="category",
                  marks=(), colours=None, fontsize=8, lane=(), lane_title=None, lane_legend=None,
                  legend_loc="lower left") -> pd.DataFrame:
    """Draw ``events`` (one row each) on ``ax``, earliest at the top, one line per event.

    Each event is a dot at its date, coloured by its category (``colours`` maps category ->
    colour; default :data:`CATEGORY_COLOURS`, from :data:`maturing.figures.PALETTE`), with its
    label beside it. Partial dates get a hollow dot and a line over the whole month or year.
    ``marks`` is a sequence of ``(date, text)`` drawn as dashed vertical lines (e.g. the
    article's date). Returns the events as drawn, with columns ``when`` (the x position),
    ``precision`` and ``y`` (0 for the top line).

    ``lane`` is an optional second list of dated items, a sequence of ``(date, text, colour)``
    drawn below the events under the heading ``lane_title``: one line each, in the order
    given, as diamonds on the same time axis (e.g. the dates on which the article's hopes
    were decided, coloured by outcome). ``lane_legend`` maps legend text -> colour for the
    diamonds. ``legend_loc`` places the legend (a matplotlib location).
    """
    colours = dict(CATEGORY_COLOURS if colours is None else colours)
    unknown = sorted(set(events[category]) - set(colours))
    if unknown:
        raise ValueError(f"no colour for categories {unknown}")
    drawn = events.copy()
    parsed = drawn[date].map(parse_date)
    drawn["precision"] = parsed.map(lambda p: p[1])
    drawn["when"] = drawn[date].map(midpoint)
    drawn = drawn.sort_values("when", kind="stable").reset_index(drop=True)
    drawn["y"] = range(len(drawn))
    lane = [(str(when), text, colour) for when, text, colour in lane]

    whens = [*drawn["when"], *(midpoint(when) for when, _, _ in lane)]
    first, last = min(whens), max(whens)
    span = last - first
    left, right = first - span * 0.03, last + span * 0.03
    turn = first + span * 0.62  # labels of later events go on the left of their dot

    for row in drawn.itertuples(index=False):
        row = row._asdict()
        _draw_item(ax, row["y"], row[date], row[label], colours[row[category]], "o", turn, fontsize)

    lane_top = len(drawn) + 1  # one empty line between the events and the lane, for its heading
    if lane:
        ax.axhline(lane_top - 1.5, color="#BBBBBB", linewidth=0.8, zorder=1)
        if lane_title:
            ax.annotate(lane_title, (0.005, lane_top - 0.75), xycoords=ax.get_yaxis_transform(), ha="left",
                        va="center", fontsize=fontsize, fontweight="bold", color="#222222")
    for y, (when, text, colour) in enumerate(lane, start=lane_top):
        _draw_item(ax, y, when, text, colour, "D", turn, fontsize)

    for when, text in marks:
        x = midpoint(when) if isinstance(when, str) else pd.Timestamp(when)
        ax.axvline(x, color=PALETTE["black"], linestyle="--", linewidth=1, zorder=1)
        ax.annotate(text, (x, -0.9), ha="center", va="bottom", fontsize=fontsize, fontweight="bold")

    ax.set_ylim((lane_top + len(lane) if lane else len(drawn)) - 0.4, -1.6)
    ax.set_xlim(left, right)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.grid(axis="y", visible=False)

    present = [c for c in colours if c in set(drawn[category])]
    handles = [Line2D([], [], marker="o", linestyle="none", color=colours[c], label=CATEGORY_LABELS.get(c, c)) for c in present]
    handles += [Line2D([], [], marker="D", linestyle="none", color=colour, label=text)
                for text, colour in (lane_legend or {}).items()]
    partial = (drawn["precision"] != "day").any() or any(parse_date(when)[1] != "day" for when, _, _ in lane)
    if partial:
        handles.append(Line2D([], [], marker="o", linestyle="none", markerfacecolor="white",
                              markeredgecolor=PALETTE["grey"], color=PALETTE["grey"], label="month or year only"))
    ax.legend(handles=handles, loc=legend_loc, fontsize=fontsize)
    return drawn


def _draw_item(ax, y, when: str, text: str, colour, marker: str, turn, fontsize) -> None:
    """One line of a timeline: a marker at the date (hollow, with a line over the period, when the
    date gives only a month or a year) and the text with its date, left of the marker after ``turn``."""
    x = midpoint(when)
    hollow = parse_date(when)[1] != "day"
    if hollow:
        start, end = period(when)
        ax.plot([start, end], [y, y], color=colour, linewidth=2.2, alpha=0.5, solid_capstyle="butt")
    ax.plot([x], [y], marker=marker, markersize=6.5, linestyle="none", markeredgewidth=1.6,
            markeredgecolor=colour, markerfacecolor="white" if hollow else colour, zorder=3)
    on_left = x > turn
    start, end = period(when) if hollow else (x, x)
    ax.annotate(f"{text} ({short_date(when)})", (start if on_left else end, y),
                xytext=(-7 if on_left else 7, 0), textcoords="offset points",
                ha="right" if on_left else "left", va="center", fontsize=fontsize, color="#222222",
                bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none"}, zorder=4)


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def _format(text: str, month_chars: int | None) -> str:
    start, precision = parse_date(text)
    month = _MONTHS[start.month - 1][:month_chars]
    if precision == "year":
        return f"{start.year}"
    if precision == "month":
        return f"{month} {start.year}"
    return f"{start.day} {month} {start.year}"


def short_date(text: str) -> str:
    """'2005-04-21' -> '21 Apr 2005'; '2004-12' -> 'Dec 2004'; '1998' -> '1998'."""
    return _format(text, 3)


def long_date(text: str) -> str:
    """'2005-04-21' -> '21 April 2005'; '2004-12' -> 'December 2004'; '1998' -> '1998'."""
    return _format(text, None)
