"""The compiled gazetteer and borders of a gazetteer directory, kept in the user cache
(``geomap.cache``: where, fingerprints, reads and writes) while its files are unchanged.
"""
from __future__ import annotations

import os
from pathlib import Path

from typing import TYPE_CHECKING

from .cache import (COMMON_WORDS_FILE, borders_fingerprint, cache_path, fingerprint,
                    lines_fingerprint, read, unpickle, write)
from .places.files import gazetteer_files

if TYPE_CHECKING:
    from .border import Borders
    from .places.gazetteer import Gazetteer


def load_compiled(directory: str | os.PathLike) -> tuple["Gazetteer", frozenset[str]]:
    """The gazetteer and common words of ``directory``, from the cache when it is fresh,
    else loaded from the files (errors as ``Gazetteer.load``) and cached."""
    from .mentions import load_common_words
    from .places.gazetteer import Gazetteer

    directory = Path(directory)
    stamp = fingerprint(directory) if directory.is_dir() else ""
    path = cache_path(directory)
    cached = read(path, stamp, Gazetteer, frozenset) if stamp else None
    if cached is not None:
        return cached
    gazetteer = Gazetteer.load(directory)
    gazetteer.near("")                            # build the one-edit index now, once
    # bypass its per-process lru_cache: the file may have changed since it was first read
    common = load_common_words.__wrapped__(str(directory / COMMON_WORDS_FILE))
    write(path, (stamp, gazetteer, common))
    return gazetteer, common


def load_borders(directory: str | os.PathLike) -> "Borders":
    """The ``Borders`` of ``directory``, from the cache when it is fresh, else loaded from the
    GeoJSON files (errors as ``Borders.load``), given the border relations of the gazetteer's
    places and of the airports that may stand for them (``Borders.remember``: a run then
    needs no projection, nor pyproj, for these) and cached. When only the places changed (a
    user entry written), the stale copy is reused and only the new points are related: ~0.3
    instead of ~2 s of CPU for the first run after ``geomap gazetteer add``."""
    from .border import Borders
    from .sites import Airports, served

    directory = Path(directory)
    if not directory.is_dir():
        return Borders.load(directory)
    stamp = borders_fingerprint(directory)
    path = cache_path(directory, "borders")
    cached = unpickle(path, str, Borders)
    if cached is not None and cached[0] == stamp:
        return cached[2]
    lines = lines_fingerprint(directory)
    # Only the gazetteer or the airports changed (a user entry added): the compiled borders
    # are kept, with the relations of the points still needed; only new points are related.
    borders = cached[2] if cached is not None and cached[1] == lines else Borders.load(directory)
    if gazetteer_files(directory):
        places = load_compiled(directory)[0].places
        borders.remember([*((p.lat, p.lon) for p in places),
                          *served(Airports.load(directory), places)], only=True)
    write(path, (stamp, lines, borders))
    return borders
