"""GIS exports: GeoPackage (one layer per kind) and GeoParquet, in EPSG:4326 (lon, lat).

Layers: ``mentions`` (the fields of ``geomap extract``; unresolved mentions have no
geometry), ``incidents`` (the ACLED-style CSV columns: event_date, event_type, location,
latitude, longitude, geo_precision, source, notes, ...) and ``borders`` (the
border lines with their properties). Lists become ``|``-joined strings. Files are written
to a temporary file and then renamed; GeoPackage timestamps are pinned (``OGR_CURRENT_DATE``)
so equal input gives byte-identical files.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .model import Mention
from .records import MENTION_FIELDS, mention_record

if TYPE_CHECKING:
    import geopandas as gpd

    from .events import Incident

CRS = "EPSG:4326"
FIXED_DATE = "2000-01-01T00:00:00Z"


def _join(values: Iterable[object]) -> str:
    return "|".join(str(v) for v in values)


def _frame(records: list[dict], fields: tuple[str, ...], lat: str, lon: str) -> "gpd.GeoDataFrame":
    import geopandas as gpd
    from shapely.geometry import Point

    rows = [{k: _join(v) if isinstance(v, (list, tuple)) else v for k, v in r.items()}
            for r in records]
    geometry = [Point(r[lon], r[lat]) if r[lat] is not None and r[lon] is not None else None
                for r in rows]
    return gpd.GeoDataFrame(rows, columns=list(fields), geometry=geometry, crs=CRS)


def mentions_frame(mentions: Iterable[Mention]) -> "gpd.GeoDataFrame":
    """One Point row per mention with the ``geomap extract`` fields."""
    return _frame([mention_record(m) for m in mentions], MENTION_FIELDS, "lat", "lon")


def incidents_frame(incidents: Iterable["Incident"]) -> "gpd.GeoDataFrame":
    """One Point row per incident with the ACLED-style CSV columns of ``geomap incidents``."""
    from .events.records import CSV_FIELDS, csv_record, incident_record

    return _frame([csv_record(incident_record(i)) for i in incidents], CSV_FIELDS,
                  "latitude", "longitude")


def borders_frame(borders: dict) -> "gpd.GeoDataFrame":
    """The border lines of a GeoJSON FeatureCollection (lists joined with ``|``)."""
    import geopandas as gpd
    from shapely.geometry import shape

    features = borders.get("features", [])
    rows = [{k: _join(v) if isinstance(v, (list, tuple)) else v
             for k, v in (f.get("properties") or {}).items()} for f in features]
    return gpd.GeoDataFrame(rows, geometry=[shape(f["geometry"]) for f in features], crs=CRS)


@contextlib.contextmanager
def _replacing(path: str | os.PathLike, suffix: str) -> Iterator[str]:
    """A temporary path next to ``path`` that replaces it if the block succeeds."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent)
    os.close(fd)
    os.unlink(tmp)          # GDAL wants to create the file itself
    try:
        yield tmp
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def write_gpkg(path: str | os.PathLike, *, mentions: Iterable[Mention] | None = None,
               incidents: Iterable["Incident"] | None = None,
               borders: dict | None = None) -> dict[str, int]:
    """Write a GeoPackage with a layer for each of the given kinds; returns {layer: rows}."""
    import pyogrio

    frames = {"mentions": None if mentions is None else mentions_frame(mentions),
              "incidents": None if incidents is None else incidents_frame(incidents),
              "borders": None if borders is None else borders_frame(borders)}
    frames = {k: v for k, v in frames.items() if v is not None}
    if not frames:
        raise ValueError("write_gpkg needs mentions, incidents or borders")
    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": FIXED_DATE})
    try:
        with _replacing(path, ".gpkg") as tmp:
            for layer, frame in frames.items():
                kind = {"borders": {}}.get(layer, {"geometry_type": "Point"})
                frame.to_file(tmp, layer=layer, driver="GPKG", engine="pyogrio", **kind)
    finally:
        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": None})
    return {k: len(v) for k, v in frames.items()}


def write_parquet(path: str | os.PathLike, *, mentions: Iterable[Mention] | None = None,
                  incidents: Iterable["Incident"] | None = None) -> int:
    """Write the mentions or the incidents (exactly one) as GeoParquet; returns the rows."""
    if (mentions is None) == (incidents is None):
        raise ValueError("write_parquet needs exactly one of mentions or incidents")
    frame = mentions_frame(mentions) if mentions is not None else incidents_frame(incidents)
    with _replacing(path, ".parquet") as tmp:
        frame.to_parquet(tmp, index=False)
    return len(frame)
