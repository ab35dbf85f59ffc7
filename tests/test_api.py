"""The pipeline entry (``geomap.api.analyse``): the same result on any number of processes;
on a hostile input, one long line that repeats a place name (issue 16: 3.2 MB holding one
name 400,000 times), scaled down to stay quick."""
import json
import os
import time

import pytest

from geomap.api import analyse
from geomap.extract import Extractor
from geomap.model import Document
from geomap.io.incidents import incident_record
from geomap.texts import MAX_SENTENCE, make_document

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


# Reports of a few events, retold on other days, copied, undated, naming places the
# gazetteer lacks (unplaced names, which then locate incidents).
REPORTS = [
    "Border guards pushed {n} migrants back near Dieveniškės on Monday.",
    "Polish guards detained {n} migrants near Kuźnica, the border guard said.",
    "Latvian border guards in Daugavpils said {n} people crossed from Belarus.",
    "Border guards detained {n} migrants near the village of Zuikiškės on Tuesday.",
    "The group crossed at the Pasieniukai stream, two km from Dieveniškės, police said.",
]


def corpus(n: int = 140) -> list:
    docs = []
    for k in range(n):
        dated = f" date 2021-08-{10 + k % 7:02d} " if k % 5 else ""
        body = " ".join(REPORTS[(k + i) % len(REPORTS)].format(n=10 + k % 4)
                        for i in range(k % 3 + 1))
        docs.append(make_document(f"d{k:03}.txt", dated + body + "\n"))
    return docs


def test_any_number_of_processes_gives_the_same_analysis(ex):
    docs = corpus()
    one = analyse(docs, ex, keep=False, jobs=1)
    assert len(one.incidents) > 3 and any(i.location_text for i in one.incidents)
    assert any(len(i.events) > 20 for i in one.incidents) and one.unplaced
    for jobs, keep in ((2, False), (3, True)):
        other = analyse(docs, ex, keep=keep, jobs=jobs)
        assert [incident_record(i) for i in other.incidents] == [
            incident_record(i) for i in one.incidents]
        assert other.unplaced == one.unplaced
    assert analyse(docs, ex, jobs=2).mentions == analyse(docs, ex, jobs=1).mentions


def test_unplaced_names_alone_equal_those_found_with_the_incidents(ex):
    from geomap.unplaced import find_unplaced

    docs = corpus()
    full = analyse(docs, ex, keep=False, jobs=1)
    assert full.unplaced and list(full.unplaced) == find_unplaced(docs, ex)
    for jobs in (1, 2):
        alone = analyse(docs, ex, incidents=False, unplaced=True, keep=False, jobs=jobs)
        assert alone.unplaced == full.unplaced and alone.incidents == ()
    assert analyse(docs, ex, incidents=False).unplaced == ()


def test_entries_sent_by_the_workers_are_kept_once(ex):
    docs = corpus()
    a = analyse(docs, ex, jobs=2)
    placed = [m for m in a.mentions if m.place is not None]
    ids = {m.place.id for m in placed}
    assert len(placed) > 3 * len(ids)                   # names repeated across batches
    assert len({id(m.place) for m in placed}) == len(ids)
    assert len({id(m.border) for m in placed if m.border}) <= len(ids)
    alts = [p for m in a.mentions for p in m.alternatives]
    assert len({id(p) for p in alts}) == len({p.id for p in alts})
    assert a.mentions == analyse(docs, ex, jobs=1).mentions


def test_the_documents_are_read_on_worker_processes(ex, monkeypatch, tmp_path):
    import geomap.api as api

    shares = api.document_shares
    log = tmp_path / "pids"

    def spy(*args, **kw):
        with open(log, "a") as fh:
            fh.write(f"{os.getpid()}\n")
        return shares(*args, **kw)

    monkeypatch.setattr(api, "document_shares", spy)
    analyse(corpus(), ex, keep=False, jobs=2)
    pids = set(log.read_text().split())
    assert pids and str(os.getpid()) not in pids


