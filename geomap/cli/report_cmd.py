"""``geomap report``: one self-contained HTML report (map, incidents, evidence, places,
methods), optionally printed to PDF."""
from __future__ import annotations

from pathlib import Path

import click

from .common import INPUTS, JOBS, QUIET, TEXTS, analysed, check_inputs, check_run, import_folium

DEFAULT_OUT = {"html": "output/report.html", "pdf": "output/report.pdf"}


@click.command()
@INPUTS
@click.option("-o", "--output", "out", metavar="FILE",
              help="File to write (replaced atomically; *.pdf gives the PDF only). "
                   "[default: output/report.html, output/report.pdf]")
@click.option("-f", "--format", "fmt", type=click.Choice(["html", "pdf"]),
              help="html: the page; pdf: the page printed by a headless Chromium found on "
                   "this machine ($GEOMAP_CHROMIUM, chromium, google-chrome, ...). "
                   "[default: from the extension of -o, else html]")
@click.option("--title", help="Report title.")
@click.option("--pdf", is_flag=True, help="With the HTML, also print it to PDF (FILE with "
              ".pdf).")
@TEXTS
@JOBS
@QUIET
@click.pass_context
def report(ctx, inputs, out, fmt, title, pdf, texts, jobs, quiet):
    """Write a report on INPUT (see "Input" in geomap --help): what was
    processed, the interactive offline map, a table of incidents (date, type, place, side,
    distance to the border, people involved, sources) with each incident's quoted evidence,
    the places with their mention counts, and the methods and data sources. Prints the
    path(s) written. --texts sets the map's texts as for geomap map; with excerpts or none
    the evidence is quoted as the map's popups quote it (the first 20 sources of an
    incident, each sentence once), so a report of thousands of texts stays small.

    \b
    Examples:
      geomap report seeds/
      geomap report seeds/ -o output/report.html --title "August 2021" --pdf
      geomap report seeds/ -o output/report.pdf
      geomap report reports/ --texts excerpts
    """
    import tempfile

    from ..io.options import resolve

    out, fmt = resolve(out, fmt, ["html", "pdf"], "html", default_out=DEFAULT_OUT)

    import_folium()
    from ..render.report import print_pdf, write_report

    paths = check_inputs(inputs)
    a = analysed(ctx, paths, jobs=jobs, quiet=quiet)
    check_run(ctx)
    if fmt == "pdf":
        with tempfile.TemporaryDirectory(prefix="geomap-report-") as tmp:
            page = Path(tmp) / "report.html"
            write_report(a, page, title=title, texts=texts)
            print_pdf(page, out)
        click.echo(out)
        return
    write_report(a, out, title=title, texts=texts)
    click.echo(out)
    if pdf:
        target = Path(out).with_suffix(".pdf")
        print_pdf(out, target)
        click.echo(str(target))
