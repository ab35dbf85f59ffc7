"""``Gazetteer``: a gazetteer directory to search (``index.NameIndex``), add to
(``store.Store``) and validate (``validate.validate_directory``). See docs/gazetteer.md.
"""
from __future__ import annotations

from collections.abc import Iterable

from ..model import Place
from .index import NameIndex
from .outlines import CountryOutlines
from .rules import USER_SOURCE
from .store import Store
from .validate import Report, validate_directory


class Gazetteer(NameIndex):
    """Places with a name index, loaded from a directory to which entries can be added."""

    def add(self, name: str, *, lat: float, lon: float, country: str | None, kind: str,
            alt_names: Iterable[str] = (), source: str = USER_SOURCE,
            population: int | None = None, force: bool = False) -> Place:
        """Validate and store a new user entry (``Store.add``); it is indexed at once, here
        and for every later ``Gazetteer.load``."""
        place = Store(self.own_directory()).add(
            name, lat=lat, lon=lon, country=country, kind=kind, alt_names=alt_names,
            source=source, population=population, force=force)
        self.insert(place)
        return place

    def validate(self, *, outlines: CountryOutlines | None = None) -> Report:
        """Check the directory's files (``validate_directory``; country outlines from the
        directory unless given)."""
        return validate_directory(self.own_directory(), outlines=outlines)
