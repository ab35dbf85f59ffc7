"""Readers of the files ``geomap gazetteer import`` takes: gazetteer-schema CSV, GeoJSON Point
features and GeoNames dumps, each row parsed into an ``ImportRow`` (a place or why not)."""
from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..errors import GazetteerError
from ..model import Place
from .rules import has_control, new_place


@dataclass
class ImportRow:
    """One parsed input record: a place (id "" when the input has none) or why not."""

    where: str                    # "line 12" or "feature 3"
    place: Place | None
    error: str = ""
    unfilled: bool = False        # a template row whose lat and lon are still empty


GEONAMES_COLUMNS = 19
_PCL = ("PCL", "PCLD", "PCLF", "PCLI", "PCLIX", "PCLS")


def import_format(path: str | os.PathLike) -> str | None:
    """The import format a file name suggests (None when it does not)."""
    suffix = Path(path).suffix.lower()
    return {".csv": "csv", ".geojson": "geojson", ".json": "geojson", ".txt": "geonames",
            ".tsv": "geonames"}.get(suffix)


def _record_place(rec: Mapping[str, object], source: str) -> Place:
    """A Place from a CSV row or GeoJSON properties (values may be text or JSON types)."""
    try:
        lat, lon = float(rec["lat"]), float(rec["lon"])  # type: ignore[arg-type]
    except (KeyError, TypeError, ValueError):
        raise GazetteerError("lat/lon are missing or not numbers") from None
    pop = rec.get("population")
    try:
        population = None if pop in (None, "") else int(pop)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        raise GazetteerError(f"population {pop!r} is not a whole number") from None
    alts = rec.get("alt_names") or ()
    if isinstance(alts, str):
        alts = alts.split("|")
    if not isinstance(alts, (list, tuple)) or not all(isinstance(a, str) for a in alts):
        raise GazetteerError("alt_names is neither text nor a list of names")

    def text(name: str) -> str:
        value = rec.get(name)
        return "" if value is None else str(value)

    return new_place(text("id"), text("name"), lat, lon, text("country") or None, text("kind"),
                     alts, text("source") or source, population)


def _read_csv_rows(fh: IO[str], source: str) -> Iterator[ImportRow]:
    reader = csv.DictReader(fh)
    missing = {"name", "lat", "lon", "kind"} - set(reader.fieldnames or ())
    if missing:
        raise GazetteerError(f"missing CSV columns {', '.join(sorted(missing))} "
                             "(a header line is required)")
    line = 2
    for rec in reader:
        where = f"line {line}"
        line = reader.line_num + 1
        if not (rec.get("lat") or "").strip() and not (rec.get("lon") or "").strip():
            yield ImportRow(where, None, f"{(rec.get('name') or '').strip()!r} has no "
                            "coordinates yet (fill in lat and lon)", unfilled=True)
            continue
        try:
            yield ImportRow(where, _record_place(rec, source))
        except GazetteerError as exc:
            yield ImportRow(where, None, str(exc))


def _read_geojson(fh: IO[str], source: str) -> Iterator[ImportRow]:
    try:
        data = json.load(fh)
    except json.JSONDecodeError as exc:
        raise GazetteerError(f"not valid JSON (line {exc.lineno}: {exc.msg})") from None
    features = data.get("features") if isinstance(data, dict) else None
    if isinstance(data, dict) and data.get("type") == "Feature":
        features = [data]
    if not isinstance(features, list):
        raise GazetteerError("not a GeoJSON FeatureCollection or Feature")
    for n, feat in enumerate(features, 1):
        where = f"feature {n}"
        geom = feat.get("geometry") if isinstance(feat, dict) else None
        coords = geom.get("coordinates") if isinstance(geom, dict) else None
        if not isinstance(geom, dict) or geom.get("type") != "Point" \
                or not isinstance(coords, list) or len(coords) < 2:
            kind = geom.get("type") if isinstance(geom, dict) else None
            yield ImportRow(where, None, f"geometry is {kind or 'missing'}, not a Point")
            continue
        props = dict(feat.get("properties") or {})
        if feat.get("id") is not None and not props.get("id"):
            props["id"] = feat["id"]
        props["lon"], props["lat"] = coords[0], coords[1]
        try:
            yield ImportRow(where, _record_place(props, source))
        except GazetteerError as exc:
            yield ImportRow(where, None, str(exc))


def geonames_kind(feature_class: str, feature_code: str, population: int) -> str:
    """A geomap kind for a GeoNames feature (populated places by population, as in
    scripts/build_gazetteer.py)."""
    if feature_code == "PPLC":
        return "capital"
    if feature_class == "P":
        return "city" if population >= 100_000 else "town" if population >= 3_000 else "village"
    if feature_code in _PCL:
        return "country"
    if feature_code == "ADM1":
        return "region"
    if feature_code in ("ADM2", "ADM3", "ADM4", "ADM5"):
        return "district"
    if feature_code in ("PSTB", "PSTP"):
        return "crossing"
    return "other"


def _geonames_alt(name: str) -> bool:
    """Alternate names kept from a GeoNames dump: no codes, numbers or lower-case
    romanisations (see docs/data-places.md)."""
    return (len(name) > 2 and not any(c.isdigit() for c in name) and name[0].isupper()
            and not (name.isupper() and len(name) <= 4) and "|" not in name
            and not has_control(name))


def _read_geonames(fh: IO[str], source: str) -> Iterator[ImportRow]:
    for n, line in enumerate(fh, 1):
        line = line.rstrip("\r\n")
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        where = f"line {n}"
        if len(cols) != GEONAMES_COLUMNS:
            yield ImportRow(where, None, f"expected {GEONAMES_COLUMNS} tab-separated columns, "
                                         f"found {len(cols)}")
            continue
        gid, name, ascii_name, alternates = cols[0], cols[1], cols[2], cols[3]
        try:
            lat, lon = float(cols[4]), float(cols[5])
            population = int(cols[14] or 0)
        except ValueError:
            yield ImportRow(where, None, "latitude, longitude or population is not a number")
            continue
        if not gid.isdigit():
            yield ImportRow(where, None, f"geonameid {gid!r} is not a number")
            continue
        alts = [a for a in (ascii_name, *alternates.split(",")) if _geonames_alt(a.strip())]
        yield ImportRow(where, new_place(
            f"gn:{gid}", name, lat, lon, cols[8] or None,
            geonames_kind(cols[6], cols[7], population), alts,
            f"GeoNames {gid} (CC BY 4.0) via {source}", population or None))


def read_import(path: str | os.PathLike, fmt: str) -> list[ImportRow]:
    """Parse an import file: ``csv`` (with a header; columns as in the gazetteer, at least
    name, lat, lon, kind), ``geojson`` (Point features; properties as in the CSV) or
    ``geonames`` (a tab-separated GeoNames dump, e.g. LT.txt)."""
    readers = {"csv": _read_csv_rows, "geojson": _read_geojson, "geonames": _read_geonames}
    path = Path(path)
    source = f"import of {path.name}"
    try:
        with open(path, encoding="utf-8-sig", newline="" if fmt == "csv" else None) as fh:
            return list(readers[fmt](fh, source))
    except UnicodeDecodeError:
        raise GazetteerError(f"{path}: not valid UTF-8") from None
    except GazetteerError as exc:
        raise GazetteerError(f"{path}: {exc}") from None
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot read ({exc.strerror})") from None
