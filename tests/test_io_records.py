"""Output records of mentions: fields, order, and the memoised place fields."""
from dataclasses import replace

import pytest

from geomap.model import BorderRelation, Document, Mention, Place, new_mention
from geomap.io.records import MENTION_FIELDS, mention_record

DOC = Document("a.txt", "Near Dieveniškės.")
PLACE = Place("cur:dieveniskes", "Dieveniškės", 54.196, 25.620, "LT", "village", 700, "curated")
BORDER = BorderRelation("LT", "LT-BY", 4.123456, (54.18, 25.66))
MENTION = Mention(DOC, 5, 16, "Dieveniškės", "Near Dieveniškės.", 0, PLACE, 0.9, (), BORDER)


def test_new_mention_equals_the_dataclass_constructor():
    m = new_mention(*(getattr(MENTION, f) for f in MENTION.__dataclass_fields__))
    assert m == MENTION and hash(m) == hash(MENTION) and replace(m, end=6).end == 6
    with pytest.raises(AttributeError):
        m.start = 1                                     # still frozen


def test_mention_record_fields_in_order():
    rec = mention_record(MENTION)
    assert tuple(rec) == MENTION_FIELDS
    assert rec["lat"] == 54.196 and rec["lon"] == 25.620 and rec["border_km"] == 4.12
    assert rec["side"] == "LT" and rec["name"] == "Dieveniškės" and rec["in_org"] is False


@pytest.mark.parametrize("place, border", [(None, None), (PLACE, None)])
def test_mention_record_without_place_or_border(place, border):
    rec = mention_record(replace(MENTION, place=place, border=border))
    assert tuple(rec) == MENTION_FIELDS
    assert rec["side"] is None and rec["border_km"] is None
    assert (rec["lat"] is None) == (place is None) and rec["text"] == "Dieveniškės"


def test_mention_record_names_the_page_it_comes_from():
    assert mention_record(MENTION)["url"] is None
    page = replace(DOC, url="https://news.example/a?id=1", site="Example News")
    assert mention_record(replace(MENTION, doc=page))["url"] == "https://news.example/a?id=1"


def test_incident_sources_carry_site_and_url_and_the_csv_lists_the_urls():
    import dataclasses

    from geomap.io.incidents import CSV_FIELDS, csv_record, incident_record
    from test_report import sample_incidents

    _, (a, b), incidents = sample_incidents()
    page = dataclasses.replace(a, url="https://news.example/a", site="Example News")
    first = incidents[0]
    events = (dataclasses.replace(first.events[0], doc=page), first.events[1])
    rec = incident_record(dataclasses.replace(first, events=events))
    assert [(s["site"], s["url"]) for s in rec["sources"]] == [
        ("Example News", "https://news.example/a"), (None, None)]
    row = csv_record(rec)
    assert tuple(row) == CSV_FIELDS and row["urls"] == "https://news.example/a; "
    assert csv_record(incident_record(incidents[1]))["urls"] is None


def _lines_expected(mentions):
    from geomap.io.writers import jsonl_bytes

    return jsonl_bytes([mention_record(m) for m in mentions])


def _mentions_of_every_kind():
    """Mentions with strings needing every JSON escape, astral and non-ASCII letters, numbers
    that Python and orjson write alike and differently, with and without place, border, URL."""
    import random

    rng = random.Random(7)
    texts = ['Vilnius', 'a "quoted" \\ back\\slash', "tab\tnew\nline\r\x00\x01\x1f\x7f\x08\x0c",
             "Dieveniškės – „Минск“ \u2028 \ufeff 😀 𝔸"]
    confidences = [0.0, -0.0, 1.0, 0.5, 0.333, 1e-05, 9.99e-05, 0.0001, 1e16, 123456789.125,
                   float("inf"), float("nan"), 1, 2 ** 62, True]
    confidences += [rng.uniform(0, 1) * 10 ** rng.randint(-6, 17) for _ in range(200)]
    other = BorderRelation("BY", "LT-BY", 0.004999, (54.0, 25.0))
    docs = [DOC, replace(DOC, path='dir/"odd"\\name\n.txt', url="https://x.example/?q=\"1\""),
            replace(DOC, url="")]
    out = []
    for k, c in enumerate(confidences):
        place = (PLACE, None, replace(PLACE, name="Ša\"l\\č\n", lat=1e-7, lon=-0.0))[k % 3]
        border = (BORDER, None, other)[k % 4 % 3]
        out.append(new_mention(docs[k % 3], k, k + 10 ** (k % 12), texts[k % 4],
                               texts[(k + 1) % 4], 0, place if k % 5 else None, c, (),
                               border, bool(k % 2)))
    return out


def test_mention_lines_are_the_records_as_json_lines():
    from geomap.io.records import mention_lines

    mentions = _mentions_of_every_kind()
    assert mention_lines(mentions) == _lines_expected(mentions)
    assert mention_lines(mentions[:1]) + mention_lines(mentions[1:]) == _lines_expected(mentions)
    assert mention_lines([]) == b""


def test_mention_lines_compiled_equal_the_python_rules():
    import orjson

    from geomap.accel import compiled
    from geomap.io import records

    if compiled is None:
        pytest.skip("compiled scanners not built")
    mentions = _mentions_of_every_kind()
    places: dict = {}
    got = compiled.mention_lines(mentions, places, records._place_json, orjson.dumps)
    assert got == _lines_expected(mentions)
    # The memo answers by id(place) only for the same place and border objects.
    same = replace(PLACE)
    assert compiled.mention_lines([replace(MENTION, place=same)], places, records._place_json,
                                  orjson.dumps) == _lines_expected([replace(MENTION, place=same)])
    for bad in (replace(MENTION, text="\ud800"), replace(MENTION, start=2 ** 70)):
        with pytest.raises(TypeError):                  # orjson's error, as without it
            compiled.mention_lines([bad], places, records._place_json, orjson.dumps)
        with pytest.raises(TypeError):
            _lines_expected([bad])
