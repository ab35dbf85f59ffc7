"""``geomap extract``: every place mention as JSON Lines, GeoJSON or CSV."""
from __future__ import annotations

import click

from .common import INPUTS, check_inputs, extractor, output


@click.command()
@INPUTS
@click.option("-f", "--format", "fmt", type=click.Choice(["jsonl", "geojson", "csv"]),
              default="jsonl", show_default=True, help="Output format.")
@click.option("-o", "--output", "out", metavar="FILE", help="Write here instead of stdout.")
@click.pass_context
def extract(ctx, inputs, fmt, out):
    """List the place names found in INPUT (files, directories of *.txt, or - for stdin),
    one record per mention: file, start, end, text, name, id, lat, lon, country, kind, side,
    border, border_km, sentence.

    \b
    Examples:
      geomap extract seeds/
      geomap extract seeds/ --format geojson -o output/mentions.geojson
      echo "Migrants were found near Dieveniškės." | geomap extract -
    """
    from ..records import MENTION_FIELDS, mention_record, write_records
    from ..texts import read_documents

    paths = check_inputs(inputs)
    ex = extractor(ctx)
    with output(out) as fh:
        records = (mention_record(m) for m in ex.extract_all(read_documents(paths)))
        n = write_records(records, fmt, fh, MENTION_FIELDS)
    if out not in (None, "-"):
        click.echo(f"wrote {n} mentions to {out}", err=True)
