"""What surrounds a territory: its land borders by neighbour, its coast, and the countries a
straight line crosses. Lengths are geodesic on the WGS84 ellipsoid (:mod:`maturing.geo`).
"""
from __future__ import annotations

from shapely.geometry import LineString

from . import geo


def outline_by_neighbour(territory, neighbours: dict, min_km: float = 0.01) -> dict[str, float]:
    """Length in km of the territory's outline shared with each neighbour, and the rest as 'coast'.

    ``neighbours`` maps names to geometries; those sharing less than ``min_km`` are left out.
    'coast' is the outline's total length minus every shared border: on a map of countries,
    whatever is not a land border is shore (sea, lagoon or lake).
    """
    shared = {name: geo.shared_border_km(territory, shape) for name, shape in sorted(neighbours.items())}
    shared = {name: km for name, km in shared.items() if km >= min_km}
    shared["coast"] = geo.line_length_km(territory.boundary) - sum(shared.values())
    return shared


def geodesic_line(lon1: float, lat1: float, lon2: float, lat2: float, step_km: float = 1.0) -> LineString:
    """The geodesic between two points as a densely sampled line (lon/lat)."""
    return LineString(geo.great_circle(lon1, lat1, lon2, lat2, step_km=step_km))


def km_within(line: LineString, countries: dict, min_km: float = 0.01) -> dict[str, float]:
    """Length in km of ``line`` inside each of ``countries`` (those under ``min_km`` left out)."""
    inside = {name: geo.line_length_km(line.intersection(shape)) for name, shape in sorted(countries.items())}
    return {name: km for name, km in inside.items() if km >= min_km}
