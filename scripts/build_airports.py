#!/usr/bin/env python3
"""Build gazetteer/airports.csv, the airports geomap can place an incident at, from the pinned
``airportsdata`` package (MIT licence; it includes data of github.com/mwgg/Airports, MIT).

Rebuild:  .venv/bin/pip install airportsdata==20260905
          .venv/bin/python scripts/build_airports.py

Kept: every airport with an IATA code (scheduled service, worldwide: the airports migrants were
flown from and to) and every airfield of the border countries (LT, LV, PL, BY). Columns:
``icao,iata,name,city,country,lat,lon``. Deterministic: rows sorted by ICAO code, LF endings,
written through a temporary file and ``os.replace``.
"""
from __future__ import annotations

import csv
import io
import os
from importlib.metadata import version
from pathlib import Path

PINNED = "20260905"
assert version("airportsdata") == PINNED, \
    f"airportsdata=={version('airportsdata')}, expected {PINNED} (pip install airportsdata=={PINNED})"

import airportsdata  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "gazetteer" / "airports.csv"
REGION = {"LT", "LV", "PL", "BY"}
FIELDS = ("icao", "iata", "name", "city", "country", "lat", "lon")


def main() -> None:
    rows = []
    for icao, a in sorted(airportsdata.load("ICAO").items()):
        if not (a["iata"] or a["country"] in REGION):
            continue
        rows.append({"icao": icao, "iata": a["iata"], "name": a["name"].strip(),
                     "city": a["city"].strip(), "country": a["country"],
                     "lat": f"{float(a['lat']):.5f}", "lon": f"{float(a['lon']):.5f}"})
    buf = io.StringIO()
    writer = csv.DictWriter(buf, FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    tmp = OUT.with_suffix(".csv.tmp")
    tmp.write_text(buf.getvalue(), encoding="utf-8")
    os.replace(tmp, OUT)
    print(f"{OUT.name}: {len(rows)} airports")


if __name__ == "__main__":
    main()
