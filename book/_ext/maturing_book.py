"""The book's own Sphinx code.

Stale-output guard: jupyter-cache keys a notebook by its code cells only.
Before Sphinx reads the sources, every chapter whose dependency fingerprint
(:func:`maturing.deps.fingerprint`: its CSV files, the data package, the
helper package, requirements.txt) changed since the last successful build is
marked outdated and dropped from the execution cache, so it is executed again.
"""
from __future__ import annotations

import json
from pathlib import Path

from docutils import nodes
from sphinx.util import logging

from maturing import cite
from maturing.deps import fingerprint
from maturing.paths import ROOT

from catalogue import DataCatalogue

logger = logging.getLogger(__name__)
STATE_FILE = "maturing-fingerprints.json"


def _cache_dir(app) -> Path:
    return Path(app.config.nb_execution_cache_path or Path(app.outdir).parent / ".jupyter_cache")


def _state_path(app) -> Path:
    return _cache_dir(app) / STATE_FILE


def _notebooks(app, env) -> dict[str, Path]:
    return {
        doc: Path(env.doc2path(doc))
        for doc in env.found_docs
        if str(env.doc2path(doc)).endswith(".ipynb")
    }


def _current(app, env) -> dict[str, str]:
    return {doc: fingerprint(path) for doc, path in _notebooks(app, env).items()}


def _drop_from_cache(app, path: Path) -> None:
    import nbformat
    from jupyter_cache import get_cache

    if not _cache_dir(app).exists():
        return
    cache = get_cache(_cache_dir(app))
    try:
        record = cache.match_cache_notebook(nbformat.read(str(path), as_version=4))
    except KeyError:  # not cached: nothing to drop
        return
    cache.remove_cache(record.pk)


def outdated_by_dependencies(app, env, added, changed, removed):
    state_path = _state_path(app)
    previous = json.loads(state_path.read_text()) if state_path.exists() else {}
    stale = []
    for doc, digest in _current(app, env).items():
        if previous.get(doc) not in (None, digest):
            logger.info(f"[maturing] {doc}: data or helper code changed; re-executing")
            _drop_from_cache(app, Path(env.doc2path(doc)))
            stale.append(doc)
    return stale


def remember_fingerprints(app, exception):
    if exception is not None or app.builder.name not in ("html", "dirhtml", "singlehtml"):
        return
    state_path = _state_path(app)
    state_path.parent.mkdir(parents=True, exist_ok=True)
    state_path.write_text(json.dumps(_current(app, app.env), indent=1, sort_keys=True))


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


def drop_thebe(app, pagename, templatename, context, doctree):
    """Thebe is off, yet Jupyter Book still loads sphinx-thebe's script and config twice per
    page (a console error, and a third-party URL): leave them out of every page."""
    def wanted(asset) -> bool:
        name = str(getattr(asset, "filename", asset) or "")
        body = str(getattr(asset, "attributes", {}).get("body", ""))
        return "thebe" not in name and "THEBE_JS_URL" not in body

    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [a for a in context[key] if wanted(a)]


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


def setup(app):
    app.add_config_value("maturing_ext_digest", own_code_digest(), "env")
    app.connect("html-page-context", accessible_citations)
    app.connect("config-inited", theme_defaults)
    app.connect("html-page-context", drop_thebe)
    app.connect("env-before-read-docs", assets_only_where_used)
    app.add_directive("data-catalogue", DataCatalogue)
    app.connect("doctree-read", append_citation)
    app.connect("env-get-outdated", outdated_by_dependencies)
    app.connect("build-finished", remember_fingerprints)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
