"""One change to pydata-sphinx-theme's script, which the theme offers no setting for.

At ``load`` the theme gives every code block, cell output and table that scrolls a tab stop
(``addTabStopsToScrollableElements``): it reads each one's ``scrollWidth`` and writes its
``tabIndex`` in turn. A chapter has a hundred code blocks, most inside folded cells; a read
inside a closed ``<details>`` makes the browser lay that hidden subtree out on the spot, and each
write invalidates the styles the next read needs. On a chapter page that was a 200-250 ms task
at load on this machine (some 1 s on Lighthouse's simulated phone), the longest on the page.

The theme's call is removed here, and the book's own script (maturing.js) does the same job
from a ResizeObserver, which reports each block once the browser has laid it out (and again when
a folded cell is opened), so no read forces a layout. The change is made to the copy in the
built site, after Sphinx has copied the theme's files; if the theme's script no longer has the
expected call (another version), the build warns, and warnings fail the build.
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.util import logging

logger = logging.getLogger(__name__)

SCRIPT = Path("_static") / "scripts" / "pydata-sphinx-theme.js"
MARK = "/* maturing_book: tab stops for scrollable blocks are set by maturing.js */"
CALL = re.compile(r'"complete"===document\.readyState\?(\w+)\(\):window\.addEventListener\("load",\1\)')


def tab_stops_call(script: str) -> re.Match | None:
    """The theme's call of its tab-stop function, if the function is the one described above."""
    m = CALL.search(script)
    if m is None:
        return None
    body = re.search(r"function " + re.escape(m.group(1)) + r"\(\)\{(.{0,600})", script)
    return m if body and ".tabIndex=e.scrollWidth>e.clientWidth" in body.group(1) else None


def without_tab_stops_at_load(script: str) -> str | None:
    if MARK in script:
        return script
    m = tab_stops_call(script)
    if m is None:
        return None
    return script[: m.start()] + "void 0" + script[m.end() :] + "\n" + MARK + "\n"


def patch_theme_script(outdir: Path) -> None:
    path = outdir / SCRIPT
    if not path.is_file():
        return
    text = path.read_text(encoding="utf-8")
    patched = without_tab_stops_at_load(text)
    if patched is None:
        logger.warning(
            "maturing_book: %s no longer calls its tab-stop function at load as theme_scripts.py "
            "expects (a new pydata-sphinx-theme?); update theme_scripts.py and maturing.js",
            SCRIPT,
        )
    elif patched != text:
        path.write_text(patched, encoding="utf-8")
