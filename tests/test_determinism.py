"""Equal input and options give equal bytes: map, report, incidents, images, GIS files."""
from pathlib import Path

import pytest
from click.testing import CliRunner

import geomap
from geomap.cli import cli

pytestmark = pytest.mark.usefixtures("compiled_once")   # loading is not under test

SEEDS = str(Path(__file__).resolve().parent.parent / "seeds")


def run_twice(tmp_path, *args):
    """Run ``geomap ARGS -o DIR/NAME`` twice (in different folders); return both outputs."""
    out = []
    for n in (1, 2):
        target = tmp_path / str(n) / args[-1]
        res = CliRunner().invoke(cli, [*args[:-1], "-o", str(target)], catch_exceptions=False)
        assert res.exit_code == 0, res.output
        out.append(target.read_bytes())
    return out


@pytest.mark.parametrize("args", [
    ("map", SEEDS, "map.html"),
    ("map", SEEDS, "--embed", "map-embed.html"),
    ("map", SEEDS, "--format", "svg", "map.svg"),
    ("map", SEEDS, "--format", "png", "--width", "800", "--height", "600", "map.png"),
    ("report", SEEDS, "report.html"),
    ("incidents", SEEDS, "--format", "geojson", "incidents.geojson"),
])
def test_same_bytes(tmp_path, args):
    first, second = run_twice(tmp_path, *args)
    assert first == second and len(first) > 1000


def test_map_of_seeds_has_incidents(tmp_path):
    page, _ = run_twice(tmp_path, "map", SEEDS, "map.html")
    assert b'"incidents":{"id":["inc-' in page and b"Dieveni" in page


def test_python_api_returns_a_notebook_ready_map():
    m = geomap.build_map(["Migrants were pushed back near Dieveniškės on 17 August 2021."],
                         title="API")
    assert "<iframe" in m._repr_html_()
    page = m.get_root().render()
    assert "Dieveni" in page and "gm-incident" in page


@pytest.mark.parametrize("command", ["map", "report"])
def test_any_number_of_processes_gives_the_same_page(tmp_path, command):
    from test_api import corpus

    folder = tmp_path / "texts"
    folder.mkdir()
    for doc in corpus(70):              # three batches: workers are forked for --jobs 2
        (folder / doc.path).write_text(doc.text, encoding="utf-8")
    pages = []
    for jobs in ("1", "2"):
        target = tmp_path / f"{command}-{jobs}.html"
        res = CliRunner().invoke(cli, [command, str(folder), "--jobs", jobs, "-o", str(target)],
                                 catch_exceptions=False)
        assert res.exit_code == 0, res.output
        pages.append(target.read_bytes())
    assert pages[0] == pages[1] and b"inc-" in pages[0]
