"""The whole pipeline in one call, for notebooks, report generators and the commands.

>>> import geomap
>>> m = geomap.build_map(["Migrants were pushed back near Dieveniškės."])
>>> m            # a folium.Map: shows itself in Jupyter (``_repr_html_``)
>>> m.save("map.html")
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .model import Document, Mention
from .texts import make_document, read_document

if TYPE_CHECKING:
    import folium

    from .extract import Extractor
    from .events import Incident

EMPTY = {"type": "FeatureCollection", "features": []}


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


def analyse(documents: Iterable[Document], extractor: "Extractor", *,
            incidents: bool = True) -> Analysis:
    """Extract mentions (and incidents) of ``documents`` with ``extractor``: the one pipeline
    entry of the commands (map, report, extract to GeoPackage, incidents, eval)."""
    docs = tuple(documents)
    per_doc = [(d, extractor.extract(d)) for d in docs]
    mentions = tuple(m for _, ms in per_doc for m in ms)
    found: tuple = ()
    unplaced: tuple = ()
    if incidents:
        from .events import incidents_of
        from .unplaced import find_unplaced, locate_incidents

        unplaced = tuple(find_unplaced(docs, extractor, (ms for _, ms in per_doc)))
        found = tuple(locate_incidents(incidents_of(per_doc, site=extractor.site), unplaced))
    directory = extractor.gazetteer.directory
    if extractor.borders is not None:
        geodata = extractor.borders.geodata()
    else:   # an in-memory gazetteer has no geodata
        geodata = load_geodata(directory) if directory is not None else \
            {"borders": EMPTY, "countries": EMPTY, "world": None}
    return Analysis(docs, mentions, found, geodata, Path(directory or ""), unplaced)


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
                          **a.geodata)
