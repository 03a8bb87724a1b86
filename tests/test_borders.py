"""Border lengths and geodesics, checked against published values and toy shapes."""

import pytest
from shapely.geometry import box

from maturing import borders, geo


def dms(degrees, minutes, seconds):
    sign = -1 if degrees < 0 else 1
    return sign * (abs(degrees) + minutes / 60 + seconds / 3600)


def test_geodesic_matches_the_published_flinders_peak_to_buninyong_distance():
    # Geoscience Australia's worked example of Vincenty's inverse formula (GRS80, which
    # agrees with WGS84 to well under a millimetre here): 54,972.271 m.
    flinders = (dms(144, 25, 29.52440), dms(-37, 57, 3.72030))
    buninyong = (dms(143, 55, 35.38390), dms(-37, 39, 10.15610))
    assert geo.geodesic_km(*flinders, *buninyong) == pytest.approx(54.972271, abs=1e-6)


def test_toy_squares_share_one_degree_of_meridian():
    # Two 1-degree squares side by side at the equator share the meridian 1E from 0 to 1N:
    # one degree of latitude there is 110.574 km on the WGS84 ellipsoid.
    west, east, far = box(0, 0, 1, 1), box(1, 0, 2, 1), box(5, 0, 6, 1)
    assert geo.shared_border_km(west, east) == pytest.approx(110.574, abs=0.001)
    line = borders.shared_boundary(west, east)
    assert geo.line_length_km(line) == pytest.approx(geo.shared_border_km(west, east))
    assert borders.shared_borders(west, {"E": east, "F": far}) == {"E": pytest.approx(110.574, abs=0.001)}


def test_corner_contact_is_not_a_border():
    assert borders.shared_borders(box(0, 0, 1, 1), {"diagonal": box(1, 1, 2, 2)}) == {}


def test_distance_to_a_path_along_the_equator():
    path = geo.great_circle(0, 0, 10, 0, step_km=1)
    assert geo.distance_to_path_km(path, 5, 1) == pytest.approx(110.574, rel=1e-4)


def test_afghanistan_is_landlocked_so_its_borders_add_up_to_its_outline():
    lengths = borders.border_lengths("AFG")
    assert set(lengths["resolution"]) == set(geo.RESOLUTIONS)
    for resolution, frame in lengths.groupby("resolution"):
        assert set(frame["neighbour"]) == {"CHN", "IRN", "PAK", "TJK", "TKM", "UZB"}
        outline = geo.line_length_km(geo.country("AFG", resolution).exterior)
        assert frame["km"].sum() == pytest.approx(outline, rel=1e-3)
    afg, chn = geo.country("AFG", "50m"), geo.country("CHN", "50m")  # clipping first changes nothing
    assert geo.line_length_km(borders.shared_boundary(afg, chn)) == pytest.approx(
        geo.shared_border_km(afg, chn), rel=1e-9
    )
    totals = lengths.groupby("resolution")["km"].sum()
    assert totals["10m"] > totals["50m"] > totals["110m"]  # finer map, longer border
    assert lengths["scale"].min() == 10_000_000
