#!/usr/bin/env python3
"""Extract compact country GeoJSON from the npm package ``world-atlas`` (v2.0.2).

world-atlas 2.0.2 redistributes Natural Earth 4.1.0 "Admin 0 - Countries"
(1:10m, 1:50m, 1:110m) as quantized TopoJSON. This script:

1. reads ``countries-10m.json``, ``countries-50m.json``, ``countries-110m.json``
   from the package (a directory such as ``node_modules/world-atlas`` or the
   ``world-atlas-2.0.2.tgz`` produced by ``npm pack``);
2. decodes the TopoJSON itself (quantized, delta-encoded arcs; ``~i``/negative
   arc indices are reversed arcs);
3. undoes the antimeridian "stitching" that world-atlas applied with
   d3-geo-projection's ``geostitch`` (rings crossing +/-180 deg are unwrapped and
   then cut into planar pieces at the antimeridian; a ring that encircles a pole
   is closed through that pole), so every polygon is valid in plain lon/lat
   planar geometry (shapely);
4. keeps the countries the book needs (see SELECTION below: UN M49
   continent/sub-region from country_converter's table; 1:10m is narrower than
   1:50m/1:110m to keep the files small). ``--northern-hemisphere`` instead keeps
   every feature whose bounds reach north of the equator;
5. snaps coordinates to a decimal grid (10m: 5 decimals, 50m: 4, 110m: 3)
   with ``shapely.set_precision`` (keeps the result valid), orients rings per
   RFC 7946 (exterior counter-clockwise) and writes
   ``ne_10m_countries.geojson`` etc. with properties ``name``, ``iso_a3``, ``id``.

``iso_a3`` is derived from the numeric ISO 3166-1 id with ``pycountry``'s table
(no hand-typed mapping); features without a numeric id get ``iso_a3: null``.

Rings that the source's 1e5 quantization collapsed (fewer than 3 distinct
points, e.g. Vatican City at 1:10m) are dropped and reported on stderr.

The script downloads nothing. Requirements: Python 3.9+, shapely>=2, pycountry,
country_converter (only its country_data.tsv is read; pandas is not imported),
pyproj and numpy only for ``--check``.

Usage:
    python extract_natural_earth.py PATH_TO_world-atlas [--out DIR] [--check]
e.g.
    npm pack world-atlas@2.0.2          # in a scratch dir, once, by hand
    python extract_natural_earth.py world-atlas-2.0.2.tgz --out . --check
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import os
import sys
import tarfile

import shapely
from shapely.geometry import MultiPolygon, Polygon, box, mapping
from shapely.geometry.polygon import orient
from shapely.affinity import translate

RESOLUTIONS = {"10m": 5, "50m": 4, "110m": 3}  # resolution -> decimals


# --------------------------------------------------------------------------
# input
# --------------------------------------------------------------------------
def load_topologies(pkg_path: str) -> tuple[dict, dict]:
    """Return ({res: topology}, package.json) from a package dir or .tgz."""
    topo, meta = {}, {}
    if os.path.isfile(pkg_path) and tarfile.is_tarfile(pkg_path):
        with tarfile.open(pkg_path) as tf:
            names = {os.path.basename(m.name): m for m in tf.getmembers() if m.isfile()}
            for res in RESOLUTIONS:
                topo[res] = json.load(tf.extractfile(names[f"countries-{res}.json"]))
            meta = json.load(tf.extractfile(names["package.json"]))
    else:
        for res in RESOLUTIONS:
            with open(os.path.join(pkg_path, f"countries-{res}.json"), encoding="utf-8") as f:
                topo[res] = json.load(f)
        with open(os.path.join(pkg_path, "package.json"), encoding="utf-8") as f:
            meta = json.load(f)
    return topo, meta


# --------------------------------------------------------------------------
# TopoJSON decoding
# --------------------------------------------------------------------------
def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat for every arc. With a transform, positions are
    quantized and delta-encoded: x = (sum of dx) * scale + translate."""
    tr = topology.get("transform")
    out = []
    if tr:
        sx, sy = tr["scale"]
        tx, ty = tr["translate"]
        for arc in topology["arcs"]:
            x = y = 0
            pts = []
            for p in arc:
                x += p[0]
                y += p[1]
                pts.append((x * sx + tx, y * sy + ty))
            out.append(pts)
    else:
        for arc in topology["arcs"]:
            out.append([(p[0], p[1]) for p in arc])
    return out


