"""The real seed map (`geomap map seeds/`) in headless Chromium with the network cut off."""
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap.cli import cli

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seed_map(tmp_path_factory):
    path = tmp_path_factory.mktemp("seedmap") / "map.html"
    assert CliRunner().invoke(cli, ["map", str(ROOT / "seeds"), "-o", str(path)]).exit_code == 0
    return path


@pytest.fixture
def page(offline_page, seed_map):
    offline_page.page.goto(seed_map.as_uri())
    offline_page.page.wait_for_selector(".gm-panel")
    yield offline_page.page
    assert offline_page.blocked == [] and offline_page.errors == []
    assert offline_page.dialogs == []


def test_border_and_markers_are_drawn(page):
    assert page.locator("path.gm-border-lt-by, path[stroke='#d7191c']").count() >= 1
    assert page.locator("path.gm-place").count() >= 8          # one circle per place named
    assert page.locator(".gm-incident").count() >= 2


def test_clicking_dieveniskes_in_a_text_opens_its_popup(page):
    page.locator(".gm-panel-toggle").click()
    page.locator(".gm-doc-item", has_text="002_").click()
    text = page.locator(".gm-doc-text:visible")
    text.locator("mark", has_text="Dieveniskes").first.click()
    popup = page.locator(".leaflet-popup-content")
    popup.locator("h4", has_text="Dieveniškės").wait_for()
    assert "LT-BY" in popup.inner_text() or "LT–BY" in popup.inner_text()


def test_time_control_hides_the_august_5_incident(page):
    name = page.evaluate("Object.keys(geomapIncidents)[0]")
    def dates_shown():
        return page.evaluate(f"geomapIncidents['{name}'].filter(e => e.layers.some("
                             f"l => {name}.hasLayer(l))).map(e => e.date)")
    assert "2021-08-05" in dates_shown()
    page.locator(".gm-from").fill("2021-08-10")
    shown = dates_shown()
    assert "2021-08-05" not in shown and "2021-08-17" in shown


def test_seed_report_shows_map_incident_table_and_evidence(offline_page, tmp_path):
    path = tmp_path / "report.html"
    assert CliRunner().invoke(cli, ["report", str(ROOT / "seeds"), "-o", str(path)]).exit_code == 0
    page = offline_page.page
    page.goto(path.as_uri())
    page.wait_for_selector("#map .leaflet-container, #map.leaflet-container, .leaflet-container")
    assert page.locator("path.gm-place").count() >= 8
    rows = page.locator("#incidents table tbody tr")
    assert rows.count() >= 2 and "Dieveniškės" in page.locator("#incidents").inner_text()
    evidence = page.locator("#evidence")
    assert evidence.locator("mark").count() >= 5 and "35" in evidence.inner_text()
    assert offline_page.blocked == [] and offline_page.errors == [] and offline_page.dialogs == []
