"""maturing.figures records what the 9 px rule needs: the figure's width, the smallest font size
of the text it draws (not of hidden text), and the PNG's pixels; publish puts it in the output."""

import matplotlib.pyplot as plt
import pytest

from maturing import figures
from maturing.figures import METADATA_KEY


def test_smallest_font_counts_drawn_text_only():
    fig, ax = figures.new(5, 3)
    ax.set_title("title", fontsize=12)
    ax.text(0.5, 0.5, "small", fontsize=7)
    ax.text(0.5, 0.4, "hidden", fontsize=4).set_visible(False)
    ax.text(0.5, 0.3, "   ", fontsize=3)  # draws nothing
    fig.text(1.5, 1.5, "off the canvas", fontsize=2)
    assert figures.smallest_font_pt(fig) == 7
    plt.close(fig)


def test_a_hidden_axis_draws_none_of_its_tick_labels():
    fig, ax = figures.new(5, 3)
    ax.tick_params(labelsize=5)
    ax.set_title("title", fontsize=10)
    assert figures.smallest_font_pt(fig) == 5
    ax.xaxis.set_visible(False)
    ax.yaxis.set_visible(False)
    assert figures.smallest_font_pt(fig) == 10
    plt.close(fig)


def test_legibility_record_and_the_phone_text_height():
    fig, ax = figures.new(5, 3)
    ax.plot([0, 1], [0, 1])
    png = figures.png_bytes(fig)
    meta = figures.legibility(fig, png)
    assert meta["width_in"] == 5 and meta["pixel_width"] == 5 * figures.DPI == 1000
    assert meta["pixel_height"] == 3 * figures.DPI
    assert meta["min_font_pt"] == figures.STYLE["font.size"]  # the house tick labels
    assert meta["phone_text_px"] == pytest.approx(9.5 / 72 * 358 / 5, abs=0.01)  # 9.45 px: legible
    plt.close(fig)
    wide, ax = figures.new(8, 3)
    ax.plot([0, 1], [0, 1])
    assert figures.legibility(wide, figures.png_bytes(wide))["phone_text_px"] < figures.MIN_TEXT_PX
    plt.close(wide)


def test_publish_records_legibility_in_the_output(monkeypatch):
    shown = []
    monkeypatch.setattr(figures, "display", lambda bundle, raw, metadata: shown.append(metadata))
    fig, ax = figures.new()
    ax.bar([0, 1], [1, 2])
    figures.publish(fig, name="fig-t", alt="Two bars.", caption="C.", data=["sources"], sources=["ivanov-2005"])
    meta = shown[0][METADATA_KEY]
    assert {k: meta[k] for k in ("width_in", "pixel_width")} == {"width_in": figures.WIDTH, "pixel_width": 1000}
    assert meta["min_font_pt"] == 9.5 and meta["phone_text_px"] >= figures.MIN_TEXT_PX
