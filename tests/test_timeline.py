"""maturing.timeline: one row per event, and the drawn timeline."""

import matplotlib.colors as mcolors
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from maturing import dates, figures, timeline
from maturing.data import load


def _frame(rows):
    return pd.DataFrame(rows, columns=["event_id", "date", "label", "category", "status"])


def test_one_per_event_prefers_confirmed_and_precise_rows_and_sorts_by_date():
    frame = _frame(
        [
            ["b", "2014-04", "suspended", "suspension", "confirmed"],
            ["a", "1997-05", "founded", "founding", "confirmed"],
            ["b", "2014-04-01", "suspended", "suspension", "confirmed"],
            ["a", "1997-05-27", "founded", "founding", "confirmed"],
            ["c", "2022-02-24", "war", "crisis", "unconfirmed"],
            ["c", "2022-02", "war", "crisis", "confirmed"],
        ]
    )
    one = timeline.one_per_event(frame)
    assert list(one["event_id"]) == ["a", "b", "c"]
    assert list(one["date"]) == ["1997-05-27", "2014-04-01", "2022-02"]  # the day when known, never an unconfirmed row


def test_date_labels_mark_events_only_unconfirmed_rows_report():
    frame = _frame(
        [
            ["a", "1997-05-27", "founded", "founding", "confirmed"],
            ["a", "1997", "founded", "founding", "unconfirmed"],
            ["e", "2010-07", "ended", "suspension", "unconfirmed"],
            ["e", "2010", "ended", "suspension", "unconfirmed"],
        ]
    )
    labels = timeline.date_labels(frame)
    assert labels["a"] == dates.label("1997-05-27")
    assert labels["e"] == f"{dates.label('2010-07')} (unconfirmed)"


def test_plot_timeline_orders_events_top_down_and_colours_categories_from_the_palette():
    events = _frame(
        [
            ["late", "2014-04-01", "suspended", "suspension", "confirmed"],
            ["early", "1997-05-27", "founded", "founding", "confirmed"],
            ["middle", "2005", "a year only", "cooperation", "confirmed"],
        ]
    )
    fig, ax = figures.new(6, 3)
    drawn = timeline.plot_timeline(ax, events, marks=[("2005-10-01", "the article")])
    assert list(drawn["event_id"]) == ["early", "middle", "late"]
    assert list(drawn["y"]) == [0, 1, 2]
    assert list(drawn["precision"]) == ["day", "year", "day"]
    dots = [line for line in ax.lines if line.get_marker() == "o"]
    assert [mcolors.to_hex(d.get_markeredgecolor()) for d in dots] == [
        figures.PALETTE["blue"].lower(),
        figures.PALETTE["green"].lower(),
        figures.PALETTE["vermillion"].lower(),
    ]
    assert mcolors.to_hex(dots[1].get_markerfacecolor()) == "#ffffff"  # a year-only date is hollow
    assert mcolors.to_hex(dots[0].get_markerfacecolor()) == figures.PALETTE["blue"].lower()
    assert ax.yaxis_inverted()  # earliest at the top
    texts = [t.get_text() for t in ax.texts]
    assert "founded (27 May 1997)" in texts and "a year only (2005)" in texts and "the article" in texts
    mark = [line for line in ax.lines if line.get_linestyle() == "--"]
    assert len(mark) == 1 and pd.Timestamp(mark[0].get_xdata()[0]) == pd.Timestamp("2005-10-01 12:00")
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [
        "founding texts and bodies",
        "practical cooperation",
        "meetings or cooperation suspended",
        "month or year only",
    ]
    plt.close(fig)


def test_plot_timeline_refuses_a_category_without_a_colour():
    fig, ax = figures.new(4, 2)
    with pytest.raises(ValueError, match="no colour for categories \\['rumour'\\]"):
        timeline.plot_timeline(ax, _frame([["x", "2001", "x", "rumour", "confirmed"]]))
    plt.close(fig)


def test_the_book_timeline_runs_from_the_founding_act_past_2014():
    frame = load("nrc_timeline")
    events = timeline.one_per_event(frame[frame["milestone"]])
    assert events["event_id"].is_unique
    assert events.iloc[0]["event_id"] == "founding-act" and events.iloc[0]["date"] == "1997-05-27"
    assert set(events["category"]) <= set(timeline.CATEGORY_COLOURS)
    assert events.loc[events["event_id"] == "practical-suspension", "date"].item() == "2014-04-01"
    assert events["date"].map(dates.midpoint).is_monotonic_increasing
    assert dates.period_start(events.iloc[-1]["date"]).year > 2014
    assert (events["category"] == "article").sum() == 1


def test_a_timeline_is_sized_and_set_for_a_phone_whatever_size_it_was_made_with():
    frame = load("nrc_timeline")
    events = timeline.one_per_event(frame[frame["milestone"]])
    fig, ax = figures.new(8.6, 7.4)
    timeline.plot_timeline(ax, events[events["category"] != "article"])
    png = figures.png_bytes(fig)
    meta = figures.legibility(fig, png)
    assert meta["width_in"] == figures.WIDTH
    assert meta["phone_text_px"] >= figures.MIN_TEXT_PX  # 9 CSS px in a 390 px phone's column
    long = [t.get_text() for t in ax.texts if len(t.get_text()) > timeline.LABEL_CHARACTERS]
    assert long and all(
        max(len(line) for line in text.splitlines()) <= timeline.LABEL_CHARACTERS + 14 for text in long
    )  # wrapped: a date (up to 13 characters) is never split
    fig.canvas.draw()
    boxes = [t.get_window_extent() for t in ax.texts]
    inside = ax.figure.bbox
    assert all(inside.x0 <= b.x0 and b.x1 <= inside.x1 for b in boxes)  # no label runs off the figure
    plt.close(fig)


def test_wrapped_labels_keep_their_date_whole():
    text = timeline.wrapped("Russian mission to NATO cut from 20 to 10", "18 Oct 2021")
    assert text.replace("\n", " ") == "Russian mission to NATO cut from 20 to 10 (18 Oct 2021)"
    assert "(18 Oct 2021)" in text.splitlines()[-1]
    assert all(len(line) <= timeline.LABEL_CHARACTERS for line in text.splitlines())
