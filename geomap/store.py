"""The write side of the gazetteer: validation, user entries, import/export, safe writes.

User entries live in the directory's *user layer* (``gazetteer.user_layer_dir``):
``local.csv`` (same schema as the generated files; a row whose id is a bundled id overrides
that entry) and ``local-hidden.txt`` (ids of bundled entries to leave out, one a line). The
generated files are never written. Every write

* validates the entry first (``place_problems``) and refuses a name already present within
  ``DUPLICATE_KM`` unless forced, raising ``GazetteerError`` with a one-line reason;
* holds an exclusive ``filelock`` lock on ``.local.lock`` in the user layer while it reads the
  current user files, decides and writes, so concurrent writers never lose an entry;
* writes a temporary file in the same directory and ``os.replace``-s the original
  (``files.atomic_write``), so readers see the old or the new file, never half of one.

``validate_directory`` checks a whole gazetteer (schema, ids, coordinates, countries,
duplicates, colliding alternate names). ``read_import`` parses CSV, GeoJSON and GeoNames dumps
for ``Store.import_places``; ``write_places`` exports CSV, GeoJSON or JSON Lines.
"""
from __future__ import annotations

import contextlib
import csv
import json
import os
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO

from .errors import GazetteerError
from .geodesy import haversine_km
from .files import atomic_write
from .gazetteer import (FIELDS, HIDDEN_FILE, USER_FILE, Gazetteer, gazetteer_files, parse_row,
                        read_csv, read_hidden, user_layer_dir)
from .model import KINDS, Place
from .normalize import key

# ISO 3166-1 alpha-2 (pycountry 26.2.16), plus XK (Kosovo), which GeoNames uses.
ISO_COUNTRIES = frozenset("""
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS
BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE
EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM
HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC
LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO
TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XK
""".split())
NO_COUNTRY_KINDS = ("region", "other")   # may span countries: country may be empty
DUPLICATE_KM = 5.0          # a name already present this close is refused (unless forced)
SAME_PLACE_KM = 1.0         # validate: same name, same kind, this close -> duplicate (error)
COUNTRY_TOLERANCE_KM = 10.0  # validate: a point this close to its stated country passes
LOCK_FILE = ".local.lock"
LOCK_TIMEOUT_S = 120.0
USER_SOURCE = "user"


def _has_control(text: str) -> bool:
    return any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in text)


def place_problems(place: Place) -> list[str]:
    """Why ``place`` may not be stored (empty when it may): the rules of every write."""
    problems = []
    if not place.id or any(c.isspace() for c in place.id) or _has_control(place.id):
        problems.append(f"id {place.id!r} is empty or contains spaces")
    if not place.name:
        problems.append("the name is empty")
    elif _has_control(place.name):
        problems.append(f"the name {place.name!r} contains control characters")
    elif not key(place.name):
        problems.append(f"the name {place.name!r} has no letters or digits")
    for alt in place.alt_names:
        if _has_control(alt) or "|" in alt or not key(alt):
            problems.append(f"alternate name {alt!r} is empty, contains '|' or control "
                            "characters")
    if _has_control(place.source):
        problems.append("the source contains control characters")
    if not -90 <= place.lat <= 90:
        problems.append(f"lat {place.lat} is outside [-90, 90]")
    if not -180 <= place.lon <= 180:
        problems.append(f"lon {place.lon} is outside [-180, 180]")
    if place.country is None:
        if place.kind not in NO_COUNTRY_KINDS:
            problems.append(f"a country is required for kind {place.kind!r}")
    elif place.country not in ISO_COUNTRIES:
        problems.append(f"country {place.country!r} is not an ISO 3166-1 alpha-2 code")
    if place.kind not in KINDS:
        problems.append(f"kind {place.kind!r} is not one of {', '.join(KINDS)}")
    if place.population is not None and place.population < 0:
        problems.append(f"population {place.population} is negative")
    return problems


def check_place(place: Place) -> None:
    """Raise GazetteerError with the first reason ``place`` may not be stored."""
    problems = place_problems(place)
    if problems:
        raise GazetteerError(f"refused: {problems[0]}")


