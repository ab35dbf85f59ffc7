"""The map page in headless Chromium with the network cut off: what is drawn, popups, labels,
clusters, the timeline brush, the documents box and hostile text."""
import datetime as dt

import pytest

from geomap.events.model import Event, Incident
from geomap.model import BorderRelation, Document, Place
from geomap.render.html import build_map, write_html
from geomap.render.theme import LAND_STYLE, LT_BY_COLOUR, OTHER_BORDER_COLOUR
from test_html import BORDERS, COUNTRIES, XSS, mention, sample
from test_report import evidence, sample_incidents

pytestmark = pytest.mark.browser

OVERLAPS = """() => {
  const boxes = [...document.querySelectorAll('.leaflet-map-pane *')]
    .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
    .map(e => e.getBoundingClientRect()).filter(b => b.width > 0 && b.height > 0);
  let n = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    if (w > 0 && h > 0 && w * h > 4) n++;
  }
  return [boxes.length, n];
}"""


def open_map(seen, tmp_path, mentions, documents, incidents=(), **kw):
    path = tmp_path / "map.html"
    write_html(build_map(mentions, documents, borders=BORDERS, countries=COUNTRIES,
                         incidents=incidents, **kw), path)
    seen.page.goto(path.as_uri())
    seen.page.wait_for_selector(".gm-status")
    return seen.page


def count(page, selector):
    return page.locator(selector).count()


def clean(seen):
    assert seen.blocked == [] and seen.errors == [] and seen.dialogs == []


def test_map_draws_borders_places_and_popups(offline_page, tmp_path):
    mentions, documents, incidents = sample_incidents()
    page = open_map(offline_page, tmp_path, mentions, documents, incidents)
    assert count(page, f'path[stroke="{LT_BY_COLOUR}"]') == 1            # LT-BY
    assert count(page, f'path[stroke="{OTHER_BORDER_COLOUR}"]') == 2     # LV-BY, PL-BY
    assert count(page, f'path[fill="{LAND_STYLE["fillColor"]}"]') == 2   # LT, BY outlines
    assert count(page, ".leaflet-overlay-pane canvas") == 1             # places on a canvas
    assert count(page, ".gm-incident") == 2
    assert page.locator(".gm-status").inner_text() == "2 on the map"
    assert "Belarus (country)" in page.locator(".gm-areas").text_content()   # not a circle
    assert "GeoNames (CC BY 4.0)" in page.locator(".leaflet-control-attribution").inner_text()
    labels = page.locator(".gm-label").all_inner_texts()
    assert "Medininkai" in labels
    page.evaluate("document.querySelector('.leaflet-container').geomap.selectPlace(0)")
    popup = page.locator(".leaflet-popup-content")
    assert popup.locator("mark").all_inner_texts() == ["Medininkai"] * 3
    assert "3.4 km from the LT–BY border" in popup.inner_text()
    assert "Alpha — 2021-08-01" in popup.inner_text()
    page.evaluate("document.querySelector('.leaflet-container').geomap.map.closePopup()")
    page.locator(".gm-incident").first.click()
    assert popup.locator("h4").first.inner_text().startswith(("Pushback", "Detention"))
    page.wait_for_timeout(400)                   # closed tooltips fade out
    assert count(page, ".gm-distance") == 1      # the line to the border: the selected one
    clean(offline_page)


def test_online_tiles_only_on_request(offline_page, tmp_path):
    mentions, documents = sample()
    page = open_map(offline_page, tmp_path, mentions, documents)
    assert offline_page.blocked == []
    page.locator(".leaflet-control-layers").hover()
    page.get_by_text("OpenStreetMap (online)").click()
    page.wait_for_timeout(300)
    assert offline_page.blocked                     # the network guard does see requests
    assert all(url.startswith("https://tile.openstreetmap.org/") for url in offline_page.blocked)


