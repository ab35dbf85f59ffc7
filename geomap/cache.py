"""The user cache of compiled data: where it lives, the fingerprints that say when a cached
file is fresh, and pickled reads and atomic writes. ``geomap.compiled`` keeps the loaded
``Gazetteer`` (name index and one-edit index built) with the common-words set, and the loaded
``Borders`` (geometries as WKB), there while the gazetteer's files are unchanged.

Each gazetteer directory has two cache files (names and borders, named by a hash of its
resolved path), each holding a fingerprint: the format number, the Python version, each data
file's name, size and mtime_ns, and the same of the geomap sources that shape what is cached
(a new geomap release replaces those files). A stale, unreadable or corrupt file is rebuilt
(stale borders whose geometry files are unchanged, when only the places changed, are updated:
``compiled.load_borders``); writes go to a temporary file in the same directory and
``os.replace`` it, so concurrent builders never expose a torn file.
The country outlines that ``gazetteer add``, ``edit``, ``import`` and ``validate`` judge
points by (``places.outlines.CountryOutlines``, as WKB) have a third file, ``load_outlines``,
fingerprinted by the outline files' contents instead; a process keeps the outlines it loaded
by that fingerprint (copies of a gazetteer directory share them).
The directory is ``platformdirs.user_cache_dir("geomap")`` or ``$GEOMAP_CACHE_DIR``.
"""
from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import sys
from pathlib import Path

from .io.atomic import atomic_write
from .places.files import AIRPORTS_FILE, HIDDEN_FILE, gazetteer_files, user_layer_dir
from .places.outlines import OUTLINE_FILES, CountryOutlines

CACHE_ENV = "GEOMAP_CACHE_DIR"
COMMON_WORDS_FILE = "common-words.txt"
FORMAT = 1
# geomap sources whose code decides what a loaded Gazetteer (Borders) holds.
_SOURCES = ("places/gazetteer.py", "places/index.py", "places/files.py", "normalize.py",
            "model.py", "mentions.py", "cache.py", "compiled.py")
_BORDER_SOURCES = ("border.py", "files.py", "model.py", "cache.py", "compiled.py", "sites.py")
_OUTLINE_SOURCES = ("places/outlines.py", "cache.py")
BORDER_FILES = ("borders", "countries", "world")


def cache_dir() -> Path:
    """Where compiled gazetteers live."""
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("geomap", appauthor=False))


def _stat(path: Path) -> tuple[str, int, int] | tuple[str, None, None]:
    try:
        st = path.stat()
    except OSError:
        return (str(path), None, None)
    return (str(path), st.st_size, st.st_mtime_ns)


def fingerprint(directory: Path) -> str:
    """A hash of everything a compiled gazetteer of ``directory`` depends on."""
    directory = Path(directory).resolve()     # one stamp however the folder is named
    here = Path(__file__).resolve().parent
    files = [*gazetteer_files(directory), user_layer_dir(directory) / HIDDEN_FILE,
             directory / COMMON_WORDS_FILE]
    parts = (FORMAT, sys.version_info[:2], str(directory),
             [_stat(f) for f in files], [_stat(here / s) for s in _SOURCES])
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def lines_fingerprint(directory: Path) -> str:
    """A hash of what the geometry of compiled borders of ``directory`` depends on: while it
    holds, the border relations they keep for points stay right."""
    directory = Path(directory).resolve()     # one stamp however the folder is named
    here = Path(__file__).resolve().parent
    files = [directory / f"{name}.geojson" for name in BORDER_FILES]
    parts = (FORMAT, sys.version_info[:2], str(directory),
             [_stat(f) for f in files], [_stat(here / s) for s in _BORDER_SOURCES])
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def borders_fingerprint(directory: Path) -> str:
    """A hash of everything compiled borders of ``directory`` depend on (the gazetteer too:
    they carry the border relations of its places)."""
    directory = Path(directory).resolve()     # one stamp however the folder is named
    here = Path(__file__).resolve().parent
    files = [*(directory / f"{name}.geojson" for name in BORDER_FILES), directory / AIRPORTS_FILE]
    parts = (FORMAT, sys.version_info[:2], str(directory), fingerprint(directory),
             [_stat(f) for f in files], [_stat(here / s) for s in _BORDER_SOURCES])
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def cache_path(directory: Path, kind: str = "gazetteer") -> Path:
    """The cache file of a gazetteer directory (``kind``: gazetteer or borders)."""
    name = hashlib.sha256(str(Path(directory).resolve()).encode()).hexdigest()[:24]
    return cache_dir() / f"{kind}-{name}.pickle"


def unpickle(path: Path, *types: type) -> tuple | None:
    """The (stamp, *objects) tuple ``path`` holds when the objects are of ``types``; None
    otherwise (never raises)."""
    gc.disable()                                  # many small objects: GC passes only cost
    try:
        with open(path, "rb") as fh:
            found, *objects = pickle.load(fh)
    except Exception:  # noqa: BLE001 - missing, truncated, corrupt or from another build
        return None
    finally:
        gc.enable()
    if len(objects) != len(types) or not all(isinstance(o, t) for o, t in zip(objects, types)):
        return None
    return (found, *objects)


def read(path: Path, stamp: str, *types: type) -> tuple | None:
    """The cached objects when ``path`` holds them for ``stamp``, of ``types``; None otherwise
    (never raises)."""
    payload = unpickle(path, *types)
    return payload[1:] if payload is not None and payload[0] == stamp else None


def write(path: Path, payload: tuple) -> None:
    """Write ``payload`` atomically; a cache that cannot be written is simply skipped."""
    with contextlib.suppress(OSError, pickle.PicklingError, TypeError, AttributeError), \
            atomic_write(path, "wb") as fh:
        pickle.dump(payload, fh, protocol=pickle.HIGHEST_PROTOCOL)


_outlines: dict[str, CountryOutlines] = {}      # by outlines_fingerprint: loaded once a process


def outlines_fingerprint(directory: Path) -> str | None:
    """A hash of the contents of ``directory``'s outline files (and of the geomap sources
    that read them); None when it has none."""
    here = Path(__file__).resolve().parent
    paths = [directory / f for f in OUTLINE_FILES if (directory / f).is_file()]
    if not paths:
        return None
    h = hashlib.sha256(repr((FORMAT, sys.version_info[:2],
                             [_stat(here / s) for s in _OUTLINE_SOURCES])).encode())
    for path in paths:
        data = path.read_bytes()
        h.update(f"{path.name}:{len(data)}:".encode())
        h.update(data)
    return h.hexdigest()


def load_outlines(directory: str | os.PathLike) -> CountryOutlines | None:
    """The country outlines of ``directory`` (None when it has none): kept by this process,
    else from the cache when it is fresh, else parsed from the GeoJSON files (errors as
    ``CountryOutlines.load``: ~0.5 s of CPU, the cache ~20 ms) and cached."""
    directory = Path(directory)
    try:
        stamp = outlines_fingerprint(directory)
    except OSError:
        return CountryOutlines.load(directory)        # raises, naming the unreadable file
    if stamp is None:
        return None
    if stamp in _outlines:
        return _outlines[stamp]
    path = cache_path(directory, "outlines")
    cached = read(path, stamp, CountryOutlines)
    outlines = cached[0] if cached is not None else CountryOutlines.load(directory)
    if cached is None and outlines is not None:
        write(path, (stamp, outlines))
    if outlines is not None:
        if len(_outlines) >= 4:                  # bounded: a process rarely has two
            _outlines.clear()
        _outlines[stamp] = outlines
    return outlines
