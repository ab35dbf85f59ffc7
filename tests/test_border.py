"""geomap.border against the bundled gazetteer/{borders,countries,world}.geojson.

Expected ranges were checked against the data (docs/data-borders.md); coordinates are the
town centres from Wikipedia.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import shapely
from shapely.geometry import shape

from geomap.border import Borders
from geomap.model import BorderRelation

pytestmark = pytest.mark.usefixtures("compiled_once")   # loading is not under test

GAZ = Path(__file__).resolve().parent.parent / "gazetteer"


@pytest.fixture(scope="module")
def borders() -> Borders:
    return Borders.load(GAZ)


@pytest.mark.parametrize("name, lat, lon, side, border, lo_km, hi_km", [
    # Dieveniškės: measured 4.1 km (3.7 km from 54.1985, 25.6246); ~3.4 km expected.
    ("Dieveniškės", 54.19444, 25.62500, "LT", "LT-BY", 2.5, 4.5),
    ("Šalčininkai", 54.3089, 25.3897, "LT", "LT-BY", 1.0, 6.0),
    ("Vilnius", 54.6872, 25.2797, "LT", "LT-BY", 25.0, 40.0),
    # Minsk lies ~120 km from the tip of the Dieveniškės appendix (Natural Earth agrees: 122 km).
    ("Minsk", 53.9000, 27.5667, "BY", "LT-BY", 110.0, 135.0),
    ("Hrodna", 53.6694, 23.8131, "BY", "PL-BY", 10.0, 25.0),
    ("Daugavpils", 55.8750, 26.5356, "LV", "LV-BY", 15.0, 35.0),
    ("Białystok", 53.1333, 23.1500, "PL", "PL-BY", 40.0, 60.0),
    ("Brest", 52.0976, 23.7341, "BY", "PL-BY", 3.0, 10.0),
])
def test_known_places(borders, name, lat, lon, side, border, lo_km, hi_km):
    rel = borders.relate(lat, lon)
    assert isinstance(rel, BorderRelation)
    assert rel.side == side, name
    assert rel.border == border, name
    assert lo_km <= rel.distance_km <= hi_km, (name, rel.distance_km)
    nlat, nlon = rel.nearest
    assert 51.0 < nlat < 56.5 and 23.0 < nlon < 28.5


def test_far_and_sea(borders):
    assert borders.relate(33.3152, 44.3661).side == "IQ"          # Baghdad
    assert borders.relate(55.3, 18.5).side is None                # Baltic Sea
    assert borders.country_at(55.3, 18.5) is None
    assert borders.country_at(54.71, 20.51) == "RU"               # Kaliningrad
    assert borders.country_at(52.52, 13.405) == "DE"              # Berlin


@pytest.mark.parametrize("lat, lon", [(91, 0), (-90.5, 10), (54, 181), (54, -180.01),
                                      (float("nan"), 25), ("x", 25)])
def test_invalid_coordinates(borders, lat, lon):
    with pytest.raises(ValueError):
        borders.relate(lat, lon)
    with pytest.raises(ValueError):
        borders.country_at(lat, lon)


def test_lines_and_lengths(borders):
    fc = borders.lines()
    assert fc["type"] == "FeatureCollection"
    props = {f["properties"]["id"]: f["properties"] for f in fc["features"]}
    assert set(props) == {"LT-BY", "LV-BY", "PL-BY"}
    assert 640 <= props["LT-BY"]["length_km"] <= 700      # official ~679 km
    assert 160 <= props["LV-BY"]["length_km"] <= 185      # official ~173 km
    assert 400 <= props["PL-BY"]["length_km"] <= 440      # official ~418 km
    assert props["LT-BY"]["countries"] == ["LT", "BY"]


def test_data_files_small_and_tagged():
    assert (GAZ / "countries.geojson").stat().st_size < 1_600_000
    assert (GAZ / "world.geojson").stat().st_size < 2_100_000
    world = json.loads((GAZ / "world.geojson").read_text(encoding="utf-8"))
    isos = {f["properties"]["iso"] for f in world["features"]}
    assert {"LT", "BY", "IQ", "US", "XK"} <= isos
    countries = json.loads((GAZ / "countries.geojson").read_text(encoding="utf-8"))
    assert {f["properties"]["iso"] for f in countries["features"]} == {
        "LT", "LV", "PL", "BY", "EE", "UA", "RU", "DE"}


def test_many_calls_are_fast(borders):
    pts = [(50.0 + i * 0.0008, 20.0 + i * 0.0011) for i in range(10_000)]
    t = time.process_time()        # CPU time: a loaded machine does not fail it
    for lat, lon in pts:
        borders.relate(lat, lon)
    assert time.process_time() - t < 5.0      # ~0.7 s of CPU on the dev machine


def test_points_the_projection_cannot_take_still_relate(borders):
    # EPSG:3346 is a transverse Mercator on 24° E: Java or Colombia fall off it.
    for lat, lon in [(-7.25, 112.75), (4.0, -72.0), (-90.0, 0.0)]:
        rel = borders.relate(lat, lon)
        assert rel.distance_km > 3000 and rel.border in {"LT-BY", "LV-BY", "PL-BY"}
    assert borders.relate(-7.25, 112.75).distance_km == pytest.approx(10338, abs=30)


def test_display_outlines_whole_small_and_in_range():
    from geomap.border import display_geodata

    data = display_geodata(GAZ)
    assert (GAZ / "display-countries.geojson").stat().st_size \
        + (GAZ / "display-world.geojson").stat().st_size < 600_000
    region = {f["properties"]["iso"]: shape(f["geometry"]) for f in data["countries"]["features"]}
    assert set(region) == {"LT", "LV", "PL", "BY", "EE", "UA", "RU", "DE"}
    # whole countries: no edge along the clip box of countries.geojson (lon 13-33, lat 49-60)
    assert region["RU"].bounds[2] > 179 and region["RU"].bounds[3] > 75
    assert region["DE"].bounds[0] < 7 and region["UA"].bounds[1] < 46
    world = {f["properties"]["iso"] for f in data["world"]["features"]}
    assert {"US", "FI", "SE", "FJ"} <= world and not world & set(region)
    for collection in (data["countries"], data["world"]):
        for feat in collection["features"]:
            for part in shapely.get_parts(shape(feat["geometry"])):
                x0, y0, x1, _ = part.bounds      # no band round the globe (antimeridian)
                assert x1 - x0 < 180 or y0 < -60, feat["properties"]["iso"]
    assert data["borders"]["features"] == json.loads(
        (GAZ / "borders.geojson").read_text(encoding="utf-8"))["features"]   # exact lines


def test_world_outline_cut_at_the_antimeridian(borders):
    assert borders.country_at(66.5, 14.0) == "NO"       # was under a Russian band round the globe
    assert borders.country_at(66.0, 175.0) == "RU" and borders.country_at(65.5, -175.0) == "RU"


def test_one_sentence_map_under_one_megabyte(tmp_path):
    import geomap

    m = geomap.build_map(["Migrants were pushed back near Dieveniškės."])
    m.save(str(tmp_path / "one.html"))
    assert (tmp_path / "one.html").stat().st_size <= 1_000_000
