"""keyscan: patterns found through their literal words give exactly ``re``'s matches."""
from __future__ import annotations

import re

import pytest

from geomap import dates, keyscan
from geomap.events import detect, lexicon
from geomap.keyscan import Keyed, bounded, literals


def _same(patterns, text, spans=None):
    index = Keyed(patterns).index(text)
    for i, rx in enumerate(patterns):
        for a, b in spans or [(0, len(text))]:
            got = [(m.start(), m.end(), m.groups()) for m in index.finditer(i, a, b)]
            want = [(m.start(), m.end(), m.groups()) for m in rx.finditer(text, a, b)]
            assert got == want, (rx.pattern[:60], a, b)
            many = [(m.start(), m.end(), m.groups()) for j, m in
                    index.find_many(range(len(patterns)), a, b) if j == i]
            assert many == want, (rx.pattern[:60], a, b)


def test_literal_analysis():
    # a literal run is lengthened by what must follow it; long s folds to s under re.I
    assert literals(re.compile(r"\b(?:push(?:ed)? back|turned away)", re.I)) == (
        "start", {"pushed", "puſhed", "push back", "puſh back", "turned away"})
    # the parser factors "s" out of "sitzen|saßen": still found by the whole words
    assert literals(re.compile(r"(?:sitzen|saßen)\s+fest")) == ("start", {"sitzen", "saßen"})
    assert literals(re.compile(r"an(?:\d|x)")) == ("start", {"an"})     # a digit ends it
    # a short run is lengthened with the whitespace that must follow it (each character
    # ``\s`` matches), a long one is not: "on " is tried, "once" and "online" are not
    ws = {chr(c) for c in range(0x3001) if chr(c).isspace()}
    assert literals(re.compile(r"(?:(?:on|mid-?)\s+)?August")) == (
        "start", {"on" + w for w in ws} | {"mid-"} | {"mid" + w for w in ws} | {"august"})
    assert literals(re.compile(r"(?:w|we)\s+(?:maju|lipcu)|latem\s+x")) == (
        "start", {"w" + w for w in ws} | {"we" + w for w in ws} | {"latem"})
    assert literals(re.compile(r"(?:в|w)\s+мае|[xy]z")) == (      # a class the parser made
        "start", {c + w for c in "вw" for w in ws} | {"xz", "yz"})
    assert literals(re.compile(r"(?:\w+\s+){0,3}?(?:told|wrote)")) == (
        "contains", {"told", "wrote"})
    assert literals(re.compile(r"\w+"))[0] == "any"
    assert literals(re.compile(r"(?:x)?"))[0] == "any"        # matches nothing: run as it is


def test_short_words_before_any_whitespace_are_found():
    """"w" lengthened with the whitespace after it: found before a no-break space, a line
    break, a tab and an ideographic space as ``re`` finds it, never inside "wtorek"."""
    rx = re.compile(r"\b(?:w|we|in)\s+(?:maju|lipcu|may)", re.I)
    text = "W\u00a0maju, we\nlipcu, in\tMay, wtorek maju, w\u3000lipcu, W  MAJU, in  may"
    _same([rx], text)
    assert len(list(Keyed([rx]).index(text).finditer(0))) == 6


def test_every_span_of_a_text_matches_re():
    text = "On 5 August 2021, Aug. 4 and in mid-August; last week, 2021-08-05 (Tue)."
    patterns = [rx for _, rx in dates.PATTERNS]
    spans = [(a, b) for a in range(0, len(text), 3) for b in range(a, len(text) + 1, 4)]
    _same(patterns, text, spans)


@pytest.mark.parametrize("names", [*dates._MONTHS, *dates._LV_MONTHS, *dates._MONTHS_IN,
                                   *dates._WEEKDAYS])
def test_date_words_in_every_case(names):
    words = [w for n in names for w in n.replace("?", "").split("|")]
    text = " ".join(f"{w} 5, 2021. W {w} 3 d. 30. {w}. {w.upper()}; {w.title()}day"
                    for w in words)
    _same([rx for _, rx in dates.PATTERNS], text)


