"""Tables shown in the chapters: plain, index-free HTML with a text fallback.

Every table goes into a scroll container (:func:`wrap`): a table wider than a phone's column
scrolls sideways inside it, not the page, and the book's stylesheet and script show the
reader that it does (shadows at the edges that hide more columns, and a "scroll" cue) and let
a keyboard reach it.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

import pandas as pd
from IPython.display import display

SCROLL_CLASS = "maturing-scroll"


class _HeaderCells(HTMLParser):
    """The text of a table's first header row."""

    def __init__(self):
        super().__init__()
        self.cells: list[str] = []
        self._in_th = False
        self._done = False

    def handle_starttag(self, tag, attrs):
        self._in_th = tag == "th" and not self._done
        if self._in_th:
            self.cells.append("")

    def handle_endtag(self, tag):
        self._in_th = False
        self._done = self._done or (tag == "tr" and bool(self.cells))

    def handle_data(self, data):
        if self._in_th:
            self.cells[-1] += data


def header_names(html: str) -> list[str]:
    """The column headings of the first row of ``html``'s table, as text."""
    parser = _HeaderCells()
    parser.feed(html)
    return [" ".join(cell.split()) for cell in parser.cells if cell.strip()]


def wrap(html: str) -> str:
    """``html`` (a table) inside the book's scroll container: a region a keyboard can focus,
    named after the table's columns, so that a reader hears what the region holds."""
    names = header_names(html)
    label = f"Table: {', '.join(names)}" if names else "Table"
    return f'<div class="{SCROLL_CLASS}" tabindex="0" role="region" aria-label="{escape(label)}">{html}</div>'


def show(frame: pd.DataFrame, *, formats: dict[str, str] | None = None) -> None:
    """Display ``frame`` as a clean table (no index; ``formats`` maps column -> format), in the
    book's scroll container."""
    shown = frame.copy()
    for column, fmt in (formats or {}).items():
        shown[column] = shown[column].map(lambda v, fmt=fmt: "" if pd.isna(v) else fmt.format(v))
    html = shown.to_html(index=False, border=0, classes="maturing-table", na_rep="", escape=True)
    display({"text/html": wrap(html), "text/plain": shown.to_string(index=False)}, raw=True)
