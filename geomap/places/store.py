"""The write side of the gazetteer: user entries, imports, safe writes.

User entries live in the directory's *user layer* (``files.user_layer_dir``):
``local.csv`` (same schema as the generated files; a row whose id is a bundled id overrides
that entry) and ``local-hidden.txt`` (ids of bundled entries to leave out, one a line). The
generated files are never written. Every write

* applies ``validate``'s rules first: it refuses an invalid entry (``rules.place_problems``),
  and, unless forced, a point farther than ``rules.COUNTRY_TOLERANCE_KM`` outside its stated
  country (saying where it lies and how far; a hint when latitude and longitude look swapped)
  and a name already present within ``rules.DUPLICATE_KM``, raising ``GazetteerError`` with a
  one-line reason. A forced entry's id goes to ``local-forced.txt``, and ``validate`` warns
  about it instead of failing;
* keeps the broken rows of ``local.csv`` (a hand-typed latitude that is not a number) as
  typed, skipped by every reader, until ``edit`` or ``remove`` fixes them;
* holds an exclusive ``filelock`` lock on ``.local.lock`` in the user layer while it reads the
  current user files, decides and writes, so concurrent writers never lose an entry;
* writes a temporary file in the same directory and ``os.replace``-s the original
  (``geomap.io.atomic``), so readers see the old or the new file, never half of one.
"""
from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from ..cache import load_outlines
from ..errors import GazetteerError
from ..io.atomic import atomic_write
from ..model import Place
from ..normalize import key
from .files import (FIELDS, FORCED_FILE, HIDDEN_FILE, USER_FILE, BrokenRow, csv_row,
                    gazetteer_files, read_csv, read_forced, read_hidden, read_rows,
                    user_layer_dir)
from .imports import ImportRow
from .outlines import CountryOutlines, Misplacement
from .rules import (COUNTRY_TOLERANCE_KM, USER_SOURCE, check_place, new_place, place_problems,
                    same_name_nearby)

LOCK_FILE = ".local.lock"
LOCK_TIMEOUT_S = 120.0


@dataclass
class ImportReport:
    """What ``Store.import_places`` did (or would do, on a dry run)."""

    added: list[Place] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)   # (where, why)
    refused: list[tuple[str, str]] = field(default_factory=list)      # (where, why)
    unfilled: list[tuple[str, str]] = field(default_factory=list)     # (where, why)


@dataclass
class UserLayer:
    """The user files as read under the lock."""

    rows: dict[str, Place]            # valid user rows by id
    broken: dict[str, BrokenRow]      # broken user rows by id (or by "line N" without one)
    hidden: set[str]
    forced: set[str]


