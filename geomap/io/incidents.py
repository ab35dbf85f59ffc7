"""Incident records: the output fields of an incident (JSON Lines, GeoJSON properties) and
their flat ACLED-like CSV form (CSV, GeoParquet, GeoPackage)."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..events import Event, Evidence, Incident

#: the Arrow types of the typed incident CSV columns (the others are strings)
INCIDENT_TYPES = {"latitude": "float64", "longitude": "float64", "geo_precision": "int64",
                  "border_km": "float64"}


def _ev(e: Evidence | None) -> dict | None:
    return {"start": e.start, "end": e.end, "text": e.text, "sentence": e.sentence} if e else None


def _source_record(e: Event) -> dict:
    return {
        "file": e.doc.path, "title": e.doc.title, "site": e.doc.site or None,
        "url": e.doc.url or None,
        "date": e.doc.date.isoformat() if e.doc.date else None, "primary": e.primary,
        "type": e.type, "event_date": e.date.isoformat() if e.date else None,
        "date_precision": e.date_precision,
        "place": e.place.place.name if e.place and e.place.place else None,
        "geo_precision": e.geo_precision,
        "counts": [{"value": c.value, "subject": c.subject} for c in e.counts],
        "evidence": {
            "trigger": [_ev(t) for t in e.triggers],
            "date": [_ev(e.date_evidence)] if e.date_evidence else [],
            "place": [{"start": e.place.start, "end": e.place.end, "text": e.place.text,
                       "sentence": e.place.sentence}] if e.place else [],
            "counts": [_ev(c.evidence) for c in e.counts],
        },
    }


def incident_record(inc: Incident) -> dict:
    """The output fields of an incident (JSON Lines / GeoJSON properties)."""
    p, b = inc.place, inc.border
    primary = next((e for e in inc.events if e.primary), inc.events[0])
    return {
        "id": inc.id, "type": inc.type, "subtype": inc.subtype,
        "types": list(dict.fromkeys(t for e in inc.events for t in e.types)),
        "date": inc.date.isoformat() if inc.date else None, "date_precision": inc.date_precision,
        "dates": inc.dates,
        "location": p.name if p else None, "location_text": inc.location_text,
        "place_id": p.id if p else None,
        "kind": p.kind if p else None, "country": p.country if p else None,
        "lat": p.lat if p else None, "lon": p.lon if p else None,
        "geo_precision": inc.geo_precision,
        "side": b.side if b else (p.country if p else None),
        "border": b.border if b else None,
        "border_km": round(b.distance_km, 2) if b else None,
        "border_point": list(b.nearest) if b else None,
        "places": list(dict.fromkeys(e.place.place.name for e in inc.events
                                     if e.place and e.place.place)),
        "counts": inc.counts, "actors": inc.actors, "claim_sources": inc.claim_sources,
        "notes": primary.summary, "n_sources": len(inc.events),
        "n_titles": len({e.doc.title for e in inc.events}),
        "sources": [_source_record(e) for e in inc.events],
    }


CSV_FIELDS = ("event_date", "event_type", "location", "latitude", "longitude", "geo_precision",
              "source", "notes", "id", "sub_event_type", "date_precision", "country", "side",
              "border", "border_km", "counts", "actors", "claim_sources", "files", "urls")


def csv_record(rec: dict) -> dict:
    """An incident record flattened to the ACLED-like CSV columns."""
    return {
        "event_date": rec["date"], "event_type": rec["type"], "location": rec["location"],
        "latitude": rec["lat"], "longitude": rec["lon"], "geo_precision": rec["geo_precision"],
        "source": "; ".join(s["title"] for s in rec["sources"]), "notes": rec["notes"],
        "id": rec["id"], "sub_event_type": rec["subtype"],
        "date_precision": rec["date_precision"], "country": rec["country"], "side": rec["side"],
        "border": rec["border"], "border_km": rec["border_km"],
        "counts": "; ".join(f"{k}={'/'.join(map(str, v))}" for k, v in rec["counts"].items()),
        "actors": "; ".join(rec["actors"]), "claim_sources": "; ".join(rec["claim_sources"]),
        "files": "; ".join(s["file"] for s in rec["sources"]),
        "urls": "; ".join(s["url"] or "" for s in rec["sources"])
        if any(s["url"] for s in rec["sources"]) else None,
    }
