"""Writing a command's records to ``-o FILE`` or stdout in any record format, with the file
replaced only when the whole run succeeds."""
from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import IO, TypeVar

from .atomic import atomic_write
from .writers import write_records

T = TypeVar("T")


@contextlib.contextmanager
def text_output(out: str | os.PathLike | None) -> Iterator[IO[str]]:
    """stdout for None or ``-``, else the file ``out`` replaced atomically."""
    if out is None or out == "-":
        yield sys.stdout
        return
    with atomic_write(out) as fh:
        yield fh


def then(records: Iterable[T], check: Callable[[], None]) -> Iterator[T]:
    """``records``, then ``check()``: a writer that consumed them all calls it inside its
    atomic block, so an exception there (a run that failed) leaves the old file."""
    yield from records
    check()


def write_encoded(chunks: Iterable[tuple[int, bytes]], out: str | None) -> int:
    """Write records already encoded in UTF-8, as chunks of (how many records, their bytes)
    (e.g. ``writers.jsonl_bytes`` run elsewhere), to ``out`` as ``write`` does (to a file
    as they are, without decoding and encoding them again); returns how many."""
    n = 0
    if out is None or out == "-":            # stdout: text, in the encoding it has
        for count, data in chunks:
            sys.stdout.write(data.decode("utf-8"))
            n += count
        return n
    with atomic_write(out, "wb") as fh:
        for count, data in chunks:
            fh.write(data)
            n += count
    return n


def write(records: Iterable[dict], fmt: str, out: str | None,
          fields: tuple[str, ...] | None = None, *, types: Mapping[str, str] | None = None,
          lat: str = "lat", lon: str = "lon") -> int:
    """Write ``records`` as ``jsonl``, ``geojson`` (point from ``lat``, ``lon``), ``csv``
    (``fields`` as columns, else the first record's keys) or ``parquet`` (GeoParquet with
    ``fields`` as columns, typed by ``types``); returns how many."""
    if fmt == "parquet":
        from .geoparquet import write_geoparquet

        if out is None or fields is None:
            raise ValueError("GeoParquet needs a file and fields")
        return write_geoparquet(records, out, fields, types=types or {}, lat=lat, lon=lon)
    with text_output(out) as fh:
        return write_records(records, fmt, fh, fields, lat=lat, lon=lon)
