import pytest

from geomap.api import analyse
from geomap.events import copies
from geomap.events.copies import CopyIndex, fingerprint, fingerprints
from geomap.extract import Extractor
from geomap.texts import make_document

from gazetteer_fixture import gazetteer
from test_events import EN, PL, RU

EX = Extractor(gazetteer(), None)
UNDATED = ("Migrants crossed the border illegally into Lithuania, officials said on the radio.\n"
           "The ministry called it a provocation by the Belarusian regime.")
TEXTS = {"en.txt": EN, "ru.txt": RU, "pl.txt": PL, "undated.txt": UNDATED}


def test_fingerprints_ignore_case_spacing_and_short_sentences():
    assert fingerprint("Guards  detained six migrants near the town.") == fingerprint(
        "guards detained six migrants, near the town")
    assert fingerprint("Photo: AFP") == 0


@pytest.mark.skipif(copies.compiled is None, reason="the compiled scanners are not built")
@pytest.mark.parametrize("text", [
    "Guards detained six migrants near the town.", "Пограничники задержали 15 иракцев у деревни.",
    "snake_case and d1g1ts count as words: 4,100 people", "  ,,  ", "one two three four five",
    "Straż Graniczna zatrzymała 8 osób – „koło” Kuźnicy…", "\u0130stanbul İzmir six words here now"])
def test_the_compiled_hash_is_the_python_one(text):
    low = text.lower()
    for a, b in ((0, len(low)), (2, len(low) - 1), (0, 0)):
        assert copies.compiled.word_print(low, a, b, 2) == copies.word_print(low, a, b, 2)


def test_a_text_that_lower_cases_longer_gives_the_same_prints():
    """"İ" lower-cases to two characters: each sentence is then lower-cased on its own."""
    plain = "Guards detained six migrants near the town. Photo: AFP. Six more came on Monday too."
    assert fingerprints(plain) == fingerprints(plain.replace("Photo", "İhoto")) != ()
    assert len(fingerprints(plain)) == 2


def test_copies_and_near_copies_join_the_first_document():
    index = CopyIndex()
    a = make_document("a.txt", UNDATED)
    assert index.add(a) == "a.txt"
    assert index.add(make_document("b.txt", UNDATED)) == "a.txt"
    shuffled = "\n".join(reversed(UNDATED.splitlines())) + "\nOne more line the copy adds here."
    assert index.add(make_document("c.txt", shuffled)) == "a.txt"
    assert index.add(make_document("d.txt", EN)) == "d.txt"


def _summary(incidents):
    return sorted((i.type, str(i.date), i.place.id if i.place else "") for i in incidents)


def test_texts_copied_25_times_give_the_same_incidents_with_every_copy_as_source():
    docs = [make_document(n, t) for n, t in TEXTS.items()]
    once = analyse(docs, EX).incidents
    copies = docs + [make_document(f"copy{k:02d}/{n}", t) for k in range(25)
                     for n, t in TEXTS.items()]
    many = analyse(copies, EX).incidents
    assert _summary(many) == _summary(once)
    assert any(i.date is None and i.place.kind == "country" for i in many)  # undated, vague
    for inc in many:
        paths = {e.doc.path for e in inc.events}
        originals = {p for p in paths if "/" not in p}
        assert paths == originals | {f"copy{k:02d}/{p}" for k in range(25) for p in originals}
