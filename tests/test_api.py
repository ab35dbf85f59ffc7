"""The pipeline entry (``geomap.api.analyse``) on a hostile input: one long line that repeats
a place name (issue 16: 3.2 MB holding one name 400,000 times), scaled down to stay quick."""
import time

import pytest

from geomap.api import analyse
from geomap.extract import Extractor
from geomap.model import Document
from geomap.texts import MAX_SENTENCE

FILLERS = ["Dieveniškės ",                                        # the name alone
           "Migrants were pushed back near Dieveniškės and Dieveniškės again, "]   # events


@pytest.fixture(scope="module")
def ex():
    return Extractor.from_directory()


def _cpu(ex, text: str) -> float:
    """The best of two runs' CPU seconds of the whole analysis of ``text``."""
    best = float("inf")
    for _ in range(2):
        t = time.process_time()
        analyse([Document("hostile.txt", text)], ex)
        best = min(best, time.process_time() - t)
    return best


@pytest.mark.parametrize("filler", FILLERS)
def test_one_long_line_costs_linear_time(ex, filler):
    """Four times the text takes about four times as long (a quadratic step: sixteen)."""
    n = 12_000 // len(filler)
    analyse([Document("warm.txt", filler * 10)], ex)
    small, big = _cpu(ex, filler * n), _cpu(ex, filler * 4 * n)
    assert big < 8 * small + 0.05, (small, big)


@pytest.mark.parametrize("filler", FILLERS)
def test_one_long_line_gives_bounded_records(ex, filler):
    """Every mention and every evidence quote holds one bounded sentence, and the mentions of
    one sentence share its string, so memory grows with the text, not with mentions x text."""
    text = filler * (40_000 // len(filler))
    a = analyse([Document("hostile.txt", text)], ex)
    assert len(a.mentions) == text.count("Dieveniškės")
    assert max(len(m.sentence) for m in a.mentions) <= MAX_SENTENCE
    assert len({id(m.sentence) for m in a.mentions}) <= 2 * len(text) // MAX_SENTENCE + 1
    quotes = [e.sentence for i in a.incidents for ev in i.events for e in ev.triggers]
    assert all(len(q) <= MAX_SENTENCE for q in quotes)
    assert bool(quotes) == ("pushed back" in filler)
