"""The optional compiled scanners (``geomap/_speedups.c``), or None.

``pip install`` builds them when a C compiler is present; without one, or with the environment
variable ``GEOMAP_PURE_PYTHON`` set, ``geomap.mentions`` and ``geomap.texts`` use the same rules
written in Python (tests compare the two). Output is identical either way; only speed differs.
"""
from __future__ import annotations

import os
from types import ModuleType


def _load() -> ModuleType | None:
    if os.environ.get("GEOMAP_PURE_PYTHON"):
        return None
    try:
        from . import _speedups
    except ImportError:
        return None
    return _speedups


compiled = _load()
