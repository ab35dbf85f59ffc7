"""Lazy table inputs (JSON Lines, Parquet), streamed extraction output and the progress bar."""
import io
import json
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from geomap import progress as progress_mod
from geomap.cli import cli
from geomap.errors import InputError
from geomap.extract import Extractor
from geomap.texts import read_inputs, read_jsonl, read_parquet

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
    docs = list(read_inputs([path], "body", "id"))
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
    for i, t in enumerate(TEXTS):
        (tmp_path / f"{i}.txt").write_text(t, encoding="utf-8")
    table = write_jsonl(tmp_path / "c.jsonl", [{"id": str(tmp_path / f"{i}.txt"), "text": t}
                                               for i, t in enumerate(TEXTS)])
    run = CliRunner().invoke
    from_files = run(cli, ["extract", str(tmp_path)], catch_exceptions=False).output
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
    """The first record is written before the last document is read."""
    import geomap.records as records
    import geomap.texts as texts

    events, read, write = [], texts.read_inputs, records.write_records

    def docs(paths, text_field, id_field, on_error=None):
        for d in read(paths, text_field, id_field, on_error):
            events.append("read")
            yield d

    monkeypatch.setattr(texts, "read_inputs", docs)

    def spy(recs, *a):
        return write((events.append("write") or r for r in recs), *a)

    monkeypatch.setattr(records, "write_records", spy)
    path = write_jsonl(tmp_path / "c.jsonl", [{"text": t} for t in TEXTS])
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
