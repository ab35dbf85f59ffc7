"""Parquet output and scale-out on Dask.

``write_parquet`` streams mention records into one GeoParquet file (``geomap.io.geoparquet``).
``run_dask`` cuts the inputs into partitions (runs of text
files, line-aligned byte ranges of JSON Lines files, row groups of Parquet files), extracts
each partition on a Dask cluster (``dask.bag``; a ``distributed.LocalCluster`` unless a
scheduler address is given) and writes ``OUT/part-NNNNN.parquet``, one file a partition, in
input order: read in name order, the rows equal a single-process run's. Every worker builds
its Extractor once per process. ``incident_shares`` runs the per-document stage of the
incidents (``api.document_shares``) in such partitions and hands the results, in input
order, to the client, which merges them as one process does (``api.combine``). Inputs,
gazetteer and output must be at the same paths on every worker (a shared filesystem).
"""
from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from .api import Share, document_shares
from .errors import GeomapError, InputError
from .extract import Extractor
from .io.atomic import atomic_write, replacing
from .io.records import MENTION_FIELDS, MENTION_TYPES, mention_record
from .model import Document
from .texts import DEFAULT, InputOptions, text_name
from .unplaced import UnplacedFinder

def write_parquet(records: Iterable[dict], path: str | os.PathLike) -> int:
    """Write mention records as one GeoParquet file (atomically replaced); return how many."""
    from .io.geoparquet import write_geoparquet

    return write_geoparquet(records, path, MENTION_FIELDS, types=MENTION_TYPES)


@dataclass(frozen=True)
class Piece:
    """A contiguous slice of one input: a text file, a whole CSV/TSV or JSON file (a quoted
    field may hold line breaks: no byte range is sure to start a row), a byte range of a
    JSON Lines file (``start``..``stop``) or row groups of a Parquet file; ``first_row``
    numbers its first row."""

    kind: str                            # "text", "table" (whole), "jsonl" or "parquet"
    path: str
    start: int = 0
    stop: int | None = None
    row_groups: tuple[int, ...] = ()
    first_row: int = 1
    weight: int = 0                      # bytes (or rows x average bytes), for balancing


def _jsonl_pieces(path: str, target: int) -> Iterator[Piece]:
    with open(path, "rb") as fh:
        start = pos = 0
        row = first = 1
        for line in fh:
            pos += len(line)
            row += 1
            if pos - start >= target:
                yield Piece("jsonl", path, start, pos, first_row=first, weight=pos - start)
                start, first = pos, row
        if pos > start:
            yield Piece("jsonl", path, start, pos, first_row=first, weight=pos - start)


def _parquet_pieces(path: str) -> Iterator[Piece]:
    import pyarrow.parquet as pq

    meta = pq.ParquetFile(path).metadata
    first = 1
    for g in range(meta.num_row_groups):
        rg = meta.row_group(g)
        yield Piece("parquet", path, row_groups=(g,), first_row=first,
                    weight=max(1, rg.total_byte_size))
        first += rg.num_rows


