"""Maps: countries filled by category, with lines and points on top.

The outlines are Natural Earth's (:mod:`maturing.geo`, read offline), which show the de-facto
boundaries of about 2018. :func:`boundaries_2005` puts them back as they were when the article
appeared: Crimea in Ukraine, Serbia and Montenegro (with Kosovo) one state, Cyprus whole.

Two ways to draw: :func:`draw_map` frames a lon/lat box of Europe in its own projection, with
fills and hatches; :func:`draw_categories` fills countries by category in a projection given as
a function (lon, lat) -> (x, y), such as :func:`maturing.geo.map_projection`, and
:func:`draw_path`, :func:`draw_lines` and :func:`frame` add lines and zoom.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import cache

import numpy as np
import shapely
from matplotlib.collections import PatchCollection
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path as MplPath
from shapely import box, clip_by_rect
from shapely.geometry import shape
from shapely.ops import unary_union

from . import geo

SEA = "#E8F1F8"
LAND = "#EDEDED"
EDGE = "#FFFFFF"
OTHER = "#DDDDDD"  # countries without a category
HATCH = "#333333"
CRIMEA = (34.10, 44.95)  # a point inside Crimea (see data/geo/README.md)
SERBIA_AND_MONTENEGRO = "SCG"  # its ISO 3166-1 code until 2006


@cache
def _without_code(resolution: str) -> dict:
    """Features that have no ISO code in Natural Earth (Kosovo, N. Cyprus ...), by name."""
    features = json.loads(geo.geometry_file(resolution).read_text(encoding="utf-8"))["features"]
    return {f["properties"]["name"]: shape(f["geometry"]) for f in features if not f["properties"].get("iso_a3")}


@cache
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
    return np.concatenate(
        [
            np.column_stack([lons, np.full(n, south)]),
            np.column_stack([np.full(n, east), lats]),
            np.column_stack([lons[::-1], np.full(n, north)]),
            np.column_stack([np.full(n, west), lats[::-1]]),
        ]
    )


def to_path(geometry) -> MplPath:
    """A (multi)polygon, holes included, as one matplotlib path (coordinates unchanged)."""
    vertices, codes = [], []
    for polygon in geo.parts(geometry):
        for ring in (polygon.exterior, *polygon.interiors):
            xy = np.asarray(ring.coords)
            vertices.append(xy)
            codes.append([MplPath.MOVETO] + [MplPath.LINETO] * (len(xy) - 2) + [MplPath.CLOSEPOLY])
    return MplPath(np.concatenate(vertices), np.concatenate(codes))


def draw_map(
    ax,
    fills: dict[str, str],
    *,
    extent: tuple[float, float, float, float],
    shapes: dict | None = None,
    resolution: str = "50m",
    hatches: dict[str, str] | None = None,
    default: str = LAND,
    edge: str = EDGE,
    linewidth: float = 0.5,
):
    """Draw every country of ``shapes`` (default: :func:`boundaries_2005`) that shows inside ``extent``.

    ``extent`` is (west, east, south, north) in degrees; the map is a Lambert azimuthal
    equal-area projection centred on it, framed to show all of that lon/lat box. ``fills`` maps
    ISO codes to colours (others get ``default``); ``hatches`` maps ISO codes to a hatch pattern
    drawn in dark grey on top. Returns the projection (lon, lat -> x, y) so that lines and labels
    can be added.
    """
    west, east, south, north = extent
    project = geo.map_projection((west + east) / 2, (south + north) / 2)
    shapes = boundaries_2005(resolution) if shapes is None else shapes
    xs, ys = project(*_extent_outline(extent).T)
    frame = (float(np.min(xs)), float(np.min(ys)), float(np.max(xs)), float(np.max(ys)))
    pad = 0.05 * max(frame[2] - frame[0], frame[3] - frame[1])
    window = box(frame[0] - pad, frame[1] - pad, frame[2] + pad, frame[3] + pad)
    # a cheap first cut in degrees, wide enough for the frame's corners (which reach beyond the extent)
    dlon, dlat = max(30.0, east - west), max(15.0, (north - south) / 2)
    near = (west - dlon, max(south - dlat, -89.0), east + dlon, min(north + dlat, 89.0))
    patches, overlays = [], {}
    for code in sorted(shapes):
        # densify first: a long straight clip edge in degrees must stay a curve once projected
        rough = shapely.segmentize(_polygons(clip_by_rect(shapes[code], *near)), 1.0)
        if rough.is_empty:
            continue
        piece = _polygons(geo.projected(rough, project).intersection(window))
        if piece.is_empty:
            continue
        path = to_path(piece)
        patches.append(PathPatch(path, facecolor=fills.get(code, default), edgecolor=edge, linewidth=linewidth))
        if hatches and code in hatches:
            overlays.setdefault(hatches[code], []).append(PathPatch(path))
    # collections: far faster than a patch per country (no per-patch autoscaling)
    ax.add_collection(PatchCollection(patches, match_original=True), autolim=False)
    for hatch, paths in sorted(overlays.items()):
        ax.add_collection(
            PatchCollection(paths, facecolor="none", edgecolor="none", linewidth=0, hatch=hatch, hatchcolor=HATCH),
            autolim=False,
        )
    ax.set_xlim(frame[0], frame[2])
    ax.set_ylim(frame[1], frame[3])
    ax.set_aspect("equal")
    ax.set_facecolor(SEA)
    ax.grid(False)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(True)
        spine.set_color("#999999")
    return project


def _polygons(geometry):
    """Only the polygonal part of a clipped geometry (clipping can leave stray lines or points)."""
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        return geometry
    return unary_union([g for g in getattr(geometry, "geoms", []) if g.geom_type in ("Polygon", "MultiPolygon")])


def in_view(geometry, extent: tuple[float, float, float, float]):
    """The part of a geometry inside (west, east, south, north): for label placement."""
    west, east, south, north = extent
    return geometry.intersection(box(west, south, east, north))


def legend(ax, entries: list[tuple[str, str, str | None]], **kwargs):
    """A legend of filled squares: (label, colour, hatch or None) for each entry."""
    handles = [_square(text, colour, hatch) for text, colour, hatch in entries]
    return ax.legend(handles=handles, **kwargs)


def draw_categories(
    ax,
    categories: Mapping[str, str],
    colours: Mapping[str, str],
    project,
    *,
    resolution: str = "50m",
    geometries: Mapping[str, object] | None = None,
    other_colour: str = OTHER,
    edgecolor: str = EDGE,
    linewidth: float = 0.4,
) -> list[Patch]:
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
        patches.append(PathPatch(to_path(geo.projected(geometry, project))))
        fills.append(colours[category] if category is not None else other_colour)
    # One collection for all countries: far faster than one ax.add_patch per polygon.
    ax.add_collection(
        PatchCollection(patches, facecolors=fills, edgecolors=edgecolor, linewidths=linewidth, zorder=1), autolim=False
    )
    return legend_handles(colours)


def legend_handles(colours: Mapping[str, str]) -> list[Patch]:
    """One filled square per category, for ``ax.legend(handles=...)``."""
    return [_square(name, colour) for name, colour in colours.items()]


def _square(text: str, colour: str, hatch: str | None = None) -> Patch:
    return Patch(facecolor=colour, edgecolor="#555555", linewidth=0.5, hatch=hatch, label=text)


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
