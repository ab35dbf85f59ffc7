import copy
import datetime as dt
import html
import json
import os
import random
import re
from collections import Counter
from html.parser import HTMLParser

import pytest

from geomap.model import BorderRelation, Document, Mention, Place
from geomap.render.html import build_map, render_html, write_html
from geomap.render.inline import script_json
from geomap.render.theme import LT_BY_BBOX

XSS = ('"><img src=x onerror=alert(1)> <script>alert(1)</script> </script> ${alert(1)} `'
       ' {{ 7*7 }} {% if 1 %}jinja{% endif %} {# c #}')   # template syntax stays text

MEDININKAI = Place("597231", "Medininkai", 54.54, 25.65, "LT", "village")
VILNIUS = Place("593116", "Vilnius", 54.69, 25.28, "LT", "capital")
GRODNO = Place("627904", "Grodno", 53.68, 23.83, "BY", "city")
BELARUS = Place("630336", "Belarus", 53.5, 28.0, "BY", "country")


def line(coords):
    return {"type": "LineString", "coordinates": coords}


def feature(geometry, **properties):
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def box(lon0, lat0, lon1, lat1):
    return {"type": "Polygon",
            "coordinates": [[[lon0, lat0], [lon1, lat0], [lon1, lat1], [lon0, lat1], [lon0, lat0]]]}


BORDERS = {"type": "FeatureCollection", "features": [
    feature({"type": "MultiLineString", "coordinates": [[[23.5, 53.9], [24.5, 54.0], [25.7, 54.3]],
                                                        [[25.7, 54.3], [26.6, 55.6]]]},
            id="LT-BY", countries=["LT", "BY"], length_km=679),
    feature(line([[26.6, 55.6], [28.2, 56.1]]), id="LV-BY", countries=["LV", "BY"], length_km=173),
    feature(line([[23.5, 53.9], [23.2, 52.3]]), id="PL-BY", countries=["PL", "BY"], length_km=418),
]}
COUNTRIES = {"type": "FeatureCollection", "features": [
    feature(box(21.0, 53.9, 26.8, 56.4), iso="LT", name="Lithuania"),
    feature(box(23.2, 51.3, 32.7, 53.9), iso="BY", name="Belarus"),
]}
WORLD = {"type": "FeatureCollection", "features": [feature(box(10, 45, 40, 65), iso="XX", name="World")]}


def mention(d, word, place, *, nth=0, in_org=False, border=None):
    """The nth occurrence of ``word`` in ``d``; sentences end with ". "."""
    start = -1
    for _ in range(nth + 1):
        start = d.text.index(word, start + 1)
    s0 = d.text.rfind(". ", 0, start) + 2 if ". " in d.text[:start] else 0
    s1 = d.text.find(". ", start)
    s1 = len(d.text) if s1 < 0 else s1 + 1
    return Mention(doc=d, start=start, end=start + len(word), text=word, sentence=d.text[s0:s1],
                   sentence_start=s0, place=place, confidence=0.9, border=border, in_org=in_org)


def sample(payload=""):
    """(mentions, documents): 4 places overall, 2 documents with 2 and 3 places."""
    near = BorderRelation("LT", "LT-BY", 3.4, (54.53, 25.70))
    far = BorderRelation("BY", "PL-BY", 14.0, (53.7, 23.6))
    medininkai = Place(**{**MEDININKAI.__dict__, "name": f"Medininkai{payload}"})
    a = Document(f"news/a{payload}.txt",
                 f"Alpha{payload}. Migrants were stopped near Medininkai{payload}. "
                 f"Vilnius sent guards to Medininkai.", dt.date(2021, 8, 1), f"Alpha{payload}")
    b = Document("news/b.txt", "The State Border Committee of Belarus said Grodno was calm. "
                 "Medininkai too.", None, "Beta")
    mentions = [
        mention(a, "Medininkai", medininkai, border=near),
        mention(a, "Vilnius", VILNIUS),
        mention(a, "Medininkai", medininkai, nth=1, border=near),
        mention(b, "Belarus", BELARUS, in_org=True),
        mention(b, "Grodno", GRODNO, border=far),
        mention(b, "Medininkai", medininkai, border=near),
    ]
    return mentions, [a, b]


