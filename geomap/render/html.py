"""Render resolved mentions as a self-contained, offline, layered Leaflet map (via folium).

Layers (switchable in the layer control, added last):

* base layers (radio buttons): "Country outlines (offline)" (``world`` underneath
  ``countries``, light fill on a plain sea-coloured background; the default) and
  "OpenStreetMap (online)", which is never shown by default, so nothing is fetched unless
  the user picks it;
* "Lithuania–Belarus border" (thick red) and "Other Belarus borders" (LV–BY, PL–BY);
* "Places mentioned": one circle per place, radius growing with the mention count,
  colour by side of the border (LT, BY, PL, LV; grey otherwise), dashed and small when
  the place is only named inside organisations' names;
* "Incidents" (when given): one symbol per incident, its shape and colour by type, its size
  by the people involved, a popup with date, type, counts and every source's quoted evidence
  (key words highlighted), and a dashed line to the nearest border point labelled with the
  distance;
* one layer per source document with the markers of that document's mentions only. These
  are hidden by default: "Places mentioned" already shows their union, and a reader
  switches a document on to see what that one text located.

Safety: every source-derived string (names, sentences, titles, file names) passes through
``html.escape`` before it becomes HTML, and every string that goes into the page's
JavaScript is emitted with Jinja's ``tojson``, which also escapes ``<``, ``>``, ``&`` and
``'``, so no text can close the ``<script>`` element or run as code. folium's own
Popup/Tooltip are not used: they paste HTML into JS template literals (and Popup needs
jQuery).

Determinism: folium gives every element a random id; ``_stable_ids`` swaps that for a
counter while the map is built and while it is rendered, so equal inputs render to
byte-identical HTML.

Rendering: branca files each macro's output (a popup's script, the inline Leaflet code) as
``Element(output)``, which compiles that output as a Jinja template and renders it again. That
is slow (the inline assets alone are ~200 kB of template source) and unsafe: source text
containing ``{{ ... }}`` or ``{% ... %}`` would be evaluated or break the page. The map's
root figure (``_Figure``) therefore renders with macro output filed as finished markup, on
every path: ``render_html``, ``Map.save`` and a notebook's ``_repr_html_``.
"""
from __future__ import annotations

import contextlib
import html
import itertools
import os
import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import folium
from branca.element import Element, Figure, MacroElement
from folium.template import Template

from ..io.atomic import atomic_write
from ..model import Document, Mention
from .inline import asset, leaflet_css, licences, scope_css, script_json
from .layers import (DocumentLayer, PlaceMarker, document_layers, event_quotes, focus_points,
                     has_border_line, people_involved, people_text, place_markers, spread)
from .panel import add_panel, incident_layers, register_place, show_in_text
from .theme import (ATTRIBUTION, INCIDENT_TYPES, LAND_STYLE, LT_BY_BBOX, LT_BY_COLOUR,
                    OTHER_BORDER_COLOUR, OTHER_COLOUR, SEA_COLOUR, SIDE_COLOURS, SIDE_NAMES,
                    WORLD_STYLE, border_name, highlight, incident_date, incident_type,
                    marker_radius, side_colour, side_name, symbol_size, symbol_svg)

if TYPE_CHECKING:
    from ..events import Incident

PANES = {"gm-land": 250, "gm-borders": 390}  # tiles 200 < land < borders < overlays 400
OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"


# -- deterministic ids ---------------------------------------------------------------------

_ids_lock = threading.Lock()


@contextlib.contextmanager
def _stable_ids(prefix: str = "") -> Iterator[None]:
    """Give every branca/folium element created inside the block a counter-based id.

    Used around building (ids "00001", ...) and, with prefix "r", around rendering: folium
    creates elements while rendering (e.g. a layer's ``addTo``) and files their output under
    their names, so the same names on every render make re-rendering a map idempotent.
    """
    counter = itertools.count(1)
    with _ids_lock:
        original = Element.__dict__["_generate_id"]
        Element._generate_id = classmethod(lambda cls: f"{prefix}{next(counter):05d}")
        try:
            yield
        finally:
            Element._generate_id = original


class _Markup(Element):
    """Markup that is already rendered: returned as it is, never compiled as a template."""

    def __init__(self, text: str):
        super().__init__()
        self._text = text

    def render(self, **kwargs) -> str:
        return self._text


