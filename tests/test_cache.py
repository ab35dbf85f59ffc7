"""The compiled-gazetteer cache: reuse, staleness, corruption and concurrent builders."""
import json
import multiprocessing
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from geomap import cache, compiled
from geomap.border import Borders
from geomap.places.files import FIELDS
from geomap.places.gazetteer import Gazetteer

ROWS = [
    ("cc:LT", "Lithuania", "Lietuva", "55.17", "23.88", "LT", "country", "", "test"),
    ("cur:dieveniskes", "Dieveniškės", "Dieveniskes", "54.1989", "25.6256", "LT", "village", "",
     "test"),
]


def write_csv(path, rows):
    path.write_text("\n".join([",".join(FIELDS), *(",".join(r) for r in rows)]) + "\n",
                    encoding="utf-8")


@pytest.fixture
def gaz(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    d = tmp_path / "gaz"
    d.mkdir()
    write_csv(d / "places.csv", ROWS)
    (d / cache.COMMON_WORDS_FILE).write_text("# common\nPolice\n", encoding="utf-8")
    return d


def test_second_load_comes_from_the_cache(gaz, monkeypatch):
    g, common = compiled.load_compiled(gaz)
    assert len(g) == 2 and common == frozenset({"police"})
    assert cache.cache_path(gaz).is_file()

    def refuse(directory):
        raise AssertionError("rebuilt although the cache is fresh")

    monkeypatch.setattr(Gazetteer, "load", classmethod(lambda cls, d: refuse(d)))
    g2, common2 = compiled.load_compiled(gaz)
    assert [p.id for p in g2.places] == [p.id for p in g.places] and common2 == common
    assert g2.lookup("dieveniskes")[0].place.name == "Dieveniškės"


def test_a_relative_and_an_absolute_name_share_the_cache(gaz, monkeypatch):
    compiled.load_compiled(gaz)                     # compiled under the absolute name
    monkeypatch.chdir(gaz.parent)
    for f in (cache.fingerprint, cache.lines_fingerprint, cache.borders_fingerprint):
        assert f(Path("gaz")) == f(gaz)
    monkeypatch.setattr(Gazetteer, "load", classmethod(
        lambda cls, d: pytest.fail("rebuilt for another name of the same folder")))
    assert len(compiled.load_compiled(Path("gaz"))[0]) == 2


def test_a_changed_gazetteer_file_is_picked_up(gaz):
    assert compiled.load_compiled(gaz)[0].find("Druskininkai") == []
    write_csv(gaz / "local.csv", [("u:1", "Druskininkai", "", "54.0157", "23.987", "LT", "town",
                                   "", "user")])
    assert [p.id for p in compiled.load_compiled(gaz)[0].find("Druskininkai")] == ["u:1"]
    with open(gaz / "local.csv", "a", encoding="utf-8") as fh:
        fh.write("u:2,Kapčiamiestis,,54.0,23.65,LT,village,,user\n")
    assert compiled.load_compiled(gaz)[0].find("Kapciamiestis")[0].id == "u:2"
    (gaz / cache.COMMON_WORDS_FILE).write_text("Mobile\n", encoding="utf-8")
    assert compiled.load_compiled(gaz)[1] == frozenset({"mobile"})


@pytest.mark.parametrize("content", [b"", b"not a pickle", pickle.dumps(("x", 1, 2))[:-3],
                                     pickle.dumps(("stale", "gazetteer", frozenset()))])
def test_a_corrupt_or_foreign_cache_file_is_rebuilt(gaz, content):
    path = cache.cache_path(gaz)
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    assert len(compiled.load_compiled(gaz)[0]) == 2
    assert cache.read(path, cache.fingerprint(gaz), Gazetteer, frozenset) is not None


def test_an_unwritable_cache_dir_only_costs_the_cache(gaz, tmp_path, monkeypatch):
    (tmp_path / "file").write_text("x")
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "file" / "cache"))
    assert len(compiled.load_compiled(gaz)[0]) == 2


def _build(directory: str) -> int:
    return len(compiled.load_compiled(directory)[0])