def new_place(place_id: str, name: str, lat: float, lon: float, country: str | None, kind: str,
              alt_names: Iterable[str] = (), source: str = USER_SOURCE,
              population: int | None = None) -> Place:
    """A Place from user input: names NFC-normalised and trimmed, country upper-cased,
    alternates de-duplicated (the name itself dropped)."""
    def clean(text: str) -> str:
        return unicodedata.normalize("NFC", text).strip()

    name = clean(name)
    alts = []
    for alt in map(clean, alt_names):
        if alt and alt != name and alt not in alts:
            alts.append(alt)
    return Place(id=place_id.strip(), name=name, lat=float(lat), lon=float(lon),
                 country=clean(country).upper() or None if country else None,
                 kind=clean(kind), population=population, source=clean(source),
                 alt_names=tuple(alts))


def same_name_nearby(place: Place, places: Iterable[Place],
                     km: float = DUPLICATE_KM) -> list[tuple[float, Place, str]]:
    """(distance, entry, its name) for each other entry within ``km`` of ``place`` that has
    one of its names (any case or diacritics), nearest first."""
    keys = {key(n) for n in (place.name, *place.alt_names)} - {""}
    max_dlat = km / 111.0 + 1e-9
    found = []
    for p in places:
        if p.id == place.id or abs(p.lat - place.lat) > max_dlat:
            continue
        d = haversine_km(place.lat, place.lon, p.lat, p.lon)
        shared = [n for n in (p.name, *p.alt_names) if key(n) in keys]
        if d <= km and shared:
            found.append((d, p, shared[0]))
    return sorted(found, key=lambda t: (t[0], t[1].id))


def _refuse_duplicate(place: Place, places: Iterable[Place]) -> None:
    near = same_name_nearby(place, places)
    if near:
        d, p, name = near[0]
        raise GazetteerError(
            f"refused: {name!r} is already in the gazetteer {d:.1f} km away ({p.id}: {p.name}, "
            f"{p.kind}, {p.country or '-'}); use --force to store it anyway")


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
    from .records import place_record, write_records

    return write_records((place_record(p) for p in places), fmt, out)


# --- the user layer ------------------------------------------------------------------------

@dataclass
class ImportRow:
    """One parsed input record: a place (id "" when the input has none) or why not."""

    where: str                    # "line 12" or "feature 3"
    place: Place | None
    error: str = ""


@dataclass
class ImportReport:
    """What ``Store.import_places`` did (or would do, on a dry run)."""

    added: list[Place] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)   # (where, why)
    refused: list[tuple[str, str]] = field(default_factory=list)      # (where, why)


