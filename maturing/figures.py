"""The house style for figures, and the one way a chapter shows a figure.

:func:`publish` turns a matplotlib figure into a notebook output that the book
renders (through :mod:`maturing.render`) as a numbered figure with alt text, a
caption, the sources it was drawn from and a download link to its data.
"""

from __future__ import annotations

import base64
import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from IPython.display import display
from PIL import Image

from .sources import by_publisher

# Okabe & Ito (2008), a palette that colour-blind readers can tell apart.
PALETTE = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "sky": "#56B4E9",
    "yellow": "#F0E442",
    "black": "#000000",
    "grey": "#7F7F7F",
}

STYLE = {
    "figure.facecolor": "white",  # opaque: readable in the theme's dark mode
    "savefig.facecolor": "white",
    "axes.facecolor": "white",
    "axes.edgecolor": "#333333",
    "axes.labelcolor": "#222222",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#DDDDDD",
    "grid.linewidth": 0.6,
    "axes.prop_cycle": matplotlib.cycler(color=list(PALETTE.values())),
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "legend.frameon": False,
    "svg.hashsalt": "maturing",  # stable ids if anyone saves SVG
}

DPI = 110
METADATA_KEY = "maturing/figure"  # output metadata the book's figure renderer reads (maturing_book.figures)


def new(width: float = 8.0, height: float = 4.5, **subplots):
    """A new figure and axes in the house style."""
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(width, height), **subplots)
    fig.set_layout_engine("constrained")
    return fig, ax


def png_bytes(fig) -> bytes:
    """The figure as a compact PNG, byte-identical from run to run.

    Rendered at :data:`DPI` without timestamps, then reduced to a 256-colour palette
    (median cut, no dithering: charts have few colours, and the file is about a third of
    the size, which matters to readers on phones).
    """
    buffer = io.BytesIO()
    with plt.rc_context(STYLE):
        fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    rgb = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    palette = rgb.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    palette.save(out, format="PNG", optimize=True)
    return out.getvalue()


def caption_text(caption: str, data: list[str], sources: list[str], method: str | None = None) -> str:
    """The caption, then its sources in short form and links to the CSV files it was drawn from (MyST).

    Sources are grouped by publisher with their years, each year a link to the source's entry on
    the Sources page (:func:`maturing.sources.by_publisher`). ``method`` says how a computed figure
    was made from its data (e.g. "geodesic distances computed by the book").
    """
    credit = f"Sources: {by_publisher(sources)}."
    if method:
        credit += f" Method: {method.rstrip('.')}."
    links = ", ".join(f"{{download}}`{d}.csv <../data/{d}.csv>`" for d in dict.fromkeys([*data, "sources"]))
    return f"{caption} {credit} Data: {links}."


def publish(fig, *, name: str, alt: str, caption: str, data: list[str], sources: list[str], method: str | None = None):
    """Show ``fig`` as a book figure and close it.

    ``name`` is the figure's stable anchor, ``alt`` states the finding for
    readers who cannot see the image, ``data`` names the data-package resources
    it was drawn from, ``sources`` the ``source_id`` values it rests on and ``method``
    how a computed figure was made.
    """
    if not alt.strip() or not caption.strip():
        raise ValueError("a figure needs alt text and a caption")
    if not data or not sources:
        raise ValueError("a figure needs the data it was drawn from and its sources")
    meta = {"name": name, "alt": alt, "caption": caption_text(caption, data, sources, method)}
    png = png_bytes(fig)
    plt.close(fig)
    bundle = {
        "image/png": base64.b64encode(png).decode("ascii"),
        "text/plain": f"Figure {name}: {alt}",
    }
    display(bundle, raw=True, metadata={METADATA_KEY: meta})
