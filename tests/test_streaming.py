"""Lazy table inputs (JSON Lines, Parquet), streamed extraction output and the progress bar."""
import datetime as dt
import io
import json
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from geomap import progress as progress_mod
from geomap.cli import cli
from geomap.errors import InputError
from geomap.extract import Extractor
from geomap.texts import InputOptions, read_inputs, read_jsonl, read_parquet

pytestmark = pytest.mark.usefixtures("compiled_once")   # loading is not under test

TEXTS = ["Migrants were found near Dieveniškės on Tuesday.",
         "Lithuania and Poland closed the border with Belarus.",
         "Nothing here."]


@pytest.fixture(scope="module")
def plain_extractor():
    return Extractor.from_directory(with_borders=False)


@pytest.fixture
def no_borders(monkeypatch, plain_extractor):
    """The extract command with a border-less Extractor (the border layer is not under test)."""
    monkeypatch.setattr("geomap.cli.extract_cmd.extractor", lambda ctx: plain_extractor)


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")
    return str(path)


def test_jsonl_rows_become_documents_named_by_id_or_row(tmp_path):
    path = write_jsonl(tmp_path / "c.jsonl", [{"id": i, "body": t} for i, t in enumerate(TEXTS)])
    docs = list(read_inputs([path], InputOptions(text_field="body", id_field="id")))
    assert [d.path for d in docs] == ["0", "1", "2"] and docs[1].text == TEXTS[1]
    assert [d.path for d in read_jsonl(path, "body")] == [f"{path}#{i}" for i in (1, 2, 3)]


def test_jsonl_is_read_lazily_and_bad_rows_name_their_row(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"text": "A."}) + "\n\n" + json.dumps({"x": 1}) + "\n")
    docs = read_jsonl(str(path))
    assert next(docs).path.endswith("#1")
    with pytest.raises(InputError, match=r"#3: no text in field 'text'"):
        next(docs)


def test_parquet_is_read_in_batches_with_its_columns(tmp_path):
    path = str(tmp_path / "c.parquet")
    pq.write_table(pa.table({"url": [f"u{i}" for i in range(7)], "text": TEXTS * 2 + ["x"],
                             "other": list(range(7))}), path, row_group_size=3)
    docs = list(read_parquet(path, "text", "url", batch_size=2))
    assert [d.path for d in docs] == [f"u{i}" for i in range(7)] and docs[4].text == TEXTS[1]
    assert [d.path for d in read_parquet(path, row_groups=[1], first_row=4)] == \
        [f"{path}#{i}" for i in (4, 5, 6)]
    with pytest.raises(InputError, match="no column 'body'"):
        list(read_parquet(path, "body"))


def test_extract_tables_gives_the_same_records_as_text_files(tmp_path, no_borders):
    (tmp_path / "texts").mkdir()
    for i, t in enumerate(TEXTS):
        (tmp_path / "texts" / f"{i}.txt").write_text(t, encoding="utf-8")
    table = write_jsonl(tmp_path / "c.jsonl", [{"id": str(tmp_path / "texts" / f"{i}.txt"),
                                                "text": t} for i, t in enumerate(TEXTS)])
    run = CliRunner().invoke
    from_files = run(cli, ["extract", str(tmp_path / "texts")], catch_exceptions=False).output
    from_table = run(cli, ["extract", table, "--id-field", "id"], catch_exceptions=False)
    assert from_table.output == from_files and "Dieveniškės" in from_files
    out = tmp_path / "m.parquet"
    res = run(cli, ["extract", table, "--id-field", "id", "-o", str(out)],
              catch_exceptions=False)
    assert res.exit_code == 0
    rows = pq.read_table(out).to_pylist()
    assert all(r.pop("geometry") for r in rows if r["lat"] is not None)   # GeoParquet points
    assert rows == [json.loads(line) for line in from_files.splitlines()]


