"""``geomap gazetteer`` through click's CliRunner; concurrency and stderr through subprocesses."""
import csv
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap.cli import cli
from test_geocoder import nominatim  # noqa: F401 - the fake Nominatim server fixture

ROOT = Path(__file__).resolve().parent.parent
TESTAVICIAI = ["gazetteer", "add", "Testavičiai", "--lat", "54.30", "--lon", "25.40",
               "--country", "LT", "--kind", "village", "--alt", "Testaviciai"]


def small_gazetteer(d: Path) -> Path:
    """A copy of the shipped gazetteer directory in ``d`` with only the Lithuanian and Latvian
    places and the capitals of geonames.csv (it loads faster)."""
    d.mkdir()
    for f in (ROOT / "gazetteer").iterdir():
        if f.is_file() and not f.name.startswith(("local", ".")):
            shutil.copy(f, d / f.name)
    for name, keep in (("geonames.csv", lambda r: r["country"] in ("LT", "LV")
                        or r["kind"] == "capital"),):
        with open(ROOT / "gazetteer" / name, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            kept = [r for r in reader if keep(r)]
        with open(d / name, "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, reader.fieldnames, lineterminator="\n")
            writer.writeheader()
            writer.writerows(kept)
    return d


@pytest.fixture
def gz(tmp_path, monkeypatch, _small_and_compiled):
    """GEOMAP_GAZETTEER -> a private ``small_gazetteer``, as fresh for each test (files
    copied with their times) with its user cache as a user of geomap has it: compiled for
    the unchanged copy (after a write, commands update it as for any user)."""
    d, pristine, cache, pristine_cache = _small_and_compiled      # conftest.py
    for target, source in ((d, pristine), (cache, pristine_cache)):
        shutil.rmtree(target)
        shutil.copytree(source, target)             # copy2: sizes and times, so the stamps
    monkeypatch.setenv("GEOMAP_GAZETTEER", str(d))   # of the compiled cache still hold
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    monkeypatch.delenv("GEOMAP_CACHE_DIR", raising=False)
    return d


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


def checksums(directory: Path) -> dict[str, str]:
    return {f.name: hashlib.sha256(f.read_bytes()).hexdigest()
            for f in sorted(directory.iterdir()) if f.is_file() and f.name != ".local.lock"}


def geomap(*args, env=None):
    return subprocess.run([sys.executable, "-m", "geomap", *args], capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, timeout=120)


def test_info_shows_the_active_directory_why_and_counts(gz):
    run(*TESTAVICIAI)
    out = run("gazetteer", "info").output
    assert f"gazetteer: {gz.resolve()} ($GEOMAP_GAZETTEER)" in out
    assert f"user file: {gz.resolve() / 'local.csv'}" in out
    with open(ROOT / "gazetteer" / "countries.csv", encoding="utf-8") as fh:
        countries = sum(1 for _ in fh) - 1
    assert f"  countries.csv: {countries} entries" in out and "  local.csv (user): 1 entries" in out
    assert "  geonames.csv: 528 entries" in out
    assert "(1 from the user file)" in out
    other = run("--gazetteer", str(gz), "gazetteer", "info").output
    assert "(--gazetteer)" in other


def test_add_takes_effect_at_once_in_where_and_extract(gz):
    res = run(*TESTAVICIAI)
    assert res.exit_code == 0, res.output
    assert res.output.startswith("added usr:testaviciai: Testavičiai (village, LT) 54.30000, "
                                 "25.40000\n  alternate names: Testaviciai")
    rec = json.loads(run("where", "Testaviciai", "--json").output.splitlines()[0])
    assert (rec["id"], rec["name"], rec["country"]) == ("usr:testaviciai", "Testavičiai", "LT")
    out = run("extract", "-", input="Migrants were found near Testaviciai.\n").output
    mention = json.loads(out.splitlines()[0])
    assert (mention["text"], mention["id"]) == ("Testaviciai", "usr:testaviciai")


def test_add_json_prints_the_entry(gz):
    res = run("gazetteer", "add", "Kampas", "--lat", "54.9", "--lon", "24.1", "--country",
              "lt", "--kind", "town", "--population", "900", "--source", "survey", "--json")
    assert json.loads(res.output) == {
        "id": "usr:kampas", "name": "Kampas", "alt_names": [], "lat": 54.9, "lon": 24.1,
        "country": "LT", "kind": "town", "population": 900, "source": "survey"}


@pytest.mark.parametrize("change, reason", [
    (["--lat", "95"], "refused: lat 95.0 is outside [-90, 90]"),
    (["--country", "XX"], "refused: country 'XX' is not an ISO 3166-1 alpha-2 code"),
    (["--kind", "planet"], "refused: kind 'planet' is not one of village, town"),
    (["--lat", "54.305"], "refused: 'Testavičiai' is already in the gazetteer 0.6 km away"),
])
def test_a_refused_add_exits_1_with_one_line_and_changes_no_file(gz, change, reason):
    run(*TESTAVICIAI)
    before = checksums(gz)
    args = list(TESTAVICIAI)
    for opt, value in zip(change[::2], change[1::2]):
        args[args.index(opt) + 1] = value
    res = run(*args)
    assert res.exit_code == 1 and str(res.exception).startswith(reason)
    assert checksums(gz) == before


def test_refusal_on_the_console_is_one_line_on_stderr(gz):
    proc = geomap("gazetteer", "add", "X", "--lat", "95", "--lon", "1", "--country", "LT",
                  "--kind", "village")
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr == "geomap: error: refused: lat 95.0 is outside [-90, 90]\n"


@pytest.mark.slow
def test_concurrent_adds_lose_nothing(gz):
    n = 8          # without the lock, 8 processes lose about half their rows
    procs = [subprocess.Popen([sys.executable, "-m", "geomap", "gazetteer", "add",
                               f"Parallel Place {i}", "--lat", f"{54.5 + i * 0.02:.2f}",
                               "--lon", "24.5", "--country", "LT", "--kind", "village"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for i in range(n)]
    results = [p.communicate(timeout=120) + (p.returncode,) for p in procs]
    assert all(code == 0 for _, _, code in results), results
    with open(gz / "local.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert sorted(r["name"] for r in rows) == sorted(f"Parallel Place {i}" for i in range(n))
    assert [r["id"] for r in rows] == sorted(r["id"] for r in rows)
    res = run("gazetteer", "validate", "--errors-only")
    assert res.exit_code == 0, res.output


def test_edit_remove_and_unhide(gz):
    run(*TESTAVICIAI)
    res = run("gazetteer", "edit", "usr:testaviciai", "--lat", "54.31", "--alt", "Теставичи")
    assert res.exit_code == 0 and "changed usr:testaviciai" in res.output
    assert "alternate names: Теставичи" in res.output
    res = run("gazetteer", "edit", "cur:bruzgi", "--source", "my notes")
    assert res.output.startswith("overridden by a user entry: cur:bruzgi")
    assert run("gazetteer", "edit", "cur:bruzgi").exit_code == 2
    assert "bundled entry shows again" in run("gazetteer", "remove", "cur:bruzgi").output
    assert run("gazetteer", "remove", "cur:bruzgi").output == "hid the bundled entry cur:bruzgi\n"
    res = run("gazetteer", "show", "cur:bruzgi")
    assert res.exit_code == 1 and "cur:bruzgi is hidden" in res.output
    assert run("gazetteer", "unhide", "cur:bruzgi").exit_code == 0
    assert run("gazetteer", "show", "cur:bruzgi").exit_code == 0
    assert run("gazetteer", "remove", "usr:testaviciai").output == "removed usr:testaviciai\n"
    assert run("gazetteer", "remove", "usr:testaviciai").exit_code == 1


def test_show_and_search(gz):
    out = run("gazetteer", "show", "Dziewieniszki").output
    assert out.startswith("cur:dieveniskes: Dieveniškės (village, LT) 54.19444, 25.62500")
    assert "layer: bundled" in out
    rec = json.loads(run("gazetteer", "show", "cur:dieveniskes", "--json").output)
    assert rec["id"] == "cur:dieveniskes" and rec["layer"] == "bundled"
    out = run("gazetteer", "search", "dieveniskese").output
    assert out.startswith("cur:dieveniskes  Dieveniškės (village, LT)") and "[inflected" in out
    hits = [json.loads(line) for line in run(
        "gazetteer", "search", "Medininkai", "--near", "54.54,25.65", "--within", "5",
        "--json").output.splitlines()]
    assert hits[0]["id"] == "cur:medininkai" and hits[0]["match"] == "name"
    assert all(h["distance_km"] <= 5 for h in hits)
    res = run("gazetteer", "search", "salcin", "--country", "LT", "--kind", "town",
              "--limit", "1")
    assert res.output.count("\n") == 1 and "(town, LT)" in res.output
    assert run("gazetteer", "search", "x", "--within", "3").exit_code == 2
    assert run("gazetteer", "search", "x", "--near", "north").exit_code == 2
    assert run("gazetteer", "search", "Atlantis-on-Sea").exit_code == 1


def test_list_formats_and_filters(gz):
    run(*TESTAVICIAI)
    table = run("gazetteer", "list", "--source", "user").output.splitlines()
    assert table[0].split() == ["id", "name", "kind", "country", "lat", "lon", "layer"]
    assert table[1].split() == ["usr:testaviciai", "Testavičiai", "village", "LT", "54.30000",
                                "25.40000", "user"]
    rows = list(csv.DictReader(io.StringIO(run("gazetteer", "list", "--country", "LV",
                                               "--kind", "crossing", "-f", "csv").output)))
    assert [r["id"] for r in rows] == sorted(r["id"] for r in rows) and rows
    assert all(r["country"] == "LV" and r["kind"] == "crossing" for r in rows)
    lines = run("gazetteer", "list", "--source", "user", "-f", "jsonl").output.splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["usr:testaviciai"]
    fc = json.loads(run("gazetteer", "list", "--source", "user", "-f", "geojson").output)
    assert fc["features"][0]["geometry"] == {"type": "Point", "coordinates": [25.4, 54.3]}
    bundled = run("gazetteer", "list", "--source", "bundled", "-f", "jsonl").output
    assert "usr:testaviciai" not in bundled and "cur:dieveniskes" in bundled


def test_import_and_export_round_trip(gz, tmp_path):
    src = tmp_path / "mine.geojson"
    src.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [25.4, 54.3]},
         "properties": {"name": "Testavičiai", "country": "LT", "kind": "village"}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [25.63, 54.2]},
         "properties": {"name": "Dieveniskes", "country": "LT", "kind": "village"}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [25.0, 54.0]},
         "properties": {"name": "Far Away", "country": "XX", "kind": "village"}},
    ]}), encoding="utf-8")
    before = checksums(gz)
    res = run("gazetteer", "import", str(src), "--dry-run")
    assert res.exit_code == 1 and checksums(gz) == before
    assert res.stdout.endswith("would add 1, skipped 1 as duplicates, refused 1 "
                               "(dry run: nothing written)\n")
    assert res.stderr == "Error: 1 rows refused\n"
    res = run("gazetteer", "import", str(src))
    assert "  skipped feature 2: 'Dieveniškės' is already present" in res.stdout
    assert "  refused feature 3: country 'XX' is not an ISO 3166-1 alpha-2 code" in res.stdout
    assert res.stdout.endswith("added 1, skipped 1 as duplicates, refused 1\n")
    out = tmp_path / "out.geojson"
    res = run("gazetteer", "export", "-f", "geojson", "-o", str(out))
    assert res.exit_code == 0
    assert [f["properties"]["name"] for f in json.loads(out.read_text())["features"]] == \
        ["Testavičiai"]
    csv_out = run("gazetteer", "export").output
    assert csv_out.startswith("id,name,alt_names,lat,lon,country,kind,population,source\n"
                              "usr:testaviciai,Testavičiai,,54.30000,25.40000,LT,village,,")
    assert run("gazetteer", "import", str(out)).output == \
        "  skipped feature 1: id usr:testaviciai is already present\n" \
        "added 0, skipped 1 as duplicates, refused 0\n"
    assert run("gazetteer", "import", str(tmp_path / "mine.geojson"), "-f", "csv").exit_code == 1
    unknown = tmp_path / "places.dat"
    unknown.write_text("x", encoding="utf-8")
    assert run("gazetteer", "import", str(unknown)).exit_code == 2
    everything = run("gazetteer", "export", "--all", "-f", "csv").output
    assert everything.count("\n") == run("gazetteer", "list").output.count("\n")


