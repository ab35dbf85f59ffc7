import html
import random
from html.parser import HTMLParser
from types import SimpleNamespace

from geomap.extract import Extractor
from geomap.events import incidents_of
from geomap.model import BorderRelation, Document
from geomap.render.embed import render_fragment
from geomap.render.html import build_map, render_html
from geomap.render.layers import document_layers, place_markers
from geomap.render.panel import highlighted_text, panel_documents, registered_layers, show_in_text
from geomap.texts import make_document

from gazetteer_fixture import gazetteer
from test_html import BORDERS, COUNTRIES, XSS, mention, sample


def relate(lat, lon):
    return BorderRelation("LT", "LT-BY", 4.2, (lat - 0.03, lon + 0.03))


EX = Extractor(gazetteer(), SimpleNamespace(relate=relate))


def panel_sample(payload=""):
    """(mentions, documents, incidents): a pushback at Dieveniškės on 2021-08-05, a detention
    at Kuźnica on 2021-08-17 and an undated crossing at Medininkai."""
    docs = [
        make_document(f"news/early{payload}.txt",
                      " date 2021-08-06 Lithuanian border guards said they pushed 20 migrants "
                      "back near Dieveniškės on Thursday.\nVilnius sent more guards."),
        make_document("news/late.txt",
                      f" date 2021-08-18 Polish guards detained 6 migrants near Kuźnica on "
                      f"Tuesday.\nThe guards said {XSS} Dieveniškės was calm."),
        make_document("news/undated.txt",
                      "Migrants crossed the border illegally near Medininkai, officials said."),
    ]
    mentions = [m for d in docs for m in EX.extract(d)]
    return mentions, docs, incidents_of([(d, EX.extract(d)) for d in docs], site=EX.site)


def render(mentions, documents, incidents=()):
    return render_html(build_map(mentions, documents, borders=BORDERS, countries=COUNTRIES,
                                 incidents=incidents))


