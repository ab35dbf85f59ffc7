import pytest
from gazetteer_fixture import PLACES, P, gazetteer

from geomap.mentions import Recogniser
from geomap.places.gazetteer import Gazetteer
from geomap.texts import make_document

REC = Recogniser(gazetteer(), common_words=frozenset({"police"}))


def gazetteer_with(*places):
    return Gazetteer([*PLACES, *places])


def found(text):
    return [(c.text, sorted({m.place.id for m in c.matches})) for c in REC.find(make_document("t", text))]


def names(text):
    return [t for t, _ in found(text)]


def test_exact_and_offsets():
    doc = make_document("t", " date 2021-08-18 Lithuania protested to Minsk.")
    (a, b) = REC.find(doc)
    assert doc.text[a.start:a.end] == "Lithuania" and doc.text[b.start:b.end] == "Minsk"


def test_missing_diacritics_and_transliterations():
    assert names("Near Dieveniskes and Salcininkai, not far from Devenishki.") == [
        "Dieveniskes", "Salcininkai", "Devenishki"]


@pytest.mark.parametrize("text, expected", [
    ("Pasieniečiai iš Lazdijų ir Alytaus.", ["Lazdijų"]),                      # lt genitive
    ("Migrantai Kapčiamiestyje ir Druskininkuose.", ["Kapčiamiestyje", "Druskininkuose"]),
    ("Jie atvyko iš Vilniaus į Kauno rajoną.", ["Vilniaus", "Kauno"]),
    ("Migranci w Michałowie i w Białymstoku.", ["Michałowie", "Białymstoku"]),  # pl locative
    ("Granica z Polską, straż w Polsce.", ["Polską", "Polsce"]),
    ("на границе Беларуси с Польшей и Литвы", ["Беларуси", "Польшей", "Литвы"]),  # ru
    ("В Минске и Гродно", ["Минске", "Гродно"]),
    ("Die Grenze Polens zu Weißrussland.", ["Polens", "Weißrussland"]),          # de
])
def test_inflected_forms(text, expected):
    assert names(text) == expected


def test_all_caps_dateline_and_hyphenated_pairs():
    assert names("VILNIUS (Reuters) - The Baghdad-Minsk flight landed.") == [
        "VILNIUS", "Baghdad", "Minsk"]
    assert found("Migrants camped at the Bruzgi-Kuznica checkpoint.") == [
        ("Bruzgi-Kuznica", ["cur:bruzgi-kuznica"])]


def test_lowercase_and_common_words_are_not_places():
    assert names("The police said the minsk hotel was full.") == []
    assert names("Police said nothing.") == []          # a common word, capitalised
    assert names("He moved to Police in 2019.") == ["Police"]   # but a place after a preposition


def test_adjectives_are_not_places():
    assert names("Lithuanian and Belarusian officers; белорусской стороны.") == []


def test_multiword_name_with_diacritics():
    assert names("Near Usnarz Gorny, on the border") == ["Usnarz Gorny"]
    assert names("Migranci w Usnarzu Górnym.") == ["Usnarzu Górnym"]       # both words inflected


def test_only_pairs_that_can_start_a_longer_name_are_tried():
    assert REC._pair_start(("Usnarz", "Górny")) and REC._pair_start(("Usnarzu", "Górnym"))
    assert REC._pair_start(("Bruzgi", "Kuznica"))
    assert not REC._pair_start(("Usnarz", "Dolny")) and not REC._pair_start(("Minsk", "Airport"))
    assert REC._pair_start(("Usnarz", "\ufdfa"))    # a word whose key is several words: tried


def test_designator_links_a_name_to_its_district():
    (c,) = REC.find(make_document("t", "in the village of Prabaščiškės in Šalčininkai district."))
    assert c.text == "Šalčininkai" and c.designator
    assert c.matches[0].place.id == "adm:LT:salcininkai"
    (c,) = REC.find(make_document("t", "Lazdijų rajone"))
    assert c.designator and "adm:LT:lazdijai" in {m.place.id for m in c.matches}
    (c,) = REC.find(make_document("t", "Šalčininkai is a town."))
    assert {m.place.id for m in c.matches} == {"gn:594739"}


def test_kind_cue_and_org_names():
    (c,) = REC.find(make_document("t", "through the Medininkai checkpoint"))
    assert c.cue == "crossing"
    cands = REC.find(make_document("t", "the State Border Committee of Belarus said; Vilnius Radio"))
    assert [(c.text, c.in_org) for c in cands] == [("Belarus", True), ("Vilnius", True)]


def test_person_title_blocks_a_match():
    assert names("President Minsk spoke.") == []


