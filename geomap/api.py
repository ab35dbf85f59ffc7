"""The whole pipeline in one call, for notebooks, report generators and the commands.

>>> import geomap
>>> m = geomap.build_map(["Migrants were pushed back near Dieveniškės."])
>>> m            # a folium.Map: shows itself in Jupyter (``_repr_html_``)
>>> m.save("map.html")
"""
from __future__ import annotations

import contextlib
import gc
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, cast

from .model import Document, Mention
from .texts import make_document, read_document

if TYPE_CHECKING:
    import folium

    from .events import Event, Incident
    from .extract import Extractor
    from .texts import InputOptions, OnError
    from .unplaced import Sightings, UnplacedFinder

EMPTY = {"type": "FeatureCollection", "features": []}
LONG = 500_000       # characters of a text whose two incident stages run side by side


@dataclass(frozen=True)
class Analysis:
    """Everything the map, the report and the exports are drawn from."""

    documents: tuple[Document, ...]
    mentions: tuple[Mention, ...]
    incidents: tuple["Incident", ...]
    geodata: dict[str, dict | None]   # borders, countries, world (GeoJSON; world may be None)
    gazetteer_dir: Path
    unplaced: tuple[dict, ...] = ()   # names the gazetteer lacks (``geomap.unplaced`` records)


def load_geodata(directory: str | os.PathLike) -> dict[str, dict | None]:
    """The borders and the outlines to draw of a gazetteer directory (``border.display_geodata``;
    a missing file gives an empty collection, a missing world None)."""
    from .border import display_geodata

    out = display_geodata(directory)
    return {k: EMPTY if v is None and k != "world" else v for k, v in out.items()}


def as_documents(texts: str | Document | os.PathLike | Iterable[str | Document | os.PathLike]
                 ) -> list[Document]:
    """Documents from texts (``str``, named "text-1", "text-2", ...), paths (``Path``) or
    ready Documents."""
    if isinstance(texts, (str, Document, os.PathLike)):
        texts = [texts]
    docs = []
    for n, item in enumerate(texts, 1):
        if isinstance(item, Document):
            docs.append(item)
        elif isinstance(item, os.PathLike):
            docs.append(read_document(os.fspath(item)))
        else:
            docs.append(make_document(f"text-{n}", item))
    return docs


class Share(NamedTuple):
    """What one document gives the cross-document steps of ``analyse``, found from that
    document alone (on any process; picklable)."""

    path: str
    doc: Document | None               # kept documents only
    mentions: list[Mention]            # kept documents only
    events: list["Event"]
    prints: tuple[int, ...]            # sentence fingerprints (``events.copies``)
    triggers: list[tuple[int, ...]]    # each event's ``events.merge.trigger_prints``
    sightings: "Sightings | None"      # unplaced-name candidates


def document_shares(docs: Iterable[Document], extractor: "Extractor",
                    finder: "UnplacedFinder | None", year: int | None,
                    keep: bool = True, sent: set[str] | None = None,
                    split: bool = False, events: bool = True) -> list[Share]:
    """The ``Share`` of each of ``docs``, in order; with ``finder`` (a finder of this
    process) the unplaced-name candidates too, and the incident parts unless ``events`` is
    False. ``keep=False``: no documents nor mentions, and events
    without texts. ``sent``: the lower-case words this process's shares have given already
    (``finder.merge`` only gathers them all), left out of the next ones' sightings and added
    to it. ``split``: the unplaced-name candidates of a text of ``LONG`` characters or more
    are found on a second process (``parallel.beside``) while this one finds its events (not
    inside a pool's worker)."""
    from .events import document_events
    from .events.copies import fingerprints
    from .events.merge import trigger_prints
    from .parallel import beside

    out = []
    for d in docs:
        ms = extractor.extract(d)
        if finder is None:
            out.append(Share(d.path, d if keep else None, ms if keep else [], [], (), [], None))
            continue
        sightings = beside(finder.sightings, d, ms) \
            if events and split and len(d.text) >= LONG else None
        found = document_events(d, ms, year, site=extractor.site, country=extractor.country,
                                keep_texts=keep) if events else []
        seen = sightings() if sightings is not None else finder.sightings(d, ms)
        if sent is not None:
            seen = seen._replace(lower=seen.lower - sent)
            sent |= seen.lower
        out.append(Share(d.path, d if keep else None, ms if keep else [], found,
                         fingerprints(d.text) if events else (),
                         [trigger_prints(e) for e in found], seen))
    return out


