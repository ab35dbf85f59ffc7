"""geomap: find, geocode and map the places named in news about the Belarus borders.

``import geomap`` stays cheap: the public classes load on first use.

* ``geomap.Gazetteer``: load, search, add to and validate a gazetteer directory.
* ``geomap.GazetteerGeocoder``: the gazetteer as a geopy geocoder.
* ``geomap.build_map(texts, ...)``: the offline map of some texts, a ``folium.Map``.
"""
from __future__ import annotations

import importlib

_LAZY = {
    "Gazetteer": "geomap.places.gazetteer",
    "GazetteerGeocoder": "geomap.geocoder",
    "build_map": "geomap.api",
}
__all__ = sorted(_LAZY)


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'geomap' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
