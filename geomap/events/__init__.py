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
from collections.abc import Callable, Iterable
from typing import Literal

from ..dates import batch_year
from ..model import Document, Mention
from .copies import CopyIndex
from .detect import extract_events
from .merge import merge_events
from .model import TYPES, Count, Event, Evidence, Incident

__all__ = ["TYPES", "Count", "Event", "Evidence", "Incident", "extract_events", "incidents_of",
           "merge_events"]


def incidents_of(extracted: Iterable[tuple[Document, list[Mention]]], *,
                 site: Callable[..., Mention] | None = None,
                 country: Callable[..., Mention | None] | None = None,
                 year: int | None | Literal["batch"] = "batch",
                 keep_texts: bool = True) -> list[Incident]:
    """The merged incidents of documents whose mentions are already extracted (``site``: see
    ``extract_events``), read one document at a time.

    ``year``: the year for dates printed without one in undated documents; by default the
    most common year of the dated documents ("batch": ``extracted`` is then read whole
    first).
    Copies of a document (``CopyIndex``) merge their events by shared trigger sentences.
    ``keep_texts=False`` keeps only the evidence sentences of the events, not the texts.
    """
    if year == "batch":
        extracted = list(extracted)
        year = batch_year([d for d, _ in extracted])
    copies: dict[str, str] = {}
    index = CopyIndex()

    def events():
        for doc, mentions in extracted:
            copies[doc.path] = index.add(doc)
            found = extract_events(doc, mentions, year, site=site, country=country)
            if not keep_texts and found:
                light = dataclasses.replace(doc, text="")
                found = [_moved(e, light) for e in found]
            yield from found

    return merge_events(events(), copies)


def _moved(e: Event, doc: Document) -> Event:
    """``e`` pointing to ``doc`` (a text-less copy of its document)."""
    place = dataclasses.replace(e.place, doc=doc) if e.place else None
    return dataclasses.replace(e, doc=doc, place=place)
