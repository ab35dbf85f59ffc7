"""``geomap eval``: score geomap's own extraction against a gold folder."""
from __future__ import annotations

import json
import os
from pathlib import Path

import click

from .common import extractor

# Annotations kept with the repository's tests (a source checkout).
REPO_TESTS_DATA = Path(__file__).resolve().parents[2] / "tests" / "data"


def _event_dict(e) -> dict:
    """The fields event scoring compares, of one document's event."""
    p = e.place.place if e.place else None
    return {"file": os.path.basename(e.doc.path), "type": e.type, "subtype": e.subtype,
            "date": e.date.isoformat() if e.date else None,
            "place": p.name if p else None, "lat": p.lat if p else None,
            "lon": p.lon if p else None, "country": p.country if p else None,
            "kind": p.kind if p else None}


@click.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the full result as JSON.")
@click.option("--errors", "show_errors", is_flag=True,
              help="List every miss, false positive and wrong resolution with its context.")
@click.option("--events", "events_path", type=click.Path(exists=True, dir_okay=False),
              help="Incident annotation (JSON, see docs/incidents.md) to score every event "
                   "against; default: a *incidents*.json of GOLD_DIR or of the repository's "
                   "tests/data whose file hashes match GOLD_DIR's texts.")
@click.pass_context
def eval_command(ctx, gold_dir, as_json, show_errors, events_path):
    """Run extraction over GOLD_DIR (text files and a gold.json naming their place mentions
    and incidents; the format: docs/evaluation.md) and print precision, recall and F1 for
    all and in-scope mentions, resolution accuracy at 10 km and 161 km, and the incident
    figures (the primary incident of each document: found, median location error, share
    within 25 km, exact dates), by the rules of the corpus's score.py. With an incident
    annotation (--events, or found for GOLD_DIR), also event precision and recall: every
    event geomap finds in a document, spurious ones included, against the annotated events.

    \b
    Examples:
      geomap eval docs/examples/eval
      geomap eval docs/examples/eval --errors
    """
    from ..errors import GeomapError
    from ..api import analyse
    from ..evaluate import (find_annotation, load_annotation, load_gold, score_events,
                            score_incidents, score_mentions, summary_lines)
    from ..io.incidents import incident_record
    from ..io.records import mention_record
    from ..texts import InputOptions, read_document

    try:
        docs = load_gold(gold_dir)
    except (OSError, ValueError, KeyError) as exc:
        raise GeomapError(f"{gold_dir}: not a gold folder ({exc})") from None
    # gold offsets are into the files as stored: read them without mojibake repair
    a = analyse((read_document(os.path.join(gold_dir, name), InputOptions(repair=False))
                 for name in sorted(docs)), extractor(ctx))
    texts = {os.path.basename(d.path): d.text for d in a.documents}
    result = score_mentions(docs, [mention_record(m) for m in a.mentions], texts)
    incidents = [incident_record(i) for i in a.incidents]
    result["incidents"] = score_incidents(docs, incidents, result["errors"])
    annotation = events_path or find_annotation(gold_dir, [REPO_TESTS_DATA])
    if annotation:
        try:
            data = load_annotation(annotation)
        except (OSError, ValueError) as exc:
            raise GeomapError(f"{annotation}: not an incident annotation ({exc})") from None
        result["events"] = score_events(data, [_event_dict(e) for i in a.incidents for e in i.events],
                                        result["errors"])
        result["events"]["annotation"] = os.fspath(annotation)
    if as_json:
        if not show_errors:
            result.pop("errors")
        click.echo(json.dumps(result, ensure_ascii=False, indent=1))
        return
    if show_errors:
        for e in result["errors"]:
            click.echo("  " + json.dumps(e, ensure_ascii=False))
    for line in summary_lines(result):
        click.echo(line)
