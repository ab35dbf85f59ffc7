"""The interactive map page: a self-contained, offline Leaflet page (a ``folium.Map``) whose
data is embedded once as JSON and drawn in the browser.

The page holds:

* base layers: "Country outlines (offline)" (the default) and "OpenStreetMap (online)", never
  shown by default, so nothing is fetched unless the reader picks it;
* overlays: the "Lithuania–Belarus border", the "Other Belarus borders", "Places mentioned"
  (one canvas circle per place, sized by mentions, coloured by side of the border), "Incidents"
  (one symbol per incident, shape and colour by type, size by people involved; incidents that
  overlap at the current zoom form clusters with a count that expand on click) and "Density of
  mentions" (on by default from ``DENSITY_FROM`` documents);
* place names where they fit, by priority (places with incidents, near the border, most
  mentioned), recomputed on every zoom and pan; the rest show on hover. The line to the nearest
  border point is drawn for the hovered or selected place or incident only;
* an incidents box: a timeline of incidents per week with a brush (the date filter), type and
  side filters and the count shown ("27 on the map, 1 without a place");
* a documents box: a searchable, paged list (title, date, places, incidents); a document opens
  with its place names highlighted and the map zooms to its places;
* the legend, with the places and incidents known only at country or region level listed
  (they are not drawn as circles over whole countries).

The tables come from ``page.page_data``; the script is ``assets/geomap-page.js``. Popups are
built on click from the data rows. Every source string reaches the DOM as text.

Safety: the JSON sits in ``<script type="application/json">`` with ``<``, ``>``, ``&``, ``'``
and U+2028/2029 escaped (``inline.script_json``), so no text can close the element or start a
comment; other strings reach JavaScript through Jinja's ``tojson``.

Rendering and ids: geomap's elements (``GeomapElement``) file their macros' output as finished
markup (branca would compile it as a Jinja template a second time: slow, and source text with
``{{ ... }}`` would be evaluated). Every element of the map gets a counter-based id once the
map is built, so equal inputs render to byte-identical pages. Neither touches branca's or
folium's classes: other maps in the same process render as usual.
"""
from __future__ import annotations

import contextlib
import html
import itertools
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import folium
from branca.element import Element, Figure, MacroElement
from folium.template import Template
from markupsafe import Markup

from ..io.atomic import atomic_write
from ..model import Document, Mention
from .inline import asset, leaflet_css, licences, scope_css, script_json
from .layers import AREA_KINDS, focus_points, place_markers
from .page import page_data
from .theme import (ATTRIBUTION, LAND_STYLE, LT_BY_BBOX, LT_BY_COLOUR, OTHER_BORDER_COLOUR,
                    SHAPES_JS, WORLD_STYLE)

if TYPE_CHECKING:
    from ..events import Incident

PANES = {"gm-land": 250, "gm-borders": 390}  # tiles 200 < land < borders < overlays 400
OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
DENSITY_FROM = 500          # documents from which the density layer is on by default
CHUNK = 1 << 20             # characters of page data per write (``html_parts``)
HOLE = "\x00geomap-page-data\x00"     # where the data goes while the rest is rendered


def map_css(scope: str = "") -> str:
    """The page's own CSS, every rule under ``scope`` (a selector) when given."""
    return scope_css(asset("geomap-page.css"), scope)


# -- elements ------------------------------------------------------------------------------

class _Markup(Element):
    """Markup that is already rendered: returned as it is, never compiled as a template."""

    def __init__(self, text: str):
        super().__init__()
        self._text = text

    def render(self, **kwargs: Any) -> str:
        return self._text


class GeomapElement(MacroElement):
    """A macro element whose output is filed as finished markup (see the module docstring)."""

    def render(self, **kwargs: Any) -> str:
        """File the macros' output into the figure; nothing to place here (``""``)."""
        figure = self.get_root()
        macros = self._template.module.__dict__
        for part in ("header", "html", "script"):
            macro = macros.get(part)
            if macro is not None:
                getattr(figure, part).add_child(_Markup(macro(self, kwargs)),
                                                name=self.get_name())
        for element in self._children.values():
            element.render(**kwargs)
        return ""


class _InlineAssets(GeomapElement):
    """Leaflet's JS/CSS (with its licence) and the page's CSS and script, inlined in <head>."""

    _template = Template("""
        {% macro header(this, kwargs) %}
        <!-- {{ this.licences }} -->
        <style>{{ this.css }}</style>
        <script>{{ this.js }}</script>
        <style>{{ this.page_css }}</style>
        <script>{{ this.page_js }}</script>
        {% endmacro %}
    """)

    def __init__(self) -> None:
        super().__init__()
        self._name = "InlineAssets"
        self.licences = licences()
        self.js, self.css = asset("leaflet.js"), leaflet_css()
        self.page_js, self.page_css = asset("geomap-page.js"), map_css()
        if any("</script" in x.lower() for x in (self.js, self.page_js)) or \
                any("</style" in x.lower() for x in (self.css, self.page_css)):
            raise ValueError("an inlined asset would close its own element")


