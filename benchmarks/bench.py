#!/usr/bin/env python3
"""Speed and scale of geomap in one run, printed as a Markdown table (see docs/benchmarks.md).

Usage: python benchmarks/bench.py [--docs 20000] [--runs 3] [--rss-docs 200000]
                                  [--dask-docs 100000] [--workdir DIR]
Needs the extras: pip install -e '.[bench,dask]'. Every figure is the median of --runs runs.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import ROOT, build_corpus  # noqa: E402

from geomap import accel  # noqa: E402
from geomap.extract import Extractor  # noqa: E402
from geomap.io.records import mention_record  # noqa: E402
from geomap.texts import read_jsonl  # noqa: E402

BIN = Path(sys.executable).parent


def median_of(runs: int, fn: Callable[[], float]) -> float:
    return statistics.median(fn() for _ in range(runs))


def wall(cmd: list[str], env: dict | None = None) -> float:
    """Seconds a command takes; raise with its stderr when it fails."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _, status, _ = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t
    err = proc.stderr.read().decode(errors="replace").strip()
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status):
        raise RuntimeError(f"{' '.join(cmd[:3])}...: {err.splitlines()[-1] if err else status}")
    return seconds


# Linux keeps a process's peak RSS across exec, so a child forked from this (large) process
# would report this process's size: a small interpreter starts the command and reports.
_RSS = ("import os, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
        "_, status, usage = os.wait4(p.pid, 0)\n"
        "print(time.perf_counter() - t, usage.ru_maxrss)\n"
        "sys.exit(os.waitstatus_to_exitcode(status))\n")


def peak_rss(cmd: list[str]) -> tuple[float, int]:
    """Seconds and peak RSS (KiB) of a command started from a fresh small interpreter."""
    proc = subprocess.run([sys.executable, "-c", _RSS, *cmd], cwd=ROOT, capture_output=True,
                          text=True)
    if proc.returncode:
        err = proc.stderr.strip()
        raise RuntimeError(f"{' '.join(cmd[:3])}...: {err.splitlines()[-1] if err else proc.returncode}")
    seconds, kib = proc.stdout.split()
    return float(seconds), int(kib)


def throughputs(docs, extractors: list[Callable], runs: int) -> list[list[float]]:
    """Seconds each extractor takes to turn every document into mention records, ``runs``
    times, the extractors alternating (so that a change in the machine's speed touches all
    alike)."""
    for extract in extractors:
        for d in docs[:20]:
            extract(d)                                    # warm up (lazy loading)

    def once(extract: Callable) -> float:
        t = time.perf_counter()
        for d in docs:
            extract(d)
        return time.perf_counter() - t
    times: list[list[float]] = [[] for _ in extractors]
    for _ in range(runs):
        for seconds, extract in zip(times, extractors):
            seconds.append(once(extract))
    return times


def pure_python(extract: Callable) -> Callable:
    """``extract`` run with the Python rules in place of the compiled scanners."""
    from geomap import mentions, texts

    def run(d):
        compiled = mentions._scan, mentions.sentence_spans
        mentions._scan, mentions.sentence_spans = mentions.scan_words, texts.sentence_spans_py
        try:
            return extract(d)
        finally:
            mentions._scan, mentions.sentence_spans = compiled
    return run


