"""The one way geomap replaces a file or a folder: write a temporary path beside the target,
then ``os.replace`` it, so readers see the old or the new output, never half of one, and a
run that fails leaves the old output byte for byte."""
from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any


@contextlib.contextmanager
def replacing(path: str | os.PathLike, *, folder: bool = False,
              suffix: str = ".tmp") -> Iterator[Path]:
    """A fresh temporary path in ``path``'s folder (not yet created, or an empty folder with
    ``folder=True``) that replaces ``path`` when the block ends without an exception; on an
    exception it is removed and ``path`` is untouched. A replaced file keeps its permissions
    (new files get 0644); a folder replaces whatever is at ``path`` (removed first).
    ``suffix`` ends the temporary name (for writers that go by the extension)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent))
    if not folder:
        tmp.rmdir()                      # writers (GDAL, Arrow, open) create the file
    try:
        yield tmp
        if folder:
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()
            os.chmod(tmp, 0o755)
        else:
            os.chmod(tmp, path.stat().st_mode & 0o777 if path.is_file() else 0o644)
        os.replace(tmp, path)
    finally:
        if tmp.is_dir():
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "w") -> Iterator[IO[Any]]:
    """``open(path, mode)`` through ``replacing``: UTF-8 with ``\\n`` line ends in text mode,
    flushed to disk before the replace."""
    text = "b" not in mode
    with replacing(path) as tmp, open(tmp, mode, encoding="utf-8" if text else None,
                                      newline="" if text else None) as fh:
        yield fh
        fh.flush()
        os.fsync(fh.fileno())
