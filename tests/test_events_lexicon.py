"""Every trigger list of geomap/events/lexicon.py, per language: a sentence a careful coder
would code as that kind gives it."""
import pytest

from geomap.events import lexicon as lx
from geomap.events.detect import TRIGGER_RX

CASES = {
    ("pushback", None): {
        "en": "Guards pushed 30 migrants back into Belarus.",
        "ru": "Пограничники выдворили 30 мигрантов.",
        "pl": "Straż zawróciła 30 migrantów na Białoruś.",
        "de": "30 Migranten wurden zurückgedrängt.",
        "lt": "Pasieniečiai apgręžė 30 migrantų.",
        "lv": "Robežsargi nepieļāva 30 migrantu ieceļošanu.",
        "be": "Памежнікі выціснулі 30 мігрантаў.",
    },
    ("border_violation", None): {
        "en": "Belarusian officers violated the border.",
        "ru": "Белорусские силовики нарушили границу.",
        "pl": "Białoruscy żołnierze naruszyli granicę.",
        "de": "Es kam zu einer Grenzverletzung.",
        "lt": "Baltarusijos pareigūnai pažeidė sieną.",
        "lv": "Baltkrievijas karavīri pārkāpa robežu.",
        "be": "Беларускія сілавікі парушылі мяжу.",
    },
    ("crossing", None): {
        "en": "Migrants tried to cross the border at night.",
        "ru": "Мигранты пытались пересечь границу.",
        "pl": "Migranci próbowali przekroczyć granicę.",
        "de": "Migranten versuchten, die Grenze zu überqueren.",
        "lt": "Migrantai neteisėtai kirto sieną.",
        "lv": "Migranti mēģināja nelikumīgi šķērsot robežu.",
        "be": "Мігранты спрабавалі перасекчы мяжу.",
    },
    ("detention", None): {
        "en": "Police detained 12 migrants.",
        "ru": "Полиция задержала 12 мигрантов.",
        "pl": "Policja zatrzymała 12 migrantów.",
        "de": "Die Polizei hat 12 Migranten festgenommen.",
        "lt": "Policija sulaikė 12 migrantų.",
        "lv": "Policija aizturēja 12 migrantus.",
        "be": "Міліцыя затрымала 12 мігрантаў.",
    },
    ("death", None): {
        "en": "A migrant was found dead in the forest.",
        "ru": "В лесу нашли тело мигранта.",
        "pl": "W lesie znaleziono ciało migranta.",
        "de": "Im Wald wurde eine Leiche gefunden.",
        "lt": "Miške rastas migranto kūnas.",
        "lv": "Mežā atrasts migranta līķis.",
        "be": "У лесе знайшлі цела мігранта.",
    },
    ("statement_or_order", None): {
        "en": "The government declared a state of emergency.",
        "ru": "Правительство ввело чрезвычайное положение.",
        "pl": "Rząd wprowadził stan wyjątkowy.",
        "de": "Die Regierung verhängte den Ausnahmezustand.",
        "lt": "Vyriausybė paskelbė nepaprastąją padėtį.",
        "lv": "Valdība izsludināja ārkārtas situāciju.",
        "be": "Урад увёў надзвычайнае становішча.",
    },
    ("other", "camp"): {
        "en": "Migrants camped at the crossing.",
        "ru": "У перехода возник лагерь мигрантов.",
        "pl": "Przy przejściu powstało obozowisko migrantów.",
        "de": "Am Übergang entstand ein Lager.",
        "lt": "Migrantai apgyvendinti stovykloje.",
        "lv": "Migranti izmitināti nometnē.",
        "be": "Каля пераходу ўзнік лагер мігрантаў.",
    },
    ("other", "clash"): {
        "en": "Police used tear gas against migrants.",
        "ru": "Полиция применила слезоточивый газ.",
        "pl": "Doszło do starcia z migrantami.",
        "de": "Die Polizei setzte Tränengas ein.",
        "lt": "Stovykloje kilo riaušės.",
        "lv": "Nometnē izcēlās nemieri.",
        "be": "Паліцыя ўжыла слёзацечны газ.",
    },
    ("other", "barrier"): {
        "en": "Troops put up razor wire along the border.",
        "ru": "Военные установили забор на границе.",
        "pl": "Żołnierze budują ogrodzenie na granicy.",
        "de": "Soldaten bauten einen Zaun an der Grenze.",
        "lt": "Kariai tiesia fizinio barjero ruožą.",
        "lv": "Karavīri būvē žogu uz robežas.",
        "be": "Вайскоўцы ўсталявалі агароджу на мяжы.",
    },
    ("other", "flight"): {
        "en": "Another flight from Baghdad landed.",
        "ru": "Прибыл очередной рейс из Багдада.",
        "pl": "Przyleciał kolejny lot z Bagdadu.",
        "de": "Ein weiterer Flug aus Bagdad landete.",
        "lt": "Atvyko dar vienas skrydis iš Bagdado.",
        "lv": "Ieradās vēl viens lidojums no Bagdādes.",
        "be": "Прыбыў чарговы рэйс з Багдада.",
    },
    ("other", "escape"): {
        "en": "Six migrants escaped from the centre.",
        "ru": "Шесть мигрантов сбежали из центра.",
        "pl": "Sześciu migrantów uciekło z ośrodka.",
        "de": "Sechs Migranten sind aus dem Zentrum geflohen.",
        "lt": "Šeši migrantai pabėgo iš centro.",
        "lv": "Seši migranti aizbēga no centra.",
        "be": "Шэсць мігрантаў уцяклі з цэнтра.",
    },
    ("other", "smuggling"): {
        "en": "Soldiers found a balloon carrying contraband cigarettes near the border.",
        "ru": "Пограничники нашли воздушные шары с контрабандными сигаретами.",
        "pl": "Żołnierze znaleźli balon z przemycanymi papierosami.",
        "de": "Soldaten fanden einen Ballon mit geschmuggelten Zigaretten.",
        "lt": "Pasieniečiai rado balionus su kontrabandinėmis cigaretėmis.",
        "lv": "Robežsargi atrada balonus ar kontrabandas cigaretēm.",
        "be": "Памежнікі знайшлі паветраныя шары з кантрабандай.",
    },
}


