"""``validate_directory``: check a whole gazetteer directory (schema, ids, coordinates,
countries, duplicates, colliding alternate names) with the rules of every write."""
from __future__ import annotations

import csv
import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..cache import load_outlines
from ..errors import GazetteerError
from ..geodesy import haversine_km
from ..model import Place
from ..normalize import key
from .files import (
    FIELDS,
    HIDDEN_FILE,
    USER_FILE,
    read_forced,
    gazetteer_files,
    parse_row,
    read_hidden,
    user_layer_dir,
)
from .index import NameIndex
from .outlines import OUTLINE_FILES, CountryOutlines
from .rules import COUNTRY_TOLERANCE_KM, FORCED_NOTE, DUPLICATE_KM, SAME_PLACE_KM, place_problems


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


def validate_directory(directory: str | os.PathLike, *,
                       outlines: CountryOutlines | None = None,
                       tolerance_km: float = COUNTRY_TOLERANCE_KM) -> Report:
    """Check every file of a gazetteer directory and its user layer.

    Errors: unreadable files or rows, missing columns, an entry ``place_problems`` refuses, an
    id repeated in one file or in two generated files, a point farther than ``tolerance_km``
    outside the outline of its stated country, inside another country's or (user entries) in
    none (``outlines``, by default the directory's ``countries.geojson`` and ``world.geojson``,
    compiled: ``cache.load_outlines``;
    countries without an outline and bundled points at sea are not judged), the same name and
    kind twice within ``SAME_PLACE_KM``: the rules ``Store`` applies to every write. Warnings:
    those errors of an entry stored with ``--force`` (listed in ``local-forced.txt``), a point
    in a ``DISPUTED`` area, the same name within ``DUPLICATE_KM`` otherwise
    (near-duplicates), an alternate name that is another entry's name (a mention of it may
    resolve to the wrong place), a hidden id that matches no entry.
    """
    directory = Path(directory)
    issues: list[Issue] = []
    files = gazetteer_files(directory) if directory.is_dir() else []
    if not files:
        raise GazetteerError(f"{directory}: no gazetteer *.csv files")
    user_file = user_layer_dir(directory) / USER_FILE
    user_name = str(user_file) if user_file.parent != directory else user_file.name
    where: dict[str, tuple[str, int]] = {}           # id -> (file, line) of its effective row
    first_seen: dict[str, tuple[str, int]] = {}      # generated files only
    places: dict[str, Place] = {}
    invalid: dict[str, bool] = {}                    # id -> place_problems of its effective row

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
                        pid = (row.get("id") or "").strip()
                        fix = (f" (skipped by every command: fix it with `geomap gazetteer edit "
                               f"{pid}` or `remove {pid}`)" if path == user_file and pid else "")
                        issue("error", name, line, pid, str(exc).removeprefix(": ") + fix)
                        continue
                    problems = place_problems(place)
                    for problem in problems:
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
                    invalid[place.id] = bool(problems)
                    where[place.id] = (name, line)
        except (OSError, UnicodeDecodeError) as exc:
            issue("error", name, 0, "", f"cannot read ({exc})")

    hidden = read_hidden(directory)
    forced = read_forced(directory)
    for pid in sorted(hidden - places.keys()):
        issue("warning", str(user_layer_dir(directory) / HIDDEN_FILE), 0, pid,
              "hidden id matches no entry")
    effective = {i: p for i, p in places.items() if i not in hidden}

    def at(p: Place) -> tuple[str, int]:
        return where[p.id]

    # Countries.
    outlines = outlines or load_outlines(directory)
    if outlines is None:
        issue("warning", str(directory), 0, "", f"no country outlines ({', '.join(OUTLINE_FILES)})"
              ": countries not checked")
    else:
        for p in effective.values():
            if not p.country or invalid[p.id]:
                continue
            m = outlines.misplaced(p.lat, p.lon, p.country, tolerance_km)
            if m is None or (m.lies_in is None and at(p)[0] != user_name):
                continue      # bundled, at sea or on an island too small for the outlines
            issue("warning" if m.disputed or p.id in forced else "error", *at(p), p.id,
                  str(m) + (FORCED_NOTE if p.id in forced else ""))

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
                    issue("warning" if second.id in forced else "error", *at(second),
                          second.id, f"duplicate of {first.id} ({first.name}, {first.kind}) "
                          f"{d:.2f} km away" + (FORCED_NOTE if second.id in forced else ""))
                else:
                    issue("warning", *at(second), second.id, f"near-duplicate: {first.id} "
                          f"({first.name}, {first.kind}) has the same name {d:.1f} km away")

    # Alternate names that are another entry's name (spellings of the entry's own name are
    # not: two places may share a name).
    g = NameIndex(effective.values())
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