def render(mentions=None, documents=None, **kw):
    if mentions is None:
        mentions, documents = sample()
    kw = {"borders": BORDERS, "countries": COUNTRIES, **kw}
    return render_html(build_map(mentions, documents, **kw))


class Tags(HTMLParser):
    """Start tags of a page (script contents are opaque to the parser, as in a browser)."""

    def __init__(self, text):
        super().__init__()
        self.tags, self.attrs = Counter(), []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags[tag] += 1
        self.attrs += [name for name, _ in attrs]


def test_same_input_gives_identical_html():
    mentions, documents = sample()
    first = render(mentions, documents)
    assert render(mentions, documents) == first
    shuffled = mentions[:]
    random.Random(1).shuffle(shuffled)
    assert render(shuffled, documents[::-1]) == first
    assert "map_00001" in first  # counter ids, not random ones


def test_self_contained():
    page = render(world=WORLD)
    tags = Tags(page)
    assert tags.tags["link"] == 0 and tags.tags["img"] == 0
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*[\"']?(https?:)?//",
                         page, re.I)
    assert not re.search(r"url\(\s*[\"']?(https?:)?//", page, re.I)
    assert not re.search(r"@import", page)
    for cdn in ("jquery", "bootstrap", "awesome", "fontawesome", "cdn."):
        assert cdn not in page.lower()
    assert "Leaflet 1.9.4" in page and "BSD 2-Clause License" in page
    assert "url(data:image/png;base64," in page  # the layer-control icon


def data_of(page):
    """The page's embedded data tables (the one JSON script)."""
    found = re.findall(r'<script type="application/json" id="gm-data-map_\d+">(.*?)</script>',
                       page, re.S)
    assert len(found) == 1
    return json.loads(found[0])


def test_data_once_in_columns():
    page = render()
    data = data_of(page)
    places = data["places"]
    assert places["name"] == ["Medininkai", "Grodno", "Vilnius", "Belarus"]  # by mentions
    assert places["n"] == [3, 1, 1, 0] and places["docs"] == [2, 1, 1, 1]
    assert places["area"] == [0, 0, 0, 1] and places["org"] == [0, 0, 0, 1]
    assert places["border"][0] == [3.4, "LT-BY", "LT", [54.53, 25.7]]
    quotes = places["quotes"][0]
    assert [q[1] for q in quotes] == ["Migrants were stopped near Medininkai.",
                                      "Vilnius sent guards to Medininkai.", "Medininkai too."]
    assert quotes[0][2] == [[27, 37]]
    docs = data["docs"]
    assert docs["title"] == ["Alpha", "Beta"] and docs["date"] == ["2021-08-01", None]
    assert docs["places"] == [[0, 2], [0, 1, 3]]
    assert docs["marks"][0] == [34, 44, 0, 46, 53, 2, 69, 79, 0]
    assert page.count("Migrants were stopped near Medininkai.") == 2   # text + one quote


def test_layers_and_styles():
    page = render()
    base = re.search(r"var base = \{(.*?)\};", page, re.S).group(1)
    borders = re.search(r"var borders = \{(.*?)\};", page, re.S).group(1)
    assert re.findall(r'"([^"]+)": ', base) == ["Country outlines (offline)",
                                                "OpenStreetMap (online)"]
    assert re.findall(r'"([^"]+)": ', borders) == ["Lithuania\\u2013Belarus border",
                                                   "Other Belarus borders"]
    outlines = re.search(r'"Country outlines \(offline\)": (\w+)', base).group(1)
    assert f"{outlines}.addTo(map_00001)" in page               # the default base layer
    assert page.count("L.tileLayer(") == 1
    assert '"color": "#d7191c"' in page and '"weight": 5' in page  # LT-BY
    assert "Borders: \\u00a9 OpenStreetMap contributors (ODbL) via @geo-maps" in page


def test_world_is_optional_and_input_is_not_modified():
    borders, countries, world = (copy.deepcopy(x) for x in (BORDERS, COUNTRIES, WORLD))
    assert '"World"' not in render()
    assert '"World"' in render(borders=borders, countries=countries, world=world)
    assert (borders, countries, world) == (BORDERS, COUNTRIES, WORLD)


