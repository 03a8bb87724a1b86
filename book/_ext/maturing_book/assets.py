"""Which styles and scripts a page loads, and the icons it draws.

- Assets per page: Jupyter Book forces every asset onto every page of the single-page build,
  MathJax from a CDN among them; the book has no mathematics and reads offline.
- Scripts left out: sphinx-thebe's (Thebe is off, yet Jupyter Book loads it twice), the theme's
  1.4 MB fontawesome.js (its icons are written into the pages as SVG: :mod:`.icons`), and
  sphinx-design's assets on pages that use none of its components.
- Icons the theme draws with the Font Awesome web font become CSS masks, so the 156 KB font is
  never downloaded.
"""

from __future__ import annotations

from urllib.parse import quote

from . import icons

SCRIPTS = ("maturing.js",)  # book/_static: tables that must scroll say so


def add_book_scripts(app) -> None:
    """The book's own scripts, on every page."""
    for script in SCRIPTS:
        app.add_js_file(script)


def assets_only_where_used(app, env, docnames):
    """Jupyter Book forces every HTML asset onto every page of the single-page build, MathJax from
    a CDN among them. The book has no mathematics and reads offline: load assets per page."""
    app.set_html_assets_policy("per_page")


def theme_defaults(app, config):
    """Start in the reader's own light/dark setting (without it the theme logs a console error),
    and write no top bar.

    The top bar of pydata-sphinx-theme 0.17 holds only a second search box (beside the one in
    the sidebar) and a second copy of the menu and "On this page" buttons, hidden, which is the
    one both themes attach their listeners to, so that the visible buttons in the article header
    do nothing (pydata-sphinx-theme issue 2451). With nothing to show in it
    (``navbar_persistent`` empty, as sphinx-book-theme leaves the other navbar slots) the theme
    writes no top bar at all, and the article header's buttons are the only ones.
    """
    config.html_context.setdefault("default_mode", "auto")
    config.html_theme_options.setdefault("navbar_persistent", [])


def drop_unused_scripts(app, pagename, templatename, context, doctree):
    """Leave out of every page: sphinx-thebe's script and config (Thebe is off, yet Jupyter
    Book loads them twice: a console error and a third-party URL), and the theme's 1.4 MB
    fontawesome.js (its icons are written into the pages as SVG instead: icons.py); and
    sphinx-design's assets on pages that use none of its components."""

    def wanted(asset) -> bool:
        name = str(getattr(asset, "filename", asset) or "")
        body = str(getattr(asset, "attributes", {}).get("body", ""))
        return "thebe" not in name and "THEBE_JS_URL" not in body and "fontawesome" not in name

    uses_design = "sd-" in context.get("body", "")

    def needed(asset) -> bool:
        name = str(getattr(asset, "filename", asset) or "")
        return wanted(asset) and (uses_design or not ("sphinx-design" in name or "design-tabs" in name))

    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [a for a in context[key] if needed(a)]


ADMONITION_ICONS = {
    "default": "bell",
    "note": "circle-info",
    "tip": "lightbulb",
    "hint": "lightbulb",
    "important": "circle-exclamation",
    "attention": "circle-exclamation",
    "warning": "triangle-exclamation",
    "caution": "triangle-exclamation",
    "danger": "triangle-exclamation",
    "error": "circle-xmark",
    "seealso": "share",
    "exercise": "pencil",  # sphinx-exercise draws it with the web font (exercise.css)
}


# Pseudo-element icons the theme draws with the Font Awesome web font (156 KB), as masks instead:
# once no text uses that font, the browser never downloads it.
PSEUDO_ICONS = {
    "a.reference.download:before": ("download", "margin:0 .25em;width:.8em;height:.8em;"),
    ".nav-link.nav-external:after,nav.bd-links li>a.reference.external:after": (
        "arrow-up-right-from-square",
        "margin-left:.3em;width:.7em;height:.7em;",
    ),
    "ul.bd-breadcrumbs li.breadcrumb-item:not(.breadcrumb-home):before": (
        "angle-right",
        "margin:0 .5rem;width:.6em;height:.8em;",
    ),
    "div#searchbox p.highlight-link a:before": ("magnifying-glass-minus", "margin-right:.5rem;width:1em;height:1em;"),
    "span.versionmodified:before": ("circle-exclamation", "margin-right:.6rem;width:1em;height:1em;"),
}


def _mask(name: str) -> str:
    width, height, path = icons.solid_icons()[name]
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}"><path d="{path}"/></svg>'
    url = f'url("data:image/svg+xml,{quote(svg)}") no-repeat center/contain'
    return f'content:"";background-color:currentColor;-webkit-mask:{url};mask:{url};'


def icon_stylesheet() -> str:
    """CSS for the inline icons, and the theme's font icons (admonitions, download links ...)
    drawn as masks: the theme draws them with the Font Awesome web font."""
    rules = [
        ".svg-inline--fa{display:inline-block;height:1em;overflow:visible;vertical-align:-.125em;}",
        ".svg-inline--fa.svg-lg{height:1.25em;vertical-align:-.2em;}",
    ]
    for kind, name in ADMONITION_ICONS.items():
        selector = (
            ".admonition>.admonition-title:after"
            if kind == "default"
            else f".admonition.{kind}>.admonition-title:after,div.admonition.{kind}>.admonition-title:after"
        )
        rules.append(f"{selector}{{font:inherit;{_mask(name)}}}")  # no icon font: nothing downloads it
    for selector, (name, box) in PSEUDO_ICONS.items():
        rules.append(f"{selector}{{font:inherit;display:inline-block;vertical-align:-.1em;{box}{_mask(name)}}}")
    return "\n".join(rules) + "\n"
