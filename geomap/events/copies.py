r"""Copies and near-copies of documents (wire stories republished by many outlets), found in
one pass with exact sentence fingerprints.

A sentence's fingerprint is the 64-bit FNV-1a hash of its lower-cased words (``\w+``, joined by
single spaces, over their code points: punctuation and spacing ignored); sentences of fewer
than ``MIN_WORDS`` words ("Photo: AFP") are left out. The hash runs compiled
(``geomap/_keyscan.c``) when it is built; ``word_print`` is the same loop in Python.
A document whose fingerprints are at least ``SHARE`` shared with one earlier document joins
that document's copy group; otherwise it starts a group and its fingerprints are indexed.
Time and memory are linear in the input (only group founders are indexed, at most
``MAX_SENTENCES`` sentences each).
"""
from __future__ import annotations

import re
from collections import Counter

from ..model import Document
from ..keyscan import compiled
from ..texts import sentence_spans

MIN_WORDS = 6
SHARE = 0.5
MAX_SENTENCES = 64
_WORD = re.compile(r"\w+")
_FNV_OFFSET, _FNV_PRIME, _MASK = 14695981039346656037, 1099511628211, (1 << 64) - 1


def word_print(text: str, start: int, end: int, min_words: int) -> int:
    """The FNV-1a hash of the words of ``text[start:end]`` (lower-cased already) joined by
    single spaces, or 0 for fewer than ``min_words`` words (a hash of 0 is given as 1)."""
    words = _WORD.findall(text, start, end)
    if len(words) < min_words:
        return 0
    h = _FNV_OFFSET
    for ch in " ".join(words):
        h = ((h ^ ord(ch)) * _FNV_PRIME) & _MASK
    return h or 1


_word_print = getattr(compiled, "word_print", word_print)


def fingerprint(sentence: str) -> int:
    """The fingerprint of a sentence (0 when it is too short to tell copies apart)."""
    low = sentence.lower()
    return _word_print(low, 0, len(low), MIN_WORDS)


def fingerprints(text: str) -> tuple[int, ...]:
    """The distinct fingerprints of the first ``MAX_SENTENCES`` fingerprinted sentences of
    ``text``, in order (what ``CopyIndex.assign`` needs of a document)."""
    low = text.lower()
    same = len(low) == len(text)            # else ("İ" lower-cases to two characters) each
    prints: list[int] = []                  # sentence is lower-cased on its own
    for a, b in sentence_spans(text):
        if len(prints) >= MAX_SENTENCES:
            break
        f = _word_print(low, a, b, MIN_WORDS) if same else fingerprint(text[a:b])
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
