"""Land borders between countries, measured on Natural Earth geometry: border lengths by
neighbour and by map resolution, what surrounds a territory, and the countries a line crosses.
Lengths are geodesic on the WGS84 ellipsoid (:mod:`maturing.geo`).

A border's length depends on the scale of the map it is measured on: the finer the map, the
more of the border's windings it keeps and the longer the border comes out (the "coastline
paradox"). :func:`border_lengths` therefore measures every border of a country at each
Natural Earth resolution.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd
import shapely
from shapely.geometry import LineString

from . import geo

# Natural Earth scale denominators of the three resolutions (1:10 million ...).
SCALE = {"10m": 10_000_000, "50m": 50_000_000, "110m": 110_000_000}


def shared_boundary(a, b, tolerance_deg: float = 1e-6):
    """The line(s) two countries share: the part of a's outline on b's outline.

    The same rule as :func:`maturing.geo.shared_border_km`, but b's outline is
    first cut to a's bounding box, so that a large neighbour (China, Russia) is
    not buffered whole: the result is the same, much faster.
    """
    minx, miny, maxx, maxy = a.bounds
    margin = 10 * tolerance_deg
    near = shapely.clip_by_rect(b.boundary, minx - margin, miny - margin, maxx + margin, maxy + margin)
    return a.boundary.intersection(near.buffer(tolerance_deg))


def shared_borders(geometry, others: Mapping[str, object], min_km: float = 1.0) -> dict[str, float]:
    """Length (km) of the border ``geometry`` shares with each of ``others``.

    Only neighbours sharing at least ``min_km`` are kept (two countries meeting
    at a single point share no border). Longest border first.
    """
    minx, miny, maxx, maxy = geometry.bounds
    lengths = {}
    for key, other in others.items():
        ox0, oy0, ox1, oy1 = other.bounds
        if other is geometry or ox0 > maxx or ox1 < minx or oy0 > maxy or oy1 < miny:
            continue
        km = geo.line_length_km(shared_boundary(geometry, other))
        if km >= min_km:
            lengths[key] = km
    return dict(sorted(lengths.items(), key=lambda item: -item[1]))


def border_lengths(iso_a3: str, resolutions: Iterable[str] = geo.RESOLUTIONS, min_km: float = 1.0) -> pd.DataFrame:
    """Every land border of a country at each resolution, in long form.

    Columns: ``neighbour`` (ISO alpha-3), ``resolution``, ``scale`` (the map's
    scale denominator) and ``km`` (geodesic length on the WGS84 ellipsoid).
    """
    rows = []
    for resolution in resolutions:
        everyone = geo.countries(resolution)
        others = {k: v for k, v in everyone.items() if k != iso_a3}
        for neighbour, km in shared_borders(geo.country(iso_a3, resolution), others, min_km).items():
            rows.append({"neighbour": neighbour, "resolution": resolution, "scale": SCALE[resolution], "km": km})
    return pd.DataFrame(rows, columns=["neighbour", "resolution", "scale", "km"])


def outline_by_neighbour(territory, neighbours: Mapping[str, object], min_km: float = 0.01) -> dict[str, float]:
    """Length in km of the territory's outline shared with each neighbour (by name), and the
    rest as 'coast': on a map of countries, whatever is not a land border is shore."""
    shared = dict(sorted(shared_borders(territory, neighbours, min_km).items()))
    shared["coast"] = geo.line_length_km(territory.boundary) - sum(shared.values())
    return shared


def geodesic_line(lon1: float, lat1: float, lon2: float, lat2: float, step_km: float = 1.0) -> LineString:
    """The geodesic between two points as a densely sampled line (lon/lat)."""
    return LineString(geo.great_circle(lon1, lat1, lon2, lat2, step_km=step_km))


def km_within(line: LineString, countries: Mapping[str, object], min_km: float = 0.01) -> dict[str, float]:
    """Length in km of ``line`` inside each of ``countries`` (those under ``min_km`` left out)."""
    inside = {name: geo.line_length_km(line.intersection(shape)) for name, shape in sorted(countries.items())}
    return {name: km for name, km in inside.items() if km >= min_km}