def test_input_year_reads_dates_only_and_equals_the_batch_year(tmp_path):
    from geomap.api import input_year
    from geomap.dates import batch_year
    from geomap.texts import InputOptions, read_inputs

    (tmp_path / "a.txt").write_text(" date 2020-05-01 Text.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Undated.", encoding="utf-8")
    rows = [{"text": " date 2021-08-18 Row.", "day": None}, {"text": "Row.", "day": "2021-09-01"},
            {"text": "Row.", "day": "2019-01-01"}]
    (tmp_path / "t.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows) + "{bad\n",
                                      encoding="utf-8")
    paths = [str(tmp_path / n) for n in ("a.txt", "b.txt", "t.jsonl", "missing.txt")]
    opts = InputOptions(date_field="day")
    assert input_year(paths, opts) == 2021
    assert input_year(paths[:2]) == 2020 and input_year(paths[1:2]) is None
    paths.append(str(tmp_path / "gone.jsonl"))
    read = read_inputs(paths[:3], opts, lambda p, e: None)
    assert input_year(paths, opts) == 2021 == batch_year(read)


def test_a_long_text_gives_the_same_share_split_or_not(ex, monkeypatch):
    import geomap.api as api
    from geomap.texts import make_document
    from geomap.unplaced import UnplacedFinder

    doc = make_document("long.txt", "Migrants were pushed back near Dieveniškės and Rudaki "
                        "village, Lithuania's border guards said on Tuesday.\n" * 40)
    monkeypatch.setattr(api, "LONG", 100)
    split, = api.document_shares([doc], ex, UnplacedFinder(ex), 2021, keep=False, split=True)
    one, = api.document_shares([doc], ex, UnplacedFinder(ex), 2021, keep=False)
    assert split.sightings == one.sightings
    assert split.triggers == one.triggers and len(split.events) == len(one.events)


def test_files_are_read_on_the_workers_and_what_reading_says_comes_in_order(ex, tmp_path,
                                                                             monkeypatch):
    import geomap.texts as texts
    from geomap.texts import InputOptions

    docs = corpus(90)
    paths, expected = [], []
    for k, doc in enumerate(docs):
        paths.append(str(tmp_path / doc.path))
        (tmp_path / doc.path).write_text(doc.text, encoding="cp1257" if k == 40 else "utf-8")
        if k == 40:
            expected.append(f"{paths[-1]}: read as cp1257")
        if k in (5, 70):                                 # unreadable: empty, missing
            paths.append(str(tmp_path / f"bad{k}.txt"))
            expected.append(paths[-1])
            if k == 5:
                (tmp_path / f"bad{k}.txt").write_text("  \n", encoding="utf-8")
    read, log = texts.read_units, tmp_path / "pids"

    def spy(*args, **kw):
        with open(log, "a") as fh:
            fh.write(f"{os.getpid()}\n")
        return read(*args, **kw)

    monkeypatch.setattr(texts, "read_units", spy)
    said: list = []
    opts = InputOptions(notice=lambda line: said.append(line))
    got = analyse(paths, ex, keep=False, jobs=2, year=2021, read=opts,
                  on_error=lambda path, exc: said.append(path))
    assert str(os.getpid()) not in set(log.read_text().split())
    assert said == expected
    found = texts.read_inputs(filter(os.path.exists, paths), InputOptions(), lambda p, e: None)
    want = analyse(found, ex, keep=False, jobs=1, year=2021)
    assert [incident_record(i) for i in got.incidents] == [
        incident_record(i) for i in want.incidents]


def test_the_collector_is_paused_while_combining_and_restored(ex, monkeypatch):
    import gc

    from geomap import api

    states = []
    real = api._combine

    def spy(*args):
        states.append(gc.isenabled())
        return real(*args)

    monkeypatch.setattr(api, "_combine", spy)
    assert gc.isenabled()
    analyse(corpus()[:3], ex, keep=False)
    assert states == [False] and gc.isenabled()
    gc.disable()
    try:
        with api.collector_paused():
            pass
        assert not gc.isenabled()            # off before: stays off
    finally:
        gc.enable()
    frozen = gc.get_freeze_count()
    try:
        with api.collector_paused(freeze=True):
            kept = [[n] for n in range(1000)]
        assert gc.isenabled() and gc.get_freeze_count() >= frozen + len(kept)
    finally:
        gc.unfreeze()
