"""Helpers shared by the commands: loading the pipeline, inputs and outputs."""
from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Literal

import click

from ..model import Document
from ..texts import InputOptions, scan

if TYPE_CHECKING:
    from ..api import Analysis

EXIT_SKIPPED = 3


def _meta(key: str):
    """A click callback that keeps the option's value in ``ctx.meta[key]``."""
    def keep(ctx, _, value):
        ctx.meta[key] = value
    return keep


def _encoding(ctx, param, value):
    if value:
        try:
            codecs.lookup(value)
        except LookupError:
            raise click.BadParameter(f"unknown encoding {value!r}", ctx, param) from None
    ctx.meta["encoding"] = value


def _inputs(f):
    """The INPUT... argument and the input options every command shares (kept in
    ``ctx.meta``; ``documents`` reads the inputs with them): --strict (an unreadable input
    is named on stderr and skipped, the rest processed, exit status 3; with --strict the
    first one stops the run, exit 1), the table fields, --encoding and --verbose."""
    options = [
        click.option("--strict", is_flag=True, expose_value=False, callback=_meta("strict"),
                     help="Stop at the first unreadable input instead of skipping it (exit "
                          "3 when inputs were skipped)."),
        click.option("--text-field", expose_value=False, default="text", show_default=True,
                     metavar="NAME", callback=_meta("text_field"),
                     help="Text column of table inputs (JSON Lines, CSV/TSV, Parquet)."),
        click.option("--id-field", expose_value=False, metavar="NAME",
                     callback=_meta("id_field"),
                     help="Id column of table inputs, used as the document's name "
                          "(default: PATH#ROW)."),
        click.option("--date-field", expose_value=False, metavar="NAME",
                     callback=_meta("date_field"),
                     help="Date column of table inputs (ISO 8601 or RFC 2822)  [default: "
                          "a date header in the text]."),
        click.option("--title-field", expose_value=False, metavar="NAME",
                     callback=_meta("title_field"),
                     help="Title column of table inputs  [default: the text's first line]."),
        click.option("--url-field", expose_value=False, metavar="NAME",
                     callback=_meta("url_field"),
                     help="URL column of table inputs (its host name is the source's site)."),
        click.option("--encoding", expose_value=False, metavar="NAME", callback=_encoding,
                     help="Encoding of text files and CSV tables, e.g. cp1257  [default: "
                          "UTF-8, a byte-order mark's, or the region's code page that fits]."),
        click.option("-v", "--verbose", expose_value=False, is_flag=True,
                     callback=_meta("verbose"),
                     help="List the files of other kinds that folders held, and name the "
                          "encoding of each input that is not UTF-8."),
    ]
    return click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")(
        _with(options, f))


def _with(options: list, f):
    """``f`` with ``options`` (click decorators), listed in --help in their order."""
    for option in reversed(options):
        f = option(f)
    return f


INPUTS = _inputs

JOBS = click.option(
    "-j", "--jobs", type=click.IntRange(1), metavar="N",
    help="Processes reading the texts (the output is the same for any N)  "
         "[default: one per core].")
QUIET = click.option("-q", "--quiet", is_flag=True,
                     help="No progress bar (shown on a terminal when reading lasts over a "
                          "second).")

def engine_options(engine_help: str):
    """The options of the commands that also run on Dask (extract, incidents): --engine (its
    help ``engine_help``), --scheduler, --workers, --partitions, --jobs and --quiet."""
    options = [
        click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
                     show_default=True, help=engine_help),
        click.option("--scheduler", metavar="ADDRESS",
                     help="Dask scheduler to use (e.g. tcp://host:8786); default: a local "
                          "cluster."),
        click.option("--workers", type=click.IntRange(1), metavar="N",
                     help="Workers of the local Dask cluster  [default: one per core]."),
        click.option("--partitions", type=click.IntRange(1), metavar="N",
                     help="Dask partitions  [default: 4 per worker]."),
        click.option("-j", "--jobs", type=click.IntRange(1), metavar="N",
                     help="Processes reading the texts (all formats but gpkg, which takes "
                          "one; the output is the same for any N)  [default: one per core; "
                          "extract: one for fewer than 256 text files]."),
        QUIET,
    ]
    return lambda f: _with(options, f)