def test_validate_exits_0_on_shipped_data_and_1_on_errors(gz):
    res = run("gazetteer", "validate")
    assert res.exit_code == 0, res.output
    assert "0 errors" in res.output.splitlines()[-1]
    assert "cc:CH: alternate name 'Sveicarija' is the name of gn:594073" in res.output
    with open(gz / "local.csv", "w", encoding="utf-8") as fh:
        fh.write("id,name,alt_names,lat,lon,country,kind,population,source\n"
                 "usr:bad,Bad,,54.0,25.0,QQ,village,,me\n")
    res = run("gazetteer", "validate", "--errors-only")
    assert res.exit_code == 1 and res.stderr == "Error: the gazetteer has 1 error\n"
    assert ": 1 error, " in res.stdout.splitlines()[-1]
    assert res.stdout.splitlines()[0] == \
        "error: local.csv:2: usr:bad: country 'QQ' is not an ISO 3166-1 alpha-2 code"
    assert len(res.stdout.splitlines()) == 2


def test_lookup_needs_online_and_sends_nothing_without_it(gz, nominatim):  # noqa: F811
    res = run("gazetteer", "lookup", "Pabradė")
    assert res.exit_code == 2 and "--online" in res.output
    assert nominatim == []


def test_lookup_online_lists_candidates_and_adds_one(gz, nominatim):  # noqa: F811
    res = run("gazetteer", "lookup", "Pabradė", "--online")
    assert res.exit_code == 0
    assert res.output.startswith("1. Pabradė (town, LT) 54.98080, 25.76790  node 31307711\n")
    assert "2. Pabradės seniūnija (district, LT)" in res.output
    before = checksums(gz)
    res = run("gazetteer", "lookup", "Pabradė", "--online", "--add", "1")
    assert res.exit_code == 1 and checksums(gz) == before
    assert "'Pabradė' is already in the gazetteer 0.4 km away (gn:596473" in str(res.exception)
    res = run("gazetteer", "lookup", "Pabradė", "--online", "--add", "1", "--force")
    assert res.exit_code == 0 and "added osm:n31307711: Pabradė (town, LT)" in res.output
    assert len(nominatim) == 1                         # later look-ups came from the cache
    entry = json.loads(run("gazetteer", "show", "osm:n31307711", "--json").output)
    assert "ODbL" in entry["source"] and entry["layer"] == "user"
    assert run("gazetteer", "lookup", "Pabradė", "--online", "--add", "9").exit_code == 2
    res = run("gazetteer", "lookup", "Nowhere at all", "--online")
    assert res.exit_code == 1 and "Nominatim has no place named" in res.output


