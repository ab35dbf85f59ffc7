"""Incidents: the events a document reports (type, date, place, counts, actors, claim
source), merged across documents. Rules and lexicons: docs/incidents.md.

``lexicon`` holds the word lists per language; ``detect`` finds one document's events (every
sentence with a trigger word is a candidate, candidates that agree on type, date and place
form one event, the first is the document's ``primary`` one); ``merge`` groups the events of
different documents that agree on type, date and place into an ``Incident``, which keeps
every source and every disagreeing value (dates, counts). Their output fields:
``geomap.io.incidents``.
The pipeline entry is ``geomap.api.analyse``.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator

from ..model import Document, Mention, new_mention
from .copies import CopyIndex
from .detect import extract_events
from .merge import merge_events, merge_printed
from .model import TYPES, Count, Event, Evidence, Incident

__all__ = ["TYPES", "Count", "Event", "Evidence", "Incident", "document_events",
           "extract_events", "merge_documents", "merge_events"]


def document_events(doc: Document, mentions: list[Mention], year: int | None, *,
                    site: Callable[..., Mention] | None = None,
                    country: Callable[..., Mention | None] | None = None,
                    keep_texts: bool = True) -> list[Event]:
    """The events of one document (``extract_events``); ``keep_texts=False`` keeps of them
    only what the incident records show (``_compact``), not the text."""
    found = extract_events(doc, mentions, year, site=site, country=country)
    if not keep_texts and found:
        light = dataclasses.replace(doc, text="")
        strings: dict[str, str] = {}
        found = [_compact(e, light, strings) for e in found]
    return found


def merge_documents(documents: Iterable[tuple[str, tuple[int, ...], list[Event],
                                              list[tuple[int, ...]]]]) -> list[Incident]:
    """The merged incidents of documents given, in input order, as (path, sentence
    fingerprints (``copies.fingerprints``), events (``document_events``), each event's
    ``merge.trigger_prints``): copies of a document (``CopyIndex``) merge their events by
    shared trigger sentences. Read one document at a time."""
    copies: dict[str, str] = {}
    index = CopyIndex()

    def events() -> Iterator[tuple[Event, tuple[int, ...]]]:
        for path, prints, found, triggers in documents:
            copies[path] = index.assign(path, prints)
            yield from zip(found, triggers, strict=True)

    return merge_printed(events(), copies)


def _compact(e: Event, doc: Document, strings: dict[str, str]) -> Event:
    """``e`` pointing to ``doc`` (a text-less copy of its document), its place without
    alternatives, and equal strings (the sentence that the trigger, the date, the counts and
    the place quote) one object each (``strings``: those seen in the document): one copy in
    memory and when sent between processes (``pickle`` writes an object once)."""
    def one(text: str) -> str:
        return strings.setdefault(text, text)

    def ev(v: Evidence) -> Evidence:
        return Evidence(v.start, v.end, one(v.text), one(v.sentence))

    m = e.place
    place = new_mention(doc, m.start, m.end, one(m.text), one(m.sentence), m.sentence_start,
                        m.place, m.confidence, (), m.border, m.in_org) if m else None
    return dataclasses.replace(
        e, doc=doc, place=place,
        counts=tuple(Count(c.value, c.subject, ev(c.evidence)) for c in e.counts),
        actors=tuple(map(one, e.actors)), claim_sources=tuple(map(one, e.claim_sources)),
        triggers=tuple(map(ev, e.triggers)),
        date_evidence=ev(e.date_evidence) if e.date_evidence else None)