def ring_coords(arc_ids: list[int], arcs: list) -> list[tuple[float, float]]:
    """Concatenate arcs into a ring; index i<0 means arc ~i reversed.
    Consecutive arcs share their junction point, which is kept once."""
    pts: list[tuple[float, float]] = []
    for i in arc_ids:
        a = arcs[i] if i >= 0 else arcs[~i][::-1]
        pts.extend(a if not pts else a[1:])
    return pts


def geometry_rings(geom: dict, arcs: list) -> list[list[list[tuple[float, float]]]]:
    """List of polygons, each a list of rings (first = exterior)."""
    t = geom.get("type")
    if t == "Polygon":
        return [[ring_coords(r, arcs) for r in geom["arcs"]]]
    if t == "MultiPolygon":
        return [[ring_coords(r, arcs) for r in poly] for poly in geom["arcs"]]
    if t is None:
        return []
    raise ValueError(f"unexpected geometry type {t}")


# --------------------------------------------------------------------------
# antimeridian handling (undo geostitch)
# --------------------------------------------------------------------------
def unwrap(ring: list[tuple[float, float]]) -> tuple[list[tuple[float, float]], int]:
    """Make longitudes continuous (no jump > 180 deg between neighbours).
    Returns the unwrapped ring and the net number of 360-deg turns."""
    out = [ring[0]]
    off = 0.0
    for (x0, _), (x1, y1) in zip(ring, ring[1:]):
        d = x1 - x0
        if d > 180:
            off -= 360
        elif d < -180:
            off += 360
        out.append((x1 + off, y1))
    return out, int(round(off / 360))


def degenerate(ring: list[tuple[float, float]]) -> bool:
    """True for rings that 1e5 quantization collapsed (fewer than 3 distinct
    positions, e.g. Vatican City in countries-10m.json)."""
    return len(ring) < 4 or len(set(ring)) < 3


def planar_polygons(rings: list[list[tuple[float, float]]]) -> list[Polygon]:
    """Turn one (possibly antimeridian-crossing) spherical polygon into
    planar lon/lat polygons within [-180, 180]. Collapsed rings are dropped."""
    if degenerate(rings[0]):
        return []
    rings = [rings[0]] + [h for h in rings[1:] if not degenerate(h)]
    ext, turns = unwrap(rings[0])
    if turns:  # ring encircles a pole (e.g. Antarctica): close it via the pole
        pole = -90.0 if sum(y for _, y in ext) < 0 else 90.0
        ext = ext[:-1] + [(ext[-1][0], pole), (ext[0][0], pole), ext[0]]
    ext_x = [x for x, _ in ext]
    centre = (min(ext_x) + max(ext_x)) / 2
    holes = []
    for h in rings[1:]:
        hu, _ = unwrap(h)
        hx = [x for x, _ in hu]
        shift = 360 * round((centre - (min(hx) + max(hx)) / 2) / 360)
        holes.append([(x + shift, y) for x, y in hu])
    poly = Polygon(ext, holes)
    if not poly.is_valid:
        poly = shapely.make_valid(poly)
    minx, _, maxx, _ = poly.bounds
    if -180 <= minx and maxx <= 180:
        return _polys(poly)
    pieces = []
    for k in range(math.floor((minx + 180) / 360), math.floor((maxx + 180) / 360) + 1):
        part = poly.intersection(box(-180 + 360 * k, -90, 180 + 360 * k, 90))
        if not part.is_empty:
            pieces.extend(_polys(translate(part, xoff=-360 * k)))
    return pieces


