"""``geomap map``: the places and incidents of the texts as an offline HTML map, an HTML
fragment to embed, or a static PNG/SVG image."""
from __future__ import annotations

from pathlib import Path

import click

from .common import INPUTS, JOBS, QUIET, TEXTS, analysed, check_inputs, check_run, import_folium

DEFAULT_OUT = {"html": "output/map.html", "embed": "output/map-embed.html",
               "png": "output/map.png", "svg": "output/map.svg"}


@click.command("map")
@INPUTS
@click.option("-o", "--output", "out", metavar="FILE",
              help="File to write (replaced atomically; *.png and *.svg give an image). "
                   "[default: output/map.html; output/map-embed.html with --embed; "
                   "output/map.png, output/map.svg]")
@click.option("--title", help="Map title (default: none).")
@click.option("-f", "--format", "fmt", type=click.Choice(["html", "png", "svg"]),
              help="html: interactive Leaflet page; png/svg: static image for print. "
                   "[default: from the extension of -o, else html]")
@click.option("--embed", is_flag=True,
              help="Write an HTML fragment (one <div> with its scripts and styles, all ids and "
                   "CSS scoped) to paste into another page.")
@click.option("--iframe", is_flag=True,
              help="Also print an <iframe> snippet that shows the written map page.")
@click.option("--width", type=click.IntRange(min=100), metavar="PX",
              help="Width in pixels (images: at 200 dpi; --dpi scales it). [default: 1600 for "
                   "images, 100% for --embed/--iframe]")
@click.option("--height", type=click.IntRange(min=100), metavar="PX",
              help="Height in pixels (images: at 200 dpi; --dpi scales it). [default: 1200 for "
                   "images, 500/600 for --embed/--iframe]")
@click.option("--dpi", type=click.IntRange(min=10), default=200, show_default=True,
              help="Resolution of PNG output: the layout stays, the pixels scale (600: three "
                   "times the width and height of 200).")
@click.option("--no-incidents", is_flag=True, help="Draw places only, no incidents.")
@TEXTS
@JOBS
@QUIET
@click.pass_context
def map_command(ctx, inputs, out, title, fmt, embed, iframe, width, height, dpi, no_incidents,
                texts, jobs, quiet):
    """Map the places named in INPUT (see "Input" in geomap --help) and the
    incidents the texts report: the Belarus borders, country outlines, one circle per place
    (popups quote the sentences that name it), incidents clustered by zoom (popups quote the
    evidence), a timeline and filters, and a searchable list of the documents with their
    texts. Prints the path written.

    \b
    Examples:
      geomap map seeds/
      geomap map seeds/ -o output/seeds.html --title "Border incidents, August 2021"
      geomap map seeds/ --embed -o output/fragment.html
      geomap map seeds/ -o site/map.html --iframe
      geomap map seeds/ --format png -o output/map.png --width 2400 --height 1600
    """
    from ..io.options import resolve

    out, fmt = resolve(out, fmt, ["html", "png", "svg"], "html",
                       default_out=DEFAULT_OUT | ({"html": DEFAULT_OUT["embed"]} if embed else {}))
    if fmt != "html" and (embed or iframe):
        raise click.UsageError("--embed and --iframe need --format html")
    if embed and iframe:
        raise click.UsageError("--embed and --iframe exclude each other")
    paths = check_inputs(inputs)
    a = analysed(ctx, paths, jobs=jobs, incidents=not no_incidents, quiet=quiet)
    check_run(ctx)
    if fmt in ("png", "svg"):
        from ..render.static import draw_map, save_map

        fig = draw_map(a.mentions, a.incidents, title=title, width=width or 1600,
                       height=height or 1200, dpi=dpi, **a.geodata)
        save_map(fig, out, fmt)
        click.echo(out)
        return
    from ..io.atomic import atomic_write

    import_folium()
    from ..render.html import build_map, write_html

    m = build_map(a.mentions, a.documents, title=title, incidents=a.incidents, texts=texts,
                  unplaced=a.unplaced, **a.geodata)
    size = {k: v for k, v in (("width", width), ("height", height)) if v}
    if embed:
        from ..render.embed import default_scope, fragment_parts

        scope = default_scope(m, Path(out).name)
        with atomic_write(out) as fh:
            for part in fragment_parts(m, scope=scope, **size):
                fh.write(part)
        click.echo(out)
        return
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    write_html(m, out)
    if iframe:
        from ..render.embed import iframe_snippet

        click.echo(iframe_snippet(Path(out).as_posix(), title=title or "Map", **size))
    else:
        click.echo(out)