def test_lookup_url_can_be_given_as_a_hidden_option(gz, nominatim):  # noqa: F811
    url = os.environ.pop("GEOMAP_NOMINATIM_URL")
    res = run("gazetteer", "lookup", "Šumskas", "--online", "--nominatim-url", url, "--json")
    assert json.loads(res.output)["osm_id"] == 987654 and len(nominatim) == 1
    assert "--nominatim-url" not in run("gazetteer", "lookup", "--help").output


WRONGSIDE = ["gazetteer", "add", "Wrongside", "--lat", "53.95", "--lon", "27.50", "--country",
             "LT", "--kind", "village"]


def test_a_point_in_another_country_is_refused_unless_forced_then_validate_warns(gz):
    before = checksums(gz)
    res = run(*WRONGSIDE)
    assert res.exit_code == 1
    assert str(res.exception) == ("refused: (53.95, 27.5) lies in BY, 144 km from LT; use "
                                  "--force to store it anyway")
    assert checksums(gz) == before
    res = run(*WRONGSIDE, "--force")
    assert res.exit_code == 0, res.output
    assert (gz / "local-forced.txt").read_text(encoding="utf-8").splitlines()[1:] == \
        ["usr:wrongside"]
    res = run("gazetteer", "validate")
    assert res.exit_code == 0, res.output
    assert ("warning: local.csv:2: usr:wrongside: (53.95, 27.5) lies in BY, 144 km from LT "
            "(stored with --force)") in res.output
    # an edit back into the country clears the --force record
    assert run("gazetteer", "edit", "usr:wrongside", "--lat", "54.3", "--lon", "25.4",
               "--force").exit_code == 0
    assert "usr:wrongside" not in (gz / "local-forced.txt").read_text(encoding="utf-8")


