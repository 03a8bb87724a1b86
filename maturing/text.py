"""Numbers in the prose: glued from code, never typed by hand."""

from __future__ import annotations

import numbers

from myst_nb import glue as _glue


def plain(value):
    """A numpy scalar as the plain Python number it stands for (stable repr)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    return value


def glue(name: str, value) -> None:
    """Make ``value`` available to the chapter's prose as ``{glue:text}`name```."""
    _glue(name, plain(value), display=False)


def percent_change(old: float, new: float) -> float:
    """Change from ``old`` to ``new`` in per cent of ``old``."""
    if old == 0:
        raise ValueError("percent change from zero is undefined")
    return (new - old) / old * 100
