"""``geomap extract``: every place mention as JSON Lines, GeoJSON, CSV or Parquet, streamed
(inputs read lazily, records written as they come), on one process or on a Dask cluster."""
from __future__ import annotations

import contextlib
import itertools

import click

from ..io.options import output_options
from .common import (INPUTS, check_inputs, check_run, documents, engine_options, extractor,
                     input_options, on_error, write_layers, wrote)


@click.command()
@INPUTS
@output_options(["jsonl", "geojson", "csv", "parquet", "gpkg"], "jsonl",
                needs_file=["parquet", "gpkg"],
                help_format="Output format: GeoParquet and GeoPackage (layers mentions, "
                            "incidents, borders) need -o.")
@engine_options("One process, or partitions on a Dask cluster (needs -o OUT.parquet: a "
                "directory of part files).")
@click.pass_context
@click.option("--texts-out", metavar="DIR", type=click.Path(file_okay=False),
              help="Also write the text of each document, as geomap read it, to DIR (one "
                   "UTF-8 file each, named after the document): the records' offsets refer "
                   "to these texts (saved pages, feed entries, repaired or decoded files).")
def extract(ctx, inputs, fmt, out, engine, scheduler, workers, partitions, jobs, quiet,
            texts_out):
    """List the place names found in INPUT (see "Input" in geomap --help), one record per
    mention: file, start, end, text, name, id, lat, lon, country, kind, side, border,
    border_km, sentence.

    \b
    Examples:
      geomap extract seeds/
      geomap extract seeds/ --format geojson -o output/mentions.geojson
      geomap extract seeds/ --format gpkg -o output/seeds.gpkg
      echo "Migrants were found near Dieveniškės." | geomap extract -
      geomap extract corpus.parquet --text-field body --id-field url -o mentions.parquet
      geomap extract corpus.jsonl --engine dask --partitions 16 -o mentions.parquet
      geomap extract saved-pages/ --texts-out output/texts -o mentions.jsonl
    """
    from ..io.output import then, write, write_encoded
    from ..io.records import MENTION_FIELDS, MENTION_TYPES, mention_lines, mention_record
    from ..texts import is_table

    paths = check_inputs(inputs)
    opts = input_options(ctx)
    if engine == "dask":
        if fmt != "parquet" or out in (None, "-"):
            raise click.UsageError("--engine dask writes Parquet: give -o OUT.parquet")
        from ..scale import run_dask

        n = run_dask(paths, out, gazetteer=ctx.obj.get("gazetteer") if ctx.obj else None,
                     scheduler=scheduler, workers=workers, partitions=partitions,
                     options=opts, texts_out=texts_out, quiet=quiet)
        wrote({"mentions": n}, out)
        return
    from ..parallel import BATCH, auto_jobs, map_batches
    from ..progress import progress
    from ..texts import input_units, read_units, replayed

    ex = extractor(ctx)
    if fmt == "gpkg":
        write_layers(ctx, _texts_out(documents(ctx, paths), texts_out), ex, out)
        return
    total = None if any(p != "-" and is_table(p) for p in paths) else len(paths)
    # Text files are read where they are extracted (on the worker processes with --jobs):
    # what reading them has to say comes back with their records and is reported here, in
    # input order. Texts written with --texts-out are read here, in order.
    report = on_error(ctx)
    units = input_units(paths, opts, report) if texts_out is None \
        else _texts_out(documents(ctx, paths), texts_out)

    def batch_records(batch):
        docs, events = read_units(batch, opts)
        return [mention_record(m) for m in ex.extract_all(docs)], events

    def batch_lines(batch):                 # JSON Lines are encoded where they are extracted
        docs, events = read_units(batch, opts)
        mentions = list(ex.extract_all(docs))
        return (len(mentions), mention_lines(mentions)), events

    if jobs is None:            # a pool pays once the work outweighs starting it
        jobs = 1 if total is not None and total < SMALL_INPUT else auto_jobs()
    units = progress(units, total=total, quiet=quiet)
    task = batch_lines if fmt == "jsonl" else batch_records
    head: list = []
    if jobs > 1:
        # The first batch is extracted here, before the workers are forked: what it loads and
        # memoises (the Russian dictionary, the look-ups of the words every text has) is then
        # inherited by each worker instead of done again by each.
        units = iter(units)
        first = list(itertools.islice(units, BATCH))
        head = [task(first)] if first else []
    # Closed however the writing ends: an input error raised while reporting (--strict) stops
    # the worker processes at once, not when the collector reaches the suspended generator.
    with contextlib.closing(map_batches(task, units, jobs)) as rest:
        results = itertools.chain(head, rest)
        if fmt == "jsonl":
            n = write_encoded(then(replayed(results, opts, report), lambda: check_run(ctx)), out)
        else:
            records = itertools.chain.from_iterable(replayed(results, opts, report))
            n = write(then(records, lambda: check_run(ctx)), fmt, out, MENTION_FIELDS,
                      types=MENTION_TYPES)
    if out not in (None, "-"):
        wrote({"mentions": n}, out)


# Fewer text files than this are extracted in the main process unless --jobs says otherwise:
# worker processes cost CPU to start and warm (forking, the pages they come to own, the look-ups
# of words the first batch did not have), which such an input does not earn back.
SMALL_INPUT = 256


def _texts_out(docs, folder: str | None):
    """``docs``, each text also written to ``folder`` when one is given."""
    if folder is None:
        return docs
    from ..texts import write_texts

    return write_texts(docs, folder)
