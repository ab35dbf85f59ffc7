"""A self-contained HTML report (and its PDF): what was processed, the interactive map, the
incidents with their quoted evidence, the places, and the methods and data sources.

The page comes from ``templates/report.html.j2`` with Jinja's autoescaping on: every text
from the articles is escaped; only the map fragment (built by ``embed.render_fragment``) and
the highlighted quotes (built by ``theme.highlight``, which escapes each piece) are inserted
as ready HTML. It has print styles (A4, no controls, tables that break cleanly), and its
content width equals the printed page's, so the map prints as it is shown.
"""
from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..api import Analysis
from ..errors import GeomapError
from ..io.atomic import atomic_write, replacing
from .embed import fragment_parts, render_fragment
from .html import HOLE, build_map
from .inline import ASSETS
from .layers import event_quotes, incident_counts_text, people_text, place_markers
from .page import QUOTED_SOURCES, TEXT_MODES
from .theme import ATTRIBUTION, highlight, incident_date, incident_type, side_colour, side_name

if TYPE_CHECKING:
    from ..events import Incident
    from ..model import Document

TEMPLATES = Path(__file__).with_name("templates")
MAP_HEIGHT = "560px"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable",
                  "chrome", "microsoft-edge", "msedge")
CHROMIUM_PATHS = ("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
                  "/Applications/Chromium.app/Contents/MacOS/Chromium",
                  "~/.cache/ms-playwright/chromium-*/chrome-linux*/chrome")
INSTALL_HINT = ("no Chromium or Chrome found to print the PDF. Install one (Debian/Ubuntu: "
                "sudo apt-get install chromium; Fedora: sudo dnf install chromium; macOS: brew "
                "install --cask chromium; anywhere: pip install playwright && playwright install "
                "chromium) or set GEOMAP_CHROMIUM to its executable. The HTML report {html} is "
                "written and prints from any browser.")


def _date_range(docs: Sequence[Document]) -> str:
    dates = sorted(d.date for d in docs if d.date)
    undated = sum(1 for d in docs if d.date is None)
    text = "none given" if not dates else dates[0].isoformat() if dates[0] == dates[-1] \
        else f"{dates[0].isoformat()} – {dates[-1].isoformat()}"
    return f"{text} ({undated} undated)" if undated else text


def _source(doc: Document) -> dict[str, str]:
    """A document's site and URL for the report: ``link`` is the URL when it is http(s) (a
    link the reader may follow; nothing is fetched), else empty and the URL shown as text."""
    url = doc.url.strip()
    return {"site": doc.site, "url": url,
            "link": url if url.lower().startswith(("http://", "https://")) else ""}


def _quotes(inc: Incident, texts: str) -> list[list[Markup]]:
    """Per source of ``inc``, its highlighted sentences: every one with ``texts="full"``;
    otherwise as the map's popups quote them (the first ``QUOTED_SOURCES`` sources, each
    sentence once: a wire copy adds its document, not the same quote)."""
    out, seen = [], set()
    for n, event in enumerate(inc.events):
        quotes = []
        for s, spans in event_quotes(event) if texts == "full" or n < QUOTED_SOURCES else ():
            if texts == "full" or s not in seen:
                seen.add(s)
                quotes.append(Markup(highlight(s, spans)))
        out.append(quotes)
    return out


def _incident_rows(incidents: Iterable[Incident], texts: str = "full") -> list[dict[str, Any]]:
    rows = []
    for n, inc in enumerate(sorted(incidents, key=lambda i: (i.date is None, i.date, i.id)), 1):
        b = inc.border
        rows.append({
            "n": n, "type": incident_type(inc)[0],
            "date": incident_date(inc),
            "place": inc.place.name if inc.place else "unknown place",
            "side": side_name(b.side if b else inc.place.country if inc.place else None, "—"),
            "distance": f"{b.distance_km:.1f} km ({b.border})" if b else "—",
            "people": people_text(inc) or "—",
            "sources": list(dict.fromkeys(e.doc.name for e in inc.events)),
            "actors": inc.actors, "claimed": inc.claim_sources,
            "evidence": [{"title": e.doc.title or e.doc.name, "name": e.doc.name,
                          "date": e.doc.date.isoformat() if e.doc.date else "",
                          **_source(e.doc),
                          "quotes": quotes}
                         for e, quotes in zip(inc.events, _quotes(inc, texts))],
        })
    return rows


def build_report(a: Analysis, *, title: str | None = None, texts: str = "full") -> str:
    """The report page of an analysis (the same bytes for the same analysis and title).
    ``texts`` ("full", "excerpts", "none") is the map's texts budget (``page``); with
    anything but "full" the evidence is quoted as the map's popups quote it."""
    return "".join(report_parts(a, title=title, texts=texts))


