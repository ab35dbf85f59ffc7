from geomap.render.theme import highlight, marker_radius


def test_marker_radius():
    assert marker_radius(0) == 5
    assert marker_radius(1) == 8
    assert marker_radius(4) == 11
    assert marker_radius(10_000) == 25
    radii = [marker_radius(n) for n in range(60)]
    assert radii == sorted(radii)


def test_highlight_escapes_each_piece():
    assert highlight("a <b> c", [(2, 5)]) == "a <mark>&lt;b&gt;</mark> c"
    assert highlight("x & y & z", [(4, 5), (0, 1)]) == \
        "<mark>x</mark> &amp; <mark>y</mark> &amp; z"
    assert highlight('"q"', [(1, 2), (1, 2), (0, 9)]) == "<mark>&quot;q&quot;</mark>"
    assert highlight('"q"', [(1, 2), (1, 2)]) == "&quot;<mark>q</mark>&quot;"
    assert highlight("abc", [(5, 9)]) == "abc"
