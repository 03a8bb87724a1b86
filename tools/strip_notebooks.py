"""Strip the noise a notebook front end adds, keeping the outputs the book commits.

    python tools/strip_notebooks.py notebooks/*.ipynb

Removes per-cell execution timing (``metadata.execution``), front-end view state (``collapsed``,
``scrolled``, ``jp-MarkdownHeadingCollapsed``) and widget state; the outputs stay, since nbval
compares them. A notebook that needs no change is not rewritten. Exits 1 if it changed a file (so
the pre-commit hook asks for the cleaned file to be added).
"""

from __future__ import annotations

import sys

import nbformat

CELL_NOISE = ("execution", "collapsed", "scrolled", "jp-MarkdownHeadingCollapsed")
NOTEBOOK_NOISE = ("widgets",)


def strip(nb) -> bool:
    changed = False
    for cell in nb.cells:
        for key in CELL_NOISE:
            changed |= cell.metadata.pop(key, None) is not None
    for key in NOTEBOOK_NOISE:
        changed |= nb.metadata.pop(key, None) is not None
    return changed


def main(paths: list[str]) -> int:
    changed = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        if strip(nb):
            nbformat.write(nb, path)
            changed.append(path)
    for path in changed:
        print(f"stripped {path}")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
