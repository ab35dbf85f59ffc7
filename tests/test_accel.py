"""The compiled scanners (geomap/_speedups.c) follow the Python rules exactly."""
import os
import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geomap import mentions, texts
from geomap.extract import Extractor
from geomap.mentions import scan_words
from geomap.model import Document
from geomap.texts import sentence_spans_py

speedups = pytest.importorskip("geomap._speedups", reason="built without a C compiler")

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(os.environ.get("GEOMAP_EVAL_DIR", ROOT.parent / "shared" / "eval")) / "dev"


def same_scan(text: str) -> None:
    words, gaps, caps, starts = speedups.scan(text)
    py_words, py_gaps, py_caps, py_starts = scan_words(text)
    assert (words, gaps, caps) == (py_words, py_gaps, py_caps)
    assert starts == {i: py_starts[i] for i in py_caps}
    assert "".join(g + w for g, w in zip(gaps, words)) + gaps[-1] == text


def test_every_bmp_character_is_a_letter_or_not_alike():
    chars = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000]
    for k in range(0, len(chars), 4096):
        same_scan(" ".join(chars[k:k + 4096]))
        same_scan("".join(chars[k:k + 4096]))


def test_glue_classes_alike_for_every_bmp_letter():
    for c in map(chr, range(0x10000)):
        if c.isalpha():
            same_scan(f"abcx{c}yz")      # c as the upper-case letter of a glued pair
            same_scan(f"abc{c}Dyz")      # c as the lower-case letter


@pytest.mark.parametrize("text", [
    "", " ", "x", "A", "12", "Vilnius", " Vilnius. ", "ŠalčininkųDieveniškės", "MichałówAgnieszka",
    "abCdef", "abcDe", "abcDef", "aaaBbbCccDdd", "ВильнюсМинск", "a_b", "x\U0001d400y A\U00010400B",
    "Grodno²x", "e\u0301 É", "\ud800abc",
])
def test_edge_cases(text):
    same_scan(text)
    assert speedups.sentence_spans(text) == sentence_spans_py(text)


TEXT = st.text(alphabet=st.sampled_from(
    list(string.ascii_letters + string.digits + " \n\t.,!?-_'\"()") +
    list("…“”‘’«»ŠšŽžĄąŁłÓóЁёЙйІіЎўАаЯяßÿ\u00a0\u2028\U0001d400\U00010400")), max_size=200)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_scan_matches_the_python_rules(text):
    same_scan(text)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_sentence_spans_match_the_python_rules(text):
    assert speedups.sentence_spans(text) == sentence_spans_py(text)


def test_every_character_after_a_full_stop():
    for c in map(chr, range(0x3000)):
        for text in (f"One. {c}two", f"One.{c} Two", f"One! ({c}", f"One.\n{c} x"):
            assert speedups.sentence_spans(text) == sentence_spans_py(text), repr(text)


@pytest.mark.slow
def test_extraction_is_identical_in_pure_python(monkeypatch):
    """The seeds and (when present) the evaluation texts."""
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted(EVAL.glob("*.txt"))
    docs = [Document(str(p), p.read_text(encoding="utf-8")) for p in paths]
    extractor = Extractor.from_directory(ROOT / "gazetteer")
    compiled = [extractor.extract(d) for d in docs]
    monkeypatch.setattr(mentions, "_scan", scan_words)
    monkeypatch.setattr(mentions, "sentence_spans", sentence_spans_py)
    assert [extractor.extract(d) for d in docs] == compiled
    assert sum(map(len, compiled)) > 50
    assert texts.split_sentences is speedups.sentence_spans
