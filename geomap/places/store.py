"""The write side of the gazetteer: user entries, imports, safe writes.

User entries live in the directory's *user layer* (``files.user_layer_dir``):
``local.csv`` (same schema as the generated files; a row whose id is a bundled id overrides
that entry) and ``local-hidden.txt`` (ids of bundled entries to leave out, one a line). The
generated files are never written. Every write

* validates the entry first (``rules.place_problems``) and refuses a name already present
  within ``rules.DUPLICATE_KM`` unless forced, raising ``GazetteerError`` with a one-line reason;
* holds an exclusive ``filelock`` lock on ``.local.lock`` in the user layer while it reads the
  current user files, decides and writes, so concurrent writers never lose an entry;
* writes a temporary file in the same directory and ``os.replace``-s the original
  (``files.atomic_write``), so readers see the old or the new file, never half of one.
"""
from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import GazetteerError
from ..files import atomic_write
from ..model import Place
from ..normalize import key
from .files import (
    HIDDEN_FILE,
    USER_FILE,
    gazetteer_files,
    read_csv,
    read_hidden,
    user_layer_dir,
    write_places,
)
from .imports import ImportRow
from .rules import (
    USER_SOURCE,
    check_place,
    new_place,
    place_problems,
    refuse_duplicate,
    same_name_nearby,
)

LOCK_FILE = ".local.lock"
LOCK_TIMEOUT_S = 120.0


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
                refuse_duplicate(place, self._current(rows, hidden).values())
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
                refuse_duplicate(place, current.values())
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