def _render_macro(self: MacroElement, **kwargs) -> None:
    """branca's ``MacroElement.render``, filing the macros' output as ``_Markup``."""
    figure = self.get_root()
    macros = self._template.module.__dict__
    for part in ("header", "html", "script"):
        macro = macros.get(part)
        if macro is not None:
            getattr(figure, part).add_child(_Markup(macro(self, kwargs)), name=self.get_name())
    for element in self._children.values():
        element.render(**kwargs)


class _Figure(Figure):
    """The page of a geomap map: deterministic ids and no second template pass (see the
    module docstring)."""

    def render(self, **kwargs) -> str:
        with _stable_ids("r"):
            original = MacroElement.__dict__["render"]
            MacroElement.render = _render_macro
            try:
                return super().render(**kwargs)
            finally:
                MacroElement.render = original


# -- custom elements -----------------------------------------------------------------------

MAP_CSS = """
.leaflet-container { background: %(sea)s; }
path.gm-place:focus { outline: none; }
.gm-popup { font: 13px/1.35 sans-serif; }
.gm-popup h4 { margin: 0 0 2px; font-size: 15px; }
.gm-popup .gm-meta { color: #555; margin-bottom: 6px; }
.gm-popup .gm-mention { border-top: 1px solid #ddd; padding: 4px 0; }
.gm-popup .gm-doc { font-size: 11px; color: #666; }
.gm-popup mark { background: #ffe066; padding: 0 1px; }
.gm-popup blockquote { margin: 2px 0 2px 8px; }
.gm-distance { background: rgba(255,255,255,.85); border: 0; box-shadow: none;
               padding: 0 3px; font: 11px sans-serif; color: #333; }
.gm-distance:before { display: none; }
.gm-distance.leaflet-tooltip { pointer-events: none; }
.gm-incident svg { display: block; overflow: visible; }
.gm-legend .gm-symbol { vertical-align: -2px; margin-right: 4px; }
.gm-legend { position: absolute; bottom: 26px; right: 10px; z-index: 1000;
             background: rgba(255,255,255,.9); padding: 6px 9px; border-radius: 4px;
             font: 12px/1.5 sans-serif; box-shadow: 0 1px 4px rgba(0,0,0,.3);
             pointer-events: none; /* never hides a marker from clicks */ }
.gm-legend .gm-swatch { display: inline-block; width: 11px; height: 11px;
                        border-radius: 50%%; margin-right: 5px; vertical-align: -1px; }
.gm-legend .gm-line { display: inline-block; width: 16px; margin-right: 5px;
                      vertical-align: 3px; }
""" % {"sea": SEA_COLOUR}


def map_css(scope: str = "") -> str:
    """This map's own CSS, every rule under ``scope`` (a selector) when given."""
    return scope_css(MAP_CSS, scope)


class _InlineAssets(MacroElement):
    """Leaflet's JS/CSS (with its licence) and this map's own CSS, inlined in <head>."""

    _template = Template("""
        {% macro header(this, kwargs) %}
        <!-- {{ this.licences }} -->
        <style>{{ this.css }}</style>
        <script>{{ this.js }}</script>
        <style>{{ this.map_css }}</style>
        {% endmacro %}
    """)

    def __init__(self) -> None:
        super().__init__()
        self._name = "InlineAssets"
        self.licences = licences()
        self.js = asset("leaflet.js")
        self.css = leaflet_css()
        self.map_css = map_css()
        if "</script" in self.js.lower() or "</style" in self.css.lower():
            raise ValueError("an inlined asset would close its own element")


class _Legend(MacroElement):
    """Side colours, border lines and the map's title (all fixed strings, except the title)."""

    _template = Template("""
        {% macro html(this, kwargs) %}
        <div class="gm-legend">
            {%- if this.title %}<b>{{ this.title }}</b><br>{% endif %}
            {%- for colour, label in this.sides %}
            <span class="gm-swatch" style="background: {{ colour }}"></span>{{ label }}<br>
            {%- endfor %}
            <span class="gm-line" style="border-top: 4px solid {{ this.lt_by }}"></span>LT–BY border<br>
            <span class="gm-line" style="border-top: 2px solid {{ this.other }}"></span>other Belarus borders
            {%- for svg, label in this.incident_types %}
            <br>{{ svg }}{{ label }}
            {%- endfor %}
        </div>
        {% endmacro %}
    """)

    def __init__(self, title: str | None, incident_types: Iterable[str] = ()) -> None:
        super().__init__()
        self._name = "Legend"
        self.incident_types = [(symbol_svg(t, INCIDENT_TYPES[t][1], 12), INCIDENT_TYPES[t][0])
                               for t in INCIDENT_TYPES if t in set(incident_types)]
        self.title = html.escape(title) if title else ""
        self.sides = [(c, f"{SIDE_NAMES[s]} side") for s, c in SIDE_COLOURS.items()]
        self.sides.append((OTHER_COLOUR, "other / unknown"))
        self.lt_by, self.other = LT_BY_COLOUR, OTHER_BORDER_COLOUR


