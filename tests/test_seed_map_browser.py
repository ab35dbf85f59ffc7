"""The real seed map (`geomap map seeds/`) in headless Chromium with the network cut off."""
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap.cli import cli
from test_html_browser import OVERLAPS

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("compiled_once")]
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seed_map(tmp_path_factory):
    path = tmp_path_factory.mktemp("seedmap") / "map.html"
    assert CliRunner().invoke(cli, ["map", str(ROOT / "seeds"), "-o", str(path)]).exit_code == 0
    return path


@pytest.fixture
def page(offline_page, seed_map):
    offline_page.page.set_viewport_size({"width": 1400, "height": 900})
    offline_page.page.goto(seed_map.as_uri())
    offline_page.page.wait_for_selector(".gm-status")
    yield offline_page.page
    assert offline_page.blocked == [] and offline_page.errors == []
    assert offline_page.dialogs == []


def test_border_places_and_incidents_are_drawn_without_overlapping_labels(page):
    assert page.locator("path[stroke='#d7191c']").count() >= 1       # LT-BY
    assert page.locator(".leaflet-overlay-pane canvas").count() == 1  # the places
    labels = page.locator(".gm-label").all_inner_texts()
    assert {"Vilnius", "Dieveniškės"} <= set(labels)
    titles = [m.get_attribute("title") for m in page.locator(".gm-incident").all()]
    assert any(t.startswith("2021-08-17 Border violation") for t in titles)
    texts, overlaps = page.evaluate(OVERLAPS)
    assert texts >= 4 and overlaps == 0


def test_clicking_dieveniskes_in_a_text_opens_its_popup(page):
    page.get_by_text("Documents (5)").click()
    page.locator(".gm-doc-item", has_text="002_").click()
    page.locator(".gm-text mark", has_text="Dieveniskes").first.click()
    popup = page.locator(".leaflet-popup-content")
    popup.locator("h4", has_text="Dieveniškės").wait_for()
    assert "LT–BY" in popup.inner_text()


def test_date_filter_hides_the_august_5_incident(page):
    def dates_shown():
        return sorted(m.get_attribute("title")[:10] for m in page.locator(".gm-incident").all())
    assert "2021-08-05" not in dates_shown()     # placed at country level: listed, not drawn
    assert "2021-08-05" in page.locator(".gm-areas").text_content()
    page.evaluate("document.querySelector('.leaflet-container').geomap"
                  ".setDates('2021-08-10', '2021-08-31')")
    assert "2021-08-05" not in page.locator(".gm-areas").text_content()
    assert "2021-08-17" in dates_shown()


def test_seed_report_shows_map_incident_table_and_evidence(offline_page, tmp_path):
    path = tmp_path / "report.html"
    assert CliRunner().invoke(cli, ["report", str(ROOT / "seeds"), "-o", str(path)]).exit_code == 0
    page = offline_page.page
    page.goto(path.as_uri())
    page.wait_for_selector(".gm-embed .gm-status")
    assert page.locator(".gm-embed .gm-label").count() >= 3
    rows = page.locator("#incidents table tbody tr")
    assert rows.count() >= 2 and "Dieveniškės" in page.locator("#incidents").inner_text()
    evidence = page.locator("#evidence")
    assert evidence.locator("mark").count() >= 5 and "35" in evidence.inner_text()
    assert offline_page.blocked == [] and offline_page.errors == [] and offline_page.dialogs == []
