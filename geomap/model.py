"""Small typed records passed between the pipeline stages.

texts -> mentions -> places -> incidents -> layers -> HTML. Coordinates are (lat, lon) in
every record here; only GeoJSON writers swap them to (lon, lat).
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

KINDS = ("village", "town", "city", "capital", "district", "region", "country",
         "crossing", "camp", "airport", "other")


@dataclass(frozen=True)
class Document:
    """One input text. Offsets into ``text`` are Python ``str`` offsets (the header included)."""

    path: str                      # as given by the user ("-" for stdin)
    text: str
    date: _dt.date | None = None   # from a leading " date YYYY-MM-DD " header
    title: str = ""                # first non-empty line, header removed
    url: str = ""                  # a saved page's canonical URL, a feed entry's link
    site: str = ""                 # a saved page's site name, a feed's title

    @property
    def name(self) -> str:
        """Short label: the file's base name (or "stdin")."""
        if self.path == "-":
            return "stdin"
        return self.path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Place:
    """A gazetteer entry."""

    id: str
    name: str
    lat: float
    lon: float
    country: str | None            # ISO 3166-1 alpha-2, None for macro-regions
    kind: str                      # one of KINDS
    population: int | None = None
    source: str = ""
    alt_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class BorderRelation:
    """Where a point lies relative to the Belarus land borders."""

    side: str | None               # ISO-2 of the country the point lies in (None: unknown/sea)
    border: str                    # nearest border, e.g. "LT-BY"
    distance_km: float             # geodesic distance to the nearest border point
    nearest: tuple[float, float]   # (lat, lon) of the nearest border point


@dataclass(frozen=True)
class Mention:
    """A place name found in a document, with its resolution (``place`` None if unresolved)."""

    doc: Document
    start: int
    end: int
    text: str
    sentence: str
    sentence_start: int
    place: Place | None = None
    confidence: float = 0.0
    alternatives: tuple[Place, ...] = ()
    border: BorderRelation | None = None
    in_org: bool = False           # inside an organisation's name ("State Border Committee of Belarus")


def new_mention(doc: Document, start: int, end: int, text: str, sentence: str,
                sentence_start: int, place: Place | None, confidence: float,
                alternatives: tuple[Place, ...], border: BorderRelation | None,
                in_org: bool) -> Mention:
    """``Mention(...)`` with every field given, several times faster: a frozen dataclass sets
    each field through ``object.__setattr__``, and extraction makes millions of them."""
    m = object.__new__(Mention)
    object.__setattr__(m, "__dict__", {
        "doc": doc, "start": start, "end": end, "text": text, "sentence": sentence,
        "sentence_start": sentence_start, "place": place, "confidence": confidence,
        "alternatives": alternatives, "border": border, "in_org": in_org})
    return m
