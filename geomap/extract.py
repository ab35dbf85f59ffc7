"""The extraction pipeline: a document in, resolved and border-related mentions out."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .cache import COMMON_WORDS_FILE
from .compiled import load_borders, load_compiled
from .mentions import Recogniser
from .model import BorderRelation, Document, Mention, Place, new_mention
from .places.files import bundled_gazetteer_dir
from .places.gazetteer import Gazetteer
from .resolve import Resolver
from .sites import Airports, airport_site

__all__ = ["COMMON_WORDS_FILE", "Extractor", "gazetteer_dir"]


def gazetteer_dir(explicit: str | os.PathLike | None = None) -> Path:
    """The active gazetteer: ``explicit``, else $GEOMAP_GAZETTEER, else ./gazetteer (when the
    current directory holds a geomap gazetteer), else the bundled one (read-only when installed:
    its user entries then live in the platform's user-data directory, see
    ``gazetteer.user_layer_dir``)."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("GEOMAP_GAZETTEER")
    if env:
        return Path(env)
    local = Path("gazetteer")
    if (local / "countries.csv").is_file() and (local / "borders.geojson").is_file():
        return local
    return bundled_gazetteer_dir()


class Extractor:
    """Finds, resolves and relates to the border every place name of a document."""

    def __init__(self, gazetteer: Gazetteer, borders=None, *,
                 common_words: frozenset[str] = frozenset(), airports: Airports | None = None):
        self.gazetteer = gazetteer
        self.borders = borders
        self.recogniser = Recogniser(gazetteer, common_words=common_words)
        self._relate = borders.relate if borders is not None else None
        self.resolver = Resolver(self._relate)
        self.airports = airports if airports is not None else Airports.load(gazetteer.directory)

    @classmethod
    def from_directory(cls, directory: str | os.PathLike | None = None, *,
                       with_borders: bool = True) -> "Extractor":
        """Load the gazetteer (compiled once, see ``geomap.cache``) and border data of a
        directory, see ``gazetteer_dir``."""
        directory = gazetteer_dir(directory)
        gazetteer, common = load_compiled(directory)
        borders = None
        if with_borders:
            borders = load_borders(directory)
        return cls(gazetteer, borders, common_words=common)

    def extract(self, doc: Document) -> list[Mention]:
        """Every place mention of ``doc``, in text order."""
        return self.resolver.resolve(doc, self.recogniser.find(doc))

    def site(self, m: Mention, *, flight: bool = False) -> Mention:
        """The site ``m`` names with the words beside it ("Minsk airport": the airport), or,
        for a ``flight``, its city's airport (see ``geomap.sites``); else ``m``. The airport
        table is read on first use."""
        return airport_site(m, self.airports, self._relate, flight=flight)

    def country(self, doc: Document, start: int, end: int, code: str) -> Mention | None:
        """A mention of country ``code`` for the words ``doc.text[start:end]`` that stand for it
        ("Lithuanian border guards"), or None when the gazetteer lacks the country."""
        place = self.gazetteer.get(f"cc:{code}")
        if place is None:
            return None
        text = doc.text
        a = max(text.rfind(".", 0, start) + 1, start - 300)
        return new_mention(doc, start, end, text[start:end], text[a:end], a, place, 1.0, (),
                           self._relate(place.lat, place.lon) if self._relate else None, False)

    def entry(self, place_id: str) -> tuple[Place, BorderRelation | None] | None:
        """The gazetteer entry ``place_id`` and its relation to the border (None when the
        gazetteer lacks it)."""
        place = self.gazetteer.get(place_id)
        if place is None:
            return None
        return place, self._relate(place.lat, place.lon) if self._relate else None

    def extract_all(self, docs: Iterable[Document]) -> Iterator[Mention]:
        """Mentions of many documents, lazily, document by document."""
        for doc in docs:
            yield from self.extract(doc)
