"""The house style for figures, and the one way a chapter shows a figure.

:func:`publish` turns a matplotlib figure into a notebook output that the book
renders (through the book's figure renderer, ``maturing_book.figures``) as a numbered
figure with alt text, a caption, the sources it was drawn from and a download link to
its data.

Figures are drawn for a phone first. A figure ``W`` inches wide is shown
:data:`CSS_PX_PER_INCH` CSS pixels per inch on a wide screen and shrinks to the column on
a narrow one (358 CSS px on a 390 px phone); its PNG has :data:`DENSITY` device pixels per
CSS pixel, so it stays sharp on high-density screens. Text of ``s`` points is then
``s / 72 * shown_width / W`` CSS px tall: the book's rule is at least :data:`MIN_TEXT_PX`
at :data:`PHONE_COLUMN_PX`, so the smallest text must be at least
``W * 72 * 9 / 358``, about 1.81 points per inch of width (9 pt in a 5-inch figure, the
house default). :func:`publish` records what that check needs in the output's metadata
(:func:`legibility`): the figure's width in inches, the smallest font size of any visible
text and the PNG's pixel size.
"""

from __future__ import annotations

import base64
import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from IPython.display import display
from matplotlib.artist import Artist
from matplotlib.text import Text
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
    "font.size": 9.5,
    "axes.titlesize": 10.5,
    "axes.titleweight": "bold",
    "legend.frameon": False,
    "svg.hashsalt": "maturing",  # stable ids if anyone saves SVG
}

CSS_PX_PER_INCH = 100  # a figure's width on a wide screen, in CSS px per inch
DENSITY = 2  # PNG pixels per CSS pixel at that width: sharp on high-density screens
DPI = CSS_PX_PER_INCH * DENSITY
PHONE_COLUMN_PX = 358  # the text column of a 390 px wide phone, in CSS px
MIN_TEXT_PX = 9  # the smallest text a figure may show there, in CSS px
WIDTH = 5.0  # the house width of a figure, in inches
METADATA_KEY = "maturing/figure"  # output metadata the book's figure renderer reads (maturing_book.figures)


def new(width: float = WIDTH, height: float = 3.4, **subplots):
    """A new figure and axes in the house style."""
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(width, height), **subplots)
    fig.set_layout_engine("constrained")
    return fig, ax


def png_bytes(fig) -> bytes:
    """The figure as a compact PNG, byte-identical from run to run.

    Rendered at :data:`DPI` (twice the pixels it is shown with on a wide screen) without
    timestamps, then reduced to a 256-colour palette
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


def drawn_texts(artist: Artist):
    """The text artists that ``artist`` draws: visible, not empty, and not inside an invisible
    artist (a hidden axis draws none of its tick labels)."""
    if not artist.get_visible():
        return
    if isinstance(artist, Text) and artist.get_text().strip():
        yield artist
    for child in artist.get_children():
        yield from drawn_texts(child)


def smallest_font_pt(fig) -> float:
    """The smallest font size, in points, of any text the figure draws on its canvas."""
    fig.canvas.draw()  # lays the figure out: tick labels and the layout engine's positions exist
    canvas = fig.bbox
    sizes = [t.get_fontsize() for t in drawn_texts(fig) if t.get_window_extent().overlaps(canvas)]
    if not sizes:
        raise ValueError("the figure draws no text: a figure needs at least a title or axis labels")
    return min(sizes)


def text_px(min_font_pt: float, width_in: float, shown_px: float) -> float:
    """How tall, in CSS px, text of ``min_font_pt`` points is in a figure ``width_in`` inches wide
    shown ``shown_px`` CSS px wide."""
    return min_font_pt / 72 * shown_px / width_in


def legibility(fig, png: bytes) -> dict:
    """What the 9 px rule needs, for the output's metadata: the figure's width in inches, the
    smallest font size (points) of its visible text, the PNG's pixel size, and the smallest
    text's height in CSS px in a phone's column."""
    with Image.open(io.BytesIO(png)) as image:
        pixel_width, pixel_height = image.size
    width_in = round(float(fig.get_figwidth()), 4)
    smallest = round(float(smallest_font_pt(fig)), 3)
    return {
        "width_in": width_in,
        "min_font_pt": smallest,
        "pixel_width": pixel_width,
        "pixel_height": pixel_height,
        "phone_text_px": round(float(text_px(smallest, width_in, min(PHONE_COLUMN_PX, pixel_width / DENSITY))), 2),
    }


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
    png = png_bytes(fig)
    meta = {
        "name": name,
        "alt": alt,
        "caption": caption_text(caption, data, sources, method),
        **legibility(fig, png),
    }
    plt.close(fig)
    bundle = {
        "image/png": base64.b64encode(png).decode("ascii"),
        "text/plain": f"Figure {name}: {alt}",
    }
    display(bundle, raw=True, metadata={METADATA_KEY: meta})
