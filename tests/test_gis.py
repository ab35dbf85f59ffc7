"""GeoPackage and GeoParquet exports: layers, CRS, rows, and identical bytes for equal input."""
import dataclasses

import geopandas as gpd
import pyogrio
import pytest

from geomap.gis import write_gpkg, write_parquet
from test_html import BORDERS
from test_report import sample_incidents


def data():
    mentions, _, incidents = sample_incidents()
    unresolved = dataclasses.replace(mentions[0], place=None, border=None)
    return mentions + [unresolved], incidents


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


def test_geoparquet(tmp_path):
    mentions, incidents = data()
    assert write_parquet(tmp_path / "m.parquet", mentions=mentions) == 7
    assert write_parquet(tmp_path / "i.parquet", incidents=incidents) == 2
    m = gpd.read_parquet(tmp_path / "m.parquet")
    assert m.crs.to_epsg() == 4326 and list(m["name"][:2]) == ["Medininkai", "Vilnius"]
    assert gpd.read_parquet(tmp_path / "i.parquet").loc[0, "location"] == "Medininkai"
    write_parquet(tmp_path / "m2.parquet", mentions=mentions)
    assert (tmp_path / "m.parquet").read_bytes() == (tmp_path / "m2.parquet").read_bytes()
    with pytest.raises(ValueError):
        write_parquet(tmp_path / "x.parquet", mentions=mentions, incidents=incidents)
