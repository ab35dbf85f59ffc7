"""``geomap gazetteer``: show, search, add to, edit, import, export and validate the gazetteer.

The commands are thin: reading is ``geomap.places.gazetteer.Gazetteer``, writing is
``geomap.places.store``, validation ``geomap.places.validate``, the online look-up is
``geomap.online``. See docs/gazetteer.md.
"""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..io.options import output_options
from .common import plural

FORMATS = ("table", "csv", "jsonl", "geojson")


def _directory(ctx: click.Context) -> Path:
    from ..extract import gazetteer_dir

    return gazetteer_dir(ctx.obj.get("gazetteer") if ctx.obj else None)


def _load(ctx: click.Context):
    from ..places.gazetteer import Gazetteer
    from .common import report_skipped_rows

    return report_skipped_rows(Gazetteer.load(_directory(ctx)))


def _describe(place, source: str | None = None) -> str:
    """A few lines about one entry."""
    lines = [f"{place.id}: {place.name} ({place.kind}, {place.country or '-'}) "
             f"{place.lat:.5f}, {place.lon:.5f}"]
    if place.alt_names:
        lines.append(f"  alternate names: {' | '.join(place.alt_names)}")
    if place.population is not None:
        lines.append(f"  population: {place.population}")
    lines.append(f"  source: {place.source or '-'}")
    if source:
        lines.append(f"  layer: {source}")
    return "\n".join(lines)


def _echo_place(place, as_json: bool, verb: str = "") -> None:
    from ..io.records import place_record

    if as_json:
        click.echo(json.dumps(place_record(place), ensure_ascii=False))
    else:
        click.echo(f"{verb}{_describe(place)}")


class LatLon(click.ParamType):
    """``LAT,LON`` in decimal degrees."""

    name = "LAT,LON"

    def convert(self, value, param, ctx):
        if isinstance(value, tuple):
            return value
        try:
            lat, lon = (float(v) for v in str(value).split(","))
        except ValueError:
            self.fail(f"{value!r} is not LAT,LON (e.g. 54.2,25.6)", param, ctx)
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            self.fail(f"{value!r} is out of range", param, ctx)
        return lat, lon


@click.group()
def gazetteer():
    """Manage the gazetteer: the places geomap can find. Entries you add go to the user file
    local.csv of the active gazetteer (see `geomap gazetteer info`), never into the generated
    files, and take effect at once in `where`, `extract` and `map`.

    \b
    Examples:
      geomap gazetteer info
      geomap gazetteer add "Testavičiai" --lat 54.30 --lon 25.40 --country LT --kind village
      geomap gazetteer search salcin --country LT
      geomap gazetteer validate
    """


@gazetteer.command()
@click.pass_context
def info(ctx):
    """Show the active gazetteer directory, why it is the active one, its files with their
    entry counts and where user entries go.

    \b
    Example:
      GEOMAP_GAZETTEER=~/my-gazetteer geomap gazetteer info
    """
    from click.core import ParameterSource

    from ..places.files import (HIDDEN_FILE, USER_FILE, BrokenRow, gazetteer_files, read_hidden,
                                read_rows, user_layer_dir)

    directory = _directory(ctx)
    root = ctx.find_root()
    if root.params.get("gazetteer"):
        why = ("$GEOMAP_GAZETTEER" if root.get_parameter_source("gazetteer")
               == ParameterSource.ENVIRONMENT else "--gazetteer")
    elif directory == Path("gazetteer"):
        why = "./gazetteer of the current directory"
    else:
        why = "bundled with geomap"
    g = _load(ctx)
    user_dir = user_layer_dir(directory)
    click.echo(f"gazetteer: {directory.resolve()} ({why})")
    click.echo(f"user file: {(user_dir / USER_FILE).resolve()}")
    for f in gazetteer_files(directory):
        label = f.name if f.parent == directory else str(f)
        suffix = " (user)" if f.name == USER_FILE else ""
        rows = list(read_rows(f))
        broken = sum(isinstance(r, BrokenRow) for r in rows)
        click.echo(f"  {label}{suffix}: {len(rows) - broken} entries"
                   + (f" ({broken} broken rows skipped)" if broken else ""))
    hidden = read_hidden(directory)
    if hidden:
        click.echo(f"  {HIDDEN_FILE}: {len(hidden)} hidden ids")
    click.echo(f"entries in effect: {len(g)} ({len(g.user_ids)} from the user file)")


