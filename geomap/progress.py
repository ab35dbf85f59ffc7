"""A progress bar on stderr for long runs: shown only when stderr is a terminal, after the
run has lasted a second, and never with ``quiet``."""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
DELAY_S = 1.0


def progress(items: Iterable[T], *, total: int | None = None, unit: str = "doc",
             quiet: bool = False) -> Iterator[T]:
    """``items`` unchanged, with a tqdm bar on a terminal's stderr (nothing otherwise)."""
    if quiet or not sys.stderr.isatty():
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, total=total, unit=unit, delay=DELAY_S, file=sys.stderr,
                    dynamic_ncols=True, leave=False)
