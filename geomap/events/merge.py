"""Merging events of different documents into incidents (rules: docs/incidents.md).

Each group keeps a running summary (types, place votes, date votes, counts, specific places,
trigger-sentence fingerprints), updated as an event joins, and is indexed by what an event
must share with it to be compatible: a count or a specific place, a trigger sentence of a
copy of the same document, or, for dated events with a place in a border country, a
32-day date bucket and the country. An event is compared only with the groups its keys
reach, so merging takes time near-linear in the number of events.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from ..geodesy import BORDER_COUNTRIES
from ..model import Place
from .compare import BORDER_GROUP, PRECISIONS, dates_ok, kind_rank, main_kind, places_ok
from .copies import fingerprint
from .model import Event, Incident

BUCKET_DAYS = 32            # > the widest date tolerance (a month, 31 days)

Kind = tuple[str, str | None]


def _family(kind: Kind) -> Kind:
    """Kinds that are compatible share a family (the border group is one)."""
    return ("border", None) if kind[0] in BORDER_GROUP else kind


def _vague(p: Place | None) -> bool:
    return p is None or kind_rank(p) >= 4 or p.country not in BORDER_COUNTRIES


def _tokens(e: Event) -> set[tuple]:
    """What counts as shared evidence: a count value or a specific place (village to town)."""
    out: set[tuple] = {("count", c.subject, c.value) for c in e.counts}
    p = _place(e)
    if p is not None and kind_rank(p) <= 1:
        out.add(("place", p.id))
    return out


def _place(e: Event) -> Place | None:
    """The gazetteer place of an event, if it has one."""
    return e.place.place if e.place is not None else None


def trigger_prints(e: Event) -> tuple[int, ...]:
    """The fingerprints (``copies.fingerprint``) of the trigger sentences of ``e``, as
    ``merge_events`` compares them (computed where the event is found, e.g. on a worker)."""
    return tuple(fingerprint(t.sentence) for t in e.triggers)


def _sentences(prints: Sequence[int], copy_group: str) -> set[tuple]:
    """The trigger sentences (their fingerprints ``prints``) within a copy group."""
    return {("copy", copy_group, f) for f in prints if f}


class _Group:
    """Events judged to be one incident, with their running summary."""

    def __init__(self, index: int) -> None:
        self.index = index
        self.events: list[Event] = []
        self.paths: set[str] = set()
        self.families: set[Kind] = set()
        self.tokens: set[tuple] = set()
        self.sentences: set[tuple] = set()
        # place id -> [votes, best geo_precision, position of its first event with it, event]
        self.places: dict[str, list] = {}
        self.best: Event | None = None
        self._best: list | None = None         # its entry in ``places``
        # (year stated, with date evidence, precision) -> date votes
        self.dates: dict[tuple[bool, bool, str | None], Counter] = defaultdict(Counter)
        self.evidenced = False
        self._date: tuple[dt.date | None, str | None] | None = None   # ``date()``, kept
        self.keys: set[tuple] = set()          # the index keys it is filed under
        self.fresh: set[tuple] = set()         # keys its last event added (``_Index.file``)

    def add(self, e: Event, sentences: set[tuple], tokens: set[tuple],
            families: set[Kind]) -> None:
        """Add ``e`` (its ``sentences``, ``tokens`` and ``families`` as ``merge_events``
        computed them); ``fresh`` gets the sentence and token keys it brings."""
        pos = len(self.events)
        self.events.append(e)
        self.paths.add(e.doc.path)
        new_families, new_tokens = families - self.families, tokens - self.tokens
        fresh = sentences - self.sentences
        fresh.update((fam, t) for fam in new_families for t in self.tokens)
        self.families |= new_families
        self.tokens |= new_tokens
        fresh.update((fam, t) for fam in self.families for t in new_tokens)
        self.fresh = fresh
        self.sentences |= sentences
        if e.date_evidence is not None:
            self.evidenced = True
        if e.date is not None:
            self.dates[not e.year_assumed, e.date_evidence is not None,
                       e.date_precision][e.date] += 1
        self._date = None
        p = _place(e)
        if p is not None:
            entry = self.places.get(p.id)
            if entry is None:
                entry = self.places[p.id] = [1, e.geo_precision, pos, e]
            else:
                entry[0] += 1
                if e.geo_precision < entry[1]:
                    entry[1:] = [e.geo_precision, pos, e]
            # only this entry's key changed, and only down (more votes, a finer precision
            # first seen later): the best one is the former best (maybe this one) or this one
            best = self._best
            if best is None or _place_key(entry) < _place_key(best):
                self._best = best = entry
            self.best = best[3]

    def date(self) -> tuple[dt.date | None, str | None]:
        """Day beats week beats month, then the majority, then the earliest; events with a
        date expression of their own count before those dated by their report only, and
        events whose documents print the year before those given the batch's year (a copy
        that says "Sept 14, 2022" dates the copy that says "Sept 14" in a batch of 2021
        reports); kept until the next event joins."""
        if self._date is None:
            self._date = self._vote()
        return self._date

    def _vote(self) -> tuple[dt.date | None, str | None]:
        for stated in (True, False):
            for evidence in (True, False):
                for prec in PRECISIONS:
                    votes = self.dates.get((stated, evidence, prec))
                    if votes:
                        return max(votes, key=lambda d: (votes[d], -d.toordinal())), prec
                if evidence and self.evidenced:
                    break
        return None, None

    @property
    def place(self) -> Place | None:
        return self.best.place.place if self.best and self.best.place else None


def _place_key(entry: list) -> tuple:
    votes, geo, pos, e = entry
    p = e.place.place
    return (p.country not in BORDER_COUNTRIES, kind_rank(p), geo, -votes, pos)


def _compatible(e: Event, g: _Group, tokens: set[tuple], families: set[Kind]) -> bool:
    if e.doc.path in g.paths or not g.families & families:
        return False
    mine, theirs = _place(e), g.place
    if not places_ok(theirs, mine, 10.0):
        return False
    date = g.date()
    if date[0] is not None and e.date is not None and not dates_ok((e.date, e.date_precision),
                                                                   date):
        return False
    if _vague(mine) or _vague(theirs) or e.date_evidence is None or not g.evidenced:
        return bool(tokens & g.tokens)
    return True


class _Index:
    """Group numbers by key, in creation order. A group is filed under every key it has had
    (a date bucket it has left stays: every candidate is checked in full)."""

    def __init__(self) -> None:
        self.keys: dict[tuple, list[int]] = defaultdict(list)

    def file(self, g: _Group) -> None:
        """File ``g`` under its current keys: those its last event brought (``g.fresh``; the
        others it had already) and its current date buckets."""
        keys = g.fresh
        place = g.place
        if g.evidenced and g.families and place is not None and not _vague(place):
            date = g.date()[0]
            if date is not None:
                bucket = date.toordinal() // BUCKET_DAYS
                keys.update(("dated", fam, bucket, place.country) for fam in g.families)
        for key in keys - g.keys:
            self.keys[key].append(g.index)
        g.keys |= keys
        g.fresh = set()

    def get(self, key: tuple) -> list[int]:
        return self.keys.get(key, [])


def merge_events(events: Iterable[Event], copies: Mapping[str, str] | None = None
                 ) -> list[Incident]:
    """Group events of different documents into incidents (see docs/incidents.md).

    An event of a copy (``copies``: document path -> the path of the document it copies)
    joins the group holding a copy's event with the same trigger sentence. Otherwise it
    joins the first earlier group it is compatible with: compatible types (the
    pushback/crossing/border_violation family, or the same type and subtype), places in the
    same country and within 10 km (40 km for a district; any place for a region/country),
    dates within the coarser precision (day 1, week 6, month 31 days). When a date is unknown
    or a place is only a country (or unknown), it also needs shared evidence: a count or a
    specific place in common.
    A document contributes at most one event to an incident.
    """
    return merge_printed(((e, trigger_prints(e)) for e in events), copies)


def merge_printed(events: Iterable[tuple[Event, Sequence[int]]],
                  copies: Mapping[str, str] | None = None) -> list[Incident]:
    """``merge_events`` of events given with their ``trigger_prints``."""
    copies = {} if copies is None else copies
    groups: list[_Group] = []
    index = _Index()
    for e, prints in events:
        tokens = _tokens(e)
        sentences = _sentences(prints, copies.get(e.doc.path, e.doc.path))
        families = {_family(k) for k in e.kinds}
        same_text = sorted({n for s in sentences for n in index.get(s)})
        target = next((groups[n] for n in same_text if e.doc.path not in groups[n].paths
                       and groups[n].families & families), None)
        if target is None:
            found: set[int] = set()
            for fam in families:
                for t in tokens:
                    found.update(index.get((fam, t)))
                p = _place(e)
                if e.date is not None and e.date_evidence is not None and p is not None \
                        and not _vague(p):
                    bucket = e.date.toordinal() // BUCKET_DAYS
                    for b in (bucket - 1, bucket, bucket + 1):
                        found.update(index.get(("dated", fam, b, p.country)))
            target = next((groups[n] for n in sorted(found)
                           if _compatible(e, groups[n], tokens, families)), None)
        if target is None:
            target = _Group(len(groups))
            groups.append(target)
        target.add(e, sentences, tokens, families)
        index.file(target)
    out: list[Incident] = []
    seen: Counter = Counter()
    for g in groups:
        date, prec = g.date()
        where = g.best
        kind = main_kind([(x.type, x.subtype) for x in g.events])
        place = g.place
        key = f"{kind[0]}|{date.isoformat() if date else ''}|{place.id if place else ''}"
        base = "inc-" + hashlib.sha1(key.encode()).hexdigest()[:12]
        seen[base] += 1
        out.append(Incident(id=base if seen[base] == 1 else f"{base}-{seen[base]}",
                            type=kind[0], subtype=kind[1], date=date, date_precision=prec,
                            place=place, geo_precision=where.geo_precision if where else None,
                            border=where.place.border if where and where.place else None,
                            events=tuple(g.events)))
    return out
