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
from geomap.texts import (Fields, InputOptions, read_csv_table, read_inputs, read_json, read_jsonl,
                          read_parquet)

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
    assert [d.path for d in read_jsonl(path, Fields("body"))] == [f"{path}#{i}" for i in (1, 2, 3)]


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
    docs = list(read_parquet(path, Fields("text", "url"), batch_size=2))
    assert [d.path for d in docs] == [f"u{i}" for i in range(7)] and docs[4].text == TEXTS[1]
    assert [d.path for d in read_parquet(path, row_groups=[1], first_row=4)] == \
        [f"{path}#{i}" for i in (4, 5, 6)]
    with pytest.raises(InputError, match="no column 'body'"):
        list(read_parquet(path, Fields("body")))


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


def write_csv(path, rows, delimiter=",", encoding="utf-8"):
    import csv

    with open(path, "w", encoding=encoding, newline="") as fh:
        writer = csv.DictWriter(fh, list(rows[0]), delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)
    return str(path)


def test_csv_rows_become_documents_named_by_id_or_row(tmp_path):
    """A quoted field keeps its line breaks (as universal newlines), rows are numbered after
    the header, a blank row counts but gives nothing, the id and date columns name and date
    the documents."""
    rows = [{"id": "a", "when": "2021-08-10", "body": "Line one near Vilnius.\r\nLine two, \"quoted\"."},
            {"id": "b", "when": "", "body": TEXTS[1]}]
    path = write_csv(tmp_path / "c.csv", rows)
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("\n" + 'c,2021-08-12,"Kuźnica."\n')
    docs = list(read_inputs([path], InputOptions(text_field="body", id_field="id",
                                                 date_field="when")))
    assert [d.path for d in docs] == ["a", "b", "c"]
    assert docs[0].text == 'Line one near Vilnius.\nLine two, "quoted".'
    assert [d.date for d in docs] == [dt.date(2021, 8, 10), None, dt.date(2021, 8, 12)]
    assert [d.path for d in read_csv_table(path, Fields("body"))] == [f"{path}#{i}" for i in (1, 2, 4)]


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_title_and_url_fields_title_the_documents_and_name_their_site(tmp_path, suffix):
    rows = [{"text": "Migrants near Vilnius.", "headline": "Border  news\n today",
             "link": "https://www.lrt.lt/en/news/1"},
            {"text": "Second text.", "headline": "", "link": None}]
    path = str(tmp_path / f"c{suffix}")
    if suffix == ".jsonl":
        write_jsonl(tmp_path / f"c{suffix}", rows)
    elif suffix == ".csv":
        write_csv(path, rows)
    else:
        pq.write_table(pa.Table.from_pylist(rows), path)
    docs = list(read_inputs([path], InputOptions(title_field="headline", url_field="link")))
    assert [(d.title, d.url, d.site) for d in docs] == [
        ("Border news today", "https://www.lrt.lt/en/news/1", "lrt.lt"),
        ("Second text.", "", "")]
    if suffix == ".jsonl":         # rows without a schema: a row without the field has no title
        docs = list(read_inputs([path], InputOptions(title_field="heading")))
        assert [d.title for d in docs] == ["Migrants near Vilnius.", "Second text."]
        return
    with pytest.raises(InputError, match="no column 'heading'"):
        list(read_inputs([path], InputOptions(title_field="heading")))


@pytest.mark.parametrize("delimiter,encoding,suffix", [
    (";", "cp1257", ".csv"), ("\t", "utf-8-sig", ".tsv"), (",", "cp1250", ".CSV")])
def test_csv_delimiter_and_encoding_are_detected(tmp_path, delimiter, encoding, suffix):
    """Spreadsheets of the region: ";" and a code page, a tab-separated file with a
    byte-order mark; the header line tells the delimiter, the first megabyte the encoding."""
    text = "Pasieniečiai sulaikė 12 migrantų prie Dieveniškių; vėliau – dar 3."
    if encoding == "cp1250":
        text = "Straż Graniczna zatrzymała 12 osób koło Kuźnicy, później jeszcze 3."
    path = write_csv(tmp_path / f"c{suffix}", [{"id": "x", "text": text}], delimiter, encoding)
    docs = list(read_inputs([path], InputOptions(id_field="id")))
    assert [(d.path, d.text) for d in docs] == [("x", text)]


def test_csv_errors_are_one_line_and_name_the_columns(tmp_path):
    path = write_csv(tmp_path / "c.csv", [{"id": "1", "content": "Vilnius."}])
    with pytest.raises(InputError, match=r"c.csv: no column 'text' \(columns: id, content\); "
                                         "name the text column with --text-field"):
        list(read_csv_table(path))
    (tmp_path / "e.csv").write_text("")
    with pytest.raises(InputError, match="e.csv: empty"):
        list(read_csv_table(str(tmp_path / "e.csv")))
    big = tmp_path / "big.csv"                         # a field over csv's default limit
    write_csv(big, [{"text": "Vilnius. " * 40000}])
    assert len(next(read_csv_table(str(big))).text) == 9 * 40000


@pytest.mark.parametrize("shape", ["list", "api", "one"])
def test_json_files_are_tables_of_a_list_an_api_answer_or_one_object(tmp_path, shape):
    rows = [{"content": TEXTS[0], "url": "https://delfi.lt/a", "publishedAt": "2021-08-10T07:00:00Z"},
            {"content": TEXTS[1], "url": "https://lsm.lv/b", "publishedAt": None}]
    value = {"list": rows, "api": {"status": "ok", "totalResults": 2, "articles": rows},
             "one": rows[0]}[shape]
    path = tmp_path / "c.json"
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    docs = list(read_inputs([str(path)], InputOptions(text_field="content", url_field="url",
                                                      date_field="publishedAt")))
    want = rows if shape != "one" else rows[:1]
    assert [d.text for d in docs] == [r["content"] for r in want]
    assert [d.path for d in docs] == [f"{path}#{i}" for i in range(1, len(want) + 1)]
    assert docs[0].site == "delfi.lt" and docs[0].date == dt.date(2021, 8, 10)


@pytest.mark.parametrize("body,message", [
    ('{"a": [{"text": "x"}], "b": [{"text": "y"}]}', r"several lists of rows \(a, b\)"),
    ("[1, 2]", "#1: not a JSON object"), ('"text"', "not a list of JSON objects"),
    ('[{"text": "Vilnius."},\n {"text": ', "not JSON at line 2"),
    ('[{"text": null}]', "#1: no text in field 'text'")])
def test_json_errors_are_one_line(tmp_path, body, message):
    path = tmp_path / "c.json"
    path.write_text(body)
    with pytest.raises(InputError, match=message):
        list(read_json(str(path)))


def test_parquet_missing_column_names_the_columns(tmp_path):
    path = str(tmp_path / "c.parquet")
    pq.write_table(pa.table({"url": ["u"], "body": ["Vilnius."]}), path)
    with pytest.raises(InputError, match=r"no column 'text' \(columns: url, body\)"):
        list(read_parquet(path))


@pytest.mark.slow
def test_map_report_and_incidents_on_tables_equal_the_same_texts_as_files(tmp_path):
    """A JSON Lines, a Parquet and a CSV corpus give byte for byte what the same texts as files give
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
               "parquet": str(tmp_path / "c.parquet"),
               "csv": write_csv(tmp_path / "c.csv", rows, ";")}
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
        assert outputs["csv", command] == outputs["files", command]
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
