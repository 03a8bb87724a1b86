"""What a page says about itself in its ``<head>``: a meta description from its first paragraph."""

from __future__ import annotations

import html

from docutils import nodes

DESCRIPTION_LENGTH = 155


def _ancestors(node):
    while node.parent is not None:
        node = node.parent
        yield node


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


def describe_page(app, pagename, templatename, context, doctree):
    """``html-page-context``: a meta description for every page (search engines, link previews)."""
    text = summary(doctree) if doctree is not None else ""
    if not text:
        text = f"{app.config.project}: {context.get('title', pagename)}"
    context["metatags"] = context.get("metatags", "") + f'\n<meta name="description" content="{html.escape(text)}" />'
