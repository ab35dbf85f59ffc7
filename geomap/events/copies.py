"""Copies and near-copies of documents (wire stories republished by many outlets), found in
one pass with exact sentence fingerprints.

A sentence's fingerprint is a 64-bit BLAKE2b hash of its lower-cased words (punctuation and
spacing ignored); sentences of fewer than ``MIN_WORDS`` words ("Photo: AFP") are left out.
A document whose fingerprints are at least ``SHARE`` shared with one earlier document joins
that document's copy group; otherwise it starts a group and its fingerprints are indexed.
Time and memory are linear in the input (only group founders are indexed, at most
``MAX_SENTENCES`` sentences each).
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter

from ..model import Document
from ..texts import sentence_spans

MIN_WORDS = 6
SHARE = 0.5
MAX_SENTENCES = 64
_WORD = re.compile(r"\w+")


def fingerprint(sentence: str) -> int:
    """The fingerprint of a sentence (0 when it is too short to tell copies apart)."""
    words = _WORD.findall(sentence.lower())
    if len(words) < MIN_WORDS:
        return 0
    return int.from_bytes(hashlib.blake2b(" ".join(words).encode(), digest_size=8).digest(),
                          "little")


def fingerprints(text: str) -> tuple[int, ...]:
    """The distinct fingerprints of the first ``MAX_SENTENCES`` fingerprinted sentences of
    ``text``, in order (what ``CopyIndex.assign`` needs of a document)."""
    prints: list[int] = []
    for a, b in sentence_spans(text):
        if len(prints) >= MAX_SENTENCES:
            break
        f = fingerprint(text[a:b])
        if f and f not in prints:
            prints.append(f)
    return tuple(prints)


class CopyIndex:
    """Assigns every document, in input order, the path of the first document it copies
    (itself when it copies none)."""

    def __init__(self) -> None:
        self._founder: dict[int, str] = {}     # fingerprint -> founding document's path
        self._size: dict[str, int] = {}        # founder path -> its number of fingerprints

    def add(self, doc: Document) -> str:
        """The copy group of ``doc`` (a founder's path)."""
        return self.assign(doc.path, fingerprints(doc.text))

    def assign(self, path: str, prints: tuple[int, ...]) -> str:
        """The copy group of the document at ``path`` with fingerprints ``prints`` (computed
        anywhere, e.g. on a worker process); documents must come in input order."""
        if not prints:
            return path
        founder = self._founder
        hits = [founder[f] for f in prints if f in founder]
        if hits:
            shared = Counter(hits)
            best = max(shared, key=lambda p: (shared[p], -self._size[p]))
            if shared[best] >= SHARE * min(len(prints), self._size[best]):
                return best
        for f in prints:
            founder.setdefault(f, path)
        self._size[path] = len(prints)
        return path
