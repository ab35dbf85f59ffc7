import pytest

from geomap.model import Place
from geomap.morph import base_forms
from geomap.normalize import key
from geomap.translit import Transliterations, cyrillic_forms, cyrillic_skeleton, latin_skeleton


@pytest.mark.parametrize("latin, country, cyrillic", [
    ("Dieveniškės", "LT", "Девенишкес"),          # ie as e, š as ш, ė as е
    ("Šalčininkai", "LT", "Шальчининкай"),        # the soft sign dropped, й as i
    ("Šalčininkai", "LT", "Шальчынінкаі"),        # Belarusian ы, і
    ("Lazdijai", "LT", "Лаздияй"),                # j as i, я as ia
    ("Tverečius", "LT", "Тверечюс"),              # ю as iu
    ("Robežnieki", "LV", "Робежниеки"),           # ž as ж
    ("Pāternieki", "LV", "Патерниеки"),           # long vowels plain
    ("Kuźnica", "PL", "Кузница"),                 # ź as з, c as ц
    ("Hajnówka", "PL", "Гайнувка"),               # h as г, ó as у, w as в
    ("Michałowo", "PL", "Михалово"),              # ch as х, ł as л
    ("Dąbrowa", "PL", "Домброва"),                # the nasal ą as ом before b
    ("Sejny", "PL", "Сейны"),                     # y as ы, j as й
    ("Švenčionėliai", "LT", "Швенчёнеляй"),       # čio as чё (folded че)
    ("Tverečius", "LT", "Тверечус"),              # čiu as чу
])
def test_both_scripts_reduce_to_one_skeleton(latin, country, cyrillic):
    assert latin_skeleton(latin, country) == cyrillic_skeleton(key(cyrillic))


def test_other_names_keep_other_skeletons():
    assert latin_skeleton("Sejny", "PL") != cyrillic_skeleton(key("Сенно"))
    assert latin_skeleton("Šalčininkai", "LT") != latin_skeleton("Salcininkai", "LT")


def test_case_forms_are_read_back():
    forms = cyrillic_forms(key("Девенишкесом"), base_forms("Девенишкесом"))
    assert latin_skeleton("Dieveniškės", "LT") in forms
    forms = cyrillic_forms(key("Шальчининкае"), base_forms("Шальчининкае"))   # -ае of -ай
    assert latin_skeleton("Šalčininkai", "LT") in forms
    # Belarusian дз for d, я for an unstressed е, also read as Russian would spell them
    forms = cyrillic_forms(key("Дзевянішкесам"), base_forms("Дзевянішкесам"))
    assert latin_skeleton("Dieveniškės", "LT") in forms
    assert latin_skeleton("Dieveniškės", "LT") not in cyrillic_forms(key("Дзевянишкес"), [])


def place(ident, name, lat, lon, country, kind="village", alts=()):
    return Place(ident, name, lat, lon, country, kind, alt_names=alts)


def test_only_latin_names_of_lt_lv_pl_places_near_belarus_are_read():
    places = [place("by", "Hrodna", 53.68, 23.83, "BY", "city"),
              place("by2", "Polatsk", 55.49, 28.79, "BY", "town"),
              place("near", "Robežnieki", 55.97, 27.60, "LV", alts=("Robezhnieki", "Робежники")),
              place("far", "Kuźnica", 50.30, 18.50, "PL"),          # Silesia: out of the box
              place("dist", "Kuźnica District", 53.51, 23.65, "PL", "district"),
              place("by3", "Kuznitsa", 53.50, 23.70, "BY")]        # a Belarusian entry
    tr = Transliterations(places)
    assert [p.id for p in tr.find([cyrillic_skeleton(key("Робежниеки"))])] == ["near"]
    assert tr.find([cyrillic_skeleton(key("Кузница"))]) == ()
    assert Transliterations([places[3]]).find([latin_skeleton("Kuźnica", "PL")]) != ()


def test_polish_digraphs_and_polish_alternates_of_lithuanian_places():
    # Polish sz, cz, rz are one sound each: "Czeremcha" is "Черемха", "Szymki" "Шимки"
    assert latin_skeleton("Czeremcha", "PL") == cyrillic_skeleton(key("Черемха"))
    assert latin_skeleton("Szymki", "PL") == cyrillic_skeleton(key("Шимки"))
    # a Russian spelling that keeps the Belarusian дз, in the genitive plural, is the Polish
    # alternate of a Lithuanian village
    t = Transliterations([place("cur:d", "Dieveniškės", 54.19, 25.62, "LT",
                                alts=("Dziewieniszki",)),
                          place("gn:by", "Voranava", 54.15, 25.31, "BY", "town")])
    assert [p.id for p in t.find(cyrillic_forms(key("Дзевенишек"), base_forms("Дзевенишек")))] \
        == ["cur:d"]


def test_a_belarusian_ya_for_e_in_russian_and_belarusian_text():
    # "у Мядининкай" (ru, the я of Belarusian speech), "пад Дзевянішкамі" (be, with дз kept:
    # the Polish alternate Dziewieniszki)
    forms = cyrillic_forms(key("Мядининкай"), base_forms("Мядининкай"))
    assert latin_skeleton("Medininkai", "LT") in forms
    forms = cyrillic_forms(key("Дзевянішкамі"), base_forms("Дзевянішкамі"))
    assert latin_skeleton("Dziewieniszki", "PL") in forms
    assert latin_skeleton("Lazdijai", "LT") in cyrillic_forms(key("Лаздияй"), [])  # final я
