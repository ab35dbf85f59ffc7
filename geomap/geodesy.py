"""Geodesy shared by every stage: great-circle distance and the countries of the borders.

Distances are on a sphere of the mean Earth radius (IUGG, 6371.0088 km): at these latitudes
the error against the WGS84 ellipsoid is below 0.3 %, well inside every tolerance used.
"""
from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0088

# The countries whose shared borders geomap maps: Belarus and its EU neighbours.
BORDER_COUNTRIES = frozenset({"LT", "LV", "PL", "BY"})


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two (lat, lon) points in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))
