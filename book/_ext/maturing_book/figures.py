"""A myst-nb mime renderer: figures published by :func:`maturing.figures.publish`
become numbered Sphinx figures with alt text, a caption, a source line and a
link to their data, straight from the notebook output (no hand-written markup).
"""

from __future__ import annotations

from docutils import nodes

from maturing.figures import METADATA_KEY


class FigureRenderer:
    """Registered under the ``myst_nb.mime_renderers`` entry point."""

    mime_priority_overrides = ()

    @staticmethod
    def handle_mime(renderer, data, inline):
        meta = data.output_metadata.get(METADATA_KEY)
        if inline or data.mime_type != "image/png" or not meta:
            return None
        image = renderer.render_image(data)[0]
        image["alt"] = meta["alt"]
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
