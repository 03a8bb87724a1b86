"""Geometry read offline: Natural Earth country boundaries and WGS84 geodesics.

Boundaries come from ``data/geo/ne_{10m,50m,110m}_countries.geojson`` (Natural
Earth, public domain; provenance in ``data/geo/README.md``). Distances and
lengths are geodesic on the WGS84 ellipsoid (``pyproj.Geod``), never measured
on a flat map.
"""

from __future__ import annotations

import json
from functools import cache

import numpy as np
import shapely
from pyproj import CRS, Geod, Transformer
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, shape
from shapely.ops import nearest_points, unary_union

from . import chapter
from .paths import DATA_DIR

GEOD = Geod(ellps="WGS84")
RESOLUTIONS = ("10m", "50m", "110m")
GEO_DIR = DATA_DIR / "geo"


def geometry_file(resolution: str):
    """The GeoJSON file of country boundaries at ``resolution`` (10m, 50m or 110m)."""
    if resolution not in RESOLUTIONS:
        raise ValueError(f"resolution must be one of {RESOLUTIONS}, not {resolution!r}")
    declared = chapter.current()
    if declared is not None:
        declared.require_geometry(resolution)
    return GEO_DIR / f"ne_{resolution}_countries.geojson"


@cache
def countries(resolution: str = "50m") -> dict[str, MultiPolygon | Polygon]:
    """Country geometries keyed by ISO 3166-1 alpha-3 code (lon/lat, WGS84)."""
    features = json.loads(geometry_file(resolution).read_text(encoding="utf-8"))["features"]
    return {f["properties"]["iso_a3"]: shape(f["geometry"]) for f in features if f["properties"].get("iso_a3")}


def country(iso_a3: str, resolution: str = "50m"):
    """One country's geometry; a clear error for an unknown code."""
    try:
        return countries(resolution)[iso_a3]
    except KeyError:
        raise KeyError(f"no country {iso_a3!r} in {geometry_file(resolution).name}") from None


def parts(geometry) -> list[Polygon]:
    """The polygons of a (multi)polygon."""
    return list(geometry.geoms) if hasattr(geometry, "geoms") else [geometry]


def split_at(geometry, lon: float, lat: float):
    """Split a country into (the polygon containing lon/lat, all its other polygons)."""
    point = Point(lon, lat)
    polygons = parts(geometry)
    hits = [i for i, p in enumerate(polygons) if p.contains(point)]
    if not hits:
        raise ValueError(f"no polygon of the geometry contains ({lon}, {lat})")
    rest = [p for i, p in enumerate(polygons) if i != hits[0]]
    return polygons[hits[0]], unary_union(rest)


def geodesic_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Geodesic (WGS84 ellipsoid) distance between two points, in km."""
    return GEOD.inv(lon1, lat1, lon2, lat2)[2] / 1000


def local_projection(lon: float, lat: float) -> CRS:
    """An azimuthal equidistant projection centred on lon/lat (metres)."""
    return CRS.from_proj4(f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m")


def _projector(lon: float, lat: float, inverse: bool = False):
    wgs84, local = CRS.from_epsg(4326), local_projection(lon, lat)
    source, target = (local, wgs84) if inverse else (wgs84, local)
    return Transformer.from_crs(source, target, always_xy=True).transform


def projected(geometry, project):
    """A geometry with every vertex passed through ``project`` ((x, y) arrays -> (x, y) arrays)."""
    return shapely.transform(geometry, lambda xy: np.column_stack(project(xy[:, 0], xy[:, 1])))


def nearest_km(a, b) -> tuple[float, tuple[float, float], tuple[float, float]]:
    """Shortest distance between two geometries: (km, point on a, point on b).

    The closest pair is found in an azimuthal equidistant projection centred
    between the two shapes, then measured as a geodesic on the ellipsoid.
    """
    centre = unary_union([a.centroid, b.centroid]).centroid
    forward = _projector(centre.x, centre.y)
    back = _projector(centre.x, centre.y, inverse=True)
    pa, pb = nearest_points(projected(a, forward), projected(b, forward))
    (lon1, lat1), (lon2, lat2) = back(pa.x, pa.y), back(pb.x, pb.y)
    return geodesic_km(lon1, lat1, lon2, lat2), (lon1, lat1), (lon2, lat2)


def shared_border_km(a, b, tolerance_deg: float = 1e-6) -> float:
    """Geodesic length of the boundary two countries share, in km.

    Natural Earth draws a shared boundary once, so both countries carry the
    same vertices; the shared part is the intersection of their outlines.
    """
    common = a.boundary.intersection(b.boundary.buffer(tolerance_deg))
    return line_length_km(common)


def line_length_km(geometry) -> float:
    """Geodesic length of a (multi)line, in km (points count as zero)."""
    lines = [g for g in getattr(geometry, "geoms", [geometry]) if isinstance(g, LineString)]
    return sum(GEOD.geometry_length(line) for line in lines) / 1000


def great_circle(lon1: float, lat1: float, lon2: float, lat2: float, step_km: float = 10.0) -> np.ndarray:
    """Points (lon, lat) along the geodesic from 1 to 2, about every ``step_km``."""
    n = max(int(geodesic_km(lon1, lat1, lon2, lat2) // step_km), 1)
    inner = GEOD.npts(lon1, lat1, lon2, lat2, n - 1) if n > 1 else []
    return np.array([(lon1, lat1), *inner, (lon2, lat2)])


def distance_to_path_km(path: np.ndarray, lon: float, lat: float) -> float:
    """Smallest geodesic distance from lon/lat to any point of a densely sampled path."""
    lons = np.full(len(path), lon)
    lats = np.full(len(path), lat)
    return float(GEOD.inv(lons, lats, path[:, 0], path[:, 1])[2].min() / 1000)


def map_projection(lon: float, lat: float):
    """A Lambert azimuthal equal-area projection centred on lon/lat, as a function."""
    crs = CRS.from_proj4(f"+proj=laea +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m")
    return Transformer.from_crs(CRS.from_epsg(4326), crs, always_xy=True).transform
