"""Maps of countries coloured by category, with lines and points on top.

Everything is drawn in a projection given as a function (lon, lat) -> (x, y),
such as :func:`maturing.geo.map_projection`; geometry comes from
:mod:`maturing.geo` (Natural Earth, read offline).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
from matplotlib.collections import PatchCollection
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path as MplPath
import shapely

from . import geo

SEA = "#EEF3F7"          # background: the sea and anything outside the geometry file
OTHER = "#DDDDDD"        # countries without a category
EDGE = "#FFFFFF"


def draw_categories(ax, categories: Mapping[str, str], colours: Mapping[str, str], project, *,
                    resolution: str = "50m", geometries: Mapping[str, object] | None = None,
                    other_colour: str = OTHER, edgecolor: str = EDGE, linewidth: float = 0.4) -> list[Patch]:
    """Fill every country, coloured by its category; return the legend handles.

    ``categories`` maps ISO alpha-3 codes to a category and ``colours`` maps each
    category to a colour (its order is the legend's order). Countries without a
    category are drawn in ``other_colour``. ``geometries`` (ISO -> geometry)
    replaces the Natural Earth shapes, e.g. to redraw a border for another year.
    """
    unknown = set(categories.values()) - set(colours)
    if unknown:
        raise ValueError(f"no colour for categories {sorted(unknown)}")
    shapes = dict(geo.countries(resolution))
    shapes.update(geometries or {})
    ax.set_facecolor(SEA)
    patches, fills = [], []
    for iso, geometry in sorted(shapes.items(), key=lambda item: (item[0] in categories, item[0])):
        category = categories.get(iso)
        patches.append(PathPatch(country_path(geometry, project)))
        fills.append(colours[category] if category is not None else other_colour)
    # One collection for all countries: far faster than one ax.add_patch per polygon.
    ax.add_collection(PatchCollection(patches, facecolors=fills, edgecolors=edgecolor, linewidths=linewidth,
                                      zorder=1), autolim=False)
    return legend_handles(colours)


def country_path(geometry, project) -> MplPath:
    """A (multi)polygon, projected, as one matplotlib path (exteriors and holes)."""
    projected = shapely.transform(geometry, lambda xy: np.column_stack(project(xy[:, 0], xy[:, 1])))
    rings = [ring for polygon in geo.parts(projected) for ring in (polygon.exterior, *polygon.interiors)]
    return MplPath.make_compound_path(*[MplPath(np.asarray(ring.coords), closed=True) for ring in rings])


def legend_handles(colours: Mapping[str, str]) -> list[Patch]:
    """One filled square per category, for ``ax.legend(handles=...)``."""
    return [Patch(facecolor=colour, edgecolor="#555555", linewidth=0.4, label=name) for name, colour in colours.items()]


def draw_path(ax, lonlat: np.ndarray, project, **style):
    """Draw a line given as an (n, 2) array of lon/lat points."""
    x, y = project(np.asarray(lonlat)[:, 0], np.asarray(lonlat)[:, 1])
    return ax.plot(x, y, **style)[0]


def draw_lines(ax, geometry, project, **style) -> None:
    """Draw every line of a (multi)line or geometry collection; points are skipped."""
    for part in getattr(geometry, "geoms", [geometry]):
        if hasattr(part, "geoms"):
            draw_lines(ax, part, project, **style)
        elif part.geom_type in ("LineString", "LinearRing"):
            draw_path(ax, np.asarray(part.coords), project, **style)


def frame(ax, project, lonlat: Iterable[tuple[float, float]], margin: float = 0.04) -> None:
    """Zoom to the projected points (plus a margin), equal aspect, no ticks or grid."""
    points = np.asarray(list(lonlat), dtype=float)
    x, y = project(points[:, 0], points[:, 1])
    dx, dy = (x.max() - x.min()) * margin, (y.max() - y.min()) * margin
    ax.set_xlim(x.min() - dx, x.max() + dx)
    ax.set_ylim(y.min() - dy, y.max() + dy)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(True)
        spine.set_color("#999999")