def test_quoted_venue_names_are_not_places():
    assert names('They stayed in hotels like "Minsk," "Renaissance" and "Belarus".') == []
    assert names("Rooms at the Hotel Minsk were full.") == []
    assert names("the cheapest Minsk hotels") == ["Minsk"]       # hotels *in* Minsk
    assert names("a flight of the 'Fly Baghdad' airline") == []


def test_person_names_are_not_places():
    assert names("border guards of G. Salcininkai said") == []           # an initial
    assert names("Presidents Vladimir Putin and Berlin Lukashenko") == []  # first name + surname
    assert names("the Vilnius Ministry said") == ["Vilnius"]


def test_a_place_cue_before_a_name_outweighs_a_surname_like_word_after_it():
    # German capitalises nouns: "Wasserwerfer" (water cannon) has a surname's "-er" ending
    assert names("am Grenzübergang Kuźnica Wasserwerfer eingesetzt") == ["Kuźnica"]
    assert names("у деревни Брузги Беккер нашёл") == ["Брузги"]
    assert names("Präsident Kuźnica Becker sagte") == []


def test_one_letter_off_spellings_need_context():
    assert found("migrants found near Salcininkay") == [("Salcininkay", ["gn:594739"])]
    assert names("Salcininkay said nothing.") == []


def test_cyrillic_spellings_of_lithuanian_names_need_context():
    # (the gazetteer's Belarusian points, widened by 60 km, bound the places read: add one)
    rec = Recogniser(gazetteer_with(P("gn:629634", "Ashmyany", 54.425, 25.936, "BY", "town")))
    text = "Мигрантов задержали у Медининкай, под Девенишкесом и в Шальчининкае."
    found = [(c.text, sorted({m.place.id for m in c.matches}), c.fuzzy)
             for c in rec.find(make_document("t", text))]
    medininkai = ["cur:medininkai", "cur:medininkai-crossing"]     # not Varniai, far off
    assert found == [("Медининкай", medininkai, set(medininkai)),
                     ("Девенишкесом", ["cur:dieveniskes"], {"cur:dieveniskes"}),
                     ("Шальчининкае", ["gn:594739"], {"gn:594739"})]
    assert rec.find(make_document("t", "Медининкай заявил, что Девенишкесом ничего.")) == []


def test_demonyms_are_not_inflected_country_names():
    assert names("an Iraqi citizen and Pakistani workers") == []


def test_glued_words_are_split():
    assert names("the building in MichałowoAgnieszka Sadowska") == ["Michałowo"]
    # a glued word ending in a Latin Extended-A lower-case letter ("-ų", "-ė") is split too
    assert names("netoli ŠalčininkųDieveniškės") == ["Šalčininkų", "Dieveniškės"]
    assert names("the iPhone in VilniusMinsk") == ["Vilnius", "Minsk"]
    assert names("MichałowoAgnieszka, then MichałowoAgnieszka") == ["Michałowo", "Michałowo"]
    assert names("x" * 100 + "Minsk in VilniusMinsk") == ["Minsk", "Vilnius", "Minsk"]  # long run


@pytest.mark.parametrize("text, expected", [
    ("Migranci koczowali w Usnarzu Górnym.", ["Usnarzu Górnym"]),                 # pl, two words
    ("Die Lage in Polen und Litauen, an der Grenze Weißrusslands.",
     ["Polen", "Litauen", "Weißrusslands"]),
    ("Straż Graniczna na Litwie i w Kuźnicy", ["Litwie", "Kuźnicy"]),
])
def test_more_inflection(text, expected):
    assert names(text) == expected


def test_units_named_after_places_are_organisations():
    cands = REC.find(make_document("t", "на участке Гродненского пограничного отряда; Vilnius border team"))
    assert [(c.text, c.in_org) for c in cands] == [("Гродненского", True), ("Vilnius", True)]


def test_polish_plural_place_names():
    rec = Recogniser(gazetteer_with(P("cur:krynki", "Krynki", 53.26, 23.77, "PL", "town"),
                                    P("cur:dubicze", "Dubicze Cerkiewne", 52.65, 23.44, "PL",
                                      "village")))
    doc = make_document("t", "od Krynek do granicy; placówka w Dubiczach Cerkiewnych")
    assert [c.text for c in rec.find(doc)] == ["Krynek", "Dubiczach Cerkiewnych"]


def test_bodies_named_in_the_genitive_are_organisations():
    cands = REC.find(make_document("t", "Пограничный комитет Беларуси и МИД Польши; в Минске"))
    assert [(c.text, c.in_org) for c in cands] == [("Беларуси", True), ("Польши", True),
                                                    ("Минске", False)]


