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
