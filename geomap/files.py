"""Files: safe writes (a temporary file in the target's directory, then ``os.replace``) and
GeoJSON reads that keep the text."""
from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "w") -> Iterator[IO]:
    """Open a temporary file for writing; on success it atomically replaces ``path``.

    Readers see either the old or the new file, never a half-written one; on error the
    temporary file is removed and ``path`` is untouched.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        kwargs = {"encoding": "utf-8", "newline": ""} if "b" not in mode else {}
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


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
