"""Flat records for output: each mention and place built once into the dict every writer
(JSON Lines, GeoJSON, CSV, GeoParquet, GeoPackage) reads (incidents: ``incidents``)."""
from __future__ import annotations

from collections.abc import Sequence

from ..accel import compiled
from ..model import BorderRelation, Mention, Place

MENTION_FIELDS = ("file", "start", "end", "text", "name", "id", "lat", "lon", "country", "kind",
                  "side", "border", "border_km", "sentence", "confidence", "in_org", "url")


def mention_record(m: Mention) -> dict:
    """The output fields of one mention (coordinates null when unresolved)."""
    return {"file": m.doc.path, "start": m.start, "end": m.end, "text": m.text,
            **_place_fields(m.place, m.border),
            "sentence": m.sentence, "confidence": m.confidence, "in_org": m.in_org,
            "url": m.doc.url or None}


# (place, border relation, their fields) by the two objects' ids: an entry holds the objects,
# so neither id can be reused by another object while it lives.
_PLACE_FIELDS: dict[tuple[int, int], tuple[Place | None, BorderRelation | None, dict]] = {}


def _place_fields(p: Place | None, b: BorderRelation | None) -> dict:
    """The fields of a mention's record that come from its place and border relation (the
    same few places recur in every text: memoised)."""
    hit = _PLACE_FIELDS.get((id(p), id(b)))
    if hit is None:
        if len(_PLACE_FIELDS) >= 100_000:
            _PLACE_FIELDS.clear()
        hit = _PLACE_FIELDS[id(p), id(b)] = (p, b, {
            "name": p.name if p else None, "id": p.id if p else None,
            "lat": p.lat if p else None, "lon": p.lon if p else None,
            "country": p.country if p else None, "kind": p.kind if p else None,
            "side": b.side if b else None, "border": b.border if b else None,
            "border_km": round(b.distance_km, 2) if b else None})
    return hit[2]


def mention_lines(mentions: Sequence[Mention]) -> bytes:
    """The JSON Lines of ``mention_record`` for each mention, UTF-8 encoded, as
    ``writers.jsonl_bytes`` writes them; compiled (``geomap/_speedups.c``) when built, without
    building the records."""
    import orjson

    if _mention_lines is None:
        from .writers import jsonl_bytes

        return jsonl_bytes(map(mention_record, mentions))
    return _mention_lines(mentions, _PLACE_JSON, _place_json, orjson.dumps)


# None without the compiled scanners, or with a build older than this function (a stale .so).
_mention_lines = getattr(compiled, "mention_lines", None)


# The place and border fields of a record as JSON (a run of "key":value pairs, no braces), by
# the place's id, with the place and border relation they were made for (checked on use).
_PLACE_JSON: dict[int, tuple[Place | None, BorderRelation | None, bytes]] = {}


def _place_json(p: Place | None, b: BorderRelation | None) -> bytes:
    import orjson

    return orjson.dumps(_place_fields(p, b))[1:-1]


def place_record(p: Place) -> dict:
    """The output fields of a gazetteer entry."""
    return {"id": p.id, "name": p.name, "alt_names": list(p.alt_names), "lat": p.lat,
            "lon": p.lon, "country": p.country, "kind": p.kind, "population": p.population,
            "source": p.source}

#: the Arrow types of the typed mention fields (the others are strings)
MENTION_TYPES = {"start": "int64", "end": "int64", "lat": "float64", "lon": "float64",
                 "border_km": "float64", "confidence": "float64", "in_org": "bool_"}
