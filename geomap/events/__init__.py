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

from collections.abc import Callable

from ..dates import batch_year
from ..model import Document, Mention
from .detect import extract_events
from .merge import merge_events
from .model import TYPES, Count, Event, Evidence, Incident

__all__ = ["TYPES", "Count", "Event", "Evidence", "Incident", "extract_events", "incidents_of",
           "merge_events"]


def incidents_of(extracted: list[tuple[Document, list[Mention]]], *,
                 site: Callable[..., Mention] | None = None) -> list[Incident]:
    """The merged incidents of documents whose mentions are already extracted (``site``: see
    ``extract_events``). Undated documents take the most common year of the dated ones for
    dates printed without a year."""
    year = batch_year([d for d, _ in extracted])
    return merge_events([e for d, ms in extracted for e in extract_events(d, ms, year, site=site)])
