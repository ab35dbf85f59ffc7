"""``geomap map``: a self-contained, layered HTML map of the places in the texts."""
from __future__ import annotations

import click

from .common import INPUTS, check_inputs, extractor


@click.command("map")
@INPUTS
@click.option("-o", "--output", "out", default="output/map.html", show_default=True,
              metavar="FILE", help="HTML file to write (replaced atomically).")
@click.option("--title", help="Map title (default: derived from the inputs).")
@click.pass_context
def map_command(ctx, inputs, out, title):
    """Render an offline HTML map of the places named in INPUT (files, directories of *.txt,
    or - for stdin): the Belarus borders, country outlines, one marker per place (popups quote
    every sentence that names it) and one layer per document. Prints the path written.

    \b
    Examples:
      geomap map seeds/
      geomap map seeds/ -o output/seeds.html --title "Border incidents, August 2021"
    """
    import json

    from ..html import build_map, write_html
    from ..texts import read_documents

    paths = check_inputs(inputs)
    ex = extractor(ctx)
    docs = list(read_documents(paths))
    mentions = [m for d in docs for m in ex.extract(d)]
    directory = ex.gazetteer.directory

    def load(name):
        path = directory / name
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None

    m = build_map(mentions, docs, borders=load("borders.geojson"),
                  countries=load("countries.geojson"), world=load("world.geojson"), title=title)
    write_html(m, out)
    click.echo(out)
