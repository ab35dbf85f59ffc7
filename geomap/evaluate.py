"""Scoring against a gold folder (``NNN.txt`` + ``gold.json``), with the rules of the
evaluation corpus's ``score.py``: exact-span precision/recall/F1 for all and for in-scope
mentions (mentions inside organisation names count neither way), resolution accuracy at
10 km (30 km districts, 100 km regions, ISO code for countries, plus the gold uncertainty)
and at 161 km, and, for incidents, the primary incident per document.
"""
from __future__ import annotations

import json
import os
from collections.abc import Sequence
from typing import Any

from .geodesy import haversine_km

# Approximate PL/LT/LV-Belarus border polyline (lat, lon) that defines "in scope".
SCOPE_LINE = [
    [(51.51, 23.62), (52.08, 23.64), (52.30, 23.20), (52.49, 23.44), (52.70, 23.92), (53.00, 23.93),
     (53.25, 23.93), (53.38, 23.90), (53.55, 23.68), (53.74, 23.52), (53.90, 23.51)],
    [(53.95, 23.80), (54.00, 24.00), (53.93, 24.40), (54.05, 24.80), (54.15, 25.00), (54.10, 25.30),
     (54.05, 25.70), (54.25, 25.80), (54.53, 25.75), (54.65, 25.95), (54.87, 26.25), (55.15, 26.58),
     (55.35, 26.75), (55.68, 26.63)],
    [(55.79, 26.85), (55.85, 27.15), (55.98, 27.60), (56.17, 28.16)],
]
SCOPE_KM = 300.0
TOLERANCE_KM = {"region": 100.0, "district": 30.0}
DEFAULT_TOLERANCE_KM = 10.0


def _scope_points() -> list[tuple[float, float]]:
    pts: list[tuple[float, float]] = []
    for piece in SCOPE_LINE:
        for (a, b), (c, d) in zip(piece, piece[1:]):
            n = max(1, int(haversine_km(a, b, c, d) / 2.0))
            pts += [(a + (c - a) * i / n, b + (d - b) * i / n) for i in range(n + 1)]
    return pts


_SCOPE_POINTS = _scope_points()


def in_scope(lat: float, lon: float) -> bool:
    """True within 300 km of the approximate Belarus EU-border polyline."""
    return min(haversine_km(lat, lon, a, b) for a, b in _SCOPE_POINTS) <= SCOPE_KM