class _Attribution(MacroElement):
    """Adds the data sources to Leaflet's attribution control."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.text|tojson }});
        {% endmacro %}
    """)

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "Attribution"
        self.text = html.escape(text)


class _Panes(MacroElement):
    """Map panes that keep land below the borders and the borders below the markers (the
    overlay pane, z-index 400), however the user toggles the layers."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        {%- for name, z in this.panes.items() %}
        {{ this._parent.get_name() }}.createPane({{ name|tojson }}).style.zIndex = {{ z }};
        {%- endfor %}
        {% endmacro %}
    """)

    def __init__(self) -> None:
        super().__init__()
        self._name = "Panes"
        self.panes = PANES


class _GeoJson(MacroElement):
    """A non-interactive, uniformly styled GeoJSON layer in one of ``PANES`` (folium's
    GeoJson would add ids to the caller's features and a per-feature style switch)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        L.geoJSON({{ this.data_json }}, {{ this.options|tojson }})
            .addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, data: dict, style: dict, pane: str) -> None:
        super().__init__()
        self._name = "GeoJson"
        self.data_json = script_json(data)
        self.options = {"style": style, "interactive": False, "pane": pane}


class _PopupTooltip(MacroElement):
    """Binds a popup (ready-made, escaped HTML) and a tooltip to its parent marker."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}
            .bindPopup({{ this.popup|tojson }}, {maxWidth: 380, maxHeight: 320})
            .bindTooltip({{ this.tooltip|tojson }});
        {% endmacro %}
    """)

    def __init__(self, popup: str, tooltip: str) -> None:
        super().__init__()
        self._name = "PopupTooltip"
        self.popup, self.tooltip = popup, tooltip


class _Symbol(MacroElement):
    """A marker drawn as an inline SVG shape (``L.divIcon``), shifted by ``shift`` pixels."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.marker({{ this.location|tojson }}, {
            icon: L.divIcon({{ this.icon|tojson }}), riseOnHover: true})
            .addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, location: list[float], svg: str, size: float,
                 shift: tuple[float, float] = (0.0, 0.0)) -> None:
        super().__init__()
        self._name = "Symbol"
        self.location = location
        dx, dy = round(shift[0], 1), round(shift[1], 1)
        self.icon = {"html": svg, "className": "gm-incident", "iconSize": [size, size],
                     "iconAnchor": [size / 2 - dx, size / 2 - dy],
                     "popupAnchor": [0, -size / 2], "tooltipAnchor": [size / 2, 0]}


class _Label(MacroElement):
    """A permanent text label to the right of its parent (a marker)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.bindTooltip({{ this.text|tojson }},
            {permanent: true, direction: "right", offset: [4, 0], className: "gm-distance"});
        {% endmacro %}
    """)

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "Label"
        self.text = html.escape(text)


# -- popup content -------------------------------------------------------------------------

def _doc_line(doc: Document) -> str:
    title = html.escape(doc.title or doc.name)
    date = f" — {doc.date.isoformat()}" if doc.date else ""
    return f'<div class="gm-doc">{title}{date} <i>({html.escape(doc.name)})</i></div>'


def _border_text(marker: PlaceMarker) -> str:
    side = side_name(marker.side)
    if marker.border is None:
        return f"{html.escape(side)} side"
    border = html.escape(border_name(marker.border.border))
    return f"{html.escape(side)} side, {marker.border.distance_km:.1f} km from the {border} border"


