"""Country outlines of a gazetteer directory: which country a point lies in, and how far
outside a country it lies."""
from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

from ..errors import GazetteerError
from ..geodesy import haversine_km

OUTLINE_FILES = ("countries.geojson", "world.geojson")
# Areas whose ISO assignment and the outlines' de-facto lines differ: (stated, outline) pairs
# reported as warnings, not errors (Crimea: UA in ISO and GeoNames, RU in Natural Earth).
DISPUTED = {("UA", "RU"): "Crimea"}


class CountryOutlines:
    """Country polygons by ISO-2 code (``properties.iso`` of GeoJSON features)."""

    def __init__(self, shapes: Mapping[str, list]):
        import shapely

        self.shapes = {iso: list(geoms) for iso, geoms in shapes.items()}
        for geoms in self.shapes.values():
            shapely.prepare(geoms)

    @classmethod
    def load(cls, directory: str | os.PathLike) -> "CountryOutlines | None":
        """The outlines of a gazetteer directory (detailed ``countries.geojson`` and
        ``world.geojson``), or None when it has none."""
        from shapely.geometry import shape

        paths = [Path(directory) / f for f in OUTLINE_FILES if (Path(directory) / f).is_file()]
        if not paths:
            return None
        shapes: dict[str, list] = defaultdict(list)
        for path in paths:
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                for feat in data["features"]:
                    iso = (feat.get("properties") or {}).get("iso")
                    if iso and feat.get("geometry"):
                        shapes[iso].append(shape(feat["geometry"]))
            except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
                raise GazetteerError(f"{path}: not a GeoJSON file of country outlines "
                                     f"({exc})") from None
        return cls(shapes)

    def country_at(self, lat: float, lon: float) -> str | None:
        """The ISO-2 code of the outline that contains (lat, lon) (None: none does)."""
        from shapely.geometry import Point

        pt = Point(lon, lat)
        return next((iso for iso, geoms in sorted(self.shapes.items())
                     if any(g.contains(pt) for g in geoms)), None)

    def distance_km(self, lat: float, lon: float, country: str) -> float | None:
        """How far (lat, lon) lies outside ``country``'s outline (0 inside; None when the
        outlines lack the country, e.g. a dependency drawn as part of another)."""
        from shapely.geometry import Point
        from shapely.ops import nearest_points

        geoms = self.shapes.get(country)
        if not geoms:
            return None
        pt = Point(lon, lat)
        if any(g.contains(pt) for g in geoms):
            return 0.0
        return min(haversine_km(lat, lon, q.y, q.x)
                   for q in (nearest_points(g, pt)[0] for g in geoms))