def _num(v: Any) -> float | None:
    """A JSON value as a number; None when it is not one."""
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def prf(tp: int, fp: int, fn: int) -> dict:
    """Precision, recall and F1 (rounded to 4 places) with the raw counts."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "tp": tp, "fp": fp, "fn": fn}


def resolution_ok(gold: dict, pred: dict, tol_km: float | None) -> bool:
    """Whether a predicted mention resolves the gold one within the tolerance."""
    if gold["kind"] == "country":
        pc = (pred.get("country") or "").upper()
        if pc:
            return pc == (gold.get("country") or "").upper()
        tol_km = 500.0
    lat, lon = _num(pred.get("lat")), _num(pred.get("lon"))
    if lat is None or lon is None:
        return False
    tol = tol_km if tol_km is not None else TOLERANCE_KM.get(gold["kind"], DEFAULT_TOLERANCE_KM)
    if tol_km is None and gold["kind"] not in TOLERANCE_KM:
        tol += float(gold.get("uncertainty_km") or 0.0)
    return haversine_km(gold["lat"], gold["lon"], lat, lon) <= tol


GOLD_MENTION_KEYS = ("start", "end", "text", "kind", "in_scope")


def load_gold(gold_dir: str) -> dict[str, dict]:
    """The gold documents of a folder, by file name (the format: docs/evaluation.md).
    ``ValueError`` names the first entry that does not follow it."""
    with open(os.path.join(gold_dir, "gold.json"), encoding="utf-8") as fh:
        data = json.load(fh)
    docs = data.get("docs") if isinstance(data, dict) else None
    if not isinstance(docs, list):
        raise ValueError('gold.json has no "docs" list')
    for i, d in enumerate(docs, 1):
        where = f"gold.json entry {i}"
        if not isinstance(d, dict) or not isinstance(d.get("file"), str):
            raise ValueError(f'{where} has no "file" name')
        if not isinstance(d.get("mentions"), list):
            raise ValueError(f'{where} ({d["file"]}) has no "mentions" list')
        for j, m in enumerate(d["mentions"], 1):
            missing = [k for k in GOLD_MENTION_KEYS if not isinstance(m, dict) or k not in m]
            if missing:
                raise ValueError(f'{where} ({d["file"]}), mention {j}: no '
                                 + ", ".join(f'"{k}"' for k in missing))
    return {d["file"]: d for d in docs}


def _context(texts: dict[str, str], name: str, span: Sequence[int]) -> str:
    text = texts.get(name, "")
    a, b = span
    return text[max(0, a - 40):a].replace("\n", " ") + "[" + text[a:b] + "]" + \
        text[b:b + 40].replace("\n", " ")


def score_mentions(docs: dict[str, dict], predictions: list[dict],
                   texts: dict[str, str] | None = None) -> dict:
    """Mention figures and the list of errors, as score.py computes them."""
    preds: dict[str, list[dict]] = {}
    for rec in predictions:
        name = os.path.basename(str(rec.get("file", "")))
        if name in docs and isinstance(rec.get("start"), int) and isinstance(rec.get("end"), int):
            preds.setdefault(name, []).append(rec)
    c = dict.fromkeys(("tp", "fp", "fn", "s_tp", "s_fp", "s_fn", "res_n", "res10", "res161"), 0)
    errors: list[dict[str, Any]] = []
    for name, doc in docs.items():
        gold_m = [m for m in doc["mentions"] if not m.get("in_org_name")]
        org_spans = [(m["start"], m["end"]) for m in doc["mentions"] if m.get("in_org_name")]
        by_span = {(m["start"], m["end"]): m for m in gold_m}
        seen: set[tuple[int, int]] = set()
        for p in preds.get(name, []):
            span = (p["start"], p["end"])
            if span in seen:
                continue
            seen.add(span)
            g = by_span.get(span)
            if g is None:
                if any(p["start"] < e and s < p["end"] for s, e in org_spans):
                    continue
                c["fp"] += 1
                lat, lon = _num(p.get("lat")), _num(p.get("lon"))
                if lat is None or lon is None or in_scope(lat, lon):
                    c["s_fp"] += 1
                    errors.append({"file": name, "type": "false_positive", "span": list(span),
                                   "text": p.get("text")})
                continue
            c["tp"] += 1
            if not g["in_scope"]:
                continue
            c["s_tp"] += 1
            if g.get("lat") is None:
                continue
            c["res_n"] += 1
            ok10 = resolution_ok(g, p, None)
            c["res10"] += ok10
            c["res161"] += resolution_ok(g, p, 161.0)
            if not ok10:
                errors.append({"file": name, "type": "wrong_place", "span": list(span),
                               "text": g["text"], "gold": [g["lat"], g["lon"], g.get("country")],
                               "pred": [p.get("lat"), p.get("lon"), p.get("country")]})
        for g in gold_m:
            if (g["start"], g["end"]) in seen:
                continue
            c["fn"] += 1
            if g["in_scope"]:
                c["s_fn"] += 1
                overlap = any(s < g["end"] and g["start"] < e for s, e in seen)
                errors.append({"file": name, "type": "wrong_span" if overlap else "missed",
                               "span": [g["start"], g["end"]], "text": g["text"]})
    if texts:
        for e in errors:
            if "span" in e:
                e["context"] = _context(texts, e["file"], e["span"])
    n = c["res_n"]
    return {
        "docs": len(docs),
        "all": prf(c["tp"], c["fp"], c["fn"]),
        "in_scope": prf(c["s_tp"], c["s_fp"], c["s_fn"]),
        "resolution": {"n": n, "acc_10km": round(c["res10"] / n, 4) if n else 0.0,
                       "acc_161km": round(c["res161"] / n, 4) if n else 0.0},
        "errors": errors,
    }


def score_incidents(docs: dict[str, dict], incidents: list[dict], errors: list[dict]) -> dict:
    """Incident figures: each gold incident against the predicted primary one of its file."""
    primary: dict[str, dict] = {}
    for rec in incidents:
        for src in rec.get("sources") or []:
            name = os.path.basename(str(src.get("file", "")))
            if src.get("primary") and name in docs and name not in primary:
                primary[name] = rec
    dists: list[float] = []
    dates_ok = dated = found = total = 0
    for name, doc in docs.items():
        gi = doc.get("incident")
        if not gi or gi.get("lat") is None:
            continue
        total += 1
        p = primary.get(name)
        if p is None:
            errors.append({"file": name, "type": "incident_missed"})
            continue
        found += 1
        lat, lon = _num(p.get("lat")), _num(p.get("lon"))
        d = haversine_km(gi["lat"], gi["lon"], lat, lon) \
            if lat is not None and lon is not None else 20000.0
        dists.append(d)
        if gi.get("date"):
            dated += 1
            dates_ok += str(p.get("date") or "")[:10] == gi["date"]
        if d > 25:
            errors.append({"file": name, "type": "incident_far", "km": round(d, 1),
                           "gold": gi["place"]})
    dists.sort()
    median = dists[len(dists) // 2] if dists else None
    return {
        "gold": total, "found": found,
        "median_error_km": round(median, 2) if median is not None else None,
        "within_25km": round(sum(d <= 25 for d in dists) / total, 4) if total else 0.0,
        "date_exact": round(dates_ok / dated, 4) if dated else 0.0,
    }


def summary_lines(result: dict) -> list[str]:
    """The figures as score.py prints them."""
    a, s, r = result["all"], result["in_scope"], result["resolution"]
    lines = [f"all mentions   P={a['precision']:.3f} R={a['recall']:.3f} F1={a['f1']:.3f}",
             f"in-scope       P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f}",
             f"resolution     n={r['n']} acc@10km={r['acc_10km']:.3f} "
             f"acc@161km={r['acc_161km']:.3f}"]
    if "incidents" in result:
        i = result["incidents"]
        lines.append(f"incidents      found {i['found']}/{i['gold']} "
                     f"median_error_km={i['median_error_km']} within_25km={i['within_25km']:.3f} "
                     f"date_exact={i['date_exact']:.3f}")
    if "events" in result:
        e = result["events"]
        lines.append(f"events         P={e['precision']:.3f} R={e['recall']:.3f} F1={e['f1']:.3f} "
                     f"(gold {e['gold']}, predicted {e['predicted']}, matched {e['tp']})")
    return lines


# Event-level scoring against an incident annotation (tests/data/dev_incidents.json; coding
# rules in docs/incidents.md): every event geomap finds in a document is matched one-to-one
# with an annotated event of that document, so spurious events (captions, background) count.
BORDER_FAMILY = frozenset({"pushback", "crossing", "border_violation"})
EVENT_KM = 25.0
EVENT_KM_BY_KIND = {"district": 30.0, "region": 100.0}
ANNOTATION_GLOB = "*incidents*.json"


def load_annotation(path: str | os.PathLike) -> dict:
    """An incident annotation file (``files``: name -> SHA-1 of the text; ``events``)."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise ValueError("no 'events' list")
    return data


