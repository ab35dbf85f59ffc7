"""The ``geomap`` command line: a click group whose commands load on first use.

Each command lives in its own module and imports heavy libraries (shapely, folium, pyproj)
only when it runs, so ``geomap --help`` stays fast. Every error ends as one line on stderr:
exit 2 for bad usage, 1 for a failed run.
"""
from __future__ import annotations

import importlib
import os
import sys

import click

from ..errors import GeomapError

COMMANDS = {
    "extract": ("geomap.cli.extract_cmd", "extract"),
    "where": ("geomap.cli.where_cmd", "where"),
    "map": ("geomap.cli.map_cmd", "map_command"),
    "eval": ("geomap.cli.eval_cmd", "eval_command"),
    "gazetteer": ("geomap.cli.gazetteer_cmd", "gazetteer"),
    "incidents": ("geomap.cli.incidents_cmd", "incidents"),
    "report": ("geomap.cli.report_cmd", "report"),
    "unplaced": ("geomap.cli.unplaced_cmd", "unplaced"),
}


class LazyGroup(click.Group):
    """A group that imports a command's module only when that command is used."""

    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def invoke(self, ctx):
        from .common import finish

        result = super().invoke(ctx)
        finish(ctx)
        return result

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        module, attr = COMMANDS[name]
        return getattr(importlib.import_module(module), attr)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--gazetteer", "gazetteer", metavar="DIR", envvar="GEOMAP_GAZETTEER",
              type=click.Path(file_okay=False), help="Gazetteer directory to use "
              "(default: $GEOMAP_GAZETTEER, ./gazetteer, or the bundled one).")
@click.version_option(package_name="geomap")
@click.pass_context
def cli(ctx, gazetteer):
    """Find, geocode and map the places and incidents in news texts about the
    Lithuania–Belarus border (and the Polish and Latvian borders of Belarus).

    Input (every command): text files (UTF-8, UTF-16 with a byte-order mark, or a code page
    of the region, detected; --encoding forces one), saved web pages (*.html, *.htm: the
    article only), RSS/Atom feeds (*.xml, *.rss, *.atom: one document per entry), PDF and Word
    files (*.pdf, *.docx: their text, a PDF's lines joined into paragraphs), tables
    (*.jsonl, *.ndjson, *.json, *.csv, *.tsv, *.parquet: one document per row, see --text-field,
    --id-field, --date-field), folders (read recursively, sorted) or - for stdin.

    \b
    Examples:
      geomap map seeds/                      # writes output/map.html
      geomap extract seeds/ --format geojson
      geomap where Dieveniškės
    """
    ctx.obj = {"gazetteer": gazetteer}


def main(argv=None) -> None:
    """Console entry point: run the group and turn every error into one line."""
    try:
        code = cli.main(args=argv, prog_name="geomap", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("geomap: aborted", err=True)
        sys.exit(1)
    except click.UsageError as exc:
        click.echo(f"geomap: usage error: {exc.format_message()} (see --help)", err=True)
        sys.exit(2)
    except click.ClickException as exc:
        click.echo(f"geomap: error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except GeomapError as exc:
        click.echo(f"geomap: error: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("geomap: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
    except Exception as exc:  # noqa: BLE001 - last line of defence: no tracebacks for users
        if os.environ.get("GEOMAP_DEBUG"):
            raise
        click.echo(f"geomap: internal error: {type(exc).__name__}: {exc} "
                   "(set GEOMAP_DEBUG=1 for details)", err=True)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)
