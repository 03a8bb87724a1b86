"""A pytest plugin: nbval compares the book's figures and output metadata too.

nbval skips image outputs and output metadata by default. The book's figures are
byte-deterministic PNGs whose alt text, caption and anchor travel in the output metadata, so
both are compared: a committed figure or caption that no longer matches a fresh run fails.

nbval has no option for this; its per-notebook ``skip_compare`` tuple is the only handle. If a
future nbval renamed it, this plugin raises instead of silently comparing less, and
``tests/test_nbval_compares_figures.py`` proves that a changed figure still fails nbval.
"""

from __future__ import annotations

import pytest

COMPARED_TOO = ("image/png", "image/jpeg", "metadata")


def pytest_collection_modifyitems(session, config, items):
    from nbval.plugin import IPyNbCell

    for item in items:
        if not isinstance(item, IPyNbCell):
            continue
        notebook = item.parent
        if not hasattr(notebook, "skip_compare"):
            raise pytest.UsageError(
                "nbval's notebook collector has no `skip_compare` any more: the book's figures and "
                "output metadata would go unchecked (tests/support/nbval_figures.py)"
            )
        notebook.skip_compare = tuple(k for k in notebook.skip_compare if k not in COMPARED_TOO)
