"""Country outlines of a gazetteer directory: which country a point lies in, and how far
outside a country it lies."""
from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import GazetteerError
from ..geodesy import haversine_km

OUTLINE_FILES = ("countries.geojson", "world.geojson")
# Areas whose ISO assignment and the outlines' de-facto lines differ: (stated, outline) pairs
# reported as warnings, not errors (Crimea: UA in ISO and GeoNames, RU in Natural Earth).
DISPUTED = {("UA", "RU"): "Crimea"}


@dataclass(frozen=True)
class Misplacement:
    """A point farther than the tolerance outside the outline of its stated country."""

    lat: float
    lon: float
    country: str                  # the stated country
    lies_in: str | None           # the country whose outline holds the point (None: none)
    distance_km: float            # from the stated country's outline
    swapped: bool                 # (lon, lat) lies in the stated country

    @property
    def disputed(self) -> str | None:
        """The disputed area the point lies in, if any (a warning, never a refusal)."""
        return DISPUTED.get((self.country, self.lies_in or ""))

    def __str__(self) -> str:
        where = f"in {self.lies_in}" if self.lies_in else "in no country"
        text = f"({self.lat}, {self.lon}) lies {where}, {self.distance_km:.0f} km from " \
               f"{self.country}"
        if self.disputed:
            text += f" (disputed: {self.disputed})"
        if self.swapped:
            text += f"; ({self.lon}, {self.lat}) lies in {self.country}: latitude and " \
                    "longitude swapped?"
        return text


class CountryOutlines:
    """Country polygons by ISO-2 code (``properties.iso`` of GeoJSON features).

    Picklable (``geomap.cache.load_outlines`` keeps a compiled copy): the polygons travel as
    WKB, which keeps every coordinate exactly, and are prepared again when loaded."""

    def __init__(self, shapes: Mapping[str, list]):
        self._prepare(shapes)

    def _prepare(self, shapes: Mapping[str, list]) -> None:
        import shapely

        self.shapes = {iso: list(geoms) for iso, geoms in shapes.items()}
        for geoms in self.shapes.values():
            shapely.prepare(geoms)

    def __getstate__(self) -> tuple:
        import shapely

        codes = [iso for iso, geoms in self.shapes.items() for _ in geoms]
        return codes, shapely.to_wkb([g for geoms in self.shapes.values() for g in geoms])

    def __setstate__(self, state: tuple) -> None:
        import shapely

        shapes: dict[str, list] = defaultdict(list)
        for iso, geom in zip(state[0], shapely.from_wkb(state[1])):
            shapes[iso].append(geom)
        self._prepare(shapes)

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

    def misplaced(self, lat: float, lon: float, country: str,
                  tolerance_km: float) -> Misplacement | None:
        """How (lat, lon) misses ``country`` when it lies farther than ``tolerance_km``
        outside its outline; None when it does not (or the outlines lack the country)."""
        d = self.distance_km(lat, lon, country)
        if d is None or d <= tolerance_km:
            return None
        swapped = -90 <= lon <= 90 and self.distance_km(lon, lat, country) == 0.0
        return Misplacement(lat, lon, country, self.country_at(lat, lon), d, swapped)