def test_names_at_the_edges_of_a_text_and_in_several_glued_words():
    assert names("Minsk") == ["Minsk"]
    assert names("Vilnius, Minsk") == ["Vilnius", "Minsk"]
    assert names("from MichałowoAgnieszkaSadowska to Minsk") == ["Michałowo", "Minsk"]


@pytest.mark.parametrize("text", ["", "Vilnius", "Šalčininkai", "Минск", "a\U0001d400b",
                                  "x" * 500 + "\U0001F600", "\u0100" * 3])
def test_astral_check_agrees_with_a_search(text):
    from geomap.mentions import _ASTRAL, _astral

    assert _astral(text) == bool(_ASTRAL.search(text))


EXTRA = (P("t:krynki", "Krynki", 53.26, 23.77, "PL", "village", alts=("Крынки", "Krinkai")),
         P("t:kasi", "Varanasi", 25.32, 83.0, "IN", "city", 1_200_000, alts=("Kasi",)),
         P("t:marki", "Marki", 52.32, 21.1, "PL", "town", 20_000),
         P("t:paris", "Paris", 48.85, 2.35, "FR", "capital", 2_000_000),
         P("t:lida", "Lida", 53.89, 25.3, "BY", "town", 100_000),
         P("t:varena", "Varėna", 54.22, 24.57, "LT", "town", 9000),
         P("t:bialystok", "Białystok", 53.13, 23.16, "PL", "city", 297_000),
         P("t:svencionys", "Švenčionys", 55.13, 26.16, "LT", "town", 5000),
         P("t:czeremcha", "Czeremcha", 52.52, 23.35, "PL", "village", 1500),
         P("t:daugavpils", "Daugavpils", 55.88, 26.53, "LV", "city", 90_000),
         P("t:kraslava", "Krāslava", 55.9, 27.17, "LV", "town", 8000))
REC_X = Recogniser(gazetteer_with(*EXTRA))


def names_x(text):
    return [(c.text, c.in_org) for c in REC_X.find(make_document("t", text))]


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Kasia Krynki, a volunteer, said migrants were pushed back.", []),
    ("en", "Marek Nazarko, a police spokesman, said so.", []),
    ("en", "Paris Hilton did not comment.", []),
    ("pl", "Wolontariuszka Kasia Krynki powiedziała, że migrantów zawrócono.", []),
    ("pl", "Rzecznik Marek Nazarko poinformował o zatrzymaniu.", []),
    ("de", "Paris Hilton äußerte sich nicht.", []),
    ("ru", "Волонтёр Kasia Krynki рассказала о мигрантах.", []),
    ("lt", "Savanorė Kasia Krynki sakė, kad migrantai buvo apgręžti.", []),
    ("lv", "Brīvprātīgā Kasia Krynki stāstīja, ka migranti tika atgriezti.", []),
    ("lv", "Pie Daugavpils migranti tika atgriezti.", [("Daugavpils", False)]),  # "Pie": a name too
    # a first name before a place it does not name as a person: the place stays
    ("en", "Flights from Paris to Lida Airport; Sofia Nowak lives in Lida.",
     [("Paris", False), ("Lida", False), ("Lida", False)]),
    ("en", "Migrants were pushed back near Krynki.", [("Krynki", False)]),
    # a first name before a verb of speech is a person; a capital stays a place
    ("en", "\"Lida told me he was proud to serve,\" his friend said.", []),
    ("de", "Lida sagte, sie habe Angst gehabt.", []),
    ("en", "Paris said it would send help.", [("Paris", False)]),
])
def test_first_name_and_surname_are_not_places(lang, text, expected):
    assert names_x(text) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("lt", "Pareigūnai iš VSAT Varėnos pasienio rinktinės sulaikė 12 migrantų.",
     [("Varėnos", True)]),
    ("en", "Officers of the Varėna border team detained them.", [("Varėna", True)]),
    ("en", "Workers of Lida Azot were sent home.", [("Lida", True)]),
    ("pl", "Radio Białystok podało, że migranci przekroczyli granicę koło Krynek.",
     [("Białystok", True), ("Krynek", False)]),
    ("de", "Wie Radio Białystok berichtete, wurden Migranten bei Krynki festgenommen.",
     [("Białystok", True), ("Krynki", False)]),
    ("ru", "Как сообщило Radio Białystok, мигрантов задержали под Крынками.",
     [("Białystok", True), ("Крынками", False)]),
    ("lv", "Daugavpils robežsardzes pārvalde ziņoja par aizturētajiem.", [("Daugavpils", True)]),
])
def test_places_in_the_names_of_units_outlets_and_companies(lang, text, expected):
    assert names_x(text) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("ru", "Мигранты пытались прорваться под Крынками.", "Крынками"),
    ("ru", "Пограничники задержали 10 человек из Крынок.", "Крынок"),
    ("lt", "Pasieniečiai Švenčionyse sulaikė 5 migrantus.", "Švenčionyse"),
    ("lt", "Švenčionių apylinkėse sulaikyti migrantai.", "Švenčionių"),
    ("pl", "Straż Graniczna zatrzymała w Czeremsze 7 cudzoziemców.", "Czeremsze"),
    ("lv", "Robežsargi Daugavpilī aizturēja migrantus.", "Daugavpilī"),
    ("lv", "Krāslavas novadā aizturēti migranti.", "Krāslavas"),
    ("de", "Migranten wurden in Krynki festgenommen.", "Krynki"),
    ("en", "Migrants were held near Krynki.", "Krynki"),
])
def test_inflected_border_names(lang, text, expected):
    assert [t for t, _ in names_x(text)] == [expected]


