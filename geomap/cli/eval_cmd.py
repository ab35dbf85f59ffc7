"""``geomap eval``: score geomap's own extraction against a gold folder."""
from __future__ import annotations

import json
import os

import click

from .common import extractor


@click.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the full result as JSON.")
@click.option("--errors", "show_errors", is_flag=True,
              help="List every miss, false positive and wrong resolution with its context.")
@click.pass_context
def eval_command(ctx, gold_dir, as_json, show_errors):
    """Run extraction over GOLD_DIR (NNN.txt files and gold.json, the format of the
    evaluation corpus) and print precision, recall and F1 for all and in-scope mentions,
    resolution accuracy at 10 km and 161 km, and the incident figures (the primary incident
    of each document: found, median location error, share within 25 km, exact dates), by the
    rules of the corpus's score.py.

    \b
    Examples:
      geomap eval ../shared/eval/dev
      geomap eval ../shared/eval/dev --errors
    """
    from ..errors import GeomapError
    from ..api import analyse
    from ..evaluate import load_gold, score_incidents, score_mentions, summary_lines
    from ..events.records import incident_record
    from ..records import mention_record
    from ..texts import read_document

    try:
        docs = load_gold(gold_dir)
    except (OSError, ValueError, KeyError) as exc:
        raise GeomapError(f"{gold_dir}: not a gold folder ({exc})") from None
    a = analyse((read_document(os.path.join(gold_dir, name)) for name in sorted(docs)),
                extractor(ctx))
    texts = {os.path.basename(d.path): d.text for d in a.documents}
    result = score_mentions(docs, [mention_record(m) for m in a.mentions], texts)
    incidents = [incident_record(i) for i in a.incidents]
    result["incidents"] = score_incidents(docs, incidents, result["errors"])
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
