"""Category maps: every country filled in its category's colour, lines drawn in projection."""

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import to_hex
from shapely.geometry import GeometryCollection, LineString, MultiLineString, Point, box

from maturing import geo, maps


def test_countries_are_filled_by_category_and_others_in_grey():
    fig, ax = plt.subplots()
    shapes = {"AAA": box(0, 0, 1, 1), "BBB": box(1, 0, 2, 1)}
    handles = maps.draw_categories(
        ax,
        {"AAA": "member"},
        {"member": "#0072B2", "not a member": "#E69F00"},
        lambda x, y: (x, y),
        geometries=shapes,
        resolution="110m",
    )
    assert [h.get_label() for h in handles] == ["member", "not a member"]
    (countries,) = ax.collections  # one collection, one path per country
    fills = [to_hex(c) for c in countries.get_facecolors()]
    assert len(fills) == len(geo.countries("110m")) + 2
    assert fills.count("#0072b2") == 1  # only AAA is a member
    assert fills.count(to_hex(maps.OTHER)) == len(fills) - 1
    assert fills[-1] == "#0072b2"  # countries with a category are drawn last, on top
    plt.close(fig)


def test_a_category_without_colour_is_refused():
    fig, ax = plt.subplots()
    with pytest.raises(ValueError, match="no colour"):
        maps.draw_categories(ax, {"AFG": "mystery"}, {"member": "#0072B2"}, lambda x, y: (x, y))
    plt.close(fig)


def test_lines_are_projected_and_points_skipped():
    fig, ax = plt.subplots()
    double = lambda x, y: (np.asarray(x) * 2, np.asarray(y) * 2)  # noqa: E731
    mixed = GeometryCollection(
        [MultiLineString([[(0, 0), (1, 0)], [(2, 2), (3, 3)]]), Point(9, 9), LineString([(4, 4), (5, 5)])]
    )
    maps.draw_lines(ax, mixed, double, color="k")
    assert len(ax.lines) == 3
    assert list(ax.lines[0].get_xdata()) == [0, 2]
    plt.close(fig)


def test_frame_zooms_to_the_points_with_a_margin():
    fig, ax = plt.subplots()
    maps.frame(ax, lambda x, y: (np.asarray(x), np.asarray(y)), [(0, 0), (10, 5)], margin=0.1)
    assert ax.get_xlim() == pytest.approx((-1, 11)) and ax.get_ylim() == pytest.approx((-0.5, 5.5))
    assert ax.get_xticks().size == 0
    plt.close(fig)