def test_documents_search_and_text(offline_page, tmp_path):
    mentions, documents = sample()
    page = open_map(offline_page, tmp_path, mentions, documents)
    page.get_by_text("Documents (2)").click()
    assert count(page, ".gm-doc-item") == 2
    page.locator(".gm-search").fill("beta")
    assert page.locator(".gm-doc-item").all_inner_texts()[0].startswith("Beta")
    assert count(page, ".gm-doc-item") == 1
    page.locator(".gm-search").fill("")
    page.locator(".gm-doc-item", has_text="Alpha").click()
    text = page.locator(".gm-text")
    assert text.inner_text() == documents[0].text
    assert text.locator("mark").all_inner_texts() == ["Medininkai", "Vilnius", "Medininkai"]
    text.locator("mark").first.click()
    page.wait_for_selector(".leaflet-popup-content h4")
    assert page.locator(".leaflet-popup-content h4").inner_text() == "Medininkai"
    page.locator(".gm-back").click()
    assert count(page, ".gm-doc-item") == 2
    clean(offline_page)


def test_documents_are_paged(offline_page, tmp_path):
    docs = [Document(f"d{n:03d}.txt", f"Report {n} from Vilnius.", None, f"Report {n}")
            for n in range(60)]
    vilnius = Place("593116", "Vilnius", 54.69, 25.28, "LT", "capital")
    page = open_map(offline_page, tmp_path, [mention(d, "Vilnius", vilnius) for d in docs], docs)
    page.get_by_text("Documents (60)").click()
    assert count(page, ".gm-doc-item") == 25
    assert "60 found · page 1 of 3" in page.locator(".gm-pager").inner_text()
    page.locator(".gm-page").last.click()
    assert page.locator(".gm-doc-item").first.inner_text().startswith("Report 25")
    page.locator(".gm-search").fill("report 59")
    assert page.locator(".gm-doc-item").all_inner_texts()[0].startswith("Report 59")


def many_incidents(n=40):
    """n incidents at n villages close together (one week apart), in one document."""
    text = " ".join(f"Migrants were pushed back near Village{k}." for k in range(n))
    doc = Document("news/many.txt", text, dt.date(2021, 9, 1), "Many")
    mentions, incidents = [], []
    for k in range(n):
        place = Place(f"p{k}", f"Village{k}", 54.3 + 0.01 * (k % 7), 25.5 + 0.012 * (k // 7),
                      "LT", "village")
        border = BorderRelation("LT", "LT-BY", 5.0, (54.3, 25.9))
        m = mention(doc, f"Village{k}.", place, border=border)
        mentions.append(m)
        date = dt.date(2021, 6, 7) + dt.timedelta(weeks=k)
        ev = Event(doc=doc, type="pushback", subtype=None, kinds=(("pushback", None),),
                   date=date, date_precision="day", place=m, geo_precision=1, counts=(),
                   actors=(), claim_sources=(), triggers=(evidence(doc, "pushed", k),),
                   date_evidence=None, primary=k == 0)
        incidents.append(Incident(f"i{k}", "pushback", None, date, "day", place, 1, border,
                                  (ev,)))
    return mentions, [doc], incidents


def test_clusters_expand_and_labels_never_overlap(offline_page, tmp_path):
    mentions, documents, incidents = many_incidents()
    page = open_map(offline_page, tmp_path, mentions, documents, incidents)
    clusters = page.locator(".gm-cluster")
    assert clusters.count() >= 1
    total = sum(int(t) for t in clusters.all_inner_texts()) + count(page, ".gm-incident")
    assert total == 40
    texts, overlaps = page.evaluate(OVERLAPS)
    assert texts >= 2 and overlaps == 0
    zoom = page.evaluate("document.querySelector('.leaflet-container').geomap.map.getZoom()")
    biggest = max(clusters.all(), key=lambda c: int(c.inner_text()))
    size = int(biggest.inner_text())
    biggest.click()
    page.wait_for_timeout(800)
    assert page.evaluate("document.querySelector('.leaflet-container').geomap.map.getZoom()") \
        > zoom
    after = [int(t) for t in page.locator(".gm-cluster").all_inner_texts()]
    assert all(n < size for n in after)              # the cluster came apart
    assert page.evaluate(OVERLAPS)[1] == 0           # labels recomputed on zoom
    clean(offline_page)


def test_timeline_brush_filters_incidents(offline_page, tmp_path):
    mentions, documents, incidents = many_incidents()
    page = open_map(offline_page, tmp_path, mentions, documents, incidents)
    status = page.locator(".gm-status")
    assert status.inner_text() == "40 on the map"
    box = page.locator(".gm-timeline").bounding_box()
    page.mouse.move(box["x"] + 1, box["y"] + 10)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 4, box["y"] + 10)
    page.mouse.up()
    shown = page.evaluate("document.querySelector('.leaflet-container').geomap.shown")
    assert 0 < shown["total"] < 40
    assert status.inner_text() == f"{shown['map']} on the map (filtered: {shown['total']} of 40 " \
                                  "incidents)"
    page.locator(".gm-type").first.uncheck()         # the only type present: nothing left
    assert status.inner_text().startswith("0 on the map")
    clean(offline_page)


