"""maturing.timeline.plot_timeline's second lane: dated items drawn below the events."""

import matplotlib.colors as mcolors
import matplotlib.pyplot as plt
import pandas as pd

from maturing import figures, timeline


def _events():
    return pd.DataFrame(
        {
            "event_id": ["early", "late"],
            "date": ["1997-05-27", "2014-04-01"],
            "label": ["founded", "suspended"],
            "category": ["founding", "suspension"],
        }
    )


def _diamonds(ax):
    return [line for line in ax.lines if line.get_marker() == "D"]


def test_lane_items_sit_below_the_events_in_the_order_given():
    fig, ax = figures.new(6, 4)
    lane = [("2010-07", "ships leave", "#CC79A7"), ("2023-11-07", "treaty left", "#D55E00")]
    drawn = timeline.plot_timeline(ax, _events(), lane=lane, lane_title="outcomes")
    assert list(drawn["y"]) == [0, 1]  # the events are returned as before
    diamonds = _diamonds(ax)
    assert [d.get_ydata()[0] for d in diamonds] == [3, 4]  # line 2 is left for the lane's heading
    assert pd.Timestamp(diamonds[1].get_xdata()[0]) == pd.Timestamp("2023-11-07 12:00")
    assert mcolors.to_hex(diamonds[0].get_markerfacecolor()) == "#ffffff"  # a month only: hollow
    assert mcolors.to_hex(diamonds[1].get_markerfacecolor()) == "#d55e00"
    texts = [t.get_text() for t in ax.texts]
    assert "outcomes" in texts and "ships leave (Jul 2010)" in texts and "treaty left (7 Nov 2023)" in texts
    bottom, top = ax.get_ylim()
    assert bottom == 4 - 0.4 + 1 and top == -1.6  # room for every lane line
    plt.close(fig)


def test_lane_dates_widen_the_time_axis():
    fig, ax = figures.new(6, 4)
    timeline.plot_timeline(ax, _events(), lane=[("2023-11-07", "treaty left", "#D55E00")])
    left, right = (pd.Timestamp(plt.matplotlib.dates.num2date(x)).tz_localize(None) for x in ax.get_xlim())
    assert left < pd.Timestamp("1997-05-27") and right > pd.Timestamp("2023-11-07")
    plt.close(fig)


def test_lane_legend_and_its_place():
    fig, ax = figures.new(6, 4)
    timeline.plot_timeline(
        ax,
        _events(),
        lane=[("2016-05-12", "sites", "#56B4E9")],
        lane_legend={"outcome: partly (1)": "#56B4E9"},
        legend_loc="upper right",
    )
    legend = ax.get_legend()
    labels = [t.get_text() for t in legend.get_texts()]
    assert labels == ["founding texts and bodies", "meetings or cooperation suspended", "outcome: partly (1)"]
    assert legend._loc == 1  # matplotlib's code for "upper right"
    plt.close(fig)


def test_without_a_lane_nothing_changes():
    fig, ax = figures.new(6, 3)
    timeline.plot_timeline(ax, _events())
    assert not _diamonds(ax)
    assert ax.get_ylim() == (2 - 0.4, -1.6)
    plt.close(fig)


def test_the_default_legend_sits_under_the_time_axis_and_hides_no_label():
    fig, ax = figures.new(6, 3)
    timeline.plot_timeline(ax, _events())
    fig.canvas.draw()
    legend = ax.get_legend().get_window_extent()
    axes = ax.get_window_extent()
    ticks = max(t.get_window_extent().y0 for t in ax.get_xticklabels() if t.get_text())
    assert legend.y1 < axes.y0 and legend.y1 < ticks  # under the axis and its year labels
    labels = [t.get_window_extent() for t in ax.texts]
    assert not any(legend.overlaps(label) for label in labels)
    plt.close(fig)
