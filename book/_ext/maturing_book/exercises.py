"""The chapters' exercises, written with ExecutableBooks' sphinx-exercise (numbered, linkable
exercises; solutions folded, with code cells that run as part of the notebook).

sphinx-exercise gives the body of every exercise the id ``exercise-content`` and that of every
solution ``solution-content``: a page with two exercises has duplicate ids, which browsers and
assistive technology resolve to the first. Each body gets its own id instead, from its exercise's
or solution's label.
"""

from __future__ import annotations

from docutils import nodes

SHARED_IDS = ("exercise-content", "solution-content")


def unique_content_ids(app, doctree):
    """``doctree-read``: ``<label>-content`` for the body of each exercise and solution."""
    for section in doctree.findall(nodes.section):
        if section["ids"] and section["ids"][0] in SHARED_IDS and section.parent.get("label"):
            section["ids"] = [f"{section.parent['label']}-content"]