def has_borders() -> bool:
    import importlib.util

    return importlib.util.find_spec("geomap.border") is not None


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=20_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--rss-docs", type=int, default=0, help="also measure extract's RSS here")
    ap.add_argument("--dask-docs", type=int, default=0, help="also time Dask on 1 and 2 workers")
    ap.add_argument("--workdir", default=None)
    args = ap.parse_args(argv)
    work = Path(args.workdir or tempfile.mkdtemp(prefix="geomap-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    rows: list[tuple[str, str]] = []

    def row(label: str, value: str) -> None:
        rows.append((label, value))
        print(f"{label}: {value}", file=sys.stderr)

    def try_row(label: str, fn: Callable[[], str]) -> None:
        try:
            row(label, fn())
        except RuntimeError as exc:
            row(label, f"failed ({exc})")

    row("machine", f"{os.cpu_count()} cores, Python {sys.version.split()[0]}")
    row("compiled scanners", "yes (geomap/_speedups.c)" if accel.compiled else
        "no: pure Python (no C compiler at install, or GEOMAP_PURE_PYTHON set)")
    corpus = work / f"corpus-{args.docs}.jsonl"
    mb = build_corpus(corpus, args.docs) / 1e6
    row("corpus", f"{args.docs} documents, {mb:.1f} MB of text")
    docs = list(read_jsonl(str(corpus), "text", "id"))

    borders = has_borders()
    ex = Extractor.from_directory(with_borders=borders)
    extractors = {"geomap": lambda d: [mention_record(m) for m in ex.extract(d)]}
    try:
        from peers import flashgeotext_records
    except ImportError:
        flashgeotext_records = None
    else:
        extractors["flashgeotext"] = lambda d: flashgeotext_records(d.path, d.text)
    if accel.compiled:
        extractors["pure"] = pure_python(extractors["geomap"])
    times = dict(zip(extractors, throughputs(docs, list(extractors.values()), args.runs)))
    s_geo = statistics.median(times["geomap"])
    row(f"geomap extraction ({'with' if borders else 'without'} borders)",
        f"{len(docs) / s_geo:,.0f} docs/s, {mb / s_geo:.2f} MB/s")
    if "pure" in times:
        s_pure = statistics.median(times["pure"])
        row("geomap extraction, pure Python", f"{len(docs) / s_pure:,.0f} docs/s "
            f"(the compiled scanners: {s_pure / s_geo:.2f}x as fast)")
    if flashgeotext_records is None:
        row("flashgeotext extraction", "not installed (pip install -e '.[bench]')")
    else:
        s_flash = statistics.median(times["flashgeotext"])
        row("flashgeotext extraction", f"{len(docs) / s_flash:,.0f} docs/s, "
            f"{mb / s_flash:.2f} MB/s")
        for name, label in (("geomap", "geomap"), ("pure", "geomap pure Python")):
            if name in times:
                pairs = sorted(f / g for g, f in zip(times[name], times["flashgeotext"]))
                row(f"{label} / flashgeotext docs/s",
                    f"{s_flash / statistics.median(times[name]):.2f}x (runs: "
                    f"{', '.join(f'{r:.2f}x' for r in pairs)})")
    del docs

    py = [sys.executable, "-c"]
    load = ("import time; t = time.perf_counter(); from geomap.extract import Extractor; "
            "Extractor.from_directory(with_borders=False); print(time.perf_counter() - t)")

    def load_time(env=None) -> float:
        return float(subprocess.run(py + [load], env=env, cwd=ROOT, check=True,
                                    capture_output=True, text=True).stdout)
    row("gazetteer load, from cache", f"{median_of(args.runs, load_time):.3f} s")
    cold = lambda: load_time(os.environ | {"GEOMAP_CACHE_DIR": tempfile.mkdtemp(dir=work)})  # noqa: E731
    row("gazetteer load, building the cache", f"{median_of(args.runs, cold):.3f} s")

    geomap = str(BIN / "geomap")
    try_row("`geomap --help`", lambda: f"{median_of(max(5, args.runs), lambda: wall([geomap, '--help'])):.3f} s")
    try_row("`geomap map seeds/` vs `python -c 'import folium, shapely'`",
            lambda: map_vs_imports(geomap, work, max(9, args.runs)))

    def extract_rss(path: Path, n: int) -> str:
        seconds, kib = peak_rss([geomap, "extract", str(path), "--id-field", "id", "--quiet",
                                 "-o", str(work / "out.jsonl")])
        return f"{kib / 1024:.0f} MB peak RSS, {seconds:.1f} s ({n / seconds:,.0f} docs/s)"
    try_row(f"`geomap extract` on {args.docs} docs", lambda: extract_rss(corpus, args.docs))
    if args.rss_docs:
        big = work / f"corpus-{args.rss_docs}.jsonl"
        build_corpus(big, args.rss_docs, seed=1)
        try_row(f"`geomap extract` on {args.rss_docs} docs",
                lambda: extract_rss(big, args.rss_docs))
    if args.dask_docs:
        try_row(f"Dask on {args.dask_docs} docs", lambda: dask_rows(work, args.dask_docs))

    print("| measure | result |\n|---|---|")
    for label, value in rows:
        print(f"| {label} | {value} |")


def map_vs_imports(geomap: str, work: Path, pairs: int) -> str:
    """Alternate the two commands ``pairs`` times (so that a change in the machine's speed
    touches both alike): their median times and the median of the pairs' ratios."""
    imports, maps = [], []
    for _ in range(pairs):
        imports.append(wall([sys.executable, "-c", "import folium, shapely"]))
        maps.append(wall([geomap, "map", "seeds/", "-o", str(work / "map.html")]))
    ratio = statistics.median(m / i for m, i in zip(maps, imports))
    return (f"{statistics.median(maps):.3f} s vs {statistics.median(imports):.3f} s: "
            f"{ratio:.2f}x (median of {pairs} alternating pairs)")


def dask_rows(work: Path, n: int) -> str:
    """Single process vs Dask LocalCluster with 1 and 2 workers: times and identical output."""
    import pyarrow.parquet as pq

    corpus = work / f"corpus-{n}.jsonl"
    build_corpus(corpus, n, seed=2)
    base = [str(BIN / "geomap"), "extract", str(corpus), "--id-field", "id", "--quiet"]
    single = wall(base + ["-o", str(work / "single.parquet")])
    times = {w: wall(base + ["--engine", "dask", "--workers", str(w), "--partitions",
                             str(8 * w), "-o", str(work / f"dask{w}.parquet")])
             for w in (1, 2)}
    expected = pq.read_table(work / "single.parquet")
    same = all(pq.read_table(work / f"dask{w}.parquet").equals(expected) for w in (1, 2))
    return (f"single process {single:.1f} s; 1 worker {times[1]:.1f} s; 2 workers "
            f"{times[2]:.1f} s; speed-up {times[1] / times[2]:.2f}x; "
            f"output {'identical' if same else 'DIFFERENT'} ({expected.num_rows} rows)")


if __name__ == "__main__":
    main(sys.argv[1:])
