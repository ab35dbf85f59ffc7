"""``geomap incidents``: the events the texts report, merged across texts."""
from __future__ import annotations

import click

from .common import INPUTS, check_inputs, documents, extractor, output


@click.command()
@INPUTS
@click.option("-f", "--format", "fmt",
              type=click.Choice(["jsonl", "geojson", "csv", "gpkg", "parquet"]),
              default="jsonl", show_default=True,
              help="Output format (gpkg and parquet need -o).")
@click.option("-o", "--output", "out", metavar="FILE", help="Write here instead of stdout.")
@click.pass_context
def incidents(ctx, inputs, fmt, out):
    """List the incidents reported in INPUT (see "Input" in geomap --help),
    one record per incident merged across texts: id, type, date, date_precision, location,
    lat, lon, geo_precision, side, border, border_km, counts, actors, claim_sources and
    sources (file, title, date, primary, evidence spans). CSV uses ACLED-like columns
    (event_date, event_type, location, latitude, longitude, geo_precision, source, notes).

    \b
    Examples:
      geomap incidents seeds/
      geomap incidents seeds/ --format geojson -o output/incidents.geojson
      geomap incidents seeds/ --format csv
      geomap incidents seeds/ --format gpkg -o output/incidents.gpkg
    """
    from ..api import analyse
    from ..events.records import CSV_FIELDS, csv_record, incident_record
    from ..records import write_records

    paths = check_inputs(inputs)
    if fmt in ("gpkg", "parquet") and out in (None, "-"):
        raise click.UsageError(f"--format {fmt} needs -o FILE")
    a = analyse(documents(ctx, paths), extractor(ctx))
    if fmt in ("gpkg", "parquet"):
        from ..gis import write_gpkg, write_parquet

        if fmt == "gpkg":
            rows = write_gpkg(out, mentions=a.mentions, incidents=a.incidents,
                              borders=a.geodata["borders"])
            click.echo(f"wrote {rows} to {out}", err=True)
        else:
            click.echo(f"wrote {write_parquet(out, incidents=a.incidents)} incidents to {out}",
                       err=True)
        return
    records = (incident_record(i) for i in a.incidents)
    if fmt == "csv":
        records = (csv_record(r) for r in records)
    with output(out) as fh:
        n = write_records(records, fmt, fh, CSV_FIELDS if fmt == "csv" else None)
    if out not in (None, "-"):
        click.echo(f"wrote {n} incidents to {out}", err=True)
