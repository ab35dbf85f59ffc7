import csv
import dataclasses
import json

import pytest
from click.testing import CliRunner
from test_gazetteer_cli import gz, small_gazetteer  # noqa: F401 - gz: a private gazetteer copy

from geomap.cli import cli
from geomap.extract import Extractor
from geomap.texts import make_document
from geomap.unplaced import find_unplaced

TEXT = ("Border guards detained 12 migrants near the village of Zuikiškės in Šalčininkai "
        "district on Tuesday, the State Border Guard Service said.")


def run(*args):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture(scope="module")
def ex(tmp_path_factory):
    """The Extractor of a ``small_gazetteer`` (gz's data), built once for the tests that only
    read it (a private gazetteer's cache is built anew, about a second each time)."""
    d = small_gazetteer(tmp_path_factory.mktemp("small") / "gazetteer")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GEOMAP_CACHE_DIR", str(d.parent / "cache"))
        yield Extractor.from_directory(d)


def unplaced(ex, *texts):
    docs = [make_document(f"{i}.txt", t) for i, t in enumerate(texts)]
    return {r["name"]: r for r in find_unplaced(docs, ex)}


def test_cues_designators_and_datelines_find_names_with_evidence(ex):
    found = unplaced(
        ex, TEXT,
        "Migranten wurden bei Zuikiškėse aufgegriffen.",
        "The group crossed at the Pasieniukai stream, two km from Dieveniškės.",
        "ROBEZNIEKAS, Latvia — Latvian guards turned back 20 people.",
        "Minister Jonaitis said the fence would be finished in August.")
    rec = found["Zuikiškės"]
    assert rec["forms"] == ["Zuikiškės", "Zuikiškėse"] and rec["count"] == 2
    assert rec["files"] == ["0.txt", "1.txt"]
    assert rec["country"] == "LT" and rec["kind"] == "village"
    assert rec["near"]["country"] == "LT" and rec["near"]["where"] == "sentence"
    assert found["Pasieniukai"]["kind"] == "other"
    assert found["Robezniekas"]["country"] == "LV"
    assert "Jonaitis" not in found and "August" not in found       # a person, a month
    assert "Dieveniškės" not in found and "Šalčininkai" not in found  # in the gazetteer


def test_persons_organisations_and_lower_case_words_are_left_out(ex):
    found = unplaced(ex, "Near Vytautas Kavaliauskas, officers of the Frontex Agency spoke. "
                         "Migrants in Hope were found; hope was gone. They came from Mr Petraitis.")
    assert not found


def test_one_letter_from_a_known_name_is_said_and_counts_less_only_near_the_border(ex):
    from geomap.normalize import key
    from geomap.unplaced import UnplacedFinder
    # Užventis: a village ~210 km from the border, which extraction does not read a
    # one-letter-off spelling as (resolve.FUZZY_BORDER_KM): the record keeps its confidence
    rec = unplaced(ex, "Migrants were seen near the village of Užventiz yesterday.")["Užventiz"]
    assert rec["similar_to"] == "Užventis" and rec["confidence"] == 0.5
    finder = UnplacedFinder(ex)
    assert finder._one_off(key("Užventiz")) == ("Užventis", True, frozenset())
    assert finder._one_off(key("Dieveniškėz")) == ("Dieveniškės", False,
                                                   frozenset({"LT"}))      # 4 km: counts less
    assert finder._one_off(key("Zuikiškės")) is None


