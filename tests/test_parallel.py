"""Ordered, bounded batch map on forked processes (``geomap.parallel``) and ``extract --jobs``."""
import itertools
import multiprocessing
import os
import signal
import subprocess
import sys

import pytest
from click.testing import CliRunner

from geomap.cli import cli
from geomap.errors import InputError
from geomap.parallel import auto_jobs, available_cores, map_batches

pytestmark = pytest.mark.usefixtures("compiled_once")   # loading is not under test


def pid_and_items(batch):
    return os.getpid(), [x * x for x in batch]


def test_results_come_in_input_order_and_equal_one_process():
    items = list(range(1000))
    one = [r for _, r in map_batches(pid_and_items, items, 1, batch=7)]
    two = list(map_batches(pid_and_items, items, 2, batch=7))
    assert [r for _, r in two] == one
    assert list(itertools.chain.from_iterable(one)) == [x * x for x in items]
    assert {pid for pid, _ in two} - {os.getpid()}          # the batches ran elsewhere


def test_an_input_of_one_batch_runs_here():
    out = list(map_batches(pid_and_items, range(5), 4, batch=10))
    assert out == [(os.getpid(), [0, 1, 4, 9, 16])]
    assert list(map_batches(pid_and_items, [], 4)) == []


def test_input_is_read_lazily():
    consumed = []

    def endless():
        for x in itertools.count():
            consumed.append(x)
            yield x

    out = map_batches(pid_and_items, endless(), 2, batch=10)
    first = [r for _, r in itertools.islice(out, 3)]
    out.close()                                             # stops the workers
    assert first == [[x * x for x in range(k, k + 10)] for k in (0, 10, 20)]
    assert len(consumed) <= 10 * (3 + 2 * 2) + 1            # at most 2 * jobs batches ahead


def test_worker_errors_reach_the_caller():
    def fail(batch):
        if 50 in batch:
            raise ValueError("boom")
        return batch

    with pytest.raises(ValueError, match="boom"):
        list(map_batches(fail, range(100), 2, batch=10))


def test_auto_jobs_is_one_per_core():
    assert 1 <= auto_jobs() <= available_cores()


