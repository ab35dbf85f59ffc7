"""GeoJSON files read so that the text is kept (a page embeds it without encoding it again)."""
from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path


class GeoJSON(Mapping):
    """A GeoJSON object read from a file, parsed on first access. ``text`` is the file's own
    text, which a page can embed without parsing and encoding it again."""

    def __init__(self, text: str, data: dict | None = None):
        self.text = text
        self._data = data

    @property
    def data(self) -> dict:
        if self._data is None:
            self._data = json.loads(self.text)
        return self._data

    def __getitem__(self, name: str):
        return self.data[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)


def read_geojson(path: str | os.PathLike, *, parse: bool = True) -> GeoJSON:
    """A GeoJSON file (FileNotFoundError names it when missing); ``parse=False`` leaves the
    parsing (and any error in it) to the first access: for files already known to be good."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FileNotFoundError(f"border data file not found: {path}") from None
    return GeoJSON(text, json.loads(text) if parse else None)
