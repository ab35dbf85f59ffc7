"""One writer per output format. The text formats (JSON Lines, GeoJSON, CSV) stream records
to an open text file, each record encoded as it comes and the text written in chunks of about
``CHUNK`` characters (one incident of a big corpus lists thousands of sources: a batch of whole
records would hold them all at once); GeoParquet (``geoparquet``) and GeoPackage (``gpkg``) write
a path. JSON is encoded with orjson (compact, UTF-8, imported on first use)."""
from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from typing import IO

BATCH = 1000          # records per GeoParquet batch
CHUNK = 1 << 20       # characters of encoded text per write() call
LONG = 100            # items of a list encoded one at a time (``json_pieces``)


def batches(records: Iterable[dict], size: int = BATCH) -> Iterator[list[dict]]:
    """``records`` in lists of ``size``."""
    it = iter(records)
    while batch := list(islice(it, size)):
        yield batch


def json_encoder() -> Callable[[object], str]:
    """The JSON encoder of every JSON output: compact, non-ASCII kept, keys in record order."""
    import orjson

    dumps = orjson.dumps
    return lambda obj: dumps(obj).decode()


def _ends_long(obj: object) -> bool:
    """Whether the last value of ``obj`` (of its last value, and so on) is a list of more
    than ``LONG`` items."""
    while isinstance(obj, dict) and obj:
        obj = obj[next(reversed(obj))]
    return isinstance(obj, list) and len(obj) > LONG


def json_pieces(obj: object, enc: Callable[[object], str]) -> Iterator[str]:
    """The JSON text ``enc(obj)``, in pieces: a long list ending ``obj`` (an incident's
    thousands of sources) is encoded one item at a time, never whole."""
    if not _ends_long(obj):
        yield enc(obj)
    elif isinstance(obj, dict):
        last = next(reversed(obj))
        head = enc({k: v for k, v in obj.items() if k != last})
        yield head[:-1] + ("," if len(obj) > 1 else "") + enc(last) + ":"
        yield from json_pieces(obj[last], enc)
        yield "}"
    elif isinstance(obj, list):
        yield "["
        for i, item in enumerate(obj):
            yield ("," if i else "") + enc(item)
        yield "]"


def jsonl_bytes(records: Iterable[dict]) -> bytes:
    """Records as JSON Lines, UTF-8 encoded (as ``json_encoder`` writes each, one a line):
    kept as bytes, never decoded, for a process that only passes them on to a file."""
    import orjson

    dumps, newline = orjson.dumps, orjson.OPT_APPEND_NEWLINE
    return b"".join([dumps(r, option=newline) for r in records])


def write_chunked(pieces: Iterable[str], out: IO[str], size: int = CHUNK) -> None:
    """Write ``pieces`` to ``out`` joined into chunks of about ``size`` characters."""
    chunk: list[str] = []
    length = 0
    for piece in pieces:
        chunk.append(piece)
        length += len(piece)
        if length >= size:
            out.write("".join(chunk))
            chunk, length = [], 0
    out.write("".join(chunk))


def write_jsonl(records: Iterable[dict], out: IO[str]) -> int:
    """One JSON object a line; returns how many."""
    enc, n = json_encoder(), 0

    def lines() -> Iterator[str]:
        nonlocal n
        for r in records:
            n += 1
            if _ends_long(r):
                yield from json_pieces(r, enc)
                yield "\n"
            else:
                yield enc(r) + "\n"

    write_chunked(lines(), out)
    return n


def feature(record: dict, lat: str = "lat", lon: str = "lon") -> dict:
    """A GeoJSON Point feature (lon, lat) with the record as properties (no geometry when
    the record has no coordinates)."""
    y, x = record.get(lat), record.get(lon)
    geom = {"type": "Point", "coordinates": [x, y]} if y is not None and x is not None else None
    return {"type": "Feature", "geometry": geom, "properties": record}


def write_geojson(records: Iterable[dict], out: IO[str], *, lat: str = "lat",
                  lon: str = "lon") -> int:
    """A FeatureCollection, one feature a line; returns how many features."""
    enc, n = json_encoder(), 0

    def features() -> Iterator[str]:
        nonlocal n
        for r in records:
            f = feature(r, lat, lon)
            if _ends_long(f):
                yield ("," if n else "") + "\n"
                yield from json_pieces(f, enc)
            else:
                yield ("," if n else "") + "\n" + enc(f)
            n += 1

    out.write('{"type": "FeatureCollection", "features": [')
    write_chunked(features(), out)
    out.write("\n]}\n")
    return n


def write_csv(records: Iterable[dict], out: IO[str], fields: Iterable[str]) -> int:
    """A header of ``fields`` and one row a record (lists joined with ``|``, other keys
    ignored); returns how many rows."""
    fields = list(fields)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    n = 0
    for r in records:
        writer.writerow(["|".join(map(str, v)) if isinstance(v, (list, tuple)) else v
                         for v in (r.get(f) for f in fields)])
        n += 1
    return n


def write_records(records: Iterable[dict], fmt: str, out: IO[str],
                  fields: Iterable[str] | None = None, *, lat: str = "lat",
                  lon: str = "lon") -> int:
    """Write records as ``jsonl``, ``geojson`` (point from ``lat``, ``lon``) or ``csv``
    (``fields`` as columns, else the first record's keys); returns how many."""
    if fmt == "jsonl":
        return write_jsonl(records, out)
    if fmt == "geojson":
        return write_geojson(records, out, lat=lat, lon=lon)
    if fmt == "csv":
        if fields is None:
            it = iter(records)
            first = next(it, None)
            if first is None:
                return 0
            fields, records = list(first), chain([first], it)
        return write_csv(records, out, fields)
    raise ValueError(f"unknown format {fmt!r}")

