"""What the HTML outputs inline: the bundled assets (Leaflet and its licence), CSS scoped
under a selector, and JSON that is safe inside a ``<script>`` element."""
from __future__ import annotations

import base64
import json
import re
from pathlib import Path

from markupsafe import Markup

from ..files import GeoJSON

ASSETS = Path(__file__).with_name("assets")


def asset(name: str) -> str:
    """The text of a bundled asset (``render/assets/NAME``)."""
    return (ASSETS / name).read_text(encoding="utf-8")


def licences() -> str:
    """The assets' licences, safe inside an HTML comment."""
    return asset("LICENSES.md").replace("-->", "-- >")


def leaflet_css() -> str:
    """Leaflet's CSS with its ``url(images/X.png)`` references turned into data: URIs."""
    def inline(match: re.Match) -> str:
        data = base64.b64encode((ASSETS / match.group(1)).read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{data})"
    return re.sub(r"url\(images/([\w.-]+\.png)\)", inline, asset("leaflet.css"))


def scope_css(css: str, scope: str) -> str:
    """Prefix every selector of ``css`` with the selector ``scope`` (comments dropped; rules
    nested one level deep in ``@media`` blocks are prefixed too)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    if not scope:
        return css

    def rule(match: re.Match) -> str:
        selectors = ", ".join(f"{scope} {s.strip()}" for s in match.group(1).split(","))
        return f"\n{selectors} {{{match.group(2)}}}"
    return re.sub(r"([^{}@;]+?)\s*\{([^{}]*)\}", rule, css)


_UNSAFE = ((b"<", b"\\u003c"), (b">", b"\\u003e"), (b"&", b"\\u0026"), (b"'", b"\\u0027"),
           ("\u2028".encode(), b"\\u2028"), ("\u2029".encode(), b"\\u2029"))


def script_json(data: object) -> Markup:
    """JSON that is safe inside ``<script>`` (``<``, ``>``, ``&``, ``'`` escaped as ``tojson``
    does, U+2028/2029 too): a GeoJSON file's own text when ``data`` was read by
    ``read_geojson``, else compact JSON (outlines are megabytes). Encoded by orjson as UTF-8
    bytes and escaped as bytes (a big page's data is a third of the size of a Python string
    and its copies); what orjson refuses (a lone surrogate) by the standard library."""
    if isinstance(data, GeoJSON):
        raw = data.text.encode("utf-8", "surrogatepass")
    else:
        import orjson

        try:
            raw = orjson.dumps(data)
        except TypeError:
            raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(
                "utf-8", "surrogatepass")
    for unsafe, escaped in _UNSAFE:
        if unsafe in raw:
            raw = raw.replace(unsafe, escaped)
    return Markup(raw.decode("utf-8", "surrogatepass"))
