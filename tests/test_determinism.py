"""Equal input and options give equal bytes: map, report, incidents, images, GIS files."""
from pathlib import Path

import pytest
from click.testing import CliRunner

import geomap
from geomap.cli import cli

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
