"""A synthetic benchmark corpus: the dev and seed texts repeated, each copy's sentences
shuffled (so no two documents are alike and no cache can replay a whole text), written as
JSON Lines rows ``{"id": "doc000001", "text": ...}`` or as a folder of ``*.txt`` files with
date headers (a source's own date, else a day of 2021-06..2022-05, a copy moved by up to
six weeks).

    python benchmarks/corpus.py OUT --docs 2000 [--files] [--seed 0]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path

from geomap.texts import expand, parse_header, read_document, sentence_spans

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT.parent / "shared" / "eval" / "dev", ROOT / "seeds")


def source_texts(sources=SOURCES) -> list[str]:
    """The texts of every ``*.txt`` of the source folders that exist."""
    return [read_document(p).text for p in expand(str(s) for s in sources if Path(s).is_dir())]


def build_corpus(path: str | Path, n: int, *, seed: int = 0, sources=SOURCES) -> int:
    """Write ``n`` shuffled documents to the JSON Lines file ``path``; return its size in
    bytes of text (UTF-8)."""
    texts = [[t[a:b] for a, b in sentence_spans(t)] for t in source_texts(sources)]
    rnd = random.Random(seed)
    size = 0
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            sentences = list(texts[i % len(texts)])
            rnd.shuffle(sentences)
            text = "\n".join(sentences)
            size += len(text.encode())
            fh.write(json.dumps({"id": f"doc{i:06d}", "text": text}, ensure_ascii=False) + "\n")
    return size


def build_folder(path: str | Path, n: int, *, seed: int = 0, sources=SOURCES) -> int:
    """Write ``n`` shuffled documents as ``path/docNNNNNN.txt``, each with a date header;
    return their size in bytes (UTF-8)."""
    rnd = random.Random(seed)
    sources_ = []
    for t in source_texts(sources):
        date, body = parse_header(t)
        prose = t[body:]
        sources_.append((date, [prose[a:b] for a, b in sentence_spans(prose)]))
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    size, first = 0, dt.date(2021, 6, 1)
    for i in range(n):
        date, sentences = sources_[i % len(sources_)]
        sentences = list(sentences)
        rnd.shuffle(sentences)
        date = (date or first + dt.timedelta(days=rnd.randrange(365))) + \
            dt.timedelta(days=rnd.randrange(-42, 43) if i >= len(sources_) else 0)
        text = f" date {date.isoformat()} " + "\n".join(s.strip() for s in sentences) + "\n"
        size += len(text.encode())
        (folder / f"doc{i:06d}.txt").write_text(text, encoding="utf-8")
    return size


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", help="JSON Lines file, or folder with --files")
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--files", action="store_true", help="a folder of dated *.txt files")
    a = ap.parse_args()
    size = (build_folder if a.files else build_corpus)(a.out, a.docs, seed=a.seed)
    print(f"{a.out}: {a.docs} documents, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
