import datetime as dt

import pytest

from geomap.model import Document, Mention, Place
from geomap.render.layers import place_markers
from geomap.render.page import (EXCERPT_MAX, MARKS_PER_DOC, QUOTED_SOURCES, QUOTES_PER_PLACE,
                                UNPLACED_MAX, page_data, unplaced_table)
from test_html import VILNIUS, mention, sample


def data(mentions, documents, texts="full"):
    return page_data(place_markers(mentions), [], documents, mentions, texts=texts)


def test_text_modes():
    mentions, documents = sample()
    full = data(mentions, documents)["docs"]
    assert full["text"] == [d.text for d in documents] and full["excerpt"] == [0, 0]
    excerpts = data(mentions, documents, "excerpts")["docs"]
    assert excerpts["text"][0] == ("Migrants were stopped near Medininkai. … "
                                   "Vilnius sent guards to Medininkai.")
    text, marks = excerpts["text"][0], excerpts["marks"][0]
    assert [text[marks[k]:marks[k + 1]] for k in range(0, len(marks), 3)] == \
        ["Medininkai", "Vilnius", "Medininkai"]
    assert data(mentions, documents, "none")["docs"]["text"] == [None, None]
    with pytest.raises(ValueError):
        data(mentions, documents, "all")


def test_one_name_many_times_is_aggregated():
    sentence = "Vilnius said so. "
    doc = Document("big.txt", sentence * 20_000, dt.date(2021, 8, 1), "Big")
    mentions = [Mention(doc, k * len(sentence), k * len(sentence) + 7, "Vilnius",
                        sentence.strip(), k * len(sentence), VILNIUS, 0.9)
                for k in range(20_000)]
    d = data(mentions, [doc])
    assert d["places"]["n"] == [20_000] and len(d["places"]["quotes"][0]) == QUOTES_PER_PLACE
    assert d["docs"]["excerpt"] == [1]
    assert len(d["docs"]["text"][0]) <= EXCERPT_MAX + 3
    assert len(d["docs"]["marks"][0]) <= 3 * MARKS_PER_DOC


def test_copies_of_a_story_are_listed_but_quoted_once():
    from gazetteer_fixture import gazetteer
    from geomap.api import analyse
    from geomap.extract import Extractor
    from geomap.texts import make_document

    story = ("Lithuanian border guards turned back 35 migrants near Dieveniškės on "
             "2021-08-10, the State Border Guard Service said.")
    docs = [make_document(f"copy-{n:02d}.txt", story) for n in range(QUOTED_SOURCES + 10)]
    result = analyse(docs, Extractor(gazetteer(), None))
    incidents = list(result.incidents)
    sources = page_data(place_markers(list(result.mentions)), incidents, list(result.documents),
                        list(result.mentions))["incidents"]["sources"]
    assert len(incidents) == 1 and len(sources[0]) == len(docs)
    quoted = [q for _, quotes in sources[0] for q in quotes]
    assert len(quoted) == 1 and "Dieveniškės" in quoted[0][0]


def test_unplaced_names_most_frequent_first_and_bounded():
    rows = [{"name": f"Name{n:04d}", "count": n % 7, "sentence": "x" * 5000}
            for n in range(UNPLACED_MAX + 50)]
    table = unplaced_table(rows)
    assert len(table["name"]) == UNPLACED_MAX
    assert table["count"] == sorted(table["count"], reverse=True) and table["count"][0] == 6
    assert all(len(s) <= 602 for s in table["sentence"])
