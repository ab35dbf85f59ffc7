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

pytestmark = pytest.mark.usefixtures("compiled_once")   # loading is not under test

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
    preds.write_text(runner.invoke(cli, ["extract", dev]).stdout, encoding="utf-8")
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


def test_event_scoring_counts_spurious_and_missed_events(tmp_path):
    import hashlib

    from geomap.evaluate import annotation_applies, find_annotation, score_events

    (tmp_path / "001.txt").write_text("x", encoding="utf-8")
    ann = {"files": {"001.txt": hashlib.sha1(b"x").hexdigest()}, "events": [
        {"file": "001.txt", "type": "pushback", "subtype": None, "date": "2021-08-17",
         "date_precision": "day", "kind": "town", "country": "LT", "lat": 54.19, "lon": 25.62},
        {"file": "001.txt", "type": "detention", "subtype": None, "date": None,
         "date_precision": None, "kind": "country", "country": "LT", "lat": 55.2, "lon": 23.9},
        {"file": "001.txt", "type": "other", "subtype": "camp", "date": "2021-08-13",
         "date_precision": "week", "kind": "village", "country": "LT", "lat": 54.4, "lon": 25.1}]}
    preds = [
        # the crossing family matches the pushback; 10 km off and a day late is fine
        {"file": "d/001.txt", "type": "crossing", "date": "2021-08-18", "lat": 54.25,
         "lon": 25.7, "country": "LT"},
        {"file": "001.txt", "type": "detention", "date": "2021-08-01", "lat": 54.9,
         "lon": 23.9, "country": "LT"},                          # any place in LT, any date
        {"file": "001.txt", "type": "other", "subtype": "camp", "date": "2021-08-08",
         "lat": 54.4, "lon": 25.1, "country": "LT"},             # in the week before
        {"file": "001.txt", "type": "other", "subtype": "clash", "date": "2021-08-13",
         "lat": 54.4, "lon": 25.1, "country": "LT"},             # spurious: another subtype
        {"file": "001.txt", "type": "pushback", "date": "2021-08-17", "lat": 54.19,
         "lon": 25.62, "country": "LT"},                         # spurious: already matched
        {"file": "002.txt", "type": "pushback", "date": None},   # not an annotated file
    ]
    errors = []
    got = score_events(ann, preds, errors)
    assert (got["tp"], got["fp"], got["fn"]) == (3, 2, 0)
    assert sorted(e["type"] for e in errors) == ["event_spurious", "event_spurious"]
    far = dict(preds[0], lat=54.6)                                # 45 km off
    late = dict(preds[2], date="2021-08-15")                      # after the week
    got = score_events(ann, [far, late], errors)
    assert (got["tp"], got["fp"], got["fn"]) == (0, 2, 3)
    assert annotation_applies(ann, tmp_path)
    (tmp_path / "001.txt").write_text("y", encoding="utf-8")
    assert not annotation_applies(ann, tmp_path)
    assert find_annotation(tmp_path, []) is None


def test_the_dev_annotation_applies_to_the_dev_corpus_and_spans_are_in_range():
    import json
    from pathlib import Path

    from geomap.evaluate import annotation_applies

    path = Path(__file__).parent / "data" / "dev_incidents.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert len(data["events"]) >= 14 and all(
        e["spans"]["trigger"][0] < e["spans"]["trigger"][1] for e in data["events"])
    if not (EVAL / "dev").is_dir():
        pytest.skip("evaluation corpus absent")
    assert annotation_applies(data, EVAL / "dev")


ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "docs" / "examples" / "eval"


def doc_blocks(text: str) -> dict[str, str]:
    """The code blocks of docs/evaluation.md, by the `name`: line before each."""
    import re

    return {m[1]: m[2] for m in re.finditer(r"`([^`\n]+)`:\n\n```\w*\n(.*?)```", text, re.S)}


def test_the_documented_gold_example_runs_as_shown():
    doc = (ROOT / "docs" / "evaluation.md").read_text(encoding="utf-8")
    blocks = doc_blocks(doc)
    assert set(blocks) == {"001.txt", "002.txt", "gold.json"}
    for name, shown in blocks.items():
        assert (EXAMPLE / name).read_text(encoding="utf-8") == shown
    res = CliRunner().invoke(cli, ["eval", str(EXAMPLE)])
    assert res.exit_code == 0
    console = doc.split("$ geomap eval docs/examples/eval\n", 1)[1].split("```", 1)[0]
    assert res.output == console


@pytest.mark.parametrize("gold, message", [
    ({"docs": [{"file": "001.txt"}]}, 'gold.json entry 1 (001.txt) has no "mentions" list'),
    ({"docs": [{"mentions": []}]}, 'gold.json entry 1 has no "file" name'),
    ({"files": []}, 'gold.json has no "docs" list'),
    ({"docs": [{"file": "001.txt", "mentions": [{"text": "Vilnius", "start": 0}]}]},
     'gold.json entry 1 (001.txt), mention 1: no "end", "kind", "in_scope"'),
])
def test_a_malformed_gold_file_is_one_line_exit_1(tmp_path, capsys, gold, message):
    from geomap.cli import main

    (tmp_path / "001.txt").write_text("Vilnius is a city.\n", encoding="utf-8")
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["eval", str(tmp_path)])
    err = capsys.readouterr().err
    assert exit_.value.code == 1 and err.count("\n") == 1 and message in err
    assert "internal error" not in err