@pytest.mark.slow
def test_extract_jobs_gives_the_same_bytes(tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    sentences = ["Migrants were found near Dieveniškės on Monday.",
                 "Polish guards reported 40 attempts at Kuźnica and Białowieża.",
                 "Latvian border guards in Daugavpils said 12 people crossed from Belarus.",
                 "Šalčininkai district police detained a driver near Medininkai."]
    for k in range(150):
        (folder / f"d{k:03}.txt").write_text(
            " ".join(sentences[(k + i) % 4] for i in range(k % 4 + 1)), encoding="utf-8")
    outs = []
    for jobs in ("1", "2", "3"):
        out = tmp_path / f"out{jobs}.jsonl"
        res = CliRunner().invoke(cli, ["extract", str(folder), "--quiet", "--jobs", jobs,
                                       "-o", str(out)], catch_exceptions=False)
        assert res.exit_code == 0
        outs.append(out.read_bytes())
    assert outs[0].count(b"\n") > 300
    assert outs[0] == outs[1] == outs[2]


@pytest.mark.slow
def test_a_callers_frozen_objects_stay_frozen():
    import gc

    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert len(list(map_batches(pid_and_items, range(100), 2, batch=10))) == 10
        assert gc.get_freeze_count() >= frozen > 0
    finally:
        gc.unfreeze()
    list(map_batches(pid_and_items, range(100), 2, batch=10))
    assert gc.get_freeze_count() == 0


def test_extract_jobs_report_unreadable_inputs_and_notices_alike(tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    for k in range(100):          # read on the workers, reported by the main process in order
        (folder / f"d{k:03}.txt").write_text(f"Day {k}: 12 people near Vilnius.",
                                             encoding="utf-8")
    (folder / "d040.txt").write_bytes("Migrantai prie Šalčininkų.".encode("cp1257"))
    (folder / "d050.txt").write_bytes(b"\x00\x01 binary")
    (folder / "d060.txt").write_bytes(b"")
    runs = []
    before = set(multiprocessing.active_children())    # (a Dask cluster of other tests)
    for jobs in ("1", "2"):
        out = tmp_path / "out.jsonl"
        res = CliRunner().invoke(cli, ["extract", str(folder), "-v", "--quiet", "--jobs", jobs,
                                       "-o", str(out)])
        runs.append((res.exit_code, res.stderr, out.read_bytes()))
        strict = CliRunner().invoke(cli, ["extract", str(folder), "--strict", "--jobs", jobs,
                                          "-o", str(tmp_path / "strict.jsonl")])
        assert isinstance(strict.exception, InputError)     # the CLI's main: exit 1
        assert "d050.txt: binary" in str(strict.exception)
        assert not (tmp_path / "strict.jsonl").exists()
        assert set(multiprocessing.active_children()) <= before  # the workers stopped
    assert runs[0] == runs[1]
    code, err, data = runs[0]
    assert code == 3 and data.count(b"\n") >= 97
    assert err.index("d040.txt: read as") < err.index("skipped") < err.index("d060.txt")


def test_extract_runs_a_small_input_in_process_by_default(tmp_path, monkeypatch):
    import geomap.parallel as parallel
    from geomap.cli.extract_cmd import SMALL_INPUT

    used = []
    real = parallel.map_batches
    monkeypatch.setattr(parallel, "map_batches",
                        lambda func, items, jobs: used.append(jobs) or real(func, items, jobs))
    monkeypatch.setattr(parallel, "auto_jobs", lambda: 2)
    folder = tmp_path / "texts"
    folder.mkdir()
    for k in range(SMALL_INPUT):
        (folder / f"d{k:03}.txt").write_text("12 people near Vilnius.", encoding="utf-8")
    for args in ([], ["--jobs", "2"]):
        res = CliRunner().invoke(cli, ["extract", str(folder / "d001.txt"), str(folder / "d002.txt"),
                                       "--quiet", *args, "-o", str(tmp_path / "o.jsonl")])
        assert res.exit_code == 0
    res = CliRunner().invoke(cli, ["extract", str(folder), "--quiet", "-o", str(tmp_path / "o.jsonl")])
    assert res.exit_code == 0 and (tmp_path / "o.jsonl").read_bytes().count(b"\n") == SMALL_INPUT
    assert used == [1, 2, 2]          # fewer files than SMALL_INPUT: here, unless --jobs says


def _pid_and(x):
    return os.getpid(), x * 2


def _fails(x):
    raise ValueError(f"bad {x}")


def test_beside_computes_on_a_forked_process_and_fails_here():
    from geomap.parallel import beside

    result = beside(_pid_and, 21)
    pid, value = result()
    assert value == 42 and pid != os.getpid()
    failing = beside(_fails, 1)
    with pytest.raises(ValueError, match="bad 1"):
        failing()


# Run in a fresh interpreter: a small parent forks its workers cheaply (from a test process
# that has loaded much of the suite, the 15 early stops cost ~20 s of CPU), and a hung run is
# ended, with its workers, by the timeout.
STOP_EARLY = """
import multiprocessing
from geomap.parallel import map_batches

def big_result(batch):
    return [bytes(200_000)] * len(batch)     # workers are likely mid-send when the run stops

for _ in range(15):               # the old code (Pool.terminate) hung after 5-10 stops
    results = map_batches(big_result, range(400), 2, batch=4)
    next(results)
    results.close()
    assert not multiprocessing.active_children()
print("stopped 15 times")
"""


def test_stopping_early_never_hangs_and_leaves_no_worker():
    # Pool.terminate() on a worker that is sending its result can leave the result queue's
    # lock held and hang the caller; an early stop lets the batches in flight finish instead.
    proc = subprocess.Popen([sys.executable, "-c", STOP_EARLY], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail("map_batches hung when stopped early")
    assert (proc.returncode, out) == (0, "stopped 15 times\n"), err
