"""``geomap report``: one self-contained HTML report (map, incidents, evidence, places,
methods), optionally printed to PDF."""
from __future__ import annotations

from pathlib import Path

import click

from .common import INPUTS, check_inputs, documents, extractor, import_folium


@click.command()
@INPUTS
@click.option("-o", "--output", "out", default="output/report.html", show_default=True,
              metavar="FILE", help="HTML file to write (replaced atomically).")
@click.option("--title", help="Report title.")
@click.option("--pdf", is_flag=True, help="Also print the report to PDF (FILE with .pdf) with "
              "a headless Chromium found on this machine ($GEOMAP_CHROMIUM, chromium, "
              "google-chrome, ...).")
@click.pass_context
def report(ctx, inputs, out, title, pdf):
    """Write a report on INPUT (see "Input" in geomap --help): what was
    processed, the interactive offline map, a table of incidents (date, type, place, side,
    distance to the border, people involved, sources) with each incident's quoted evidence,
    the places with their mention counts, and the methods and data sources. Prints the
    path(s) written.

    \b
    Examples:
      geomap report seeds/
      geomap report seeds/ -o output/report.html --title "August 2021" --pdf
    """
    from ..api import analyse

    import_folium()
    from ..render.report import print_pdf, write_report

    paths = check_inputs(inputs)
    a = analyse(documents(ctx, paths), extractor(ctx))
    write_report(a, out, title=title)
    click.echo(out)
    if pdf:
        target = Path(out).with_suffix(".pdf")
        print_pdf(out, target)
        click.echo(str(target))