def annotation_applies(data: dict, gold_dir: str | os.PathLike) -> bool:
    """True when every file the annotation names is in ``gold_dir`` with the same content."""
    import hashlib

    files = data.get("files") or {}
    for name, digest in files.items():
        path = os.path.join(gold_dir, name)
        try:
            with open(path, "rb") as fh:
                if hashlib.sha1(fh.read()).hexdigest() != digest:
                    return False
        except OSError:
            return False
    return bool(files)


def find_annotation(gold_dir: str | os.PathLike, extra: list[str | os.PathLike]) -> str | None:
    """The first incident annotation among ``gold_dir``'s ``*incidents*.json`` and ``extra``
    paths (files or folders) that applies to ``gold_dir``'s texts."""
    import glob

    paths = sorted(glob.glob(os.path.join(glob.escape(str(gold_dir)), ANNOTATION_GLOB)))
    for p in extra:
        paths += sorted(glob.glob(os.path.join(glob.escape(str(p)), ANNOTATION_GLOB))) \
            if os.path.isdir(p) else [str(p)]
    for p in paths:
        try:
            if annotation_applies(load_annotation(p), gold_dir):
                return p
        except (OSError, ValueError):
            continue
    return None


def _kind_ok(gold: dict, pred: dict) -> bool:
    gt, pt = gold["type"], pred.get("type")
    if pt in gold.get("also_types", ()):
        return True
    if gt in BORDER_FAMILY and pt in BORDER_FAMILY:
        return True
    return gt == pt and (gt != "other" or gold.get("subtype") == pred.get("subtype"))


