"""Where a point lies relative to the Belarus EU land borders (LT-BY, LV-BY, PL-BY).

Data: ``borders.geojson``, ``countries.geojson`` and ``world.geojson`` in the gazetteer
directory, built by ``scripts/build_borders.py`` (see docs/data-borders.md).

The nearest border point is found in EPSG:3346 (LKS-94 / Lithuania TM) over short chunks of
the border lines held in an STRtree; the reported distance is the geodesic (WGS84) distance
from the point to that nearest point. Results are cached per (lat, lon); the compiled copy in
``geomap.cache`` also carries the answers for every gazetteer place (``remember``), so a run
that relates only those needs neither the projection nor pyproj, which is imported on first
need.
"""
from __future__ import annotations

import math
import os
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import shapely
from shapely.geometry import shape

from .files import read_geojson
from .model import BorderRelation

if TYPE_CHECKING:
    from pyproj import Geod, Transformer

_CHUNK = 16          # border vertices per STRtree item


@lru_cache(maxsize=1)
def _geod() -> "Geod":
    from pyproj import Geod

    return Geod(ellps="WGS84")


def _check(lat: float, lon: float) -> tuple[float, float]:
    try:
        lat_f, lon_f = float(lat), float(lon)
    except (TypeError, ValueError):
        raise ValueError(f"coordinates must be numbers, got lat={lat!r}, lon={lon!r}") from None
    if not (math.isfinite(lat_f) and -90.0 <= lat_f <= 90.0):
        raise ValueError(f"latitude {lat!r} is outside [-90, 90]")
    if not (math.isfinite(lon_f) and -180.0 <= lon_f <= 180.0):
        raise ValueError(f"longitude {lon!r} is outside [-180, 180]")
    return lat_f, lon_f


def _polygon(rings: list) -> shapely.Polygon:
    shell, *holes = [np.asarray(r, dtype=float) for r in rings]
    return shapely.Polygon(shell, holes)


def _parts(geometry: dict) -> list:
    """The single-part geometries of a GeoJSON geometry. Polygons are built from numpy arrays:
    ``shape()`` walks their coordinates in Python, several times slower on the outlines."""
    kind = geometry["type"]
    if kind == "Polygon":
        return [_polygon(geometry["coordinates"])]
    if kind == "MultiPolygon":
        return [_polygon(p) for p in geometry["coordinates"]]
    return list(shapely.get_parts(shape(geometry)))


class _Areas:
    """Polygons with an ISO code, searched with an STRtree and prepared geometries."""

    def __init__(self, collection: Mapping):
        geoms, codes = [], []
        for feat in collection.get("features", []):
            iso = (feat.get("properties") or {}).get("iso")
            if not iso or not feat.get("geometry"):
                continue
            for part in _parts(feat["geometry"]):
                geoms.append(part)
                codes.append(iso)
        self._index(np.array(geoms, dtype=object), codes)

    def _index(self, geoms: np.ndarray, codes: list[str]) -> None:
        self.geoms, self.codes = geoms, codes
        shapely.prepare(self.geoms)
        self.tree = shapely.STRtree(self.geoms)

    def __getstate__(self) -> tuple:
        return shapely.to_wkb(self.geoms), self.codes

    def __setstate__(self, state: tuple) -> None:
        self._index(shapely.from_wkb(state[0]), state[1])

    def find(self, lon: float, lat: float) -> str | None:
        cand = self.tree.query(shapely.Point(lon, lat))     # bounding-box candidates
        if len(cand):
            hit = shapely.intersects_xy(self.geoms[cand], lon, lat)   # prepared: fast
            for i in cand[hit]:
                return self.codes[int(i)]
        return None


def display_geodata(directory: str | os.PathLike) -> dict:
    """borders.geojson (exact) and the country outlines to draw: ``display-countries.geojson``
    and ``display-world.geojson`` (simplified per zone by scripts/build_borders.py, whole
    countries, no clip rectangle) where present, else ``countries.geojson`` and
    ``world.geojson``. The files are read unparsed (the page embeds their text as it is)."""
    d = Path(directory)
    out = {}
    for name in ("borders", "countries", "world"):
        display = d / f"display-{name}.geojson"
        path = display if name != "borders" and display.is_file() else d / f"{name}.geojson"
        out[name] = read_geojson(path, parse=False) if path.is_file() else None
    return out


