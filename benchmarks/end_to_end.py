#!/usr/bin/env python3
"""End-to-end documents/s of geomap's commands as a user runs them, beside flashgeotext's bare
extraction loop on the same texts, in one run; printed as a Markdown table.

Usage: python benchmarks/end_to_end.py [--docs 2000 20000] [--runs 3] [--workdir DIR]
                                       [--commands extract extract-j1 incidents map report]
Needs the extra: pip install -e '.[bench]'.

For each corpus size N the corpus (``corpus.py``) is written as N text files in one folder.
A command's figure is N / (T_N - T_1): the whole process on the folder less the same command
on a folder of one of those files (start-up, imports, gazetteer load), each the median over
the runs. flashgeotext's figure is N over its in-process loop (``peers.flashgeotext_records``,
texts already in memory). Each run takes every command and flashgeotext in turn, so a change
in the machine's load touches all alike; the ratio column is the median of the per-run
ratios (each run's T_N less the median T_1). The CPU columns give the same differences in CPU
time (user + system of the command and of the worker processes it waited for; flashgeotext's
process time): on a machine loaded by other work they move far less than wall times do.
``extract`` runs with its default ``--jobs`` (one process per available core, printed in the
table's heading); ``extract-j1`` is the same command on one process, as flashgeotext runs.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import build_corpus  # noqa: E402

BIN = Path(sys.executable).parent
COMMANDS = {
    "extract": ["extract", "{inp}", "--format", "jsonl", "--quiet", "-o", "{out}.jsonl"],
    "extract-j1": ["extract", "{inp}", "--format", "jsonl", "--quiet", "--jobs", "1",
                   "-o", "{out}.jsonl"],
    "incidents": ["incidents", "{inp}", "-o", "{out}.jsonl"],
    "map": ["map", "{inp}", "-o", "{out}.html"],
    "report": ["report", "{inp}", "-o", "{out}.html"],
}


def folder_corpus(work: Path, n: int) -> Path:
    """N text files (doc000000.txt ...) of the benchmark corpus, written once."""
    folder = work / f"files-{n}"
    if not folder.is_dir():
        table = work / f"corpus-{n}.jsonl"
        build_corpus(table, n)
        folder.mkdir()
        with open(table, encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                (folder / f"{row['id']}.txt").write_text(row["text"], encoding="utf-8")
    return folder


def timed(args: list[str]) -> tuple[float, float]:
    """The wall time and the CPU time (user + system, the process and the workers it waited
    for) of a command run to its end."""
    t = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, args)
    return time.perf_counter() - t, usage.ru_utime + usage.ru_stime


def command(name: str, inp: Path, out: Path) -> list[str]:
    return [str(BIN / "geomap")] + [a.format(inp=inp, out=out) for a in COMMANDS[name]]


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, nargs="+", default=[2_000, 20_000])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--commands", nargs="+", default=list(COMMANDS), choices=list(COMMANDS))
    ap.add_argument("--workdir", default=None)
    args = ap.parse_args(argv)
    from peers import flashgeotext_records

    from geomap.parallel import auto_jobs, available_cores

    work = Path(args.workdir or tempfile.mkdtemp(prefix="geomap-e2e-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"Cores available: {available_cores()}; `extract` runs {auto_jobs()} process(es) "
          "by default, `extract-j1` one; flashgeotext one.\n")
    print("| documents | command | docs/s | flashgeotext docs/s | ratio (runs) "
          "| CPU s/1,000 docs: geomap, flashgeotext | CPU ratio |")
    print("|---|---|---|---|---|---|---|")
    for n in args.docs:
        folder = folder_corpus(work, n)
        files = sorted(folder.glob("*.txt"))
        one = work / f"one-{n}"
        one.mkdir(exist_ok=True)
        (one / files[0].name).write_bytes(files[0].read_bytes())
        texts = [(str(p), p.read_text(encoding="utf-8")) for p in files]
        for path, text in texts[:20]:
            flashgeotext_records(path, text)                 # warm-up: load its lists
        full: dict[str, list[tuple[float, float]]] = {c: [] for c in args.commands}
        small: dict[str, list[tuple[float, float]]] = {c: [] for c in args.commands}
        flash: list[tuple[float, float]] = []
        for run in range(args.runs):
            for c in args.commands:
                full[c].append(timed(command(c, folder, work / f"out-{c}")))
                small[c].append(timed(command(c, one, work / f"one-{c}")))
                print(f"N={n} run {run + 1} {c}: {full[c][-1][0]:.1f} s - "
                      f"{small[c][-1][0]:.1f} s (CPU {full[c][-1][1]:.1f} s - "
                      f"{small[c][-1][1]:.1f} s)", file=sys.stderr)
            t, cpu = time.perf_counter(), time.process_time()
            for path, text in texts:
                flashgeotext_records(path, text)
            flash.append((time.perf_counter() - t, time.process_time() - cpu))
            print(f"N={n} run {run + 1} flashgeotext: {flash[-1][0]:.1f} s "
                  f"(CPU {flash[-1][1]:.1f} s)", file=sys.stderr)
        f_wall = statistics.median(w for w, _ in flash)
        f_cpu = statistics.median(u for _, u in flash)
        for c in args.commands:
            # Start-up is the median of the one-file runs: a single one is as noisy as the
            # machine's load.
            w1 = statistics.median(w for w, _ in small[c])
            u1 = statistics.median(u for _, u in small[c])
            g_wall = statistics.median(w for w, _ in full[c]) - w1
            g_cpu = statistics.median(u for _, u in full[c]) - u1
            ratios = sorted(fw / (w - w1) for (w, _), (fw, _) in zip(full[c], flash))
            print(f"| {n:,} | `{c}` | {n / g_wall:,.0f} | {n / f_wall:,.0f} | "
                  f"{statistics.median(ratios):.2f}x ({', '.join(f'{r:.2f}' for r in ratios)}) "
                  f"| {1000 * g_cpu / n:.2f}, {1000 * f_cpu / n:.2f} | {f_cpu / g_cpu:.2f}x |",
                  flush=True)

if __name__ == "__main__":
    main(sys.argv[1:])
