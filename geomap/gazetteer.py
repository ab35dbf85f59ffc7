"""The local gazetteer: CSV files of places, loaded into an in-memory name index.

A gazetteer directory holds ``*.csv`` files (except ``airports.csv``, see ``geomap.sites``)
with the header
``id,name,alt_names,lat,lon,country,kind,population,source`` (alternate names separated by
``|``). Files load in name order, except the user file ``local.csv``, which loads last, so a user
row with an existing id overrides that entry; ids listed in ``local-hidden.txt`` (one a line)
are left out. Both user files live in the *user layer* of the directory (``user_layer_dir``):
the directory itself, or, for the read-only gazetteer bundled with geomap, the platform's
user-data directory. See docs/gazetteer.md; the write side is ``geomap.store``.
"""
from __future__ import annotations

import csv
import importlib.util
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import GazetteerError
from .geodesy import BORDER_COUNTRIES, haversine_km
from .model import KINDS, Place
from .normalize import key

if TYPE_CHECKING:
    from .store import CountryOutlines, Report

FIELDS = ("id", "name", "alt_names", "lat", "lon", "country", "kind", "population", "source")
USER_FILE = "local.csv"
HIDDEN_FILE = "local-hidden.txt"
AIRPORTS_FILE = "airports.csv"   # facilities, not names to find in texts (see ``geomap.sites``)

# Words that designate an administrative unit. A unit's name minus its designator
# ("Šalčininkai district" -> "Šalčininkai") is indexed as a *designated* name: it matches only
# where the text puts a designator beside it ("Šalčininkai district", "Lazdijų rajone").
REGION_DESIGNATORS = frozenset(key(w) for w in """
    county region voivodeship province oblast voblast voblasts apskritis apskrities apskrityje
    областью область области обл вобласць вобласці obwod obwodu obwodzie wojewodztwo
    wojewodztwa wojewodztwie woiwodschaft
    """.split())
DISTRICT_DESIGNATORS = frozenset(key(w) for w in """
    district districts municipality municipalities raion rayon powiat gmina commune eldership
    rajonas rajono rajone rajonu r savivaldybe savivaldybes savivaldybeje seniunija seniunijos
    район района районе районы раён раёна раёне powiatu powiecie rejon rejonu rejonie novads
    novada kreis landkreis bezirk
    """.split())
DESIGNATORS = REGION_DESIGNATORS | DISTRICT_DESIGNATORS
_DESIGNATOR_TAIL = re.compile(r"(?:\s+(?:" + "|".join(sorted(DESIGNATORS, key=len, reverse=True))
                              + r"))+$")


@dataclass(frozen=True)
class NameMatch:
    """One gazetteer entry that a name key may refer to."""

    place: Place
    canonical: bool      # the key is the entry's canonical name (not an alternate)
    designated: bool     # the key is a unit's name without its designator


def _near_eligible(m: NameMatch) -> bool:
    return not m.designated and (m.place.kind in ("country", "region")
                                 or m.place.country in BORDER_COUNTRIES)


def _one_edit(a: str, b: str) -> bool:
    """True when a and b differ by exactly one inserted, deleted or substituted letter."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]


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
    """Yield the places of one gazetteer CSV file."""
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = set(FIELDS) - set(reader.fieldnames or ())
            if missing:
                raise GazetteerError(f"{path}: missing columns {', '.join(sorted(missing))}")
            for n, row in enumerate(reader, 2):
                yield parse_row(row, f"{path}:{n}")
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
    return Path(__file__).resolve().parent.parent / "gazetteer"


def installed_gazetteer_dir() -> Path:
    """Where an installed (wheel) geomap keeps its bundled gazetteer: read-only package data.
    (In a source checkout the bundled copy is the repository's ``gazetteer/``, a plain
    directory.)"""
    return Path(__file__).resolve().parent / "_gazetteer"


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


def read_hidden(directory: str | os.PathLike) -> frozenset[str]:
    """The ids the user hid (``local-hidden.txt`` of the user layer; ``#`` starts a comment)."""
    path = user_layer_dir(directory) / HIDDEN_FILE
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return frozenset()
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"{path}: cannot read ({exc})") from None
    return frozenset(s for line in lines if (s := line.split("#", 1)[0].strip()))


@dataclass(frozen=True)
class SearchHit:
    """One result of ``Gazetteer.search``."""

    place: Place
    match: str                     # name, alternate, designated, inflected, prefix or substring
    matched: str                   # the entry's name that matched
    distance_km: float | None      # from the ``near`` point, when one was given