def analyse(documents: Iterable[Document] | Iterable[str | Document], extractor: "Extractor",
            *, incidents: bool = True, keep: bool = True,
            year: int | None | Literal["batch"] = "batch", jobs: int = 1,
            read: "InputOptions | None" = None, on_error: "OnError | None" = None,
            unplaced: bool | None = None) -> Analysis:
    """Extract mentions (and incidents) of ``documents`` with ``extractor``: the one pipeline
    entry of the commands (map, report, extract to GeoPackage, incidents, unplaced, eval).
    ``unplaced``: gather the names the gazetteer lacks (default: with incidents; without
    them, the records are found alone).

    Documents are read and extracted one at a time, on ``jobs`` processes
    (``parallel.map_batches``; the result is the same for any number). ``keep=False`` keeps
    neither documents nor mentions (``documents`` and ``mentions`` are empty; incidents keep
    their evidence sentences, not the texts): memory then grows with the incidents only.
    ``year``: for dates printed without a year in undated documents (default: the most
    common year of the dated ones, see ``input_year``; "batch" needs every document read
    first). ``read``: ``documents`` are units of ``texts.input_units`` (files as their
    paths), read with these options where they are analysed (on the worker processes); what
    reading says is reported in input order, as ``texts.replay`` does (errors to
    ``on_error``).
    """
    import functools
    import itertools

    from .parallel import map_batches
    from .texts import read_units, replay, replayed

    if read is not None and year == "batch" and incidents:    # every document first
        docs, said = read_units(documents, read)
        replay(said, read, on_error)
        documents, read = docs, None
    if year == "batch" and incidents:
        from .dates import batch_year

        listed = list(documents)                  # read above: documents, not paths
        year = batch_year(cast("list[Document]", listed))
        documents = listed
    elif year == "batch":
        year = None                               # (no incidents: no dates read)
    finder = None
    if incidents if unplaced is None else unplaced:
        from .unplaced import UnplacedFinder

        finder = UnplacedFinder(extractor)
    if incidents:
        # the event lexicons are compiled here, before the worker processes are forked: each
        # inherits them instead of compiling them again (~0.4 s a process)
        from . import events  # noqa: F401
    # each worker process has its copy of ``sent``: a word goes to this one once per process
    work = functools.partial(document_shares, extractor=extractor, finder=finder,
                             year=year, keep=keep, sent=set(), split=jobs > 1,
                             events=incidents)
    results: Any                  # the pool's generator (of shares, or of shares and notices)
    shares: Iterable[Share]
    if read is None:
        results = map_batches(work, documents, jobs)
        shares = itertools.chain.from_iterable(results)
    else:
        results = map_batches(functools.partial(_read_shares, work, read), documents, jobs)
        shares = itertools.chain.from_iterable(replayed(results, read, on_error))
    # closed however combining ends (an input error under --strict): the workers stop now
    with contextlib.closing(results):
        return combine(shares, extractor, finder, keep=keep, incidents=incidents)


def _read_shares(work: Callable[[list[Document]], list[Share]], options: "InputOptions",
                 units: list[str | Document]) -> tuple[list[Share], list]:
    """``work`` on the documents of ``units`` (``texts.read_units``), with what reading them
    said."""
    from .texts import read_units

    docs, said = read_units(units, options)
    return work(docs), said


def combine(shares: Iterable[Share], extractor: "Extractor", finder: "UnplacedFinder | None",
            keep: bool = True, incidents: bool = True) -> Analysis:
    """The cross-document steps of ``analyse``, on the ``Share`` of each document in input
    order: the unplaced names (with ``finder``, which gathers them), then with ``incidents``
    copy groups and merged incidents; the kept documents and mentions."""
    with collector_paused():
        return _combine(shares, extractor, finder, keep, incidents)


