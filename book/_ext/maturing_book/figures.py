"""A myst-nb mime renderer: figures published by :func:`maturing.figures.publish`
become numbered Sphinx figures with alt text, a caption, a source line and a
link to their data, straight from the notebook output (no hand-written markup).

The image is a :class:`figure_image`: an ``<img>`` with its CSS size (half its pixels: the PNG
is drawn at twice the density it is shown with), so the page reserves its place before it
loads; the ``data-`` attributes the browser tests read to check the 9 px rule (the figure's
width in inches, its smallest font size in points, the PNG's pixel width); and a link to the
full-size PNG, so that a tap opens it (to zoom in on a phone).

Another page can show a chapter's figure (the landing page shows the verdicts by chapter)::

    ```{chapter-figure} ../notebooks/01-the-article.ipynb::fig-verdicts-by-chapter
    A caption for this page.
    ```

myst-nb's own ``{glue:figure}`` pastes only from the page's own notebook. The directive leaves a
placeholder that is filled when the page is written, when every chapter has been read and
executed: from the chapter's executed notebook (which myst-nb keeps in the build folder), the
same PNG the chapter shows, with its alt text and its legibility record.
"""

from __future__ import annotations

import base64
import hashlib
import os
from html import escape
from pathlib import Path

import nbformat
from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from maturing.figures import DENSITY, METADATA_KEY

EXECUTED = "jupyter_execute"  # myst-nb's folder of executed notebooks and their images, beside the output


class figure_image(nodes.image):  # a docutils node class: lower case, like the others
    """A published figure's image; other builders than HTML draw it as a plain image."""


LEGIBILITY = {"width_in": "data-width-in", "min_font_pt": "data-min-font-pt", "pixel_width": "data-pixel-width"}


def img_attributes(node: figure_image) -> str:
    """The <img> attributes a published figure adds: its CSS size and what the 9 px rule needs."""
    meta = node.get("maturing", {})
    attrs = {}
    if "pixel_width" in meta:
        attrs["width"] = meta["pixel_width"] // DENSITY
        attrs["height"] = meta["pixel_height"] // DENSITY
    attrs.update({attr: meta[key] for key, attr in LEGIBILITY.items() if key in meta})
    return "".join(f'{name}="{escape(str(value))}" ' for name, value in attrs.items())


def visit_figure_image(self, node: figure_image) -> None:
    """HTML: the theme's <img>, with the figure's attributes, inside a link to the full-size PNG."""
    self.visit_image(node)  # writes <img ...> and sets node["uri"] to the image's place in the build
    img = self.body.pop()
    full_size = escape(node["uri"])
    self.body.append(
        f'<a class="reference internal image-reference" href="{full_size}">'
        + img.replace("<img ", f"<img {img_attributes(node)}", 1)
        + "</a>"
    )


def depart_figure_image(self, node: figure_image) -> None:
    self.depart_image(node)


def legibility_record(meta: dict) -> dict:
    return {key: meta[key] for key in (*LEGIBILITY, "pixel_height") if key in meta}


class pending_chapter_figure(nodes.General, nodes.Element):
    """Where a chapter's figure goes, filled in when the page is written."""


class ChapterFigure(SphinxDirective):
    """``{chapter-figure} path/to/chapter.ipynb::figure-name``, with a caption as content."""

    required_arguments = 1
    has_content = True

    def run(self):
        path, _, name = self.arguments[0].partition("::")
        if not name:
            raise self.error(f"chapter-figure needs 'chapter.ipynb::figure-name', not {self.arguments[0]!r}")
        rel, absolute = self.env.relfn2path(path, self.env.docname)
        self.env.note_dependency(rel)
        docname = self.env.path2doc(absolute)
        if docname is None:
            raise self.error(f"chapter-figure: {path} is not a page of the book")
        figure = nodes.figure(classes=["maturing-figure"])
        self.set_source_info(figure)
        figure += pending_chapter_figure(docname=docname, figure=name)
        if self.content:  # a legend, not a caption: a captioned figure would be numbered, and
            # every figure after the landing page renumbered
            legend = nodes.legend()
            self.state.nested_parse(self.content, self.content_offset, legend)
            figure += legend
        return [figure]


def published_output(executed: Path, figure: str) -> dict:
    """The output of ``executed`` (a notebook) that publishes ``figure``."""
    notebook = nbformat.read(executed, as_version=4)
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            meta = output.get("metadata", {}).get(METADATA_KEY, {})
            if meta.get("name") == figure:
                return output
    raise LookupError(f"{executed} publishes no figure named {figure!r}")


class PasteChapterFigures(SphinxPostTransform):
    """Fill each chapter-figure placeholder with the chapter's image (the file the chapter's own
    page shows: myst-nb names it by its bytes' SHA-256)."""

    default_priority = 5

    def run(self, **kwargs):
        executed = Path(self.app.outdir).parent / EXECUTED
        for node in list(self.document.findall(pending_chapter_figure)):
            output = published_output(executed / f"{node['docname']}.ipynb", node["figure"])
            png = base64.b64decode(output["data"]["image/png"])
            file = executed / f"{hashlib.sha256(png).hexdigest()}.png"
            uri = os.path.relpath(file, self.app.srcdir).replace(os.sep, "/")
            meta = output["metadata"][METADATA_KEY]
            node.replace_self(
                figure_image(uri=uri, candidates={"*": uri}, alt=meta["alt"], maturing=legibility_record(meta))
            )


class FigureRenderer:
    """Registered under the ``myst_nb.mime_renderers`` entry point."""

    mime_priority_overrides = ()

    @staticmethod
    def handle_mime(renderer, data, inline):
        meta = data.output_metadata.get(METADATA_KEY)
        if inline or data.mime_type != "image/png" or not meta:
            return None
        rendered = renderer.render_image(data)[0]
        image = figure_image(rendered.rawsource, *rendered.children, **rendered.attributes)
        image["alt"] = meta["alt"]
        image["maturing"] = legibility_record(meta)
        doc = renderer.renderer
        figure = nodes.figure(classes=["maturing-figure"])
        figure["names"].append(nodes.fully_normalize_name(meta["name"]))
        doc.document.note_explicit_target(figure, figure)
        figure += image
        figure += _caption(doc, meta["caption"], data.line or 0)
        return [figure]


def _caption(doc, text: str, line: int) -> nodes.caption:
    holder = nodes.Element()
    with doc.current_node_context(holder):
        doc.nested_render_text(text, line)
    paragraph = holder.children[0]
    return nodes.caption(paragraph.rawsource, "", *paragraph.children)
