import datetime as dt
import random

from geomap.model import BorderRelation, Document, Mention, Place
from geomap.render.layers import PlaceMarker, place_markers

VILNIUS = Place("593116", "Vilnius", 54.69, 25.28, "LT", "capital")
MINSK = Place("625144", "Minsk", 53.90, 27.57, "BY", "capital")
MEDININKAI = Place("597231", "Medininkai", 54.54, 25.65, "LT", "village")
NEAR = BorderRelation("LT", "LT-BY", 3.4, (54.53, 25.70))


def doc(path, text, title="", date=None):
    return Document(path=path, text=text, date=date, title=title)


def mention(d, word, place, *, nth=0, in_org=False, border=None):
    """A mention of the nth occurrence of ``word`` in ``d``, its sentence = the whole text."""
    start = -1
    for _ in range(nth + 1):
        start = d.text.index(word, start + 1)
    return Mention(doc=d, start=start, end=start + len(word), text=word, sentence=d.text,
                   sentence_start=0, place=place, confidence=0.9, border=border, in_org=in_org)


A = doc("b/a.txt", "Migrants near Medininkai. Vilnius and Medininkai again.", "Alpha", dt.date(2021, 8, 1))
B = doc("a/b.txt", "The State Border Committee of Belarus in Minsk. Medininkai too.", "Beta")
MENTIONS = [
    mention(A, "Medininkai", MEDININKAI, border=NEAR),
    mention(A, "Vilnius", VILNIUS),
    mention(A, "Medininkai", MEDININKAI, nth=1, border=NEAR),
    mention(B, "Belarus", None),                          # unresolved: not drawn
    mention(B, "Minsk", MINSK, in_org=True),              # only an organisation's name
    mention(B, "Medininkai", MEDININKAI, border=NEAR),
]


def by_name(markers):
    return {k.place.name: k for k in markers}


def test_one_marker_per_resolved_place():
    markers = place_markers(MENTIONS)
    assert all(isinstance(k, PlaceMarker) for k in markers)
    assert sorted(by_name(markers)) == ["Medininkai", "Minsk", "Vilnius"]


def test_marker_fields():
    k = by_name(place_markers(MENTIONS))["Medininkai"]
    assert k.count == 3
    assert [(m.doc.path, m.start) for m in k.mentions] == [("a/b.txt", B.text.index("Med")), ("b/a.txt", 14),
                                                          ("b/a.txt", 38)]
    assert [d.path for d in k.documents] == ["a/b.txt", "b/a.txt"]
    assert k.side == "LT" and k.border == NEAR and not k.org_only


def test_side_falls_back_to_the_place_country():
    k = by_name(place_markers(MENTIONS))["Vilnius"]
    assert k.border is None and k.side == "LT"


def test_org_only_place_is_drawn_without_size():
    k = by_name(place_markers(MENTIONS))["Minsk"]
    assert k.org_only and k.count == 0 and len(k.mentions) == 1


def test_org_mentions_are_dropped_when_the_place_has_others():
    org = mention(B, "Minsk", MINSK, in_org=True)
    plain = Mention(**{**org.__dict__, "in_org": False, "start": 0, "end": 5})
    k = place_markers([org, plain, org])[0]
    assert k.count == 1 and k.mentions == (plain,) and not k.org_only


def test_markers_sorted_big_first_then_by_name():
    assert [k.place.name for k in place_markers(MENTIONS)] == ["Medininkai", "Vilnius", "Minsk"]


def test_order_of_input_does_not_matter():
    shuffled = MENTIONS[:]
    random.Random(4).shuffle(shuffled)
    assert place_markers(shuffled) == place_markers(MENTIONS)


def test_nothing_to_draw():
    assert place_markers([]) == ()
    assert place_markers([mention(B, "Belarus", None)]) == ()


def test_focus_leaves_out_an_incident_far_from_the_border_whose_relation_is_unknown():
    from geomap.events.model import Incident
    from geomap.render.layers import focus_points

    zagan = Place("z", "Żagań", 51.62, 15.31, "PL", "town")
    far = BorderRelation("PL", "PL-BY", 545.0, (52.0, 23.5))
    d = doc("c.txt", "Guards detained migrants in Żagań.")
    markers = place_markers([*MENTIONS, mention(d, "Żagań", zagan, border=far)])
    incident = Incident("i", "detention", None, None, None, zagan, 1, None, ())
    near = Incident("j", "pushback", None, None, None, MEDININKAI, 1, NEAR, ())
    points = focus_points(markers, [incident, near])
    assert (zagan.lat, zagan.lon) not in points           # the marker knows it is 545 km away
    assert (MEDININKAI.lat, MEDININKAI.lon) in points
