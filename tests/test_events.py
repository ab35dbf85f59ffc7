import datetime as dt

from geomap.api import analyse
from geomap.events import extract_events, merge_events
from geomap.io.incidents import csv_record, incident_record
from geomap.extract import Extractor
from geomap.texts import make_document

from gazetteer_fixture import gazetteer

EX = Extractor(gazetteer(), None)


def events(text, name="t.txt", year=None):
    doc = make_document(name, text)
    return extract_events(doc, EX.extract(doc), year)


EN = (" date 2021-08-18 Lithuania says Belarusian officers illegally crossed the border.\n"
      "A dozen Belarusian officers pushed 35 migrants over the border near Dieveniškės on "
      "Tuesday, Lithuania's border guard service said.\n"
      "Also on Wednesday, Polish guards detained 6 migrants near Kuźnica.")
RU = (" date 2021-08-18 Белорусские пограничники нарушили границу Литвы.\n"
      "Во вторник 12 белорусских силовиков вытолкнули 30 мигрантов у деревни Dieveniškės.")
PL = ("Litewska straż graniczna: białoruscy funkcjonariusze wypchnęli 35 migrantów na Litwę "
      "17 sierpnia 2021 koło Dieveniškės.")


def test_one_document_gives_a_primary_event_and_a_separate_one():
    evs = events(EN)
    assert [e.primary for e in evs] == [True, False]
    main, other = evs
    assert main.type == "border_violation" and main.date == dt.date(2021, 8, 17)
    assert main.place.place.name == "Dieveniškės" and main.geo_precision == 2
    assert {(c.subject, c.value) for c in main.counts} == {("officers", 12), ("migrants", 35)}
    assert "Belarusian officers" in main.actors
    assert "Lithuania's border guard service" in main.claim_sources
    assert other.type == "detention" and other.date == dt.date(2021, 8, 18)
    assert other.place.place.name == "Kuźnica"


def test_russian_and_polish_events():
    (ru,) = events(RU)
    assert ru.type == "border_violation" and ru.date == dt.date(2021, 8, 17)
    assert ru.place.place.name == "Dieveniškės"
    assert {(c.subject, c.value) for c in ru.counts} == {("officers", 12), ("migrants", 30)}
    (pl,) = events(PL)
    assert pl.type == "pushback" and pl.date == dt.date(2021, 8, 17)
    assert pl.place.place.name == "Dieveniškės" and "Belarusian officers" in pl.actors


def test_capital_metonyms_and_datelines_are_not_event_places():
    (e,) = events(" date 2021-08-18 VILNIUS (Reuters) - Minsk pushed migrants back into "
                  "Lithuania, officials said.")
    assert e.place.place.name == "Lithuania" and e.geo_precision == 3


def test_totals_are_not_events():
    assert events(" date 2021-08-18 So far this year 4,100 migrants crossed the border.") == []


def test_merging_keeps_disagreements_and_every_source():
    docs = [make_document("en.txt", EN), make_document("ru.txt", RU), make_document("pl.txt", PL)]
    incidents = analyse(docs, EX).incidents
    main = incidents[0]
    assert [e.doc.path for e in main.events] == ["en.txt", "ru.txt", "pl.txt"]
    assert main.date == dt.date(2021, 8, 17) and main.place.name == "Dieveniškės"
    assert main.counts == {"officers": [12], "migrants": [35, 30]}
    assert len(incidents) == 2
    rec = incident_record(main)
    assert [s["primary"] for s in rec["sources"]] == [True, True, True]
    ev = rec["sources"][0]["evidence"]
    assert ev["date"][0]["text"] == "Tuesday" and ev["place"][0]["text"] == "Dieveniškės"
    assert csv_record(rec)["event_date"] == "2021-08-17"
    assert rec["id"] == incident_record(analyse(docs, EX).incidents[0])["id"]