class Store:
    """Writes to the user layer of a gazetteer directory (see the module docstring)."""

    def __init__(self, directory: str | os.PathLike):
        self.directory = Path(directory)
        if not self.directory.is_dir():
            raise GazetteerError(f"{self.directory}: gazetteer directory not found")
        self.user_dir = user_layer_dir(self.directory)
        self.user_file = self.user_dir / USER_FILE
        self.hidden_file = self.user_dir / HIDDEN_FILE
        self._base: dict[str, Place] | None = None

    @property
    def base(self) -> dict[str, Place]:
        """The entries of the generated (bundled) files, by id."""
        if self._base is None:
            self._base = {p.id: p for f in gazetteer_files(self.directory)
                          if f != self.user_file for p in read_csv(f)}
        return self._base

    @contextlib.contextmanager
    def _locked(self) -> Iterator[tuple[dict[str, Place], set[str]]]:
        """Hold the writers' lock; yield the current user rows (by id) and hidden ids."""
        from filelock import FileLock, Timeout

        _ = self.base  # read the large generated files before taking the lock
        self.user_dir.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.user_dir / LOCK_FILE), timeout=LOCK_TIMEOUT_S)
        try:
            lock.acquire()
        except Timeout:
            raise GazetteerError(f"{self.user_dir}: another geomap process holds the gazetteer "
                                 f"lock ({LOCK_FILE}) for over {LOCK_TIMEOUT_S:.0f} s") from None
        try:
            rows = {p.id: p for p in read_csv(self.user_file)} if self.user_file.exists() else {}
            yield rows, set(read_hidden(self.directory))
        finally:
            lock.release()

    def _current(self, rows: dict[str, Place], hidden: set[str]) -> dict[str, Place]:
        merged = self.base | rows
        return {i: p for i, p in merged.items() if i not in hidden}

    def _save_rows(self, rows: dict[str, Place]) -> None:
        with atomic_write(self.user_file) as fh:
            write_places((rows[i] for i in sorted(rows)), "csv", fh)

    def _save_hidden(self, hidden: set[str]) -> None:
        with atomic_write(self.hidden_file) as fh:
            fh.write("# Bundled gazetteer entries hidden by `geomap gazetteer remove` "
                     "(one id a line)\n")
            fh.writelines(f"{i}\n" for i in sorted(hidden))

    def _new_id(self, name: str, rows: dict[str, Place], hidden: set[str]) -> str:
        slug = key(name).replace(" ", "-")
        candidate, n = f"usr:{slug}", 1
        while self._taken(candidate, rows, hidden):
            n += 1
            candidate = f"usr:{slug}-{n}"
        return candidate

    def _taken(self, place_id: str, rows: dict[str, Place], hidden: set[str]) -> bool:
        return place_id in self.base or place_id in rows or place_id in hidden

    def add(self, name: str, *, lat: float, lon: float, country: str | None, kind: str,
            alt_names: Iterable[str] = (), source: str = USER_SOURCE,
            population: int | None = None, force: bool = False) -> Place:
        """Store a new user entry with a fresh ``usr:`` id and return it."""
        return self.add_place(new_place("", name, lat, lon, country, kind, alt_names, source,
                                        population), force=force)

    def add_place(self, place: Place, *, force: bool = False) -> Place:
        """Store ``place`` as a user entry (with a fresh ``usr:`` id when its id is empty)
        and return it. An id already present is refused, and so is a name already present
        within ``DUPLICATE_KM`` unless ``force``."""
        check_place(replace(place, id=place.id or "usr:new"))
        with self._locked() as (rows, hidden):
            if place.id and self._taken(place.id, rows, hidden):
                raise GazetteerError(f"refused: id {place.id} is already in the gazetteer")
            if not force:
                _refuse_duplicate(place, self._current(rows, hidden).values())
            if not place.id:
                place = replace(place, id=self._new_id(place.name, rows, hidden))
            rows[place.id] = place
            self._save_rows(rows)
        return place

    def edit(self, place_id: str, *, force: bool = False, **changes) -> tuple[Place, bool]:
        """Change fields (name, lat, lon, country, kind, alt_names, source, population) of an
        entry. A user entry changes in place; a bundled one gets an overriding user row with
        its id. Returns the new entry and whether it overrides a bundled one."""
        with self._locked() as (rows, hidden):
            if place_id in hidden:
                raise GazetteerError(f"{place_id} is hidden: `geomap gazetteer unhide "
                                     f"{place_id}` first")
            current = self._current(rows, hidden)
            if place_id not in current:
                raise GazetteerError(f"no gazetteer entry with id {place_id!r}")
            old = current[place_id]
            fields = {"name": old.name, "lat": old.lat, "lon": old.lon, "country": old.country,
                      "kind": old.kind, "alt_names": old.alt_names, "source": old.source,
                      "population": old.population}
            unknown = set(changes) - set(fields)
            if unknown:
                raise TypeError(f"edit() got unknown fields {sorted(unknown)}")
            fields.update({k: v for k, v in changes.items() if v is not None})
            place = new_place(place_id, **fields)
            check_place(place)
            if not force:
                _refuse_duplicate(place, current.values())
            rows[place_id] = place
            self._save_rows(rows)
        return place, place_id in self.base

    def remove(self, place_id: str) -> str:
        """Remove a user entry, or hide a bundled one. Returns ``removed``,
        ``removed override`` (the bundled entry shows again) or ``hidden``."""
        with self._locked() as (rows, hidden):
            if place_id in rows:
                del rows[place_id]
                self._save_rows(rows)
                return "removed override" if place_id in self.base else "removed"
            if place_id in hidden:
                raise GazetteerError(f"{place_id} is already hidden")
            if place_id not in self.base:
                raise GazetteerError(f"no gazetteer entry with id {place_id!r}")
            hidden.add(place_id)
            self._save_hidden(hidden)
            return "hidden"

    def unhide(self, place_id: str) -> None:
        """Show a hidden bundled entry again."""
        with self._locked() as (_, hidden):
            if place_id not in hidden:
                raise GazetteerError(f"{place_id} is not hidden")
            hidden.discard(place_id)
            self._save_hidden(hidden)

    def import_places(self, rows: Iterable[ImportRow], *, dry_run: bool = False) -> ImportReport:
        """Add every valid, new row as a user entry in one write. A row whose id or whose
        name within ``DUPLICATE_KM`` is already present is skipped as a duplicate; an invalid
        one is refused. With ``dry_run`` nothing is written."""
        report = ImportReport()
        rows = list(rows)
        with self._locked() as (user_rows, hidden):
            current = self._current(user_rows, hidden)
            for row in rows:
                problems = [row.error] if row.place is None else place_problems(
                    replace(row.place, id=row.place.id or "usr:new"))
                if problems:
                    report.refused.append((row.where, problems[0]))
                    continue
                place = row.place
                if place.id and self._taken(place.id, user_rows, hidden):
                    report.duplicates.append((row.where, f"id {place.id} is already present"))
                    continue
                near = same_name_nearby(place, current.values())
                if near:
                    d, p, name = near[0]
                    report.duplicates.append(
                        (row.where, f"{name!r} is already present {d:.1f} km away ({p.id})"))
                    continue
                if not place.id:
                    place = replace(place, id=self._new_id(place.name, user_rows, hidden))
                user_rows[place.id] = current[place.id] = place
                report.added.append(place)
            if report.added and not dry_run:
                self._save_rows(user_rows)
        return report


