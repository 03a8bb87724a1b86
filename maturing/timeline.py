"""Dated events drawn as a timeline.

The chapter on the NATO-Russia Council at work and the book's closing chapter draw
the same timeline of NATO-Russia relations from the resource ``nrc_timeline``::

    events = timeline.one_per_event(load("nrc_timeline").query("milestone"))
    fig, ax = figures.new()
    timeline.plot_timeline(ax, events, marks=[(article_date, "the article")])

The timeline is drawn for a phone's column: :func:`plot_timeline` gives its figure the house
width (:data:`maturing.figures.WIDTH`) and the height its lines need, sets its text at
:data:`FONT_SIZE` points (9 CSS px or more in a 358 px column) and wraps labels onto two
lines, so whatever size the figure was made with, the timeline stays legible on a phone.

Dates may be partial (``YYYY`` or ``YYYY-MM``) when a source gives no day: such an
event is drawn at the middle of its year or month with a hollow marker, and a thin
line spans the whole period, so the figure never shows more precision than the source.
"""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.transforms import ScaledTranslation

from . import dates
from .figures import PALETTE, WIDTH

FONT_SIZE = 9.5  # points: 9.4 CSS px in a 358 px column, at the house width
LABEL_CHARACTERS = 30  # a label longer than this is wrapped onto a second line
LINE_HEIGHT_IN = 0.34  # inches per timeline line: room for a two-line label
FRAME_HEIGHT_IN = 1.3  # inches for the title, the time axis and the gaps around them
LEGEND_ROW_IN = 0.19  # inches per legend entry (the legend goes under the time axis)
TEXT_LINE_SPACING = 1.1  # a label's line height, in font sizes
LABEL_GAP_IN = 0.05  # the least gap between two labels, in inches

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


def _span(text: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The period a (possibly partial) date covers, as [start, end)."""
    return dates.period_start(text), dates.period_end(text) + pd.Timedelta(days=1)


def one_per_event(frame: pd.DataFrame, *, event="event_id", date="date", status="status") -> pd.DataFrame:
    """One row per event, sorted by date.

    Only confirmed rows count. Of the rows reporting the same event, the one with the most
    precise date wins (a day beats a month, a month beats a year); on a tie the first listed.
    """
    rows = frame[frame[status] == "confirmed"].copy()
    rows["_rank"] = rows[date].map(lambda d: dates.PRECISIONS.index(dates.precision(d)))
    rows["_order"] = range(len(rows))
    best = rows.sort_values(["_rank", "_order"]).groupby(event, sort=False).head(1)
    best = best.assign(_when=best[date].map(dates.midpoint)).sort_values(["_when", "_order"])
    return best.drop(columns=["_rank", "_order", "_when"]).reset_index(drop=True)


def date_labels(frame: pd.DataFrame, *, event="event_id", date="date", status="status") -> pd.Series:
    """Each event's date for the prose ("4 August 2005"), by event.

    The date is that of :func:`one_per_event`; an event that only unconfirmed rows report keeps
    its most precise date, marked "(unconfirmed)", so that the prose never states it as a fact.
    """
    confirmed = one_per_event(frame, event=event, date=date, status=status)
    labels = {row[event]: dates.label(row[date]) for _, row in confirmed.iterrows()}
    rest = frame[~frame[event].isin(labels)].assign(_status="confirmed")
    for _, row in one_per_event(rest, event=event, date=date, status="_status").iterrows():
        labels[row[event]] = f"{dates.label(row[date])} (unconfirmed)"
    return pd.Series(labels, name=date)


def plot_timeline(
    ax,
    events: pd.DataFrame,
    *,
    date="date",
    label="label",
    category="category",
    marks=(),
    colours=None,
    fontsize=FONT_SIZE,
    lane=(),
    lane_title=None,
    lane_legend=None,
    legend_loc="below",
) -> pd.DataFrame:
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
    diamonds; ``legend_loc`` places the legend: ``"below"`` (the default) under the time axis,
    where it hides no label, or a matplotlib location inside the axes.

    The figure gets the house width and the height of its lines (:func:`size_figure`).
    """
    colours = dict(CATEGORY_COLOURS if colours is None else colours)
    unknown = sorted(set(events[category]) - set(colours))
    if unknown:
        raise ValueError(f"no colour for categories {unknown}")
    drawn = events.copy()
    drawn["precision"] = drawn[date].map(dates.precision)
    drawn["when"] = drawn[date].map(dates.midpoint)
    drawn = drawn.sort_values("when", kind="stable").reset_index(drop=True)
    drawn["y"] = line_positions(
        [len(wrapped(r[label], dates.short_label(r[date])).splitlines()) for _, r in drawn.iterrows()], fontsize
    )
    lane = [(str(when), text, colour) for when, text, colour in lane]

    whens = [*drawn["when"], *(dates.midpoint(when) for when, _, _ in lane)]
    first, last = min(whens), max(whens)
    span = last - first
    left, right = first - span * 0.03, last + span * 0.03
    turn = first + span * 0.5  # labels of later events go on the left of their dot

    for row in drawn.itertuples(index=False):
        row = row._asdict()
        _draw_item(ax, row["y"], row[date], row[label], colours[row[category]], "o", turn, fontsize)

    last = drawn["y"].iloc[-1] if len(drawn) else -1
    # under the events: a rule, the lane's heading, then its items (the first one lower when its
    # label takes several text lines)
    lane_lines = [len(wrapped(t, dates.short_label(w)).splitlines()) for w, t, _ in lane]
    first_half = lane_lines[0] * fontsize * TEXT_LINE_SPACING / 72 / LINE_HEIGHT_IN / 2 if lane else 0
    lane_top = last + 1.5 + max(0.5, round(first_half + 0.1, 2))
    lane_ys = [lane_top + y for y in line_positions(lane_lines, fontsize)]
    if lane:
        ax.axhline(last + 0.5, color="#BBBBBB", linewidth=0.8, zorder=1)
        if lane_title:
            ax.annotate(
                lane_title,
                (0.005, last + 1.25),
                xycoords=ax.get_yaxis_transform(),
                ha="left",
                va="center",
                fontsize=fontsize,
                fontweight="bold",
                color="#222222",
            )
    for y, (when, text, colour) in zip(lane_ys, lane, strict=True):
        _draw_item(ax, y, when, text, colour, "D", turn, fontsize)

    for when, text in marks:
        x = dates.midpoint(when) if isinstance(when, str) else pd.Timestamp(when)
        ax.axvline(x, color=PALETTE["black"], linestyle="--", linewidth=1, zorder=1)
        ax.annotate(text, (x, -0.9), ha="center", va="bottom", fontsize=fontsize, fontweight="bold")

    bottom = (lane_ys[-1] if lane else last) + 1 - 0.4
    ax.set_ylim(bottom, -1.6)
    ax.set_xlim(left, right)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.grid(axis="y", visible=False)

    present = [c for c in colours if c in set(drawn[category])]
    handles = [
        Line2D([], [], marker="o", linestyle="none", color=colours[c], label=CATEGORY_LABELS.get(c, c)) for c in present
    ]
    handles += [
        Line2D([], [], marker="D", linestyle="none", color=colour, label=text)
        for text, colour in (lane_legend or {}).items()
    ]
    if (drawn["precision"] != "day").any() or any(not dates.is_exact(when) for when, _, _ in lane):
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                linestyle="none",
                markerfacecolor="white",
                markeredgecolor=PALETTE["grey"],
                color=PALETTE["grey"],
                label="month or year only",
            )
        )
    if legend_loc == "below":
        under_years = ax.transAxes + ScaledTranslation(0, -2.6 * fontsize / 72, ax.figure.dpi_scale_trans)
        ax.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(0, 0),
            bbox_transform=under_years,
            fontsize=fontsize,
            borderaxespad=0,
        )
    else:
        ax.legend(handles=handles, loc=legend_loc, fontsize=fontsize)
    size_figure(ax.figure, bottom + 0.4, len(handles) if legend_loc == "below" else 0)
    return drawn