def test_concurrent_builders_agree_and_leave_one_valid_file(gaz):
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        assert pool.map(_build, [str(gaz)] * 8) == [2] * 8
    files = list(cache.cache_path(gaz).parent.iterdir())
    assert files == [cache.cache_path(gaz)]
    assert cache.read(files[0], cache.fingerprint(gaz), Gazetteer, frozenset) is not None


def _geojson(*features):
    return json.dumps({"type": "FeatureCollection", "features": list(features)})


def _box(iso, lon0, lat0, lon1, lat1):
    ring = [[lon0, lat0], [lon1, lat0], [lon1, lat1], [lon0, lat1], [lon0, lat0]]
    return {"type": "Feature", "properties": {"iso": iso},
            "geometry": {"type": "Polygon", "coordinates": [ring]}}


@pytest.fixture
def border_dir(gaz):
    line = {"type": "Feature", "properties": {"id": "LT-BY"},
            "geometry": {"type": "LineString", "coordinates": [[25.0, 53.0], [25.0, 56.0]]}}
    (gaz / "borders.geojson").write_text(_geojson(line), encoding="utf-8")
    (gaz / "countries.geojson").write_text(
        _geojson(_box("LT", 22, 53, 25, 56), _box("BY", 25, 53, 30, 56)), encoding="utf-8")
    (gaz / "world.geojson").write_text(_geojson(_box("XX", 0, 0, 40, 60)), encoding="utf-8")
    return gaz


def test_borders_are_compiled_once_and_answer_the_same(border_dir):
    built = compiled.load_borders(border_dir)
    path = cache.cache_path(border_dir, "borders")
    assert cache.read(path, cache.borders_fingerprint(border_dir), str, Borders) is not None
    again = compiled.load_borders(border_dir)
    assert again is not built
    for lat, lon in [(54.5, 24.0), (54.5, 26.0), (10.0, 10.0), (-30.0, -60.0)]:
        assert again.relate(lat, lon) == built.relate(lat, lon)
    assert again.relate(54.5, 24.0).side == "LT" and again.relate(10.0, 10.0).side == "XX"
    assert again.geodata() == built.geodata()          # outlines read again, on demand
    assert again.geodata()["world"].text == (border_dir / "world.geojson").read_text()


def test_changed_border_files_are_compiled_again(border_dir):
    assert compiled.load_borders(border_dir).relate(54.5, 24.5).side == "LT"
    (border_dir / "countries.geojson").write_text(_geojson(_box("PL", 22, 53, 25, 56)),
                                                  encoding="utf-8")
    assert compiled.load_borders(border_dir).relate(54.5, 24.5).side == "PL"


def test_borders_are_updated_not_rebuilt_when_only_the_places_change(border_dir, monkeypatch):
    compiled.load_borders(border_dir)
    write_csv(border_dir / "local.csv", [("u:1", "Vidiškės", "", "54.4", "25.3", "LT",
                                          "village", "", "user")])
    fresh = Borders.load(border_dir)
    fresh.remember([(54.1989, 25.6256), (55.17, 23.88), (54.4, 25.3)])

    def refuse(cls, directory):
        raise AssertionError("the border files were read again")

    with monkeypatch.context() as m:
        m.setattr(Borders, "load", classmethod(refuse))
        updated = compiled.load_borders(border_dir)
    assert updated._known == fresh._known                  # the new point's, the same answers
    (border_dir / "local.csv").unlink()                    # a place gone: its answer dropped
    assert (54.4, 25.3) not in compiled.load_borders(border_dir)._known
    (border_dir / "borders.geojson").write_text(_geojson(
        {"type": "Feature", "properties": {"id": "LT-BY"},
         "geometry": {"type": "LineString", "coordinates": [[26.0, 53.0], [26.0, 56.0]]}}),
        encoding="utf-8")                                 # a geometry file changed: rebuilt
    moved = compiled.load_borders(border_dir).relate(54.1989, 25.6256)
    assert moved == Borders.load(border_dir).relate(54.1989, 25.6256) != fresh.relate(54.1989, 25.6256)


