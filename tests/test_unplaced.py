import csv
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


def test_one_letter_from_a_known_name_is_said(ex):
    found = unplaced(ex, "Migrants were seen near the village of Dieveniškėz yesterday.")
    assert all(r["similar_to"] for r in found.values())


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
