"""No command opens a network socket unless --online is given.

Every command runs in-process through CliRunner with ``socket.create_connection``,
``socket.getaddrinfo`` and the connecting methods of ``socket.socket`` replaced by functions
that record the attempt and fail.
"""
import shutil
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SEEDS = str(ROOT / "seeds")
EVAL_DEV = ROOT.parent / "shared" / "eval" / "dev"


@pytest.fixture
def no_network(monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network access attempted")

    for name in ("create_connection", "getaddrinfo"):
        monkeypatch.setattr(socket, name, refuse)
    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    return attempts


@pytest.fixture(scope="module")
def gazetteer_copy(tmp_path_factory):
    target = tmp_path_factory.mktemp("gaz") / "gazetteer"
    shutil.copytree(ROOT / "gazetteer", target)
    return str(target)


def commands(out: Path, gaz: str):
    from test_pages import FEED, PAGE   # a saved page and a feed full of links

    (out / "page.html").write_text(PAGE, encoding="utf-8")
    (out / "feed.xml").write_text(FEED, encoding="utf-8")
    yield ["extract", SEEDS]
    yield ["extract", str(out / "page.html"), str(out / "feed.xml")]
    yield ["extract", SEEDS, "--format", "gpkg", "-o", str(out / "m.gpkg")]
    yield ["incidents", SEEDS, "--format", "csv"]
    yield ["where", "Dieveniškės", "--json"]
    yield ["map", SEEDS, "-o", str(out / "map.html")]
    yield ["map", SEEDS, "--format", "png", "-o", str(out / "map.png")]
    yield ["report", SEEDS, "-o", str(out / "report.html")]
    if (EVAL_DEV / "gold.json").exists():
        yield ["eval", str(EVAL_DEV)]
    imported = out / "import.csv"
    imported.write_text("name,lat,lon,country,kind\nImportinas,54.9,25.3,LT,village\n",
                        encoding="utf-8")
    for sub in (["info"], ["search", "Salcininkai"], ["show", "Vilnius"], ["list", "--country", "LV"],
                ["validate"], ["export", "-o", str(out / "export.csv")],
                ["add", "Netstestas", "--lat", "54.5", "--lon", "25.1", "--country", "LT",
                 "--kind", "village"],
                ["edit", "usr:netstestas", "--lat", "54.51"], ["import", str(imported)],
                ["remove", "usr:netstestas"], ["remove", "cur:dieveniskes"],
                ["unhide", "cur:dieveniskes"]):
        yield ["--gazetteer", gaz, "gazetteer", *sub]


@pytest.mark.slow
def test_every_command_runs_without_the_network(tmp_path, gazetteer_copy, no_network):
    runner = CliRunner()
    for args in commands(tmp_path, gazetteer_copy):
        result = runner.invoke(cli, args, catch_exceptions=False)
        assert result.exit_code == 0, (args, result.output)
    assert no_network == []


def test_lookup_needs_online_and_then_is_the_only_one_to_try(tmp_path, gazetteer_copy,
                                                             no_network):
    runner = CliRunner()
    res = runner.invoke(cli, ["--gazetteer", gazetteer_copy, "gazetteer", "lookup", "Vilnius"])
    assert res.exit_code == 2 and no_network == []
    runner.invoke(cli, ["--gazetteer", gazetteer_copy, "gazetteer", "lookup", "Vilnius",
                        "--online"], env={"GEOMAP_CACHE_DIR": str(tmp_path)})
    assert no_network, "--online should have tried to connect"