def popup_html(marker: PlaceMarker) -> str:
    """Name, country, kind, side and border distance, then each mentioning sentence."""
    p = marker.place
    parts = [f'<div class="gm-popup"><h4>{html.escape(p.name)}</h4>',
             f'<div class="gm-meta">{html.escape(p.country or "—")} · {html.escape(p.kind)} · '
             f"{_border_text(marker)}",
             " · only named inside organisations' names" if marker.org_only else "",
             "</div>"]
    sentences: dict[tuple[str, int], list[Mention]] = {}
    for m in marker.mentions:
        sentences.setdefault((m.doc.path, m.sentence_start), []).append(m)
    for group in sentences.values():
        first = group[0]
        spans = [(m.start - m.sentence_start, m.end - m.sentence_start) for m in group]
        parts.append(f'<div class="gm-mention">{_doc_line(first.doc)}'
                     f"{highlight(first.sentence, spans)}{show_in_text(first)}</div>")
    parts.append("</div>")
    return "".join(parts)


def incident_popup_html(incident: "Incident") -> str:
    """Type, place, date, side and border distance, people and actors, then every source's
    quoted evidence with its key words (trigger, count, date, place) highlighted."""
    label, _ = incident_type(incident)
    place = incident.place.name if incident.place else "unknown place"
    meta = [incident_date(incident)]
    if incident.border is not None:
        meta.append(f"{side_name(incident.border.side)} side, "
                    f"{incident.border.distance_km:.1f} km from the "
                    f"{border_name(incident.border.border)} border")
    if people_text(incident):
        meta.append(people_text(incident))
    parts = [f'<div class="gm-popup"><h4>{html.escape(label)} — {html.escape(place)}</h4>',
             f'<div class="gm-meta">{" · ".join(html.escape(x) for x in meta)}']
    for name, values in (("Actors", incident.actors), ("Reported by", incident.claim_sources)):
        if values:
            parts.append(f"<br>{name}: {html.escape('; '.join(values))}")
    parts.append("</div>")
    for event in incident.events:
        quotes = "".join(f"<blockquote>{highlight(s, spans)}</blockquote>"
                         for s, spans in event_quotes(event))
        parts.append(f'<div class="gm-mention">{_doc_line(event.doc)}{quotes}</div>')
    parts.append("</div>")
    return "".join(parts)


def incident_size(incident: "Incident") -> float:
    """The size of an incident's symbol in pixels (see ``theme.symbol_size``)."""
    return symbol_size(people_involved(incident))


def _incident_symbol(incident: "Incident", offset: tuple[float, float],
                     group: folium.FeatureGroup) -> None:
    assert incident.place is not None
    label, colour = incident_type(incident)
    size = incident_size(incident)
    location = [incident.place.lat, incident.place.lon]
    if has_border_line(incident):
        folium.PolyLine([location, list(incident.border.nearest)], color=colour, weight=1.5,
                        opacity=0.8, dash_array="4 4", class_name="gm-to-border").add_to(group)
        end = folium.CircleMarker(list(incident.border.nearest), radius=2.5, color=colour,
                                  fill=True, fill_opacity=1, weight=1,
                                  class_name="gm-border-point")
        _Label(f"{incident.border.distance_km:.1f} km to the border").add_to(end)
        end.add_to(group)
    svg = symbol_svg(incident.type, colour, size)
    tooltip = " ".join(filter(None, [incident.date.isoformat() if incident.date else "",
                                     label, "—", incident.place.name]))
    symbol = _Symbol(location, svg, size, (offset[0] * size * 0.6, offset[1] * size * 0.6))
    _PopupTooltip(incident_popup_html(incident), html.escape(tooltip)).add_to(symbol)
    symbol.add_to(group)


# -- layers --------------------------------------------------------------------------------

def _circle(marker: PlaceMarker) -> folium.CircleMarker:
    colour = side_colour(marker.side)
    circle = folium.CircleMarker(
        location=[marker.place.lat, marker.place.lon], radius=marker_radius(marker.count),
        color=colour, weight=1 if marker.org_only else 2, fill=True, fill_color=colour,
        fill_opacity=0.15 if marker.org_only else 0.6, dash_array="3 3" if marker.org_only else None,
        class_name="gm-place")
    _PopupTooltip(popup_html(marker), html.escape(marker.place.name)).add_to(circle)
    register_place(circle, marker.place.id)
    return circle


