"""The data of the interactive page: places, incidents and documents as column-style tables
(one list per field, rows by index), embedded once in the page and drawn by its script.

Everything is aggregated per place and per document, so the size grows with the number of
places, incidents and documents, not with the mentions: a document naming one place 400,000
times gives one place row, a handful of quoted sentences and at most ``MARKS_PER_DOC``
highlights. Texts follow ``texts``:

* ``"full"``: whole texts while their total stays within ``TEXT_BUDGET`` characters, then (and
  for any text longer than ``EXCERPT_MAX``) the excerpt;
* ``"excerpts"``: only the sentences that name a place or carry an incident's evidence, at most
  ``EXCERPT_MAX`` characters per document;
* ``"none"``: no texts (titles, dates and counts stay).

All strings are raw text here; the page escapes them (``inline.script_json``) and its script
puts them into the DOM as text, never as HTML. Rows are sorted, so output is deterministic.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..model import BorderRelation, Document, Mention
from .layers import AREA_KINDS, PlaceMarker, event_quotes, people_involved, people_text
from .theme import INCIDENT_TYPES, incident_date, incident_type, marker_radius, symbol_size

if TYPE_CHECKING:
    from ..events import Incident

TEXT_MODES = ("full", "excerpts", "none")
TEXT_BUDGET = 2_500_000     # characters of whole texts per page ("full")
EXCERPT_MAX = 4_000         # characters of excerpts per document
MARKS_PER_DOC = 500         # highlighted names per document
QUOTES_PER_PLACE = 6        # sentences quoted in a place's popup
QUOTE_MAX = 600             # characters of one quoted sentence
UNPLACED_MAX = 200          # names the gazetteer lacks, listed beside the map
QUOTED_SOURCES = 20         # sources of an incident whose sentences are quoted (the rest listed)
GAP = " … "                 # between excerpts


def _round(x: float) -> float:
    return round(x, 5)


def _border(b: BorderRelation | None) -> list | None:
    """[km, border id, side, [lat, lon] of the nearest border point] or None."""
    if b is None:
        return None
    return [round(b.distance_km, 1), b.border, b.side, [_round(b.nearest[0]), _round(b.nearest[1])]]


def _clip(sentence: str, spans: list[tuple[int, int]]) -> tuple[str, list[list[int]]]:
    """A sentence cut to ``QUOTE_MAX`` characters around its first span, spans shifted."""
    if len(sentence) <= QUOTE_MAX:
        return sentence, [[a, b] for a, b in sorted(set(spans))]
    first = min((a for a, _ in spans), default=0)
    lo = max(0, min(first - QUOTE_MAX // 3, len(sentence) - QUOTE_MAX))
    cut = sentence[lo:lo + QUOTE_MAX]
    return (("…" if lo else "") + cut + "…",
            [[a - lo + (1 if lo else 0), b - lo + (1 if lo else 0)]
             for a, b in sorted(set(spans)) if lo <= a and b <= lo + QUOTE_MAX])


def place_table(markers: tuple[PlaceMarker, ...], doc_index: dict[str, int]) -> dict:
    """One row per place: name, position, kind, side, border, mentions, documents, quotes."""
    cols: dict[str, list] = defaultdict(list)
    for k in markers:
        p = k.place
        cols["id"].append(p.id)
        cols["name"].append(p.name)
        cols["lat"].append(_round(p.lat))
        cols["lon"].append(_round(p.lon))
        cols["kind"].append(p.kind)
        cols["country"].append(p.country or "")
        cols["side"].append(k.side or "")
        cols["area"].append(1 if p.kind in AREA_KINDS else 0)
        cols["n"].append(k.count)
        cols["org"].append(1 if k.org_only else 0)
        cols["r"].append(round(marker_radius(k.count), 1))
        cols["docs"].append(len(k.documents))
        cols["border"].append(_border(k.border))
        quotes: list[list] = []
        seen: dict[tuple[str, int], tuple[int, str, list[tuple[int, int]]]] = {}
        for m in k.mentions:            # sorted by (doc path, start): a sentence's are adjacent
            key = (m.doc.path, m.sentence_start)
            if key not in seen:
                if len(seen) == QUOTES_PER_PLACE:
                    break
                seen[key] = (doc_index[m.doc.path], m.sentence, [])
            seen[key][2].append((m.start - m.sentence_start, m.end - m.sentence_start))
        for d, sentence, spans in seen.values():
            text, shifted = _clip(sentence, spans)
            quotes.append([d, text, shifted])
        cols["quotes"].append(quotes)
    return dict(cols)


def incident_table(incidents: list["Incident"], place_index: dict[str, int],
                   doc_index: dict[str, int]) -> dict:
    """One row per incident (sorted by date, undated last): type, date, place, border, people,
    actors, and its sources: the first ``QUOTED_SOURCES`` with the sentences they rest on, each
    sentence quoted once (copies of a wire story add their document, not the same quote)."""
    cols: dict[str, list] = defaultdict(list)
    for inc in sorted(incidents, key=lambda i: (i.date is None, i.date, i.id)):
        label, _ = incident_type(inc)
        cols["id"].append(inc.id)
        cols["type"].append(inc.type if inc.type in INCIDENT_TYPES else "other")
        cols["label"].append(label)
        cols["date"].append(inc.date.isoformat() if inc.date else None)
        cols["when"].append(incident_date(inc))
        cols["place"].append(place_index.get(inc.place.id) if inc.place else None)
        cols["where"].append(inc.place.name if inc.place else "")
        cols["lat"].append(_round(inc.place.lat) if inc.place else None)
        cols["lon"].append(_round(inc.place.lon) if inc.place else None)
        cols["area"].append(1 if inc.place is None or inc.place.kind in AREA_KINDS else 0)
        cols["border"].append(_border(inc.border))
        cols["side"].append((inc.border.side if inc.border else None)
                            or (inc.place.country if inc.place else None) or "")
        cols["size"].append(symbol_size(people_involved(inc)))
        cols["people"].append(people_text(inc))
        cols["actors"].append("; ".join(inc.actors))
        cols["claimed"].append("; ".join(inc.claim_sources))
        sources, seen = [], set()
        for n, event in enumerate(inc.events):
            quotes = []
            for s, spans in (event_quotes(event) if n < QUOTED_SOURCES else ()):
                if s not in seen:           # a wire copy's sentence is quoted once
                    seen.add(s)
                    quotes.append(list(_clip(s, spans)))
            sources.append([doc_index[event.doc.path], quotes])
        cols["sources"].append(sources)
    return dict(cols)


def _excerpt(text: str, spans: list[tuple[int, int]],
             marks: list[tuple[int, int, int]]) -> tuple[str, list[int]]:
    """The sentences ``spans`` of ``text`` joined by ``GAP`` (at most ``EXCERPT_MAX``
    characters), with ``marks`` moved to the excerpt's offsets (flat: start, end, place)."""
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    parts: list[str] = []
    out: list[int] = []
    pos, j, marks = 0, 0, sorted(marks)
    for a, b in merged:
        if pos >= EXCERPT_MAX:
            break
        b = min(b, a + EXCERPT_MAX - pos)
        if parts:
            parts.append(GAP)
            pos += len(GAP)
        while j < len(marks) and marks[j][0] < a:
            j += 1
        while j < len(marks) and marks[j][1] <= b:
            s, e, p = marks[j]
            out += [s - a + pos, e - a + pos, p]
            j += 1
        parts.append(text[a:b])
        pos += b - a
    return "".join(parts), out


