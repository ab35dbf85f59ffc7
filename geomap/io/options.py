"""Output options shared by the commands (in the manner of Fiona's ``fio/options.py``):
``-o/--output`` and ``-f/--format``, with the format taken from the output's extension when
``--format`` is not given (as GDAL's ogr2ogr does), and the checks every command makes before
it writes anything."""
from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import click

#: format -> the name users know it by
NAMES = {"jsonl": "JSON Lines", "geojson": "GeoJSON", "csv": "CSV", "parquet": "GeoParquet",
         "gpkg": "GeoPackage", "html": "HTML", "png": "PNG", "svg": "SVG", "pdf": "PDF"}
#: extension (lower case) -> format
EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".geojson": "geojson", ".csv": "csv",
              ".parquet": "parquet", ".geoparquet": "parquet", ".gpkg": "gpkg",
              ".html": "html", ".htm": "html", ".png": "png", ".svg": "svg", ".pdf": "pdf"}


def format_of(path: str | None) -> str | None:
    """The format ``path``'s extension names, if any."""
    return EXTENSIONS.get(Path(path).suffix.lower()) if path and path != "-" else None


def resolve(out: str | None, fmt: str | None, formats: Iterable[str], default: str, *,
            needs_file: Iterable[str] = (), default_out: Mapping[str, str] | None = None
            ) -> tuple[str | None, str]:
    """The (output, format) a command writes: ``--format``, else the extension's format,
    else ``default``; ``default_out[format]`` when no ``-o`` is given. Usage errors (exit 2,
    before anything is read or written): ``-o`` a folder, a format the command cannot write,
    ``--format`` contradicting the extension, a ``needs_file`` format to stdout."""
    formats = tuple(formats)
    if out not in (None, "-") and (os.path.isdir(out) or out.endswith(("/", os.sep))):
        raise click.UsageError(f"-o {out}: is a folder; give a file name, e.g. "
                               f"-o {os.path.join(out, 'out.' + (fmt or default))}")
    by_ext = format_of(out)
    if by_ext and by_ext not in formats:
        raise click.UsageError(f"-o {out}: this command cannot write {NAMES[by_ext]} "
                               f"(it writes {', '.join(formats)})")
    if fmt and by_ext and fmt != by_ext:
        raise click.UsageError(f"--format {fmt} contradicts -o {out} ({NAMES[by_ext]}); "
                               "give one of them, or both alike")
    fmt = fmt or by_ext or default
    if out is None and default_out:
        out = default_out[fmt]
    if fmt in needs_file and out in (None, "-"):
        raise click.UsageError(f"--format {fmt} needs -o FILE")
    return out, fmt


def output_options(formats: Iterable[str], default: str, *, needs_file: Iterable[str] = (),
                   help_format: str = "", help_output: str = "Write here instead of stdout."
                   ) -> Callable:
    """``-o/--output FILE`` and ``-f/--format`` for a command writing ``formats``; the command
    receives ``out`` and ``fmt`` already resolved (``resolve``)."""
    formats, needs_file = tuple(formats), tuple(needs_file)
    exts = ", ".join(f"*{e}" for e, f in EXTENSIONS.items() if f in formats)

    def decorate(command: Callable) -> Callable:
        @functools.wraps(command)
        def run(*args, out: str | None, fmt: str | None, **kwargs):
            out, fmt = resolve(out, fmt, formats, default, needs_file=needs_file)
            return command(*args, out=out, fmt=fmt, **kwargs)

        run = click.option("-o", "--output", "out", metavar="FILE", help=help_output)(run)
        return click.option(
            "-f", "--format", "fmt", type=click.Choice(formats),
            help=f"{help_format} [default: from the extension of -o ({exts}), else {default}]"
                 .strip())(run)
    return decorate
