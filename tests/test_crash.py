"""SIGKILL at random points never leaves a half-written gazetteer or map.

GEOMAP_CRASH_KILLS sets the number of kills per scenario (default 4 keeps the suite fast;
the figure in docs/hardening.md comes from a run with 60).
"""
import csv
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geomap.extract import Extractor
from geomap.places.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent
KILLS = int(os.environ.get("GEOMAP_CRASH_KILLS", "4"))
pytestmark = [pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL"), pytest.mark.slow]


def start(args, env):
    return subprocess.Popen([sys.executable, "-m", "geomap", *args], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def kill_after(proc, seconds):
    time.sleep(seconds)
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.wait()


def timed(args, env) -> float:
    t = time.perf_counter()
    assert subprocess.run([sys.executable, "-m", "geomap", *args], cwd=ROOT, env=env,
                          capture_output=True).returncode == 0
    return time.perf_counter() - t


def user_rows(directory: Path) -> list[dict]:
    path = directory / "local.csv"
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_killed_gazetteer_adds_leave_old_or_new_file(tmp_path):
    gaz = tmp_path / "gazetteer"
    shutil.copytree(ROOT / "gazetteer", gaz)
    env = dict(os.environ, GEOMAP_GAZETTEER=str(gaz), GEOMAP_CACHE_DIR=str(tmp_path / "cache"))
    base = ["gazetteer", "add", "--lat", "54.5", "--lon", "25.1", "--country", "LT",
            "--kind", "village"]
    duration = timed([*base[:2], "Crashtest Zero", *base[2:]], env)
    rnd = random.Random(7)
    for i in range(1, KILLS + 1):
        before = user_rows(gaz)
        kill_after(start([*base[:2], f"Crashtest {i:03d}", *base[2:]], env),
                   rnd.uniform(0, duration * 1.2))
        after = user_rows(gaz)
        assert len(after) - len(before) in (0, 1)
        assert [r for r in after if r in before] == before   # nothing lost or changed
    Gazetteer.load(gaz)                   # every row still parses
    res = subprocess.run([sys.executable, "-m", "geomap", "gazetteer", "validate"], cwd=ROOT,
                         env=env, capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr


def test_killed_map_writes_leave_old_or_new_file(tmp_path, monkeypatch):
    out = tmp_path / "map.html"
    args = ["map", "seeds/", "-o", str(out)]
    monkeypatch.chdir(ROOT)
    Extractor.from_directory()      # the gazetteer cache built (if it was not): the kills
    duration = timed(args, dict(os.environ))                      # are timed on a warm run
    reference = out.read_bytes()
    rnd = random.Random(11)
    for _ in range(KILLS):
        kill_after(start(args, dict(os.environ)), rnd.uniform(duration * 0.3, duration * 1.1))
        assert out.read_bytes() == reference          # old and new are the same bytes
