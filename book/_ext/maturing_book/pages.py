"""Changes to the written pages that the theme offers no setting for (run after each build).

- Icons: ``<i class="fa-…">`` become inline SVG and fontawesome.js is no longer loaded
  (icons.py).
- Scripts: every external script in the page head gets ``defer``, so none blocks the first
  paint; deferred scripts still run in document order, after the page is parsed, which is
  when Sphinx's and the theme's scripts do their work anyway.
- Images: every image but the first gets ``loading="lazy"`` and ``decoding="async"``, so
  figures further down a chapter load as the reader scrolls to them.
- Stylesheets: a page's nine or ten stylesheets (one of them importing another) become one
  file, in the same order, with relative ``url()`` references rewritten; one request instead
  of a chain of them before the first paint on a slow connection. The rules that can match
  nothing on the site are left out (purge.py: the bundle is a third of its size). Bundles no
  page links any longer are deleted, so an in-place rebuild leaves what a clean build does.
- Search scripts: pydata-sphinx-theme loads Sphinx's search tools and the whole search index
  (``searchindex.js``) on every page, for its search-as-you-type option; with that option off
  (the book's setting) only the search page uses them, and the others leave them out.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from . import assets, icons, purge, theme_scripts

STYLESHEET = re.compile(r'[ \t]*<link (?=[^>]*rel="stylesheet")[^>]*href="([^"]+)"[^>]*/?>\n?')
CSS_URL = re.compile(r"url\((['\"]?)(?!data:|https?:|/|#)([^'\")]+)\1\)")
CSS_IMPORT = re.compile(r'@import\s+(?:url\()?["\']([^"\')]+)["\']\)?\s*;')


def css_text(path: Path, bundle_dir: Path) -> str:
    """A stylesheet with its @imports inlined and its relative urls made relative to bundle_dir."""
    text = path.read_text(encoding="utf-8")
    text = CSS_IMPORT.sub(lambda m: css_text((path.parent / m.group(1)).resolve(), bundle_dir), text)
    return CSS_URL.sub(
        lambda m: f"url({m.group(1)}{os.path.relpath((path.parent / m.group(2)).resolve(), bundle_dir)}{m.group(1)})",
        text,
    )


def bundle_styles(page: str, page_path: Path, static: Path, words: set[str] | None = None) -> str:
    """The page's local stylesheets as one bundle; with ``words`` (purge.site_words), without the
    rules that can match none of them."""
    links = list(STYLESHEET.finditer(page))
    local = [m for m in links if "://" not in m.group(1)]
    if len(local) < 2:
        return page
    bundle_dir = static / "styles"
    files = [(page_path.parent / m.group(1).split("?")[0]).resolve() for m in local]
    if not all(f.is_file() and f.is_relative_to(static) for f in files):
        return page  # e.g. the single-page build, whose links Sphinx writes for another folder
    texts = [css_text(f, bundle_dir) for f in files]
    if words is not None:
        texts = [purge.purge(t, words) for t in texts]
    css = "\n".join(f"/* {f.relative_to(static)} */\n{t}" for f, t in zip(files, texts, strict=True))
    name = f"bundle-{hashlib.sha256(css.encode()).hexdigest()[:16]}.css"
    bundle = bundle_dir / name
    if not bundle.exists():
        bundle.write_text(css, encoding="utf-8")
    href = os.path.relpath(bundle, page_path.parent)
    first = local[0]
    out, last = [], 0
    for m in local:
        out.append(page[last : m.start()])
        if m is first:
            out.append(f'    <link rel="stylesheet" type="text/css" href="{href}" />\n')
        last = m.end()
    out.append(page[last:])
    return "".join(out)


BLOCKING_SCRIPT = re.compile(r'<script src="([^"]+)"></script>')


def defer_scripts(page: str) -> str:
    return BLOCKING_SCRIPT.sub(r'<script defer src="\1"></script>', page)


EAGER_IMAGE = re.compile(r"<img (?![^>]*\bloading=)")


def lazy_images(page: str) -> str:
    """All images but the first lazy: the first may be what the reader sees first."""
    first = EAGER_IMAGE.search(page)
    if first is None:
        return page
    head, tail = page[: first.end()], page[first.end() :]
    return head + EAGER_IMAGE.sub('<img loading="lazy" decoding="async" ', tail)


SEARCH_SCRIPTS = ("_static/searchtools.js", "_static/language_data.js", "searchindex.js")
SCRIPT_TAG = re.compile(r'[ \t]*<script (?:defer )?src="([^"?]+)(?:\?[^"]*)?"></script>\n?')


def drop_search_scripts(page: str, page_path: Path) -> str:
    """The search tools and index, on every page but the search page (inline search is off)."""
    if page_path.name == "search.html":
        return page

    def keep(m: re.Match) -> str:
        return "" if any(m.group(1).endswith(s) for s in SEARCH_SCRIPTS) else m.group(0)

    return SCRIPT_TAG.sub(keep, page)


def process(page: str, page_path: Path, inline_search: bool = False) -> str:
    page = lazy_images(defer_scripts(icons.inline_icons(page)))
    if not inline_search:
        page = drop_search_scripts(page, page_path)
    return page


BUNDLE_LINK = re.compile(r'href="[^"]*/(bundle-[0-9a-f]{16}\.css)"')


def process_folder(outdir: Path, inline_search: bool = False) -> None:
    static = (outdir / "_static").resolve()
    paths = [p for p in sorted(outdir.rglob("*.html")) if p.parts[len(outdir.parts)] != "_static"]
    pages = {}
    for path in paths:
        text = path.read_text(encoding="utf-8")
        pages[path] = (text, process(text, path.resolve(), inline_search))
    # the words of the pages as they will be served, and of every script: what the CSS may need
    words = purge.site_words(static) | {w for _, done in pages.values() for w in purge.WORD.findall(done)}
    linked = set()
    for path, (text, done) in pages.items():
        done = bundle_styles(done, path.resolve(), static, words)
        if done != text:
            path.write_text(done, encoding="utf-8")
        linked.update(BUNDLE_LINK.findall(done))
    for bundle in (static / "styles").glob("bundle-*.css"):
        if bundle.name not in linked:
            bundle.unlink()


def finish_pages(app, exception):
    """``build-finished``: write the icon stylesheet, then post-process every written page."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    (outdir / "_static" / "maturing-icons.css").write_text(assets.icon_stylesheet(), encoding="utf-8")
    inline_search = str(app.config.html_theme_options.get("search_as_you_type", False)).lower() == "true"
    theme_scripts.patch_theme_script(outdir)  # before the scripts' words are read for purge
    process_folder(outdir, inline_search)


def accessible_citations(app, pagename, templatename, context, doctree):
    """docutils marks bibliography entries role="doc-biblioentry" inside a role="list": axe-core
    reports that as a critical ARIA error (a list must own list items). Make them list items."""
    if "body" in context:
        context["body"] = context["body"].replace('role="doc-biblioentry"', 'role="listitem"')