def test_extract_writes_as_it_reads(tmp_path, no_borders, monkeypatch):
    """The first record is written before the last document is read (documents go to the
    extractor in batches: enough of them for several)."""
    import geomap.io.output as output
    import geomap.texts as texts

    events, read, write = [], texts.read_inputs, output.write_encoded

    def docs(paths, options, on_error=None):
        for d in read(paths, options, on_error):
            events.append("read")
            yield d

    monkeypatch.setattr(texts, "read_inputs", docs)

    def spy(chunks, *a, **k):
        return write((events.append("write") or c for c in chunks), *a, **k)

    monkeypatch.setattr(output, "write_encoded", spy)
    path = write_jsonl(tmp_path / "c.jsonl", [{"text": t} for t in TEXTS * 100])
    assert CliRunner().invoke(cli, ["extract", path], catch_exceptions=False).exit_code == 0
    assert events.index("write") < len(events) - 1 - events[::-1].index("read")


def test_progress_only_on_a_terminal_and_not_when_quiet(monkeypatch):
    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr(progress_mod, "DELAY_S", 0)
    for stream, quiet, shown in [(io.StringIO(), False, False), (Tty(), True, False),
                                 (Tty(), False, True)]:
        monkeypatch.setattr(sys, "stderr", stream)
        assert list(progress_mod.progress(range(5), total=5, quiet=quiet)) == list(range(5))
        assert ("doc" in stream.getvalue()) is shown


@pytest.mark.slow
def test_map_report_and_incidents_on_tables_equal_the_same_texts_as_files(tmp_path):
    """A JSON Lines and a Parquet corpus give byte for byte what the same texts as files give
    (rows named by --id-field after the files), for every command; a table is never one
    text."""
    seeds = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))[:4]
    (tmp_path / "texts").mkdir()
    rows = []
    for p in seeds:
        (tmp_path / "texts" / p.name).write_bytes(p.read_bytes())
        rows.append({"id": str(tmp_path / "texts" / p.name), "text": p.read_text("utf-8")})
    sources = {"files": str(tmp_path / "texts"),
               "jsonl": write_jsonl(tmp_path / "c.jsonl", rows),
               "parquet": str(tmp_path / "c.parquet")}
    pq.write_table(pa.Table.from_pylist(rows), sources["parquet"])
    outputs = {}
    for kind, src in sources.items():
        for command, name in (("map", "m.html"), ("report", "r.html"), ("incidents", "i.jsonl"),
                              ("unplaced", "u.jsonl")):
            out = tmp_path / f"{kind}-{name}"
            extra = ["-f", "jsonl"] if command == "unplaced" else []
            res = CliRunner().invoke(cli, [command, src, "--id-field", "id", "-o", str(out),
                                           *extra], catch_exceptions=False)
            assert res.exit_code == 0, res.output
            outputs[kind, command] = out.read_bytes()
    for command in ("map", "report", "incidents", "unplaced"):
        assert outputs["jsonl", command] == outputs["files", command]
        assert outputs["parquet", command] == outputs["files", command]
    incidents = [json.loads(line) for line in outputs["files", "incidents"].splitlines()]
    assert incidents and {s["file"] for i in incidents for s in i["sources"]} <= {
        r["id"] for r in rows}


def test_table_date_field_dates_the_rows(tmp_path):
    path = write_jsonl(tmp_path / "c.jsonl", [
        {"text": "Migrants were found near Dieveniškės on Tuesday.", "when": "2021-08-10"},
        {"text": "Lithuania closed the border.", "when": "Wed, 11 Aug 2021 07:00:00 +0300"},
        {"text": "No date.", "when": None}])
    docs = list(read_inputs([path], InputOptions(date_field="when")))
    assert [d.date for d in docs] == [dt.date(2021, 8, 10), dt.date(2021, 8, 11), None]
    bad = write_jsonl(tmp_path / "bad.jsonl", [{"text": "Vilnius.", "when": "soon"}])
    with pytest.raises(InputError, match="bad.jsonl#1: not a date in field 'when'"):
        list(read_inputs([bad], InputOptions(date_field="when")))
