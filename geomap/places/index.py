"""The in-memory name index of a gazetteer: look-up by folded name, near spellings, search.

``NameIndex.load`` reads a gazetteer directory (``geomap.places.files``); the write side is
``geomap.places.store`` and ``geomap.places.gazetteer.Gazetteer`` joins both.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Self

from ..errors import GazetteerError
from ..geodesy import BORDER_COUNTRIES, haversine_km
from ..model import Place
from ..normalize import key
from .files import (USER_FILE, BrokenRow, gazetteer_files, read_csv, read_hidden, read_rows,
                    user_layer_dir)

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


class NameIndex:
    """Places with a name index. ``lookup(key)`` gives every entry a folded name may mean."""

    def __init__(self, places: Iterable[Place], *, directory: Path | None = None,
                 user_ids: Iterable[str] = (), hidden: Iterable[str] = (),
                 skipped: Iterable[BrokenRow] = ()):
        self.directory = directory
        self.user_ids = frozenset(user_ids)   # ids defined (or overridden) by the user file
        self.hidden = frozenset(hidden)       # ids the user hid (left out of ``places``)
        self.skipped = tuple(skipped)         # broken rows of the user file, left out
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
    def load(cls, directory: str | os.PathLike) -> Self:
        """Load every CSV file of a gazetteer directory and its user layer (hidden ids left
        out; broken rows of the user file left out and listed in ``skipped``)."""
        directory = Path(directory)
        if not directory.is_dir():
            raise GazetteerError(f"{directory}: gazetteer directory not found")
        files = gazetteer_files(directory)
        if not files:
            raise GazetteerError(f"{directory}: no gazetteer *.csv files")
        user_file = user_layer_dir(directory) / USER_FILE
        places: list[Place] = []
        user_ids: list[str] = []
        skipped: list[BrokenRow] = []
        for f in files:
            if f != user_file:
                places += read_csv(f)
                continue
            for row in read_rows(f):
                if isinstance(row, BrokenRow):
                    skipped.append(row)
                else:
                    places.append(row)
                    user_ids.append(row.id)
        return cls(places, directory=directory, user_ids=user_ids,
                   hidden=read_hidden(directory), skipped=skipped)

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
        from ..morph import name_variants

        k = key(name)
        matches = list(self.lookup(k))
        span = name.split()
        if not matches and span:
            for variant in name_variants(span):
                matches += self.lookup(variant)
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
        from ..morph import base_forms

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

    def insert(self, place: Place) -> None:
        """Index a new user entry at once (after ``Store.add`` stored it)."""
        self._by_id[place.id] = place
        self.places = (*self.places, place)
        self.user_ids |= {place.id}
        self._add_to_index(place)
        self.max_tokens = max((k.count(" ") + 1 for k in self._index), default=1)
        self._near = None

    def own_directory(self) -> Path:
        """The directory the index was loaded from (GazetteerError for one built in memory)."""
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
