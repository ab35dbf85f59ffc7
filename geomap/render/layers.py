"""Aggregate resolved mentions into map layers (pure Python; ``html`` and ``static`` draw them).

* ``place_markers``: one ``PlaceMarker`` per resolved place. Mentions whose ``place`` is
  None are not drawn. Mentions inside an organisation's name (``in_org``) are drawn only
  when the place has no other mention, and then as a de-emphasised marker whose ``count``
  is 0, so they never make a marker bigger.

Everything is sorted deterministically: mentions by (document path, start), markers by
(-count, name, id) so that big markers are drawn first (underneath) and small ones stay
clickable on top.
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import BorderRelation, Document, Mention, Place

if TYPE_CHECKING:
    from ..events import Event, Incident

FOCUS_KM = 250  # maps open on the places within this distance of a Belarus border


@dataclass(frozen=True)
class PlaceMarker:
    """One drawn place with the mentions that put it on the map."""

    place: Place
    mentions: tuple[Mention, ...]       # drawn mentions, sorted by (doc path, start)
    count: int                          # mentions that size the marker (in_org ones excluded)
    side: str | None                    # ISO-2 of the side of the border (None: unknown)
    border: BorderRelation | None       # nearest Belarus border, if known
    documents: tuple[Document, ...]     # documents the drawn mentions come from, by path

    @property
    def org_only(self) -> bool:
        """True when the place is only named inside organisations' names (de-emphasised)."""
        return self.count == 0


def _mention_key(m: Mention) -> tuple[str, int, int]:
    return (m.doc.path, m.start, m.end)


def _marker(place: Place, mentions: list[Mention]) -> PlaceMarker:
    counted = sorted((m for m in mentions if not m.in_org), key=_mention_key)
    drawn = tuple(counted or sorted(mentions, key=_mention_key))
    border = next((m.border for m in drawn if m.border is not None), None)
    side = border.side if border is not None else place.country
    documents = {m.doc.path: m.doc for m in drawn}
    return PlaceMarker(place=place, mentions=drawn, count=len(counted), side=side,
                       border=border, documents=tuple(documents[p] for p in sorted(documents)))


def place_markers(mentions: Iterable[Mention]) -> tuple[PlaceMarker, ...]:
    """One marker per resolved place, big ones first."""
    by_place: dict[str, list[Mention]] = defaultdict(list)
    places: dict[str, Place] = {}
    for m in mentions:
        if m.place is not None:
            by_place[m.place.id].append(m)
            places.setdefault(m.place.id, m.place)
    markers = (_marker(places[pid], ms) for pid, ms in by_place.items())
    return tuple(sorted(markers, key=lambda k: (-k.count, k.place.name, k.place.id)))


def people_involved(incident: "Incident") -> int:
    """The largest number reported per subject (migrants, officers), summed; 0 if none."""
    return sum(max(values) for values in incident.counts.values() if values)


def people_text(incident: "Incident") -> str:
    """"35 migrants, 12 officers" (disagreeing sources: "35/40 migrants"); "" if none."""
    return ", ".join(f"{'/'.join(map(str, v))} {subject}"
                     for subject, v in sorted(incident.counts.items()) if v)


def _sentence_start(text: str, sentence: str, start: int, end: int) -> int | None:
    """Where ``sentence`` (which holds the span start..end) begins in ``text``, if found."""
    s0 = text.find(sentence, max(0, end - len(sentence)))
    return s0 if 0 <= s0 <= start and end <= s0 + len(sentence) else None


def event_quotes(event: "Event") -> list[tuple[str, list[tuple[int, int]]]]:
    """The sentences an event (``incidents.Event``) rests on, in text order, each with the
    spans (relative to the sentence) of its key words: triggers, counts, date and place."""
    text = event.doc.text
    found = [*event.triggers, *(c.evidence for c in event.counts)]
    if event.date_evidence is not None:
        found.append(event.date_evidence)
    quotes: dict[tuple[int, str], list[tuple[int, int]]] = {}
    for ev in found:
        s0 = _sentence_start(text, ev.sentence, ev.start, ev.end)
        key = (-1 if s0 is None else s0, ev.sentence)
        quotes.setdefault(key, [])
        if s0 is not None:
            quotes[key].append((ev.start - s0, ev.end - s0))
    if event.place is not None:
        m = event.place
        same = next((k for k in quotes if k[0] >= 0 and k[0] <= m.start < k[0] + len(k[1])), None)
        key = same or (m.sentence_start, m.sentence)
        quotes.setdefault(key, []).append((m.start - key[0], m.end - key[0]))
    return [(sentence, spans) for (_, sentence), spans in sorted(quotes.items())]


AREA_KINDS = ("country", "region")   # places named as a whole: no point to draw them at


def is_area(place: Place) -> bool:
    """True for a country or region named as a whole (drawn as a list, not at a point)."""
    return place.kind in AREA_KINDS


def incident_counts(incidents: Iterable["Incident"]) -> tuple[int, int, int]:
    """(at a place on the map, placed only at country/region level, without a place)."""
    out = [0, 0, 0]
    for i in incidents:
        out[2 if i.place is None else 1 if is_area(i.place) else 0] += 1
    return out[0], out[1], out[2]


def incident_counts_text(incidents: Iterable["Incident"]) -> str:
    """"27 on the map, 1 placed only at country/region level, 1 without a place"."""
    on_map, coarse, unplaced = incident_counts(incidents)
    parts = [f"{on_map} on the map"]
    if coarse:
        parts.append(f"{coarse} placed only at country/region level")
    if unplaced:
        parts.append(f"{unplaced} without a place")
    return ", ".join(parts)


def has_border_line(incident: "Incident") -> bool:
    """True when the incident's place is precise enough (not a country or region) for its
    distance to the border to mean something."""
    return (incident.border is not None and incident.place is not None
            and incident.place.kind not in ("country", "region"))


def focus_points(markers: Iterable[PlaceMarker],
                 incidents: Iterable["Incident"] = ()) -> list[tuple[float, float]]:
    """(lat, lon) of the markers and incidents not known to lie farther than ``FOCUS_KM`` from
    a border (all of them when every one does), so that a map opens on the border, not on
    every capital the texts name. An incident without a border relation takes its place's
    marker's."""
    items = [(k.place, k.border) for k in markers]
    known = {p.id: b for p, b in items if b is not None}
    items += [(i.place, i.border or known.get(i.place.id)) for i in incidents
              if i.place is not None]
    near = [(p.lat, p.lon) for p, b in items if b is None or b.distance_km <= FOCUS_KM]
    return near or [(p.lat, p.lon) for p, _ in items]


def spread(incidents: Iterable["Incident"]) -> list[tuple[float, float]]:
    """Unit offsets (dx, dy; y down) that fan out incidents sharing a place: (0, 0) for a
    lone one, else points on a circle, in the given order."""
    incidents = list(incidents)
    groups: dict[str | None, list[int]] = defaultdict(list)
    for n, inc in enumerate(incidents):
        groups[inc.place.id if inc.place else None].append(n)
    out = [(0.0, 0.0)] * len(incidents)
    for members in groups.values():
        if len(members) > 1:
            for k, n in enumerate(members):
                angle = 2 * math.pi * k / len(members) - math.pi / 2
                out[n] = (math.cos(angle), math.sin(angle))
    return out
