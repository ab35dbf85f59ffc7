"""``geomap unplaced``: the names in the texts that look like places but are not in the
gazetteer, with the evidence, and a CSV template that ``geomap gazetteer import`` reads."""
from __future__ import annotations

import click

from ..io.options import output_options
from .common import INPUTS, JOBS, QUIET, analysed, check_inputs, check_run, wrote


@click.command()
@INPUTS
@output_options(["table", "jsonl", "csv"], "table",
                help_format="table (for reading), jsonl (every field) or csv (a template for "
                            "`geomap gazetteer import`: fill in lat and lon).")
@JOBS
@QUIET
@click.pass_context
def unplaced(ctx, inputs, fmt, out, jobs, quiet):
    """List the names in INPUT that look like places but are not in the gazetteer: after
    a place cue ("near", "in the village of", "we wsi", "prie", "в деревне", "bei"...),
    before a designator ("X district", "X rajone", "X stream", "X crossing"), in an all-caps
    dateline, or one letter from a known name (said in similar_to). Persons, organisations
    and common words are left out; inflected forms of one name make one record: name, forms,
    count, files, sentence, near (the nearest gazetteer place in the sentence or document,
    with coordinates), country and kind (guesses, with the reason), confidence.

    To add them: write the CSV template, fill in lat and lon (rows left empty are skipped),
    import it; extract, incidents and map then resolve the names.

    \b
    Examples:
      geomap unplaced reports/
      geomap unplaced reports/ --format jsonl -o unplaced.jsonl
      geomap unplaced reports/ -o new-places.csv
      # fill in lat and lon in new-places.csv, then:
      geomap gazetteer import new-places.csv
    """
    from ..io.output import text_output
    from ..io.writers import write_records
    from ..unplaced import TEMPLATE_FIELDS, template_rows

    paths = check_inputs(inputs)
    records = analysed(ctx, paths, jobs=jobs, incidents=False, unplaced=True, keep=False,
                       quiet=quiet).unplaced
    check_run(ctx)
    with text_output(out) as fh:
        if fmt == "jsonl":
            write_records(records, "jsonl", fh)
        elif fmt == "csv":
            write_records(template_rows(records), "csv", fh, fields=TEMPLATE_FIELDS)
        else:
            for r in records:
                near = r["near"]
                where = f"; near {near['name']} ({near['lat']:.4f}, {near['lon']:.4f})" \
                    if near else ""
                similar = f"; one letter from {r['similar_to']}" if r["similar_to"] else ""
                guess = f"; name {r['name_guess']}" if r["name_guess"] else ""
                fh.write(f"{r['name']} ({r['kind']}, {r['country'] or '?'}) x{r['count']} "
                         f"confidence {r['confidence']:.2f}{guess}{where}{similar}\n"
                         f"  forms: {', '.join(r['forms'])}; evidence: "
                         f"{'; '.join(r['evidence'])}\n  \"{r['sentence'][:160]}\"\n")
    if out not in (None, "-"):
        wrote({"unplaced names": len(records)}, out)