@gazetteer.command()
@click.argument("name")
@click.option("--lat", type=float, required=True, help="Latitude, decimal degrees.")
@click.option("--lon", type=float, required=True, help="Longitude, decimal degrees.")
@click.option("--country", required=True, metavar="CC", help="ISO 3166-1 alpha-2 code.")
@click.option("--kind", required=True, metavar="KIND",
              help="village, town, city, capital, district, region, country, crossing, camp "
                   "or other.")
@click.option("--alt", "alts", multiple=True, metavar="NAME", help="An alternate name "
              "(repeatable): other spellings or languages.")
@click.option("--source", default="user", show_default=True, help="Where the entry comes "
              "from (a URL, a book...).")
@click.option("--population", type=click.IntRange(0), help="Inhabitants.")
@click.option("--force", is_flag=True, help="Store it even if the point lies more than 10 km "
              "outside the stated country or the name is already present within 5 km "
              "(validate then warns about it).")
@click.option("--json", "as_json", is_flag=True, help="Print the new entry as JSON.")
@click.pass_context
def add(ctx, name, lat, lon, country, kind, alts, source, population, force, as_json):
    """Add a place NAME to the user file. Refused (exit 1, files unchanged) when a value is
    invalid, or, unless --force, when the point lies more than 10 km outside the stated
    country (the message names the country it lies in, and hints at swapped latitude and
    longitude) or the name is already present within 5 km: the rules of `validate`.

    \b
    Examples:
      geomap gazetteer add "Testavičiai" --lat 54.30 --lon 25.40 --country LT \\
          --kind village --alt Testaviciai
      geomap gazetteer add "Rudninkai camp" --lat 54.44 --lon 25.15 --country LT --kind camp \\
          --source https://example.org/report --json
    """
    from ..places.store import Store

    place = Store(_directory(ctx)).add(name, lat=lat, lon=lon, country=country, kind=kind,
                                       alt_names=alts, source=source, population=population,
                                       force=force)
    _echo_place(place, as_json, "added ")


@gazetteer.command()
@click.argument("place_id", metavar="ID")
@click.option("--name", help="New name.")
@click.option("--lat", type=float, help="New latitude.")
@click.option("--lon", type=float, help="New longitude.")
@click.option("--country", metavar="CC", help="New ISO-2 country code.")
@click.option("--kind", metavar="KIND", help="New kind.")
@click.option("--alt", "alts", multiple=True, metavar="NAME",
              help="Replace the alternate names (repeatable).")
@click.option("--source", help="New source.")
@click.option("--population", type=click.IntRange(0), help="New population.")
@click.option("--force", is_flag=True, help="Store it even if the point lies more than 10 km "
              "outside the stated country or the name is already present within 5 km "
              "(validate then warns about it).")
@click.option("--json", "as_json", is_flag=True, help="Print the entry as JSON.")
@click.pass_context
def edit(ctx, place_id, name, lat, lon, country, kind, alts, source, population, force,
         as_json):
    """Change the entry ID, with the rules of `add`. A user entry changes in place; a bundled
    entry is never edited: a user entry with the same id overrides it (`remove ID` drops the
    override again). A broken row of local.csv (a latitude that is not a number...) is fixed
    by giving the bad value again.

    \b
    Examples:
      geomap gazetteer edit usr:testaviciai --lat 54.31 --alt Testaviciai --alt Теставичи
      geomap gazetteer edit cur:bruzgi --source https://be.wikipedia.org/wiki/Брузгі
      geomap gazetteer edit usr:broken-row --lat 54.12
    """
    from ..places.store import Store

    changes = {"name": name, "lat": lat, "lon": lon, "country": country, "kind": kind,
               "alt_names": alts or None, "source": source, "population": population}
    if all(v is None for v in changes.values()):
        raise click.UsageError("nothing to change: give at least one of --name, --lat, --lon, "
                               "--country, --kind, --alt, --source, --population")
    place, overrides = Store(_directory(ctx)).edit(place_id, force=force, **changes)
    _echo_place(place, as_json, "overridden by a user entry: " if overrides else "changed ")