class _Panes(GeomapElement):
    """Map panes that keep land below the borders and the borders below the markers."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        {%- for name, z in this.panes.items() %}
        {{ this._parent.get_name() }}.createPane({{ name|tojson }}).style.zIndex = {{ z }};
        {%- endfor %}
        {{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.attribution|tojson }});
        {% endmacro %}
    """)

    def __init__(self) -> None:
        super().__init__()
        self._name = "Panes"
        self.panes = PANES
        self.attribution = html.escape(ATTRIBUTION)


class _GeoJsonGroup(GeomapElement):
    """A layer group of non-interactive, uniformly styled GeoJSON layers in one pane; added
    to the map when ``show``."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.layerGroup();
        {%- for data, options in this.layers %}
        L.geoJSON({{ data }}, {{ options|tojson }}).addTo({{ this.get_name() }});
        {%- endfor %}
        {%- if this.show %}
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {%- endif %}
        {% endmacro %}
    """)

    def __init__(self, title: str, layers: Iterable[tuple[Mapping[str, Any] | None, dict]],
                 pane: str,
                 show: bool = True) -> None:
        super().__init__()
        self._name = "GeoJsonGroup"
        self.title, self.show = title, show
        self.layers = [(script_json(data), {"style": style, "interactive": False, "pane": pane})
                       for data, style in layers if data is not None]


class _Page(GeomapElement):
    """The data (JSON, once) and the call of the page script that draws it."""

    _template = Template("""
        {% macro html(this, kwargs) %}
        <script type="application/json" id="{{ this.data_id }}">{{ this.data }}</script>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this.map }};
            var base = {
                {{ this.outlines.title|tojson }}: {{ this.outlines.get_name() }},
                "OpenStreetMap (online)": L.tileLayer({{ this.osm|tojson }}, {
                    maxZoom: 19, attribution: "\\u00a9 OpenStreetMap contributors"})
            };
            var borders = {
            {%- for group in this.borders %}
                {{ group.title|tojson }}: {{ group.get_name() }},
            {%- endfor %}
            };
            var data = JSON.parse(document.getElementById({{ this.data_id|tojson }}).textContent);
            window.geomapPage(map, data, {base: base, borders: borders,
                bounds: {{ this.bounds|tojson }}, title: {{ this.title|tojson }},
                shapes: {{ this.shapes|tojson }}, densityFrom: {{ this.density_from }},
                ltBy: {{ this.lt_by|tojson }}, otherBorder: {{ this.other_border|tojson }}});
        })();
        {% endmacro %}
    """)

    def __init__(self, data: dict, outlines: _GeoJsonGroup, borders: list[_GeoJsonGroup],
                 bounds: list[list[float]], title: str | None) -> None:
        super().__init__()
        self._name = "Page"
        self.data = script_json(data)
        self.outlines, self.borders, self.bounds = outlines, borders, bounds
        self.title = title or ""
        self.osm, self.shapes, self.density_from = OSM_TILES, SHAPES_JS, DENSITY_FROM
        self.lt_by, self.other_border = LT_BY_COLOUR, OTHER_BORDER_COLOUR

    # names come from the map at render time (embed.render_fragment renames it)
    @property
    def map(self) -> str:
        if self._parent is None:
            raise RuntimeError("the page element is not on a map")
        return self._parent.get_name()

    @property
    def data_id(self) -> str:
        return f"gm-data-{self.map}"


# -- building ------------------------------------------------------------------------------

def _walk(element: Element) -> Iterator[Element]:
    yield element
    for child in element._children.values():
        yield from _walk(child)


def _number(root: Element) -> None:
    """Give every element under ``root`` a counter-based id, in tree order."""
    counter = itertools.count(1)
    for element in _walk(root):
        element._id = f"{next(counter):05d}"


def _bounds(points: list[tuple[float, float]]) -> list[list[float]]:
    if not points:
        return LT_BY_BBOX
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def _documents(documents: Iterable[Document], mentions: list[Mention],
               incidents: list["Incident"]) -> list[Document]:
    """The given documents and those of the mentions and incidents, by path."""
    docs = {d.path: d for d in documents}
    for m in mentions:
        docs.setdefault(m.doc.path, m.doc)
    for i in incidents:
        for e in i.events:
            docs.setdefault(e.doc.path, e.doc)
    return [docs[p] for p in sorted(docs)]


