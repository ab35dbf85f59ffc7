"""``geomap incidents``: the events the texts report, merged across texts."""
from __future__ import annotations

import click

from ..io.options import output_options
from .common import (INPUTS, analysed, check_inputs, check_run, documents, engine_options,
                     extractor, input_options, write_layers, wrote)


@click.command()
@INPUTS
@output_options(["jsonl", "geojson", "csv", "gpkg", "parquet"], "jsonl",
                needs_file=["parquet", "gpkg"],
                help_format="Output format: GeoParquet and GeoPackage (layers mentions, "
                            "incidents, borders) need -o.")
@engine_options("Texts read on local processes, or in partitions on a Dask cluster (files "
                "only; the output is the same).")
@click.pass_context
def incidents(ctx, inputs, fmt, out, engine, scheduler, workers, partitions, jobs, quiet):
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
      geomap incidents corpus.jsonl --engine dask --workers 4 -o incidents.jsonl
      geomap incidents articles.csv --text-field body --date-field published \\
          --title-field headline --url-field link -o incidents.csv
      geomap incidents reports/*.pdf reports/*.docx
    """
    from ..api import input_year
    from ..io.incidents import CSV_FIELDS, INCIDENT_TYPES, csv_record, incident_record
    from ..io.output import then, write

    paths = check_inputs(inputs)
    if engine == "dask":
        if fmt == "gpkg":
            raise click.UsageError("--engine dask does not write GeoPackage")
        if "-" in paths:
            raise click.UsageError("--engine dask reads files, not stdin")
        from ..api import combine
        from ..scale import incident_shares
        from ..unplaced import UnplacedFinder

        ex = extractor(ctx)
        shares = incident_shares(paths, year=input_year(paths, input_options(ctx)),
                                 gazetteer=ctx.obj.get("gazetteer") if ctx.obj else None,
                                 scheduler=scheduler, workers=workers, partitions=partitions,
                                 options=input_options(ctx), quiet=quiet)
        found = combine(shares, ex, UnplacedFinder(ex), keep=False).incidents
    else:
        if fmt == "gpkg":
            write_layers(ctx, documents(ctx, paths), extractor(ctx), out)
            return
        found = analysed(ctx, paths, jobs=jobs, keep=False, quiet=quiet).incidents
    records = (incident_record(i) for i in found)
    layout = {}
    if fmt in ("csv", "parquet"):               # the flat ACLED-like columns
        records = (csv_record(r) for r in records)
        layout = {"fields": CSV_FIELDS, "types": INCIDENT_TYPES, "lat": "latitude",
                  "lon": "longitude"}
    n = write(then(records, lambda: check_run(ctx)), fmt, out, **layout)
    if out not in (None, "-"):
        wrote({"incidents": n}, out)