def _polys(g) -> list[Polygon]:
    if g.is_empty:
        return []
    if isinstance(g, Polygon):
        return [g]
    if isinstance(g, MultiPolygon):
        return list(g.geoms)
    if hasattr(g, "geoms"):
        out = []
        for p in g.geoms:
            out.extend(_polys(p))
        return out
    return []  # points / lines from degenerate clipping


# --------------------------------------------------------------------------
# country geometry
# --------------------------------------------------------------------------
def country_geometry(geom: dict, arcs: list):
    polys: list[Polygon] = []
    for rings in geometry_rings(geom, arcs):
        polys.extend(planar_polygons(rings))
    if not polys:
        return None
    # the two pieces of a ring cut at the antimeridian end on +180 and -180,
    # so the union does not merge them again
    return shapely.union_all(polys) if len(polys) > 1 else polys[0]


def snap(g, decimals: int):
    g = shapely.set_precision(g, 10.0 ** -decimals)
    polys = _polys(g)
    if not polys:
        return None
    polys = [orient(p, 1.0) for p in polys]
    return polys[0] if len(polys) == 1 else MultiPolygon(polys)


def round_coords(obj, decimals: int):
    if isinstance(obj, (list, tuple)):
        if obj and isinstance(obj[0], (int, float)):
            return [_r(v, decimals) for v in obj]
        return [round_coords(o, decimals) for o in obj]
    return obj


def _r(v: float, d: int):
    v = round(v, d)
    return 0 if v == 0 else (int(v) if v == int(v) else v)


def iso_a3_table() -> dict[str, str]:
    """numeric ISO 3166-1 code (zero-padded string) -> alpha-3, from pycountry."""
    import pycountry

    return {c.numeric: c.alpha_3 for c in pycountry.countries}


def region_table(path: str | None = None) -> dict[str, dict]:
    """numeric ISO code -> row of country_converter's country_data.tsv
    (columns used: ISO3, continent, UNregion = UN M49 sub-region).
    The TSV is read directly, so pandas is not imported."""
    if path is None:
        import importlib.util

        spec = importlib.util.find_spec("country_converter")
        if spec is None or spec.origin is None:
            raise SystemExit("country_converter is not installed (pip install country_converter) "
                             "or pass --region-table PATH/country_data.tsv")
        path = os.path.join(os.path.dirname(spec.origin), "country_data.tsv")
    out = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row.get("ISOnumeric"):
                out[row["ISOnumeric"].zfill(3)] = row
    return out


# Which countries each file keeps. A rule "COLUMN=VALUE" matches the row of
# country_converter's table for the feature's numeric ISO id. A feature without
# an id (Kosovo, N. Cyprus, Baikonur, ...) takes the row of the nearest feature
# that has one, if that is within NEAREST_MAX_DEG degrees (else it is dropped).
# 1:10m leaves out North America and South-eastern Asia to keep the files small
# (about 4 MB instead of 7.7 MB); 1:50m and 1:110m carry them.
BASE_RULES = ["continent=Europe", "continent=Asia", "UNregion=Northern Africa"]
SELECTION = {
    "10m": {"include": BASE_RULES, "exclude": ["UNregion=South-eastern Asia"]},
    "50m": {"include": BASE_RULES + ["UNregion=Northern America", "ISO3=MEX"], "exclude": []},
    "110m": {"include": BASE_RULES + ["UNregion=Northern America", "ISO3=MEX"], "exclude": []},
}
NEAREST_MAX_DEG = 1.0


def _match(row: dict | None, rules: list[str]) -> bool:
    if row is None:
        return False
    for rule in rules:
        col, val = rule.split("=", 1)
        if row.get(col) == val:
            return True
    return False


