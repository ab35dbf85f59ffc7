"""Open rendered maps in headless Chromium with the network cut off and inspect the DOM."""
import pytest

from geomap.render.html import build_map, write_html
from geomap.render.theme import LAND_STYLE, LT_BY_COLOUR, OTHER_BORDER_COLOUR
from test_html import BORDERS, COUNTRIES, XSS, sample

pytestmark = pytest.mark.browser


def open_map(seen, tmp_path, payload=""):
    mentions, documents = sample(payload)
    path = tmp_path / "map.html"
    write_html(build_map(mentions, documents, borders=BORDERS, countries=COUNTRIES,
                         title=f"Test map{payload}"), path)
    seen.page.goto(path.as_uri())
    seen.page.wait_for_selector("path.gm-place")
    return seen.page


def count(page, selector):
    return page.locator(selector).count()


def click_marker(page, name):
    """Click each place marker until the popup of ``name`` opens; returns the popup."""
    for i in range(count(page, "path.gm-place")):
        page.locator("path.gm-place").nth(i).click()
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for()
        if popup.locator("h4").inner_text().startswith(name):
            return popup
    raise AssertionError(f"no marker opens a popup for {name}")


def test_map_draws_borders_markers_and_popups(offline_page, tmp_path):
    page = open_map(offline_page, tmp_path)
    assert count(page, f'path[stroke="{LT_BY_COLOUR}"]') == 1            # LT-BY
    assert count(page, f'path[stroke="{OTHER_BORDER_COLOUR}"]') == 2     # LV-BY, PL-BY
    assert count(page, f'path[fill="{LAND_STYLE["fillColor"]}"]') == 2   # LT, BY outlines
    assert count(page, "path.gm-place") == 4        # document layers are hidden at first
    assert count(page, ".gm-legend") == 1
    assert "GeoNames (CC BY 4.0)" in page.locator(".leaflet-control-attribution").inner_text()

    popup = click_marker(page, "Medininkai")
    assert popup.locator("mark").all_inner_texts() == ["Medininkai"] * 3
    assert "3.4 km from the LT–BY border" in popup.inner_text()
    assert "Alpha — 2021-08-01" in popup.inner_text()

    page.locator("path.gm-place").first.hover()
    assert page.locator(".leaflet-tooltip").inner_text() in {"Medininkai", "Vilnius", "Grodno",
                                                             "Belarus"}

    page.locator(".leaflet-control-layers").hover()                   # expand the control
    page.get_by_label("Beta").check()
    assert count(page, "path.gm-place") == 4 + 3
    assert offline_page.blocked == [] and offline_page.errors == []
    assert offline_page.dialogs == []


def test_online_tiles_only_on_request(offline_page, tmp_path):
    page = open_map(offline_page, tmp_path)
    assert offline_page.blocked == []
    page.locator(".leaflet-control-layers").hover()
    page.get_by_label("OpenStreetMap (online)").check()
    page.wait_for_timeout(300)
    assert offline_page.blocked                     # the network guard does see requests
    assert all(url.startswith("https://tile.openstreetmap.org/") for url in offline_page.blocked)


def test_untrusted_text_stays_text(offline_page, tmp_path):
    page = open_map(offline_page, tmp_path, XSS)
    assert page.title() == f"Test map{XSS}"
    popup = click_marker(page, "Medininkai")
    assert popup.locator("h4").inner_text() == f"Medininkai{XSS}".strip()
    assert f"Alpha{XSS}".strip() in popup.inner_text()
    page.locator(".leaflet-popup-close-button").click()
    page.locator("path.gm-place").first.hover()                   # Medininkai: the biggest
    assert page.locator(".leaflet-tooltip").inner_text() == f"Medininkai{XSS}".strip()
    page.locator(".leaflet-control-layers").hover()
    assert 'Alpha"><img src=x onerror=alert(1)> <script>' in \
        page.locator(".leaflet-control-layers").inner_text()
    page.wait_for_timeout(200)
    assert count(page, "img") == 0 and count(page, ".leaflet-pane script") == 0
    assert offline_page.dialogs == []
    assert offline_page.blocked == [] and offline_page.errors == []