# Rank of each kind of search match, best first.
MATCH_RANK = {"name": 0, "alternate": 1, "designated": 2, "inflected": 3, "prefix": 4,
              "substring": 5}


class Gazetteer:
    """Places with a name index. ``lookup(key)`` gives every entry a folded name may mean."""

    def __init__(self, places: Iterable[Place], *, directory: Path | None = None,
                 user_ids: Iterable[str] = (), hidden: Iterable[str] = ()):
        self.directory = directory
        self.user_ids = frozenset(user_ids)   # ids defined (or overridden) by the user file
        self.hidden = frozenset(hidden)       # ids the user hid (left out of ``places``)
        by_id: dict[str, Place] = {}
        for place in places:
            by_id[place.id] = place          # a later file overrides an earlier one
        for place_id in self.hidden:
            by_id.pop(place_id, None)
        self.places: tuple[Place, ...] = tuple(by_id.values())
        self._by_id = by_id
        self._index: dict[str, list[NameMatch]] = {}
        for place in self.places:
            self._add_to_index(place)
        self.max_tokens = max((k.count(" ") + 1 for k in self._index), default=1)
        self._near: dict[str, str | tuple[str, ...]] | None = None   # deletion variant -> keys

    @classmethod
    def load(cls, directory: str | os.PathLike) -> "Gazetteer":
        """Load every CSV file of a gazetteer directory and its user layer (hidden ids left
        out)."""
        directory = Path(directory)
        if not directory.is_dir():
            raise GazetteerError(f"{directory}: gazetteer directory not found")
        files = gazetteer_files(directory)
        if not files:
            raise GazetteerError(f"{directory}: no gazetteer *.csv files")
        user_file = user_layer_dir(directory) / USER_FILE
        places, user_ids = [], []
        for f in files:
            rows = list(read_csv(f))
            places += rows
            if f == user_file:
                user_ids = [p.id for p in rows]
        return cls(places, directory=directory, user_ids=user_ids,
                   hidden=read_hidden(directory))

    def _add_to_index(self, place: Place) -> None:
        seen: set[str] = set()
        for i, name in enumerate((place.name, *place.alt_names)):
            k = key(name)
            if not k:
                continue
            variants = [(k, False)]
            if place.kind in ("district", "region"):
                bare = _DESIGNATOR_TAIL.sub("", k)
                if bare and bare != k:
                    variants.append((bare, True))
            for v, designated in variants:
                if v in seen:
                    continue
                seen.add(v)
                self._index.setdefault(v, []).append(NameMatch(place, i == 0, designated))

    def __len__(self) -> int:
        return len(self.places)

    def keys(self):
        """Every name key of the index (folded names and alternate names)."""
        return self._index.keys()

    def near(self, name_key: str) -> list[NameMatch]:
        """Entries in or near the border region whose one-word name is one edit away from
        ``name_key`` (a letter added, dropped or changed): "Kuznice" -> "Kuznica"."""
        if self._near is None:
            near: dict[str, set[str]] = {}
            for k, matches in self._index.items():
                if " " in k or len(k) < 6 or not any(_near_eligible(m) for m in matches):
                    continue
                for v in {k, *(k[:i] + k[i + 1:] for i in range(len(k)))}:
                    near.setdefault(v, set()).add(k)
            # a key alone as itself: a compiled copy loads faster without 100,000 small sets
            self._near = {v: next(iter(ks)) if len(ks) == 1 else tuple(sorted(ks))
                          for v, ks in near.items()}
        keys: set[str] = set()
        for v in {name_key, *(name_key[:i] + name_key[i + 1:] for i in range(len(name_key)))}:
            found = self._near.get(v, ())
            keys.update((found,) if isinstance(found, str) else found)
        keys.discard(name_key)
        return [m for k in sorted(keys) if _one_edit(k, name_key)
                for m in self._index[k] if _near_eligible(m)]

    def get(self, place_id: str) -> Place | None:
        """The entry with this id, or None."""
        return self._by_id.get(place_id)

    def lookup(self, name_key: str) -> list[NameMatch]:
        """Every entry whose (folded) name or alternate name is ``name_key``."""
        return self._index.get(name_key, [])

    def find(self, name: str) -> list[Place]:
        """Entries named ``name`` (any spelling, case, diacritics or inflection), best first."""
        from .morph import base_forms

        k = key(name)
        matches = list(self.lookup(k))
        if not matches and " " not in k:
            for base in sorted(base_forms(name.strip())):
                matches += self.lookup(base)
        ranked = sorted({m.place.id: m for m in matches}.values(),
                        key=lambda m: (not m.canonical, m.designated, -(m.place.population or 0),
                                       m.place.id))
        return [m.place for m in ranked]

    def source_of(self, place_id: str) -> str:
        """``user`` for an entry of the user file (new or overriding), else ``bundled``."""
        return "user" if place_id in self.user_ids else "bundled"

    def within(self, lat: float, lon: float, km: float) -> list[tuple[float, Place]]:
        """(distance in km, entry) for every entry at most ``km`` from (lat, lon), nearest
        first."""
        max_dlat = km / 111.0 + 1e-9            # a degree of latitude is >= 110.5 km
        found = [(haversine_km(lat, lon, p.lat, p.lon), p) for p in self.places
                 if abs(p.lat - lat) <= max_dlat]
        return sorted(((d, p) for d, p in found if d <= km), key=lambda dp: (dp[0], dp[1].id))

    def search(self, query: str, *, country: str | None = None, kind: str | None = None,
               near: tuple[float, float] | None = None, within_km: float | None = None,
               limit: int | None = 20) -> list[SearchHit]:
        """Entries matching ``query`` regardless of case and diacritics, best first.

        Matches rank: the entry's name, an alternate name, a unit's name without its
        designator, an inflected form ("Dieveniškėse", "Минске"), a name that starts with the
        query, a name that contains it (queries of 3+ characters). Ties go to the nearer entry
        (with ``near``), then the more populous. ``country``/``kind`` filter; ``within_km``
        keeps entries that close to ``near``.
        """
        from .morph import base_forms

        q = key(query)
        if not q:
            return []
        best: dict[str, tuple[str, str]] = {}          # id -> (match, matched key)

        def offer(matches: list[NameMatch], how: str | None, k: str) -> None:
            for m in matches:
                match = how or ("designated" if m.designated
                                else "name" if m.canonical else "alternate")
                old = best.get(m.place.id)
                if old is None or MATCH_RANK[match] < MATCH_RANK[old[0]]:
                    best[m.place.id] = (match, k)

        offer(self.lookup(q), None, q)
        words = q.split(" ")
        for base in sorted(base_forms(words[-1])):
            k = " ".join(words[:-1] + [base])
            offer(self.lookup(k), "inflected", k)
        for k, matches in self._index.items():
            if k.startswith(q):
                offer(matches, "prefix", k)
            elif len(q) >= 3 and q in k:
                offer(matches, "substring", k)

        hits = []
        for place_id, (match, k) in best.items():
            p = self._by_id[place_id]
            if (country and (p.country or "") != country.upper()) or (kind and p.kind != kind):
                continue
            d = haversine_km(near[0], near[1], p.lat, p.lon) if near else None
            if within_km is not None and (d is None or d > within_km):
                continue
            hits.append(SearchHit(p, match, _matched_name(p, k), d))
        hits.sort(key=lambda h: (MATCH_RANK[h.match], h.distance_km or 0.0,
                                 -(h.place.population or 0), key(h.place.name), h.place.id))
        return hits[:limit] if limit is not None else hits

    def add(self, name: str, *, lat: float, lon: float, country: str | None, kind: str,
            alt_names: Iterable[str] = (), source: str = "user", population: int | None = None,
            force: bool = False) -> Place:
        """Validate and store a new user entry (``geomap.store.Store.add``); it is indexed at
        once, here and for every later ``Gazetteer.load``."""
        from .store import Store

        place = Store(self._own_directory()).add(
            name, lat=lat, lon=lon, country=country, kind=kind, alt_names=alt_names,
            source=source, population=population, force=force)
        self._by_id[place.id] = place
        self.places = (*self.places, place)
        self.user_ids |= {place.id}
        self._add_to_index(place)
        self.max_tokens = max((k.count(" ") + 1 for k in self._index), default=1)
        self._near = None
        return place

    def validate(self, *, outlines: "CountryOutlines | None" = None) -> "Report":
        """Check the directory's files (``geomap.store.validate_directory``; country outlines
        from the directory unless given)."""
        from .store import validate_directory

        return validate_directory(self._own_directory(), outlines=outlines)

    def _own_directory(self) -> Path:
        if self.directory is None:
            raise GazetteerError("this gazetteer was built in memory: it has no files")
        return self.directory


def _matched_name(place: Place, name_key: str) -> str:
    """The name of ``place`` whose key (or designator-less key) is ``name_key``."""
    for name in (place.name, *place.alt_names):
        k = key(name)
        if k == name_key or _DESIGNATOR_TAIL.sub("", k) == name_key:
            return name
    return place.name
