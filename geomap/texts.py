"""Reading input texts: files, directories of ``*.txt`` and ``-`` for stdin.

Offsets are Python ``str`` offsets into the text as ``open(path, encoding="utf-8").read()``
returns it (universal newlines); a leading ``" date YYYY-MM-DD "`` header stays part of the text.
"""
from __future__ import annotations

import datetime as dt
import io
import os
import re
import sys
from collections.abc import Iterable, Iterator

from .errors import InputError
from .model import Document

DATE_HEADER = re.compile(r"\ufeff?\s*date\s+(\d{4})-(\d{2})(?:-(\d{2}))?\s")
SENTENCE_END = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][\"'”’»)]))\s+(?=[\"'“‘«(]*[A-ZÀ-ŽА-ЯЁІЎ0-9])"
                          r"|[ \t]*\n\s*")


def parse_header(text: str) -> tuple[dt.date | None, int]:
    """Return the date of a leading date header and the offset where the prose starts."""
    m = DATE_HEADER.match(text)
    if not m:
        return None, 1 if text.startswith("\ufeff") else 0
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        date = dt.date(year, month, day) if day else None
    except ValueError:
        date = None
    return date, m.end()


def make_document(path: str, text: str) -> Document:
    """Build a Document from already-read text (date header and title line parsed)."""
    date, body = parse_header(text)
    title = next((ln.strip() for ln in text[body:].splitlines() if ln.strip()), "")
    return Document(path=path, text=text, date=date, title=title[:300])


def decode(data: bytes, label: str) -> str:
    """Decode UTF-8 bytes like ``open(..., encoding='utf-8').read()``; refuse binary input."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{label}: binary file (contains NUL bytes), not a text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{label}: not valid UTF-8 (byte {exc.start})") from None
    return io.StringIO(text, newline=None).read()


def read_document(path: str) -> Document:
    """Read one file (or ``-`` for stdin) into a Document."""
    if path == "-":
        return make_document("-", decode(sys.stdin.buffer.read(), "stdin"))
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    return make_document(path, decode(data, path))


def expand(inputs: Iterable[str]) -> list[str]:
    """Expand directories to their ``*.txt`` files (sorted); keep files and ``-`` as given."""
    paths: list[str] = []
    for item in inputs:
        if item != "-" and os.path.isdir(item):
            names = sorted(n for n in os.listdir(item) if n.endswith(".txt"))
            if not names:
                raise InputError(f"{item}: no *.txt files in this directory")
            paths += [os.path.join(item, n) for n in names]
        elif item != "-" and not os.path.exists(item):
            raise InputError(f"{item}: no such file or directory")
        else:
            paths.append(item)
    return paths


def read_documents(inputs: Iterable[str]) -> Iterator[Document]:
    """Yield a Document for every input path, lazily, in order."""
    for path in expand(inputs):
        yield read_document(path)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """All sentence (start, end) spans of a text, in order, whitespace trimmed."""
    spans, s = [], 0
    for m in SENTENCE_END.finditer(text):
        spans.append((s, m.start()))
        s = m.end()
    spans.append((s, len(text)))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out