def test_swapped_coordinates_are_refused_with_a_hint(gz):
    res = run("gazetteer", "add", "Swapped", "--lat", "25.62", "--lon", "54.19", "--country",
              "LT", "--kind", "village")
    assert res.exit_code == 1
    assert "lies in no country" in str(res.exception)
    assert "(54.19, 25.62) lies in LT: latitude and longitude swapped?" in str(res.exception)


def test_edit_applies_the_country_rule(gz):
    run(*TESTAVICIAI)
    res = run("gazetteer", "edit", "usr:testaviciai", "--lat", "53.95", "--lon", "27.5")
    assert res.exit_code == 1 and "lies in BY" in str(res.exception)


@pytest.mark.slow
def test_a_broken_user_row_is_reported_skipped_and_fixable(gz):
    run(*TESTAVICIAI)
    with open(gz / "local.csv", "a", encoding="utf-8") as fh:
        fh.write("usr:typo,Typovo,,54.2x,25.5,LT,village,,user\n")
    for args in (["where", "Testavičiai"], ["gazetteer", "info"]):
        proc = geomap(*args)
        assert proc.returncode == 0, proc.stderr
        assert ("local.csv:3: lat/lon are not numbers: row skipped (fix it with `geomap "
                "gazetteer edit usr:typo` or `remove usr:typo`)") in proc.stderr
    res = run("gazetteer", "validate")
    assert res.exit_code == 1 and "local.csv:3: usr:typo: lat/lon are not numbers" in res.output
    # another write keeps the broken row as typed
    assert run("gazetteer", "add", "Kitas", "--lat", "54.5", "--lon", "25.1", "--country",
               "LT", "--kind", "village").exit_code == 0
    assert "usr:typo,Typovo,,54.2x,25.5" in (gz / "local.csv").read_text(encoding="utf-8")
    res = run("gazetteer", "edit", "usr:typo", "--name", "Typovas")
    assert res.exit_code == 1 and "give --lat to fix lat '54.2x'" in str(res.exception)
    res = run("gazetteer", "edit", "usr:typo", "--lat", "54.2")
    assert res.exit_code == 0, res.output
    assert run("gazetteer", "validate").exit_code == 0
    assert run("where", "Typovo").exit_code == 0
    with open(gz / "local.csv", "a", encoding="utf-8") as fh:
        fh.write("usr:typo2,Typovo Du,,,25.5,LT,village,,user\n")
    assert run("gazetteer", "remove", "usr:typo2").exit_code == 0
    assert "usr:typo2" not in (gz / "local.csv").read_text(encoding="utf-8")


