"""GeoPackage output: one layer per kind, in EPSG:4326 (lon, lat).

Layers: ``mentions`` (the fields of ``geomap extract``; unresolved mentions have no
geometry), ``incidents`` (the ACLED-style CSV columns: event_date, event_type, location,
latitude, longitude, geo_precision, source, notes, ...) and ``borders`` (the border lines
with their properties). Lists become ``|``-joined strings. GeoPackage timestamps are pinned
(``OGR_CURRENT_DATE``) so equal input gives byte-identical files.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .atomic import replacing
from .records import MENTION_FIELDS

if TYPE_CHECKING:
    import geopandas as gpd

CRS = "EPSG:4326"
FIXED_DATE = "2000-01-01T00:00:00Z"


def _join(values: Iterable[object]) -> str:
    return "|".join(str(v) for v in values)


def _frame(records: Iterable[dict], fields: tuple[str, ...], lat: str,
           lon: str) -> "gpd.GeoDataFrame":
    import geopandas as gpd
    from shapely.geometry import Point

    rows = [{k: _join(v) if isinstance(v, (list, tuple)) else v for k, v in r.items()}
            for r in records]
    geometry = [Point(r[lon], r[lat]) if r[lat] is not None and r[lon] is not None else None
                for r in rows]
    return gpd.GeoDataFrame(rows, columns=list(fields), geometry=geometry, crs=CRS)


def borders_frame(borders: dict) -> "gpd.GeoDataFrame":
    """The border lines of a GeoJSON FeatureCollection (lists joined with ``|``)."""
    import geopandas as gpd
    from shapely.geometry import shape

    features = borders.get("features", [])
    rows = [{k: _join(v) if isinstance(v, (list, tuple)) else v
             for k, v in (f.get("properties") or {}).items()} for f in features]
    return gpd.GeoDataFrame(rows, geometry=[shape(f["geometry"]) for f in features], crs=CRS)


def write_gpkg(path: str | os.PathLike, *, mentions: Iterable[dict] | None = None,
               incidents: Iterable[dict] | None = None,
               borders: dict | None = None) -> dict[str, int]:
    """Write a GeoPackage with a layer for each kind given: mention records, incident CSV
    records (``csv_record``), a borders FeatureCollection; returns {layer: rows}."""
    import pyogrio

    from .incidents import CSV_FIELDS

    frames = {
        "mentions": None if mentions is None else _frame(mentions, MENTION_FIELDS, "lat", "lon"),
        "incidents": None if incidents is None else _frame(incidents, CSV_FIELDS, "latitude",
                                                           "longitude"),
        "borders": None if borders is None else borders_frame(borders)}
    layers = {k: v for k, v in frames.items() if v is not None}
    if not layers:
        raise ValueError("write_gpkg needs mentions, incidents or borders")
    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": FIXED_DATE})
    try:
        with replacing(path, suffix=".gpkg") as tmp:
            for layer, frame in layers.items():
                kind = {"borders": {}}.get(layer, {"geometry_type": "Point"})
                frame.to_file(tmp, layer=layer, driver="GPKG", engine="pyogrio", **kind)
    finally:
        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": None})
    return {k: len(v) for k, v in layers.items()}
