"""The chapters' exercises, written with ExecutableBooks' sphinx-exercise (numbered, linkable
exercises; solutions folded, with code cells that run as part of the notebook).

Two changes to what sphinx-exercise writes:

- Ids: it gives the body of every exercise the id ``exercise-content`` and that of every solution
  ``solution-content``, so a page with two exercises has duplicate ids (browsers and assistive
  technology resolve them to the first). Each body gets its own id, from its label.
- Titles: a solution's title, "Solution to Exercise 1", links back to the exercise. The title is
  also what a reader taps to unfold the solution (sphinx-togglebutton), so a tap on the link both
  unfolds it and jumps away to the exercise. The solutions follow their exercises, so the title
  is plain text.

And one change to the single-page build (the PDF): sphinx-exercise registers its nodes for the
``singlehtml`` builder by name, and Sphinx then looks up every node's handlers under that name
only, no longer falling back to the ``html`` handlers that myst-nb (folded code cells),
sphinx-design and the theme register. The build fails on the first folded cell ("unknown node
type: HideCodeCellNode"; jupyter-book issue 2322). Every node with HTML handlers and none for the
single page gets its HTML ones there too.
"""

from __future__ import annotations

from docutils import nodes
from sphinx_exercise.nodes import solution_node

SHARED_IDS = ("exercise-content", "solution-content")


def html_handlers_on_the_single_page(app, config):
    """``config-inited`` (every extension is set up): each node that has ``html`` handlers and
    none for ``singlehtml`` gets its ``html`` ones there (Sphinx's registry, by node name)."""
    handlers = app.registry.translation_handlers
    if "singlehtml" in handlers:
        for name, visitors in handlers.get("html", {}).items():
            handlers["singlehtml"].setdefault(name, visitors)


def unique_content_ids(app, doctree):
    """``doctree-read``: ``<label>-content`` for the body of each exercise and solution."""
    for section in doctree.findall(nodes.section):
        if section["ids"] and section["ids"][0] in SHARED_IDS and section.parent.get("label"):
            section["ids"] = [f"{section.parent['label']}-content"]


def plain_solution_titles(app, doctree, docname):
    """``doctree-resolved``: a solution's title without the link, so that tapping it only unfolds it."""
    for solution in doctree.findall(solution_node):
        for title in solution.findall(nodes.title):
            for link in list(title.findall(nodes.reference)):
                link.replace_self(link.children)