class Tree(HTMLParser):
    """Text, tags and the text inside each element of an HTML fragment."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.text, self.tags, self.open, self.inner = "", [], [], []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.open.append((tag, dict(attrs), len(self.text)))

    def handle_endtag(self, tag):
        name, attrs, start = self.open.pop()
        assert name == tag
        self.inner.append((tag, attrs, start, self.text[start:]))

    def handle_data(self, data):
        self.text += data


def test_highlighted_text_keeps_offsets_and_escapes_every_piece():
    mentions, documents = sample(XSS)
    a = documents[0]
    out = highlighted_text(a, mentions)
    tree = Tree(out)
    assert tree.text == a.text                       # nothing lost, nothing added
    assert {t for t, _ in tree.tags} == {"mark", "span"}
    marks = [(start, text, attrs["data-place"]) for tag, attrs, start, text in tree.inner
             if tag == "mark"]
    ours = sorted((m.start, m.text, m.place.id) for m in mentions if m.doc is a)
    assert sorted(marks) == ours
    sentences = [(int(attrs["data-start"]), start, text) for tag, attrs, start, text in tree.inner
                 if tag == "span"]
    assert sorted(sentences) == sorted({(m.sentence_start, m.sentence_start, m.sentence)
                                        for m in mentions if m.doc is a})
    assert "<script>" not in out and "<img" not in out
    assert html.escape(XSS) in out


def test_highlighted_text_drops_overlaps_and_unresolved_names():
    d = Document("x.txt", "Near <Medininkai> & Vilnius. Then Grodno.")
    med = mention(d, "Medininkai", sample()[0][0].place)
    wide = mention(d, "<Medininkai> &", sample()[0][1].place)       # overlaps med
    unresolved = mention(d, "Grodno", None)
    out = highlighted_text(d, [wide, med, unresolved])
    assert out == ('<span class="gm-sentence" data-start="0">Near <mark data-place="593116" '
                   'tabindex="0">&lt;Medininkai&gt; &amp;</mark> Vilnius.</span> Then Grodno.')
    assert highlighted_text(d, []) == html.escape(d.text)


def test_place_ids_and_paths_are_escaped_in_attributes():
    mentions, _ = sample()
    m = mentions[0]
    odd = m.__class__(**{**m.__dict__, "place": m.place.__class__(
        **{**m.place.__dict__, "id": '"><b>'}), "doc": Document('a"<b>.txt', m.doc.text)})
    assert 'data-place="&quot;&gt;&lt;b&gt;"' in highlighted_text(odd.doc, [odd])
    assert show_in_text(odd) == (' <button type="button" class="gm-show" '
                                 'data-doc="a&quot;&lt;b&gt;.txt" data-start="7">show in text'
                                 '</button>')


def test_panel_documents_are_sorted_and_complete():
    mentions, documents = sample(XSS)
    extra = Document("news/0-empty.txt", "No places here.")
    docs = panel_documents([*documents[::-1], extra], mentions)
    assert [d["path"] for d in docs] == sorted(html.escape(d.path) for d in [*documents, extra])
    assert [d["title"] for d in docs] == ["0-empty.txt", html.escape(f"Alpha{XSS}"), "Beta"]
    assert [d["meta"] for d in docs] == ["0-empty.txt",
                                         "2021-08-01 · " + html.escape(documents[0].name), "b.txt"]
    assert docs[0]["text"] == "No places here."


def test_map_has_panel_links_and_registry():
    mentions, documents, incidents = panel_sample()
    page = render(mentions, documents, incidents)
    assert page.count('class="gm-doc-item"') == 3 and page.count('class="gm-doc-text"') == 3
    drawn = [*place_markers(mentions), *(k for layer in document_layers(mentions, documents)
                                         for k in layer.markers)]
    quoted = sum(len({(m.doc.path, m.sentence_start) for m in k.mentions}) for k in drawn)
    assert page.count('class=\\"gm-show\\"') == quoted    # one link per quoted sentence
    assert '"cur:dieveniskes": [circle_marker_' in page
    assert 'class="gm-from" value="2021-08-05"' in page
    assert 'class="gm-to" value="2021-08-17"' in page
    assert page.count('min="2021-08-05" max="2021-08-17"') == 2
    m = build_map(mentions, documents, borders=BORDERS, countries=COUNTRIES, incidents=incidents)
    places, entries = registered_layers(m)
    assert list(places) == sorted(places) and len(places["cur:dieveniskes"]) == 1 + 2
    assert [e["id"] for e in entries] == sorted(i.id for i in incidents)
    assert {e["date"] for e in entries} == {"2021-08-05", "2021-08-17", None}
    assert all(len(e["layers"]) == 3 for e in entries)    # symbol, line, border point


def test_no_time_control_without_incidents_and_no_panel_without_documents():
    mentions, documents = sample()
    page = render(mentions, documents)
    assert "gm-panel-map_00001" in page and "gm-time-map" not in page
    assert "gm-panel-map" not in render([], [])


def test_output_is_deterministic():
    mentions, documents, incidents = panel_sample()
    first = render(mentions, documents, incidents)
    shuffled = mentions[:]
    random.Random(2).shuffle(shuffled)
    assert render(shuffled, documents[::-1], incidents[::-1]) == first
    assert render(*panel_sample()) == first


def test_untrusted_text_cannot_break_out_of_the_panel():
    mentions, documents, incidents = panel_sample(XSS)
    page = render(mentions, documents, incidents)
    for raw in ("<script>alert(1)</script>", "<img", "onerror=alert(1)>"):
        assert raw not in page
    assert page.count("</script>") == page.count("<script>")


def test_fragment_scopes_the_panel_to_its_map():
    mentions, documents, incidents = panel_sample()
    m = build_map(mentions, documents, borders=BORDERS, countries=COUNTRIES, incidents=incidents)
    fragment = render_fragment(m, scope="gmtest")
    assert 'id="gm-panel-map_gmtest"' in fragment and 'id="gm-time-map_gmtest"' in fragment
    assert "#map_gmtest .gm-panel-body" in fragment
    assert 'registry["map_gmtest"]' in fragment and "map_00001" not in fragment