def test_missing_borders_and_outlines_are_not_drawn():
    page = render(borders=None, countries=None)
    assert '"iso":"LT"' in render() and '"id":"LT-BY"' in render()
    assert '"iso":"LT"' not in page and '"id":"LT-BY"' not in page
    assert "Other Belarus borders" in page                 # the layers stay, empty


def test_first_view_fits_border_places_not_countries():
    page = render()
    assert "bounds: [[53.68, 23.83], [54.69, 25.65]]" in page
    assert ("bounds: " + json.dumps(LT_BY_BBOX)) in render([], [])


def test_untrusted_text_cannot_break_out():
    clean = Tags(render(title="Title"))
    mentions, documents = sample(XSS)
    page = render(mentions, documents, title=XSS)
    for raw in ("<script>alert(1)</script>", "<img", 'onerror=alert(1)>', "</script> $", "<!--x"):
        assert raw not in page
    assert page.count("</script>") == page.count("<script")
    tags = Tags(page)
    assert tags.tags == clean.tags and "onerror" not in tags.attrs
    assert f"<title>{html.escape(XSS)}</title>" in page
    assert data_of(page)["places"]["name"][0] == f"Medininkai{XSS}"   # intact as data
    assert page.count("{{ 7*7 }} {% if 1 %}jinja{% endif %} {# c #}") >= 3


def test_other_maps_render_as_usual():
    import folium
    from branca.element import Element, MacroElement
    generate, macro_render = Element.__dict__["_generate_id"], MacroElement.__dict__["render"]
    render()
    assert Element.__dict__["_generate_id"] is generate
    assert MacroElement.__dict__["render"] is macro_render
    other = folium.Map().get_root().render()
    assert "map_00001" not in other


def test_write_html_is_atomic(tmp_path):
    mentions, documents = sample()
    m = build_map(mentions, documents, borders=BORDERS, countries=COUNTRIES)
    target = tmp_path / "map.html"
    target.write_text("old")
    write_html(m, target)
    assert target.read_text(encoding="utf-8") == render_html(m) == render_html(m)
    assert os.listdir(tmp_path) == ["map.html"]
    assert target.stat().st_mode & 0o777 == 0o644


def test_page_is_written_in_pieces_that_make_the_page(monkeypatch):
    import geomap.render.html as h

    monkeypatch.setattr(h, "CHUNK", 7)          # the data in many slices
    mentions, documents = sample()
    m = build_map(mentions, documents, borders=BORDERS, countries=COUNTRIES)
    parts = list(h.html_parts(m))
    assert len(parts) > 10 and "".join(parts) == render_html(m)
    data = next(e for e in h._walk(m.get_root()) if isinstance(e, h._Page)).data
    assert data and all(p in data for p in parts[1:-1])    # the slices are the data's
    # a title that holds the marker: the page is written whole, unchanged
    odd = build_map(mentions, documents, borders=BORDERS, countries=COUNTRIES,
                    title=f"a{h.HOLE}b")
    assert "".join(h.html_parts(odd)) == render_html(odd)


def test_geojson_file_text_is_embedded_escaped(tmp_path):
    from geomap.files import read_geojson
    evil = dict(WORLD, name="</script><img src=x onerror=alert(1)> & 'q' \u2028")
    path = tmp_path / "world.geojson"
    path.write_text(json.dumps(evil, ensure_ascii=False), encoding="utf-8")
    world = read_geojson(path, parse=False)
    embedded = script_json(world)
    assert not set("<>&'\u2028") & set(embedded)
    assert json.loads(embedded) == evil                 # the file's text, escaped as JSON
    page = render(world=world)
    assert "onerror=alert(1)>" not in page and page.count("</script>") == page.count("<script")


@pytest.mark.parametrize("text", ["</script><!--x-->", "a & b's", "line\u2028sep\u2029par",
                                  "emoji 😀 é ł ž", "lone \ud800 surrogate"])
def test_script_json_is_json_that_cannot_leave_its_element(text):
    data = {"t": text, "n": [54.12345, 0.5, None, True, 3]}
    out = str(script_json(data))
    assert json.loads(out) == data                        # the same values in JavaScript
    assert not set("<>&'\u2028\u2029") & set(out)
    # the standard library's compact JSON, but for the escapes
    ref = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        ref = ref.replace(ch, esc)
    assert out == ref
