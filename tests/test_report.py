"""The HTML report: content, escaping, determinism, print styles, and the PDF printer."""
import dataclasses
import datetime as dt
import json
import os
import re
from pathlib import Path

import pytest
from markupsafe import escape

from geomap.api import Analysis
from geomap.events.model import Count, Event, Evidence, Incident
from geomap.model import BorderRelation
from geomap.errors import GeomapError
from geomap.render.page import QUOTED_SOURCES
from geomap.render.report import (INSTALL_HINT, build_report, find_chromium, print_pdf,
                                  write_report)
from test_html import BORDERS, COUNTRIES, WORLD, XSS, sample

NEAR = BorderRelation("LT", "LT-BY", 3.4, (54.53, 25.70))


def evidence(doc, word, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(word, start + 1)
    s0 = doc.text.rfind(". ", 0, start) + 2 if ". " in doc.text[:start] else 0
    s1 = doc.text.find(". ", start)
    end = len(doc.text) if s1 < 0 else s1 + 1
    return Evidence(start, start + len(word), word, doc.text[s0:end])


def sample_incidents(payload=""):
    """(mentions, documents, incidents): a pushback near Medininkai reported by both
    documents (2 and 12 people) and an undated detention in Grodno."""
    mentions, (a, b) = sample(payload)
    stopped = evidence(a, "stopped")
    push = Event(doc=a, type="pushback", subtype=None, kinds=(("pushback", None),),
                 date=dt.date(2021, 8, 1), date_precision="day", place=mentions[0],
                 geo_precision=1, counts=(Count(12, "migrants", evidence(a, "Migrants")),),
                 actors=(f"Belarusian officers{payload}",), claim_sources=(f"VSAT{payload}",),
                 triggers=(stopped,), date_evidence=None, primary=True)
    echo = Event(doc=b, type="pushback", subtype=None, kinds=(("pushback", None),), date=None,
                 date_precision=None, place=mentions[5], geo_precision=1,
                 counts=(Count(2, "officers", evidence(b, "Medininkai")),), actors=(),
                 claim_sources=(), triggers=(evidence(b, "too"),), date_evidence=None,
                 primary=False)
    calm = Event(doc=b, type="detention", subtype=None, kinds=(("detention", None),), date=None,
                 date_precision=None, place=mentions[4], geo_precision=2, counts=(),
                 actors=(), claim_sources=(), triggers=(evidence(b, "calm"),),
                 date_evidence=None, primary=True)
    incidents = [
        Incident("inc-1", "pushback", None, dt.date(2021, 8, 1), "day", mentions[0].place, 1,
                 NEAR, (push, echo)),
        Incident("inc-2", "detention", None, None, None, mentions[4].place, 2,
                 mentions[4].border, (calm,)),
    ]
    return mentions, [a, b], incidents


def analysis(payload="", world=None):
    mentions, documents, incidents = sample_incidents(payload)
    return Analysis(tuple(documents), tuple(mentions), tuple(incidents),
                    {"borders": BORDERS, "countries": COUNTRIES, "world": world},
                    Path("gazetteer"))


def test_report_has_every_section():
    page = build_report(analysis(), title="Border report")
    for anchor in ("map", "incidents", "evidence", "places", "documents", "methods"):
        assert f'<section id="{anchor}">' in page
    assert "<h1>Border report</h1>" in page and "<title>Border report</title>" in page
    assert '<div class="gm-embed" id="gm' in page and "L.map(" in page
    rows = re.findall(r'<tr id="incident-(\d+)">(.*?)</tr>', page, re.S)
    assert [n for n, _ in rows] == ["1", "2"]
    first = re.sub(r"<[^>]+>", "|", rows[0][1])
    for cell in ("2021-08-01", "Pushback", "Medininkai", "Lithuania", "3.4 km (LT-BY)",
                 "12 migrants, 2 officers", "a.txt; b.txt"):
        assert cell in first
    assert "undated" in rows[1][1] and "Detention" in rows[1][1]
    assert "<mark>Migrants</mark> were <mark>stopped</mark> near <mark>Medininkai</mark>." in page
    assert "Reported by: VSAT." in page and "Actors: Belarusian officers." in page
    assert "2021-08-01 (1 undated)" in page
    assert "GeoNames (CC BY 4.0)" in page and "OpenStreetMap contributors (ODbL)" in page
    assert "@media print" in page and "@page" in page


def test_report_is_deterministic_and_self_contained(tmp_path):
    write_report(analysis(world=WORLD), tmp_path / "a.html")
    write_report(analysis(world=WORLD), tmp_path / "b.html")
    page = (tmp_path / "a.html").read_text(encoding="utf-8")
    assert page == (tmp_path / "b.html").read_text(encoding="utf-8")
    assert not re.search(r"<(script|link|img)\b[^>]*\b(src|href)=", page)
    assert not re.search(r"\b20\d\d-\d\d-\d\dT\d\d:", page)      # no timestamps


def test_report_escapes_article_text():
    page = build_report(analysis(XSS), title=f"Report{XSS}")
    for raw in ("<script>alert(1)</script>", "<img", "onerror=alert(1)>"):
        assert raw not in page
    assert f"<h1>Report{escape(XSS)}</h1>" in page
    assert escape(f"VSAT{XSS}") in page


def test_pdf_without_chromium_says_how_to_install(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("GEOMAP_CHROMIUM", raising=False)
    monkeypatch.setattr("geomap.render.report.CHROMIUM_PATHS", ())
    assert find_chromium() is None
    with pytest.raises(GeomapError, match="apt-get install chromium") as err:
        print_pdf(tmp_path / "r.html", tmp_path / "r.pdf")
    assert str(err.value) == INSTALL_HINT.format(html=tmp_path / "r.html")


@pytest.mark.browser
@pytest.mark.skipif(not os.path.exists("/usr/bin/chromium"), reason="needs /usr/bin/chromium")
def test_pdf_is_printed(tmp_path):
    write_report(analysis(), tmp_path / "r.html")
    print_pdf(tmp_path / "r.html", tmp_path / "out" / "r.pdf", chromium="/usr/bin/chromium")
    data = (tmp_path / "out" / "r.pdf").read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 20_000


def test_report_counts_incidents_without_a_place():
    a = analysis()
    lost = dataclasses.replace(a.incidents[1], id="inc-3", place=None, border=None)
    page = build_report(dataclasses.replace(a, incidents=a.incidents + (lost,)))
    assert "<td>2 on the map, 1 without a place</td>" in page


def embedded_docs(page):
    """The document table of the report's map."""
    found = re.findall(r'<script type="application/json" id="gm-data-[^"]+">(.*?)</script>',
                       page, re.S)
    assert len(found) == 1
    return json.loads(found[0])["docs"]


def test_report_follows_the_texts_budget_of_the_map():
    a = analysis()
    full, excerpts, none = (embedded_docs(build_report(a, texts=t))
                            for t in ("full", "excerpts", "none"))
    assert full["text"] == [d.text for d in a.documents] and full["excerpt"] == [0, 0]
    assert excerpts["excerpt"] == [1, 1] and "Medininkai" in excerpts["text"][0]
    assert none["text"] == [None, None] and none["title"] == full["title"]
    with pytest.raises(ValueError, match="texts must be one of"):
        build_report(a, texts="some")


def wire_copies(n):
    """An analysis whose first incident rests on ``n`` copies of one wire story."""
    a = analysis()
    push = a.incidents[0].events[0]
    copies = [dataclasses.replace(push, doc=dataclasses.replace(push.doc, path=f"wire/{k}.txt"))
              for k in range(n)]
    incident = dataclasses.replace(a.incidents[0], events=tuple(copies))
    return dataclasses.replace(a, incidents=(incident,))


def test_report_quotes_wire_copies_once_unless_texts_are_full():
    a = wire_copies(QUOTED_SOURCES + 5)
    quote = "<mark>Migrants</mark> were <mark>stopped</mark> near <mark>Medininkai</mark>."
    evidence = re.search(r'<section id="evidence">(.*?)</section>', build_report(a), re.S)[1]
    assert evidence.count(quote) == QUOTED_SOURCES + 5
    for texts in ("excerpts", "none"):
        evidence = re.search(r'<section id="evidence">(.*?)</section>',
                             build_report(a, texts=texts), re.S)[1]
        assert evidence.count(quote) == 1                   # quoted once
        assert evidence.count('<div class="source">') == QUOTED_SOURCES + 5   # every source
        assert f"({QUOTED_SOURCES + 4}.txt)" in evidence


def test_report_is_written_in_pieces_around_the_whole_map(monkeypatch, tmp_path):
    import geomap.render.html as h
    from geomap.render.embed import render_fragment
    from geomap.render.html import build_map
    from geomap.render.report import MAP_HEIGHT, report_parts

    monkeypatch.setattr(h, "CHUNK", 11)             # the map's data in many slices
    a = analysis()
    parts = list(report_parts(a))
    page = "".join(parts)
    fmap = build_map(a.mentions, a.documents, title=None, incidents=a.incidents,
                     unplaced=a.unplaced, **a.geodata)
    assert len(parts) > 10 and render_fragment(fmap, height=MAP_HEIGHT) in page
    assert h.HOLE not in page
    write_report(a, tmp_path / "r.html")
    assert (tmp_path / "r.html").read_text(encoding="utf-8") == page
    # a text that holds the marker (here a title): the page is made whole, the map in it
    odd = build_report(a, title=f"x{h.HOLE}y")
    assert render_fragment(fmap, height=MAP_HEIGHT) in odd and odd.count(h.HOLE) == 2