@pytest.mark.parametrize("lang", lexicon.LANGUAGES)
def test_trigger_words_of_the_lexicon(lang):
    """Every trigger fragment of the lexicon, as the lexicon spells it, in a sentence."""
    words = [w for frag in lexicon.TRIGGERS[lang].values() for w in re.split(r"\|", frag)]
    plain = [re.sub(r"\\[wsbd][*+?]?|[()?:*+\[\]\\]", "", w) for w in words]
    text = ". ".join(f"Officers {w} 40 migrants, {w.upper()} and {w.capitalize()}s"
                     for w in plain)
    _same([rx for _, _, rx in detect.TRIGGER_RX], text)


def test_folded_letters_digits_and_length_changing_lowercase():
    rx = [re.compile(r"\bstop\b", re.I), re.compile(r"\b\d{1,2}\.\s*gada", re.I),
          re.compile(r"\bistanbul", re.I)]
    for text in ("ſtop STOP Stop", "٣. gada 12. GADA", "İstanbul istanbul", "ıstanbul"):
        _same(rx, text)
    assert [m.group() for m in Keyed(rx[:1]).index("a ſtop b").finditer(0)] == ["ſtop"]


def test_a_leading_word_boundary_skips_prefixes_inside_words():
    """A literal inside a word ("in" of "within", "12" of "A12") is no start of a pattern
    that begins with \\b, but still of one that does not; matches stay ``re``'s."""
    rx = [re.compile(r"\b(?:in|on)\s+\w+", re.I), re.compile(r"in\s+\w+", re.I),
          re.compile(r"(?:\b(?:19|20)\d\d\.\s*)?\b\d{1,2}\.", re.I),
          re.compile(r"\d{1,2}\.", re.I), re.compile(r"(?:x|\bord)er\b")]
    assert [bounded(r) for r in rx] == [True, False, True, False, False]
    text = "within reach, In Vilnius, A12. 2021. 7. pin in _in order border xer 1_2."
    _same(rx, text, [(a, b) for a in range(0, len(text), 5) for b in (len(text), a + 9)])
    index = Keyed(rx).index(text)
    inner = text.index("within") + 4                       # its "in"
    assert inner not in index.found[0] and inner in index.found[1]


@pytest.mark.skipif(keyscan.compiled is None, reason="geomap/_keyscan.c not built")
def test_compiled_loops_match_the_python_ones(monkeypatch):
    """``_keyscan.collect`` and ``_keyscan.scan`` give what ``keyscan.collect`` and
    ``keyscan.scan`` give, on texts with hits at their start, inside words, after digits."""
    patterns = [rx for _, rx in dates.PATTERNS] + [rx for _, _, rx in detect.TRIGGER_RX]
    keyed = Keyed(patterns)
    texts = ["Officers detained 35 migrants on 5 August 2021 near the border, pushed back "
             "in mid-August; w środę 12 osób. Crossed.", "in", "", "1.2.2021 x_in ſtop İ"]
    c = keyscan.compiled
    dated = tuple(range(len(dates.PATTERNS)))        # several patterns' lists merged
    for text in texts:
        got = {}
        for name, mod in (("c", c), ("py", keyscan)):
            monkeypatch.setattr(keyscan, "_collect", mod.collect)
            monkeypatch.setattr(keyscan, "_scan", mod.scan)
            monkeypatch.setattr(keyscan, "_lists", c if name == "c" else None)
            index = keyed.index(text)
            spans = [(a, b) for a in range(0, len(text) + 1, 7) for b in (a + 20, len(text))]
            got[name] = (index.found, [
                [(i, m.span()) for i, m in index.find_many(range(len(patterns)), a, b)]
                + [(i, m.span()) for i, m in index.find_many(dated, a, b)]
                + [index.may_match(dated, a, b), index.may_match(dated, a, a + 1)]
                + [(i, m.span()) for i in range(len(patterns))
                   for m in index.finditer(i, a, b)]
                + [index.search(rx, a, b) and index.search(rx, a, b).span() for rx in patterns]
                for a, b in spans])
        assert got["c"] == got["py"]
    with pytest.raises(TypeError):
        c.scan([("x", 0)], -1, 0, 9, keyed.matchers, "text", False)
