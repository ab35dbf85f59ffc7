"""Property-based tests: hostile text never crashes reading, extraction or incident extraction.

A fixed seed and a modest example count keep the suite fast; set GEOMAP_FUZZ_EXAMPLES (e.g.
2000) for a longer run.
"""
import os

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from geomap.errors import InputError
from geomap.incidents import extract_events
from geomap.mentions import Recogniser
from geomap.resolve import Resolver
from geomap.texts import decode, make_document

from gazetteer_fixture import gazetteer

EXAMPLES = int(os.environ.get("GEOMAP_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])
REC = Recogniser(gazetteer())
RES = Resolver()

PLACE_WORDS = ["Vilnius", "Minsk", "Dieveniškės", "Bruzgi-Kuznica", "Минске", "Michałowie",
               "VILNIUS", "Lithuania", "Belarus", "Police", "Šalčininkai district", "Baghdad-Minsk"]
NOISE = ["\u202e", "\u0301", "\x00", "\r", "\r\n", "\ufeff", " date 2021-13-45 ", "<script>",
         "’s", "-", "–", "\"", "«", "»", "12", "1 000", "2021-08-17", ".", "\n\n", "\t"]
texts = st.lists(st.one_of(st.sampled_from(PLACE_WORDS), st.sampled_from(NOISE), st.text(max_size=12)),
                 max_size=40).map(" ".join)


def check_mentions(doc):
    mentions = RES.resolve(doc, REC.find(doc))
    last_end = -1
    for m in mentions:
        assert 0 <= m.start < m.end <= len(doc.text)
        assert doc.text[m.start:m.end] == m.text
        assert m.start >= last_end                       # ordered, non-overlapping
        last_end = m.end
        assert doc.text[m.sentence_start:m.sentence_start + len(m.sentence)] == m.sentence
        assert m.place is not None and 0 < m.confidence <= 1
    return mentions


@seed(20211117)
@FUZZ
@given(texts)
def test_extraction_never_crashes_and_offsets_hold(text):
    doc = make_document("fuzz.txt", text)
    mentions = check_mentions(doc)
    for event in extract_events(doc, mentions, 2021):
        assert event.date is None or event.date.year > 1900


@seed(20211118)
@FUZZ
@given(st.binary(max_size=300))
def test_decoding_arbitrary_bytes_works_or_raises_input_error(data):
    try:
        text = decode(data, "x.bin")
    except InputError as exc:
        assert "x.bin" in str(exc) and "\n" not in str(exc)
        return
    check_mentions(make_document("x.bin", text))


@seed(20211119)
@FUZZ
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_any_unicode_text(text):
    check_mentions(make_document("u.txt", text))


def test_large_inputs_stay_linear():
    doc = make_document("big.txt", "Migrants near Dieveniškės. " * 20_000)
    assert len(REC.find(doc)) == 20_000
    one_line = make_document("line.txt", ("Vilnius " + "x" * 200) * 5_000)
    assert len(REC.find(one_line)) == 5_000
