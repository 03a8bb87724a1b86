"""Tables shown in the chapters: plain, index-free HTML with a text fallback."""

from __future__ import annotations

import pandas as pd
from IPython.display import display


def show(frame: pd.DataFrame, *, formats: dict[str, str] | None = None) -> None:
    """Display ``frame`` as a clean table (no index; ``formats`` maps column -> format)."""
    shown = frame.copy()
    for column, fmt in (formats or {}).items():
        shown[column] = shown[column].map(lambda v, fmt=fmt: "" if pd.isna(v) else fmt.format(v))
    html = wrap(shown.to_html(index=False, border=0, classes="maturing-table", na_rep="", escape=True))
    display({"text/html": html, "text/plain": shown.to_string(index=False)}, raw=True)


def wrap(html: str) -> str:
    """A table's HTML in a container that scrolls sideways when the table is wider than the page."""
    return f'<div class="table-scroll" tabindex="0">{html}</div>'
