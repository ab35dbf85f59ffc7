"""Output options: the format from the extension, and the usage errors made before writing."""
import re

import click
import pytest

from geomap.io.options import format_of, resolve

FORMATS = ("jsonl", "geojson", "csv", "parquet", "gpkg")


@pytest.mark.parametrize("out, fmt, expected", [
    (None, None, (None, "jsonl")), ("-", None, ("-", "jsonl")),
    ("x.gpkg", None, ("x.gpkg", "gpkg")), ("X.GeoJSON", None, ("X.GeoJSON", "geojson")),
    ("x.csv", "csv", ("x.csv", "csv")), ("x.txt", "csv", ("x.txt", "csv")),
    ("x.json", None, ("x.json", "jsonl")), ("x.ndjson", None, ("x.ndjson", "jsonl")),
])
def test_format_from_option_else_extension_else_default(out, fmt, expected):
    assert resolve(out, fmt, FORMATS, "jsonl") == expected


def test_default_output_by_format():
    outs = {"html": "output/map.html", "png": "output/map.png", "svg": "output/map.svg"}
    assert resolve(None, "png", outs, "html", default_out=outs) == ("output/map.png", "png")
    assert resolve(None, None, outs, "html", default_out=outs) == ("output/map.html", "html")


@pytest.mark.parametrize("out, fmt, message", [
    ("x.gpkg", "jsonl", "--format jsonl contradicts -o x.gpkg (GeoPackage)"),
    ("m.png", None, "cannot write PNG"),
    (None, "gpkg", "--format gpkg needs -o FILE"),
    ("-", "parquet", "--format parquet needs -o FILE"),
    ("out/", None, "-o out/: is a folder"),
])
def test_usage_errors(out, fmt, message):
    with pytest.raises(click.UsageError, match=re.escape(message)):
        resolve(out, fmt, FORMATS, "jsonl", needs_file=("parquet", "gpkg"))


def test_an_existing_folder_is_refused(tmp_path):
    with pytest.raises(click.UsageError, match="is a folder"):
        resolve(str(tmp_path), None, FORMATS, "jsonl")
    assert format_of(str(tmp_path / "a.PARQUET")) == "parquet" and format_of("-") is None
