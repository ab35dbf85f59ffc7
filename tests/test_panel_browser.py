"""The side panel and the time control in headless Chromium, with the network cut off."""
import pytest

from geomap.render.html import build_map, write_html
from test_html import BORDERS, COUNTRIES, XSS
from test_panel import panel_sample

pytestmark = pytest.mark.browser


@pytest.fixture
def page(offline_page, tmp_path):
    mentions, documents, incidents = panel_sample()
    path = tmp_path / "map.html"
    write_html(build_map(mentions, documents, borders=BORDERS, countries=COUNTRIES,
                         incidents=incidents), path)
    offline_page.page.goto(path.as_uri())
    offline_page.page.wait_for_selector(".gm-panel")
    yield offline_page.page
    assert offline_page.blocked == [] and offline_page.errors == []
    assert offline_page.dialogs == []


def open_document(page, name):
    page.locator(".gm-panel-toggle").click()
    page.locator(".gm-doc-item", has_text=name).click()
    return page.locator(".gm-doc-text:visible")


def box(page, selector):
    return page.locator(selector).bounding_box()


def overlap(a, b):
    return (a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
            and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"])


def test_panel_lists_documents_and_stays_clear_of_the_layer_control(page):
    assert not page.locator(".gm-panel-body").is_visible()          # collapsed at first
    page.locator(".gm-panel-toggle").click()
    assert page.locator(".gm-panel-toggle").get_attribute("aria-expanded") == "true"
    assert page.locator(".gm-doc-item").all_inner_texts() == [
        "Lithuanian border guards said they pushed 20 migrants back near Dieveniškės on "
        "Thursday.\n2021-08-06 · early.txt",
        "Polish guards detained 6 migrants near Kuźnica on Tuesday.\n2021-08-18 · late.txt",
        "Migrants crossed the border illegally near Medininkai, officials said.\nundated.txt"]
    page.locator(".leaflet-control-layers").hover()                  # expand the layer control
    page.locator(".leaflet-control-layers-list").wait_for()
    layers = box(page, ".leaflet-control-layers")
    assert not overlap(layers, box(page, ".gm-panel"))
    assert not overlap(layers, box(page, ".gm-time"))
    page.locator(".gm-panel-toggle").click()
    assert not page.locator(".gm-panel-body").is_visible()


def test_clicking_a_place_name_opens_its_popup(page):
    text = open_document(page, "early.txt")
    assert "pushed 20 migrants back near Dieveniškės" in text.locator(".gm-text").inner_text()
    assert text.locator("mark").all_inner_texts() == ["Dieveniškės", "Vilnius"]
    text.locator("mark", has_text="Dieveniškės").click()
    popup = page.locator(".leaflet-popup-content")
    popup.locator("h4", has_text="Dieveniškės").wait_for()
    assert "LT · village" in popup.inner_text()
    centre = page.evaluate("(() => { const c = map_00001.getCenter(); return [c.lat, c.lng]; })()")
    assert centre == pytest.approx([54.1989, 25.6256], abs=0.01)


def test_show_in_text_opens_the_document_at_the_sentence(page):
    page.evaluate('geomapPlaces.map_00001["cur:dieveniskes"][0].openPopup()')
    links = page.locator(".leaflet-popup-content .gm-show")
    assert links.count() == 2                                   # early.txt, late.txt
    links.nth(1).click()
    text = page.locator(".gm-doc-text:visible")
    assert text.locator("h4").inner_text().startswith("Polish guards detained")
    current = text.locator(".gm-current")
    assert current.inner_text() == f"The guards said {XSS} Dieveniškės was calm."
    body, sentence = box(page, ".gm-panel-body"), current.bounding_box()
    assert body["y"] <= sentence["y"] and sentence["y"] + sentence["height"] <= \
        body["y"] + body["height"]                               # scrolled into view
    assert text.locator("img, script, b").count() == 0           # the payload stayed text
    text.locator(".gm-back").click()
    assert page.locator(".gm-doc-item").first.is_visible()


def shown(page):
    """Dates of the registered incidents with a layer on the map, sorted (None last)."""
    dates = page.evaluate("geomapIncidents.map_00001.filter(e => e.layers.some("
                          "l => map_00001.hasLayer(l))).map(e => e.date)")
    return sorted(dates, key=lambda d: (d is None, d))


def test_time_control_hides_incidents_out_of_range(page):
    status = page.locator(".gm-time-status")
    assert page.locator(".gm-from").input_value() == "2021-08-05"
    assert page.locator(".gm-to").input_value() == "2021-08-17"
    assert status.inner_text() == "3 of 3 incidents shown"
    assert page.locator(".gm-incident").count() == 3
    assert page.locator("path.gm-to-border").count() == 3

    page.locator(".gm-from").fill("2021-08-10")
    assert status.inner_text() == "2 of 3 incidents shown"
    assert page.locator(".gm-incident").count() == 2
    assert page.locator("path.gm-to-border").count() == 2
    assert shown(page) == ["2021-08-17", None]

    page.locator(".gm-undated").check()                          # Medininkai has no date
    assert status.inner_text() == "1 of 3 incidents shown"
    assert page.locator(".gm-incident").count() == 1
    assert shown(page) == ["2021-08-17"]

    page.locator(".leaflet-control-layers").hover()              # toggling the overlay
    page.get_by_label("Incidents").uncheck()                     # keeps the filter
    page.get_by_label("Incidents").check()
    assert page.locator(".gm-incident").count() == 1

    page.locator(".gm-from").fill("2021-08-05")
    page.locator(".gm-undated").uncheck()
    assert status.inner_text() == "3 of 3 incidents shown"
    assert page.locator(".gm-incident").count() == 3
