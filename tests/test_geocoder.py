"""geopy integration (GazetteerGeocoder) and the Nominatim look-up against a local server."""
import json
import shutil
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from gazetteer_fixture import gazetteer
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

import geomap
from geomap import online
from geomap.places.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent

# Answers in the format of Nominatim's /search?format=json&addressdetails=1.
ANSWERS = {
    "Pabradė": [
        {"place_id": 1, "licence": "Data © OpenStreetMap contributors, ODbL 1.0.",
         "osm_type": "node", "osm_id": 31307711, "lat": "54.9808", "lon": "25.7679",
         "class": "place", "type": "town", "addresstype": "town", "name": "Pabradė",
         "display_name": "Pabradė, Švenčionių rajono savivaldybė, Vilniaus apskritis, Lietuva",
         "address": {"town": "Pabradė", "country": "Lietuva", "country_code": "lt"}},
        {"place_id": 2, "licence": "Data © OpenStreetMap contributors, ODbL 1.0.",
         "osm_type": "relation", "osm_id": 2014926, "lat": "54.98", "lon": "25.76",
         "class": "boundary", "type": "administrative", "addresstype": "municipality",
         "name": "Pabradės seniūnija", "display_name": "Pabradės seniūnija, Lietuva",
         "address": {"country": "Lietuva", "country_code": "lt"}},
    ],
    "Šumskas": [
        {"place_id": 3, "licence": "Data © OpenStreetMap contributors, ODbL 1.0.",
         "osm_type": "node", "osm_id": 987654, "lat": "54.6274", "lon": "25.8338",
         "class": "place", "type": "village", "addresstype": "village", "name": "Šumskas",
         "display_name": "Šumskas, Vilniaus rajono savivaldybė, Lietuva",
         "address": {"village": "Šumskas", "country": "Lietuva", "country_code": "lt"}},
    ],
}


class FakeNominatim(BaseHTTPRequestHandler):
    requests: list = []

    def do_GET(self):
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        self.requests.append({"path": url.path, "query": query, "time": time.monotonic(),
                              "agent": self.headers.get("User-Agent")})
        body = json.dumps(ANSWERS.get(query.get("q", [""])[0], [])).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def nominatim(monkeypatch, tmp_path):
    """A Nominatim look-alike on 127.0.0.1; its URL is in GEOMAP_NOMINATIM_URL and the cache
    in a temporary XDG_CACHE_HOME. Yields the list of requests it received."""
    requests = []
    handler = type("Handler", (FakeNominatim,), {"requests": requests})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    monkeypatch.setenv("GEOMAP_NOMINATIM_URL", f"http://127.0.0.1:{server.server_port}")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    yield requests
    server.shutdown()
    server.server_close()


def test_import_geomap_is_cheap_and_exports_load_lazily():
    code = ("import sys, geomap; heavy = [m for m in ('geopy', 'geomap.places.gazetteer', 'click') "
            "if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
    assert geomap.Gazetteer is Gazetteer
    assert issubclass(geomap.GazetteerGeocoder, Geocoder)
    assert {"Gazetteer", "GazetteerGeocoder"} <= set(dir(geomap))
    with pytest.raises(AttributeError):
        geomap.NoSuchThing  # noqa: B018


def test_geocode_dieveniskes_with_the_active_gazetteer():
    loc = geomap.GazetteerGeocoder().geocode("Dieveniškės")
    assert isinstance(loc, Location)
    assert loc.raw["country"] == "LT" and loc.raw["id"] == "cur:dieveniskes"
    assert loc.address == "Dieveniškės, Lithuania"
    assert abs(loc.latitude - 54.19) < 0.05 and abs(loc.longitude - 25.62) < 0.05


def test_geocode_matches_alternates_and_inflections_and_filters_countries():
    geocoder = geomap.GazetteerGeocoder(gazetteer())
    assert geocoder.geocode("Dieveniskes").raw["id"] == "cur:dieveniskes"
    assert geocoder.geocode("Kuźnicy").raw["id"] == "cur:kuznica"
    all_medininkai = geocoder.geocode("Medininkai", exactly_one=False)
    assert [loc.raw["id"] for loc in all_medininkai][:1] == ["cur:medininkai"]
    assert len(geocoder.geocode("Medininkai", exactly_one=False, limit=2)) == 2
    assert geocoder.geocode("Vilnius", country_codes="pl") is None
    assert geocoder.geocode("Wilno", country_codes=["LT", "PL"]).raw["id"] == "gn:593116"
    assert geocoder.geocode("Atlantis") is None


def test_reverse_gives_the_nearest_point_entry():
    geocoder = geomap.GazetteerGeocoder(gazetteer())
    loc = geocoder.reverse("54.199, 25.626")
    assert isinstance(loc, Location) and loc.raw["id"] == "cur:dieveniskes"
    near = geocoder.reverse(Point(54.525, 25.72), exactly_one=False)
    assert [loc.raw["id"] for loc in near] == ["cur:medininkai-crossing", "cur:medininkai"]
    assert geocoder.reverse((54.525, 25.72), exactly_one=False, limit=1)[0].raw["kind"] == \
        "crossing"
    assert geocoder.reverse((0.0, 0.0)) is None


def test_the_geocoder_sees_entries_added_to_its_directory(tmp_path):
    d = tmp_path / "g"
    d.mkdir()
    shutil.copy(ROOT / "gazetteer" / "curated.csv", d)
    shutil.copy(ROOT / "gazetteer" / "countries.csv", d)
    Gazetteer.load(d).add("Testavičiai", lat=54.3, lon=25.4, country="LT", kind="village")
    loc = geomap.GazetteerGeocoder(d).geocode("testaviciai")
    assert loc.raw["id"] == "usr:testaviciai" and loc.address == "Testavičiai, Lithuania"


def test_nominatim_lookup_sends_one_identified_request_and_caches_it(nominatim):
    found = online.lookup("Pabradė", limit=3)
    assert [(c.name, c.kind, c.country, c.osm_type, c.osm_id) for c in found] == [
        ("Pabradė", "town", "LT", "node", 31307711),
        ("Pabradės seniūnija", "district", "LT", "relation", 2014926)]
    assert len(nominatim) == 1
    req = nominatim[0]
    assert req["path"] == "/search" and req["agent"] == online.USER_AGENT
    assert req["query"]["q"] == ["Pabradė"] and req["query"]["format"] == ["json"]
    assert req["query"]["limit"] == ["3"] and req["query"]["addressdetails"] == ["1"]
    assert online.lookup("Pabradė", limit=3) == found and len(nominatim) == 1
    assert list((online.cache_dir()).glob("*.json"))


def test_nominatim_requests_are_at_least_a_second_apart(nominatim):
    online.lookup("Pabradė")
    online.lookup("Šumskas")
    assert online.lookup("Nowhere at all") == []
    times = [r["time"] for r in nominatim]
    assert len(times) == 3
    assert all(b - a >= online.MIN_INTERVAL_S - 0.05 for a, b in zip(times, times[1:]))


def test_a_candidate_becomes_an_entry_with_source_and_licence():
    c = online.candidate(ANSWERS["Pabradė"][0])
    p = c.place("Pabrade")
    assert (p.id, p.name, p.country, p.kind, p.alt_names) == \
        ("osm:n31307711", "Pabradė", "LT", "town", ())
    assert "OpenStreetMap node 31307711" in p.source and "ODbL" in p.source
    assert c.place("Podbrzezie").alt_names == ("Podbrzezie",)
