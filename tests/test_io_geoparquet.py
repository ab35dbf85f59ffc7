"""The streaming GeoParquet writer: columns and types, points (lon, lat), CRS, batches, and
identical bytes for equal input."""
import geopandas as gpd
import pyarrow.parquet as pq

from geomap.io import geoparquet
from geomap.io.geoparquet import write_geoparquet
from geomap.io.incidents import CSV_FIELDS, INCIDENT_TYPES
from geomap.io.records import MENTION_FIELDS, MENTION_TYPES
from test_io_gpkg import data


def test_mentions_and_incidents(tmp_path, monkeypatch):
    mentions, incidents = data()
    monkeypatch.setattr(geoparquet, "BATCH_ROWS", 3)            # several batches
    assert write_geoparquet(iter(mentions), tmp_path / "m.parquet", MENTION_FIELDS,
                            types=MENTION_TYPES) == 7
    assert write_geoparquet(incidents, tmp_path / "i.parquet", CSV_FIELDS, types=INCIDENT_TYPES,
                            lat="latitude", lon="longitude") == 2
    m = gpd.read_parquet(tmp_path / "m.parquet")
    assert m.crs.to_epsg() == 4326 and list(m["name"][:2]) == ["Medininkai", "Vilnius"]
    assert (m.geometry[0].x, m.geometry[0].y) == (mentions[0]["lon"], mentions[0]["lat"])
    assert m.geometry.isna().sum() == 1 and str(m["start"].dtype) == "int64"
    assert list(m.columns) == [*MENTION_FIELDS, "geometry"]
    i = gpd.read_parquet(tmp_path / "i.parquet")
    assert i.loc[0, "location"] == "Medininkai" and i.loc[0, "latitude"] == i.geometry[0].y
    write_geoparquet(mentions, tmp_path / "m2.parquet", MENTION_FIELDS, types=MENTION_TYPES)
    assert (tmp_path / "m.parquet").read_bytes() == (tmp_path / "m2.parquet").read_bytes()
    assert pq.read_table(tmp_path / "m.parquet").num_rows == 7
