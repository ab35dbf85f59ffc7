"""Flat records for output: JSON Lines, GeoJSON (lon, lat) and CSV writers."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO

from .model import BorderRelation, Mention, Place

MENTION_FIELDS = ("file", "start", "end", "text", "name", "id", "lat", "lon", "country", "kind",
                  "side", "border", "border_km", "sentence", "confidence", "in_org")


def mention_record(m: Mention) -> dict:
    """The output fields of one mention (coordinates null when unresolved)."""
    return {"file": m.doc.path, "start": m.start, "end": m.end, "text": m.text,
            **_place_fields(m.place, m.border),
            "sentence": m.sentence, "confidence": m.confidence, "in_org": m.in_org}


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


def place_record(p: Place) -> dict:
    """The output fields of a gazetteer entry."""
    return {"id": p.id, "name": p.name, "alt_names": list(p.alt_names), "lat": p.lat,
            "lon": p.lon, "country": p.country, "kind": p.kind, "population": p.population,
            "source": p.source}


def feature(record: dict) -> dict:
    """A GeoJSON Point feature (lon, lat) with the record as properties."""
    lat, lon = record.get("lat"), record.get("lon")
    geom = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None \
        else None
    return {"type": "Feature", "geometry": geom, "properties": record}


def write_records(records: Iterable[dict], fmt: str, out: IO[str],
                  fields: tuple[str, ...] | None = None) -> int:
    """Write records as jsonl, geojson or csv; return how many were written."""
    n = 0
    if fmt == "jsonl":
        for rec in records:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "geojson":
        out.write('{"type": "FeatureCollection", "features": [')
        for rec in records:
            out.write(("," if n else "") + "\n" + json.dumps(feature(rec), ensure_ascii=False))
            n += 1
        out.write("\n]}\n")
    elif fmt == "csv":
        writer = None
        for rec in records:
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(fields or rec), lineterminator="\n",
                                        extrasaction="ignore")
                writer.writeheader()
            writer.writerow({k: "|".join(v) if isinstance(v, list) else v for k, v in rec.items()})
            n += 1
        if writer is None and fields:
            csv.writer(out, lineterminator="\n").writerow(fields)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return n