def kinds_of(sentence):
    return {(t, s) for t, s, rx in TRIGGER_RX if rx.search(sentence)}


@pytest.mark.parametrize("kind, lang", [(k, lang) for k in CASES for lang in lx.LANGUAGES])
def test_each_trigger_list_finds_its_kind_in_each_language(kind, lang):
    assert kind in kinds_of(CASES[kind][lang])


def test_every_language_has_every_list():
    for table in (lx.ANAPHORIC, lx.AGGREGATE, lx.CAUSE, lx.ANOTHER, lx.LEGAL, lx.FUTURE,
                  lx.SPEAKERS, lx.NEAR, lx.LOCATIVE, lx.NUMBER_WORDS, lx.SOURCE_INTRO, lx.MOST,
                  lx.ATTEMPTS, lx.CLAUSE_BUT):
        assert set(table) == set(lx.LANGUAGES)
    for lang in lx.LANGUAGES:
        assert set(lx.TRIGGERS[lang]) == set(lx.KINDS)


# Border-guard reports word pushbacks as entry refused or attempts prevented.
@pytest.mark.parametrize("lang, sentence", [
    ("ru", "Пограничники не пустили на территорию страны 25 мигрантов."),
    ("ru", "Предотвращены 40 попыток незаконного пересечения границы."),
    ("pl", "Funkcjonariusze udaremnili 60 prób nielegalnego przekroczenia granicy."),
    ("pl", "Straż Graniczna nie wpuściła do Polski 30 osób."),
    ("de", "Der Grenzschutz verhinderte 60 illegale Grenzübertritte."),
    ("de", "Die Migranten wurden nicht nach Polen eingelassen."),
    ("de", "Grenzschützer haben 300 Migranten an der Einreise aus Belarus gehindert."),
    ("lt", "Pasieniečiai užkardė 25 migrantų bandymus."),
    ("lt", "Pasieniečiai neleido 20 migrantų patekti į Lietuvą."),
])
def test_refused_entry_and_prevented_attempts_are_pushbacks(lang, sentence):
    assert ("pushback", None) in kinds_of(sentence)


