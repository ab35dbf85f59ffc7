"""Helpers shared by the commands: loading the pipeline, inputs and outputs."""
from __future__ import annotations

import contextlib
import os
import sys

import click

from ..texts import expand

EXIT_SKIPPED = 3


def _inputs(f):
    """The INPUT... argument and --strict: an unreadable input (binary, not UTF-8, empty) is
    named on stderr and skipped, the rest processed, and the exit status is 3; with
    --strict the first one stops the run (exit 1)."""
    f = click.option("--strict", is_flag=True, expose_value=False, is_eager=True,
                     callback=lambda ctx, _, value: ctx.meta.__setitem__("strict", value),
                     help="Stop at the first unreadable input instead of skipping it "
                          "(exit 3 when inputs were skipped).")(f)
    return click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")(f)


INPUTS = _inputs


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


def finish(ctx: click.Context) -> None:
    """End a batch command (the group calls it): exit 1 when every input was skipped, 3 when
    some were."""
    skipped = ctx.meta.get("skipped", [])
    if not skipped:
        return
    total = ctx.meta.get("inputs", len(skipped))
    if total == 1:
        raise click.ClickException(str(skipped[0]))
    if len(skipped) >= total:
        raise click.ClickException(f"no readable input ({len(skipped)} skipped)")
    click.echo(f"geomap: {len(skipped)} of {total} inputs skipped", err=True)
    ctx.exit(EXIT_SKIPPED)


def extractor(ctx: click.Context, *, with_borders: bool = True):
    """The Extractor for the active gazetteer (built once per command)."""
    from ..extract import Extractor

    return Extractor.from_directory(ctx.obj.get("gazetteer") if ctx.obj else None,
                                    with_borders=with_borders)


def check_inputs(inputs: tuple[str, ...]) -> list[str]:
    """Expand directories; a missing path is a usage error (exit 2)."""
    for item in inputs:
        if item != "-" and not os.path.exists(item):
            raise click.UsageError(f"{item}: no such file or directory")
    paths = expand(inputs)
    click.get_current_context().meta["inputs"] = len(paths)
    return paths


@contextlib.contextmanager
def output(path: str | None):
    """stdout for None or ``-``, else an atomically replaced file."""
    if path in (None, "-"):
        yield sys.stdout
        return
    from ..files import atomic_write

    with atomic_write(path) as fh:
        yield fh
