import csv
import io
import json

import pytest
from click.testing import CliRunner

from geomap.cli import cli

pytestmark = pytest.mark.usefixtures("compiled_once")   # loading is not under test

TEXT = (" date 2021-08-18 Lithuania says a dozen Belarusian officers illegally crossed the "
        "border on Tuesday while pushing 35 migrants near Dieveniškės.\n")


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, obj={})


def test_incidents_formats(tmp_path, monkeypatch):
    from gazetteer_fixture import gazetteer

    import geomap.cli.incidents_cmd as cmd  # first: it binds common.extractor on import
    from geomap.cli import common
    from geomap.extract import Extractor

    monkeypatch.setattr(common, "extractor", lambda ctx, **kw: Extractor(gazetteer(), None))
    monkeypatch.setattr(cmd, "extractor", lambda ctx, **kw: Extractor(gazetteer(), None))
    res = run("incidents", "-", input=TEXT)
    assert res.exit_code == 0, res.output
    rec = json.loads(res.output.splitlines()[0])
    assert rec["date"] == "2021-08-17" and rec["location"] == "Dieveniškės"
    assert rec["sources"][0]["primary"] and rec["counts"] == {"officers": [12], "migrants": [35]}
    geo = json.loads(run("incidents", "-", "--format", "geojson", input=TEXT).output)
    assert geo["features"][0]["geometry"]["coordinates"][1] == rec["lat"]
    rows = list(csv.DictReader(io.StringIO(run("incidents", "-", "-f", "csv", input=TEXT).output)))
    assert rows[0]["event_date"] == "2021-08-17" and rows[0]["location"] == "Dieveniškės"
    assert list(rows[0])[:8] == ["event_date", "event_type", "location", "latitude", "longitude",
                                 "geo_precision", "source", "notes"]
    out = tmp_path / "i.jsonl"
    assert run("incidents", "-", "-o", str(out), input=TEXT).exit_code == 0
    assert json.loads(out.read_text().splitlines()[0])["id"] == rec["id"]


def test_incidents_jobs_give_the_same_bytes(tmp_path):
    from test_api import corpus

    folder = tmp_path / "texts"
    folder.mkdir()
    for doc in corpus():
        (folder / doc.path).write_text(doc.text, encoding="utf-8")
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        res = run("incidents", str(folder), "--quiet", "--jobs", jobs, "-o", str(out))
        assert res.exit_code == 0, res.output
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] and outs[0].count(b"\n") > 3


def test_incidents_dask_refuses_stdin_and_gpkg_before_reading():
    res = run("incidents", "-", "--engine", "dask", input=TEXT)
    assert res.exit_code == 2 and "stdin" in res.output
    res = run("incidents", "-", "--engine", "dask", "-f", "gpkg", "-o", "x.gpkg", input=TEXT)
    assert res.exit_code == 2 and "GeoPackage" in res.output


def test_incidents_jobs_skip_unreadable_files_alike(tmp_path):
    from test_api import corpus

    folder = tmp_path / "texts"
    folder.mkdir()
    for doc in corpus(70):
        (folder / doc.path).write_text(doc.text, encoding="utf-8")
    (folder / "d040b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        res = run("incidents", str(folder), "-q", "-j", jobs, "-o", str(out))
        assert res.exit_code == 3 and "d040b.txt" in res.output, res.output
        outs.append(out.read_bytes())
        strict = tmp_path / f"strict{jobs}.jsonl"
        res = run("incidents", str(folder), "-q", "-j", jobs, "--strict", "-o", str(strict))
        assert res.exit_code == 1 and "d040b.txt" in str(res.exception) and not strict.exists()
    assert outs[0] == outs[1] and outs[0].count(b"\n") > 3