def document_table(documents: list[Document], mentions: list[Mention],
                   incidents: list["Incident"], place_index: dict[str, int],
                   texts: str = "full") -> dict:
    """One row per document (sorted by path): title, name, date, places and incidents named,
    and its text (see the module docstring) with the resolved names' offsets."""
    if texts not in TEXT_MODES:
        raise ValueError(f"texts must be one of {TEXT_MODES}, not {texts!r}")
    marks: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    sentences: dict[str, set[tuple[int, int]]] = defaultdict(set)
    places: dict[str, set[int]] = defaultdict(set)
    for m in mentions:
        if m.place is None or m.place.id not in place_index:
            continue
        pid = place_index[m.place.id]
        places[m.doc.path].add(pid)
        sentences[m.doc.path].add((m.sentence_start, m.sentence_start + len(m.sentence)))
        if len(marks[m.doc.path]) < MARKS_PER_DOC * 4:
            marks[m.doc.path].append((m.start, m.end, pid))
    counted: dict[str, set[str]] = defaultdict(set)
    for inc in incidents:
        for event in inc.events:
            counted[event.doc.path].add(inc.id)
            body = event.doc.text
            for ev in (*event.triggers, *(c.evidence for c in event.counts)):
                s0 = body.rfind(ev.sentence, 0, ev.end) if ev.sentence else -1
                if s0 >= 0:
                    sentences[event.doc.path].add((s0, s0 + len(ev.sentence)))
    cols: dict[str, list] = defaultdict(list)
    budget = TEXT_BUDGET if texts == "full" else 0
    for d in documents:
        cols["title"].append(" ".join(d.title.split()) or d.name)
        cols["name"].append(d.name)
        cols["site"].append(d.site)
        cols["url"].append(d.url)
        cols["date"].append(d.date.isoformat() if d.date else None)
        cols["places"].append(sorted(places[d.path]))
        cols["incidents"].append(len(counted[d.path]))
        kept = _disjoint(marks[d.path])
        text: str | None
        if texts == "none":
            text, flat, excerpt = None, [], 0
        elif len(d.text) <= min(budget, EXCERPT_MAX * 25) and len(kept) <= MARKS_PER_DOC:
            budget -= len(d.text)
            text, flat, excerpt = d.text, [x for mark in kept for x in mark], 0
        else:
            text, flat = _excerpt(d.text, list(sentences[d.path]), kept[:MARKS_PER_DOC])
            excerpt = 1
        cols["text"].append(text)
        cols["marks"].append(flat)
        cols["excerpt"].append(excerpt)
    return dict(cols)