PAIRED = gazetteer_with(
    P("t:wolka", "Wólka", 51.26, 22.64, "PL", "village", 300),
    P("t:narew", "Narew", 52.91, 23.52, "PL", "village", 900),
    P("t:kuznica-b", "Kuźnica Białostocka", 53.51, 23.65, "PL", "village", 500),
    P("t:volka", "Волька", 52.2, 24.1, "BY", "village", 100),
    P("t:lida", "Lida", 53.89, 25.3, "BY", "town", 100_000, alts=("Лида",)),
    P("t:svislach", "Svislach", 53.03, 24.1, "BY", "town", 6000, alts=("Świsłocz", "Свислочь")),
    P("t:bug", "Bugas", 55.4, 22.6, "LT", "village", 50),
    P("t:neris", "Neris", 54.9, 23.9, "LT", "village", 50))
REC_P = Recogniser(PAIRED)


def names_p(text):
    return [c.text for c in REC_P.find(make_document("t", text))]


@pytest.mark.parametrize("lang, text, expected", [
    # a one-word name before an agreeing adjective is the first half of a longer name
    ("pl", "Ciało znaleziono w pobliżu Wólki Terechowskiej w gminie Narew.", ["Narew"]),
    ("pl", "Migrantów zatrzymano we Wólce Terechowskiej.", []),
    ("pl", "Pod Wólką Terechowską stoi obóz.", []),
    ("ru", "Тело нашли у Вольки Терешковской.", []),
    ("ru", "Мигранты в Вольке Терешковской.", []),
    # the whole name known, a lone name, an adjective that does not agree, a region's adjective
    ("pl", "Obóz w Kuźnicy Białostockiej i koło Wólki.", ["Kuźnicy Białostockiej", "Wólki"]),
    ("ru", "Мигрантов задержали в Лиде Терешковской области.", ["Лиде"]),   # the region's
    ("pl", "W Narew Terechowskiej nie było.", ["Narew"]),      # -w does not agree with -ej
    ("en", "Migrants in Wólka Lines were held.", ["Wólka"]),   # not an adjective
])
def test_the_first_word_of_a_name_with_an_adjective_is_not_a_place_alone(lang, text, expected):
    assert names_p(text) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("pl", "Drugiego mężczyznę zatrzymano przy rzece Świsłocz.", []),
    ("pl", "Przepłynęli rzekę Świsłocz koło Narew.", ["Narew"]),
    ("ru", "Мигранты переплыли реку Свислочь.", []),
    ("lt", "Migrantai perplaukė Neries upę.", []),
    ("en", "Migrants crossed the river Svislach near Lida.", ["Lida"]),
    ("en", "Migrants drowned in the Neris river.", []),
    ("de", "Sie durchquerten den Fluss Świsłocz bei Lida.", ["Lida"]),
    ("en", "Migrants were held in Svislach.", ["Svislach"]),     # the town
])
def test_a_name_beside_a_river_word_is_the_rivers(lang, text, expected):
    assert names_p(text) == expected


def test_adjective_agreement():
    from geomap.mentions import adjective_agrees
    assert adjective_agrees("Wólki", "Terechowskiej") and adjective_agrees("Ozieran", "Wielkich")
    assert adjective_agrees("Usnarz", "Górny") and adjective_agrees("Dubicze", "Cerkiewne")
    assert adjective_agrees("Клейники", "Большие") and adjective_agrees("Вольку", "Терешковскую")
    assert not adjective_agrees("Wólki", "Terechowska") and not adjective_agrees("Lida", "Lines")
    assert not adjective_agrees("Гродно", "Гродненской")


