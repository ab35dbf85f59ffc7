"""Static PNG/SVG maps: drawn offline, deterministic, with labels, legend, scale and credits."""
import dataclasses
import re
import struct
from pathlib import Path

import pytest
from matplotlib.collections import PathCollection
from matplotlib.text import Text

from geomap.render.static import draw_map, save_map
from test_html import BORDERS, COUNTRIES, WORLD
from test_report import sample_incidents

GAZ = Path(__file__).resolve().parent.parent / "gazetteer"


def draw(payload="", **kw):
    mentions, _, incidents = sample_incidents(payload)
    incidents.append(dataclasses.replace(incidents[1], id="inc-3", place=None, border=None))
    return draw_map(mentions, incidents, borders=BORDERS, countries=COUNTRIES, world=WORLD,
                    **kw)


def texts_of(fig):
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


def overlapping_texts(fig):
    """Pairs of texts whose extents (matplotlib's renderer, after a full draw) overlap."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in texts_of(fig)]
    return [(a, b) for n, (a, ba) in enumerate(boxes) for b, bb in boxes[n + 1:]
            if ba.overlaps(bb)]


def png_size(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_png_has_the_requested_size_and_same_bytes_every_time(tmp_path):
    for name in ("a.png", "b.png"):
        save_map(draw(title="T", width=800, height=500), tmp_path / name, "png")
    data = (tmp_path / "a.png").read_bytes()
    assert png_size(data) == (800, 500)
    assert data == (tmp_path / "b.png").read_bytes()
    assert b"Software" not in data and b"Creation" not in data


def test_dpi_scales_the_image_not_the_layout(tmp_path):
    boxes = {}
    for dpi in (200, 600):
        fig = draw(title="T", width=800, height=500, dpi=dpi)
        save_map(fig, tmp_path / f"{dpi}.png", "png")
        renderer = fig.canvas.get_renderer()
        boxes[dpi] = sorted((t.get_text(), tuple(round(v / dpi, 2) for v in
                                                 t.get_window_extent(renderer).extents))
                            for t in texts_of(fig))
    assert png_size((tmp_path / "200.png").read_bytes()) == (800, 500)
    assert png_size((tmp_path / "600.png").read_bytes()) == (2400, 1500)
    assert [t for t, _ in boxes[200]] == [t for t, _ in boxes[600]]
    for (_, a), (_, b) in zip(boxes[200], boxes[600]):      # same place, in inches
        assert all(abs(x - y) < 0.03 for x, y in zip(a, b))


def test_svg_holds_labels_legend_scale_and_attribution(tmp_path):
    for name in ("a.svg", "b.svg"):
        save_map(draw("$x$ <b>", title="Cost $5 & more", width=1000, height=700, dpi=100),
                 tmp_path / name, "svg")
    svg = (tmp_path / "a.svg").read_text(encoding="utf-8")
    assert svg == (tmp_path / "b.svg").read_text(encoding="utf-8")
    texts = re.findall(r"<text\b[^>]*>([^<]*)", svg)
    for expected in ("Cost $5 &amp; more", "Medininkai$x$ &lt;b&gt;", "Vilnius", "Grodno",
                     "Pushback", "Detention", "2021-08-01 Pushback", "LT–BY border",
                     "3 incidents: 2 on the map, 1 without a place; 3 places"):
        assert expected in texts
    assert any(re.fullmatch(r"\d+ km", t) for t in texts)                    # scale bar
    assert any("GeoNames (CC BY 4.0)" in t for t in texts)
    assert "<b>" not in svg and "<dc:date>" not in svg


def test_missing_borders_and_outlines_are_not_drawn():
    mentions, _, incidents = sample_incidents()

    def shapes(**geodata):
        fig = draw_map(mentions, incidents, **geodata)
        return [c for c in fig.axes[0].collections if not isinstance(c, PathCollection)]

    assert len(shapes(borders=BORDERS, countries=COUNTRIES)) == 3   # land, two kinds of border
    assert shapes(borders=None, countries=None) == []


def test_bad_sizes_and_formats_are_refused(tmp_path):
    with pytest.raises(ValueError):
        draw(width=10)
    with pytest.raises(ValueError):
        save_map(draw(width=200, height=200, dpi=50), tmp_path / "x.pdf", "pdf")


def generated_corpus(n_places=500, n_incidents=300, seed=7):
    """Mentions of ``n_places`` real places near the borders (1-60 mentions each) and
    ``n_incidents`` incidents spread over 80 of them, a few without a place, as a corpus of
    thousands of articles gives."""
    import csv
    import datetime as dt
    import random
    from pathlib import Path

    from geomap.events.model import Incident
    from geomap.model import BorderRelation, Document, Mention, Place

    rnd = random.Random(seed)
    rows = csv.DictReader(open(Path(__file__).parent.parent / "gazetteer" / "geonames.csv",
                               encoding="utf-8"))
    places = [Place(r["id"], r["name"], float(r["lat"]), float(r["lon"]), r["country"],
                    r["kind"]) for r in rows
              if r["country"] in ("LT", "BY", "PL", "LV")
              and 52.0 < float(r["lat"]) < 56.5 and 22.0 < float(r["lon"]) < 28.5]
    places = rnd.sample(sorted(places, key=lambda p: p.id), n_places)
    doc = Document("corpus/a.txt", "x", None, "A")
    mentions = []
    relation = {}
    for p in places:
        relation[p.id] = BorderRelation(p.country, "LT-BY", rnd.uniform(0.5, 200), (p.lat, p.lon))
        for _ in range(rnd.randint(1, 60)):
            mentions.append(Mention(doc, 0, 1, p.name, "x", 0, p, 1.0, (), relation[p.id]))
    types = ["pushback", "border_violation", "crossing", "detention", "death", "other"]
    hot = places[:80]
    incidents = []
    for n in range(n_incidents):
        p = None if n % 50 == 0 else rnd.choice(hot)
        incidents.append(Incident(f"inc-{n}", rnd.choice(types), None,
                                  dt.date(2021, 1, 1) + dt.timedelta(days=rnd.randint(0, 900)),
                                  "day", p, 1, relation[p.id] if p else None, ()))
    return mentions, incidents


@pytest.fixture(scope="module")
def corpus_map():
    """The generated corpus, the shipped display outlines and one drawing of them: drawn
    once for the PNG and SVG tests (~3 s of CPU a drawing; the SVG test uses Chromium: the
    xdist_group "browser" keeps both on the test process of the browser tests)."""
    from geomap.border import display_geodata

    mentions, incidents = generated_corpus()
    geodata = display_geodata(GAZ)
    return mentions, incidents, geodata, draw_map(mentions, incidents,
                                                  title="A generated corpus", **geodata)


@pytest.mark.slow
@pytest.mark.xdist_group("browser")
def test_generated_corpus_png_has_no_overlapping_labels(tmp_path, corpus_map):
    from geomap.render.static import incident_places

    mentions, incidents, geodata, fig = corpus_map
    assert overlapping_texts(fig) == []
    labels = [t.get_text() for t in texts_of(fig)]
    assert len(labels) >= 60
    assert "300 incidents: 294 on the map, 6 without a place; 500 places" in labels
    groups = incident_places(incidents)
    assert len(groups) == 80 and sum(len(g.incidents) for g in groups) == 294
    names = {t.split("\n")[0] for t in labels}
    assert sum(g.place.name in names for g in groups) >= 40     # names before details
    assert sum("\n" in t and " incidents, " in t for t in labels) >= 5   # details where room
    save_map(fig, tmp_path / "a.png", "png")
    save_map(draw_map(mentions, incidents, title="A generated corpus", **geodata),
             tmp_path / "b.png", "png")                         # drawn again: same bytes
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()


def test_seed_map_png_has_no_overlapping_labels():
    from geomap.api import analyse, as_documents
    from geomap.extract import Extractor

    a = analyse(as_documents(sorted(GAZ.parent.joinpath("seeds").glob("*.txt"))),
                Extractor.from_directory(None))
    fig = draw_map(a.mentions, a.incidents, **a.geodata)
    assert overlapping_texts(fig) == []
    labels = "\n".join(t.get_text() for t in texts_of(fig))
    assert "2021-08-17" in labels and "on the map" in labels


def test_png_does_not_import_folium():
    import subprocess
    import sys

    code = ("import sys, geomap.render.static as s, geomap.cli.map_cmd; "
            "print('folium' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_circle_areas_follow_the_mentions_up_to_the_most_mentioned_place():
    from geomap.render.static import PLACE_SIZE, place_size

    assert place_size(1900, 1900) == PLACE_SIZE[1] and place_size(0, 1900) == PLACE_SIZE[0]
    sizes = [place_size(n, 1900) for n in (1, 10, 100, 700, 1900)]
    assert sizes == sorted(sizes) and len(set(sizes)) == 5
    low = PLACE_SIZE[0]
    assert abs((place_size(400, 1600) - low) / (place_size(1600, 1600) - low) - 0.5) < 1e-9


def test_incident_places_outside_the_view_are_named_not_drawn_at_the_edge():
    from matplotlib.lines import Line2D

    from geomap.model import BorderRelation, Place
    from geomap.render.static import MARKERS

    mentions, _, incidents = sample_incidents()
    zagan = Place("z", "Żagań", 51.62, 15.31, "PL", "town")
    far = dataclasses.replace(incidents[1], id="inc-9", place=zagan,
                              border=BorderRelation("PL", "PL-BY", 545.0, (52.0, 23.5)))
    fig = draw_map(mentions, incidents + [far], borders=BORDERS, countries=COUNTRIES,
                   world=WORLD, width=1000, height=700)
    texts = [t.get_text() for t in texts_of(fig)]
    assert "3 incidents: 2 on the map, 1 at places outside this view (Żagań); 3 places" in texts
    assert not any("Żagań" in t for t in texts if "incidents:" not in t)
    symbols = [line for line in fig.axes[0].get_lines()
               if line.get_marker() in MARKERS.values() and len(line.get_xdata()) == 1]
    assert len(symbols) == 2                            # Medininkai and Grodno only
    assert all(isinstance(s, Line2D) for s in symbols)


def test_the_legend_goes_where_it_hides_no_incident():
    fig = draw("", title="T", width=1000, height=700)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    legend = ax.get_legend().get_window_extent(renderer)
    symbols = [line.get_window_extent(renderer) for line in ax.get_lines()
               if len(line.get_xdata()) == 1 and line.get_marker() not in ("None", None, "")]
    assert symbols and not any(legend.overlaps(s) for s in symbols)


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.xdist_group("browser")
def test_generated_corpus_svg_has_no_overlapping_texts_in_chromium(offline_page, tmp_path,
                                                                   corpus_map):
    save_map(corpus_map[3], tmp_path / "map.svg", "svg")
    page = offline_page.page
    page.goto((tmp_path / "map.svg").as_uri())
    texts, overlaps = page.evaluate("""() => {
      const boxes = [...document.querySelectorAll('text')].filter(t => t.textContent.trim())
        .map(t => t.getBoundingClientRect()).filter(b => b.width > 0 && b.height > 0);
      let n = 0;
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
            Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5) n++;
      }
      return [boxes.length, n];
    }""")
    assert texts >= 60 and overlaps == 0
    assert offline_page.errors == [] and offline_page.blocked == []