@gazetteer.command()
@click.argument("place_id", metavar="ID")
@click.pass_context
def remove(ctx, place_id):
    """Remove the user entry ID, or hide the bundled entry ID (its id goes to
    local-hidden.txt; `unhide` shows it again).

    \b
    Examples:
      geomap gazetteer remove usr:testaviciai
      geomap gazetteer remove gn:594073
    """
    from ..places.store import Store

    done = Store(_directory(ctx)).remove(place_id)
    click.echo({"removed": f"removed {place_id}",
                "removed override": f"removed the user entry {place_id}; the bundled entry "
                                    "shows again (remove it again to hide it)",
                "hidden": f"hid the bundled entry {place_id}"}[done])


@gazetteer.command()
@click.argument("place_id", metavar="ID")
@click.pass_context
def unhide(ctx, place_id):
    """Show the hidden bundled entry ID again.

    \b
    Example:
      geomap gazetteer unhide gn:594073
    """
    from ..places.store import Store

    Store(_directory(ctx)).unhide(place_id)
    click.echo(f"{place_id} is shown again")


@gazetteer.command()
@click.argument("query", metavar="ID|NAME")
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines.")
@click.pass_context
def show(ctx, query, as_json):
    """Show the entry with id ID, or every entry named NAME (any case, diacritics, alternate
    or inflected form), best first.

    \b
    Examples:
      geomap gazetteer show cur:dieveniskes
      geomap gazetteer show Dziewieniszki
    """
    from ..io.records import place_record

    g = _load(ctx)
    if query in g.hidden:
        raise click.ClickException(f"{query} is hidden (`geomap gazetteer unhide {query}` "
                                   "shows it again)")
    places = [g.get(query)] if g.get(query) else g.find(query)
    if not places:
        raise click.ClickException(f"no entry with id or name {query!r}")
    for p in places:
        if as_json:
            click.echo(json.dumps(place_record(p) | {"layer": g.source_of(p.id)},
                                  ensure_ascii=False))
        else:
            click.echo(_describe(p, g.source_of(p.id)))


@gazetteer.command()
@click.argument("query")
@click.option("--country", metavar="CC", help="Only this country (ISO-2).")
@click.option("--kind", metavar="KIND", help="Only this kind.")
@click.option("--near", type=LatLon(), help="Rank by distance from this point.")
@click.option("--within", "within_km", type=click.FloatRange(0), metavar="KM",
              help="Only entries this close to --near.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1),
              help="At most this many results.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines.")
@click.pass_context
def search(ctx, query, country, kind, near, within_km, limit, as_json):
    """Search names: case- and diacritic-insensitive, matching alternate and inflected forms,
    then names that start with or contain QUERY; ranked best first.

    \b
    Examples:
      geomap gazetteer search salcin
      geomap gazetteer search Kuznica --country PL --kind village
      geomap gazetteer search Medininkai --near 54.54,25.65 --within 10
    """
    from ..io.records import place_record

    if within_km is not None and near is None:
        raise click.UsageError("--within needs --near LAT,LON")
    hits = _load(ctx).search(query, country=country, kind=kind, near=near,
                             within_km=within_km, limit=limit)
    if not hits:
        raise click.ClickException(f"nothing matches {query!r}")
    for h in hits:
        p = h.place
        if as_json:
            rec = place_record(p) | {"match": h.match, "matched": h.matched}
            if h.distance_km is not None:
                rec["distance_km"] = round(h.distance_km, 2)
            click.echo(json.dumps(rec, ensure_ascii=False))
            continue
        how = h.match if h.matched == p.name else f"{h.match} {h.matched!r}"
        dist = f", {h.distance_km:.1f} km" if h.distance_km is not None else ""
        click.echo(f"{p.id}  {p.name} ({p.kind}, {p.country or '-'}) {p.lat:.5f}, "
                   f"{p.lon:.5f}  [{how}{dist}]")