@pytest.mark.parametrize("lang, text, expected", [
    # a first name the list has in another form (inflected, Cyrillic) before a name: a person
    ("lt", "Pasak VSAT atstovės Rūtos Lazdijos, migrantai grąžinti.", []),
    ("pl", "Według wolontariuszki Anny Krynki migrantów zawrócono.", []),
    ("ru", "Как рассказал сотрудник Андрей Лида, люди ушли.", []),
    ("lt", "Migrantai sulaikyti prie Lazdijų.", [("Lazdijų", False)]),
    ("ru", "Мигрантов задержали у Лида.", [("Лида", False)]),
    ("pl", "Migrantów zawrócono koło Krynek.", [("Krynek", False)]),
    ("ru", "Как сообщил сотрудник Гродно Азот, люди ушли.", [("Гродно", True)]),   # a company
])
def test_inflected_and_cyrillic_first_names_make_persons(lang, text, expected):
    rec = Recogniser(gazetteer_with(*EXTRA, P("t:lazdijai", "Lazdijai", 54.23, 23.51, "LT",
                                              "town", 3600, alts=("Lazdiji",)),
                                    P("t:lida-ru", "Lida", 53.89, 25.3, "BY", "town", 100_000,
                                      alts=("Лида",))))
    assert [(c.text, c.in_org) for c in rec.find(make_document("t", text))] == expected


ADJ = gazetteer_with(
    P("t:male", "Male", 4.18, 73.51, "MV", "capital", 103_693, alts=("Malé",)),
    P("t:pogr", "Pahranichnaya", 53.6, 23.9, "BY", "village", 200, alts=("Пограничная",
                                                                       "Пограничный")),
    P("t:krynki", "Krynki", 53.26, 23.77, "PL", "village", 2500, alts=("Крынки",)),
    P("t:kraslava", "Krāslava", 55.9, 27.17, "LV", "town", 8000),
    P("t:poskonys", "Poškonys", 54.2, 25.5, "LT", "village", 100),
    P("t:brest", "Brest", 52.1, 23.7, "BY", "city", 340_000),
    P("t:brest-r", "Brest Region", 52.1, 23.7, "BY", "region", alts=("Брестская область",)))
REC_ADJ = Recogniser(ADJ)


@pytest.mark.parametrize("lang, text, expected", [
    # the second word of a name the gazetteer lacks, an adjective agreeing with the first
    ("pl", "Migrantów zatrzymano w okolicach wsi Ozierany Małe.", []),
    ("pl", "Grupę zatrzymano koło Krynek i we wsi Zabłocie Małe.", ["Krynek"]),
    ("en", "He flew from Male to Colombo.", ["Male"]),                # no noun before it
    # a Russian adjective of the noun after it
    ("ru", "сообщила пресс-служба Подляского отдела Пограничной службы Польши.", ["Польши"]),
    ("ru", "Мигранты остались у Пограничной, сообщили в Крынках.", ["Пограничной", "Крынках"]),
    ("ru", "Пограничная служба задержала 5 человек под Крынками.", ["Крынками"]),
])
def test_adjectives_of_the_words_beside_them_are_not_places(lang, text, expected):
    assert [c.text for c in REC_ADJ.find(make_document("t", text))] == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("pl", "Według Radia Białystok migrantów zatrzymano koło Krynek.",
     [("Białystok", True), ("Krynek", False)]),
    ("pl", "Jak podaje Kurierze Krynki, nic się nie stało.", [("Krynki", True)]),
    ("lv", "Krāslava Jansone, robežsardzes pārstāve, sacīja, ka migranti atgriezti.", []),
    ("en", "Krāslava Jansone, a spokeswoman for the border guard, said so.", []),
    ("lv", "Migranti aizturēti pie Krāslavas.", [("Krāslavas", False)]),
    # a word with Lithuanian letters is read by Lithuanian endings only: "Vėliau" ("later")
    # is no Polish genitive of the first name Velia
    ("lt", "Vėliau Poškonių apylinkėse sulaikyta 12 asmenų grupė.", [("Poškonių", False)]),
    # a region named without its designator is no reason to keep a first name's surname
    ("en", "The photographer Nina Brest was released on Monday.", []),
    ("en", "Migrants were held in the Brest region.", [("Brest", False)]),
])
def test_outlets_in_any_case_and_baltic_surnames(lang, text, expected):
    assert [(c.text, c.in_org) for c in REC_ADJ.find(make_document("t", text))] == expected