@pytest.mark.parametrize("sentence, kind", [
    ("Lithuanian officers returned the group to Belarus.", ("pushback", None)),
    ("They were returned back across the border.", ("pushback", None)),
    ("Belarusian officers escorted 15 migrants to the border and forced them across.",
     ("crossing", None)),
    ("Migrants damaged the steel barrier near the village.", ("other", "barrier")),
    ("Poland finished building the border wall.", ("other", "barrier")),
])
def test_english_returns_forced_crossings_and_barriers(sentence, kind):
    assert kind in kinds_of(sentence)


# A group stranded at the border is a camp (the standoff at Usnarz Górny).
@pytest.mark.parametrize("sentence", [
    "A group of 32 Afghans has been stuck for weeks between Polish and Belarusian guards.",
    "Migrants have been stranded at the border for days.",
    "Группа мигрантов застряла на границе.",
    "Grupa migrantów koczuje przy granicy.",
    "Migranci utknęli na granicy.",
    "Die Migranten sitzen seit Wochen an der Grenze fest.",
    "Migrantai įstrigo pasienyje.",
    "Migranti iestrēguši uz robežas.",
])
def test_stranded_at_the_border_is_a_camp(sentence):
    assert ("other", "camp") in kinds_of(sentence)


def test_a_return_home_is_no_pushback():
    assert kinds_of("The minister returned home.") == set()


@pytest.mark.parametrize("lang, sentence", [
    ("en", "Migrants were never pushed to the border."),
    ("en", "Farmers joined a protest against the new tax."),
    ("lt", "Pasieniečiai tęsia kovą su nelegalia migracija."),
    ("lv", "Robežsardze publicēja pārskatu."),
    ("lt", "Dieveniškių užkardos pareigūnai budėjo."),      # užkarda: a border-guard post
    ("en", "In order to protect the border, Riga mobilised the army."),
    ("en", "The people fled into the forest."),
])
def test_sentences_without_a_kind(lang, sentence):
    assert kinds_of(sentence) == set()


# Shots fired are a clash ("Belarusian soldiers fired shots into the air near Nowy Dwór").
@pytest.mark.parametrize("lang, sentence", [
    ("en", "Belarusian soldiers fired shots into the air near the village."),
    ("en", "Shots were fired at Polish soldiers overnight."),
    ("ru", "Белорусские военные произвели выстрелы в воздух."),
    ("pl", "Białoruscy żołnierze oddali strzały w powietrze."),
    ("de", "Belarussische Soldaten gaben Schüsse in die Luft ab."),
    ("lt", "Baltarusijos kariai paleido šūvius į orą."),
    ("lv", "Baltkrievijas karavīri izdarīja šāvienus gaisā."),
    ("be", "Беларускія вайскоўцы стралялі ў паветра."),
])
def test_shots_fired_are_a_clash(lang, sentence):
    assert ("other", "clash") in kinds_of(sentence)


@pytest.mark.parametrize("sentence", [
    "Polen hat am Dienstag den Grenzübergang Kuźnica zu Belarus geschlossen.",
    "Polen schließt den Grenzübergang in Kuźnica.",
])
def test_a_closed_crossing_is_an_order_in_german(sentence):
    assert ("statement_or_order", None) in kinds_of(sentence)



@pytest.mark.parametrize("sentence", [
    "Apie 40 migrantų grupė bandė neteisėtai kirsti Lietuvos ir Baltarusijos sieną.",
    "Migrantai bandė kirsti Lietuvos ir Baltarusijos sieną ties Purvėnais.",
    "Migrantai bandė prasiveržti per sieną.",
])
def test_lithuanian_attempts_to_cross_are_crossings(sentence):
    assert ("crossing", None) in kinds_of(sentence)