def report_parts(a: Analysis, *, title: str | None = None, texts: str = "full"
                 ) -> Iterator[str]:
    """``build_report``'s page in pieces: the report around its map, then the map fragment
    in pieces (``embed.fragment_parts``), never joined into one string."""
    if texts not in TEXT_MODES:
        raise ValueError(f"texts must be one of {TEXT_MODES}, not {texts!r}")
    title = title or "Places and incidents at the Belarus borders"
    fmap = build_map(a.mentions, a.documents, title=None, incidents=a.incidents,
                     unplaced=a.unplaced, texts=texts, **a.geodata)
    markers = place_markers(a.mentions)
    per_doc = Counter(x.doc.path for x in a.mentions)
    inc_doc = Counter(e.doc.path for i in a.incidents for e in i.events)
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                      undefined=StrictUndefined, keep_trailing_newline=True)
    resolved = sum(1 for x in a.mentions if x.place is not None)

    def page(fragment: str) -> str:
        return env.get_template("report.html.j2").render(
            title=title, version=version("geomap"),
            summary=f"{len(a.documents)} texts, {len(markers)} places and {len(a.incidents)} "
                    "incidents, found and mapped automatically by geomap.",
            incident_counts=incident_counts_text(a.incidents),
            date_range=_date_range(a.documents), mentions=len(a.mentions), resolved=resolved,
            documents=[{"name": d.name, "date": d.date.isoformat() if d.date else "—",
                        "title": d.title, "mentions": per_doc[d.path],
                        "incidents": inc_doc[d.path], **_source(d)}
                       for d in sorted(a.documents, key=lambda d: d.path)],
            map=Markup(fragment),
            incidents=_incident_rows(a.incidents, texts),
            places=[{"name": k.place.name, "country": k.place.country or "—",
                     "kind": k.place.kind, "side": side_name(k.side, "—"), "colour": side_colour(k.side),
                     "distance": f"{k.border.distance_km:.1f} km" if k.border else "—",
                     "count": k.count, "documents": len(k.documents)} for k in markers],
            unplaced=[{"name": u["name"], "count": u["count"], "sentence": u["sentence"]}
                      for u in a.unplaced],
            gazetteer=a.gazetteer_dir.name, attribution=ATTRIBUTION,
            leaflet=(ASSETS / "LEAFLET_VERSION").read_text(encoding="utf-8").strip())

    text = page(HOLE)
    if text.count(HOLE) != 1:           # a title holds the marker: the page as it is
        return iter((page(render_fragment(fmap, height=MAP_HEIGHT)),))
    head, _, tail = text.partition(HOLE)
    return itertools.chain((head,), fragment_parts(fmap, height=MAP_HEIGHT), (tail,))


def write_report(a: Analysis, path: str | os.PathLike, *, title: str | None = None,
                 texts: str = "full") -> None:
    """Write the report page atomically (``texts``: see ``build_report``)."""
    parts = report_parts(a, title=title, texts=texts)
    with atomic_write(path) as fh:
        for part in parts:
            fh.write(part)


def find_chromium() -> str | None:
    """$GEOMAP_CHROMIUM, else a Chromium/Chrome/Edge on PATH or in a usual place."""
    if os.environ.get("GEOMAP_CHROMIUM"):
        return os.environ["GEOMAP_CHROMIUM"]
    for name in CHROMIUM_NAMES:
        if found := shutil.which(name):
            return found
    for pattern in CHROMIUM_PATHS:
        if matches := sorted(glob.glob(os.path.expanduser(pattern))):
            return matches[-1]
    return None


def print_pdf(html_path: str | os.PathLike, pdf_path: str | os.PathLike, *,
              chromium: str | None = None, timeout: float = 120) -> None:
    """Print a page to PDF with headless Chromium, network off (``GeomapError`` if it fails)."""
    chromium = chromium or find_chromium()
    if chromium is None:
        raise GeomapError(INSTALL_HINT.format(html=html_path))
    pdf_path = Path(pdf_path).resolve()
    pdf_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="geomap-chromium-") as profile:
        tmp = Path(profile) / "out.pdf"
        args = [chromium, "--headless", "--disable-gpu", "--no-first-run", "--disable-sync",
                "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", f"--user-data-dir={profile}",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--no-pdf-header-footer",
                "--run-all-compositor-stages-before-draw", "--virtual-time-budget=5000",
                f"--print-to-pdf={tmp}", Path(html_path).resolve().as_uri()]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            args.insert(1, "--no-sandbox")      # Chromium refuses to run as root otherwise
        try:
            proc = subprocess.run(args, capture_output=True, text=True, timeout=timeout)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise GeomapError(f"{chromium}: cannot print the PDF ({exc})") from None
        if proc.returncode != 0 or not tmp.is_file() or tmp.stat().st_size == 0:
            last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
            raise GeomapError(f"{chromium} failed to print the PDF (exit {proc.returncode}: "
                              f"{last})")
        with replacing(pdf_path) as dst:
            shutil.move(tmp, dst)
