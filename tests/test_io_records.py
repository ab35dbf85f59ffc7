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
