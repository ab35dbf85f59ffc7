"""The command line through click's CliRunner and, for exit codes and stderr, subprocesses."""
import json
import random
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap.cli import cli

pytestmark = pytest.mark.usefixtures("compiled_once")   # loading is not under test

ROOT = Path(__file__).resolve().parent.parent
SEEDS = str(ROOT / "seeds")


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def geomap(*args, input=None):
    """Run the real console entry point in a subprocess (exit codes, stderr)."""
    return subprocess.run([sys.executable, "-m", "geomap", *args], input=input,
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_where_dieveniskes_is_a_few_km_from_the_lt_by_border():
    res = run("where", "Dieveniškės", "--json")
    assert res.exit_code == 0
    rec = json.loads(res.output.splitlines()[0])
    assert rec["country"] == "LT" and rec["side"] == "LT" and rec["border"] == "LT-BY"
    assert 2.5 <= rec["border_km"] <= 4.5


@pytest.mark.parametrize("name, side, border, low, high", [
    ("Vilnius", "LT", "LT-BY", 20, 40),
    ("Minsk", "BY", "LT-BY", 110, 135),
    ("Šalčininkai", "LT", "LT-BY", 2, 10),
    ("Salcininkai", "LT", "LT-BY", 2, 10),
    ("Минске", "BY", "LT-BY", 110, 135),
])
def test_where_gives_side_and_distance(name, side, border, low, high):
    rec = json.loads(run("where", name, "--json").output.splitlines()[0])
    assert (rec["side"], rec["border"]) == (side, border)
    assert low <= rec["border_km"] <= high


def test_where_lists_the_place_before_the_region_at_its_point():
    # Hrodna, its district and its region share one point: the city comes first
    recs = [json.loads(line) for line in run("where", "Grodnie", "--json").output.splitlines()]
    assert recs[0]["kind"] == "city" and {r["kind"] for r in recs[1:]} == {"district", "region"}


def test_where_reads_a_lithuanian_genitive_as_the_town_too():
    # "Druskininkų" is the municipality's name less "savivaldybė" and the town's genitive
    recs = [json.loads(line) for line in run("where", "Druskininkų", "--json").output.splitlines()]
    assert recs[0]["name"] == "Druskininkai" and recs[0]["kind"] == "town"
    assert any(r["kind"] == "district" for r in recs[1:])


def test_where_undoes_the_fleeting_e_of_polish_names():
    rec = json.loads(run("where", "Gródku", "--json").output.splitlines()[0])
    assert rec["name"] == "Gródek" and rec["country"] == "PL"


def test_where_reads_cyrillic_spellings_of_border_places_as_extraction_does():
    rec = json.loads(run("where", "Девенишкесом", "--json").output.splitlines()[0])
    assert rec["name"] == "Dieveniškės" and rec["country"] == "LT"
    # the Dąbrowas that "Домброва" spells lie far from the border: extraction reads none
    assert run("where", "Домброва").exit_code == 1


def test_where_unknown_place_exits_1_with_one_line():
    proc = geomap("where", "Atlantis-on-Sea")
    assert proc.returncode == 1
    assert proc.stderr.strip().count("\n") == 0 and "no place named" in proc.stderr


def test_extract_seeds_finds_and_places_the_key_places():
    res = run("extract", SEEDS)
    recs = [json.loads(line) for line in res.output.splitlines()]
    by_name = {}
    for r in recs:
        by_name.setdefault(r["name"], r)
    truth = {"Dieveniškės": (54.19, 25.62), "Šalčininkai": (54.31, 25.39),
             "Vilnius": (54.69, 25.28), "Minsk": (53.90, 27.57)}
    for name, (lat, lon) in truth.items():     # within 10 km (the district: at its seat)
        r = next(r for r in recs if r["name"].startswith(name))
        assert abs(r["lat"] - lat) < 0.09 and abs(r["lon"] - lon) < 0.15, name
    for name, code in {"Lithuania": "LT", "Belarus": "BY", "Iraq": "IQ"}.items():
        assert by_name[name]["country"] == code
    assert any(r["text"] == "Dieveniskes" and r["name"] == "Dieveniškės" for r in recs)
    doc = (ROOT / "seeds" / Path(recs[0]["file"]).name).read_text(encoding="utf-8")
    assert doc[recs[0]["start"]:recs[0]["end"]] == recs[0]["text"]
    assert recs[0]["text"] in recs[0]["sentence"]


def test_extract_formats_and_stdin(tmp_path):
    text = "Migrants were found near Dieveniškės, south of Vilnius."
    rec = json.loads(run("extract", "-", input=text).output.splitlines()[0])
    assert rec["file"] == "-" and rec["name"] == "Dieveniškės"
    gj = json.loads(run("extract", "-", "--format", "geojson", input=text).output)
    lon, lat = gj["features"][0]["geometry"]["coordinates"]
    assert (round(lat, 1), round(lon, 1)) == (54.2, 25.6)
    out = tmp_path / "m.csv"
    assert run("extract", "-", "--format", "csv", "-o", str(out), input=text).exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("file,start,end,text,name,id,lat,lon") and len(lines) == 3


def test_missing_path_exits_2_and_binary_file_exits_1(tmp_path):
    proc = geomap("extract", str(tmp_path / "missing.txt"))
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    proc = geomap("extract", str(binary))
    assert proc.returncode == 1 and len(proc.stderr.strip().splitlines()) == 1
    assert "photo.txt" in proc.stderr and "Traceback" not in proc.stderr


def test_map_writes_a_self_contained_file(tmp_path):
    out = tmp_path / "map.html"
    res = run("map", SEEDS, "-o", str(out))
    assert res.exit_code == 0 and res.output.strip() == str(out)
    html = out.read_text(encoding="utf-8")
    assert "Dieveni" in html and "<script src=" not in html


@pytest.mark.parametrize("command", ["map", "report", "incidents"])
def test_long_running_commands_show_progress_unless_quiet(tmp_path, monkeypatch, command):
    import geomap.progress as progress_mod

    asked = []

    def progress(items, *, total=None, unit="doc", quiet=False):
        asked.append(quiet)
        yield from items

    monkeypatch.setattr(progress_mod, "progress", progress)
    for flags in ([], ["-q"], ["--quiet"]):
        out = tmp_path / f"{command}{len(flags)}.out"
        res = run(command, SEEDS, *flags, "-o", str(out))
        assert res.exit_code == 0, res.output
    assert asked == [False, True, True]


@pytest.mark.parametrize("command", ["map", "report"])
def test_map_and_report_take_the_same_texts_budget(tmp_path, command):
    sizes = {}
    for texts in ("full", "none"):
        out = tmp_path / f"{command}-{texts}.html"
        assert run(command, SEEDS, "-o", str(out), "--texts", texts).exit_code == 0
        page = out.read_text(encoding="utf-8")
        sizes[texts] = len(page)
        data = re.findall(r'<script type="application/json" id="gm-data-[^"]+">(.*?)</script>',
                          page, re.S)
        texts_seen = json.loads(data[0])["docs"]["text"]
        assert len(texts_seen) == 5
        assert all(t is None for t in texts_seen) == (texts == "none")
    assert sizes["none"] < sizes["full"]
    res = run(command, SEEDS, "-o", str(tmp_path / "x.html"), "--texts", "all")
    assert res.exit_code == 2 and not (tmp_path / "x.html").exists()


def test_help_is_fast_and_has_examples():
    t = time.perf_counter()
    proc = geomap("--help")
    elapsed = time.perf_counter() - t
    assert proc.returncode == 0 and "Examples" in proc.stdout
    assert elapsed < 2.0          # generous for a loaded CI machine; measured ~0.1 s
    for command in ("extract", "where", "map", "eval"):
        assert "Examples" in run(command, "--help").output


def test_map_command_leaves_pandas_out(tmp_path):
    """folium is imported without pandas (~0.4 s) by the commands; the page is the same."""
    code = ("import sys\nfrom geomap.cli import main\n"
            "sys.argv = ['geomap', 'map', sys.argv[1], '-o', sys.argv[2]]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('pandas' in sys.modules, 'folium' in sys.modules)\n")
    out = tmp_path / "map.html"
    proc = subprocess.run([sys.executable, "-c", code, SEEDS, str(out)], capture_output=True,
                          text=True, check=True)
    assert proc.stdout.split()[-2:] == ["False", "True"]
    import pandas  # noqa: F401  # here folium has pandas, as in any Python session
    again = CliRunner().invoke(cli, ["map", SEEDS, "-o", str(tmp_path / "again.html")])
    assert again.exit_code == 0
    assert (tmp_path / "again.html").read_bytes() == out.read_bytes()


def main_run(capsys, *args, stdin=None, monkeypatch=None):
    """The console entry point in this process: (exit status, stdout, stderr)."""
    from geomap.cli import main

    with pytest.raises(SystemExit) as exit_:
        main([str(a) for a in args])
    out, err = capsys.readouterr()
    return exit_.value.code, out, err


def test_folders_are_read_recursively_and_other_files_counted(tmp_path, capsys):
    """a/b/c.txt and D.TXT are read (sorted), notes.md is counted on stderr, listed with -v."""
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "c.txt").write_text("Migrants were found near Dieveniškės.",
                                                encoding="utf-8")
    (tmp_path / "D.TXT").write_text("Police patrolled Šalčininkai.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("Vilnius", encoding="utf-8")
    code, out, err = main_run(capsys, "extract", tmp_path)
    assert code == 0
    files = [json.loads(line)["file"] for line in out.splitlines()]
    assert list(dict.fromkeys(files)) == [str(tmp_path / "D.TXT"),
                                          str(tmp_path / "a" / "b" / "c.txt")]
    assert err.startswith("geomap: 1 file of another kind ignored")
    assert "notes.md" not in err
    code, out, err = main_run(capsys, "incidents", tmp_path, "--verbose")
    assert code == 0 and f"geomap: ignored {tmp_path / 'notes.md'}" in err


def test_every_command_reads_a_table_row_by_row_and_refuses_binary(tmp_path, capsys):
    table = tmp_path / "c.jsonl"
    table.write_text(json.dumps({"text": "Migrants were found near Dieveniškės."}) + "\n",
                     encoding="utf-8")
    code, out, _ = main_run(capsys, "incidents", table, "-f", "csv")
    assert code == 0 and "c.jsonl\n" not in out
    binary = tmp_path / "random.txt"
    rng = random.Random(3)
    binary.write_bytes(bytes(rng.randrange(256) for _ in range(2048)))
    for command in ("extract", "incidents", "map", "report"):
        code, _, err = main_run(capsys, command, binary, "-o", tmp_path / "out")
        assert code == 1 and "binary" in err, command
        assert "internal error" not in err


def test_verbose_names_the_encoding_and_encoding_forces_one(tmp_path, capsys):
    path = tmp_path / "ru.txt"
    path.write_bytes("Пограничники задержали мигрантов у Гродно и Бреста.".encode("koi8-r"))
    code, out, err = main_run(capsys, "extract", path, "-v")
    assert code == 0 and f"geomap: {path}: read as koi8-r" in err
    assert "Гродно" in [json.loads(line)["text"] for line in out.splitlines()]
    code, out, _ = main_run(capsys, "extract", path, "--encoding", "cp1251")
    assert code == 0 and "Гродно" not in out
    code, _, err = main_run(capsys, "extract", path, "--encoding", "nonesuch")
    assert code == 2 and "unknown encoding" in err


SENTENCE = "Border guards detained 12 migrants near Medininkai on 3 August 2021.\n"


def test_a_failed_run_leaves_the_output_byte_for_byte_and_exit_3_writes(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02 not a text")
    good = tmp_path / "good.txt"
    good.write_text(SENTENCE, encoding="utf-8")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    for command, name in [("map", "old.html"), ("report", "old.html"),
                          ("incidents", "old.csv"), ("extract", "old.jsonl")]:
        target = out_dir / name
        target.write_bytes(b"precious earlier output\n")
        code, _, err = main_run(capsys, command, bad, "-o", target)
        assert code == 1 and "binary" in err, (command, err)
        assert target.read_bytes() == b"precious earlier output\n", command
        assert sorted(p.name for p in out_dir.iterdir()) == [name], command   # no temp file
        code, _, err = main_run(capsys, command, good, bad, "-o", target)
        assert code == 3 and "1 of 2 inputs skipped" in err, (command, err)
        assert target.read_bytes() != b"precious earlier output\n", command
        target.unlink()


@pytest.mark.parametrize("command, name, magic", [
    ("extract", "x.gpkg", b"SQLite format 3"), ("extract", "x.parquet", b"PAR1"),
    ("extract", "x.csv", b"file,start,end,text"), ("extract", "x.geojson", b'{"type": "Feature'),
    ("incidents", "i.gpkg", b"SQLite format 3"), ("incidents", "i.parquet", b"PAR1"),
    ("incidents", "i.csv", b"event_date,event_type"),
    ("incidents", "i.geojson", b'{"type": "Feature'),
    ("map", "m.png", b"\x89PNG"), ("map", "m.svg", b"<?xml"),
])
def test_the_format_follows_the_extension(tmp_path, capsys, command, name, magic):
    good = tmp_path / "good.txt"
    good.write_text(SENTENCE, encoding="utf-8")
    code, _, err = main_run(capsys, command, good, "-o", tmp_path / name)
    assert code == 0, err
    assert (tmp_path / name).read_bytes().startswith(magic)


@pytest.mark.browser
def test_report_to_pdf_by_extension(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(SENTENCE, encoding="utf-8")
    code, out, err = main_run(capsys, "report", good, "-o", tmp_path / "r.pdf")
    assert code == 0, err
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.txt", "r.pdf"]


@pytest.mark.parametrize("args, message", [
    (["extract", "--format", "jsonl", "-o", "{tmp}/x.gpkg"],
     "--format jsonl contradicts -o {tmp}/x.gpkg (GeoPackage)"),
    (["incidents", "-f", "csv", "-o", "{tmp}/x.parquet"], "--format csv contradicts"),
    (["map", "--format", "html", "-o", "{tmp}/m.png"], "--format html contradicts"),
    (["report", "-o", "{tmp}/r.png"], "this command cannot write PNG"),
    (["extract", "-o", "{tmp}"], "-o {tmp}: is a folder; give a file name"),
    (["map", "-o", "{tmp}"], "-o {tmp}: is a folder"),
])
def test_output_usage_errors_are_one_line_exit_2_and_write_nothing(tmp_path, capsys, args,
                                                                     message):
    good = tmp_path / "good.txt"
    good.write_text(SENTENCE, encoding="utf-8")
    code, out, err = main_run(capsys, *(a.format(tmp=tmp_path) for a in args), good)
    assert code == 2 and err.count("\n") == 1, err
    assert message.format(tmp=tmp_path) in err and "internal error" not in err
    assert [p.name for p in tmp_path.iterdir()] == ["good.txt"]


def test_empty_stdin_is_empty_not_binary(capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"")))
    code, _, err = main_run(capsys, "extract", "-")
    assert code == 1 and err == "geomap: error: -: empty (no text)\n"


def test_summaries_are_plain_words(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(SENTENCE, encoding="utf-8")
    code, _, err = main_run(capsys, "extract", good, "-o", tmp_path / "x.gpkg")
    assert code == 0 and err.startswith("wrote ") and "{" not in err
    assert "1 incident," in err and "3 borders" in err
    code, _, err = main_run(capsys, "incidents", good, "-o", tmp_path / "x.jsonl")
    assert code == 0 and err == f"wrote 1 incident to {tmp_path / 'x.jsonl'}\n"
