"""The book's own Sphinx code.

- Stale outputs: before Sphinx reads the sources, a chapter whose inputs (its CSV files, the
  data package, the helper package, requirements.txt: see cachestate.py) changed since its
  cached outputs were made is dropped from the execution cache; one whose inputs changed since
  the last build is marked outdated, so Sphinx reads it again.
- Every chapter ends with "How to cite this chapter", from CITATION.cff.
- The data catalogue directive; offline and accessibility fixes to the theme's pages.
"""
from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.util import logging

import cachestate
import icons
import postprocess
from catalogue import DataCatalogue
from maturing import cite
from maturing.paths import ROOT

logger = logging.getLogger(__name__)


def _cache_dir(app) -> Path:
    return Path(app.config.nb_execution_cache_path or cachestate.CACHE_DIR)


def _notebooks(env) -> dict[str, Path]:
    return {
        doc: Path(env.doc2path(doc))
        for doc in env.found_docs
        if str(env.doc2path(doc)).endswith(".ipynb")
    }


def outdated_by_dependencies(app, env, added, changed, removed):
    notebooks = _notebooks(env)
    now = cachestate.current(notebooks)
    for doc in cachestate.drop_stale(_cache_dir(app), notebooks, now):
        logger.info(f"[maturing] {doc}: data or helper code changed; re-executing")
    rendered = cachestate.read(_cache_dir(app), f"rendered-{app.builder.name}")
    return [doc for doc, digest in now.items() if rendered.get(doc) not in (None, digest)]


def remember_fingerprints(app, exception):
    """After a successful build every chapter's page and cache entry match its current inputs."""
    if exception is not None:
        return
    now = cachestate.current(_notebooks(app.env))
    cachestate.write(_cache_dir(app), f"rendered-{app.builder.name}", now)
    cachestate.mark_executed(_cache_dir(app), now)


def is_chapter(docname: str) -> bool:
    return docname.startswith("notebooks/")


def append_citation(app, doctree):
    """End every chapter with "How to cite this chapter" (APA text and BibTeX)."""
    docname = app.env.docname
    if not is_chapter(docname):
        return
    app.env.note_dependency(str(ROOT / "CITATION.cff"))
    meta = cite.book_metadata()
    title = app.env.titles[docname].astext()
    top = next(iter(doctree.findall(nodes.section)))
    section = nodes.section(ids=["how-to-cite-this-chapter"], names=["how to cite this chapter"])
    section += nodes.title(text="How to cite this chapter")
    section += _with_emphasis(cite.apa(title, meta))
    section += nodes.literal_block(text=cite.bibtex(docname, title, meta), language="bibtex")
    section += nodes.paragraph(
        text=f"Version {meta['version']}, released {meta['date-released']}. "
        "Cite the article itself as Ivanov (2005), listed in the bibliography."
    )
    top += section


def _with_emphasis(text: str) -> nodes.paragraph:
    """A paragraph in which *starred* spans are set in italics."""
    paragraph = nodes.paragraph()
    for i, piece in enumerate(text.split("*")):
        paragraph += nodes.emphasis(text=piece) if i % 2 else nodes.Text(piece)
    return paragraph


def assets_only_where_used(app, env, docnames):
    """Jupyter Book forces every HTML asset onto every page of the single-page build, MathJax from
    a CDN among them. The book has no mathematics and reads offline: load assets per page."""
    app.registry.html_assets_policy = "per_page"


def theme_defaults(app, config):
    """Start in the reader's own light/dark setting (without it the theme logs a console error)."""
    config.html_context.setdefault("default_mode", "auto")


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


DESCRIPTION_LENGTH = 155


def summary(doctree) -> str:
    """The page's first paragraph of prose, cut at a word near 155 characters."""
    for paragraph in doctree.findall(nodes.paragraph):
        if paragraph.next_node(nodes.Admonition, ascend=False) or any(
            isinstance(a, (nodes.Admonition, nodes.table, nodes.definition_list)) for a in _ancestors(paragraph)
        ):
            continue
        text = " ".join(paragraph.astext().split())
        if len(text) > 40:
            return text if len(text) <= DESCRIPTION_LENGTH else text[:DESCRIPTION_LENGTH].rsplit(" ", 1)[0] + " …"
    return ""


def _ancestors(node):
    while node.parent is not None:
        node = node.parent
        yield node


def describe_page(app, pagename, templatename, context, doctree):
    """A meta description for every page, from its first paragraph (for search engines and
    link previews)."""
    import html as html_lib

    text = summary(doctree) if doctree is not None else ""
    if not text:
        text = f"{app.config.project}: {context.get('title', pagename)}"
    context["metatags"] = context.get("metatags", "") + f'\n<meta name="description" content="{html_lib.escape(text)}" />'


