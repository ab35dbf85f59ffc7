"""Helpers shared by the commands: loading the pipeline, inputs and outputs."""
from __future__ import annotations

import contextlib
import os
import sys

import click

from ..texts import expand

INPUTS = click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")


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
    return expand(inputs)


@contextlib.contextmanager
def output(path: str | None):
    """stdout for None or ``-``, else an atomically replaced file."""
    if path in (None, "-"):
        yield sys.stdout
        return
    from ..files import atomic_write

    with atomic_write(path) as fh:
        yield fh
