"""Unit tests of the map and border helpers (known answers)."""

import matplotlib.pyplot as plt
import pytest
from matplotlib.colors import to_hex
from shapely.geometry import Point, box

from maturing import borders, figures, geo, maps


def test_shared_edge_of_two_equatorial_squares_is_one_degree_of_latitude():
    west, east = box(0, 0, 1, 1), box(1, 0, 2, 1)
    outline = borders.outline_by_neighbour(west, {"east": east, "far": box(5, 5, 6, 6)})
    assert set(outline) == {"east", "coast"}
    # one degree of latitude from the equator on the WGS84 ellipsoid: 110.574 km
    assert outline["east"] == pytest.approx(110.574, abs=0.01)
    assert outline["east"] + outline["coast"] == pytest.approx(geo.line_length_km(west.boundary))
    # the rest: the equator (111.319 km) and the other three sides
    assert outline["coast"] == pytest.approx(111.319 + 110.574 + 111.30, abs=0.05)


def test_a_line_across_two_squares_is_split_between_them():
    line = borders.geodesic_line(0.5, 0.5, 1.5, 0.5)
    inside = borders.km_within(line, {"west": box(0, 0, 1, 1), "east": box(1, 0, 2, 1), "away": box(5, 5, 6, 6)})
    assert set(inside) == {"west", "east"}
    total = geo.geodesic_km(0.5, 0.5, 1.5, 0.5)
    assert total == pytest.approx(111.3, abs=0.1)
    assert inside["west"] == pytest.approx(total / 2, abs=0.05)
    assert inside["west"] + inside["east"] == pytest.approx(total, abs=0.01)


def test_kaliningrad_borders_only_lithuania_and_poland():
    kaliningrad, _ = geo.split_at(geo.country("RUS", "110m"), 20.5, 54.7)
    neighbours = {code: geo.country(code, "110m") for code in ("LTU", "POL", "BLR", "LVA")}
    assert set(borders.outline_by_neighbour(kaliningrad, neighbours)) == {"LTU", "POL", "coast"}


def test_boundaries_2005_restore_crimea_serbia_and_montenegro_and_cyprus():
    now, then = geo.countries("10m"), maps.boundaries_2005("10m")
    crimea = Point(*maps.CRIMEA)
    assert now["RUS"].contains(crimea) and not then["RUS"].contains(crimea) and then["UKR"].contains(crimea)

    def area_km2(shape):
        return abs(geo.GEOD.geometry_area_perimeter(shape)[0]) / 1e6

    assert area_km2(then["UKR"]) - area_km2(now["UKR"]) == pytest.approx(27_100, rel=0.01)  # Crimea, data/geo/README.md
    assert "SRB" not in then and "MNE" not in then
    assert then["SCG"].contains(Point(21.17, 42.67))  # Pristina, Kosovo
    assert then["SCG"].contains(Point(19.26, 42.44))  # Podgorica, Montenegro
    assert then["CYP"].contains(Point(33.32, 35.33))  # Kyrenia, north of the Green Line
    assert "UKR" in geo.countries("10m") and not geo.countries("10m")["UKR"].contains(crimea), "geo is unchanged"


def test_draw_map_fills_hatches_and_frames_the_given_countries():
    fig, ax = figures.new(4, 4)
    project = maps.draw_map(ax, {"POL": "#123456"}, hatches={"UKR": "////"}, extent=(10, 30, 45, 60))
    countries, hatched = ax.collections
    colours = [to_hex(c) for c in countries.get_facecolors()]
    poland = countries.get_paths()[colours.index("#123456")]
    assert colours.count("#123456") == 1 and colours.count(maps.LAND.lower()) == len(colours) - 1
    assert project(20, 52.5) == pytest.approx((0, 0), abs=1e-6)
    warsaw = project(21.0, 52.2)
    assert poland.contains_point(warsaw) and not poland.contains_point(project(30.5, 50.45))  # Kyiv
    assert hatched.get_hatch() == "////" and len(hatched.get_paths()) == 1
    assert hatched.get_paths()[0].contains_point(project(30.5, 50.45))
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    for lon, lat in [(10, 45), (30, 45), (10, 60), (30, 60)]:  # the corners of the extent are in the frame
        x, y = project(lon, lat)
        assert x0 - 1 <= x <= x1 + 1 and y0 - 1 <= y <= y1 + 1
    plt.close(fig)
