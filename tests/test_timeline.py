"""maturing.timeline: partial dates, one row per event, and the drawn timeline."""
import matplotlib.colors as mcolors
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from maturing import figures, timeline
from maturing.data import load


def test_parse_date_keeps_the_precision_the_source_gives():
    assert timeline.parse_date("2005-04-21") == (pd.Timestamp("2005-04-21"), "day")
    assert timeline.parse_date("2004-12") == (pd.Timestamp("2004-12-01"), "month")
    assert timeline.parse_date("1998") == (pd.Timestamp("1998-01-01"), "year")


@pytest.mark.parametrize("bad", ["May 2005", "2005-4-21", "21/04/2005", "2005-02-30", "2005-13", ""])
def test_parse_date_rejects_what_is_not_an_iso_date(bad):
    with pytest.raises(ValueError):
        timeline.parse_date(bad)


def test_partial_dates_are_drawn_at_the_middle_of_their_period():
    assert timeline.period("2004-12") == (pd.Timestamp("2004-12-01"), pd.Timestamp("2005-01-01"))
    assert timeline.midpoint("1998") == pd.Timestamp("1998-07-02 12:00")  # 365 days / 2
    assert timeline.midpoint("2004") == pd.Timestamp("2004-07-02")  # leap year: 366 days / 2
    assert timeline.midpoint("2008-02") == pd.Timestamp("2008-02-15 12:00")  # 29 days / 2
    assert timeline.midpoint("2005-04-21") == pd.Timestamp("2005-04-21 12:00")


def test_short_date():
    assert timeline.short_date("2005-04-21") == "21 Apr 2005"
    assert timeline.short_date("2004-12") == "Dec 2004"
    assert timeline.short_date("1998") == "1998"
    assert timeline.long_date("2005-04-21") == "21 April 2005"
    assert timeline.long_date("2004-12") == "December 2004"
    assert timeline.long_date("2022") == "2022"


def _frame(rows):
    return pd.DataFrame(rows, columns=["event_id", "date", "label", "category", "status"])


def test_one_per_event_prefers_confirmed_and_precise_rows_and_sorts_by_date():
    frame = _frame([
        ["b", "2014-04", "suspended", "suspension", "confirmed"],
        ["a", "1997-05", "founded", "founding", "confirmed"],
        ["b", "2014-04-01", "suspended", "suspension", "confirmed"],
        ["a", "1997-05-27", "founded", "founding", "confirmed"],
        ["c", "2022-02-24", "war", "crisis", "unconfirmed"],
        ["c", "2022-02", "war", "crisis", "confirmed"],
    ])
    one = timeline.one_per_event(frame)
    assert list(one["event_id"]) == ["a", "b", "c"]
    assert list(one["date"]) == ["1997-05-27", "2014-04-01", "2022-02"]  # the day when known, never an unconfirmed row


def test_plot_timeline_orders_events_top_down_and_colours_categories_from_the_palette():
    events = _frame([
        ["late", "2014-04-01", "suspended", "suspension", "confirmed"],
        ["early", "1997-05-27", "founded", "founding", "confirmed"],
        ["middle", "2005", "a year only", "cooperation", "confirmed"],
    ])
    fig, ax = figures.new(6, 3)
    drawn = timeline.plot_timeline(ax, events, marks=[("2005-10-01", "the article")])
    assert list(drawn["event_id"]) == ["early", "middle", "late"]
    assert list(drawn["y"]) == [0, 1, 2]
    assert list(drawn["precision"]) == ["day", "year", "day"]
    dots = [line for line in ax.lines if line.get_marker() == "o"]
    assert [mcolors.to_hex(d.get_markeredgecolor()) for d in dots] == [
        figures.PALETTE["blue"].lower(), figures.PALETTE["green"].lower(), figures.PALETTE["vermillion"].lower()]
    assert mcolors.to_hex(dots[1].get_markerfacecolor()) == "#ffffff"  # a year-only date is hollow
    assert mcolors.to_hex(dots[0].get_markerfacecolor()) == figures.PALETTE["blue"].lower()
    assert ax.yaxis_inverted()  # earliest at the top
    texts = [t.get_text() for t in ax.texts]
    assert "founded (27 May 1997)" in texts and "a year only (2005)" in texts and "the article" in texts
    mark = [line for line in ax.lines if line.get_linestyle() == "--"]
    assert len(mark) == 1 and pd.Timestamp(mark[0].get_xdata()[0]) == pd.Timestamp("2005-10-01 12:00")
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["founding texts and bodies", "practical cooperation", "meetings or cooperation suspended",
                      "month or year only"]
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
    assert events["date"].map(timeline.midpoint).is_monotonic_increasing
    assert timeline.parse_date(events.iloc[-1]["date"])[0].year > 2014
    assert (events["category"] == "article").sum() == 1
