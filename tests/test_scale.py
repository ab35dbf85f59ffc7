"""Dask scale-out: partition planning and a 2-worker LocalCluster run equal to one process."""
import csv
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from geomap.extract import Extractor
from geomap.io.records import mention_record
from geomap.scale import _client, plan, read_piece, run_dask, write_parquet
from geomap.texts import InputOptions, expand, read_document, read_inputs

pytestmark = pytest.mark.usefixtures("compiled_once")   # loading is not under test

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Seed texts as text files, a JSON Lines table, a Parquet table of 3 row groups, a CSV
    table and a JSON list."""
    d = tmp_path_factory.mktemp("corpus")
    texts = [read_document(p).text for p in SEEDS] * 3
    (d / "c.jsonl").write_text("".join(json.dumps({"id": f"j{i}", "text": t}) + "\n"
                                       for i, t in enumerate(texts)), encoding="utf-8")
    pq.write_table(pa.table({"id": [f"p{i}" for i in range(len(texts))], "text": texts}),
                   d / "c.parquet", row_group_size=5)
    with open(d / "c.csv", "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["id", "text"], *([f"c{i}", t] for i, t in enumerate(texts))])
    (d / "c.json").write_text(json.dumps([{"id": f"k{i}", "text": t} for i, t in enumerate(texts)]),
                              encoding="utf-8")
    return expand([str(ROOT / "seeds"), str(d / "c.jsonl"), str(d / "c.parquet"),
                   str(d / "c.csv"), str(d / "c.json")])


DASK = pytest.mark.xdist_group("dask")       # one xdist worker runs them all: one cluster


@pytest.fixture(scope="module")
def scheduler():
    """The address of one 2-worker LocalCluster (started as ``run_dask`` starts its own) that
    the Dask runs of this module share: a cluster costs seconds of CPU to start, and its
    workers keep their Extractor from one run to the next."""
    with _client(None, 2) as client:
        yield client.scheduler.address


def doc_paths(docs):
    return [d.path for d in docs]


@pytest.mark.parametrize("partitions", [1, 3, 7, 50])
def test_plan_covers_every_document_once_in_order(corpus, partitions):
    runs = plan(corpus, partitions)
    assert 1 <= len(runs) <= partitions
    planned = [d for run in runs for piece in run for d in read_piece(piece, InputOptions(id_field="id"))]
    assert doc_paths(planned) == doc_paths(read_inputs(corpus, InputOptions(id_field="id")))


@DASK
def test_dask_on_two_workers_equals_one_process(corpus, scheduler, tmp_path):
    ex = Extractor.from_directory(with_borders=False)
    local = tmp_path / "local.parquet"
    n = write_parquet((mention_record(m) for m in ex.extract_all(read_inputs(corpus, InputOptions(id_field="id")))),
                      local)
    out = tmp_path / "dask.parquet"
    assert run_dask(corpus, str(out), with_borders=False, scheduler=scheduler, partitions=4,
                    options=InputOptions(id_field="id"), quiet=True) == n > 100
    parts = sorted(p.name for p in out.iterdir())
    assert 2 <= len(parts) <= 4 and parts == [f"part-{i:05d}.parquet" for i in range(len(parts))]
    assert pq.read_table(out).equals(pq.read_table(local))
    run_dask(corpus[:1], str(out), with_borders=False, scheduler=scheduler, partitions=1,
             quiet=True)                                                        # replaces it
    assert pq.read_table(out).num_rows < n


@DASK
def test_dask_extract_takes_the_input_options_and_texts_out(scheduler, tmp_path):
    """``extract --engine dask`` with --texts-out, --date-field and --encoding writes the same
    Parquet rows and the same text files (names, repeated names and bytes) as one process."""
    from click.testing import CliRunner

    from geomap.cli import cli

    src = tmp_path / "in"
    (src / "a").mkdir(parents=True)
    texts = [read_document(p).text for p in SEEDS]
    for i, t in enumerate(texts):            # cp1257 files, two of them named "a/x y" and "a/x_y"
        (src / ("a/x y.txt" if i == 0 else "a/x_y.txt" if i == 1 else f"s{i}.txt")).write_bytes(
            (t + " Dieveniškės, Švenčionys.").encode("cp1257", "replace"))
    (src / "t.jsonl").write_text("".join(json.dumps({"text": t, "day": f"2021-08-{i + 10}"}) + "\n"
                                         for i, t in enumerate(texts * 2)), encoding="utf-8")
    common = [str(src), "--encoding", "cp1257", "--date-field", "day", "-q"]
    runner = CliRunner()
    local = runner.invoke(cli, ["extract", *common, "--texts-out", str(tmp_path / "lt"),
                                "-o", str(tmp_path / "local.parquet")])
    assert local.exit_code == 0, local.output
    dask = runner.invoke(cli, ["extract", *common, "--texts-out", str(tmp_path / "dt"),
                               "--engine", "dask", "--scheduler", scheduler, "--partitions", "3",
                               "-o", str(tmp_path / "dask.parquet")])
    assert dask.exit_code == 0, dask.output
    assert pq.read_table(tmp_path / "dask.parquet").equals(pq.read_table(tmp_path / "local.parquet"))
    names = sorted(p.name for p in (tmp_path / "lt").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "dt").iterdir())
    assert len(names) == len(texts) * 3 and any(n.endswith("x_y.txt-2.txt") for n in names)
    for n in names:
        assert (tmp_path / "dt" / n).read_bytes() == (tmp_path / "lt" / n).read_bytes()
    (decoded,) = [n for n in names if n.endswith("s2.txt.txt")]
    assert "Dieveniškės" in (tmp_path / "dt" / decoded).read_text(encoding="utf-8")


@DASK
def test_dask_incidents_on_two_workers_give_the_bytes_of_one_process(scheduler, tmp_path):
    """``incidents --engine dask`` (text files and a JSON Lines table, cut in partitions):
    the same bytes as one process."""
    from click.testing import CliRunner
    from test_api import corpus

    from geomap.cli import cli

    src = tmp_path / "in"
    src.mkdir()
    docs = corpus(90)
    for doc in docs[:60]:
        (src / doc.path).write_text(doc.text, encoding="utf-8")
    (src / "t.jsonl").write_text("".join(json.dumps({"text": d.text}) + "\n" for d in docs[60:]),
                                 encoding="utf-8")
    runner = CliRunner()
    outs = {}
    for engine in ("local", "dask"):
        out = tmp_path / f"{engine}.jsonl"
        res = runner.invoke(cli, ["incidents", str(src), "-q", "--engine", engine,
                                  "--scheduler", scheduler, "--partitions", "3", "-o", str(out)])
        assert res.exit_code == 0, res.output
        outs[engine] = out.read_bytes()
    assert outs["dask"] == outs["local"] and outs["local"].count(b"\n") > 3