# --------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------
def build(topology: dict, decimals: int, iso: dict, regions: dict, selection: dict | None,
          min_lat: float | None):
    """selection None + min_lat: keep every feature whose bounds reach north of min_lat."""
    arcs = decode_arcs(topology)
    items = []
    for geom in topology["objects"]["countries"]["geometries"]:
        g = country_geometry(geom, arcs)
        if g is None:
            print(f"  dropped (collapsed by quantization): {geom.get('properties', {}).get('name')}",
                  file=sys.stderr)
            continue
        items.append((geom, g))
    # region row per feature; features without an id borrow their nearest neighbour's
    rows = [regions.get(geom.get("id") or "") for geom, _ in items]
    with_id = [i for i, r in enumerate(rows) if r is not None]
    for i, (geom, g) in enumerate(items):
        if rows[i] is None and with_id:
            j = min(with_id, key=lambda k: g.distance(items[k][1]))
            if g.distance(items[j][1]) <= NEAREST_MAX_DEG:
                rows[i] = dict(regions[items[j][0]["id"]], _borrowed_from=items[j][0]["id"])
    feats = []
    for (geom, g), row in zip(items, rows):
        if selection is not None:
            if not _match(row, selection["include"]) or _match(row, selection["exclude"]):
                continue
        elif g.bounds[3] <= min_lat:
            continue
        g = snap(g, decimals)
        if g is None:
            continue
        fid = geom.get("id")
        props = {
            "name": geom.get("properties", {}).get("name"),
            "iso_a3": iso.get(fid) if fid else None,
            "id": fid,
        }
        gj = mapping(g)
        feat = {"type": "Feature"}
        if fid:  # RFC 7946: a Feature id is a string or number, so omit it when absent
            feat["id"] = fid
        feat["properties"] = props
        feat["geometry"] = {"type": gj["type"], "coordinates": round_coords(gj["coordinates"], decimals)}
        feats.append(feat)
    return feats


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("package", help="world-atlas package directory or world-atlas-X.Y.Z.tgz")
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)),
                    help="output folder (default: this script's folder)")
    ap.add_argument("--region-table", default=None,
                    help="country_converter's country_data.tsv (default: from the installed package)")
    ap.add_argument("--northern-hemisphere", action="store_true",
                    help="ignore SELECTION; keep every feature whose bounds reach north of the equator")
    ap.add_argument("--check", action="store_true", help="run sanity checks (needs pyproj)")
    a = ap.parse_args(argv)

    topo, meta = load_topologies(a.package)
    print(f"package {meta.get('name')}@{meta.get('version')}", file=sys.stderr)
    iso = iso_a3_table()
    regions = {} if a.northern_hemisphere else region_table(a.region_table)
    os.makedirs(a.out, exist_ok=True)
    for res, dec in RESOLUTIONS.items():
        sel = None if a.northern_hemisphere else SELECTION[res]
        feats = build(topo[res], dec, iso, regions, sel, 0.0)
        fc = {"type": "FeatureCollection", "features": feats}
        path = os.path.join(a.out, f"ne_{res}_countries.geojson")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(fc, f, ensure_ascii=False, separators=(",", ":"))
            f.write("\n")
        print(f"{path}: {len(feats)} features, {os.path.getsize(path)} bytes", file=sys.stderr)
    if a.check:
        check(a.out)


