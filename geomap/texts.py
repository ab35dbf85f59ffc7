"""Reading input texts: files, directories of ``*.txt``, ``-`` for stdin, and tables (JSON Lines
or Parquet files with a text column, one document a row).

Offsets are Python ``str`` offsets into the text as ``open(path, encoding="utf-8").read()``
returns it (universal newlines); a leading ``" date YYYY-MM-DD "`` header stays part of the text.
A table row's offsets are into its text value as stored.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator

from .accel import compiled
from .errors import InputError
from .model import Document

DATE_HEADER = re.compile(r"\ufeff?\s*date\s+(\d{4})-(\d{2})(?:-(\d{2}))?\s")
# A sentence ends at a line break, or at whitespace (group 1) after ".", "!", "?" or "…" (and
# maybe a closing quote or bracket) before a capital or digit (maybe after an opening quote or
# bracket). Each match ends where the next sentence starts; the regex engine skips ahead to the
# first character class.
SENTENCE_END = re.compile(r"[.!?…\n](?:(?<=\n)\s*|[\"'”’»)]?(\s+)(?=[\"'“‘«(]*[A-ZÀ-ŽА-ЯЁІЎ0-9]))")


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
        return _check_not_empty(make_document("-", decode(sys.stdin.buffer.read(), "stdin")))
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    return _check_not_empty(make_document(path, decode(data, path)))


def _check_not_empty(doc: Document) -> Document:
    if not doc.text.strip():
        raise InputError(f"{doc.path}: empty (no text)")
    return doc


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


OnError = Callable[[str, InputError], None]


def read_documents(inputs: Iterable[str], on_error: OnError | None = None) -> Iterator[Document]:
    """Yield a Document for every input path, lazily, in order. An unreadable input raises
    InputError, or, with ``on_error``, is passed to it and skipped."""
    return _each(expand(inputs), lambda path: iter((read_document(path),)), on_error)


def _each(paths: Iterable[str], read: Callable[[str], Iterator[Document]],
          on_error: OnError | None) -> Iterator[Document]:
    """The documents ``read`` gives for each path; an InputError goes to ``on_error``."""
    for path in paths:
        try:
            yield from read(path)
        except InputError as exc:
            if on_error is None:
                raise
            on_error(path, exc)


TABLE_SUFFIXES = (".jsonl", ".ndjson", ".parquet", ".pq")


def is_table(path: str) -> bool:
    """True for a JSON Lines or Parquet input (by its suffix)."""
    return path.lower().endswith(TABLE_SUFFIXES)


def row_document(path: str, row: int, values: dict, text_field: str,
                 id_field: str | None) -> Document:
    """The Document of one table row (row numbers from 1): its path is the ``id_field``
    value, else ``PATH#ROW``."""
    text = values.get(text_field)
    if not isinstance(text, str):
        raise InputError(f"{path}#{row}: no text in field {text_field!r}")
    if id_field is None:
        return make_document(f"{path}#{row}", text)
    ident = values.get(id_field)
    if ident is None:
        raise InputError(f"{path}#{row}: no value in id field {id_field!r}")
    return make_document(str(ident), text)


def read_jsonl(path: str, text_field: str = "text", id_field: str | None = None, *,
               start: int = 0, stop: int | None = None, first_row: int = 1
               ) -> Iterator[Document]:
    """Documents of a JSON Lines file, line by line; with ``start``/``stop`` only the lines
    that begin in that byte range (``first_row`` numbers the first of them). Blank lines
    count as rows but yield nothing."""
    try:
        with open(path, "rb") as fh:
            fh.seek(start)
            row, pos = first_row, start
            for line in fh:
                if stop is not None and pos >= stop:
                    break
                pos += len(line)
                if line.strip():
                    try:
                        values = json.loads(line)
                    except ValueError:
                        raise InputError(f"{path}#{row}: not a JSON object") from None
                    if not isinstance(values, dict):
                        raise InputError(f"{path}#{row}: not a JSON object")
                    yield row_document(path, row, values, text_field, id_field)
                row += 1
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None


def read_parquet(path: str, text_field: str = "text", id_field: str | None = None, *,
                 row_groups: list[int] | None = None, first_row: int = 1,
                 batch_size: int = 1024) -> Iterator[Document]:
    """Documents of a Parquet file, read in record batches (only the text and id columns);
    ``row_groups`` restricts it to those row groups, ``first_row`` numbering their first row."""
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except Exception as exc:  # noqa: BLE001 - pyarrow raises several kinds for a bad file
        raise InputError(f"{path}: not a Parquet file ({exc})") from None
    columns = [text_field] + ([id_field] if id_field and id_field != text_field else [])
    missing = [c for c in columns if c not in pf.schema_arrow.names]
    if missing:
        raise InputError(f"{path}: no column {missing[0]!r}")
    row = first_row
    for batch in pf.iter_batches(batch_size=batch_size, row_groups=row_groups, columns=columns):
        for values in batch.to_pylist():
            yield row_document(path, row, values, text_field, id_field)
            row += 1


def read_inputs(inputs: Iterable[str], text_field: str = "text",
                id_field: str | None = None, on_error: OnError | None = None
                ) -> Iterator[Document]:
    """Documents of every input, lazily, in order: tables row by row, other paths as texts.
    Errors as in ``read_documents`` (a bad table row skips the rest of that table)."""
    def read(path: str) -> Iterator[Document]:
        if path == "-" or not is_table(path):
            return iter((read_document(path),))
        reader = read_parquet if path.lower().endswith((".parquet", ".pq")) else read_jsonl
        return reader(path, text_field, id_field)

    return _each(expand(inputs), read, on_error)


def sentence_spans_py(text: str) -> list[tuple[int, int]]:
    """All sentence (start, end) spans of a text, in order, whitespace trimmed (see
    ``sentence_spans``)."""
    out, a = [], 0
    for m in SENTENCE_END.finditer(text):
        b = m.start(1)
        if b < 0:
            b = m.start()
        _trimmed(text, a, b, out)
        a = m.end()
    _trimmed(text, a, len(text), out)
    return out


def _trimmed(text: str, a: int, b: int, out: list[tuple[int, int]]) -> None:
    """Append the span ``a:b`` of ``text`` without its outer whitespace, unless it is empty."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a < b:
        out.append((a, b))


# The same rules compiled, when they are (``geomap.accel``).
sentence_spans = compiled.sentence_spans if compiled else sentence_spans_py