# --- import formats -------------------------------------------------------------------------

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
            and not _has_control(name))


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


# --- validation -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Issue:
    """One finding of ``validate_directory``."""

    file: str
    line: int
    severity: str                 # "error" or "warning"
    place_id: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{self.severity}: {where}: {self.place_id + ': ' if self.place_id else ''}" \
               f"{self.message}"


@dataclass
class Report:
    """The findings of ``validate_directory``, sorted by file and line."""

    issues: list[Issue]
    entries: int                  # entries in effect (overrides applied, hidden ids removed)
    files: list[Path]

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning"]


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


def validate_directory(directory: str | os.PathLike, *,
                       outlines: CountryOutlines | None = None,
                       tolerance_km: float = COUNTRY_TOLERANCE_KM) -> Report:
    """Check every file of a gazetteer directory and its user layer.

    Errors: unreadable files or rows, missing columns, an entry ``place_problems`` refuses, an
    id repeated in one file or in two generated files, a point farther than ``tolerance_km``
    outside the outline of its stated country and inside another country's (``outlines``, by
    default the directory's ``countries.geojson`` and ``world.geojson``; countries without an
    outline and points at sea are not judged),
    the same name and kind twice within ``SAME_PLACE_KM``. Warnings: a point in a ``DISPUTED``
    area, the same name within ``DUPLICATE_KM`` otherwise (near-duplicates), an alternate name
    that is another entry's name (a mention of it may resolve to the wrong place), a hidden id
    that matches no entry.
    """
    directory = Path(directory)
    issues: list[Issue] = []
    files = gazetteer_files(directory) if directory.is_dir() else []
    if not files:
        raise GazetteerError(f"{directory}: no gazetteer *.csv files")
    user_file = user_layer_dir(directory) / USER_FILE
    where: dict[str, tuple[str, int]] = {}           # id -> (file, line) of its effective row
    first_seen: dict[str, tuple[str, int]] = {}      # generated files only
    places: dict[str, Place] = {}

    def issue(severity: str, file: str, line: int, pid: str, message: str) -> None:
        issues.append(Issue(file, line, severity, pid, message))

    for path in files:
        name = str(path) if path == user_file and path.parent != directory else path.name
        try:
            with open(path, encoding="utf-8", newline="") as fh:
                reader = csv.DictReader(fh)
                missing = set(FIELDS) - set(reader.fieldnames or ())
                if missing:
                    issue("error", name, 1, "", f"missing columns {', '.join(sorted(missing))}")
                    continue
                in_file: dict[str, int] = {}
                for line, row in enumerate(reader, 2):
                    try:
                        place = parse_row(row, "")
                    except GazetteerError as exc:
                        issue("error", name, line, (row.get("id") or "").strip(),
                              str(exc).removeprefix(": "))
                        continue
                    for problem in place_problems(place):
                        issue("error", name, line, place.id, problem)
                    if place.id in in_file:
                        issue("error", name, line, place.id,
                              f"id repeated (first on line {in_file[place.id]})")
                    elif path != user_file and place.id in first_seen:
                        f, n = first_seen[place.id]
                        issue("error", name, line, place.id, f"id also in {f}:{n}")
                    in_file[place.id] = line
                    if path != user_file:
                        first_seen.setdefault(place.id, (name, line))
                    places[place.id] = place
                    where[place.id] = (name, line)
        except (OSError, UnicodeDecodeError) as exc:
            issue("error", name, 0, "", f"cannot read ({exc})")

    hidden = read_hidden(directory)
    for pid in sorted(hidden - places.keys()):
        issue("warning", str(user_layer_dir(directory) / HIDDEN_FILE), 0, pid,
              "hidden id matches no entry")
    effective = {i: p for i, p in places.items() if i not in hidden}

    def at(p: Place) -> tuple[str, int]:
        return where[p.id]

    # Countries.
    outlines = outlines or CountryOutlines.load(directory)
    if outlines is None:
        issue("warning", str(directory), 0, "", f"no country outlines ({', '.join(OUTLINE_FILES)})"
              ": countries not checked")
    else:
        for p in effective.values():
            if not p.country or place_problems(p):
                continue
            d = outlines.distance_km(p.lat, p.lon, p.country)
            if d is None or d <= tolerance_km:
                continue
            other = outlines.country_at(p.lat, p.lon)
            if other is None:
                continue       # at sea, or on an island too small for the outlines: not judged
            area = DISPUTED.get((p.country, other))
            issue("warning" if area else "error", *at(p), p.id,
                  f"({p.lat}, {p.lon}) lies in {other}, {d:.0f} km from {p.country}"
                  + (f" (disputed: {area})" if area else ""))

    # Duplicates: the same name within DUPLICATE_KM (a country and its namesake city-state
    # excepted: Monaco, Gibraltar...).
    by_name: dict[str, list[Place]] = defaultdict(list)
    for p in effective.values():
        by_name[key(p.name)].append(p)
    for group in by_name.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                d = haversine_km(a.lat, a.lon, b.lat, b.lon)
                if d > DUPLICATE_KM or (a.kind == "country") != (b.kind == "country"):
                    continue
                first, second = sorted((a, b), key=at)
                if a.kind == b.kind and d <= SAME_PLACE_KM:
                    issue("error", *at(second), second.id, f"duplicate of {first.id} "
                          f"({first.name}, {first.kind}) {d:.2f} km away")
                else:
                    issue("warning", *at(second), second.id, f"near-duplicate: {first.id} "
                          f"({first.name}, {first.kind}) has the same name {d:.1f} km away")

    # Alternate names that are another entry's name (spellings of the entry's own name are
    # not: two places may share a name).
    g = Gazetteer(effective.values())
    for p in effective.values():
        seen = {key(p.name)}
        for alt in p.alt_names:
            k = key(alt)
            if k in seen:
                continue
            seen.add(k)
            others = [m.place for m in g.lookup(k)
                      if m.canonical and not m.designated and m.place.id != p.id]
            if not others:
                continue
            named = ", ".join(f"{q.id} ({q.name}, {q.kind}, {q.country or '-'}, "
                              f"{haversine_km(p.lat, p.lon, q.lat, q.lon):.0f} km away)"
                              for q in others[:3])
            more = f" and {len(others) - 3} more" if len(others) > 3 else ""
            issue("warning", *at(p), p.id, f"alternate name {alt!r} is the name of {named}"
                  f"{more}: a mention of it may resolve to the wrong place")
    rank = {(str(f) if f == user_file and f.parent != directory else f.name): n
            for n, f in enumerate(files)}
    issues.sort(key=lambda i: (rank.get(i.file, len(files)), i.file, i.line, i.severity,
                               i.place_id, i.message))
    return Report(issues, len(effective), files)
