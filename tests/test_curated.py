"""The curated border places (issue 18, item 5): each resolves through `where`, first, on its
stated side and a few km from the border; every curated row cites a source."""
import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap.cli import cli

pytestmark = pytest.mark.usefixtures("compiled_once")   # loading is not under test

ROOT = Path(__file__).resolve().parent.parent


def where(name):
    res = CliRunner().invoke(cli, ["where", name, "--json"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return json.loads(res.output.splitlines()[0])


@pytest.mark.parametrize("name, ident, side, border, max_km", [
    ("Šumskas", "cur:sumskas", "LT", "LT-BY", 4),
    ("Sumskas", "cur:sumskas", "LT", "LT-BY", 4),
    ("Didžiasalis", "cur:didziasalis", "LT", "LT-BY", 4),
    ("Gudogai", "cur:gudogai", "BY", "LT-BY", 12),
    ("Połowce", "cur:polowce", "PL", "PL-BY", 3),
    ("Polowce", "cur:polowce", "PL", "PL-BY", 3),
    ("Pahranichnaya", "cur:pahranichnaya", "BY", "PL-BY", 5),
    ("Pryvalka", "cur:privalka", "BY", "LT-BY", 4),
    ("Kukuryki", "cur:kukuryki", "PL", "PL-BY", 3),
    ("Połowce–Pieszczatka", "cur:crossing-polowce-pieszczatka", "PL", "PL-BY", 3),
    ("Kukuryki-Kozlovichi", "cur:crossing-kukuryki-kozlovichi", "PL", "PL-BY", 3),
    ("Kena–Gudogai", "cur:crossing-kena-gudogai", "BY", "LT-BY", 12),
    ("Saliena", "cur:saliena", "LV", "LV-BY", 6),
    ("Salienas", "cur:saliena", "LV", "LV-BY", 6),
    ("Salienas pagastā", "cur:salienas-pagasts", "LV", "LV-BY", 6),
    ("Druskienniki", "gn:599757", "LT", "LT-BY", 8),
    ("Stasylos", "cur:crossing-stasylos-benyakoni", "BY", "LT-BY", 3),
    ("Kuźnica Białostocka–Grodno", "cur:crossing-kuznica-grodno-rail", "PL", "PL-BY", 3),
    ("Siemianówka-Swisłocz", "cur:crossing-siemianowka-svislach", "BY", "PL-BY", 12),
    ("Czeremcha–Wysokolitowsk", "cur:crossing-czeremcha-wysokolitowsk", "PL", "PL-BY", 4),
    ("Kena", "cur:kena", "LT", "LT-BY", 9),
    ("Poškonys", "cur:poskonys", "LT", "LT-BY", 4),
    ("Paszki", "cur:poskonys", "LT", "LT-BY", 4),
    ("Krakūnai", "cur:krakunai", "LT", "LT-BY", 2),
    ("Kenoje", "cur:kena", "LT", "LT-BY", 9),
    ("Indra", "cur:indra", "LV", "LV-BY", 7),
    ("Kaplava", "cur:kaplava", "LV", "LV-BY", 4),
    ("Robežnieki", "cur:robeznieki", "LV", "LV-BY", 7),
    ("Pāternieki", "cur:crossing-paterniki-grigorovschina", "LV", "LV-BY", 1),
    ("Paternieki", "cur:crossing-paterniki-grigorovschina", "LV", "LV-BY", 1),
    ("Pāternieki–Grigorovščina", "cur:crossing-paterniki-grigorovschina", "LV", "LV-BY", 1),
    ("Indra–Bigosovo", "cur:crossing-indra-bigosovo", "LV", "LV-BY", 7),
    ("Silene-Urbany", "cur:crossing-silene-urbany", "LV", "LV-BY", 1),
    ("Akmenynė", "cur:akmenyne", "LT", "LT-BY", 5),
    ("Akmenyne", "cur:akmenyne", "LT", "LT-BY", 5),
    ("Białowieża–Piererow", "cur:crossing-bialowieza-piererow", "PL", "PL-BY", 3),
    ("Bialowieza-Pererow", "cur:crossing-bialowieza-piererow", "PL", "PL-BY", 3),
    ("Piererow", "cur:crossing-bialowieza-piererow", "PL", "PL-BY", 3),
    ("Šumskas–Loša", "cur:crossing-sumskas-losa", "LT", "LT-BY", 3),
    ("Лоша-Шумскас", "cur:crossing-sumskas-losa", "LT", "LT-BY", 3),
    ("Šumskas", "cur:sumskas", "LT", "LT-BY", 3),
    # A crossing under the name of its other side alone ("at Kotlovka", "в Урбанах").
    ("Kotlovka", "cur:crossing-lavoriskes-kotlovka", "LT", "LT-BY", 7),
    ("Pieszczatka", "cur:crossing-polowce-pieszczatka", "PL", "PL-BY", 3),
    ("Песчатка", "cur:crossing-polowce-pieszczatka", "PL", "PL-BY", 3),
    ("Kozłowicze", "cur:crossing-kukuryki-kozlovichi", "PL", "PL-BY", 3),
    ("Urbany", "cur:crossing-silene-urbany", "LV", "LV-BY", 1),
    ("Bigosovo", "cur:crossing-indra-bigosovo", "LV", "LV-BY", 7),
    # "Bobrowniki" is first the crossing (gmina Gródek), not the six villages further inland.
    ("Bobrowniki", "cur:crossing-bobrowniki-berestovitsa", "BY", "PL-BY", 9),
    ("Bobrownikach", "cur:crossing-bobrowniki-berestovitsa", "BY", "PL-BY", 9),
    ("Bobrowniki–Bierestowica", "cur:crossing-bobrowniki-berestovitsa", "BY", "PL-BY", 9),
    ("Bobrovnikų", "cur:crossing-bobrowniki-berestovitsa", "BY", "PL-BY", 9),
    ("Bierestowica", "gn:629986", "BY", "PL-BY", 9),
    ("Wysokolitowsk", "gn:619818", "BY", "PL-BY", 7),
])
def test_curated_border_places_resolve_near_the_border(name, ident, side, border, max_km):
    rec = where(name)
    assert rec["id"] == ident
    assert (rec["side"], rec["border"]) == (side, border)
    assert rec["border_km"] <= max_km


def test_every_curated_row_cites_a_source_and_names_its_country():
    with open(ROOT / "gazetteer" / "curated.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    for r in rows:
        assert r["source"].strip(), r["id"]
        assert r["kind"] == "other" or r["country"], r["id"]


def test_curated_rows_keep_the_schema_the_build_script_checks():
    """scripts/build_gazetteer.py refuses to run on a curated.csv that breaks these rules."""
    with open(ROOT / "gazetteer" / "curated.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows] == sorted(r["id"] for r in rows)
    for r in rows:
        alts = r["alt_names"].split("|") if r["alt_names"] else []
        assert alts == sorted(set(alts)), r["id"]
        assert r["name"] not in alts, r["id"]
        for value in (r["lat"], r["lon"]):
            assert len(value.split(".")[1]) == 5, r["id"]


def extracted(text):
    res = CliRunner().invoke(cli, ["extract", "-"], input=text, catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return {rec["text"]: rec["id"] for rec in map(json.loads, res.output.splitlines())}


@pytest.mark.parametrize("text, form, ident", [
    # a Latvian genitive after the border municipality: the border parish, not a Saliena near Riga
    ("Robežsargi aizturēja 12 migrantus Augšdaugavas novada Salienas pagastā.", "Salienas",
     "cur:saliena"),
    # the Polish exonym of Druskininkai, inflected
    ("Migranci zatrzymani w Druskiennikach na Litwie.", "Druskiennikach", "gn:599757"),
    ("Lithuania halted freight trains through Stasylos.", "Stasylos",
     "cur:crossing-stasylos-benyakoni"),
    # a Latvian genitive before "ciemā" and a locative: the checkpoint village and Kaplava
    ("Robežsargi aizturēja migrantus Pāternieku ciemā.", "Pāternieku",
     "cur:crossing-paterniki-grigorovschina"),
    ("Robežsargi aizturēja migrantus Kaplavā.", "Kaplavā", "cur:kaplava"),
    ("Cudzoziemców przewieziono do ośrodka w Czerwonym Borze.", "Czerwonym Borze",
     "cur:camp-czerwony-bor"),
    # Office for Foreigners' centres, inflected after "w"
    ("Cudzoziemców przewieziono do ośrodka w Bezwoli.", "Bezwoli", "cur:camp-bezwola"),
    ("Migranci trafili do ośrodka w Dębaku.", "Dębaku", "cur:camp-debak"),
    ("Migrantai sulaikyti prie Akmenynės, Šalčininkų rajone.", "Akmenynės", "cur:akmenyne"),
    ("Turyści przekroczyli granicę na przejściu Białowieża–Piererow.", "Białowieża–Piererow",
     "cur:crossing-bialowieza-piererow"),
])
def test_new_curated_names_resolve_in_a_sentence(text, form, ident):
    assert extracted(text).get(form) == ident


@pytest.mark.parametrize("name, ident", [
    ("Bezwola", "cur:camp-bezwola"),
    ("Ośrodek dla Cudzoziemców w Bezwoli", "cur:camp-bezwola"),
    ("Dębak", "cur:camp-debak"),
    ("Podkowa Leśna-Dębak", "cur:camp-debak"),
    ("Ośrodek dla Cudzoziemców w Grupie", "cur:camp-grupa"),
])
def test_centres_for_foreigners_resolve_as_camps(name, ident):
    rec = where(name)
    assert (rec["id"], rec["kind"], rec["country"]) == (ident, "camp", "PL")


def test_a_centre_named_after_a_common_word_keeps_the_word_out():
    """Grupa is Polish for 'group' ("grupa migrantów"): only the centre's full names are listed."""
    assert extracted("Grupa migrantów przekroczyła granicę.") == {}
    res = CliRunner().invoke(cli, ["where", "Grupa"], catch_exceptions=False)
    assert res.exit_code != 0


def test_a_word_of_a_multi_word_name_names_no_town_alone():
    """The build drops one-word alternates that are only the adjective (or the noun after an
    adjective) of a multi-word name: "Podlaski" of Bielsk Podlaski."""
    found = extracted("Podlaski Urząd Wojewódzki podał, że w Bielsku Podlaskim było spokojnie.")
    assert found == {"Bielsku Podlaskim": "gn:775986"}