class Borders:
    """The Belarus EU land borders plus country outlines for point-in-country tests.

    Picklable (``geomap.cache`` keeps a compiled copy): geometries travel as WKB, and the
    GeoJSON of the outlines, when it came from a directory, is read again only when
    ``geodata()`` asks for it.
    """

    def __init__(self, borders: Mapping, countries: Mapping, world: Mapping, *,
                 directory: str | os.PathLike | None = None):
        self._directory = Path(directory) if directory is not None else None
        self._geodata = {"borders": borders, "countries": countries, "world": world}
        self._countries = _Areas(countries)
        self._world = _Areas(world)
        self._known: dict[tuple[float, float], tuple] = {}
        self._proj: tuple[Transformer, Transformer] | None = None
        self._vertices: tuple | None = None
        to_m = self._projections()[0]
        chunks, ids = [], []
        for feat in borders.get("features", []):
            bid = feat["properties"]["id"]
            for part in _parts(feat["geometry"]):
                c = shapely.get_coordinates(part)
                x, y = to_m.transform(c[:, 0], c[:, 1])
                xy = np.column_stack([x, y])
                for s in range(0, len(xy) - 1, _CHUNK):
                    chunks.append(shapely.LineString(xy[s:s + _CHUNK + 1]))
                    ids.append(bid)
        if not chunks:
            raise ValueError("borders.geojson holds no border line")
        self._index_lines(np.array(chunks, dtype=object), ids)

    def _projections(self) -> tuple["Transformer", "Transformer"]:
        """WGS84 to EPSG:3346 and back (made, and pyproj imported, on first use)."""
        if self._proj is None:
            from pyproj import Transformer

            self._proj = (Transformer.from_crs(4326, 3346, always_xy=True),
                          Transformer.from_crs(3346, 4326, always_xy=True))
        return self._proj

    def _index_lines(self, chunks: np.ndarray, ids: list[str]) -> None:
        self._chunks, self._chunk_ids = chunks, ids
        self._tree = shapely.STRtree(self._chunks)
        self.relate = lru_cache(maxsize=65536)(self._relate)      # type: ignore[method-assign]
        self.country_at = lru_cache(maxsize=65536)(self._country_at)  # type: ignore[method-assign]

    def __getstate__(self) -> dict:
        keep = ("borders",) if self._directory is not None else tuple(self._geodata)
        return {"directory": self._directory, "countries": self._countries,
                "world": self._world, "chunks": shapely.to_wkb(self._chunks),
                "ids": self._chunk_ids, "geodata": {k: self._geodata[k] for k in keep},
                "known": self._known}

    def __setstate__(self, state: dict) -> None:
        self._directory, self._geodata = state["directory"], state["geodata"]
        self._countries, self._world = state["countries"], state["world"]
        self._known, self._proj, self._vertices = state["known"], None, None
        self._index_lines(shapely.from_wkb(state["chunks"]), state["ids"])

    def remember(self, points: Iterable[tuple[float, float]], *, only: bool = False) -> None:
        """Relate these (lat, lon) points now and keep the answers, also in pickled copies
        (``only``: and drop the answers kept for other points)."""
        points = list(points)
        if only:
            self._known = {pt: self._known[pt] for pt in points if pt in self._known}
        for lat, lon in points:
            rel = self._relate(lat, lon)
            self._known[(lat, lon)] = (rel.side, rel.border, rel.distance_km, rel.nearest)

    @classmethod
    def load(cls, directory: str | os.PathLike) -> "Borders":
        """Read borders.geojson, countries.geojson and world.geojson from ``directory``."""
        d = Path(directory)
        return cls(read_geojson(d / "borders.geojson"), read_geojson(d / "countries.geojson"),
                   read_geojson(d / "world.geojson"), directory=d)

    def _country_at(self, lat: float, lon: float) -> str | None:
        lat, lon = _check(lat, lon)
        return self._countries.find(lon, lat) or self._world.find(lon, lat)

    def country_at(self, lat: float, lon: float) -> str | None:  # replaced by a cached version
        """ISO-2 of the country at (lat, lon): regional outlines first, then the world; None at sea."""
        return self._country_at(lat, lon)

    def _relate(self, lat: float, lon: float) -> BorderRelation:
        known = self._known.get((lat, lon))
        if known is not None:
            return BorderRelation(*known)
        lat, lon = _check(lat, lon)
        to_m, to_deg = self._projections()
        x, y = to_m.transform(lon, lat)
        idx = self._tree.query_nearest(shapely.Point(x, y), all_matches=False) \
            if math.isfinite(x) and math.isfinite(y) else np.empty(0, dtype=int)
        if len(idx):
            i = int(idx[0])
            near = shapely.shortest_line(shapely.Point(x, y), self._chunks[i]).coords[1]
            nlon, nlat = to_deg.transform(near[0], near[1])
            _, _, dist_m = _geod().inv(lon, lat, nlon, nlat)
            border = self._chunk_ids[i]
        else:
            border, nlat, nlon, dist_m = self._nearest_vertex(lat, lon)
        return BorderRelation(side=self.country_at(lat, lon), border=border,
                              distance_km=dist_m / 1000.0,
                              nearest=(round(nlat, 6), round(nlon, 6)))

    def _nearest_vertex(self, lat: float, lon: float) -> tuple[str, float, float, float]:
        """(border, lat, lon, metres) of the geodesically nearest border vertex: for points so
        far away (Indonesia, Brazil) that the Lithuanian projection cannot take them."""
        if self._vertices is None:
            coords = [shapely.get_coordinates(c) for c in self._chunks]
            vlon, vlat = self._projections()[1].transform(*np.concatenate(coords).T)
            ids = np.repeat(np.array(self._chunk_ids, dtype=object), [len(c) for c in coords])
            self._vertices = (np.asarray(vlat), np.asarray(vlon), ids)
        vlat, vlon, ids = self._vertices
        _, _, dist = _geod().inv(np.full(len(vlat), lon), np.full(len(vlat), lat), vlon, vlat)
        i = int(np.argmin(dist))
        return str(ids[i]), float(vlat[i]), float(vlon[i]), float(dist[i])

    def relate(self, lat: float, lon: float) -> BorderRelation:  # replaced by a cached version
        """Country of the point, nearest border, geodesic distance (km) and nearest border point."""
        return self._relate(lat, lon)

    def lines(self) -> Mapping:
        """The borders GeoJSON FeatureCollection (for the map layers)."""
        return self._geodata["borders"]

    def geodata(self) -> dict[str, Mapping]:
        """The GeoJSON FeatureCollections the maps draw: the exact borders and, from a
        directory, the outlines simplified for display (see ``display_geodata``)."""
        if self._directory is None:
            return dict(self._geodata)
        return {"borders": self._geodata["borders"],
                **{k: v for k, v in display_geodata(self._directory).items() if k != "borders"}}
