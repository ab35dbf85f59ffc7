"""The read side of the gazetteer: directories, user layer, hidden ids, search, within, add."""
import shutil
from pathlib import Path

import pytest
from gazetteer_fixture import gazetteer

import geomap.places.files as gz
from geomap.errors import GazetteerError
from geomap.extract import gazetteer_dir
from geomap.places.files import bundled_gazetteer_dir, gazetteer_files, read_hidden, user_layer_dir
from geomap.places.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent
HEADER = "id,name,alt_names,lat,lon,country,kind,population,source\n"


@pytest.fixture
def tiny(tmp_path):
    """A two-file gazetteer directory."""
    (tmp_path / "a.csv").write_text(
        HEADER + "x:1,Alpha,Alfa,54.0,25.0,LT,village,10,test\n"
                 "x:2,Beta,,54.1,25.1,LT,town,5000,test\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text(HEADER + "x:3,Gamma,,53.0,24.0,BY,village,,test\n",
                                    encoding="utf-8")
    return tmp_path


def test_user_file_loads_last_overrides_and_hidden_ids_are_left_out(tiny):
    (tiny / "local.csv").write_text(
        HEADER + "x:2,Beta Nova,,54.2,25.2,LT,town,,mine\nusr:delta,Delta,,54.3,25.3,LT,"
                 "village,,mine\n", encoding="utf-8")
    (tiny / "local-hidden.txt").write_text("# hidden\nx:3\n\n", encoding="utf-8")
    assert [f.name for f in gazetteer_files(tiny)] == ["a.csv", "b.csv", "local.csv"]
    g = Gazetteer.load(tiny)
    assert sorted(p.id for p in g.places) == ["usr:delta", "x:1", "x:2"]
    assert g.get("x:2").name == "Beta Nova" and g.find("Beta") == []
    assert g.user_ids == {"x:2", "usr:delta"} and g.hidden == {"x:3"}
    assert g.source_of("x:2") == "user" and g.source_of("x:1") == "bundled"
    assert read_hidden(tiny) == {"x:3"}


def test_a_directory_is_its_own_user_layer(tiny):
    assert user_layer_dir(tiny) == tiny


def test_the_installed_read_only_gazetteer_has_its_user_layer_in_user_data(tiny, tmp_path,
                                                                          monkeypatch):
    monkeypatch.setattr(gz, "installed_gazetteer_dir", lambda: tiny.resolve())
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    layer = user_layer_dir(tiny)
    assert layer == tmp_path / "data" / "geomap"
    layer.mkdir(parents=True)
    (layer / "local.csv").write_text(HEADER + "usr:e,Epsilon,,54,25,LT,village,,me\n",
                                     encoding="utf-8")
    (tiny / "local.csv").write_text(HEADER + "usr:f,Ignored,,54,25,LT,village,,me\n",
                                    encoding="utf-8")
    g = Gazetteer.load(tiny)
    assert g.get("usr:e") and not g.get("usr:f")


def test_bundled_gazetteer_is_found_outside_the_checkout(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GEOMAP_GAZETTEER", raising=False)
    assert (bundled_gazetteer_dir() / "countries.csv").is_file()
    assert gazetteer_dir() == bundled_gazetteer_dir()


def test_gazetteer_dir_precedence(monkeypatch, tmp_path, tiny):
    monkeypatch.setenv("GEOMAP_GAZETTEER", str(tiny))
    assert gazetteer_dir("explicit") == Path("explicit")
    assert gazetteer_dir() == tiny
    monkeypatch.delenv("GEOMAP_GAZETTEER")
    local = tmp_path / "cwd" / "gazetteer"
    local.mkdir(parents=True)
    (local / "countries.csv").write_text(HEADER, encoding="utf-8")
    (local / "borders.geojson").write_text("{}", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "cwd")
    assert gazetteer_dir() == Path("gazetteer")


def test_load_refuses_a_missing_directory(tmp_path):
    with pytest.raises(GazetteerError, match="not found"):
        Gazetteer.load(tmp_path / "nope")


@pytest.mark.parametrize("query, first, match", [
    ("dieveniskes", "cur:dieveniskes", "name"),
    ("DIEVENIŠKĖS", "cur:dieveniskes", "name"),
    ("Devenishki", "cur:dieveniskes", "alternate"),
    ("Šalčininkai district", "adm:LT:salcininkai", "alternate"),
    ("Kuźnicy", "cur:kuznica", "inflected"),
    ("Минске", "gn:625144", "inflected"),
    ("Dieven", "cur:dieveniskes", "prefix"),
    ("ystok", "gn:776069", "substring"),
])
def test_search_matches_case_diacritics_alternates_inflections_and_parts(query, first, match):
    hits = gazetteer().search(query)
    assert hits and (hits[0].place.id, hits[0].match) == (first, match)


def test_search_ranks_names_then_alternates_then_prefixes_then_population():
    hits = gazetteer().search("Medininkai")
    assert [(h.place.id, h.match) for h in hits] == [
        ("cur:medininkai", "name"), ("gn:varniai", "alternate"),
        ("cur:medininkai-crossing", "alternate")]
    assert [(h.place.id, h.match) for h in gazetteer().search("Michał")] == [
        ("gn:7531920", "prefix"), ("gn:763397", "prefix")]


def test_search_filters_by_country_kind_and_distance():
    g = gazetteer()
    assert [h.place.id for h in g.search("Medininkai", kind="crossing")] == \
        ["cur:medininkai-crossing"]
    assert {h.place.id for h in g.search("Medininkai", country="lt")} == \
        {"cur:medininkai", "cur:medininkai-crossing", "gn:varniai"}
    near = g.search("Medininkai", near=(54.54, 25.64), within_km=20)
    assert {h.place.id for h in near} == {"cur:medininkai", "cur:medininkai-crossing"}
    assert all(h.distance_km is not None and h.distance_km <= 20 for h in near)
    assert g.search("Medininkai", limit=1)[0].place.id == "cur:medininkai"
    assert g.search("   ") == [] and g.search("Atlantis") == []


def test_search_reports_the_name_that_matched():
    hit = gazetteer().search("Wilno")[0]
    assert (hit.place.name, hit.matched, hit.match) == ("Vilnius", "Wilno", "alternate")


def test_within_returns_entries_nearest_first():
    found = gazetteer().within(54.5376, 25.6445, 10)
    assert [p.id for _, p in found] == ["cur:medininkai", "cur:medininkai-crossing"]
    assert found[0][0] < 0.01 < found[1][0] <= 10


def test_add_indexes_the_entry_at_once_and_persists_it(tmp_path):
    d = tmp_path / "g"
    d.mkdir()
    for name in ("countries.csv", "curated.csv"):
        shutil.copy(ROOT / "gazetteer" / name, d / name)
    g = Gazetteer.load(d)
    place = g.add("Testavičiai", lat=54.30, lon=25.40, country="LT", kind="village",
                  alt_names=["Testaviciai", "Теставичи"])
    assert place.id == "usr:testaviciai" and g.source_of(place.id) == "user"
    assert g.find("Теставичи") == [place] and g.search("testav")[0].place == place
    assert Gazetteer.load(d).get("usr:testaviciai") == place


def test_an_in_memory_gazetteer_cannot_be_written():
    with pytest.raises(GazetteerError, match="in memory"):
        gazetteer().add("X", lat=1, lon=1, country="LT", kind="village")
