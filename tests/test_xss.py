"""Hostile article text in headless Chromium: the map and the report show it as text, no
dialog opens and no element from the text appears in the DOM."""
import pytest

from geomap.render.html import build_map, write_html
from geomap.render.report import write_report
from test_html import BORDERS, COUNTRIES
from test_report import analysis, sample_incidents

pytestmark = pytest.mark.browser

PAYLOAD = ('"><img src=x onerror=alert(1)> <script>alert(1)</script> '
           '<a href="javascript:alert(1)" id="evil">x</a> </textarea><svg onload=alert(1)> '
           "</style></title>' ${alert(1)} {{ 7*7 }} {% if 1 %}jinja{% endif %} {# c #}")
INJECTED = "img, #evil, a[href^='javascript'], [onerror], [onload], svg[onload], textarea"


def check(seen):
    page = seen.page
    page.wait_for_timeout(200)
    assert page.locator(INJECTED).count() == 0
    assert page.evaluate("[...document.scripts].every(s => !s.src && "
                         "!s.textContent.includes('alert(1)</script>'))")
    assert seen.dialogs == [] and seen.errors == [] and seen.blocked == []


def test_map_with_incidents(offline_page, tmp_path):
    mentions, documents, incidents = sample_incidents(PAYLOAD)
    path = tmp_path / "map.html"
    write_html(build_map(mentions, documents, borders=BORDERS, countries=COUNTRIES,
                         incidents=incidents, title=f"Map{PAYLOAD}"), path)
    page = offline_page.page
    page.goto(path.as_uri())
    page.wait_for_selector(".gm-incident")
    assert page.title() == f"Map{PAYLOAD}"
    assert page.locator(".gm-incident").count() == 2
    page.locator(".gm-incident").first.click()
    popup = page.locator(".leaflet-popup-content")
    assert popup.locator("h4").inner_text() == f"Pushback — Medininkai{PAYLOAD}".strip()
    assert f"Belarusian officers{PAYLOAD}".strip() in popup.inner_text()
    assert popup.locator("mark").count() >= 3
    assert PAYLOAD.strip() in page.locator(".gm-incident").first.get_attribute("title")
    page.locator(".gm-doc-item").first.evaluate("b => b.click()")
    assert PAYLOAD.strip() in page.locator(".gm-doc-text h4").inner_text()
    check(offline_page)


def test_report(offline_page, tmp_path):
    path = tmp_path / "report.html"
    write_report(analysis(PAYLOAD), path, title=f"Report{PAYLOAD}")
    page = offline_page.page
    page.goto(path.as_uri())
    page.wait_for_selector(".gm-embed .gm-incident")
    assert page.title() == f"Report{PAYLOAD}"
    assert page.locator("h1").inner_text() == f"Report{PAYLOAD}".strip()
    assert page.locator("#incidents tbody tr").count() == 2
    assert f"Medininkai{PAYLOAD}".strip() in page.locator("#incidents tbody").inner_text()
    evidence = page.locator("#evidence").inner_text()
    assert f"VSAT{PAYLOAD}".strip() in evidence and "Alpha" in evidence
    assert page.locator("#evidence blockquote mark").count() >= 3
    assert page.locator(".gm-embed .gm-incident").count() == 2
    check(offline_page)
