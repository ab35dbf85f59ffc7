#!/usr/bin/env python3
"""End-to-end documents/s of geomap's commands as a user runs them, beside flashgeotext's bare
extraction loop on the same texts, in one run; printed as a Markdown table.

Usage: python benchmarks/end_to_end.py [--docs 2000 20000] [--runs 3] [--workdir DIR]
                                       [--commands extract incidents map report]
Needs the extra: pip install -e '.[bench]'.

For each corpus size N the corpus (``corpus.py``) is written as N text files in one folder.
A command's figure is N / (T_N - T_1): the whole process on the folder less the same command
on a folder of one of those files (start-up, imports, gazetteer load), the median over the
runs. flashgeotext's figure is N over its in-process loop (``peers.flashgeotext_records``,
texts already in memory). Each run takes every command and flashgeotext in turn, so a change
in the machine's load touches all alike; the ratio column is the median of the per-run
ratios.
"""
from __future__ import annotations

import argparse
import json
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


def wall(args: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


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

    work = Path(args.workdir or tempfile.mkdtemp(prefix="geomap-e2e-"))
    work.mkdir(parents=True, exist_ok=True)
    print("| documents | command | docs/s | flashgeotext docs/s | ratio (runs) |")
    print("|---|---|---|---|---|")
    for n in args.docs:
        folder = folder_corpus(work, n)
        files = sorted(folder.glob("*.txt"))
        one = work / f"one-{n}"
        one.mkdir(exist_ok=True)
        (one / files[0].name).write_bytes(files[0].read_bytes())
        texts = [(str(p), p.read_text(encoding="utf-8")) for p in files]
        for path, text in texts[:20]:
            flashgeotext_records(path, text)                 # warm-up: load its lists
        times: dict[str, list[float]] = {c: [] for c in args.commands}
        flash: list[float] = []
        for run in range(args.runs):
            for c in args.commands:
                full = wall(command(c, folder, work / f"out-{c}"))
                small = wall(command(c, one, work / f"one-{c}"))
                times[c].append(full - small)
                print(f"N={n} run {run + 1} {c}: {full:.1f} s - {small:.1f} s", file=sys.stderr)
            t = time.perf_counter()
            for path, text in texts:
                flashgeotext_records(path, text)
            flash.append(time.perf_counter() - t)
            print(f"N={n} run {run + 1} flashgeotext: {flash[-1]:.1f} s", file=sys.stderr)
        f_rate = n / statistics.median(flash)
        for c in args.commands:
            rate = n / statistics.median(times[c])
            ratios = sorted(fl / g for g, fl in zip(times[c], flash))
            print(f"| {n:,} | `{c}` | {rate:,.0f} | {f_rate:,.0f} | "
                  f"{statistics.median(ratios):.2f}x ({', '.join(f'{r:.2f}' for r in ratios)}) |",
                  flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