TEXTS = click.option(
    "--texts", type=click.Choice(["full", "excerpts", "none"]), default="full",
    show_default=True,
    help="Texts in the map's documents box: full (up to a size budget, then excerpts), "
         "excerpts (the sentences naming places or reporting incidents), none.")


def import_folium() -> None:
    """Import folium without pandas, unless something imported pandas already. folium treats
    pandas as optional (it only converts DataFrames, which geomap never passes it), and
    importing pandas would add ~0.4 s to every map. Only the commands do this: in a Python
    session folium imports as usual."""
    if "folium" in sys.modules or "pandas" in sys.modules:
        return
    sys.modules["pandas"] = None          # type: ignore[assignment]  # "import pandas" fails
    try:
        import folium  # noqa: F401
    finally:
        del sys.modules["pandas"]


def on_error(ctx: click.Context):
    """The ``on_error`` hook for the readers: None under --strict, else report and count."""
    if ctx.meta.get("strict"):
        return None
    skipped = ctx.meta.setdefault("skipped", [])

    def report(path, exc):
        skipped.append(exc)
        if ctx.meta.get("inputs", 0) > 1:          # a single input fails with its own message
            click.echo(f"geomap: skipped {exc}", err=True)
    return report


def check_run(ctx: click.Context) -> None:
    """Raise the run's error (exit 1) when its inputs were all skipped: the commands call it
    before they replace an output file, so a failed run writes nothing."""
    skipped = ctx.meta.get("skipped", [])
    total = ctx.meta.get("inputs", len(skipped))
    if skipped and total == 1:
        raise click.ClickException(str(skipped[0]))
    if skipped and len(skipped) >= total:
        raise click.ClickException(f"no readable input ({len(skipped)} skipped)")


def finish(ctx: click.Context) -> None:
    """End a batch command (the group calls it): exit 1 when every input was skipped, 3 when
    some were."""
    check_run(ctx)
    skipped = ctx.meta.get("skipped", [])
    if skipped:
        total = ctx.meta.get("inputs", len(skipped))
        click.echo(f"geomap: {len(skipped)} of {total} inputs skipped", err=True)
        ctx.exit(EXIT_SKIPPED)


def plural(n: int, noun: str) -> str:
    """``1 mention``, ``2 mentions``, ``2 entries``."""
    if n == 1:
        return f"{n} {noun}"
    return f"{n} {noun[:-1]}ies" if noun.endswith("y") else f"{n} {noun}s"


def wrote(counts: dict[str, int], out: str) -> None:
    """Say on stderr what was written where: ``wrote 88 mentions, 3 incidents to x.gpkg``
    (``counts`` by plural noun)."""
    click.echo(f"wrote {', '.join(plural(n, k.rstrip('s')) for k, n in counts.items())} "
               f"to {out}", err=True)


def extractor(ctx: click.Context, *, with_borders: bool = True):
    """The Extractor for the active gazetteer (built once per command)."""
    from ..extract import Extractor

    ex = Extractor.from_directory(ctx.obj.get("gazetteer") if ctx.obj else None,
                                  with_borders=with_borders)
    report_skipped_rows(ex.gazetteer)
    return ex


def report_skipped_rows(gazetteer):
    """Print a line on stderr for each broken user row the gazetteer left out; return it."""
    for row in gazetteer.skipped:
        fix = f"`geomap gazetteer edit {row.id}` or `remove {row.id}`" if row.id else "an editor"
        click.echo(f"geomap: warning: {row}: row skipped (fix it with {fix})", err=True)
    return gazetteer


