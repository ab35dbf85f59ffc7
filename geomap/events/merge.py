"""Merging events of different documents into incidents (rules: docs/incidents.md)."""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable

from ..geodesy import BORDER_COUNTRIES
from .compare import PRECISIONS, dates_ok, kind_rank, main_kind, places_ok, types_ok
from .model import Event, Incident


def _event_key(e: Event) -> tuple[dt.date | None, str | None]:
    return e.date, e.date_precision


def _shared_evidence(e: Event, inc: list[Event]) -> bool:
    """A count value or a specific place (village to town) in common."""
    values = {(c.subject, c.value) for x in inc for c in x.counts}
    places = {x.place.place.id for x in inc if x.place and kind_rank(x.place.place) <= 1}
    return any((c.subject, c.value) in values for c in e.counts) or bool(
        e.place and e.place.place.id in places)


def _incident_date(events: list[Event]) -> tuple[dt.date | None, str | None]:
    dated = [e for e in events if e.date_evidence] or [e for e in events if e.date]
    if not dated:
        return None, None
    best = min(PRECISIONS.index(e.date_precision) for e in dated)
    votes = Counter(e.date for e in dated
                    if PRECISIONS.index(e.date_precision) == best)
    date = max(votes, key=lambda d: (votes[d], -d.toordinal()))
    return date, PRECISIONS[best]


def _incident_place(events: list[Event]) -> Event | None:
    placed = [e for e in events if e.place]
    if not placed:
        return None
    ids = Counter(e.place.place.id for e in placed)
    return min(placed, key=lambda e: (e.place.place.country not in BORDER_COUNTRIES,
                                      kind_rank(e.place.place), e.geo_precision,
                                      -ids[e.place.place.id]))


def _compatible(e: Event, members: list[Event]) -> bool:
    if not types_ok(e.kinds, [k for x in members for k in x.kinds]):
        return False
    best = _incident_place(members)
    mine, theirs = (e.place.place if e.place else None), (best.place.place if best else None)
    if not places_ok(theirs, mine, 10.0):
        return False
    date = _incident_date(members)
    if date[0] is not None and e.date is not None and not dates_ok(_event_key(e), date):
        return False
    vague = any(p is None or kind_rank(p) >= 4 or p.country not in BORDER_COUNTRIES
                for p in (mine, theirs))
    undated = e.date_evidence is None or all(x.date_evidence is None for x in members)
    return not (vague or undated) or _shared_evidence(e, members)


def merge_events(events: Iterable[Event]) -> list[Incident]:
    """Group events of different documents into incidents (see docs/incidents.md).

    An event joins the first earlier group it is compatible with: compatible types (the
    pushback/crossing/border_violation family, or the same type and subtype), places in the
    same country and within 10 km (40 km for a district; any place for a region/country),
    dates within the coarser precision (day 1, week 6, month 31 days). When a date is unknown
    or a place is only a country (or unknown), it also needs shared evidence: a count or a
    specific place in common.
    A document contributes at most one event to an incident.
    """
    groups: list[list[Event]] = []
    for e in events:
        target = next((g for g in groups if all(x.doc.path != e.doc.path for x in g)
                       and _compatible(e, g)), None)
        if target is None:
            groups.append([e])
        else:
            target.append(e)
    out: list[Incident] = []
    seen: Counter = Counter()
    for g in groups:
        date, prec = _incident_date(g)
        where = _incident_place(g)
        kind = main_kind([(x.type, x.subtype) for x in g])
        place = where.place.place if where else None
        key = f"{kind[0]}|{date.isoformat() if date else ''}|{place.id if place else ''}"
        base = "inc-" + hashlib.sha1(key.encode()).hexdigest()[:12]
        seen[base] += 1
        out.append(Incident(id=base if seen[base] == 1 else f"{base}-{seen[base]}",
                            type=kind[0], subtype=kind[1], date=date, date_precision=prec,
                            place=place, geo_precision=where.geo_precision if where else None,
                            border=where.place.border if where else None, events=tuple(g)))
    return out
