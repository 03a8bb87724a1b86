"""Unit tests of the helper package, with real values."""

import base64
from pathlib import Path

import matplotlib.pyplot as plt
import pytest

from maturing import claims, figures, text
from maturing.data import load
from maturing.figures import METADATA_KEY

ROOT = Path(__file__).resolve().parents[1]


def test_quote_accepts_exact_text_and_rejects_paraphrase():
    assert claims.quote("some 320 kilometres from the Russian border") == "some 320 kilometres from the Russian border"
    with pytest.raises(ValueError, match="not an exact quote"):
        claims.quote("some 300 kilometres from the Russian border")


def test_percent_change_and_plain_numbers():
    assert text.percent_change(4200, 4100) == pytest.approx(-2.380952, rel=1e-6)
    with pytest.raises(ValueError):
        text.percent_change(0, 5)
    import numpy as np

    assert type(text.plain(np.int64(3600))) is int and text.plain(np.int64(3600)) == 3600
    assert type(text.plain(np.float64(2.5))) is float


def test_png_is_byte_identical_between_runs():
    def draw():
        fig, ax = figures.new(3, 2)
        ax.plot([1, 2, 3], [3, 1, 2])
        png = figures.png_bytes(fig)
        plt.close(fig)
        return png

    first, second = draw(), draw()
    assert first == second
    assert first[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"Software" not in first and b"tIME" not in first
    from io import BytesIO

    from PIL import Image

    assert Image.open(BytesIO(first)).mode == "P"  # a 256-colour palette: small files


def test_publish_emits_figure_with_alt_caption_and_data_link(capsys, monkeypatch):
    shown = []
    monkeypatch.setattr(figures, "display", lambda bundle, raw, metadata: shown.append((bundle, metadata)))
    fig, ax = figures.new(3, 2)
    ax.bar([0, 1], [1, 2])
    figures.publish(
        fig,
        name="fig-test",
        alt="Two bars; the second is twice the first.",
        caption="A test.",
        data=["opium_afghanistan"],
        sources=["ivanov-2005"],
    )
    bundle, metadata = shown[0]
    meta = metadata[METADATA_KEY]
    assert meta["name"] == "fig-test"
    assert meta["alt"] == "Two bars; the second is twice the first."
    assert "{download}`opium_afghanistan.csv <../data/opium_afghanistan.csv>`" in meta["caption"]
    assert "Sources: NATO ({source}`2005 <ivanov-2005>`)." in meta["caption"]
    assert base64.b64decode(bundle["image/png"])[:4] == b"\x89PNG"
    assert bundle["text/plain"] == "Figure fig-test: Two bars; the second is twice the first."
    assert not plt.fignum_exists(fig.number), "publish closes the figure"


def test_publish_refuses_figure_without_alt_text():
    fig, _ = figures.new(3, 2)
    with pytest.raises(ValueError, match="alt text"):
        figures.publish(fig, name="f", alt=" ", caption="c", data=["sources"], sources=["ivanov-2005"])
    plt.close(fig)


def test_captions_name_every_source_by_publisher_and_year_and_link_every_table():
    few = figures.caption_text("C.", ["opium_afghanistan"], ["ivanov-2005"])
    assert few.startswith("C. Sources: NATO ({source}`2005 <ivanov-2005>`). Data: ")
    assert few.endswith("{download}`sources.csv <../data/sources.csv>`.")
    sources = load("sources").set_index("source_id")
    unodc = sorted(sources.index[sources["publisher"] == "UNODC"])[:3]
    many = figures.caption_text("C.", ["opium_afghanistan", "sources"], [*unodc, "ivanov-2005"], "geodesics on WGS84.")
    for source_id in unodc:  # each source linked, however many there are; no summary
        assert f"<{source_id}>`" in many
    assert "UNODC (" in many and "; NATO ({source}`2005 <ivanov-2005>`)" in many
    assert "Method: geodesics on WGS84." in many and "the documents" not in many
    assert many.count("{download}`sources.csv") == 1
