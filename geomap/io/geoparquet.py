"""The one GeoParquet writer: records streamed in batches into one file whose columns are the
record's fields plus a ``geometry`` column of WKB points (lon, lat; null without coordinates),
described by GeoParquet 1.0 ``geo`` metadata with CRS EPSG:4326."""
from __future__ import annotations

import json
import os
import struct
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from .atomic import atomic_write
from .writers import batches

if TYPE_CHECKING:
    import pyarrow as pa

BATCH_ROWS = 10_000


def schema(fields: Iterable[str], types: Mapping[str, str]) -> "pa.Schema":
    """The Arrow schema: each field a string unless ``types`` names a pyarrow type for it
    (``"int64"``, ``"float64"``, ``"bool_"``), plus the WKB ``geometry`` column."""
    import pyarrow as pa
    from pyproj import CRS

    geo = {"version": "1.0.0", "primary_column": "geometry", "columns": {"geometry": {
        "encoding": "WKB", "geometry_types": ["Point"],
        "crs": CRS.from_epsg(4326).to_json_dict()}}}
    columns = [(f, getattr(pa, types.get(f, "string"))()) for f in fields]
    return pa.schema(columns + [("geometry", pa.binary())],
                     metadata={"geo": json.dumps(geo, sort_keys=True)})


def write_geoparquet(records: Iterable[dict], path: str | os.PathLike, fields: Iterable[str],
                     *, types: Mapping[str, str], lat: str = "lat", lon: str = "lon") -> int:
    """Stream ``records`` into the GeoParquet file ``path`` (atomically replaced), point
    geometry from the ``lat``/``lon`` fields; returns how many rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    sch, n = schema(fields, types), 0
    point = struct.Struct("<BIdd")
    with atomic_write(path, "wb") as fh, pq.ParquetWriter(fh, sch) as writer:
        for batch in batches(records, BATCH_ROWS):
            rows = [r | {"geometry": point.pack(1, 1, r[lon], r[lat])
                         if r.get(lat) is not None and r.get(lon) is not None else None}
                    for r in batch]
            writer.write_table(pa.Table.from_pylist(rows, schema=sch))
            n += len(batch)
    return n
