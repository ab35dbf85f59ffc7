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

pytestmark = pytest.mark.usefixtures("compiled_once")   # loading is not under test

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
    extractor = Extractor.from_directory()
    compiled = [extractor.extract(d) for d in docs]
    monkeypatch.setattr(mentions, "_scan", scan_words)
    monkeypatch.setattr(mentions, "sentence_spans", sentence_spans_py)
    monkeypatch.setattr(mentions, "_find", None)
    assert [extractor.extract(d) for d in docs] == compiled
    assert sum(map(len, compiled)) > 50
    assert texts.split_sentences is speedups.sentence_spans


# Words that move the recogniser's context rules: names (inflected, multi-word, all capitals,
# one letter off), prepositions, titles, first names and surnames, venues, organisations,
# designators, kind cues, particles, quotes, initials and web addresses.
RULE_WORDS = """
    Vilnius Vilniaus Minsk MINSK Minske Grodno Hrodna Lithuania Lithuanian Belarus Poland Polsce
    Šalčininkai Salcininkai Dieveniškės Dieveniskes Bruzgi Kuźnica Kuznica Bruzgi-Kuznica
    Druskininkai Druskininkuose Białystok Białymstoku Michałowo Michałowie Krynki Riga Latvia
    Daugavpils Varėna Varėnos Terespol Brest Paris London Lida Augšdaugava Augšdaugavas Zilupe
    Vilnuis Grodnoo Salcininkaii US EU UK LT PL BY RU Mobile Police police
    in near at from to w we pod на в под из i prie pie of for the a and
    Mr President Minister General Gen St Saint Dr Pan
    Vladimir Putin Alexander Lukashenko Kasia Marek Nazarko Paris Hilton Anna Igor Smith
    hotel Hotel hotels restaurant club ferry Restaurant
    Committee Ministry Embassy Radio TVP Gazeta Border Guard Guards Service Team Unit Airlines
    University Agency News Times Azot Group Bank border pasienio rinktinė užkarda oddział
    отряд погранотряд комитет Комитет MSZ ministerija
    district District region Region rajonas rajono raion municipality novads novada oblast
    Oblast voivodeship apskritis gmina county
    checkpoint crossing camp village kaimas wieś деревня lager
    nad de la von am der Frankfurt Oder Nowy Dwór Sokółka
    G. A. B. K.
    Hrodna.life delfi.lt Minsk.by www
    Airport airport International like Białostocka Odrą
""".split()
SEPARATORS = [" ", " ", " ", "  ", "\n", ", ", ". ", " - ", "-", " – ", "\u00a0", " \"", "\" ",
              " “", "” ", " «", "» ", " '", "' ", " (", ") ", "! ", "? ", ": ", " „", "\n\n"]


@pytest.fixture(scope="module")
def recogniser():
    return Extractor.from_directory(with_borders=False).recogniser


def python_find(rec, doc):
    saved = mentions._find
    mentions._find = None
    try:
        return rec.find(doc)
    finally:
        mentions._find = saved


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(RULE_WORDS), st.sampled_from(SEPARATORS)),
                max_size=40))
def test_find_matches_the_python_rules(recogniser, pairs):
    doc = Document("t", "".join(w + sep for w, sep in pairs))
    assert recogniser.find(doc) == python_find(recogniser, doc)


# One sentence or more for each context rule (and the texts of the seeds).
RULE_TEXTS = [
    'They stayed in hotels like "Minsk," "Renaissance" and "Belarus".',
    "Rooms at the Hotel Minsk were full. The cheapest Minsk hotels.", "The Minsk Hotel Group",
    "in Grodnoo, near Vilnuis, at Druskininkaj; Grodnoo, Vilnuis, Salcininkaii",
    "«Гродно» and „Vilnius” and ‚Riga‘ and 'Varėna' club",
    "border guards of G. Salcininkai said; Presidents Vladimir Putin and Berlin Lukashenko",
    "Kasia Krynki, a volunteer, said; Paris Hilton; Riga Latvia; Lida Airport; Mr Minsk",
    "Bruzgi-Kuznica, Bruzgi - Kuźnica, Bruzgi – Kuźnica, Kuźnica Białostocka-Grodno, "
    "Bruzgi  -  Kuznica, Bruzgi\u00a0–\u00a0Kuźnica, Grodno\n-\nKuznica, "
    "Kuźnica\nBiałostocka, Kuźnica\n\nBiałostocka, Kuźnica \u00a0Białostocka",
    "in Šalčininkai district, the Varėnos rajono, Augšdaugavas novada Salienas pagastā, "
    "Grodno region, near the Kuźnica checkpoint, the Bruzgi camp, the village of Dieveniškės",
    "Varėna border team, Radio Białystok, TVP Białystok, the Ministry of Poland, "
    "Hrodna.life reported, Minsk.by, комитет Белоруссии, MSZ Polski, Vilnius University",
    "Frankfurt an der Oder, Frankfurt nad Odrą, Nowy Dwór, Sokółka, Vilnuis, Druskininkuose",
    "VILNIUS (Reuters) - The Baghdad-Minsk flight landed. US EU LT. MINSK, Aug 3",
    "am Grenzübergang Kuźnica Wasserwerfer eingesetzt, bei Kuźnica Steinmeier, Kuźnica Becker",
    "у Робежниеки, в Шальчининкай, под Девенишкесом, в Кузнице; Медининкай заявил; каля "
    "Робежніекі, Шальчынінкаі, пад Дзевянішкесам",
]


def test_find_matches_the_python_rules_on_examples(recogniser):
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    docs = [Document("t", text) for text in RULE_TEXTS] + [
        Document(str(path), path.read_text(encoding="utf-8")) for path in paths]
    found = 0
    for doc in docs:
        compiled = recogniser.find(doc)
        assert compiled == python_find(recogniser, doc), doc.text[:60]
        found += len(compiled)
    assert found > 80


def test_find_needs_its_rules(recogniser):
    toks = mentions._Tokens("Vilnius", recogniser._keys)
    with pytest.raises(TypeError):
        speedups.find((), toks)
    with pytest.raises(AttributeError):
        speedups.find(recogniser._rules, object())
