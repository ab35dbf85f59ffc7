"""A synthetic benchmark corpus: the dev and seed texts repeated, each copy's sentences
shuffled (so no two documents are alike and no cache can replay a whole text), written as
JSON Lines rows ``{"id": "doc000001", "text": ...}``."""
from __future__ import annotations

import json
import random
from pathlib import Path

from geomap.texts import expand, read_document, sentence_spans

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