def test_compiled_borders_carry_the_gazetteer_places_relations(border_dir):
    compiled.load_borders(border_dir)                             # compile
    code = ("import sys\nfrom geomap import compiled\n"
            "b = compiled.load_borders(sys.argv[1])\n"
            "r = b.relate(54.1989, 25.6256)\n"                 # Dieveniškės, a gazetteer place
            "print(r.side, r.border, round(r.distance_km, 3), 'pyproj' in sys.modules)\n"
            "b.relate(54.0, 26.0)\n"                           # not a place: projected
            "print('pyproj' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code, str(border_dir)], check=True,
                         capture_output=True, text=True).stdout     # same GEOMAP_CACHE_DIR
    fresh = Borders.load(border_dir).relate(54.1989, 25.6256)
    assert out.split() == [fresh.side, fresh.border, str(round(fresh.distance_km, 3)),
                           "False", "True"]


def test_compiled_borders_carry_the_relations_of_airports_serving_places(border_dir):
    def airports(*rows):
        (border_dir / "airports.csv").write_text(
            "icao,iata,name,city,country,lat,lon\n" + "".join(f"{r}\n" for r in rows),
            encoding="utf-8")

    airports("EYXX,XXA,Dieveniskes Field,Dieveniškės,LT,54.21,25.6")
    assert (54.21, 25.6) in compiled.load_borders(border_dir)._known
    assert compiled.load_borders(border_dir).relate(54.21, 25.6) == \
        Borders.load(border_dir).relate(54.21, 25.6)
    airports("EYXX,XXA,Dieveniskes Field,Dieveniškės,LT,54.22,25.6")      # a changed file
    assert (54.22, 25.6) in compiled.load_borders(border_dir)._known


def test_outlines_are_compiled_once_kept_by_the_process_and_shared_by_copies(border_dir, tmp_path,
                                                                             monkeypatch):
    from geomap.places.outlines import CountryOutlines

    monkeypatch.setattr(cache, "_outlines", {})
    parsed = CountryOutlines.load(border_dir)
    built = cache.load_outlines(border_dir)
    assert cache.load_outlines(border_dir) is built                  # kept by the process
    stamp = cache.outlines_fingerprint(border_dir)
    from_disk = cache.read(cache.cache_path(border_dir, "outlines"), stamp, CountryOutlines)[0]
    for outlines in (built, from_disk):
        assert {iso: [g.wkb for g in geoms] for iso, geoms in outlines.shapes.items()} == \
            {iso: [g.wkb for g in geoms] for iso, geoms in parsed.shapes.items()}
        for lat, lon in [(54.5, 24.0), (54.5, 26.0), (10.0, 10.0), (-30.0, -60.0)]:
            assert outlines.country_at(lat, lon) == parsed.country_at(lat, lon)
            assert outlines.distance_km(lat, lon, "LT") == parsed.distance_km(lat, lon, "LT")
    copy = tmp_path / "copy"
    copy.mkdir()
    for name in ("countries.geojson", "world.geojson"):
        (copy / name).write_bytes((border_dir / name).read_bytes())
    assert cache.load_outlines(copy) is built                        # same contents


def test_changed_or_broken_outlines_are_read_again(border_dir, monkeypatch):
    from geomap.errors import GazetteerError

    monkeypatch.setattr(cache, "_outlines", {})
    assert cache.load_outlines(border_dir).country_at(54.5, 24.0) == "LT"
    (border_dir / "countries.geojson").write_text(_geojson(_box("PL", 22, 53, 25, 56)),
                                                  encoding="utf-8")
    assert cache.load_outlines(border_dir).country_at(54.5, 24.0) == "PL"
    (border_dir / "countries.geojson").write_text("[]", encoding="utf-8")
    with pytest.raises(GazetteerError, match="not a GeoJSON file of country outlines"):
        cache.load_outlines(border_dir)
    for name in ("countries.geojson", "world.geojson"):
        (border_dir / name).unlink()
    assert cache.load_outlines(border_dir) is None
