"""geomap eval agrees with the evaluation corpus's own score.py on the same predictions."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap.cli import cli
from geomap.evaluate import in_scope, prf, resolution_ok

EVAL = Path(os.environ.get("GEOMAP_EVAL_DIR",
                           Path(__file__).resolve().parents[2] / "shared" / "eval"))
needs_corpus = pytest.mark.skipif(not (EVAL / "dev" / "gold.json").exists(),
                                  reason=f"evaluation corpus not found at {EVAL}")


def test_prf_and_scope_rules():
    assert prf(8, 2, 2) == {"precision": 0.8, "recall": 0.8, "f1": 0.8, "tp": 8, "fp": 2, "fn": 2}
    assert in_scope(54.69, 25.28) and not in_scope(55.75, 37.62)      # Vilnius yes, Moscow no
    gold = {"kind": "district", "lat": 54.3, "lon": 25.4, "country": "LT"}
    assert resolution_ok(gold, {"lat": 54.5, "lon": 25.4}, None)       # 22 km < 30 km
    assert not resolution_ok(gold | {"kind": "village"}, {"lat": 54.5, "lon": 25.4}, None)
    assert resolution_ok({"kind": "country", "country": "LT"}, {"country": "lt"}, None)


@needs_corpus
def test_eval_prints_the_same_numbers_as_score_py(tmp_path):
    dev = str(EVAL / "dev")
    runner = CliRunner()
    preds = tmp_path / "dev.jsonl"
    preds.write_text(runner.invoke(cli, ["extract", dev]).output, encoding="utf-8")
    ref = subprocess.run([sys.executable, str(EVAL / "score.py"), dev, str(preds), "--json"],
                         capture_output=True, text=True, check=True)
    expected = json.loads(ref.stdout)
    ours = json.loads(runner.invoke(cli, ["eval", dev, "--json"]).output)
    for part in ("all", "in_scope", "resolution"):
        assert ours[part] == expected[part]
    lines = runner.invoke(cli, ["eval", dev]).output.splitlines()
    ref_lines = subprocess.run([sys.executable, str(EVAL / "score.py"), dev, str(preds)],
                               capture_output=True, text=True, check=True).stdout.splitlines()
    assert lines[:3] == [ln for ln in ref_lines if not ln.startswith("  ")][:3]


@needs_corpus
def test_errors_list_has_context():
    out = CliRunner().invoke(cli, ["eval", str(EVAL / "dev"), "--errors", "--json"]).output
    result = json.loads(out)
    assert all("context" in e for e in result["errors"] if "span" in e)
