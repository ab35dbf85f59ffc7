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


HOSTILE_URL = "javascript:alert(1)//https://x.example/"
QUOTED_URL = 'https://news.example/a?q="><img src=x onerror=alert(1)>'


def hostile_sources():
    """The sample with the documents' sites and URLs hostile: a javascript: URL (shown, never
    a link) and an http URL full of markup (a link, escaped)."""
    import dataclasses

    mentions, (a, b), incidents = sample_incidents()
    a2 = dataclasses.replace(a, url=HOSTILE_URL, site=f"Site{PAYLOAD}")
    b2 = dataclasses.replace(b, url=QUOTED_URL, site="Example News")
    swap = {a.path: a2, b.path: b2}
    mentions = [dataclasses.replace(m, doc=swap[m.doc.path]) for m in mentions]
    incidents = [dataclasses.replace(i, events=tuple(dataclasses.replace(e, doc=swap[e.doc.path])
                                                     for e in i.events)) for i in incidents]
    return mentions, [a2, b2], incidents


def test_map_shows_sites_and_links_only_http_urls(offline_page, tmp_path):
    mentions, documents, incidents = hostile_sources()
    path = tmp_path / "map.html"
    write_html(build_map(mentions, documents, borders=BORDERS, countries=COUNTRIES,
                         incidents=incidents), path)
    page = offline_page.page
    page.goto(path.as_uri())
    page.wait_for_selector(".gm-status")
    page.get_by_text("Documents (2)").click()
    assert f"Site{PAYLOAD}".strip() in page.locator(".gm-doc-item").first.inner_text()
    page.locator(".gm-doc-item").first.click()
    source = page.locator(".gm-doc-text .gm-source")
    assert source.inner_text() == f"Site{PAYLOAD} · {HOSTILE_URL}".strip()
    assert source.locator("a").count() == 0                    # javascript: is never a link
    page.locator(".gm-back").click()
    page.locator(".gm-doc-item").nth(1).click()
    link = page.locator(".gm-doc-text .gm-source a")
    assert link.count() == 1 and link.inner_text() == QUOTED_URL
    assert link.get_attribute("href") == QUOTED_URL
    assert link.get_attribute("rel") == "noopener noreferrer"
    assert link.get_attribute("target") == "_blank"
    check(offline_page)                                        # nothing fetched, nothing run


def test_report_shows_sites_and_links_only_http_urls(offline_page, tmp_path):
    from geomap.api import Analysis
    from pathlib import Path

    mentions, documents, incidents = hostile_sources()
    path = tmp_path / "report.html"
    write_report(Analysis(tuple(documents), tuple(mentions), tuple(incidents),
                          {"borders": BORDERS, "countries": COUNTRIES, "world": None},
                          Path("gazetteer")), path)
    page = offline_page.page
    page.goto(path.as_uri())
    page.wait_for_selector(".gm-embed .gm-status")
    evidence = page.locator("#evidence")
    assert HOSTILE_URL in evidence.inner_text() and "Example News" in evidence.inner_text()
    links = page.locator("#evidence a, #documents a")
    assert links.count() >= 2
    assert all(a.get_attribute("href") == QUOTED_URL for a in links.all())
    assert all(a.get_attribute("rel") == "noopener noreferrer" for a in links.all())
    check(offline_page)
