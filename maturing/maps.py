"""Maps of Europe as it stood in 2005, with countries filled by category.

The outlines are Natural Earth's (:mod:`maturing.geo`, read offline), which show the de-facto
boundaries of about 2018. :func:`boundaries_2005` puts them back as they were when the article
appeared: Crimea in Ukraine, Serbia and Montenegro (with Kosovo) one state, Cyprus whole.
"""
from __future__ import annotations

import json
from functools import lru_cache

import numpy as np
from matplotlib.patches import Patch
from shapely import box, clip_by_rect
from shapely.geometry import shape
from shapely.ops import unary_union

from . import geo

SEA = "#E8F1F8"
LAND = "#EDEDED"
EDGE = "#FFFFFF"
CRIMEA = (34.10, 44.95)  # a point inside Crimea (see data/geo/README.md)
SERBIA_AND_MONTENEGRO = "SCG"  # its ISO 3166-1 code until 2006


@lru_cache(maxsize=None)
def _without_code(resolution: str) -> dict:
    """Features that have no ISO code in Natural Earth (Kosovo, N. Cyprus ...), by name."""
    features = json.loads(geo.geometry_file(resolution).read_text(encoding="utf-8"))["features"]
    return {f["properties"]["name"]: shape(f["geometry"]) for f in features if not f["properties"].get("iso_a3")}


@lru_cache(maxsize=None)
def _boundaries_2005(resolution: str) -> dict:
    shapes = dict(geo.countries(resolution))
    loose = _without_code(resolution)
    crimea, russia = geo.split_at(shapes["RUS"], *CRIMEA)
    shapes["RUS"] = russia
    shapes["UKR"] = unary_union([shapes["UKR"], crimea])
    shapes[SERBIA_AND_MONTENEGRO] = unary_union(
        [shapes.pop("SRB"), shapes.pop("MNE")] + ([loose["Kosovo"]] if "Kosovo" in loose else [])
    )
    if "N. Cyprus" in loose:
        shapes["CYP"] = unary_union([shapes["CYP"], loose["N. Cyprus"]])
    return shapes


def boundaries_2005(resolution: str = "50m") -> dict:
    """Country outlines keyed by ISO 3166-1 alpha-3 code, redrawn as of 2005.

    Crimea is moved from Russia back to Ukraine; Serbia, Montenegro and Kosovo are merged as
    Serbia and Montenegro (key ``"SCG"``); Northern Cyprus is part of Cyprus.
    """
    return dict(_boundaries_2005(resolution))


def _extent_outline(extent: tuple[float, float, float, float], n: int = 60) -> np.ndarray:
    west, east, south, north = extent
    lons, lats = np.linspace(west, east, n), np.linspace(south, north, n)
    return np.concatenate([
        np.column_stack([lons, np.full(n, south)]), np.column_stack([np.full(n, east), lats]),
        np.column_stack([lons[::-1], np.full(n, north)]), np.column_stack([np.full(n, west), lats[::-1]]),
    ])


def draw_map(ax, fills: dict[str, str], *, extent: tuple[float, float, float, float], shapes: dict | None = None,
             resolution: str = "50m", hatches: dict[str, str] | None = None, default: str = LAND,
             edge: str = EDGE, linewidth: float = 0.5, margin: float = 12.0):
    """Draw every country of ``shapes`` (default: :func:`boundaries_2005`) inside ``extent``.

    ``extent`` is (west, east, south, north) in degrees; the map is a Lambert azimuthal
    equal-area projection centred on it. ``fills`` maps ISO codes to colours (others get
    ``default``); ``hatches`` maps ISO codes to a hatch pattern drawn in dark grey on top.
    Returns the projection (lon, lat -> x, y) so that lines and labels can be added.
    """
    west, east, south, north = extent
    project = geo.map_projection((west + east) / 2, (south + north) / 2)
    shapes = boundaries_2005(resolution) if shapes is None else shapes
    window = (west - margin, south - margin / 2, east + margin, min(north + margin / 2, 89.0))
    for code in sorted(shapes):
        piece = clip_by_rect(shapes[code], *window)
        if piece.is_empty or piece.geom_type not in ("Polygon", "MultiPolygon"):
            piece = unary_union([g for g in getattr(piece, "geoms", []) if g.geom_type in ("Polygon", "MultiPolygon")])
            if piece.is_empty:
                continue
        geo.draw(ax, piece, project, facecolor=fills.get(code, default), edgecolor=edge, linewidth=linewidth)
        if hatches and code in hatches:
            geo.draw(ax, piece, project, facecolor="none", edgecolor="none", hatch=hatches[code],
                     hatchcolor="#333333", linewidth=0)
    xs, ys = project(*_extent_outline(extent).T)
    ax.set_xlim(float(np.min(xs)), float(np.max(xs)))
    ax.set_ylim(float(np.min(ys)), float(np.max(ys)))
    ax.set_aspect("equal")
    ax.set_facecolor(SEA)
    ax.grid(False)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(True)
        spine.set_color("#999999")
    return project


def in_view(geometry, extent: tuple[float, float, float, float]):
    """The part of a geometry inside (west, east, south, north): for label placement."""
    west, east, south, north = extent
    return geometry.intersection(box(west, south, east, north))


def legend(ax, entries: list[tuple[str, str, str | None]], **kwargs):
    """A legend of filled squares: (label, colour, hatch or None) for each entry."""
    handles = [Patch(facecolor=colour, edgecolor="#555555", linewidth=0.5, hatch=hatch, label=text)
               for text, colour, hatch in entries]
    return ax.legend(handles=handles, **kwargs)