def _disjoint(marks: Iterable[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Marks sorted by start, each dropped if it overlaps an earlier one."""
    kept: list[tuple[int, int, int]] = []
    for a, b, p in sorted(set(marks)):
        if a < b and (not kept or a >= kept[-1][1]):
            kept.append((a, b, p))
    return kept


def unplaced_table(unplaced: Iterable[dict]) -> dict:
    """Names the gazetteer lacks (``geomap.unplaced`` records): name, count and the first
    sentence, at most ``UNPLACED_MAX`` rows, most frequent first."""
    rows = sorted(unplaced, key=lambda u: (-u["count"], u["name"]))[:UNPLACED_MAX]
    return {"name": [u["name"] for u in rows], "count": [u["count"] for u in rows],
            "sentence": [_clip(u.get("sentence") or "", [])[0] for u in rows]}


def page_data(markers: tuple[PlaceMarker, ...], incidents: list["Incident"],
              documents: list[Document], mentions: list[Mention], *, texts: str = "full",
              unplaced: Iterable[dict] = ()) -> dict:
    """The page's data: ``places``, ``incidents``, ``docs`` and ``unplaced`` tables and the
    incident types' labels and colours."""
    doc_index = {d.path: n for n, d in enumerate(documents)}
    place_index = {k.place.id: n for n, k in enumerate(markers)}
    return {"places": place_table(markers, doc_index),
            "incidents": incident_table(incidents, place_index, doc_index),
            "docs": document_table(documents, mentions, incidents, place_index, texts),
            "unplaced": unplaced_table(unplaced),
            "types": {t: list(v) for t, v in INCIDENT_TYPES.items()}}
