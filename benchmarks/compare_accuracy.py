#!/usr/bin/env python3
"""Score geomap and flashgeotext on the same gold folder, side by side, in one run.

Usage: python benchmarks/compare_accuracy.py [GOLD_DIR] [--markdown]
(default GOLD_DIR: ../shared/eval/dev; needs the optional extra: pip install -e '.[bench]')
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from peers import flashgeotext_records  # noqa: E402

from geomap.evaluate import load_gold, score_mentions  # noqa: E402
from geomap.extract import Extractor  # noqa: E402
from geomap.io.records import mention_record  # noqa: E402
from geomap.texts import read_document  # noqa: E402

ROWS = [("all mentions P", "all", "precision"), ("all mentions R", "all", "recall"),
        ("all mentions F1", "all", "f1"), ("in-scope P", "in_scope", "precision"),
        ("in-scope R", "in_scope", "recall"), ("in-scope F1", "in_scope", "f1"),
        ("acc@10km", "resolution", "acc_10km"), ("acc@161km", "resolution", "acc_161km")]


def run(gold_dir: str) -> dict[str, dict]:
    docs = load_gold(gold_dir)
    texts = {n: read_document(os.path.join(gold_dir, n)) for n in sorted(docs)}
    extractor = Extractor.from_directory()
    systems = {
        "geomap": lambda d: [mention_record(m) for m in extractor.extract(d)],
        "flashgeotext": lambda d: flashgeotext_records(d.path, d.text),
    }
    results = {}
    for name, system in systems.items():
        system(texts[next(iter(texts))])                       # warm up (loading)
        t = time.perf_counter()
        preds = [r for d in texts.values() for r in system(d)]
        seconds = time.perf_counter() - t
        results[name] = score_mentions(docs, preds) | {"seconds": seconds}
    return results


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("--")]
    gold_dir = args[0] if args else str(Path(__file__).resolve().parents[2] / "shared/eval/dev")
    results = run(gold_dir)
    names = list(results)
    print("| measure | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    for label, group, field in ROWS:
        print(f"| {label} | " + " | ".join(f"{results[n][group][field]:.3f}" for n in names) + " |")
    print("| mentions resolved (n) | " + " | ".join(str(results[n]["resolution"]["n"])
                                                for n in names) + " |")
    print("| seconds for the folder | " + " | ".join(f"{results[n]['seconds']:.3f}"
                                                   for n in names) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