class Store:
    """Writes to the user layer of a gazetteer directory (see the module docstring)."""

    def __init__(self, directory: str | os.PathLike):
        self.directory = Path(directory)
        if not self.directory.is_dir():
            raise GazetteerError(f"{self.directory}: gazetteer directory not found")
        self.user_dir = user_layer_dir(self.directory)
        self.user_file = self.user_dir / USER_FILE
        self.hidden_file = self.user_dir / HIDDEN_FILE
        self.forced_file = self.user_dir / FORCED_FILE
        self._base: dict[str, Place] | None = None

    @property
    def base(self) -> dict[str, Place]:
        """The entries of the generated (bundled) files, by id."""
        if self._base is None:
            self._base = {p.id: p for f in gazetteer_files(self.directory)
                          if f != self.user_file for p in read_csv(f)}
        return self._base

    @cached_property
    def outlines(self) -> CountryOutlines | None:
        """The directory's country outlines (None when it has none), read on first use
        (compiled: ``cache.load_outlines``)."""
        return load_outlines(self.directory)

    def misplaced(self, place: Place) -> Misplacement | None:
        """How ``place`` misses its stated country beyond the tolerance (None: it does not)."""
        if not place.country or self.outlines is None:
            return None
        m = self.outlines.misplaced(place.lat, place.lon, place.country, COUNTRY_TOLERANCE_KM)
        return None if m is None or m.disputed else m

    def refusal(self, place: Place, current: dict[str, Place]) -> str | None:
        """Why ``place`` needs ``--force`` (outside its country, or its name already present
        close by), or None."""
        m = self.misplaced(place)
        if m is not None:
            return str(m)
        near = same_name_nearby(place, current.values())
        if near:
            d, p, name = near[0]
            return (f"{name!r} is already in the gazetteer {d:.1f} km away ({p.id}: {p.name}, "
                    f"{p.kind}, {p.country or '-'})")
        return None

    @contextlib.contextmanager
    def _locked(self) -> Iterator[UserLayer]:
        """Hold the writers' lock; yield the current user files."""
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
            layer = UserLayer({}, {}, set(read_hidden(self.directory)),
                              set(read_forced(self.directory)))
            for row in read_rows(self.user_file) if self.user_file.exists() else ():
                if isinstance(row, BrokenRow):
                    layer.broken[row.id or f"line {row.line}"] = row
                else:
                    layer.rows[row.id] = row
            yield layer
        finally:
            lock.release()

    def _current(self, layer: UserLayer) -> dict[str, Place]:
        merged = self.base | layer.rows
        return {i: p for i, p in merged.items() if i not in layer.hidden}

    def _save_rows(self, layer: UserLayer) -> None:
        """Write ``local.csv``: the valid rows and the broken ones as typed, by id."""
        import csv

        lines = [(i, csv_row(p)) for i, p in layer.rows.items()]
        lines += [(i, [b.fields.get(f, "") for f in FIELDS]) for i, b in layer.broken.items()]
        with atomic_write(self.user_file) as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(FIELDS)
            writer.writerows(row for _, row in sorted(lines, key=lambda t: t[0]))

    def _save_ids(self, path: Path, ids: set[str], what: str) -> None:
        with atomic_write(path) as fh:
            fh.write(f"# {what} (one id a line)\n")
            fh.writelines(f"{i}\n" for i in sorted(ids))

    def _save_hidden(self, layer: UserLayer) -> None:
        self._save_ids(self.hidden_file, layer.hidden,
                       "Bundled gazetteer entries hidden by `geomap gazetteer remove`")

    def _save_forced(self, layer: UserLayer, place_ids: Iterable[str], forced: bool) -> None:
        """Record (or, ``forced`` false, forget) that entries were stored with --force."""
        new = layer.forced | set(place_ids) if forced else layer.forced - set(place_ids)
        if new == layer.forced:
            return
        layer.forced = new
        self._save_ids(self.forced_file, layer.forced, "User entries stored with --force: "
                       "`geomap gazetteer validate` warns about them instead of failing")

    def _new_id(self, name: str, layer: UserLayer) -> str:
        slug = key(name).replace(" ", "-")
        candidate, n = f"usr:{slug}", 1
        while self._taken(candidate, layer):
            n += 1
            candidate = f"usr:{slug}-{n}"
        return candidate

    def _taken(self, place_id: str, layer: UserLayer) -> bool:
        return (place_id in self.base or place_id in layer.rows or place_id in layer.hidden
                or place_id in layer.broken)

    def add(self, name: str, *, lat: float, lon: float, country: str | None, kind: str,
            alt_names: Iterable[str] = (), source: str = USER_SOURCE,
            population: int | None = None, force: bool = False) -> Place:
        """Store a new user entry with a fresh ``usr:`` id and return it."""
        return self.add_place(new_place("", name, lat, lon, country, kind, alt_names, source,
                                        population), force=force)

    def add_place(self, place: Place, *, force: bool = False) -> Place:
        """Store ``place`` as a user entry (with a fresh ``usr:`` id when its id is empty)
        and return it. An id already present is refused, and so, unless ``force``, is a point
        outside its stated country or a name already present within ``DUPLICATE_KM``."""
        check_place(replace(place, id=place.id or "usr:new"))
        if place.country:
            _ = self.outlines   # read before taking the lock, as the generated files are
        with self._locked() as layer:
            if place.id and self._taken(place.id, layer):
                raise GazetteerError(f"refused: id {place.id} is already in the gazetteer")
            why = self.refusal(place, self._current(layer))
            if why and not force:
                raise GazetteerError(f"refused: {why}; use --force to store it anyway")
            if not place.id:
                place = replace(place, id=self._new_id(place.name, layer))
            layer.rows[place.id] = place
            self._save_rows(layer)
            self._save_forced(layer, [place.id], bool(why))
        return place

    def edit(self, place_id: str, *, force: bool = False, **changes: object) -> tuple[Place, bool]:
        """Change fields (name, lat, lon, country, kind, alt_names, source, population) of an
        entry, or fix a broken user row. A user entry changes in place; a bundled one gets an
        overriding user row with its id. The rules of ``add_place`` apply. Returns the new
        entry and whether it overrides a bundled one."""
        _ = self.outlines       # read before taking the lock, as the generated files are
        with self._locked() as layer:
            if place_id in layer.hidden:
                raise GazetteerError(f"{place_id} is hidden: `geomap gazetteer unhide "
                                     f"{place_id}` first")
            current = self._current(layer)
            if place_id in layer.broken:
                fields = self._broken_fields(layer.broken[place_id], changes)
            elif place_id in current:
                old = current[place_id]
                fields = {"name": old.name, "lat": old.lat, "lon": old.lon,
                          "country": old.country, "kind": old.kind,
                          "alt_names": old.alt_names, "source": old.source,
                          "population": old.population}
            else:
                raise GazetteerError(f"no gazetteer entry with id {place_id!r}")
            unknown = set(changes) - set(fields)
            if unknown:
                raise TypeError(f"edit() got unknown fields {sorted(unknown)}")
            fields.update({k: v for k, v in changes.items() if v is not None})
            place = new_place(place_id, **fields)
            check_place(place)
            why = self.refusal(place, current)
            if why and not force:
                raise GazetteerError(f"refused: {why}; use --force to store it anyway")
            layer.broken.pop(place_id, None)
            layer.rows[place_id] = place
            self._save_rows(layer)
            self._save_forced(layer, [place_id], bool(why))
        return place, place_id in self.base

    @staticmethod
    def _broken_fields(row: BrokenRow, changes: dict) -> dict:
        """The fields of a broken row, each typed value kept where it parses; raise naming
        the bad value when ``changes`` do not replace it."""
        f = row.fields
        out: dict = {"name": f.get("name", ""), "country": f.get("country") or None,
                     "kind": f.get("kind", ""), "source": f.get("source", ""),
                     "alt_names": tuple(a for a in f.get("alt_names", "").split("|") if a)}
        for name, cast in (("lat", float), ("lon", float), ("population", int)):
            text = (f.get(name) or "").strip()
            if changes.get(name) is not None or (name == "population" and not text):
                out[name] = None
                continue
            try:
                out[name] = cast(text)
            except ValueError:
                raise GazetteerError(f"{row}: give --{name} to fix {name} {text!r}") from None
        return out

    def remove(self, place_id: str) -> str:
        """Remove a user entry (a broken one too), or hide a bundled one. Returns
        ``removed``, ``removed override`` (the bundled entry shows again) or ``hidden``."""
        with self._locked() as layer:
            if place_id in layer.rows or place_id in layer.broken:
                layer.rows.pop(place_id, None)
                layer.broken.pop(place_id, None)
                self._save_rows(layer)
                self._save_forced(layer, [place_id], False)
                return "removed override" if place_id in self.base else "removed"
            if place_id in layer.hidden:
                raise GazetteerError(f"{place_id} is already hidden")
            if place_id not in self.base:
                raise GazetteerError(f"no gazetteer entry with id {place_id!r}")
            layer.hidden.add(place_id)
            self._save_hidden(layer)
            return "hidden"

    def unhide(self, place_id: str) -> None:
        """Show a hidden bundled entry again."""
        with self._locked() as layer:
            if place_id not in layer.hidden:
                raise GazetteerError(f"{place_id} is not hidden")
            layer.hidden.discard(place_id)
            self._save_hidden(layer)

    def import_places(self, rows: Iterable[ImportRow], *, dry_run: bool = False,
                      force: bool = False) -> ImportReport:
        """Add every valid, new row as a user entry in one write. A row whose id or whose
        name within ``DUPLICATE_KM`` is already present is skipped as a duplicate; an invalid
        one, or (unless ``force``) one outside its stated country, is refused. With
        ``dry_run`` nothing is written."""
        report = ImportReport()
        rows = list(rows)
        forced: list[str] = []
        _ = self.outlines       # read before taking the lock, as the generated files are
        with self._locked() as layer:
            current = self._current(layer)
            for row in rows:
                if row.unfilled:
                    report.unfilled.append((row.where, row.error))
                    continue
                place = row.place
                problems = [row.error] if place is None else place_problems(
                    replace(place, id=place.id or "usr:new"))
                if place is None or problems:
                    report.refused.append((row.where, problems[0]))
                    continue
                if place.id and self._taken(place.id, layer):
                    report.duplicates.append((row.where, f"id {place.id} is already present"))
                    continue
                near = same_name_nearby(place, current.values())
                if near:
                    d, p, name = near[0]
                    report.duplicates.append(
                        (row.where, f"{name!r} is already present {d:.1f} km away ({p.id})"))
                    continue
                m = self.misplaced(place)
                if m is not None and not force:
                    report.refused.append((row.where, f"{m} (--force stores it anyway)"))
                    continue
                if not place.id:
                    place = replace(place, id=self._new_id(place.name, layer))
                if m is not None:
                    forced.append(place.id)
                layer.rows[place.id] = current[place.id] = place
                report.added.append(place)
            if report.added and not dry_run:
                self._save_rows(layer)
                self._save_forced(layer, forced, True)
        return report