def test_undated_event_merges_only_on_shared_evidence():
    dated = events(EN, "a.txt")[0]
    same = events("Belarusian officers pushed 35 migrants over the border into Lithuania.",
                  "b.txt")[0]
    other = events("Belarusian officers pushed migrants over the border into Lithuania.",
                   "c.txt")[0]
    assert same.date is None and other.date is None
    merged = merge_events([dated, same, other])
    assert [len(i.events) for i in merged] == [2, 1]
    assert merged[0].date == dt.date(2021, 8, 17)


def test_different_days_or_places_stay_apart():
    a = events(" date 2021-08-18 Guards detained 6 migrants near Kuźnica on Tuesday.", "a")[0]
    b = events(" date 2021-08-21 Guards detained 6 migrants near Kuźnica on Friday.", "b")[0]
    c = events(" date 2021-08-18 Guards detained 6 migrants near Medininkai on Tuesday.", "c")[0]
    assert len(merge_events([a, b, c])) == 3


def test_merging_with_fingerprints_from_elsewhere_equals_merging_the_events():
    from geomap.events import merge_documents
    from geomap.events.copies import CopyIndex, fingerprints
    from geomap.events.merge import trigger_prints

    texts = [EN, RU, PL, EN.replace("35 migrants", "36 migrants"), EN]
    docs = [make_document(f"d{n}.txt", t) for n, t in enumerate(texts)]
    found = [extract_events(d, EX.extract(d), 2021) for d in docs]
    index = CopyIndex()
    copies = {d.path: index.add(d) for d in docs}
    assert copies["d4.txt"] == "d0.txt"
    expected = [incident_record(i) for i in merge_events([e for f in found for e in f], copies)]
    merged = merge_documents((d.path, fingerprints(d.text), f, [trigger_prints(e) for e in f])
                             for d, f in zip(docs, found))
    assert [incident_record(i) for i in merged] == expected
    assert any(i["n_sources"] > 2 for i in expected)


def test_a_groups_running_place_and_date_equal_a_vote_over_all_its_events():
    """``_Group`` updates its best place and keeps its date between events: both equal
    what the whole vote over its events gives, whatever the order the events join in."""
    import dataclasses
    import datetime as dt
    import random

    from geomap.events.merge import _Group, _place_key

    doc = make_document("d.txt", EN)
    event = next(e for e in extract_events(doc, EX.extract(doc), 2021) if e.place)
    places = [p for m in (EX.gazetteer.lookup(k) for k in ("vilnius", "kaunas", "druskininkai",
                                                           "grodno", "warszawa"))
              for p in ([m[0].place] if m else [])]
    rng = random.Random(7)
    for _ in range(30):
        g = _Group(0)
        for n in range(rng.randint(1, 25)):
            m = dataclasses.replace(event.place, place=rng.choice(places))
            day = dt.date(2021, 8, rng.randint(1, 20))
            e = dataclasses.replace(event, doc=dataclasses.replace(doc, path=f"{n}.txt"),
                                    place=m, geo_precision=rng.randint(1, 3),
                                    date=rng.choice([None, day]),
                                    date_precision=rng.choice(["day", "week", "month"]))
            g.date()
            g.add(e, set(), set(), set())
            assert g.best is min(g.places.values(), key=_place_key)[3]
            fresh = _Group(1)
            for x in g.events:
                fresh.add(x, set(), set(), set())
            assert g.date() == fresh._vote()


def test_a_copy_that_prints_the_year_dates_the_copy_given_the_batch_year():
    body = (" (BNS) - Lithuania reported new attempts to cross the border. Border guards pushed "
            "back 35 migrants near Dieveniškės over the past day, the service said.")
    stated = make_document("a.txt", "VILNIUS, Aug 17, 2022" + body)
    assumed = make_document("b.txt", "VILNIUS, Aug 17" + body)
    own = events(stated.text, "a.txt", 2021)[0]
    batch = events(assumed.text, "b.txt", 2021)[0]
    assert own.date.year == 2022 and not own.year_assumed
    assert batch.date.year == 2021 and batch.year_assumed
    for docs in ([assumed, stated], [stated, assumed]):
        (inc,) = analyse(docs, EX, year=2021).incidents
        assert inc.date == own.date and len(inc.events) == 2
