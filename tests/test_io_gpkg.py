"""GeoPackage export: layers, CRS, rows, and identical bytes for equal input."""
import dataclasses

import geopandas as gpd
import pyogrio
import pytest

from geomap.io.incidents import csv_record, incident_record
from geomap.io.gpkg import write_gpkg
from geomap.io.records import mention_record
from test_html import BORDERS
from test_report import sample_incidents


def data():
    """Mention records (one unresolved) and incident CSV records."""
    mentions, _, incidents = sample_incidents()
    unresolved = dataclasses.replace(mentions[0], place=None, border=None)
    return ([mention_record(m) for m in mentions + [unresolved]],
            [csv_record(incident_record(i)) for i in incidents])


def test_gpkg_layers_crs_and_rows(tmp_path):
    mentions, incidents = data()
    path = tmp_path / "out" / "x.gpkg"
    assert write_gpkg(path, mentions=mentions, incidents=incidents, borders=BORDERS) == \
        {"mentions": 7, "incidents": 2, "borders": 3}
    assert [tuple(row) for row in pyogrio.list_layers(path)] == \
        [("mentions", "Point"), ("incidents", "Point"), ("borders", "MultiLineString")]
    m = gpd.read_file(path, layer="mentions")
    assert m.crs.to_epsg() == 4326 and len(m) == 7
    assert m.geometry.isna().sum() == 1
    assert (m.geometry[0].x, m.geometry[0].y) == (25.65, 54.54)       # lon, lat
    i = gpd.read_file(path, layer="incidents")
    assert i.crs.to_epsg() == 4326
    assert list(i.columns[:8]) == ["event_date", "event_type", "location", "latitude",
                                   "longitude", "geo_precision", "source", "notes"]
    assert list(i["event_type"]) == ["pushback", "detention"]
    b = gpd.read_file(path, layer="borders")
    assert list(b["id"]) == ["LT-BY", "LV-BY", "PL-BY"] and b.loc[0, "countries"] == "LT|BY"
    assert [p.name for p in tmp_path.joinpath("out").iterdir()] == ["x.gpkg"]


def test_gpkg_bytes_are_reproducible(tmp_path):
    mentions, incidents = data()
    for name in ("a.gpkg", "b.gpkg"):
        write_gpkg(tmp_path / name, mentions=mentions, incidents=incidents, borders=BORDERS)
    assert (tmp_path / "a.gpkg").read_bytes() == (tmp_path / "b.gpkg").read_bytes()