def build_map(mentions: Iterable[Mention], documents: Iterable[Document], *,
              borders: Mapping[str, Any] | None, countries: Mapping[str, Any] | None,
              world: Mapping[str, Any] | None = None, title: str | None = None,
              incidents: Iterable["Incident"] = (), texts: str = "full",
              unplaced: Iterable[dict] = ()) -> folium.Map:
    """A folium map of ``mentions`` and ``incidents`` (see the module docstring); ``texts``:
    "full", "excerpts" or "none" (see ``page``); ``unplaced``: names the gazetteer lacks
    (``geomap.unplaced`` records), listed beside the map; ``borders``, ``countries`` and
    ``world``: GeoJSON FeatureCollections (None: not drawn)."""
    mentions, incidents = list(mentions), list(incidents)
    docs = _documents(documents, mentions, incidents)
    markers = place_markers(mentions)
    data = page_data(markers, incidents, docs, mentions, texts=texts, unplaced=unplaced)
    points = [k for k in markers if k.place.kind not in AREA_KINDS]
    placed = [i for i in incidents if i.place is not None and i.place.kind not in AREA_KINDS]
    bounds = _bounds(focus_points(points, placed))
    m = folium.Map(location=[(bounds[0][0] + bounds[1][0]) / 2,
                             (bounds[0][1] + bounds[1][1]) / 2],
                   zoom_start=7, tiles=None, control_scale=True)
    # a fresh page (folium made one with a random id)
    Figure(title=html.escape(title) if title else None).add_child(m)
    m.default_js, m.default_css = [], []  # no CDN jQuery/Bootstrap/awesome-markers
    _InlineAssets().add_to(m)
    _Panes().add_to(m)
    outlines = _GeoJsonGroup("Country outlines (offline)",
                             [(world, WORLD_STYLE), (countries, LAND_STYLE)], "gm-land")
    outlines.add_to(m)
    features = borders.get("features", []) if borders is not None else []
    groups = []
    for name, keep, style in (
            ("Lithuania–Belarus border", lambda i: i == "LT-BY",
             {"color": LT_BY_COLOUR, "weight": 5, "opacity": 0.9}),
            ("Other Belarus borders", lambda i: i != "LT-BY",
             {"color": OTHER_BORDER_COLOUR, "weight": 2.5, "opacity": 0.7, "dashArray": "6 4"})):
        selected = [f for f in features if keep((f.get("properties") or {}).get("id"))]
        group = _GeoJsonGroup(name, [({"type": "FeatureCollection", "features": selected},
                                      style)] if selected else [], "gm-borders")
        group.add_to(m)
        groups.append(group)
    _Page(data, outlines, groups, bounds, title).add_to(m)
    _number(m)
    return m


def render_html(m: folium.Map) -> str:
    """The complete HTML page of ``m`` (the same every time for the same map)."""
    return m.get_root().render()


@contextlib.contextmanager
def data_hole(m: folium.Map) -> Iterator[str | None]:
    """While the block runs, ``m``'s page data renders as a marker (``filled`` puts the data
    back, in pieces); yields the data (None when the map has no page data)."""
    page = next((e for e in _walk(m.get_root()) if isinstance(e, _Page)), None)
    if page is None:
        yield None
        return
    data = page.data
    page.data = Markup(HOLE)
    try:
        yield data
    finally:
        page.data = data


def filled(text: str, data: str | None) -> Iterator[str] | None:
    """``text`` with its one ``HOLE`` replaced by ``data``, as pieces: before, ``data`` in
    slices of ``CHUNK`` characters, after (None when ``HOLE`` is not there exactly once)."""
    if data is None:
        return iter((text,)) if HOLE not in text else None
    if text.count(HOLE) != 1:
        return None

    def pieces() -> Iterator[str]:
        head, _, tail = text.partition(HOLE)
        yield head
        for i in range(0, len(data), CHUNK):
            yield data[i:i + CHUNK]
        yield tail

    return pieces()


def html_parts(m: folium.Map) -> Iterator[str]:
    """``render_html(m)`` in pieces: the page around its data, then the data (most of a big
    corpus's page: its documents' texts) in slices, never joined with the rest into one
    string (nor encoded whole)."""
    with data_hole(m) as data:
        text = render_html(m)
    parts = filled(text, data)
    return parts if parts is not None else iter((render_html(m),))   # a title holds the marker


def write_html(m: folium.Map, path: str | os.PathLike) -> None:
    """Write the page atomically (``io.atomic``), in pieces (``html_parts``)."""
    with atomic_write(path) as fh:
        for part in html_parts(m):
            fh.write(part)
