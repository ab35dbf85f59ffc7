"""The record writers: JSON Lines, GeoJSON (lon, lat) and CSV."""
import csv
import io
import json
from dataclasses import replace

import pytest

from geomap.io.records import MENTION_FIELDS, mention_record, place_record
from geomap.io.writers import feature, write_chunked, write_geojson, write_jsonl, write_records
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


def test_write_chunked_joins_pieces_and_writes_as_it_goes():
    out = io.StringIO()
    seen = []

    def pieces():
        for p in ("ab", "cd", "ef", "gh", "i"):
            seen.append(len(out.getvalue()))
            yield p

    write_chunked(pieces(), out, size=4)
    assert out.getvalue() == "abcdefghi"
    assert seen == [0, 0, 4, 4, 8]          # written after every 4 characters, not at the end


def test_big_records_are_written_before_the_next_is_built():
    """An incident of a big corpus lists thousands of sources: records are encoded and
    written one by one, not held as a batch (peak memory of ``geomap incidents``)."""
    out = io.StringIO()
    big = "x" * 700_000
    before = []

    def records():
        for i in range(3):
            before.append(out.getvalue().count("\n"))
            yield {"id": i, "notes": big}

    assert write_jsonl(records(), out) == 3
    assert before == [0, 0, 2]              # two records (1.4 M characters) flushed
    assert [json.loads(line)["id"] for line in out.getvalue().splitlines()] == [0, 1, 2]
    gj = io.StringIO()
    before.clear()
    out = gj
    assert write_geojson(records(), gj) == 3
    assert before[-1] > 0
    assert len(json.loads(gj.getvalue())["features"]) == 3


def test_json_pieces_equal_the_whole_encoding():
    from geomap.io.writers import LONG, feature, json_encoder, json_pieces

    enc = json_encoder()
    many = [{"file": f"f{i}.txt", "n": i, "s": "Dieveniškės \u2014 \"q\""} for i in range(LONG + 5)]
    for obj in ({"id": "a", "sources": many}, {"sources": many}, feature({"lat": 1.5, "lon": 2,
                "sources": many}), many, {"id": "b", "sources": many[:3]}, {}, {"x": []}):
        assert "".join(json_pieces(obj, enc)) == enc(obj)
    assert len(list(json_pieces({"id": "a", "sources": many}, enc))) > LONG   # item by item


def test_jsonl_bytes_are_the_jsonl_writer_s_lines_encoded():
    from geomap.io.writers import jsonl_bytes

    recs = [mention_record(MENTION), mention_record(replace(MENTION, place=None))]
    out = io.StringIO()
    write_jsonl(recs, out)
    assert jsonl_bytes(recs) == out.getvalue().encode("utf-8")
    assert jsonl_bytes([]) == b""


def test_write_encoded_writes_the_bytes_to_a_file(tmp_path):
    from geomap.io.output import write_encoded

    path = tmp_path / "out.jsonl"
    assert write_encoded([(1, "{\"a\":\"š\"}\n".encode()), (2, b"{}\n{}\n")], str(path)) == 3
    assert path.read_bytes() == "{\"a\":\"š\"}\n{}\n{}\n".encode()
