"""``geomap where``: look a name up in the gazetteer and relate it to the border."""
from __future__ import annotations

import json

import click

from .common import extractor

_AREAS = frozenset({"country", "region", "district"})


@click.command()
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines, one entry per line.")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1),
              help="At most this many entries.")
@click.pass_context
def where(ctx, name, as_json, limit):
    """Show the gazetteer entries named NAME (any case, diacritics or inflection, or a
    Cyrillic spelling of a border place's Latin name, as extraction reads names), nearest
    the Belarus border first, with the side of the border, the nearest border and the
    distance to it.

    \b
    Examples:
      geomap where Dieveniškės
      geomap where Salcininkai --json
      geomap where Минске
      geomap where "Usnarzu Górnym"
      geomap where Девенишкесом
    """
    from ..io.records import place_record

    ex = extractor(ctx)
    places = ex.gazetteer.find(name)
    if places and all(p.kind in _AREAS for p in places):
        # "Druskininkų" names the municipality ("Druskininkų savivaldybė" less its designator)
        # and, inflected, the town: as extraction does, look the base forms up too
        from ..morph import name_variants

        known = {p.id for p in places}
        for variant in name_variants(name.split()):
            for m in ex.gazetteer.lookup(variant):
                if m.place.id not in known:
                    known.add(m.place.id)
                    places.append(m.place)
    if not places and len(name.split()) == 1:
        # a Cyrillic spelling of a Lithuanian, Latvian or Polish name ("Робежниеки"), read
        # as extraction reads it: places near the border only
        places = [p for p in ex.recogniser.transliterated(name.strip())
                  if ex.resolver.fuzzy_resolves(p)]
    if not places:
        raise click.ClickException(f"no place named {name!r} in the gazetteer")
    related = [(p, ex.borders.relate(p.lat, p.lon)) for p in places]
    # A region or district shares its seat's point: at one distance the place comes first.
    # Stable: find's order breaks the other ties.
    related.sort(key=lambda pr: (pr[1].distance_km, pr[0].kind in _AREAS))
    for p, rel in related[:limit]:
        rec = place_record(p) | {"side": rel.side, "border": rel.border,
                                 "border_km": round(rel.distance_km, 2),
                                 "nearest_border_point": [round(rel.nearest[0], 6),
                                                          round(rel.nearest[1], 6)]}
        if as_json:
            click.echo(json.dumps(rec, ensure_ascii=False))
        else:
            click.echo(f"{p.name} ({p.kind}, {p.country or '-'}) {p.lat:.5f}, {p.lon:.5f}  "
                       f"id {p.id}\n  side {rel.side or '-'}; {rel.distance_km:.1f} km from the "
                       f"{rel.border} border (nearest point {rel.nearest[0]:.5f}, "
                       f"{rel.nearest[1]:.5f})")