def test_untrusted_text_stays_text(offline_page, tmp_path):
    mentions, documents, incidents = sample_incidents(XSS)
    page = open_map(offline_page, tmp_path, mentions, documents, incidents,
                    title=f"Test map{XSS}")
    assert page.title() == f"Test map{XSS}"
    page.evaluate("document.querySelector('.leaflet-container').geomap.selectPlace(0)")
    popup = page.locator(".leaflet-popup-content")
    assert popup.locator("h4").inner_text() == f"Medininkai{XSS}".strip()
    assert f"Alpha{XSS}".strip() in popup.inner_text()
    page.get_by_text("Documents (2)").click()
    page.locator(".gm-doc-item").first.click()
    assert XSS.strip() in page.locator(".gm-doc-text h4").inner_text()
    assert count(page, "img") == 0 and count(page, ".leaflet-pane script") == 0
    clean(offline_page)


def test_names_the_gazetteer_lacks_are_listed_as_text(offline_page, tmp_path):
    mentions, documents = sample()
    unplaced = [{"name": XSS, "count": 3, "sentence": "Seen near " + XSS},
                {"name": "Zuikiškės", "count": 1, "sentence": "In the village of Zuikiškės."}]
    page = open_map(offline_page, tmp_path, mentions, documents, unplaced=unplaced)
    box = page.locator(".gm-unplaced")
    assert box.locator("li").all_text_contents() == [XSS + " (3 mentions)", "Zuikiškės (1 mention)"]
    clean(offline_page)


DENSITY_UNDER_PLACE = """(i) => {
  const g = document.querySelector('.leaflet-container').geomap, map = g.map;
  const at = map.latLngToContainerPoint([g.data.places.lat[i], g.data.places.lon[i]]);
  const box = map.getContainer().getBoundingClientRect();
  const x = box.left + at.x, y = box.top + at.y;
  const z = s => Number(getComputedStyle(document.querySelector(s)).zIndex);
  const cell = document.querySelector('.leaflet-gm-density-pane canvas');
  const c = cell.getBoundingClientRect();
  const alpha = cell.getContext('2d').getImageData(
    Math.round((x - c.left) * cell.width / c.width),
    Math.round((y - c.top) * cell.height / c.height), 1, 1).data[3];
  return {x: x, y: y, alpha: alpha,
          stack: document.elementsFromPoint(x, y).filter(e => e.tagName === 'CANVAS')
                   .map(e => e.parentElement.className),
          density: z('.leaflet-gm-density-pane'), places: z('.leaflet-overlay-pane'),
          incidents: z('.leaflet-marker-pane'), labels: z('.leaflet-gm-labels-pane')};
}"""


def test_density_is_drawn_under_the_places_and_lets_their_clicks_through(offline_page,
                                                                          tmp_path):
    mentions, documents = sample()                   # no incident symbol over the place
    page = open_map(offline_page, tmp_path, mentions, documents)
    page.locator(".leaflet-control-layers").hover()
    page.get_by_text("Density of mentions").click()
    page.mouse.move(600, 700)                        # the layer control closes
    page.wait_for_timeout(300)
    assert count(page, ".leaflet-gm-density-pane canvas") == 1
    assert count(page, ".leaflet-overlay-pane canvas") == 1   # places keep their own canvas
    place = page.evaluate("document.querySelector('.leaflet-container').geomap.data"
                          ".places.name.indexOf('Medininkai')")
    seen = page.evaluate(DENSITY_UNDER_PLACE, place)
    assert seen["alpha"] > 0                          # a density cell lies under the circle
    assert seen["density"] < seen["places"] < seen["incidents"] < seen["labels"]
    assert seen["stack"][0].startswith("leaflet-pane leaflet-overlay-pane")
    assert not any("gm-density" in s for s in seen["stack"])  # transparent to the pointer
    page.mouse.click(seen["x"], seen["y"])
    assert page.locator(".leaflet-popup-content h4").inner_text() == "Medininkai"
    clean(offline_page)