def plan(paths: list[str], partitions: int) -> list[list[Piece]]:
    """Split expanded input paths into at most ``partitions`` runs of pieces, in input order,
    of about equal size."""
    from .texts import WHOLE_TABLE_SUFFIXES, is_table

    if "-" in paths:
        raise InputError("-: stdin cannot be read by Dask workers; give files")
    sizes = {p: os.path.getsize(p) for p in paths}
    target = max(1, sum(sizes.values()) // max(1, partitions))
    pieces: list[Piece] = []
    for p in paths:
        if p.lower().endswith((".parquet", ".pq")):
            pieces += _parquet_pieces(p)
        elif p.lower().endswith(WHOLE_TABLE_SUFFIXES):
            pieces.append(Piece("table", p, weight=sizes[p]))
        elif is_table(p):
            pieces += _jsonl_pieces(p, target)
        else:
            pieces.append(Piece("text", p, weight=sizes[p]))
    runs: list[list[Piece]] = [[]]
    filled = 0
    for piece in pieces:
        if runs[-1] and filled >= target and len(runs) < partitions:
            runs.append([])
            filled = 0
        runs[-1].append(piece)
        filled += piece.weight
    return [r for r in runs if r]


def read_piece(piece: Piece, options: InputOptions = DEFAULT) -> Iterator[Document]:
    """The documents of one piece, in order, read with ``options`` (as ``texts.read_inputs``
    reads them)."""
    from .texts import read_file, read_jsonl, read_parquet, read_table

    if piece.kind == "text":
        yield from read_file(piece.path, options)
    elif piece.kind == "table":
        yield from read_table(piece.path, options)
    elif piece.kind == "jsonl":
        yield from read_jsonl(piece.path, options.fields, start=piece.start, stop=piece.stop,
                              first_row=piece.first_row, repair=options.repair)
    else:
        yield from read_parquet(piece.path, options.fields, row_groups=list(piece.row_groups),
                                first_row=piece.first_row, repair=options.repair)


_EXTRACTORS: dict[tuple[str | None, bool], Extractor] = {}


def worker_extractor(gazetteer: str | None, with_borders: bool) -> Extractor:
    """This process's Extractor for a gazetteer, built on first use."""
    ex = _EXTRACTORS.get((gazetteer, with_borders))
    if ex is None:
        ex = _EXTRACTORS[gazetteer, with_borders] = Extractor.from_directory(
            gazetteer, with_borders=with_borders)
    return ex


def run_partition(job: tuple[int, list[Piece]], *, out_dir: str, gazetteer: str | None,
                  with_borders: bool, options: InputOptions, texts_dir: str | None = None
                  ) -> tuple[int, list[str]]:
    """Extract one partition into ``out_dir/part-NNNNN.parquet``; return its row count and
    the paths of its documents. With ``texts_dir``, also write each document's text there as
    ``.part-NNNNN-K.txt`` (``run_dask`` names them once every partition is done)."""
    index, pieces = job
    ex = worker_extractor(gazetteer, with_borders)
    paths: list[str] = []

    def docs() -> Iterator[Document]:
        for piece in pieces:
            for doc in read_piece(piece, options):
                if texts_dir is not None:
                    with atomic_write(Path(texts_dir) / _staged(index, len(paths)), "wb") as fh:
                        fh.write(doc.text.encode("utf-8"))
                paths.append(doc.path)
                yield doc

    records = (mention_record(m) for doc in docs() for m in ex.extract(doc))
    return write_parquet(records, Path(out_dir) / f"part-{index:05d}.parquet"), paths


_FINDERS: dict[int, UnplacedFinder] = {}


def share_partition(pieces: list[Piece], *, gazetteer: str | None, with_borders: bool,
                    options: InputOptions, year: int | None) -> list[Share]:
    """The per-document ``Share`` (events without texts, fingerprints, unplaced-name
    candidates) of every document of one partition, in order, for ``incident_shares``."""
    ex = worker_extractor(gazetteer, with_borders)
    finder = _FINDERS.get(id(ex))
    if finder is None:
        finder = _FINDERS[id(ex)] = UnplacedFinder(ex)
    docs = (doc for piece in pieces for doc in read_piece(piece, options))
    return document_shares(docs, ex, finder, year, keep=False, sent=set())


def incident_shares(paths: list[str], *, year: int | None, gazetteer: str | None = None,
                    with_borders: bool = True, scheduler: str | None = None,
                    workers: int | None = None, partitions: int | None = None,
                    options: InputOptions = DEFAULT, quiet: bool = False) -> Iterator[Share]:
    """The ``Share`` of every input document, in input order, found on a Dask cluster (as
    ``run_dask`` sizes it) for ``api.combine``, which gives the incidents of one process.
    ``year``: the default year (``api.input_year``)."""
    from .progress import progress

    options = replace(options, notice=None)
    if gazetteer is not None:
        gazetteer = str(Path(gazetteer).resolve())
    with _client(scheduler, workers) as client:
        nworkers = len(client.scheduler_info()["workers"]) or 1
        runs = plan(paths, partitions or 4 * nworkers)
        futures = client.map(share_partition, runs, pure=False, gazetteer=gazetteer,
                             with_borders=with_borders, options=options, year=year)
        for future in progress(futures, total=len(futures), unit="part", quiet=quiet):
            yield from future.result()
            future.release()


def _staged(index: int, k: int) -> str:
    return f".part-{index:05d}-{k}.txt"


def _check_replaceable(out: Path) -> None:
    """Refuse to replace a folder that is not an earlier output (``part-*.parquet`` only)."""
    if out.is_dir() and any(not (f.name.startswith("part-") and f.suffix == ".parquet")
                            for f in out.iterdir()):
        raise GeomapError(f"{out}: exists and is not a geomap Parquet output; not replaced")


@contextlib.contextmanager
def _client(scheduler: str | None, workers: int | None):
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise GeomapError("--engine dask needs Dask: pip install 'geomap[dask]'") from None
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    import logging

    with LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                      processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


def run_dask(paths: list[str], out: str, *, gazetteer: str | None = None,
             with_borders: bool = True, scheduler: str | None = None,
             workers: int | None = None, partitions: int | None = None,
             options: InputOptions = DEFAULT, texts_out: str | None = None,
             quiet: bool = False) -> int:
    """Extract every input on a Dask cluster into the Parquet directory ``out``; return the
    number of mentions. ``workers`` sizes the LocalCluster (default: one per core); the
    default ``partitions`` is four per worker. ``options``: how inputs are read (its
    ``notice`` is not sent to the workers). ``texts_out``: also write each document's text
    to this folder under the name ``texts.write_texts`` gives it."""
    from .progress import progress

    options = replace(options, notice=None)
    texts_dir = str(Path(texts_out).resolve()) if texts_out is not None else None
    if texts_dir is not None:
        os.makedirs(texts_dir, exist_ok=True)

    if gazetteer is not None:
        gazetteer = str(Path(gazetteer).resolve())
    out_path = Path(out).resolve()
    with _client(scheduler, workers) as client:
        import dask.bag as db
        from distributed import as_completed

        nworkers = len(client.scheduler_info()["workers"]) or 1
        jobs = list(enumerate(plan(paths, partitions or 4 * nworkers)))
        _check_replaceable(out_path)
        with replacing(out_path, folder=True) as tmp:
            bag = db.from_sequence(jobs, npartitions=max(1, len(jobs))).map(
                run_partition, out_dir=str(tmp), gazetteer=gazetteer,
                with_borders=with_borders, options=options, texts_dir=texts_dir)
            futures = client.compute(bag.to_delayed())
            for _ in progress(as_completed(futures), total=len(futures), unit="part",
                              quiet=quiet):
                pass
            done = [r for results in client.gather(futures) for r in results]
    if texts_dir is not None:                  # the names one process gives, in input order
        used: set[str] = set()
        for (index, _), (_, docs) in zip(jobs, done):
            for k, path in enumerate(docs):
                os.replace(os.path.join(texts_dir, _staged(index, k)),
                           os.path.join(texts_dir, text_name(path, used)))
    return sum(n for n, _ in done)
