"""Maps inside other pages: an HTML fragment (one scoped ``<div>``) and an ``<iframe>`` snippet.

A fragment carries Leaflet (its JS is loaded only if the page has no ``window.L`` yet), its
CSS and this map's CSS with every selector under the fragment's id, so nothing styles the
host page, and the map's script wrapped in a function, so its variables stay local. The id
(the *scope*) is derived from the map's content unless given: two different maps on one page
never clash, and equal maps give equal bytes.
"""
from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterator

import folium
from branca.element import Figure

from .html import data_hole, filled, html_parts, map_css
from .inline import asset, leaflet_css, licences, scope_css

SCOPE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
CSS_LENGTH = re.compile(r"\d+(\.\d+)?(px|%|em|rem|vh|vw|cm|mm|in)")


def _length(value: str | int, name: str) -> str:
    text = f"{value}px" if isinstance(value, int) else str(value)
    if not CSS_LENGTH.fullmatch(text):
        raise ValueError(f"{name} must be a CSS length such as 600px or 100%, not {value!r}")
    return text


def default_scope(m: folium.Map, salt: str = "") -> str:
    """"gm" + 10 hex digits of the SHA-256 of the map's page (and ``salt``)."""
    digest = hashlib.sha256()
    for part in html_parts(m):
        digest.update(part.encode("utf-8"))
    digest.update(("\0" + salt).encode("utf-8"))
    return f"gm{digest.hexdigest()[:10]}"


def render_fragment(m: folium.Map, *, scope: str | None = None, width: str | int = "100%",
                    height: str | int = "500px") -> str:
    """The map as one self-contained ``<div id=scope>`` to paste into any HTML page."""
    return "".join(fragment_parts(m, scope=scope, width=width, height=height))


def fragment_parts(m: folium.Map, *, scope: str | None = None, width: str | int = "100%",
                   height: str | int = "500px") -> Iterator[str]:
    """``render_fragment``'s text in pieces, its page data in slices (``html.filled``)."""
    scope = scope or default_scope(m)
    with data_hole(m) as data:
        text = _fragment(m, scope, width, height)
    parts = filled(text, data)
    return parts if parts is not None else iter((_fragment(m, scope, width, height),))


def _fragment(m: folium.Map, scope: str, width: str | int, height: str | int) -> str:
    if not SCOPE.fullmatch(scope):
        raise ValueError(f"scope must be a JavaScript identifier, not {scope!r}")
    width, height = _length(width, "width"), _length(height, "height")
    fig = m.get_root()
    if not isinstance(fig, Figure):
        raise ValueError("the map is not on a page (build it with build_map)")
    parts = (fig.header, fig.html, fig.script)
    saved, saved_id = [dict(p._children) for p in parts], m._id
    m._id = scope                      # the map's div becomes "map_<scope>"
    try:
        for part in parts:             # drop what earlier renders filed under other names
            part._children.clear()
        fig.render()                   # a geomap figure: stable ids, no second template pass
        body, script = fig.html.render(), fig.script.render()
    finally:
        m._id = saved_id
        for part, children in zip(parts, saved):
            part._children.clear()
            part._children.update(children)
    css = "\n".join([
        f"#{scope} {{ position: relative; isolation: isolate; width: {width}; "
        f"height: {height}; }}",
        f"#{scope} .folium-map {{ position: absolute; top: 0; right: 0; bottom: 0; left: 0; }}",
        scope_css(leaflet_css(), f"#{scope}"), map_css(f"#{scope}")])
    return (f'<div class="gm-embed" id="{scope}">\n<!-- {licences()} -->\n'
            f"<style>{css}</style>\n"
            f"<script>if (!window.L) {{\n{asset('leaflet.js')}\n}}\n"
            f"if (!window.geomapPage) {{\n{asset('geomap-page.js')}\n}}</script>\n"
            f"{body.strip()}\n<script>(function () {{\n{script}\n}})();</script>\n</div>\n")


def iframe_snippet(src: str, *, title: str = "Map", width: str | int = "100%",
                   height: str | int = "600px") -> str:
    """A sandboxed ``<iframe>`` that shows the map page at ``src`` (a URL or relative path)."""
    width, height = _length(width, "width"), _length(height, "height")
    return (f'<iframe src="{html.escape(src)}" title="{html.escape(title)}" '
            f'style="width: {width}; height: {height}; border: 0" loading="lazy" '
            f'sandbox="allow-scripts"></iframe>')
