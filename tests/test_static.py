"""Static PNG/SVG maps: drawn offline, deterministic, with labels, legend, scale and credits."""
import re
import struct

import pytest

from geomap.render.static import draw_map, save_map
from test_html import BORDERS, COUNTRIES, WORLD
from test_report import sample_incidents


def draw(payload="", **kw):
    mentions, _, incidents = sample_incidents(payload)
    return draw_map(mentions, incidents, borders=BORDERS, countries=COUNTRIES, world=WORLD,
                    **kw)


def png_size(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_png_has_the_requested_size_and_same_bytes_every_time(tmp_path):
    for name in ("a.png", "b.png"):
        save_map(draw(title="T", width=800, height=500, dpi=100), tmp_path / name, "png")
    data = (tmp_path / "a.png").read_bytes()
    assert png_size(data) == (800, 500)
    assert data == (tmp_path / "b.png").read_bytes()
    assert b"Software" not in data and b"Creation" not in data


def test_svg_holds_labels_legend_scale_and_attribution(tmp_path):
    for name in ("a.svg", "b.svg"):
        save_map(draw("$x$ <b>", title="Cost $5 & more", width=1000, height=700, dpi=100),
                 tmp_path / name, "svg")
    svg = (tmp_path / "a.svg").read_text(encoding="utf-8")
    assert svg == (tmp_path / "b.svg").read_text(encoding="utf-8")
    texts = re.findall(r"<text\b[^>]*>([^<]*)", svg)
    for expected in ("Cost $5 &amp; more", "Medininkai$x$ &lt;b&gt;", "Vilnius", "Grodno",
                     "Pushback", "Detention", "2021-08-01 Pushback", "LT–BY border"):
        assert expected in texts
    assert any(re.fullmatch(r"\d+ km", t) for t in texts)                    # scale bar
    assert any("GeoNames (CC BY 4.0)" in t for t in texts)
    assert "<b>" not in svg and "<dc:date>" not in svg


def test_bad_sizes_and_formats_are_refused(tmp_path):
    with pytest.raises(ValueError):
        draw(width=10)
    with pytest.raises(ValueError):
        save_map(draw(width=200, height=200, dpi=50), tmp_path / "x.pdf", "pdf")