# Barriers damaged, groups forcing their way through, planes and long objects of "pushed".
@pytest.mark.parametrize("sentence, kind", [
    ("Grupa cudzoziemców zniszczyła fragment zapory na granicy.", ("other", "barrier")),
    ("Migranci uszkodzili barierę na granicy.", ("other", "barrier")),
    ("Migranten beschädigten die Grenzanlage.", ("other", "barrier")),
    ("Мигранты повредили заграждение на границе.", ("other", "barrier")),
    ("A group of 30 people forced its way through the fence.", ("crossing", None)),
    ("Migrants climbed over the border fence.", ("crossing", None)),
    ("A plane carrying 420 migrants left Minsk for Erbil.", ("other", "flight")),
    ("Iraq resumed repatriation flights on Thursday.", ("other", "flight")),
    ("Latvian officers pushed a group of 10 migrants, including a pregnant woman, back into "
     "Belarus.", ("pushback", None)),
    ("Around 200 soldiers were sent to the border.", ("statement_or_order", None)),
])
def test_barriers_forced_crossings_planes_and_long_pushbacks(sentence, kind):
    assert kind in kinds_of(sentence)


def test_a_diverted_plane_is_no_flight_event():
    assert ("other", "flight") not in kinds_of("Belarus diverted a plane flying to Lithuania.")


# Injuries (not when no one was hurt) and airspace violations.

@pytest.mark.parametrize("lang, sentence", [
    ("en", "A Polish soldier was injured when migrants threw branches and stones at a patrol."),
    ("ru", "Польский военный был ранен на границе."),
    ("pl", "Żołnierz został ranny na granicy."),
    ("de", "Ein polnischer Soldat wurde an der Grenze verletzt."),
    ("lt", "Pasienietis buvo sužeistas prie sienos."),
    ("lv", "Robežsargs tika ievainots pie robežas."),
    ("be", "Польскі вайсковец быў паранены на мяжы."),
])
def test_injuries_are_a_clash(lang, sentence):
    assert ("other", "clash") in kinds_of(sentence)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "No one was injured."),
    ("ru", "Раненых нет."),
    ("pl", "Nikt nie został ranny."),
    ("de", "Verletzte gab es nicht."),
    ("lt", "Sužeistų nėra."),
    ("lv", "Ievainoto nav."),
])
def test_no_one_injured_is_no_clash(lang, sentence):
    assert ("other", "clash") not in kinds_of(sentence)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "A Belarusian helicopter violated Polish airspace."),
    ("ru", "Белорусский вертолёт нарушил воздушное пространство Польши."),
    ("pl", "Białoruski śmigłowiec naruszył polską przestrzeń powietrzną."),
    ("de", "Ein belarussischer Hubschrauber hat den polnischen Luftraum verletzt."),
    ("lt", "Baltarusijos sraigtasparnis pažeidė Lietuvos oro erdvę."),
    ("lv", "Baltkrievijas helikopters pārkāpa Latvijas gaisa telpu."),
])
def test_an_airspace_violation_is_a_border_violation(lang, sentence):
    assert ("border_violation", None) in kinds_of(sentence)


@pytest.mark.parametrize("sentence, kind", [
    ("Uz robežas nepielaisti 48 cilvēki.", ("pushback", None)),
    ("Migranti netika ielaisti Latvijā.", ("pushback", None)),
    ("Pie robežas sešas dienas iesprostoti migranti.", ("other", "camp")),
])
def test_latvian_entry_refused_and_trapped_groups(sentence, kind):
    assert kind in kinds_of(sentence)


def test_latvian_people_let_in_are_no_pushback():
    assert ("pushback", None) not in kinds_of("Humānu apsvērumu dēļ valstī ielaisti trīs cilvēki.")


@pytest.mark.parametrize("sentence", [
    "Ministru kabinets otrdien nolēma pagarināt ārkārtējo situāciju pierobežā.",
    "Ārkārtējā situācija pierobežā tiks pagarināta līdz februārim.",
    "Saeima apstiprināja ārkārtējo stāvokli.",
])
def test_latvian_emergency_in_its_adjective_forms_is_an_order(sentence):
    assert ("statement_or_order", None) in kinds_of(sentence)