def _date_gap(gold: dict, pred: dict) -> int | None:
    """Days between the dates (0 when the annotation has none); None when they disagree."""
    import datetime as dt

    if not gold.get("date"):
        return 0
    if not pred.get("date"):
        return None
    g = dt.date.fromisoformat(gold["date"])
    p = dt.date.fromisoformat(str(pred["date"])[:10])
    lo, hi = (-6, 1) if gold.get("date_precision") == "week" else (-1, 1)
    gap = (p - g).days
    return abs(gap) if lo <= gap <= hi else None


def _place_gap(gold: dict, pred: dict) -> float | None:
    """km between the places, None when they disagree. The annotated point must lie within
    the reach of the predicted place at its own precision (ACLED: a place that cannot be
    found is coded at the larger area holding it): 25 km of a place, 30 km of a district's
    seat, 100 km of a region's, in a country (for a country-level annotation, the predicted
    place must be in it); the annotation's uncertainty is added."""
    pc = pred.get("country") or ""
    if gold.get("kind") == "country":
        return 0.0 if pc == gold.get("country") else None
    if pred.get("kind") == "country":
        return 0.0 if pc and pc == gold.get("country") else None
    lat, lon = _num(pred.get("lat")), _num(pred.get("lon"))
    if lat is None or lon is None:
        return None
    d = haversine_km(gold["lat"], gold["lon"], lat, lon)
    reach = EVENT_KM_BY_KIND.get(pred.get("kind") or "", EVENT_KM)
    return d if d <= reach + float(gold.get("uncertainty_km") or 0.0) else None


def score_events(annotation: dict, predicted: list[dict], errors: list[dict]) -> dict:
    """Event precision and recall: ``predicted`` has one dict per event a document reports
    (``file``, ``type``, ``subtype``, ``date``, ``lat``, ``lon``, ``country``, ``kind``). A predicted
    event matches an annotated one of the same file with a compatible type (the pushback /
    crossing / border-violation family, the same ``other`` subtype, or an ``also_types``
    entry), a place that holds the annotated one at its own precision (``_place_gap``) and a date
    within a day (a week before for week precision; any date when the annotation has none);
    pairs are taken one-to-one, closest first."""
    files = set(annotation.get("files") or ()) | {e["file"] for e in annotation["events"]}
    gold = [e for e in annotation["events"]]
    preds = [p for p in predicted if os.path.basename(str(p.get("file", ""))) in files]
    pairs: list[tuple[int, float, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(preds):
            if os.path.basename(str(p.get("file"))) != g["file"] or not _kind_ok(g, p):
                continue
            km, days = _place_gap(g, p), _date_gap(g, p)
            if km is not None and days is not None:
                pairs.append((days, km, gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, _, gi, pi in sorted(pairs):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
    for gi, g in enumerate(gold):
        if gi not in used_g:
            errors.append({"file": g["file"], "type": "event_missed", "event": g["type"],
                           "subtype": g.get("subtype"), "place": g.get("place"),
                           "date": g.get("date")})
    for pi, p in enumerate(preds):
        if pi not in used_p:
            errors.append({"file": os.path.basename(str(p.get("file"))), "type": "event_spurious",
                           "event": p.get("type"), "subtype": p.get("subtype"),
                           "place": p.get("place"), "date": p.get("date")})
    out = prf(len(used_g), len(preds) - len(used_p), len(gold) - len(used_g))
    out.update(gold=len(gold), predicted=len(preds))
    return out
