"""Font Awesome icons as inline SVG, at build time.

The theme puts a 1.4 MB script (fontawesome.js) on every page only to turn a dozen
``<i class="fa-solid fa-…">`` elements into SVG. This module does that once, when the book is
built: it reads the icon outlines from the theme's own copy of the script and writes each icon
into the pages as a small inline ``<svg>``; the script is then left out of every page.
Font Awesome Free icons are CC BY 4.0 (https://fontawesome.com/license/free).
"""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path

import pydata_sphinx_theme

SCRIPT = (
    Path(pydata_sphinx_theme.__file__).parent
    / "theme"
    / "pydata_sphinx_theme"
    / "static"
    / "scripts"
    / "fontawesome.js"
)
ICON = re.compile(r'(?:"([a-z0-9-]+)"|([a-z0-9]+)):\[(\d+),(\d+),\[[^\]]*\],"[0-9a-f]+","(M[^"]+)"\]')
ELEMENT = re.compile(r'<(i|span) class="([^"]*\bfa-[^"]*)"([^>]*)>\s*</\1>')
STYLE_NAMES = {"fa-solid", "fas", "fa-regular", "far", "fa-brands", "fab", "fa-lg", "fa-fw", "fa"}


@cache
def icon_set(prefix: str) -> dict[str, tuple[int, int, str]]:
    """name -> (width, height, path) of every icon of a set: ``fas`` (solid) or ``fab`` (brands)."""
    js = SCRIPT.read_text(encoding="utf-8")
    calls = list(re.finditer(r'"(fa[srb])",[A-Za-z_$]+\)', js))
    start = 0
    for call in calls:
        if call.group(1) == prefix:
            block = js[start : call.start()]
            break
        start = call.end()
    else:
        raise RuntimeError(f"no {prefix} icon set found in {SCRIPT}")
    icons = {}
    for m in ICON.finditer(block):
        icons.setdefault(m.group(1) or m.group(2), (int(m.group(3)), int(m.group(4)), m.group(5)))
    return icons


def solid_icons() -> dict[str, tuple[int, int, str]]:
    """name -> (width, height, path) of every icon of the solid set."""
    return icon_set("fas")


BRANDS = {"fab", "fa-brands"}  # the repository button's GitHub, GitLab or Bitbucket logo


def svg_for(classes: str, attributes: str) -> str | None:
    names = [c[3:] for c in classes.split() if c.startswith("fa-") and c not in STYLE_NAMES]
    icons = icon_set("fab") if BRANDS & set(classes.split()) else solid_icons()
    icon = next((icons[n] for n in names if n in icons), None)
    if icon is None:
        return None
    width, height, path = icon
    title = re.search(r'title="([^"]*)"', attributes)
    label = f"<title>{html.escape(title.group(1))}</title>" if title else ""
    # keep the theme's own classes (theme-switch ...), not Font Awesome's: its CSS would give the
    # element a web-font glyph as well, and make the browser download the 156 KB font for it
    kept = [c for c in classes.split() if not (c.startswith("fa-") or c in STYLE_NAMES)]
    kept += ["svg-inline--fa"] + (["svg-lg"] if "fa-lg" in classes.split() else [])
    return (
        f'<svg class="{" ".join(kept)}" viewBox="0 0 {width} {height}"{attributes} '
        f'aria-hidden="true" focusable="false" role="img">{label}<path fill="currentColor" d="{path}"/></svg>'
    )


SCRIPT_TAG = re.compile(r'\s*<(?:script[^>]*src|link[^>]*href)="[^"]*fontawesome\.js[^"]*"[^>]*>(?:</script>)?')


def inline_icons(page: str) -> str:
    """Every ``<i class="fa-…"></i>`` of a page replaced by its inline SVG, and the theme's
    fontawesome.js no longer loaded."""
    page = SCRIPT_TAG.sub("", page)
    return ELEMENT.sub(lambda m: svg_for(" ".join(m.group(2).split()), m.group(3)) or m.group(0), page)
