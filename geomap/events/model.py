"""The event and incident records passed between detection, merging and output."""
from __future__ import annotations

import dataclasses
import datetime as dt
import operator
from dataclasses import dataclass
from typing import TypeVar

from ..model import BorderRelation, Document, Mention, Place

C = TypeVar("C", bound=type)

TYPES = ("pushback", "crossing", "border_violation", "detention", "death", "statement_or_order",
         "other")


def _pickled_by_fields(cls: C) -> C:
    """``cls`` (a frozen dataclass with slots, of three fields or more) pickled as a call of
    itself with its fields: loaded twice as fast as through the state methods dataclasses
    give such classes (the events of every document come back from the worker processes)."""
    fields = operator.attrgetter(*(f.name for f in dataclasses.fields(cls)))

    def reduce(self: object) -> tuple:
        return cls, fields(self)

    cls.__reduce__ = reduce         # type: ignore[method-assign, assignment]
    return cls


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of a document that supports a field of an event."""

    start: int
    end: int
    text: str
    sentence: str


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Count:
    """A number of people with their subject ("35 migrants": 35, "migrants")."""

    value: int
    subject: str                   # migrants or officers
    evidence: Evidence


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Event:
    """One event as one document reports it."""

    doc: Document
    type: str                      # one of TYPES
    subtype: str | None            # for "other": camp, clash, barrier, flight, escape
    kinds: tuple[tuple[str, str | None], ...]  # every (type, subtype) its triggers suggest
    date: dt.date | None
    date_precision: str | None     # day, week, month (None with no date)
    place: Mention | None          # the most specific place tied to it
    geo_precision: int | None      # ACLED: 1 the place, 2 near it / district, 3 region/country
    counts: tuple[Count, ...]
    actors: tuple[str, ...]        # "Belarusian officers"
    claim_sources: tuple[str, ...]  # "Lithuania's border guard service"
    triggers: tuple[Evidence, ...]
    date_evidence: Evidence | None
    primary: bool                  # the document's main event (one per document)
    # the year of ``date`` is the batch's: the document prints none (``DateContext``)
    year_assumed: bool = False

    @property
    def types(self) -> tuple[str, ...]:
        """Every type its triggers suggest, first the main one."""
        return tuple(dict.fromkeys(k[0] for k in self.kinds))

    @property
    def summary(self) -> str:
        """The sentence of the first trigger."""
        return self.triggers[0].sentence if self.triggers else ""


@dataclass(frozen=True, slots=True)
class Incident:
    """Events of one or more documents judged to be the same real-world event.

    ``date``/``place`` are the best-supported values (day beats week beats month, then the
    majority; the most specific place); ``events`` keep every source's own values.
    """

    id: str
    type: str
    subtype: str | None
    date: dt.date | None
    date_precision: str | None
    place: Place | None
    geo_precision: int | None
    border: BorderRelation | None
    events: tuple[Event, ...]
    location_text: str | None = None   # a place its sources name that the gazetteer lacks

    @property
    def dates(self) -> list[str]:
        """Every distinct date the sources give."""
        return sorted({e.date.isoformat() for e in self.events if e.date})

    @property
    def counts(self) -> dict[str, list[int]]:
        """Distinct numbers per subject over the sources, as reported (not averaged)."""
        out: dict[str, list[int]] = {}
        for e in self.events:
            for c in e.counts:
                if c.value not in out.setdefault(c.subject, []):
                    out[c.subject].append(c.value)
        return out

    @property
    def actors(self) -> list[str]:
        return list(dict.fromkeys(a for e in self.events for a in e.actors))

    @property
    def claim_sources(self) -> list[str]:
        return list(dict.fromkeys(s for e in self.events for s in e.claim_sources))
