"""Sites named after a place: "Minsk National Airport", "the airport in Vilnius", "аэропорт
Минска", "lotnisko w Mińsku", "Vilniaus oro uostas".

The gazetteer's ``airports.csv`` (built by scripts/build_airports.py from ``airportsdata``)
lists airports with the city each serves. A resolved city, town or capital with an airport
word right after it, or right before it ("airport of/in"), names that city's airport when it
has one: the airport with scheduled service (an IATA code) whose city is one of the place's
names, in the same country and at most ``MAX_KM`` away; failing that, the only airfield that
fits. A city with several airports of scheduled service ("Moscow airport") stays the city:
the text does not say which one. The place of a flight ("a plane from Baghdad arrived in
Minsk") is its city's airport with scheduled service in the same way.

Airports are not gazetteer names: recognition still reports the city ("Minsk"), as the
annotation conventions want, and incidents take the airport as their location.
"""
from __future__ import annotations

import csv
import dataclasses
import functools
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from .geodesy import haversine_km
from .places.files import AIRPORTS_FILE
from .model import BorderRelation, Mention, Place
from .normalize import key

MAX_KM = 40.0
_key = functools.lru_cache(maxsize=8192)(key)      # a place's names, asked for per event
CITY_KINDS = frozenset({"city", "town", "capital", "village"})
_WORD = (r"(?:airport|aeroport\w*|аэропорт\w*|аэрапорт\w*|lotnisk\w*|flughafen"
         r"|oro[ \u00a0]+uost\w*)")
AIRPORT_AFTER = re.compile(r"[ \u00a0]+(?:(?:national|international|tarptautin\w*"
                           r"|międzynarodow\w*|международн\w*|национальн\w*)[ \u00a0]+)?"
                           + _WORD + r"(?!\w)", re.I)
AIRPORT_BEFORE = re.compile(_WORD + r"[ \u00a0]+(?:(?:of|in|at|w|we|в|во|im|von)[ \u00a0]+)?$",
                            re.I)


class Airport(NamedTuple):
    """One row of ``airports.csv`` (a named tuple: ~8,000 are read once per process)."""

    icao: str
    iata: str
    name: str
    city: str
    country: str
    lat: float
    lon: float

    def place(self) -> Place:
        return Place(id=f"icao:{self.icao}", name=self.name, lat=self.lat, lon=self.lon,
                     country=self.country, kind="airport", source="airportsdata")


class Airports:
    """Airports by the country and the (folded) name of the city they serve."""

    def __init__(self, airports: Iterable[Airport] = ()):
        self._rows = airports
        self._countries: dict[str, list[Airport]] | None = None    # not yet indexed
        self._index: dict[str, dict[str, list[Airport]]] = {}      # per country, by city

    @classmethod
    def load(cls, directory: str | os.PathLike | None) -> "Airports":
        """The airports of a gazetteer directory (none when it has no ``airports.csv``); the
        file is read on first use."""
        path = Path(directory) / AIRPORTS_FILE if directory is not None else None
        return cls(_read(path) if path is not None and path.is_file() else ())

    def _cities(self, country: str) -> dict[str, list[Airport]]:
        """The airports of ``country`` by the folded name of their city, indexed when first
        asked for (folding the ~8,000 cities' names costs more than a run's look-ups)."""
        found = self._index.get(country)
        if found is None:
            if self._countries is None:
                self._countries = {}
                for a in self._rows:
                    self._countries.setdefault(a.country, []).append(a)
                self._rows = ()
            found = self._index[country] = {}
            for a in self._countries.pop(country, ()):
                cities = re.split(r"\s*/\s*", a.city) if "/" in a.city else (a.city,)
                for city in cities:                                 # "Tirksliai / Mazeikiai"
                    if city:
                        found.setdefault(key(city), []).append(a)
        return found

    def __len__(self) -> int:
        self._cities("")                            # (reads the rows)
        for country in list(self._countries or ()):
            self._cities(country)
        return len({a.icao for by_city in self._index.values() for found in by_city.values()
                    for a in found})

    def serving(self, place: Place, *, scheduled: bool = False) -> Airport | None:
        """The airport of ``place`` (see the module docstring), or None; ``scheduled``: only
        an airport with scheduled service."""
        if place.kind not in CITY_KINDS or not place.country:
            return None
        found: dict[str, Airport] = {}
        cities = self._cities(place.country)
        for name in (place.name, *place.alt_names):
            for a in cities.get(_key(name), ()):
                if haversine_km(place.lat, place.lon, a.lat, a.lon) <= MAX_KM:
                    found[a.icao] = a
        pick = [a for a in found.values() if a.iata] or ([] if scheduled else list(found.values()))
        return pick[0] if len(pick) == 1 else None


def served(airports: Airports, places: Iterable[Place]) -> list[tuple[float, float]]:
    """The (lat, lon) of every airport that ``airport_site`` may put in place of one of
    ``places`` (for border relations made once and cached: ``compiled.load_borders``)."""
    found = (airports.serving(p) for p in places)      # (scheduled ones are among these)
    return list(dict.fromkeys((a.lat, a.lon) for a in found if a is not None))


def _read(path: Path) -> Iterator[Airport]:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh)
        column = {name: i for i, name in enumerate(next(rows, []))}
        order = [column[f] for f in Airport._fields]
        for r in rows:
            icao, iata, name, city, country, lat, lon = (r[i] for i in order)
            yield Airport(icao, iata, name, city, country, float(lat), float(lon))


def airport_site(m: Mention, airports: Airports,
                 relate: Callable[[float, float], BorderRelation] | None = None, *,
                 flight: bool = False) -> Mention:
    """``m`` as its place's airport when an airport word stands beside it, spanning the words
    ("Minsk National Airport"), or when ``flight`` says the event is a flight arriving or
    leaving there (planes land at airports); otherwise ``m`` itself."""
    if m.place is None:
        return m
    text = m.doc.text
    after = AIRPORT_AFTER.match(text, m.end)
    before = None if after else AIRPORT_BEFORE.search(text, max(m.sentence_start, m.start - 40),
                                                      m.start)
    if not (after or before or flight):
        return m
    airport = airports.serving(m.place, scheduled=not (after or before))
    if airport is None:
        return m
    start, end = (before.start() if before else m.start), (after.end() if after else m.end)
    return dataclasses.replace(m, start=start, end=end, text=text[start:end],
                               place=airport.place(),
                               border=relate(airport.lat, airport.lon) if relate else None)
