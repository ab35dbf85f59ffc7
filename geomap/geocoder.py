"""geopy integration: the local gazetteer as a geopy geocoder (no network).

>>> from geomap import GazetteerGeocoder
>>> geocoder = GazetteerGeocoder()                  # the active gazetteer, see gazetteer_dir
>>> geocoder.geocode("Dieveniškės").point            # doctest: +SKIP
Point(54.19444, 25.625, 0.0)
"""
from __future__ import annotations

import os
from collections.abc import Iterable

from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from .model import Place
from .io.records import place_record
from .places.gazetteer import Gazetteer

# Kinds ``reverse`` may return: points, not the centres of countries, regions or districts.
REVERSE_KINDS = frozenset({"village", "town", "city", "capital", "crossing", "camp", "other"})


class GazetteerGeocoder(Geocoder):
    """A geopy ``Geocoder`` answering from a geomap gazetteer.

    ``gazetteer`` is a loaded ``Gazetteer`` or a directory (default: the active one, as for
    the command line). Results are geopy ``Location`` objects whose ``raw`` is the entry's
    record (id, name, alt_names, lat, lon, country, kind, population, source).
    """

    def __init__(self, gazetteer: Gazetteer | str | os.PathLike | None = None, *,
                 reverse_km: float = 25.0):
        super().__init__()
        if isinstance(gazetteer, Gazetteer):
            self.gazetteer = gazetteer
        else:
            from .extract import gazetteer_dir

            self.gazetteer = Gazetteer.load(gazetteer_dir(gazetteer))
        self.reverse_km = reverse_km

    def _location(self, place: Place) -> Location:
        """"Name, Country" (the country's name from the gazetteer's ``cc:`` entry)."""
        country = self.gazetteer.get(f"cc:{place.country}") if place.country else None
        label = country.name if country else place.country
        address = f"{place.name}, {label}" if label and label != place.name else place.name
        return Location(address, (place.lat, place.lon), place_record(place))

    def geocode(self, query: str, *, exactly_one: bool = True,
                country_codes: str | Iterable[str] | None = None, limit: int | None = None,
                timeout: float | None = None) -> Location | list[Location] | None:
        """Entries named ``query`` (any case, diacritics, alternate or inflected form), best
        first: the best ``Location``, or with ``exactly_one=False`` a list of at most
        ``limit``. ``country_codes`` (ISO-2, one or several) restricts the countries. None
        when nothing matches. ``timeout`` is accepted for geopy compatibility (no network)."""
        places = self.gazetteer.find(str(query))
        if country_codes:
            codes = {c.upper() for c in ([country_codes] if isinstance(country_codes, str)
                                         else country_codes)}
            places = [p for p in places if p.country in codes]
        if not places:
            return None
        if exactly_one:
            return self._location(places[0])
        return [self._location(p) for p in places[:limit]]

    def reverse(self, query: Point | str | tuple[float, float], *, exactly_one: bool = True,
                limit: int | None = None,
                timeout: float | None = None) -> Location | list[Location] | None:
        """The nearest village, town, city, crossing, camp or other point entry within
        ``reverse_km`` of ``query`` ("lat, lon", (lat, lon) or a geopy ``Point``); with
        ``exactly_one=False`` a list, nearest first. None when nothing is that close."""
        point = Point(query)
        near = [p for _, p in self.gazetteer.within(point.latitude, point.longitude,
                                                    self.reverse_km)
                if p.kind in REVERSE_KINDS]
        if not near:
            return None
        if exactly_one:
            return self._location(near[0])
        return [self._location(p) for p in near[:limit]]