@pytest.mark.slow
def test_round_trip_template_import_extract_and_incident(gz, tmp_path):  # noqa: F811
    src = tmp_path / "texts"
    src.mkdir()
    (src / "a.txt").write_text(TEXT + "\n", encoding="utf-8")
    res = run("incidents", str(src))
    before = json.loads(res.output.splitlines()[0])
    assert before["location"] == "Šalčininkai District Municipality"
    assert before["location_text"] == "Zuikiškės" and before["geo_precision"] == 2
    template = tmp_path / "new.csv"
    res = run("unplaced", str(src), "-o", str(template))
    assert res.exit_code == 0, res.output
    with open(template, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["name"] for r in rows] == ["Zuikiškės"] and rows[0]["lat"] == ""
    res = run("gazetteer", "import", str(template))
    assert res.exit_code == 0 and "1 without coordinates" in res.output
    rows[0].update(lat="54.27", lon="25.35")
    with open(template, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    res = run("gazetteer", "import", str(template))
    assert res.exit_code == 0 and "added 1" in res.output, res.output
    res = run("extract", str(src))
    names = [json.loads(line)["name"] for line in res.output.splitlines()]
    assert "Zuikiškės" in names
    res = run("incidents", str(src))
    after = json.loads(res.output.splitlines()[0])
    assert after["location"] == "Zuikiškės" and after["location_text"] is None
    assert run("unplaced", str(src)).output == ""


def test_table_and_jsonl_formats(gz, tmp_path):  # noqa: F811
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    res = run("unplaced", str(src))
    assert res.exit_code == 0 and res.output.startswith("Zuikiškės (village, LT) x1")
    res = run("unplaced", str(src), "--format", "jsonl")
    rec = json.loads(res.output)
    assert {"name", "forms", "count", "files", "sentence", "near", "country", "kind",
            "confidence"} <= set(rec)


def test_the_report_lists_unplaced_names_escaped(ex):
    from geomap.api import analyse
    from geomap.render.report import build_report

    doc = make_document("a.txt", TEXT + " <script>alert(1)</script>")
    a = analyse([doc], ex)
    assert [u["name"] for u in a.unplaced] == ["Zuikiškės"]
    page = build_report(a)
    section = page[page.index('<section id="unplaced">'):]
    assert "<td>Zuikiškės</td>" in section and "<script>alert" not in section


def _runs_word_by_word(sentence, lower):
    """The reference: every word in turn (as WORD_START's comment defines words)."""
    import re

    from geomap.unplaced import LEAD_WORDS, MAX_WORDS
    out, run = [], []

    def flush():
        while run and (run[0].group(0).lower() in lower or run[0].group(0).lower() in LEAD_WORDS):
            run.pop(0)
        if 0 < len(run) <= MAX_WORDS:
            out.append((run[0].start(), run[-1].end()))
        run.clear()

    for m in re.finditer(r"[^\W\d_][\w’'\-]*", sentence):
        if not m.group(0)[0].isupper():
            flush()
            continue
        if run and sentence[run[-1].end():m.start()] not in (" ", "\u00a0"):
            flush()
        run.append(m)
    flush()
    return out


def test_capitalised_runs_match_a_word_by_word_reading():
    import random

    from geomap.unplaced import capitalised_runs
    chars = list("aAzZ ąĄėĖšŠļĻāĀßẞǅǆΣσДдЁё中²5_’'-.,\u00a0\n𝐀𝐚İıÉé") + [" "] * 8
    rnd = random.Random(7)
    for i in range(20000):
        s = "".join(rnd.choice(chars) for _ in range(rnd.randint(0, 24)))
        lower = {"near", "the"} if i % 2 else set()
        assert list(capitalised_runs(s, lower)) == _runs_word_by_word(s, lower), repr(s)
    s = "Near the Usnarz Górny camp, 5Km from ŠALČININKAI and x-Ray Kena–Gudogai."
    assert [s[a:b] for a, b in capitalised_runs(s, {"near"})] == ["Usnarz Górny", "Km", "ŠALČININKAI",
                                                                   "Kena", "Gudogai"]


def test_names_seen_only_inflected_get_a_guessed_base_form_that_a_sighting_replaces(ex):
    found = unplaced(ex, "Pasieniečiai sulaikė migrantus Varliškių-Zuikėnų kaimų sankryžoje.")
    rec = found["Varliškiai"]
    assert rec["forms"] == ["Varliškių"] and rec["country"] == "LT"
    assert "guessed from 'Varliškių'" in rec["name_guess"] and "genitive" in rec["name_guess"]
    assert found["Zuikėnai"]["forms"] == ["Zuikėnų"]
    found = unplaced(ex, "Migrants were stopped near Varliškių kaimas.",
                     "Guards found them near the village of Varliškės.")
    rec = found["Varliškės"]            # seen in the nominative: the name, no more a guess
    assert rec["forms"] == ["Varliškių", "Varliškės"]
    assert rec["name_guess"] is None


def test_latvian_designators_and_cues(ex):
    found = unplaced(ex, "Robežsargi aizturēja 12 cilvēkus Vecbirznieku ciemā, bet vēl septiņus "
                         "Zaļkalnes pagastā un Mežrozes novadā.")
    assert found["Vecbirznieki"]["kind"] == "village" and found["Vecbirznieki"]["country"] == "LV"
    assert found["Zaļkalne"]["kind"] == "district" and found["Zaļkalne"]["forms"] == ["Zaļkalnes"]
    assert "Mežroze" in found


def test_a_settlement_noun_before_a_name_is_a_cue(ex):
    found = unplaced(ex, "Мигрантов задержали возле деревни Латежерис в Варенском районе.",
                     "Migrantów zatrzymano w okolicach osady Zielonka Stara.")
    assert "after 'деревни'" in found["Латежерис"]["evidence"]
    assert "after 'osady'" in found["Zielonka Stara"]["evidence"]
    found = unplaced(ex, "Мігрантаў затрымалі каля вёскі Пясчанка.")
    assert "after 'вёскі'" in found["Пясчанка"]["evidence"]


@pytest.mark.parametrize("text, name, evidence", [
    ("Нарушителей задержали в районе населенного пункта Кругляны Гродненского района.",
     "Кругляны", "after 'населенного пункта'"),
    ("Группу заметили в н.п. Заболотье.", "Заболотье", "after 'н.п.'"),
    ("Следы нашли у д. Лесковичи.", "Лесковичи", "after 'д.'"),
    ("Затрымалі ў раёне населенага пункта Круглякі.", "Круглякі", "after 'населенага пункта'"),
    ("Die Leiche lag in einem Waldstück nahe dem Dorf\nZaborowszczyzna im Kreis.",
     "Zaborowszczyzna", "after 'nahe dem Dorf'"),
    ("Die Leiche lag in einem Waldstück nahe dem\nDorf Zaborowszczyzna.", "Zaborowszczyzna",
     "after 'nahe dem Dorf'"),
    ("Guards stopped them in the village Zalesiany Nowe.", "Zalesiany Nowe",
     "after 'the village'"),
    ("Wieś Krzywolanka leży przy granicy.", "Krzywolanka", "after 'Wieś'"),
    ("Gyvenvietėje Kalvelės nieko nebuvo.", "Kalvelės", "after 'Gyvenvietėje'"),
    ("Varėnos r. Dubičių k. gyventojai.", "Dubičiai", "before 'k.'"),
    ("They reached a village named Zalesiany Nowe.", "Zalesiany Nowe", "after 'village named'"),
    ("They hid in a hamlet called Krzywolanka.", "Krzywolanka", "after 'hamlet called'"),
    ("Guards patrolled the outskirts of Krzywolanka.", "Krzywolanka",
     "after 'the outskirts of'"),
    ("Im Weiler Kopna Krzywolanka wurden sie gesehen.", "Kopna Krzywolanka", "after 'Weiler'"),
    ("Am Rande des Dorfes Krzywolanka.", "Krzywolanka", "after 'Dorfes'"),
])
def test_settlement_nouns_and_their_abbreviations_are_strong_cues(ex, text, name, evidence):
    rec = unplaced(ex, text)[name]
    assert evidence in rec["evidence"] and rec["confidence"] >= 0.4


def test_a_paragraph_break_ends_a_cue(ex):
    assert not unplaced(ex, "Migranten kamen nahe dem Dorf\n\nZaborowszczyzna Nowa an.")


WEAK_AND_STRONG = {             # (a weak cue alone, a strong one) before the same name
    "en": ("They came from Zalesiany, and went to Zalesiany.",
           "They came from the village of Zalesiany."),
    "pl": ("Szli z Zalesian do Zalesian.", "Byli we wsi Zalesiany."),
    "ru": ("Шли из Заболотья в Заболотье.", "Были в деревне Заболотье."),
    "be": ("Ішлі з Забалоцця ў Забалоцце.", "Былі ў вёсцы Забалоцце."),
    "lt": ("Atvyko iš Zalesiškių į Zalesiškes.", "Buvo Zalesiškių kaime."),
    "lv": ("Nāca no Zalesjes uz Zalesji.", "Bija Zalesjes ciemā."),
    "de": ("Sie kamen aus Zalesiany nach Zalesiany.", "Sie waren im Dorf Zalesiany."),
}


@pytest.mark.parametrize("lang", sorted(WEAK_AND_STRONG))
def test_weak_cues_alone_stay_below_the_threshold_strong_ones_above(ex, lang):
    weak, strong = WEAK_AND_STRONG[lang]
    assert not unplaced(ex, weak, weak, weak)         # however often, in however many texts
    assert [r["confidence"] >= 0.4 for r in unplaced(ex, strong).values()] == [True]


def test_a_guessed_name_is_left_out_when_its_written_form_is_a_common_word(ex):
    found = unplaced(ex, "Netoli Varliškių kaime buvo sulaikyti migrantai. Prie Miškų kaime irgi.",
                     "Ten daug miškų.")
    assert "Varliškiai" in found and "Miškai" not in found


def test_adjectives_of_known_countries_are_left_out(ex):
    texts = ["Guards in Iraqi uniforms stood near Varliškės.",
             "A break in Lithuanian-Belarusian relations, said to German diplomats near Varliškės."]
    found = unplaced(ex, *texts, *texts)
    assert set(found) == {"Varliškės"}


def test_compiled_words_and_runs_match_the_python_rules():
    import random

    from geomap.keyscan import compiled
    from geomap.texts import sentence_spans
    from geomap.unplaced import LEAD_WORDS, MAX_WORDS, lower_words, sentence_runs
    if not hasattr(compiled, "lower_words"):
        pytest.skip("compiled scanners not built (or built before these)")
    chars = list("aAzZ ąĄėĖšŠļĻāĀßẞǅǆΣσςДдЁё中שׁ²5_’'-.,!?\u00a0\n𝐀𝐚İıÉéﬁ\u0301") + [" "] * 8
    rnd = random.Random(11)
    texts = ["Near the Usnarz Górny camp, 5Km from ŠALČININKAI and x-Ray Kena–Gudogai.",
             "The Guards met. Near Vilnius near the A1 road, the_x Ąžuolai; Ǆ ǅx Ǆx.", ""]
    texts += ["".join(rnd.choice(chars) for _ in range(rnd.randint(0, 60))) for _ in range(5000)]
    for text in texts:
        lower = lower_words(text)
        assert compiled.lower_words(text) == lower, repr(text)
        for spans in (sentence_spans(text), [(0, len(text))]):
            assert compiled.capitalised_runs(text, spans, lower, LEAD_WORDS, MAX_WORDS) == \
                sentence_runs(text, spans, lower), repr(text)


# Short reports written for these tests (invented hamlets, streams and forests beside real
# places; persons, organisations, units, page furniture, inflected and adjectival forms of
# known places), per language, and the names each language's reports lack, exactly.
OWN_REPORTS = {
    "en": [
        (
            "VILNIUS, Lithuania — Lithuanian border guards on Sunday turned back 27 migrants who "
            "tried to cross from Belarus near the hamlet of Gervėnai in Šalčininkai district, the "
            "State Border Guard Service (VSAT) said.\n"
            "Spokesperson Giedrius Mišutis told reporters that the group was spotted by a thermal "
            "camera at 3 a.m. close to the Visinčia river. Another group of nine was detained in the "
            "Rūdninkai forest.\n"
            "\"They were cold and hungry,\" Mišutis said. Officers of the Varėna frontier station "
            "handed them food.\n"
            "Read more: Lithuania extends state of emergency\n"
            "Photo: VSAT\n"
        ),
        (
            "WARSAW (Reuters) - Polish Border Guard officers detained four suspected smugglers near "
            "Krynki on Wednesday after a chase through the village of Ozierany Wielkie, a spokeswoman"
            " for the Podlasie Border Guard Unit said.\n"
            "Katarzyna Zdanowicz said the men had picked up 11 Iraqi and Syrian migrants in the "
            "forest outside Zabłocie, a hamlet of 40 people in Sokółka county.\n"
            "\"We saw lights near the Świsłocz river at night,\" said Jan Kowalczyk, a farmer from "
            "Nowodziel. Activists of Grupa Granica later reported a second group stuck in the swamp "
            "by the Kamionka stream.\n"
            "Reporting by Pawel Florkiewicz; Editing by Mark Heinrich\n"
        ),
        (
            "RIGA, Latvia — Latvia's State Border Guard said on Tuesday it had prevented 63 attempts "
            "to cross the border from Belarus in the past 24 hours, most of them in the Daugavpils "
            "and Ludza sectors.\n"
            "A group of 19 was stopped near the village of Kalnaviesi in Krāslava municipality, and "
            "six more at Vecborne. Border guard spokeswoman Ieva Kupce said the guards also found a "
            "torn section of fence near Rucava Lake.\n"
            "The ministry of interior has asked the Saeima to extend the emergency until November.\n"
            "Subscribe to our newsletter\n"
        ),
        (
            "Belarusian state TV showed footage on Monday of migrants sleeping at a logistics centre "
            "at Bruzgi, while Polish police said a Syrian man was found dead in a swamp near Dubicze "
            "Cerkiewne.\n"
            "Another body was recovered in the Białowieża Forest near the settlement of Zwierzyniec "
            "Mały, according to a statement by Hajnówka police chief Piotr Nowik.\n"
            "Lukashenko's press service said the president had visited the camp. Minsk denies "
            "orchestrating the crisis.\n"
            "Advertisement\n"
            "Share this article\n"
        ),
        (
            "Lithuania pushes back 40 migrants, detains driver\n"
            "By Andrius Sytas\n"
            "VILNIUS, Aug 3 (Reuters) - Lithuanian border guards said on Tuesday they had turned back"
            " 40 people overnight, including a group found in a bog near Baciūnai, a village of a "
            "dozen homesteads in Varėna district.\n"
            "Officers from the Druskininkai border station also detained a Lithuanian driver on the "
            "Merkinė–Marcinkonys road with five Sri Lankans in his van. \"He was paid 500 euros,\" "
            "border guard spokesman Giedrius Mišutis said.\n"
            "Camps in Medininkai and Kybartai are full, the Interior Ministry said. The European "
            "Commission will send tents.\n"
            "Related coverage: EU to fund border fence\n"
        ),
        (
            "Poland's Border Guard said on Friday a group of 32 migrants had broken through the fence"
            " near Czeremcha and hidden in woods outside Kuzawa. Soldiers found 12 of them in the "
            "morning by the Orlanka river, and four more at a farm in Wólka Terechowska.\n"
            "Humanitarian medics from the Medycy na Granicy group treated a woman from Congo in "
            "Siemianówka. Deputy Interior Minister Maciej Wąsik said police had arrested three "
            "Georgians in Bielsk Podlaski. On Saturday, another body was found in the Bug near Wólka "
            "Nadbużna.\n"
        ),
    ],
    "lt": [
        (
            "Vilnius, rugpjūčio 12 d. (BNS). Valstybės sienos apsaugos tarnybos (VSAT) pareigūnai "
            "sekmadienį neįleido 31 neteisėto migranto.\n"
            "Daugiausia jų – 14 – apgręžti Varėnos pasienio rinktinės kontroliuojamame ruože, netoli "
            "Juodbalių kaimo. Dar aštuoni žmonės sulaikyti Šalčininkų rajone, prie Jašiūnų, ir "
            "Lazdijų rajone, Kapčiamiesčio seniūnijoje, ties Mikniškių kaimu.\n"
            "VSAT atstovas Giedrius Mišutis sakė, kad migrantai buvo nuvežti į Pabradės užsieniečių "
            "registracijos centrą.\n"
            "Skaitykite daugiau: Seimas pratęsė nepaprastąją padėtį\n"
        ),
        (
            "Ketvirtadienio naktį Druskininkų pasienio užkardos pareigūnai prie Ratnyčėlės upelio "
            "pastebėjo grupę užsieniečių. Pasak VSAT, netoli Paliepių kaimo buvo sulaikyti du Irako "
            "piliečiai, o Kabelių miške rasta dar penki žmonės.\n"
            "Pasieniečiai taip pat patikrino apleistą sodybą Gudelių vienkiemyje. Vidaus reikalų "
            "ministrė Agnė Bilotaitė teigė, kad tvoros statyba bus baigta rugsėjį.\n"
            "Nuotr. VSAT\n"
        ),
        (
            "Šalčininkų rajone, Dieveniškių seniūnijoje, netoli Norviliškių kaimo pasieniečiai aptiko"
            " nukirptą spygliuotą vielą. Vėliau Poškonių apylinkėse sulaikyta 12 asmenų grupė.\n"
            "Rytą migrantų pėdsakai rasti ir prie Dainavos girios, Stakų kaime. Pasieniečių teigimu, "
            "vienas vyras prisistatė kaip Ahmedas Al Hassanas.\n"
        ),
        (
            "Alytus, spalio 5 d. Lazdijų rajone, Kučiūnų seniūnijoje, pasieniečiai naktį sulaikė "
            "penkis Sirijos piliečius. Jie buvo aptikti netoli Gervėčių ir Mikabalių kaimų, prie "
            "Baltosios Ančios upės.\n"
            "VSAT Varėnos rinktinės vadas Vaidas Bagdonas teigė, kad situacija stabili. Kitą grupę "
            "pasieniečiai apgręžė Marcinkonių apylinkėse, Musteikos kaime.\n"
            "Daugiau naujienų skaitykite lrt.lt\n"
        ),
    ],
    "lv": [
        (
            "Valsts robežsardzes Daugavpils pārvaldes robežsargi pagājušajā diennaktī novērsuši 47 "
            "personu mēģinājumus nelikumīgi šķērsot robežu no Baltkrievijas.\n"
            "Krāslavas novadā, pie Šķeltovas, aizturēti četri Sīrijas pilsoņi, bet Indras pagastā pie"
            " Vecsētas ciema robežsargi atrada vēl septiņus cilvēkus.\n"
            "Robežsardzes preses pārstāve Ieva Kupce aģentūrai LETA pastāstīja, ka migranti mēģināja "
            "šķērsot robežu pie Dervanišķu ezera. Lūdzu, skatiet arī: Saeima pagarina ārkārtējo "
            "situāciju.\n"
        ),
        (
            "Ludzas pārvaldes atbildības zonā, Zaļesjes pagastā pie Žogotu mājām, robežsargi "
            "aizturēja cilvēku kontrabandistu. Robežsargi informē, ka Latvijas pilsonis, dzimis 1987."
            " gadā, pārvadāja piecus Afganistānas pilsoņus.\n"
            "Vēl viena grupa tika apturēta Robežnieku pagastā, netālu no Vaicuļevas. Iekšlietu "
            "ministrs Māris Kučinskis solīja papildu finansējumu.\n"
        ),
        (
            "Robežsargi naktī pie Baltkrievijas robežas Daugavpils novadā, Demenes pagastā pie "
            "Lielborņu ciema, aizturēja trīs Irākas pilsoņus. Vēl divi cilvēki atrasti mežā netālu no"
            " Kumbuļiem.\n"
            "Valsts robežsardzes priekšnieks Guntis Pujāts norādīja, ka Silenes robežpunktā situācija"
            " ir mierīga. Meža masīvā pie Skrudalienas ezera robežsargi atrada nometni.\n"
        ),
    ],
    "pl": [
        (
            "Białystok, 3 października. Funkcjonariusze Podlaskiego Oddziału Straży Granicznej "
            "zatrzymali w nocy 18 cudzoziemców w miejscowości Ozierany Małe w gminie Krynki. Jak "
            "poinformowała rzeczniczka Straży Granicznej por. Katarzyna Zdanowicz, grupa przekroczyła"
            " granicę w rejonie Szudziałowa.\n"
            "Kolejnych sześć osób zatrzymano we wsi Łosiniany, a dwóch kurierów koło Zubrzycy "
            "Wielkiej. Na terenie Puszczy Knyszyńskiej, nad rzeką Sokołdą, znaleziono porzucone "
            "ubrania.\n"
            "Czytaj także: Mur na granicy. Fot. Straż Graniczna\n"
        ),
        (
            "W okolicach Białowieży, na drodze do Pogorzelców, policjanci z Hajnówki zatrzymali "
            "samochód z siedmioma migrantami. Kierowca, obywatel Ukrainy, usłyszał zarzuty. Według "
            "Grupy Granica kolejne osoby koczują w lesie pod Starym Masiewem.\n"
            "Placówka Straży Granicznej w Narewce poinformowała też o zatrzymaniu dwóch osób przy "
            "ulicy Mickiewicza w Hajnówce. Wojewoda podlaski Bohdan Paszkowski wprowadził zakaz "
            "przebywania w strefie przygranicznej. Mieszkańcy wsi Janowo mówią o nocnych patrolach.\n"
        ),
        (
            "Do zdarzenia doszło w poniedziałek na odcinku chronionym przez placówkę SG w Michałowie."
            " Patrol zauważył grupę migrantów w okolicy Jałówki i Nowej Łuplanki. Straż Graniczna "
            "podała, że przy słupie granicznym koło Bobrowniczek wojsko odparło atak.\n"
            "Minister Mariusz Kamiński zapowiedział kontrole. Mieszkaniec Gródka, pan Andrzej, mówi, "
            "że w Zaleszanach widział ślady obozowiska.\n"
        ),
        (
            "Hajnówka, 12 listopada. Do zdarzenia doszło we wtorek wieczorem w okolicach Czerlonki. "
            "Funkcjonariusze z placówki Straży Granicznej w Białowieży zatrzymali trzech obywateli "
            "Iraku w pobliżu Grudek. Jak przekazał rzecznik prasowy Podlaskiego Oddziału SG mjr "
            "Michał Tokarczyk, cudzoziemcy ukrywali się w lesie przy drodze z Budy do Teremisek.\n"
            "Wcześniej, w poniedziałek, żołnierze zauważyli grupę nad rzeką Leśną Prawą, niedaleko "
            "Nowego Berezowa. Mieszkańcy Orzeszkowa mówią o dronach.\n"
            "Zobacz też: Wojsko na granicy. Fot. PAP/Artur Reszko\n"
        ),
    ],
    "ru": [
        (
            "ГРОДНО, 14 сентября. /ТАСС/. Пограничники Гродненской пограничной группы обнаружили тело"
            " мужчины возле деревни Малые Эйсмонты Берестовицкого района, сообщил Государственный "
            "пограничный комитет Беларуси.\n"
            "По словам официального представителя ГПК Антона Бычковского, мигранты находились в лесу "
            "у хутора Заречанка. Еще одна группа беженцев провела ночь в урочище Лесное у реки "
            "Свислочь.\n"
            "Беженцы были доставлены в транспортно-логистический центр у пункта пропуска «Брузги». "
            "Читайте также: Лукашенко встретился с беженцами.\n"
        ),
        (
            "Как сообщает литовская пограничная служба, в среду в Варенском районе, близ деревни "
            "Кашетос, задержаны трое граждан Ирака. Еще 16 человек были развернуты у Латвийской "
            "границы в районе поселка Вецборне.\n"
            "Министр внутренних дел Литвы Агне Билотайте заявила, что забор будет достроен к "
            "сентябрю. В Вильнюсе прошла акция протеста у здания Сейма.\n"
        ),
        (
            "МИНСК, 9 ноября — Sputnik. Несколько тысяч беженцев находятся у белорусско-польской "
            "границы в районе Брузги — Кузница. Как сообщили в Госпогранкомитете, часть мигрантов "
            "разбила лагерь возле деревни Чернички Гродненского района.\n"
            "По данным пограничной службы, вечером группа из 40 человек пыталась прорваться к поселку"
            " Соколяны. Пресс-секретарь ведомства Антон Бычковский заявил, что ситуация на участке "
            "Свислочского погранотряда под контролем.\n"
            "Ранее в урочище Голынка у реки Лососна нашли тело мужчины.\n"
        ),
    ],
    "de": [
        (
            "Warschau (dpa) - Polnische Grenzschützer haben nahe dem Dorf Tołcze an der Grenze zu "
            "Belarus eine Gruppe von 30 Migranten aufgegriffen. Das teilte eine Sprecherin des "
            "Grenzschutzes, Anna Michalska, am Dienstag mit.\n"
            "Im Urwald bei Hajnówka wurde zudem die Leiche eines jungen Mannes aus Syrien gefunden. "
            "Helfer der Organisation Grupa Granica berichteten von weiteren Menschen im Sumpf bei "
            "Kołonna.\n"
            "Lesen Sie auch: EU-Kommission stellt Hilfen bereit\n"
        ),
        (
            "Die litauischen Behörden meldeten am Wochenende 40 neue Fälle. In der Nähe von "
            "Raudonėliai im Bezirk Varėna sei eine Gruppe von Irakern festgenommen worden, sagte "
            "Innenministerin Agnė Bilotaitė. Das Lager in Rukla ist überfüllt.\n"
            "Im lettischen Grenzgebiet, im Dorf Šķilbėni, griffen Grenzer sechs Menschen auf. "
            "Präsident Gitanas Nausėda besuchte am Montag Medininkai.\n"
        ),
        (
            "Vilnius/Warschau (AFP) - Litauische Grenzschützer haben nach eigenen Angaben in der "
            "Nacht zum Sonntag 56 Migranten an der Einreise aus Belarus gehindert. Die meisten wurden"
            " im Bezirk Šalčininkai nahe der Ortschaft Kalviškės abgewiesen, teilte der Grenzschutz "
            "mit.\n"
            "Im polnischen Kreis Sokółka, im Wald bei Nomiki, entdeckten Soldaten ein Zeltlager. Die "
            "Hilfsorganisation Ocalenie sprach von Kindern im Lager. Innenminister Mariusz Kamiński "
            "kündigte eine Verlängerung des Ausnahmezustands an.\n"
        ),
    ],
    "be": [
        (
            "Памежнікі Гродзенскай памежнай групы затрымалі каля вёскі Калпакі Гродзенскага раёна "
            "грамадзяніна Літвы, паведаміў Дзяржпагранкамітэт. Па словах прэс-сакратара Антона "
            "Бычкоўскага, мужчына ішоў праз лес ля ракі Лашанка.\n"
            "Яшчэ адна група мігрантаў знаходзілася ў лагеры каля пункту пропуску «Брузгі». У Мінску "
            "адбылася нарада.\n"
        ),
        (
            "Ноччу каля хутара Пагарэлка ў Воранаўскім раёне пагранічнікі Ашмянскай памежнай групы "
            "знайшлі трох мігрантаў. Непадалёк ад Беняконяў, у вёсцы Дзевянішкі Малыя, жыхары бачылі "
            "групу людзей. Міністр Віктар Хрэнін наведаў мяжу.\n"
        ),
        (
            "ГРОДНА, 22 лістапада. Каля памежнага пункту пропуску «Брузгі» ў лагістычным цэнтры "
            "застаюцца каля 2 тысяч бежанцаў. Як паведамілі ў Дзяржпагранкамітэце, група мігрантаў "
            "начавала ў лесе паблізу вёскі Лясная Паляна Гродзенскага раёна.\n"
            "Жыхары аграгарадка Адэльск скардзяцца на шум. Раней памежнікі затрымалі трох чалавек на "
            "хутары Падлескі ля ракі Нёман.\n"
        ),
    ],
}
OWN_LACKS = {
    "be": ["Калпакі", "Лашанка", "Дзевянішкі Малыя", "Пагарэлка", "Адэльск", "Лясная Паляна", "Нёман", "Падлескі"],
    "de": ["Kołonna", "Tołcze", "Raudonėliai", "Šķilbėni", "Kalviškės", "Nomiki"],
    "en": ["Gervėnai", "Visinčia", "Ozierany Wielkie", "Kalnaviesi", "Rucava Lake", "Zwierzyniec Mały", "Baciūnai", "Kuzawa", "Orlanka", "Wólka Nadbużna", "Siemianówka", "Wólka Terechowska"],
    "lt": ["Juodbaliai", "Mikniškiai", "Paliepiai", "Ratnyčėlė", "Gudeliai", "Dainava", "Stakai", "Baltoji Ančia", "Mikabaliai", "Gervėčiai", "Kučiūnai", "Musteika"],
    "lv": ["Dervanišķi", "Vecsēta", "Šķeltova", "Žogoti", "Zaļesje", "Vaicuļeva", "Lielborņi", "Skrudaliena", "Demene", "Kumbuļi"],
    "pl": ["Ozierany Małe", "Puszcza Knyszyńska", "Zubrzyca Wielka", "Łosiniany", "Sokołda", "Stare Masiewo", "Bobrowniczki", "Jałówka", "Nowa Łuplanka", "Czerlonka", "Leśna Prawa", "Nowe Berezowo"],
    # "у реки Свислочь": the river, which the gazetteer lacks (it has the town Svislach)
    "ru": ["Заречанка", "Лесное", "Малые Эйсмонты", "Вецборне", "Кашетос", "Голынка", "Лососна",
           "Соколяны", "Чернички", "Свислочь"],
}


@pytest.fixture(scope="module")
def full():
    """The Extractor of the bundled gazetteer (the reports name Polish and Belarusian places
    that ``small_gazetteer`` lacks)."""
    return Extractor.from_directory()


@pytest.mark.parametrize("lang", sorted(OWN_REPORTS))
def test_own_reports_give_the_names_the_gazetteer_lacks_and_nothing_else(full, lang):
    assert sorted(unplaced(full, *OWN_REPORTS[lang])) == sorted(OWN_LACKS[lang])


def test_own_reports_records_guess_kind_country_near_and_base_form(full):
    found = {}
    for texts in OWN_REPORTS.values():
        found.update(unplaced(full, *texts))
    kinds = {n: found[n]["kind"] for n in ("Visinčia", "Лашанка", "Лесное", "Puszcza Knyszyńska",
                                           "Rucava Lake", "Sokołda", "Kučiūnai", "Zaļesje",
                                           "Gervėnai", "Заречанка")}
    assert kinds == {"Visinčia": "other", "Лашанка": "other", "Лесное": "other",
                     "Puszcza Knyszyńska": "other", "Rucava Lake": "other", "Sokołda": "other",
                     "Kučiūnai": "district", "Zaļesje": "district", "Gervėnai": "village",
                     "Заречанка": "village"}
    rec = found["Zubrzyca Wielka"]
    assert rec["forms"] == ["Zubrzycy Wielkiej"] and "Polish genitive" in rec["name_guess"]
    assert found["Stare Masiewo"]["forms"] == ["Starym Masiewem"]
    assert found["Baltoji Ančia"]["forms"] == ["Baltosios Ančios"]
    assert found["Šķeltova"]["forms"] == ["Šķeltovas"]        # "pie" takes the genitive
    assert "(a list)" in found["Nowa Łuplanka"]["evidence"][0]
    assert found["Łosiniany"]["country"] == "PL" and found["Vecsēta"]["country"] == "LV"
    rec = found["Gervėnai"]
    assert rec["country"] == "LT" and rec["near"]["name"].startswith("Šalčininkai")
    assert rec["near"]["where"] == "sentence"
    rec = found["Малые Эйсмонты"]                # not "Малые Эйсмонты Берестовицкого"
    assert rec["country"] == "BY" and rec["near"]["country"] == "BY"


@pytest.mark.parametrize("words, case, country, name", [
    (["Zubrzycy", "Wielkiej"], "gen", "PL", "Zubrzyca Wielka"),
    (["Nowego", "Berezowa"], "gen", "PL", "Nowe Berezowo"),
    (["Bobrowniczek"], "gen", "PL", "Bobrowniczki"),
    (["Pogorzelców"], "gen", None, "Pogorzelce"),
    (["Starym", "Masiewem"], "ins", "PL", "Stare Masiewo"),
    (["Sokołdą"], "ins", None, "Sokołda"),
    (["Kalvių"], "gen", "PL", None),                     # Lithuanian letters: not Polish
    (["Hrodna"], "gen", None, None),                     # no Polish letter, no Polish cue
])
def test_polish_names_after_a_case_taking_cue_get_a_guessed_nominative(words, case, country,
                                                                        name):
    from geomap.unplaced import _polish_guess
    guess = _polish_guess(words, case, country)
    assert (guess and guess[0]) == name


def test_an_incident_without_a_place_takes_its_unplaced_names_area_or_country(ex):
    from geomap.api import analyse
    from geomap.unplaced import locate_incidents

    doc = make_document("a.txt", " date 2021-08-11 Border guards detained 12 migrants near the "
                                 "Polish village of Zarzeczany Stare on Tuesday.")
    a = analyse([doc], ex)
    (inc,) = a.incidents
    assert inc.location_text == "Zarzeczany Stare" and inc.place.id == "cc:PL"
    assert inc.geo_precision == 3 and inc.border is not None
    assert a.unplaced[0]["country_reason"] == "'Polish village of'"
    # a name with a guessed area (and a surer one than another name of the sentence)
    doc = make_document("b.txt", " date 2021-08-11 On Tuesday 12 migrants were detained near "
                                 "the hamlet of Pagiriai Mažieji, officials said.")
    bare = analyse([doc], ex).incidents[0]
    assert bare.place is None
    (area,) = [p for p in ex.gazetteer.places if p.name == "Šalčininkai"][:1]
    near = {"name": area.name, "id": area.id, "kind": area.kind, "country": area.country,
            "lat": area.lat, "lon": area.lon, "where": "document"}
    records = [{"name": "Were Detained", "forms": ["were detained near the hamlet"],
                "confidence": 0.5, "near": None, "country": None},      # longer, less sure
               {"name": "Pagiriai Mažieji", "forms": ["Pagiriai Mažieji"], "confidence": 1.0,
                "near": near, "country": "LT"}]
    (placed,) = locate_incidents([bare], records, ex.entry)
    assert placed.location_text == "Pagiriai Mažieji" and placed.place.id == area.id
    assert placed.geo_precision == 2 and placed.border == ex.entry(area.id)[1]
    (kept,) = locate_incidents([bare], records)             # no gazetteer: no fallback
    assert kept.place is None and kept.location_text == "Pagiriai Mažieji"
    # an incident placed only at a country takes the name's area too
    country = dataclasses.replace(bare, place=ex.entry("cc:LT")[0], geo_precision=3)
    (moved,) = locate_incidents([country], records, ex.entry)
    assert moved.place.id == area.id and moved.geo_precision == 2
    # ... but not its country guess (the country it had stands)
    records[1]["near"] = None
    (stays,) = locate_incidents([country], records, ex.entry)
    assert stays.place.id == "cc:LT" and stays.geo_precision == 3


@pytest.mark.parametrize("lang, text, name", [
    ("lt", "Sekmadienį Gintaro Žagunio užkardos pasieniečiai netoli Ašarinų kaimo sulaikė 41 "
     "migrantą.", "Ašarinai"),          # a station named after a person
    # a station's village the gazetteer lacks is listed (Czeremcha: not in this one)
    ("pl", "Najwięcej w rejonie Placówek SG w Czeremsze i Narewce, koło wsi Klimówka.",
     "Czeremcha Klimówka"),
    ("pl", "Najwięcej w rejonie Placówki SG w Czeremsze i Narewce, koło wsi Klimówka.",
     "Czeremcha Klimówka"),
])
def test_days_and_border_guard_posts_are_no_names(ex, lang, text, name):
    assert list(unplaced(ex, text)) == name.split()


@pytest.mark.parametrize("lang, texts, name, forms, kind", [
    # a genitive plural and the nominative: one record, named by the nominative
    ("pl", ["Migranci przeszli przez granicę w rejonie Żabik.",
            "W miejscowości Żabiki zatrzymano 8 osób."], "Żabiki", ["Żabik", "Żabiki"], "village"),
    ("pl", ["W miejscowości Żabiki zatrzymano 8 osób.",
            "Migranci przeszli przez granicę w rejonie Żabik."], "Żabiki", ["Żabik", "Żabiki"],
     "village"),
    ("pl", ["Kolejną grupę zatrzymano koło Porzeczan Wielkich."], "Porzeczany Wielkie",
     ["Porzeczan Wielkich"], "village"),
    # a masculine noun with its adjective in the genitive
    ("pl", ["Migranci koczowali w lesie koło Kołacza Górnego."], "Kołacz Górny",
     ["Kołacza Górnego"], "village"),
    ("ru", ["Группа пыталась прорваться к деревне Лозняки."], "Лозняки", ["Лозняки"],
     "village"),
    # the first word of a longer name is no far place of that name (a Wólka 71 km inland)
    ("pl", ["Ciało znaleziono w pobliżu Wólki Krzywiańskiej."], "Wólka Krzywiańska",
     ["Wólki Krzywiańskiej"], "village"),
    # one letter from a Lithuanian village, in a Polish text: as likely a place of its own
    ("pl", ["Jeszcze jedną grupę zatrzymano koło wsi Mielniki."], "Mielniki", ["Mielniki"],
     "village"),
    # a date after the name does not make it a date when a cue stands before it
    ("ru", ["Пограничники задержали 12 мигрантов у деревни Лозняки 5 ноября.",
            "Ещё одну группу задержали в деревне Лозняки."], "Лозняки", ["Лозняки"], "village"),
    # a river, stream or neighbourhood word before the name, or after it in the genitive
    ("en", ["Border guards detained 9 migrants near the stream Zuikupis."], "Zuikupis",
     ["Zuikupis"], "other"),
    ("pl", ["Migrantów zatrzymano nad brzegiem strumienia Zuikupis."], "Zuikupis", ["Zuikupis"],
     "other"),
    ("ru", ["Задержание произошло в микрорайоне Ольшанка 10 ноября."], "Ольшанка", ["Ольшанка"],
     "other"),
    ("pl", ["Policja zatrzymała przemytnika na osiedlu Słoneczny Stok."], "Słoneczny Stok",
     ["Słoneczny Stok"], "other"),
    ("lt", ["Migrantai sulaikyti Žirmūnėlių mikrorajone."], "Žirmūnėliai", ["Žirmūnėlių"],
     "other"),
    ("lv", ["Migranti aizturēti Ziemeļblāzmas mikrorajonā."], "Ziemeļblāzma", ["Ziemeļblāzmas"],
     "other"),
    # a village after its parish, both in the genitive
    ("lv", ["Robežsargi netālu no Skrudalienas pagasta Mazborovkas aizturēja 20 migrantus."],
     "Mazborovka", ["Mazborovkas"], "village"),
    # a river named as a town the gazetteer has: the river, which it lacks
    ("pl", ["Drugiego mężczyznę zatrzymano przy rzece Świsłocz."], "Świsłocz", ["Świsłocz"],
     "other"),
    ("de", ["Migranten durchquerten den Fluss Świsłocz bei Nacht."], "Świsłocz", ["Świsłocz"],
     "other"),
])
def test_plurals_neighbourhoods_streams_and_parish_villages(full, lang, texts, name, forms, kind):
    rec = unplaced(full, *texts)[name]
    assert rec["forms"] == forms and rec["kind"] == kind and rec["confidence"] >= 0.4
    assert rec["count"] == len(texts)


def test_common_german_nouns_are_no_places(full):
    from geomap.texts import make_document as doc
    # "Mann" is an alternate name of the Isle of Man: a common word (common-words.txt)
    assert [m.text for m in full.extract(doc("t", "Ein weiterer Mann starb nahe Hajnówka."))] \
        == ["Hajnówka"]


@pytest.mark.parametrize("lang, text, name, forms, kind", [
    # a border guards' station is named after its village: the village, in its base form
    ("lt", "Antradienį Padvarionių užkardos pasieniečiai sulaikė 9 užsieniečius.", "Padvarionys",
     ["Padvarionių"], "village"),
    ("lt", "Sekmadienį Zuikėnų užkardos pasieniečiai sulaikė 41 migrantą.", "Zuikėnai",
     ["Zuikėnų"], "village"),
    ("en", "Officers of the Padvarionys frontier station found 14 migrants.", "Padvarionys",
     ["Padvarionys"], "village"),
    ("ru", "Сотрудники погранзаставы «Лососно» задержали 8 иностранцев.", "Лососно",
     ["Лососно"], "village"),
    ("pl", "Funkcjonariusze z Placówki SG w Nomikach zatrzymali 5 osób.", "Nomiki",
     ["Nomikach"], "village"),
    ("de", "Die Beamten der Placówka Straży Granicznej w Jałówce griffen 5 Menschen auf.",
     "Jałówka", ["Jałówce"], "village"),
    # the surroundings of a village, a Lithuanian instrumental plural, a Baltic name in -s as
    # Russian declines it
    ("lt", "Daugiausia migrantų apgręžta Čepelių apylinkėse.", "Čepeliai", ["Čepelių"],
     "village"),
    ("lt", "Migrantai bandė pereiti sieną ties Purvėnais.", "Purvėnai", ["Purvėnais"], "village"),
    ("ru", "Ещё одна группа остановлена недалеко от Дуокишкеса.", "Дуокишкес", ["Дуокишкеса"],
     "village"),
    # a name joined by a conjunction to a settlement extraction placed
    ("lv", "Otrdien Robežniekos un Grāveros aizturēti 9 nelegālie imigranti.", "Grāveri",
     ["Grāveros"], "village"),
    ("pl", "Migrantów zatrzymano w Krynkach i Nomikach.", "Nomiki", ["Nomikach"], "village"),
])
def test_stations_surroundings_and_lists_name_their_villages(full, lang, text, name, forms,
                                                              kind):
    rec = unplaced(full, text)[name]
    assert rec["forms"] == forms and rec["kind"] == kind and rec["confidence"] >= 0.4


@pytest.mark.parametrize("lang, text", [
    ("en", "Migrants were held near Krynki, Reuters reported."),     # a comma is no list
    ("lt", "Gintaro Žagunio užkardos pareigūnai sulaikė 5 migrantus."),
    ("ru", "Пограничники Лидского пограничного отряда задержали двоих."),
])
def test_no_station_or_list_without_its_words(full, lang, text):
    assert unplaced(full, text) == {}


@pytest.mark.parametrize("lang, text, found", [
    ("pl", "Grupę migrantów zatrzymano wczoraj w Nomikach koło Krynek.", ["Nomiki"]),
    ("pl", "W Nomikach nikogo nie było.", []),              # opening the sentence: no evidence
    ("pl", "Rozmawiano o tym w Ministerstwie.", []),         # no locative plural
])
def test_polish_w_before_a_locative_plural(full, lang, text, found):
    assert list(unplaced(full, text)) == found


def test_the_cue_index_finds_what_a_search_of_every_cue_finds():
    from geomap.unplaced import BEFORE, _score_before

    def reference(text, start):            # every cue searched, in order
        before = text[max(0, start - 40):start].replace("\n", " ")
        for rx, weight, country, case in BEFORE:
            if m := rx.search(before):
                return weight, country, f"after {m.group(0).strip()!r}", case
        return 0.0, None, "", None

    texts = ["Migrants near the village of X.", "on the outskirts of X", "w pobliżu wsi X",
             "koło X", "pod X", "нас. п. X", "в районе населенного пункта X", "н.п. X",
             "у деревни X", "pie X", "netālu no X", "Skrudalienas pagasta X", "prie X",
             "netoli X", "bei X", "nahe dem Dorf X", "in X", "from X", "gminy X", "(near X",
             "the stream X", "a village called X", "каля вёскі X", "у X", "Said X"]
    for text in texts:
        start = text.rindex("X")
        assert _score_before(text, start) == reference(text, start), text



@pytest.fixture(scope="module")
def bundled():
    return Extractor.from_directory()


@pytest.mark.parametrize("text", [
    "Svētdien pie Silenes, Valsts robežsardzes amatpersonas aizturēja septiņus migrantus.",
    "Prie Kabelių, Valstybės sienos apsaugos tarnybos pareigūnai sulaikė migrantus.",
    "Koło Kuźnicy, Państwowa Straż Graniczna zatrzymała migrantów.",
    "Bei Kuźnica, Bundespolizei und Grenzschutz nahmen 20 Migranten fest.",
    "У Брузгов, Государственный пограничный комитет задержал мигрантов.",
])
def test_a_state_organisation_after_a_place_is_no_place_of_a_list(bundled, text):
    doc = make_document("a.txt", text)
    assert find_unplaced([doc], bundled) == []


def test_a_name_keeps_its_diacritics_whichever_text_names_it_first(bundled):
    texts = ["Migrants camped near the village of Usnarz Gorny on Monday.",
             "Migranci koczują w pobliżu Usnarza Górnego od tygodnia."]
    for order in (texts, texts[::-1]):
        docs = [make_document(f"{i}.txt", t) for i, t in enumerate(order)]
        (rec,) = find_unplaced(docs, bundled)
        assert rec["name"] == "Usnarz Górny" and rec["count"] == 2