def check_inputs(inputs: tuple[str, ...]) -> list[str]:
    """Expand folders (``texts.scan``) and say on stderr how many files of other kinds they
    held (--verbose: which); a missing path is a usage error (exit 2)."""
    for item in inputs:
        if item != "-" and not os.path.exists(item):
            raise click.UsageError(f"{item}: no such file or directory")
    found = scan(inputs)
    ctx = click.get_current_context()
    ctx.meta["inputs"] = len(found.paths)
    if found.ignored:
        click.echo(f"geomap: {plural(len(found.ignored), 'file')} of another kind ignored "
                   f"({'' if ctx.meta.get('verbose') else 'see --verbose; '}"
                   "read: *.txt, *.html, *.htm, *.xml, *.rss, *.atom, *.pdf, *.docx, *.jsonl, "
                   "*.ndjson, *.parquet, *.pq; *.csv, *.tsv and *.json only when named)", err=True)
        if ctx.meta.get("verbose"):
            for path in found.ignored:
                click.echo(f"geomap: ignored {path}", err=True)
    return found.paths


def input_options(ctx: click.Context) -> InputOptions:
    """The input options of this run (see ``_inputs``)."""
    verbose = ctx.meta.get("verbose")
    return InputOptions(text_field=ctx.meta.get("text_field") or "text",
                        id_field=ctx.meta.get("id_field"),
                        date_field=ctx.meta.get("date_field"),
                        title_field=ctx.meta.get("title_field"),
                        url_field=ctx.meta.get("url_field"),
                        encoding=ctx.meta.get("encoding"),
                        notice=(lambda line: click.echo(f"geomap: {line}", err=True))
                        if verbose else None)


def documents(ctx: click.Context, paths: list[str]) -> Iterator[Document]:
    """The documents of the checked input ``paths``, read lazily with this run's options;
    unreadable inputs are handled as ``on_error`` says."""
    from ..texts import read_inputs

    return read_inputs(paths, input_options(ctx), on_error(ctx))


def analysed(ctx: click.Context, paths: list[str], *, jobs: int | None = None,
             incidents: bool = True, keep: bool = True, quiet: bool = True,
             ex=None, unplaced: bool | None = None) -> Analysis:
    """``api.analyse`` of the checked input ``paths`` as the commands run it: on ``jobs``
    processes (default one per core), files read by the processes that analyse them
    (``texts.input_units``), the default year from a first pass over the dates only (stdin
    is read whole first), the loaded gazetteer and then the analysis frozen out of the
    collector's reach (they live as long as the command; merging and writing no longer
    traverse them); a progress bar unless ``quiet``; ``unplaced`` as ``analyse`` takes it."""
    import gc

    from ..api import analyse, collector_paused, input_year
    from ..parallel import auto_jobs
    from ..progress import progress
    from ..texts import input_units, is_table

    ex = extractor(ctx) if ex is None else ex
    year: int | None | Literal["batch"] = "batch"
    if incidents and "-" not in paths:
        year = input_year(paths, input_options(ctx))
    options, report = input_options(ctx), on_error(ctx)
    total = None if any(p != "-" and is_table(p) for p in paths) else len(paths)
    units = progress(input_units(paths, options, report), total=total, quiet=quiet)
    gc.freeze()
    with collector_paused(freeze=True):
        return analyse(units, ex, incidents=incidents, keep=keep, year=year,
                       jobs=jobs or auto_jobs(), read=options, on_error=report,
                       unplaced=unplaced)


def write_layers(ctx: click.Context, docs: Iterable[Document], ex, out: str) -> None:
    """The GeoPackage of ``extract`` and ``incidents``: layers mentions, incidents, borders."""
    from ..api import analyse
    from ..io.gpkg import write_gpkg
    from ..io.incidents import csv_record, incident_record
    from ..io.records import mention_record

    a = analyse(docs, ex)
    check_run(ctx)
    wrote(write_gpkg(out, mentions=[mention_record(m) for m in a.mentions],
                     incidents=[csv_record(incident_record(i)) for i in a.incidents],
                     borders=a.geodata["borders"]), out)