# --------------------------------------------------------------------------
# sanity checks (read back the written files)
# --------------------------------------------------------------------------
def check(out_dir: str):
    import numpy as np
    from pyproj import Geod, Transformer
    from shapely.geometry import Point, shape
    from shapely.ops import nearest_points

    geod = Geod(ellps="WGS84")
    aeqd = "+proj=aeqd +lat_0=55 +lon_0=25 +datum=WGS84 +units=m"
    fwd_t = Transformer.from_crs("EPSG:4326", aeqd, always_xy=True)
    inv_t = Transformer.from_crs(aeqd, "EPSG:4326", always_xy=True)

    def fwd(g):
        return shapely.transform(g, lambda xy: np.column_stack(fwd_t.transform(xy[:, 0], xy[:, 1])))

    def area_km2(g):
        return abs(geod.geometry_area_perimeter(g)[0]) / 1e6

    report = {}
    for res in RESOLUTIONS:
        path = os.path.join(out_dir, f"ne_{res}_countries.geojson")
        with open(path, encoding="utf-8") as f:
            fc = json.load(f)
        geoms = {ft["properties"]["name"]: shape(ft["geometry"]) for ft in fc["features"]}
        r = {
            "bytes": os.path.getsize(path),
            "features": len(fc["features"]),
            "invalid": [n for n, g in geoms.items() if not g.is_valid],
            "lon_out_of_range": [n for n, g in geoms.items()
                                 if g.bounds[0] < -180 or g.bounds[2] > 180],
            "missing_iso_a3": sorted(ft["properties"]["name"] for ft in fc["features"]
                                     if not ft["properties"]["iso_a3"]),
            "names": sorted(geoms),
        }
        areas = {n: area_km2(geoms[n]) for n in ("Poland", "Germany", "Ukraine", "Lithuania")
                 if n in geoms}
        fr = geoms.get("France")
        if fr is not None:
            areas["France (whole feature, incl. overseas)"] = area_km2(fr)
            metro = [p for p in _polys(fr) if -6 < p.representative_point().x < 10
                     and 41 < p.representative_point().y < 52]
            areas["France (polygons in lon -6..10, lat 41..52)"] = sum(area_km2(p) for p in metro)
        r["geodesic_area_km2"] = {k: round(v) for k, v in areas.items()}
        # antimeridian: which features have parts ending on +/-180
        r["features_touching_antimeridian"] = {
            n: sum(1 for p in _polys(g) if p.bounds[0] <= -179.9999 or p.bounds[2] >= 179.9999)
            for n, g in geoms.items() if g.bounds[0] <= -179.9999 or g.bounds[2] >= 179.9999}
        ru = geoms["Russia"]
        parts = _polys(ru)
        r["russia_polygons"] = len(parts)
        r["russia_bounds"] = ru.bounds
        r["russia_antimeridian_parts"] = [
            [round(v, 3) for v in p.bounds] for p in parts
            if p.bounds[0] <= -179.9999 or p.bounds[2] >= 179.9999]
        kal = [p for p in parts if p.contains(Point(20.5, 54.7))]
        r["kaliningrad_separate_polygon"] = len(kal) == 1 and len(parts) > 1
        if kal:
            k = kal[0]
            main_ru = max(parts, key=area_km2)
            kp, mp = nearest_points(fwd(k), fwd(main_ru))
            (lon1, lon2), (lat1, lat2) = inv_t.transform([kp.x, mp.x], [kp.y, mp.y])
            d = geod.inv(lon1, lat1, lon2, lat2)[2]
            # cross-check: brute-force geodesic minimum over vertex pairs near the
            # found points (an upper bound, equal or slightly larger)
            kv = np.array(k.exterior.coords)
            mv = np.array(main_ru.exterior.coords)
            kv = kv[np.hypot(kv[:, 0] - lon1, kv[:, 1] - lat1) < 1.5]
            mv = mv[np.hypot(mv[:, 0] - lon2, mv[:, 1] - lat2) < 1.5]
            a = np.repeat(kv, len(mv), axis=0)
            b = np.tile(mv, (len(kv), 1))
            vmin = geod.inv(a[:, 0], a[:, 1], b[:, 0], b[:, 1])[2].min() if len(a) else None
            r["kaliningrad"] = {
                "bounds": [round(v, 4) for v in k.bounds],
                "area_km2": round(area_km2(k)),
                "mainland_polygon_area_km2": round(area_km2(main_ru)),
                "closest_point_kaliningrad": [round(lon1, 4), round(lat1, 4)],
                "closest_point_mainland": [round(lon2, 4), round(lat2, 4)],
                "geodesic_km": round(d / 1000, 1),
                "aeqd_planar_km": round(kp.distance(mp) / 1000, 1),
                "vertex_pair_geodesic_min_km": round(vmin / 1000, 1) if vmin is not None else None,
            }
        report[res] = r
    print(json.dumps(report, indent=1, ensure_ascii=False))
    return report


if __name__ == "__main__":
    main()