def test_import_refuses_rows_outside_their_country_and_skips_unfilled_rows(gz, tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("name,lat,lon,country,kind\nGood,54.3,25.4,LT,village\n"
                   "Wrong,53.95,27.5,LT,village\nEmpty,,,LT,village\n", encoding="utf-8")
    res = run("gazetteer", "import", str(src))
    assert res.exit_code == 1
    assert "skipped line 4: 'Empty' has no coordinates yet (fill in lat and lon)" in res.output
    assert "refused line 3: (53.95, 27.5) lies in BY, 144 km from LT" in res.output
    assert "added 1, skipped 0 as duplicates, 1 without coordinates, refused 1" in res.output
    res = run("gazetteer", "import", str(src), "--force")
    assert res.exit_code == 0, res.output
    assert run("gazetteer", "validate").exit_code == 0


@pytest.mark.slow
def test_where_reads_inflected_names_and_lists_the_nearest_to_the_border_first(gz):
    run("gazetteer", "add", "Usnarz Górny", "--lat", "53.07", "--lon", "23.86", "--country",
        "PL", "--kind", "village", "--force")
    res = run("where", "Usnarzu Górnym", "--json")
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["name"] == "Usnarz Górny"
    # two namesakes: the one by the border is listed first
    run("gazetteer", "add", "Pasienis", "--lat", "55.5", "--lon", "22.5", "--country", "LT",
        "--kind", "village")
    run("gazetteer", "add", "Pasienis", "--lat", "54.15", "--lon", "25.65", "--country", "LT",
        "--kind", "village")
    res = run("where", "Pasienis", "--json")
    lats = [json.loads(line)["lat"] for line in res.output.splitlines()]
    assert lats == [54.15, 55.5]
