"""The record writers: JSON Lines, GeoJSON (lon, lat) and CSV."""
import csv
import io
import json
from dataclasses import replace

import pytest

from geomap.io.records import MENTION_FIELDS, mention_record, place_record
from geomap.io.writers import feature, write_records
from test_io_records import MENTION, PLACE


def test_feature_is_lon_lat_and_null_without_coordinates():
    rec = mention_record(MENTION)
    assert feature(rec)["geometry"] == {"type": "Point", "coordinates": [25.620, 54.196]}
    assert feature(mention_record(replace(MENTION, place=None)))["geometry"] is None


def test_write_records_formats():
    recs = [mention_record(MENTION)]
    out = io.StringIO()
    assert write_records(recs, "jsonl", out) == 1
    assert json.loads(out.getvalue())["id"] == "cur:dieveniskes"
    out = io.StringIO()
    write_records(recs, "geojson", out)
    assert json.loads(out.getvalue())["features"][0]["properties"]["text"] == "Dieveniškės"
    out = io.StringIO()
    write_records([place_record(PLACE)], "csv", out)
    assert next(csv.DictReader(io.StringIO(out.getvalue())))["name"] == "Dieveniškės"
    out = io.StringIO()
    assert write_records([], "csv", out, MENTION_FIELDS) == 0
    assert out.getvalue().strip() == ",".join(MENTION_FIELDS)
    with pytest.raises(ValueError):
        write_records(recs, "xml", io.StringIO())
