"""The curated border places (issue 18, item 5): each resolves through `where`, first, on its
stated side and a few km from the border; every curated row cites a source."""
import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap.cli import cli

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