def _base_layer(m: folium.Map, countries: dict, world: dict | None) -> None:
    group = folium.FeatureGroup(name="Country outlines (offline)", overlay=False)
    for data, style in ((world, WORLD_STYLE), (countries, LAND_STYLE)):
        if data is not None:
            _GeoJson(data, style, "gm-land").add_to(group)
    group.add_to(m)
    folium.TileLayer(OSM_TILES, name="OpenStreetMap (online)", overlay=False, show=False,
                     attr="© OpenStreetMap contributors", max_zoom=19).add_to(m)


def _border_layers(m: folium.Map, borders: dict) -> None:
    features = borders.get("features", [])
    for name, keep, style in (
            ("Lithuania–Belarus border", lambda i: i == "LT-BY",
             {"color": LT_BY_COLOUR, "weight": 5, "opacity": 0.9}),
            ("Other Belarus borders", lambda i: i != "LT-BY",
             {"color": OTHER_BORDER_COLOUR, "weight": 2.5, "opacity": 0.7, "dashArray": "6 4"})):
        group = folium.FeatureGroup(name=name, overlay=True)
        selected = [f for f in features if keep((f.get("properties") or {}).get("id"))]
        if selected:
            _GeoJson({"type": "FeatureCollection", "features": selected}, style,
                     "gm-borders").add_to(group)
        group.add_to(m)


def _places_layer(m: folium.Map, markers: tuple[PlaceMarker, ...]) -> None:
    group = folium.FeatureGroup(name="Places mentioned", overlay=True)
    for marker in markers:
        _circle(marker).add_to(group)
    group.add_to(m)


def _incidents_layer(m: folium.Map, incidents: list["Incident"]) -> None:
    group = folium.FeatureGroup(name="Incidents", overlay=True)
    for incident, offset in zip(incidents, spread(incidents)):
        with incident_layers(group, incident.id, incident.date):
            _incident_symbol(incident, offset, group)
    group.add_to(m)


def _document_layer(m: folium.Map, layer: DocumentLayer) -> None:
    # Leaflet's layer control shows names as HTML: escape the (untrusted) label.
    group = folium.FeatureGroup(name=html.escape(layer.label), overlay=True, show=False)
    for marker in layer.markers:
        _circle(marker).add_to(group)
    group.add_to(m)


def _bounds(markers: tuple[PlaceMarker, ...],
            incidents: list["Incident"] = ()) -> list[list[float]]:
    points = focus_points(markers, incidents)
    if not points:
        return LT_BY_BBOX
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


# -- public API ----------------------------------------------------------------------------

def build_map(mentions: Iterable[Mention], documents: Iterable[Document], *, borders: dict,
              countries: dict, world: dict | None = None,
              title: str | None = None, incidents: Iterable["Incident"] = ()) -> folium.Map:
    """A folium map of ``mentions`` and ``incidents`` (see the module docstring)."""
    mentions, documents = list(mentions), list(documents)
    markers = place_markers(mentions)
    incidents = sorted((i for i in incidents if i.place is not None),
                       key=lambda i: (-incident_size(i), i.id))   # small ones on top
    bounds = _bounds(markers, incidents)
    with _stable_ids():
        m = folium.Map(location=[(bounds[0][0] + bounds[1][0]) / 2,
                                 (bounds[0][1] + bounds[1][1]) / 2],
                       zoom_start=7, tiles=None, control_scale=True)
        _Figure().add_child(m)                # replaces the plain Figure folium made
        m.default_js, m.default_css = [], []  # no CDN jQuery/Bootstrap/awesome-markers
        if title:
            m.get_root().title = html.escape(title)
        _InlineAssets().add_to(m)
        _Panes().add_to(m)
        _base_layer(m, countries, world)
        _border_layers(m, borders)
        _places_layer(m, markers)
        if incidents:
            _incidents_layer(m, incidents)
        for layer in document_layers(mentions, documents):
            _document_layer(m, layer)
        _Legend(title, {i.type for i in incidents}).add_to(m)
        _Attribution(ATTRIBUTION).add_to(m)
        m.fit_bounds(bounds, padding=(40, 40), max_zoom=11)
        folium.LayerControl(collapsed=True).add_to(m)
        add_panel(m, documents, mentions)
    return m


def render_html(m: folium.Map) -> str:
    """The complete HTML page of ``m`` (the same every time for the same map)."""
    return m.get_root().render()


def write_html(m: folium.Map, path: str | os.PathLike) -> None:
    """Write the page atomically: a temporary file in the same directory, then os.replace."""
    text = render_html(m)
    with atomic_write(path) as fh:
        fh.write(text)
