"""The files of a gazetteer directory: the CSV schema, load order and the user layer.

A gazetteer directory holds ``*.csv`` files (except ``airports.csv``, see ``geomap.sites``)
with the header
``id,name,alt_names,lat,lon,country,kind,population,source`` (alternate names separated by
``|``). Files load in name order, except the user file ``local.csv``, which loads last, so a user
row with an existing id overrides that entry; ids listed in ``local-hidden.txt`` (one a line)
are left out. Both user files live in the *user layer* of the directory (``user_layer_dir``):
the directory itself, or, for the read-only gazetteer bundled with geomap, the platform's
user-data directory. See docs/gazetteer.md.
"""
from __future__ import annotations

import csv
import importlib.util
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..errors import GazetteerError
from ..model import KINDS, Place

FIELDS = ("id", "name", "alt_names", "lat", "lon", "country", "kind", "population", "source")
USER_FILE = "local.csv"
HIDDEN_FILE = "local-hidden.txt"
FORCED_FILE = "local-forced.txt"
AIRPORTS_FILE = "airports.csv"   # facilities, not names to find in texts (see ``geomap.sites``)


def parse_row(row: dict, where: str) -> Place:
    """Validate one CSV row and build a Place; raise GazetteerError naming ``where``."""
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except (TypeError, ValueError):
        raise GazetteerError(f"{where}: lat/lon are not numbers") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise GazetteerError(f"{where}: coordinates out of range ({lat}, {lon})")
    kind = (row.get("kind") or "").strip()
    if kind not in KINDS:
        raise GazetteerError(f"{where}: unknown kind {kind!r}")
    name = (row.get("name") or "").strip()
    pid = (row.get("id") or "").strip()
    if not name or not pid:
        raise GazetteerError(f"{where}: id and name are required")
    pop = (row.get("population") or "").strip()
    try:
        population = int(pop) if pop else None
    except ValueError:
        raise GazetteerError(f"{where}: population {pop!r} is not a whole number") from None
    alts = tuple(a.strip() for a in (row.get("alt_names") or "").split("|") if a.strip())
    return Place(id=pid, name=name, lat=lat, lon=lon,
                 country=(row.get("country") or "").strip().upper() or None, kind=kind,
                 population=population, source=(row.get("source") or "").strip(), alt_names=alts)


def read_csv(path: Path) -> Iterator[Place]:
    """Yield the places of one gazetteer CSV file (GazetteerError at the first bad row)."""
    for row in read_rows(path):
        if isinstance(row, BrokenRow):
            raise GazetteerError(str(row))
        yield row


@dataclass(frozen=True)
class BrokenRow:
    """A row of the user file that is not a valid entry: skipped by every reader, kept as
    typed by every write, until ``gazetteer edit`` or ``remove`` fixes it."""

    file: str
    line: int
    fields: dict[str, str]        # the row as read (column -> text)
    reason: str

    @property
    def id(self) -> str:
        return (self.fields.get("id") or "").strip()

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"


def read_rows(path: Path) -> Iterator[Place | BrokenRow]:
    """Yield each row of a gazetteer CSV file: a Place, or a BrokenRow saying why not
    (GazetteerError when the file itself cannot be read or lacks columns)."""
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = set(FIELDS) - set(reader.fieldnames or ())
            if missing:
                raise GazetteerError(f"{path}: missing columns {', '.join(sorted(missing))}")
            for n, row in enumerate(reader, 2):
                try:
                    yield parse_row(row, "")
                except GazetteerError as exc:
                    fields = {k: v or "" for k, v in row.items() if k in FIELDS}
                    yield BrokenRow(str(path), n, fields, str(exc).removeprefix(": "))
    except UnicodeDecodeError:
        raise GazetteerError(f"{path}: not valid UTF-8") from None
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot read ({exc.strerror})") from None


def bundled_gazetteer_dir() -> Path:
    """The gazetteer shipped with geomap (the repository's ``gazetteer/`` in a checkout)."""
    spec = importlib.util.find_spec("geomap._gazetteer")
    for location in (spec.submodule_search_locations or []) if spec else []:
        if (Path(location) / "countries.csv").is_file():
            return Path(location)
    return Path(__file__).resolve().parents[2] / "gazetteer"


def installed_gazetteer_dir() -> Path:
    """Where an installed (wheel) geomap keeps its bundled gazetteer: read-only package data.
    (In a source checkout the bundled copy is the repository's ``gazetteer/``, a plain
    directory.)"""
    return Path(__file__).resolve().parents[1] / "_gazetteer"


def user_layer_dir(directory: str | os.PathLike) -> Path:
    """Where the user files (``local.csv``, ``local-hidden.txt``) of ``directory`` live:
    the directory itself, except for the installed package's read-only gazetteer, whose user
    layer is the platform's user-data directory (``~/.local/share/geomap`` on Linux, or
    ``$XDG_DATA_HOME/geomap``)."""
    directory = Path(directory)
    if directory.resolve() == installed_gazetteer_dir():
        import platformdirs

        return Path(platformdirs.user_data_dir("geomap", appauthor=False))
    return directory


def gazetteer_files(directory: Path) -> list[Path]:
    """The CSV files of a gazetteer directory in load order (the user file, from the
    directory's user layer, last)."""
    files = sorted(p for p in Path(directory).glob("*.csv")
                   if p.name not in (USER_FILE, AIRPORTS_FILE))
    user = user_layer_dir(directory) / USER_FILE
    return files + ([user] if user.exists() else [])


def read_ids(directory: str | os.PathLike, name: str) -> frozenset[str]:
    """The ids listed in the user-layer file ``name`` (one a line; ``#`` starts a comment)."""
    path = user_layer_dir(directory) / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return frozenset()
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"{path}: cannot read ({exc})") from None
    return frozenset(s for line in lines if (s := line.split("#", 1)[0].strip()))


def read_hidden(directory: str | os.PathLike) -> frozenset[str]:
    """The ids the user hid (``local-hidden.txt`` of the user layer)."""
    return read_ids(directory, HIDDEN_FILE)


def read_forced(directory: str | os.PathLike) -> frozenset[str]:
    """The ids of user entries stored with ``--force`` (``local-forced.txt``): ``validate``
    warns about them where it would fail."""
    return read_ids(directory, FORCED_FILE)


def csv_row(place: Place) -> list[str]:
    """A place as a row of the gazetteer CSV schema (coordinates with 5 decimals)."""
    return [place.id, place.name, "|".join(place.alt_names), f"{place.lat:.5f}",
            f"{place.lon:.5f}", place.country or "", place.kind,
            "" if place.population is None else str(place.population), place.source]


def write_places(places: Iterable[Place], fmt: str, out: IO[str]) -> int:
    """Write places as gazetteer CSV, GeoJSON or JSON Lines; return how many."""
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(FIELDS)
        rows = [csv_row(p) for p in places]
        writer.writerows(rows)
        return len(rows)
    from ..io.records import place_record
    from ..io.writers import write_records

    return write_records((place_record(p) for p in places), fmt, out)