@gazetteer.command("list")
@click.option("--country", metavar="CC", help="Only this country (ISO-2).")
@click.option("--kind", metavar="KIND", help="Only this kind.")
@click.option("--source", "layer", type=click.Choice(["user", "bundled"]),
              help="Only user entries (the user file) or only bundled ones.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="table",
              show_default=True, help="Output format (csv is the gazetteer's own schema).")
@click.pass_context
def list_command(ctx, country, kind, layer, fmt):
    """List entries, sorted by id.

    \b
    Examples:
      geomap gazetteer list --source user
      geomap gazetteer list --country LT --kind crossing --format geojson
    """
    from ..io.output import text_output
    from ..places.files import write_places

    g = _load(ctx)
    places = sorted((p for p in g.places
                     if (not country or (p.country or "") == country.upper())
                     and (not kind or p.kind == kind)
                     and (not layer or g.source_of(p.id) == layer)), key=lambda p: p.id)
    if fmt != "table":
        with text_output(None) as fh:
            write_places(places, fmt, fh)
        return
    rows = [(p.id, p.name, p.kind, p.country or "-", f"{p.lat:.5f}", f"{p.lon:.5f}",
             g.source_of(p.id)) for p in places]
    header = ("id", "name", "kind", "country", "lat", "lon", "layer")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for r in [header, *rows]:
        click.echo("  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip())


@gazetteer.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("-f", "--format", "fmt", type=click.Choice(["csv", "geojson", "geonames"]),
              help="Input format (default: from the extension: .csv, .geojson/.json, "
                   ".txt/.tsv for a GeoNames dump).")
@click.option("--dry-run", is_flag=True, help="Report what would happen; write nothing.")
@click.option("--force", is_flag=True, help="Store rows whose point lies more than 10 km "
              "outside their stated country (validate then warns about them).")
@click.pass_context
def import_command(ctx, file, fmt, dry_run, force):
    """Add the places of FILE as user entries, in one write: a CSV file with a header (the
    gazetteer's columns; at least name, lat, lon, kind), GeoJSON Point features (the same
    properties), or a GeoNames dump (tab-separated, as downloaded from GeoNames). Reports
    how many were added, skipped as duplicates (same id, or same name within 5 km) or refused
    and why (invalid values; a point outside its stated country, unless --force), by line
    (feature, for GeoJSON). Rows without coordinates (a template of `geomap unplaced
    --format csv` not yet filled in) are skipped with a message. Exit status 1 when a row was
    refused (the valid rows are still added).

    \b
    Examples:
      geomap gazetteer import LT.txt --dry-run
      geomap gazetteer import my-places.geojson
    """
    from ..places.imports import import_format, read_import
    from ..places.store import Store

    fmt = fmt or import_format(file)
    if fmt is None:
        raise click.UsageError(f"cannot tell the format of {file}: give --format")
    report = Store(_directory(ctx)).import_places(read_import(file, fmt), dry_run=dry_run,
                                                  force=force)
    for where, why in report.unfilled + report.duplicates:
        click.echo(f"  skipped {where}: {why}")
    for where, why in report.refused:
        click.echo(f"  refused {where}: {why}")
    verb = "would add" if dry_run else "added"
    unfilled = f", {len(report.unfilled)} without coordinates" if report.unfilled else ""
    click.echo(f"{verb} {len(report.added)}, skipped {len(report.duplicates)} as duplicates"
               f"{unfilled}, refused {len(report.refused)}" + (" (dry run: nothing written)"
                                                     if dry_run else ""))
    if report.refused:
        raise click.ClickException(f"{len(report.refused)} rows refused")


@gazetteer.command()
@output_options(["csv", "geojson"], "csv", help_format="Output format.")
@click.option("--all", "everything", is_flag=True, help="Every entry in effect, not only the "
              "user entries.")
@click.pass_context
def export(ctx, fmt, out, everything):
    """Write the user entries (or, with --all, every entry), sorted by id, as CSV (the
    gazetteer schema) or GeoJSON; `import` reads both back.

    \b
    Examples:
      geomap gazetteer export -o my-places.csv
      geomap gazetteer export --format geojson --all -o output/gazetteer.geojson
    """
    from ..io.output import text_output
    from ..places.files import write_places

    g = _load(ctx)
    places = sorted((p for p in g.places if everything or p.id in g.user_ids),
                    key=lambda p: p.id)
    with text_output(out) as fh:
        n = write_places(places, fmt, fh)
    if out not in (None, "-"):
        click.echo(f"wrote {n} entries to {out}", err=True)


@gazetteer.command()
@click.option("--errors-only", is_flag=True, help="Do not print warnings.")
@click.pass_context
def validate(ctx, errors_only):
    """Check the gazetteer: schema, unique ids, coordinates in range and inside the stated
    country (10 km tolerance), ISO codes, kinds, duplicate and near-duplicate entries (same
    name within 5 km), alternate names that are another entry's name (warnings: they can
    cause wrong resolutions). Exit status 1 when there are errors.

    \b
    Example:
      geomap gazetteer validate --errors-only
    """
    report = _load(ctx).validate()
    for issue in report.issues:
        if not errors_only or issue.severity == "error":
            click.echo(str(issue))
    click.echo(f"{plural(report.entries, 'entry')} in {plural(len(report.files), 'file')}: "
               f"{plural(len(report.errors), 'error')}, "
               f"{plural(len(report.warnings), 'warning')}")
    if report.errors:
        raise click.ClickException(f"the gazetteer has {plural(len(report.errors), 'error')}")


@gazetteer.command()
@click.argument("name")
@click.option("--online", is_flag=True, help="Allow the request to OpenStreetMap Nominatim "
              "(sends NAME over the network).")
@click.option("--add", "pick", type=click.IntRange(1), metavar="N",
              help="Store candidate N as a user entry.")
@click.option("--limit", default=5, show_default=True, type=click.IntRange(1, 50),
              help="At most this many candidates.")
@click.option("--force", is_flag=True, help="With --add: store it even if the name is "
              "already present within 5 km.")
@click.option("--nominatim-url", envvar="GEOMAP_NOMINATIM_URL", hidden=True,
              help="Base URL of another Nominatim server.")
@click.option("--json", "as_json", is_flag=True, help="Print candidates as JSON Lines.")
@click.pass_context
def lookup(ctx, name, online, pick, limit, force, nominatim_url, as_json):
    """Look NAME up in OpenStreetMap Nominatim (only with --online: nothing goes over the
    network otherwise), list the candidates and, with --add N, store candidate N as a user
    entry (source and ODbL licence recorded). At most one request a second; answers are
    cached on disk.

    \b
    Examples:
      geomap gazetteer lookup "Pabradė" --online
      geomap gazetteer lookup "Pabradė" --online --add 1
    """
    from dataclasses import asdict

    from ..online import lookup as nominatim
    from ..places.store import Store

    if not online:
        raise click.UsageError(f"looking {name!r} up in OpenStreetMap Nominatim sends it over "
                               "the network: add --online to allow that")
    found = nominatim(name, limit=limit, url=nominatim_url)
    if not found:
        raise click.ClickException(f"Nominatim has no place named {name!r}")
    for n, c in enumerate(found, 1):
        if as_json:
            click.echo(json.dumps({"n": n} | asdict(c), ensure_ascii=False))
        else:
            click.echo(f"{n}. {c.name} ({c.kind}, {c.country or '-'}) {c.lat:.5f}, "
                       f"{c.lon:.5f}  {c.osm_type} {c.osm_id}\n   {c.display_name}")
    if pick is not None:
        if pick > len(found):
            raise click.UsageError(f"--add {pick}: there are only {len(found)} candidates")
        place = Store(_directory(ctx)).add_place(found[pick - 1].place(name), force=force)
        click.echo(f"added {_describe(place)}", err=as_json)
