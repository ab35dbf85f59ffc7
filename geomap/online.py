"""Online look-up of a place name in OpenStreetMap Nominatim (only when the user asks).

Requests go through geopy's ``Nominatim`` with geomap's user agent, at most one per second
(across processes: a timestamp under a file lock in the cache directory), and answers are
cached on disk (``platformdirs.user_cache_dir("geomap")/nominatim``), so repeating a look-up
sends nothing. ``GEOMAP_NOMINATIM_URL`` (e.g. ``http://127.0.0.1:8080``) points at another
Nominatim server. OpenStreetMap data is © OpenStreetMap contributors, licensed under the ODbL;
``Candidate.place`` records that in the entry's source.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .errors import GazetteerError
from .io.atomic import atomic_write
from .model import Place
from .normalize import key

DEFAULT_URL = "https://nominatim.openstreetmap.org"
URL_ENV = "GEOMAP_NOMINATIM_URL"
USER_AGENT = "geomap/0.1 (Belarus-border news mapper; gazetteer look-up)"
MIN_INTERVAL_S = 1.0
TIMEOUT_S = 20
LICENCE = "© OpenStreetMap contributors, ODbL 1.0"

# Nominatim addresstype / type -> geomap kind.
_KINDS = {
    "city": "city", "town": "town", "village": "village", "hamlet": "village",
    "isolated_dwelling": "village", "farm": "village", "suburb": "village",
    "country": "country", "state": "region", "region": "region", "province": "region",
    "county": "district", "municipality": "district", "district": "district",
    "border_control": "crossing",
}


@dataclass(frozen=True)
class Candidate:
    """One Nominatim result."""

    name: str
    display_name: str
    lat: float
    lon: float
    country: str | None          # ISO-2, upper case
    kind: str                    # a geomap kind guessed from the OSM tags
    osm_type: str                # node, way or relation
    osm_id: int

    def place(self, query: str) -> Place:
        """The candidate as a gazetteer entry (id ``osm:n123``; the query as an alternate
        name when it differs; source and ODbL licence recorded)."""
        from .places.rules import new_place

        alts = [query] if key(query) != key(self.name) else []
        return new_place(f"osm:{self.osm_type[:1]}{self.osm_id}", self.name, self.lat, self.lon,
                         self.country, self.kind, alts,
                         f"OpenStreetMap {self.osm_type} {self.osm_id} via Nominatim ({LICENCE})")


def candidate(raw: dict) -> Candidate:
    """A Candidate from one result of Nominatim's JSON (with ``addressdetails``)."""
    address = raw.get("address") or {}
    kind = _KINDS.get(raw.get("addresstype") or "") or _KINDS.get(raw.get("type") or "", "other")
    name = raw.get("name") or raw.get("display_name", "").split(",")[0].strip()
    return Candidate(name=name, display_name=raw.get("display_name", name),
                     lat=float(raw["lat"]), lon=float(raw["lon"]),
                     country=(address.get("country_code") or "").upper() or None, kind=kind,
                     osm_type=raw.get("osm_type", "node"), osm_id=int(raw.get("osm_id", 0)))


def cache_dir() -> Path:
    """Where answers are cached (``$XDG_CACHE_HOME/geomap/nominatim`` on Linux)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("geomap", appauthor=False)) / "nominatim"


def lookup(name: str, *, limit: int = 5, url: str | None = None) -> list[Candidate]:
    """Nominatim's candidates for ``name``, best first (from the cache when asked before)."""
    from filelock import FileLock

    url = (url or os.environ.get(URL_ENV) or DEFAULT_URL).rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise GazetteerError(f"{url}: not an http(s) URL of a Nominatim server")
    folder = cache_dir()
    digest = hashlib.sha256(json.dumps([url, name, limit]).encode()).hexdigest()[:32]
    cached = folder / f"{digest}.json"
    if cached.exists():
        return [candidate(r) for r in json.loads(cached.read_text(encoding="utf-8"))]
    folder.mkdir(parents=True, exist_ok=True)
    with FileLock(str(folder / ".request.lock")):
        stamp = folder / ".last-request"
        wait = (stamp.stat().st_mtime + MIN_INTERVAL_S - time.time()) if stamp.exists() else 0
        if wait > 0:
            time.sleep(wait)
        try:
            raws = _request(parts.scheme, parts.netloc + parts.path, name, limit)
        finally:
            stamp.touch()
    with atomic_write(cached) as fh:
        json.dump(raws, fh, ensure_ascii=False)
    return [candidate(r) for r in raws]


def _request(scheme: str, domain: str, name: str, limit: int) -> list[dict]:
    from geopy.exc import GeopyError
    from geopy.geocoders import Nominatim

    geocoder = Nominatim(user_agent=USER_AGENT, domain=domain, scheme=scheme,
                         timeout=TIMEOUT_S)
    try:
        found = geocoder.geocode(name, exactly_one=False, limit=limit, addressdetails=True)
    except GeopyError as exc:
        raise GazetteerError(f"Nominatim look-up of {name!r} failed: {exc}") from None
    return [loc.raw for loc in found or []]