def size_figure(fig, lines: float, legend_entries: int = 0) -> None:
    """Give a timeline's figure the house width and the height of its ``lines`` (and of a legend
    of ``legend_entries`` under the axis)."""
    fig.set_size_inches(WIDTH, FRAME_HEIGHT_IN + LINE_HEIGHT_IN * (lines + 1) + LEGEND_ROW_IN * legend_entries)


def line_positions(line_counts: list[int], fontsize: float) -> list[float]:
    """The y of each item (0 for the first, one timeline line apart, more where two neighbouring
    labels need more room: a label of three text lines beside one of two)."""
    text_line_in = fontsize * TEXT_LINE_SPACING / 72
    ys: list[float] = []
    for i, count in enumerate(line_counts):
        if not ys:
            ys.append(0)
            continue
        needed = ((line_counts[i - 1] + count) / 2 * text_line_in + LABEL_GAP_IN) / LINE_HEIGHT_IN
        ys.append(ys[-1] + max(1, round(needed, 2)))
    return ys


def wrapped(text: str, date: str) -> str:
    """``text (date)`` on one line, or on lines of at most :data:`LABEL_CHARACTERS`; the date is
    never split."""
    glue = "\x00"  # holds the date's words together while wrapping
    joined = textwrap.fill(
        f"{text} ({date.replace(' ', glue)})", LABEL_CHARACTERS, break_long_words=False, break_on_hyphens=False
    )
    return joined.replace(glue, " ")


def _draw_item(ax, y, when: str, text: str, colour, marker: str, turn, fontsize) -> None:
    """One line of a timeline: a marker at the date (hollow, with a line over the period, when the
    date gives only a month or a year) and the text with its date, left of the marker after ``turn``."""
    x = dates.midpoint(when)
    hollow = not dates.is_exact(when)
    if hollow:
        start, end = _span(when)
        ax.plot([start, end], [y, y], color=colour, linewidth=2.2, alpha=0.5, solid_capstyle="butt")
    ax.plot(
        [x],
        [y],
        marker=marker,
        markersize=6.5,
        linestyle="none",
        markeredgewidth=1.6,
        markeredgecolor=colour,
        markerfacecolor="white" if hollow else colour,
        zorder=3,
    )
    on_left = x > turn
    start, end = _span(when) if hollow else (x, x)
    ax.annotate(
        wrapped(text, dates.short_label(when)),
        (start if on_left else end, y),
        xytext=(-7 if on_left else 7, 0),
        textcoords="offset points",
        ha="right" if on_left else "left",
        va="center",
        multialignment="right" if on_left else "left",
        linespacing=TEXT_LINE_SPACING,
        fontsize=fontsize,
        color="#222222",
        bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none"},
        zorder=4,
    )
