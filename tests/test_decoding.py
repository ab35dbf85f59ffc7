"""Decoding input files: the region's code pages detected, byte-order marks, mojibake repaired,
binary refused."""
import os
import random

import pytest

from geomap.decoding import decode_bytes, repair, repair_dos
from geomap.errors import InputError
from geomap.extract import Extractor
from geomap.texts import InputOptions, read_document

TEXTS = {
    "lt": " date 2021-08-10 Pasieniečiai prie Dieveniškių sulaikė dvylika migrantų, kurie "
          "bandė neteisėtai kirsti sieną iš Baltarusijos. Šalčininkų rajone, netoli "
          "Medininkų, užfiksuota dar viena grupė.\n",
    "pl": " date 2021-11-08 Straż Graniczna zatrzymała w pobliżu Kuźnicy grupę migrantów, "
          "którzy próbowali nielegalnie przekroczyć granicę z Białorusią. Żołnierze z "
          "Białegostoku pomagali funkcjonariuszom w Hajnówce.\n",
    "ru": " date 2021-11-08 Пограничники задержали у деревни Брузги группу мигрантов, "
          "которые пытались незаконно пересечь границу с Польшей. В Гродно и Минске "
          "сообщили о новых лагерях.\n",
}
SAVED = [("lt", "cp1257"), ("lt", "iso8859-13"), ("pl", "cp1250"), ("pl", "iso8859-2"),
         ("ru", "cp1251"), ("ru", "koi8-r"), ("ru", "iso8859-5"), ("lt", "utf-16"),
         ("ru", "utf-16")]


@pytest.fixture(scope="module")
def extractor():
    return Extractor.from_directory(with_borders=False)


def mentions(extractor, doc):
    return [(m.start, m.end, m.text, m.place.id if m.place else None)
            for m in extractor.extract(doc)]


@pytest.mark.parametrize("lang, encoding", SAVED)
def test_code_pages_give_the_mentions_of_utf8(tmp_path, extractor, lang, encoding):
    text = TEXTS[lang]
    utf8, other = tmp_path / "utf8.txt", tmp_path / f"{encoding}.txt"
    utf8.write_bytes(text.encode("utf-8"))
    other.write_bytes(text.encode(encoding))   # "utf-16" writes a byte-order mark
    notices = []
    doc = read_document(str(other), InputOptions(notice=notices.append))
    assert doc.text == text and doc.date is not None
    expected = mentions(extractor, read_document(str(utf8)))
    assert len(expected) >= 3 and mentions(extractor, doc) == expected
    assert notices == [f"{other}: read as {notices[0].rsplit(' ', 1)[-1]}"]


def test_detection_names_the_code_page(tmp_path):
    assert decode_bytes(TEXTS["lt"].encode("cp1257"), "x")[1] == "cp1257"
    assert decode_bytes(TEXTS["pl"].encode("cp1250"), "x")[1] == "cp1250"
    assert decode_bytes(TEXTS["ru"].encode("koi8-r"), "x")[1] == "koi8-r"
    assert decode_bytes(TEXTS["ru"].encode("utf-16"), "x") == (TEXTS["ru"], "utf-16")


def test_a_forced_encoding_wins_and_a_wrong_one_fails(tmp_path):
    data = TEXTS["pl"].encode("cp1250")
    assert decode_bytes(data, "x", "cp1250") == (TEXTS["pl"], "cp1250")
    with pytest.raises(InputError, match="not valid utf-8"):
        decode_bytes(data, "x", "utf-8")


def test_random_binary_is_refused():
    rng = random.Random(7)
    with pytest.raises(InputError, match="binary"):
        decode_bytes(bytes(rng.randrange(256) for _ in range(4096)), "x")
    # without NUL bytes: every byte decodes in KOI8-R, but control characters give it away
    with pytest.raises(InputError, match="binary|not a text"):
        decode_bytes(bytes(rng.randrange(1, 256) for _ in range(4096)), "x")
    with pytest.raises(InputError, match="binary"):
        decode_bytes(os.urandom(16) + b"\x00" * 4, "x")


@pytest.mark.parametrize("broken, fixed", [
    ("Migrants were seen near Pabrad─Ś on Monday.", "Migrants were seen near Pabradė on Monday."),
    ("Ð“Ñ€Ð¾Ð´Ð½Ð¾ Ð¸ Ð›Ð¸Ð´Ð°", "Гродно и Лида"),
    ("Straż w KuÅºnicy", "Straż w Kuźnicy"),
    ("┼áal─Źininkai ir Vilnius", "Šalčininkai ir Vilnius"),
    ("╨У╤А╨╛╨┤╨╜╨╛", "Гродно"),
])
def test_mojibake_is_repaired(broken, fixed):
    assert repair(broken) == fixed


@pytest.mark.parametrize("text", [
    "Lithuania’s “border” — ﬁne…", "Łódź, Kraków, Šalčininkai, Daugavpils, Гродно",
    "ĎáŤ ěž Íč", "Box art ─── │ ┼ ┤ ends here.", "МВД«» ВЁ", "plain ascii",
])
def test_correct_text_is_left_alone(text):
    assert repair(text) == text and repair_dos(text) == text


def test_a_repaired_line_is_recognised(tmp_path, extractor):
    path = tmp_path / "m.txt"
    path.write_text("Migrants were pushed back near Pabrad─Ś and Ð“Ñ€Ð¾Ð´Ð½Ð¾.\n",
                    encoding="utf-8")
    doc = read_document(str(path))
    assert doc.text == "Migrants were pushed back near Pabradė and Гродно.\n"
    found = {(m.text, m.place.country) for m in extractor.extract(doc) if m.place}
    assert {("Pabradė", "LT"), ("Гродно", "BY")} <= found
    raw = read_document(str(path), InputOptions(repair=False))
    assert "Pabrad─Ś" in raw.text


def test_the_pair_tables_are_those_of_the_codecs():
    from geomap import decoding as d

    assert pair_set(d.FTFY_CODEPAGES, True) == (d.FTFY_LEADS, d.FTFY_CONTS)
    assert pair_set(d.DOS_CODEPAGES, False) == (d.DOS_LEADS, d.DOS_CONTS)


def pair_set(encodings, letter_leads):
    from geomap.decoding import pair_classes

    return tuple(frozenset(c) for c in pair_classes(encodings, letter_leads))


def test_letters_that_only_look_like_mojibake_do_not_call_ftfy(monkeypatch):
    import geomap.decoding as d

    monkeypatch.setattr(d, "_ftfy", lambda text: pytest.fail("ftfy called"))
    for text in ("Відэа з Віцебска: Вільня і Гродна", "ŠĄ „Žinios“", "Übergänge in Ölsnitz"):
        assert repair(text) == text