ADMONITION_ICONS = {"default": "bell", "note": "circle-info", "tip": "lightbulb", "hint": "lightbulb",
                    "important": "circle-exclamation", "attention": "circle-exclamation",
                    "warning": "triangle-exclamation", "caution": "triangle-exclamation",
                    "danger": "triangle-exclamation", "error": "circle-xmark", "seealso": "share"}


# Pseudo-element icons the theme draws with the Font Awesome web font (156 KB), as masks instead:
# once no text uses that font, the browser never downloads it.
PSEUDO_ICONS = {
    "a.reference.download:before": ("download", "margin:0 .25em;width:.8em;height:.8em;"),
    ".nav-link.nav-external:after,nav.bd-links li>a.reference.external:after":
        ("arrow-up-right-from-square", "margin-left:.3em;width:.7em;height:.7em;"),
    "ul.bd-breadcrumbs li.breadcrumb-item:not(.breadcrumb-home):before": ("angle-right", "margin:0 .5rem;width:.6em;height:.8em;"),
    "div#searchbox p.highlight-link a:before": ("magnifying-glass-minus", "margin-right:.5rem;width:1em;height:1em;"),
    "span.versionmodified:before": ("circle-exclamation", "margin-right:.6rem;width:1em;height:1em;"),
}


def _mask(name: str) -> str:
    from urllib.parse import quote

    width, height, path = icons.solid_icons()[name]
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}"><path d="{path}"/></svg>'
    url = f'url("data:image/svg+xml,{quote(svg)}") no-repeat center/contain'
    return f'content:"";background-color:currentColor;-webkit-mask:{url};mask:{url};'


def icon_stylesheet() -> str:
    """CSS for the inline icons, and the theme's font icons (admonitions, download links ...)
    drawn as masks: the theme draws them with the Font Awesome web font."""
    rules = [".svg-inline--fa{display:inline-block;height:1em;overflow:visible;vertical-align:-.125em;}",
             ".svg-inline--fa.svg-lg{height:1.25em;vertical-align:-.2em;}"]
    for kind, name in ADMONITION_ICONS.items():
        selector = ".admonition>.admonition-title:after" if kind == "default" else \
            f".admonition.{kind}>.admonition-title:after,div.admonition.{kind}>.admonition-title:after"
        rules.append(f"{selector}{{{_mask(name)}}}")
    for selector, (name, box) in PSEUDO_ICONS.items():
        rules.append(f"{selector}{{font:inherit;display:inline-block;vertical-align:-.1em;{box}{_mask(name)}}}")
    return "\n".join(rules) + "\n"


def finish_pages(app, exception):
    """After the pages are written: the icon stylesheet, then postprocess.py on every page."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    (outdir / "_static" / "maturing-icons.css").write_text(icon_stylesheet(), encoding="utf-8")
    postprocess.process_folder(outdir)


def accessible_citations(app, pagename, templatename, context, doctree):
    """docutils marks bibliography entries role="doc-biblioentry" inside a role="list": axe-core
    reports that as a critical ARIA error (a list must own list items). Make them list items."""
    if "body" in context:
        context["body"] = context["body"].replace('role="doc-biblioentry"', 'role="listitem"')


def own_code_digest() -> str:
    """A digest of the book's own Sphinx code: registered as a config value, so that editing the
    extension makes Sphinx re-read and re-write every page (notebooks still come from the cache)."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def toc_digest() -> str:
    """A digest of _toc.yml: registered as a config value, so that a changed table of contents
    re-writes every page's navigation (Sphinx would otherwise re-write only the changed pages)."""
    import hashlib

    return hashlib.sha256((ROOT / "_toc.yml").read_bytes()).hexdigest()


def setup(app):
    app.add_config_value("maturing_ext_digest", own_code_digest(), "env")
    app.add_config_value("maturing_toc_digest", toc_digest(), "env")
    app.connect("html-page-context", accessible_citations)
    app.connect("config-inited", theme_defaults)
    app.connect("html-page-context", drop_unused_scripts)
    app.connect("html-page-context", describe_page)
    app.connect("build-finished", finish_pages)
    app.add_css_file("maturing-icons.css")
    app.connect("env-before-read-docs", assets_only_where_used)
    app.add_directive("data-catalogue", DataCatalogue)
    app.connect("doctree-read", append_citation)
    app.connect("env-get-outdated", outdated_by_dependencies)
    app.connect("build-finished", remember_fingerprints)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