@contextlib.contextmanager
def collector_paused(freeze: bool = False) -> Iterator[None]:
    """No cyclic garbage collection inside the block (unless it was already off). What
    ``combine`` keeps (every document's share, events, incidents) holds no reference cycles,
    and a full collection traverses all of it again as it grows: the collector took ~20 % of
    combining and writing. ``freeze``: what exists when the block ends is frozen
    (``gc.freeze``) before collection resumes, which otherwise traverses once every object
    made in the block (for a caller that keeps them until it exits, as the commands do)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()


def _combine(shares: Iterable[Share], extractor: "Extractor", finder: "UnplacedFinder | None",
             keep: bool, incidents: bool) -> Analysis:
    docs: list[Document] = []
    mentions: list[Mention] = []
    places: dict = {}       # id -> each gazetteer entry once (other processes send copies)

    def documents():
        for s in shares:
            if keep:
                docs.append(s.doc)
                mentions.extend(_shared_places(s.mentions, places))
            if finder is not None:
                finder.merge(s.sightings)
            yield s.path, s.prints, _share_places(s.events, places), s.triggers

    found: tuple = ()
    unplaced: tuple = ()
    if finder is not None and incidents:
        from .events import merge_documents
        from .unplaced import locate_incidents

        found = tuple(merge_documents(documents()))
        unplaced = tuple(finder.records())
        found = tuple(locate_incidents(found, unplaced, extractor.entry))
    else:
        for _ in documents():
            pass
        if finder is not None:
            unplaced = tuple(finder.records())
    directory = extractor.gazetteer.directory
    if extractor.borders is not None:
        geodata = extractor.borders.geodata()
    else:   # an in-memory gazetteer has no geodata
        geodata = load_geodata(directory) if directory is not None else \
            {"borders": EMPTY, "countries": EMPTY, "world": None}
    return Analysis(tuple(docs), tuple(mentions), found, geodata, Path(directory or ""),
                    unplaced)


def input_year(paths: Iterable[str], options: "InputOptions | None" = None) -> int | None:
    """``analyse``'s default year for the documents of input files (not stdin), found in a
    first pass that keeps only their dates: text files' headers (``_header_year``), other
    inputs read with ``options`` and their texts dropped; unreadable inputs are left out."""
    from .dates import most_common_year
    from .errors import InputError
    from .texts import DEFAULT, read_inputs

    years: Counter = Counter()
    for path in paths:
        if path.lower().endswith(".txt"):
            year = _header_year(path)
            if year is not None:
                years[year] += 1
            continue
        try:
            years.update(d.date.year for d in read_inputs([path], options or DEFAULT,
                                                           lambda p, e: None) if d.date)
        except InputError:             # gone since it was listed
            continue
    return most_common_year(years)


def _shared_places(mentions: list[Mention], places: dict) -> list[Mention]:
    """``mentions``, each one's place, border relation and alternatives the first ones of
    their places' ids in ``places`` (added if new), as ``_share_places`` does for events: a
    worker sends its own copies with every batch, and a big corpus would keep thousands."""
    for m in mentions:
        p = m.place
        if p is not None:
            q = places.setdefault(p.id, p)
            if q is not p:
                object.__setattr__(m, "place", q)
            b = m.border            # a place's relation to the border, once too
            if b is not None:
                c = places.setdefault(("border", p.id), b)
                if c is not b and c == b:
                    object.__setattr__(m, "border", c)
        if m.alternatives:
            alts = tuple(places.setdefault(a.id, a) for a in m.alternatives)
            object.__setattr__(m, "alternatives", alts)
    return mentions


def _share_places(events: list["Event"], places: dict) -> list["Event"]:
    """``events``, the entry of each one's place made the first one with its id in
    ``places`` (added if new; one gazetteer's ids are unique, so they are equal values)."""
    for e in events:
        m = e.place
        if m is not None and m.place is not None:
            p = places.setdefault(m.place.id, m.place)
            if p is not m.place:
                # an equal value, set in place (as ``model.new_mention`` builds mentions):
                # the copies a worker sent are this event's alone
                object.__setattr__(m, "place", p)
    return events


def _header_year(path: str) -> int | None:
    """The year of the " date YYYY-MM-DD " header of a text file, read from its first bytes
    (None when unreadable)."""
    from .texts import parse_header

    try:                     # os.read: a third of the time of a file object, per file
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        try:
            head = os.read(fd, 64)
        finally:
            os.close(fd)
    except OSError:
        return None
    date = parse_header(head.decode("utf-8", "ignore"))[0]
    return date.year if date else None


def build_map(texts: str | Document | os.PathLike | Iterable[str | Document | os.PathLike], *,
              gazetteer: str | os.PathLike | None = None, title: str | None = None,
              incidents: bool = True) -> "folium.Map":
    """The offline, layered map of ``texts`` (see ``as_documents``) as a ``folium.Map``.

    ``gazetteer``: a gazetteer directory (default: the active one, see
    ``extract.gazetteer_dir``). ``incidents``: also find and draw the incidents.
    """
    from .render import html
    from .extract import Extractor

    a = analyse(as_documents(texts), Extractor.from_directory(gazetteer), incidents=incidents)
    return html.build_map(a.mentions, a.documents, title=title, incidents=a.incidents,
                          unplaced=a.unplaced, borders=a.geodata["borders"],
                          countries=a.geodata["countries"], world=a.geodata.get("world"))
