"""Embedding: scoped HTML fragments, <iframe> snippets and the notebook-facing map object."""
import re

import pytest

from geomap.render.embed import default_scope, iframe_snippet, render_fragment
from geomap.render.html import build_map, render_html
from test_html import BORDERS, COUNTRIES, XSS, sample


def make_map(payload="", title="Map"):
    mentions, documents = sample(payload)
    return build_map(mentions, documents, borders=BORDERS, countries=COUNTRIES, title=title)


def styles(fragment):
    return "".join(re.findall(r"<style>(.*?)</style>", fragment, re.S))


def test_fragment_is_one_scoped_div():
    m = make_map()
    page = render_html(m)
    frag = render_fragment(m)
    scope = default_scope(m)
    assert frag.startswith(f'<div class="gm-embed" id="{scope}">') and frag.endswith("</div>\n")
    assert re.fullmatch(r"gm[0-9a-f]{10}", scope)
    assert f'id="map_{scope}"' in frag and f'L.map(\n                "map_{scope}"' in frag
    assert "<html" not in frag and "<body" not in frag and "<head" not in frag
    assert "if (!window.L) {" in frag and "(function () {" in frag
    selectors = re.findall(r"(?:^|[}\n])\s*([^{}@\n][^{}]*?)\s*\{", styles(frag))
    assert selectors and all(s.startswith((f"#{scope}", f"#map_{scope}")) for s in
                             (x.strip() for sel in selectors for x in sel.split(",")))
    assert "Leaflet 1.9.4" in frag                      # the licence travels with the code
    assert render_fragment(m) == frag and render_html(m) == page   # no state left behind


def test_scopes_differ_between_maps_and_can_be_given():
    a, b = make_map(title="A"), make_map(title="B")
    assert default_scope(a) != default_scope(b)
    assert default_scope(a, "one.html") != default_scope(a, "two.html")
    assert 'id="mine"' in render_fragment(a, scope="mine", height=300)
    assert "height: 300px" in render_fragment(a, scope="mine", height=300)
    for bad in ({"scope": "a-b"}, {"scope": "x\"><script>"}, {"height": "1px;}body{"}):
        with pytest.raises(ValueError):
            render_fragment(a, **bad)


def test_a_map_off_its_page_is_refused():
    m = make_map()
    m._parent = None                                    # taken out of its branca Figure
    with pytest.raises(ValueError, match="not on a page"):
        render_fragment(m, scope="mine")


def test_iframe_snippet_escapes_and_sandboxes():
    snippet = iframe_snippet('maps/a "b".html', title=f"T{XSS}", height=400)
    assert snippet.startswith('<iframe src="maps/a &quot;b&quot;.html"')
    assert 'sandbox="allow-scripts"' in snippet and "height: 400px" in snippet
    assert "<img" not in snippet and "<script" not in snippet


def test_map_shows_in_jupyter():
    assert "<iframe" in make_map()._repr_html_()


@pytest.mark.browser
def test_two_fragments_on_one_page_both_render(offline_page, tmp_path):
    host = ("<!DOCTYPE html><html><head><meta charset='utf-8'><style>p { color: rgb(1, 2, 3); "
            "margin: 7px; }</style></head><body><p id='before'>host</p>{a}<p>between</p>{b}"
            "<div class='leaflet-container' id='host-div'>not a map</div></body></html>")
    page_file = tmp_path / "host.html"
    page_file.write_text(host.replace("{a}", render_fragment(make_map(title="A")))
                         .replace("{b}", render_fragment(make_map(XSS, title="B"), height=300)),
                         encoding="utf-8")
    page = offline_page.page
    page.goto(page_file.as_uri())
    page.wait_for_selector(".gm-embed .gm-status")
    embeds = page.locator(".gm-embed")
    assert embeds.count() == 2
    for i, height in ((0, 500), (1, 300)):
        assert embeds.nth(i).locator(".leaflet-overlay-pane canvas").count() == 1
        assert embeds.nth(i).locator(".gm-label").count() >= 2
        assert embeds.nth(i).locator(".leaflet-control-layers").count() == 1
        assert embeds.nth(i).bounding_box()["height"] == height
    embeds.nth(1).locator(".gm-doc-item").first.evaluate("b => b.click()")
    embeds.nth(1).locator(".gm-text mark").first.click()
    assert embeds.nth(1).locator(".leaflet-popup-content h4").inner_text().startswith("Medininkai")
    assert page.evaluate("getComputedStyle(document.getElementById('before')).color") == \
        "rgb(1, 2, 3)"
    host_bg = page.evaluate("getComputedStyle(document.getElementById('host-div')).background"
                            "Color")
    assert host_bg == "rgba(0, 0, 0, 0)"                 # our CSS stays inside the fragments
    assert offline_page.errors == [] and offline_page.blocked == [] and offline_page.dialogs == []


def test_fragment_pieces_make_the_fragment(monkeypatch):
    import geomap.render.html as h
    from geomap.render.embed import fragment_parts

    m = make_map()
    whole = render_fragment(m, height="300px")
    monkeypatch.setattr(h, "CHUNK", 5)
    parts = list(fragment_parts(m, height="300px"))
    assert len(parts) > 10 and "".join(parts) == whole
    assert render_fragment(m, height="300px") == whole           # no state left behind
