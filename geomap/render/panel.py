"""The map's side panel (the source documents, place names highlighted) and time control.

``build_map`` tags layers while drawing them and calls ``add_panel`` last:

* ``register_place(marker, place_id)``: the panel finds the markers of a place;
* ``register_incident(layer, incident_id, date)``: the time control shows the layer (an
  incident's symbol, line to the border, ...) only while ``date`` is in range;
  ``with incident_layers(group, id, date): ...`` registers every layer added to ``group``
  inside the block;
* ``show_in_text(mention)``: a button for a place popup that opens the mention's document
  in the panel at the quoted sentence.

JS contract, per map (``name`` is the map's JS variable and div id, e.g. ``"map_00001"``)::

    window.geomapPlaces[name] = {placeId: [marker, ...]}   // tree order: "Places mentioned" first
    window.geomapIncidents[name] = [{id, date: "YYYY-MM-DD" | null, group, layers: [...]}, ...]

The time control removes an entry's ``layers`` from ``group`` (an ``L.LayerGroup``; the map
if null) when it is out of range, and adds them back when in range, re-reading the list on
every change, so other code may push entries too. Undated entries stay unless "hide undated"
is ticked.

All source text (titles, file names, document texts, place ids) is escaped here, piece by
piece; JS gets strings only through ``tojson``. Everything is sorted, so output is
deterministic. The time control and the panel stack below the layer control (a flex column
in the top-right corner); the panel is collapsed at first. Clicking a highlighted name flies
to the place and opens its popup. Prints leave out the panel, the popups' buttons and the
"hide undated" box; the time control's dates and "N of M incidents shown" stay.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import html
from collections.abc import Iterable, Iterator

import folium
from branca.element import Element, MacroElement
from folium.template import Template

from ..model import Document, Mention
from .inline import scope_css

_PLACE, _INCIDENT = "_geomap_place", "_geomap_incident"

PANEL_CSS = """
.leaflet-top.leaflet-right { bottom: 24px; display: flex; flex-direction: column;
                             align-items: flex-end;
                             z-index: 1001; /* an open panel covers the legend */ }
.leaflet-top.leaflet-right > .leaflet-control { flex: none; }
.gm-panel [hidden] { display: none !important; }
.leaflet-top.leaflet-right > .gm-panel { flex: 0 1 auto; min-height: 0; display: flex;
    flex-direction: column; width: 340px; max-width: 60vw; background: #fff;
    font: 13px/1.4 sans-serif; }
.gm-panel-toggle { flex: none; border: 0; background: #fff; padding: 6px 10px;
                   font: bold 13px sans-serif; text-align: left; cursor: pointer;
                   border-radius: 4px; }
.gm-panel-body { position: relative; overflow: auto; min-height: 0; padding: 0 10px 10px;
                 border-top: 1px solid #ddd; }
.gm-doc-list { list-style: none; margin: 0; padding: 0; }
.gm-doc-item { display: block; width: 100%; border: 0; border-bottom: 1px solid #eee;
               background: none; padding: 5px 2px; text-align: left; font: inherit;
               cursor: pointer; }
.gm-doc-item:hover, .gm-doc-item:focus { background: #f2f2f2; }
.gm-doc-title { display: block; font-weight: bold; }
.gm-doc-meta { color: #666; font-size: 11px; }
.gm-doc-text h4 { margin: 6px 0 0; font-size: 14px; }
.gm-back { border: 0; background: none; padding: 6px 0 0; color: #0078a8; cursor: pointer;
           font: inherit; }
.gm-text { white-space: pre-wrap; overflow-wrap: anywhere; margin-top: 6px; }
.gm-text mark { background: #ffe066; padding: 0 1px; cursor: pointer; }
.gm-text mark.gm-active { outline: 2px solid #d95f02; }
.gm-sentence.gm-current { background: #cfe3ff; }
.gm-show { border: 0; background: none; padding: 0; color: #0078a8; cursor: pointer;
           font: 11px sans-serif; text-decoration: underline; }
.gm-time { background: #fff; padding: 5px 8px; font: 12px/1.6 sans-serif; }
.gm-time label { display: block; }
.gm-time input[type=date] { font: inherit; }
.gm-time-status { color: #555; }
@media print {
  .gm-panel, .gm-show, .gm-undated-label { display: none !important; }
}
"""


# -- registration --------------------------------------------------------------------------

def register_place(marker: Element, place_id: str) -> None:
    """Let the panel find ``marker`` (a folium layer) as a marker of place ``place_id``."""
    setattr(marker, _PLACE, place_id)


def register_incident(layer: Element, incident_id: str, date: dt.date | None) -> None:
    """Let the time control show ``layer`` (a folium layer) only when ``date`` is in range;
    register every layer of an incident (symbol, line) under the same id and date."""
    setattr(layer, _INCIDENT, (incident_id, date.isoformat() if date else None))


@contextlib.contextmanager
def incident_layers(group: Element, incident_id: str, date: dt.date | None) -> Iterator[None]:
    """Register every layer added to ``group`` inside the block as one of the incident's."""
    before = set(group._children)
    yield
    for name, layer in group._children.items():
        if name not in before:
            register_incident(layer, incident_id, date)


def _walk(element: Element) -> Iterator[tuple[Element, Element]]:
    """(parent, child) pairs under ``element``, depth first in drawing order."""
    for child in element._children.values():
        yield element, child
        yield from _walk(child)


def registered_layers(m: folium.Map) -> tuple[dict[str, list[str]], list[dict]]:
    """({place id: marker variables}, incident entries sorted by (id, group))."""
    places: dict[str, list[str]] = {}
    incidents: dict[tuple[str, str], dict] = {}
    for parent, child in _walk(m):
        if hasattr(child, _PLACE):
            places.setdefault(getattr(child, _PLACE), []).append(child.get_name())
        if hasattr(child, _INCIDENT):
            iid, date = getattr(child, _INCIDENT)
            group = "null" if parent is m else parent.get_name()
            entry = incidents.setdefault((iid, group), {"id": iid, "date": date, "group": group,
                                                        "layers": []})
            entry["layers"].append(child.get_name())
    return dict(sorted(places.items())), [incidents[k] for k in sorted(incidents)]


# -- panel content -------------------------------------------------------------------------

def _disjoint(spans: Iterable[tuple[int, int, str]], size: int) -> list[tuple[int, int, str]]:
    """Spans inside 0..size, sorted, each dropped if it overlaps an earlier one."""
    kept: list[tuple[int, int, str]] = []
    for start, end, label in sorted(set(spans)):
        if 0 <= start < end <= size and (not kept or start >= kept[-1][1]):
            kept.append((start, end, label))
    return kept


def highlighted_text(doc: Document, mentions: Iterable[Mention]) -> str:
    """``doc.text`` as HTML, escaped piece by piece: every resolved mention of ``doc`` in
    ``<mark data-place=ID>`` and every sentence quoting one in ``<span class="gm-sentence"
    data-start=OFFSET>`` (overlapping spans, and marks across a sentence's edge, dropped)."""
    ms = [m for m in mentions if m.doc.path == doc.path and m.place is not None]
    size = len(doc.text)
    sentences = _disjoint(((m.sentence_start, m.sentence_start + len(m.sentence), "")
                           for m in ms), size)
    marks = [(a, b, pid) for a, b, pid in _disjoint(((m.start, m.end, m.place.id) for m in ms),
                                                      size)
             if all(b <= s0 or s1 <= a or s0 <= a and b <= s1 for s0, s1, _ in sentences)]
    # at one offset: close a mark, close a sentence, open a sentence, open a mark
    tags = [(a, 2, f'<span class="gm-sentence" data-start="{a}">') for a, _, _ in sentences]
    tags += [(b, 1, "</span>") for _, b, _ in sentences]
    tags += [(a, 3, f'<mark data-place="{html.escape(pid)}" tabindex="0">') for a, _, pid in marks]
    tags += [(b, 0, "</mark>") for _, b, _ in marks]
    out, pos = [], 0
    for at, _, tag in sorted(tags):
        out += [html.escape(doc.text[pos:at]), tag]
        pos = at
    out.append(html.escape(doc.text[pos:]))
    return "".join(out)


def show_in_text(mention: Mention) -> str:
    """A "show in text" button (HTML) that opens ``mention``'s document at its sentence."""
    return (f' <button type="button" class="gm-show" data-doc="{html.escape(mention.doc.path)}"'
            f' data-start="{mention.sentence_start}">show in text</button>')


def panel_documents(documents: Iterable[Document], mentions: Iterable[Mention]) -> list[dict]:
    """One entry per document (``documents`` and those of ``mentions``), sorted by path:
    escaped path, title line, meta line ("date · file name") and highlighted text."""
    mentions = list(mentions)
    docs = {d.path: d for d in documents}
    for m in mentions:
        docs.setdefault(m.doc.path, m.doc)
    by_doc: dict[str, list[Mention]] = {}
    for m in mentions:
        by_doc.setdefault(m.doc.path, []).append(m)
    return [{"path": html.escape(path),
             "title": html.escape(" ".join(d.title.split()) or d.name),
             "meta": " · ".join(html.escape(x) for x in (d.date.isoformat() if d.date else "",
                                                          d.name) if x),
             "text": highlighted_text(d, by_doc.get(path, ()))}
            for path, d in sorted(docs.items())]


# -- elements ------------------------------------------------------------------------------

class _MapControl(MacroElement):
    """A control drawn on its parent map, its element id ``gm-<kind>-<map name>``."""

    kind = ""

    # names and scope come from the map at render time (embed.render_fragment renames it)
    @property
    def map(self) -> str:
        return self._parent.get_name()

    @property
    def dom_id(self) -> str:
        return f"gm-{self.kind}-{self.map}"


class _Panel(_MapControl):
    """The collapsible documents panel (a Leaflet control in the top-right corner)."""

    kind = "panel"

    _template = Template("""
        {% macro html(this, kwargs) %}
        <style>{{ this.css }}</style>
        <div class="gm-panel leaflet-bar" id="{{ this.dom_id }}" hidden>
        <button type="button" class="gm-panel-toggle" aria-expanded="false"
                aria-controls="{{ this.dom_id }}-body">Documents ({{ this.docs|length }})</button>
        <div class="gm-panel-body" id="{{ this.dom_id }}-body" hidden>
        <ul class="gm-doc-list">
        {%- for d in this.docs %}
        <li><button type="button" class="gm-doc-item" data-doc="{{ d.path }}">
            <span class="gm-doc-title">{{ d.title }}</span>
            <span class="gm-doc-meta">{{ d.meta }}</span></button></li>
        {%- endfor %}
        </ul>
        {%- for d in this.docs %}
        <article class="gm-doc-text" data-doc="{{ d.path }}" hidden>
        <button type="button" class="gm-back">← all documents</button>
        <h4>{{ d.title }}</h4><div class="gm-doc-meta">{{ d.meta }}</div>
        <div class="gm-text">{{ d.text }}</div>
        </article>
        {%- endfor %}
        </div>
        </div>
        {% endmacro %}

        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this.map }}, root = document.getElementById({{ this.dom_id|tojson }});
            var registry = window.geomapPlaces = window.geomapPlaces || {};
            var places = registry[{{ this.map|tojson }}] = {
            {%- for pid, markers in this.places.items() %}
                {{ pid|tojson }}: [{{ markers|join(", ") }}],
            {%- endfor %}
            };
            var toggle = root.querySelector(".gm-panel-toggle"),
                body = root.querySelector(".gm-panel-body"),
                list = root.querySelector(".gm-doc-list"),
                texts = root.querySelectorAll(".gm-doc-text");
            var Panel = L.Control.extend({
                onAdd: function () { root.hidden = false; return root; }});
            new Panel({position: "topright"}).addTo(map);
            L.DomEvent.disableClickPropagation(root);
            L.DomEvent.disableScrollPropagation(root);

            function expand(open) {
                body.hidden = !open;
                toggle.setAttribute("aria-expanded", String(open));
            }
            function open(path) {
                var found = null;
                texts.forEach(function (t) {
                    t.hidden = t.dataset.doc !== path;
                    if (!t.hidden) { found = t; }
                });
                list.hidden = found !== null;
                expand(true);
                return found;
            }
            function mark(selector, cls, node) {
                root.querySelectorAll(selector).forEach(function (n) { n.classList.remove(cls); });
                if (node) {
                    node.classList.add(cls);
                    body.scrollTop = node.offsetTop - body.clientHeight / 3;
                }
            }
            function flyTo(placeId) {
                var markers = places[placeId] || [];
                var marker = markers.filter(function (k) { return map.hasLayer(k); })[0]
                             || markers[0];
                if (!marker) { return; }
                map.once("moveend", function () {
                    if (map.hasLayer(marker)) { marker.openPopup(); }
                    else { L.popup().setLatLng(marker.getLatLng())
                                    .setContent(marker.getPopup().getContent()).openOn(map); }
                });
                map.flyTo(marker.getLatLng(), Math.max(map.getZoom(), 10), {duration: 0.5});
            }
            toggle.addEventListener("click", function () { expand(body.hidden); });
            root.addEventListener("click", function (e) {
                var item = e.target.closest(".gm-doc-item, .gm-back, mark[data-place]");
                if (!item) { return; }
                if (item.matches(".gm-doc-item")) { body.scrollTop = 0; open(item.dataset.doc); }
                else if (item.matches(".gm-back")) {
                    open(null);
                    mark("mark.gm-active", "gm-active", null);
                }
                else { mark("mark.gm-active", "gm-active", item); flyTo(item.dataset.place); }
            });
            root.addEventListener("keydown", function (e) {
                if (e.key === "Enter" && e.target.matches("mark[data-place]")) { e.target.click(); }
            });
            map.getContainer().addEventListener("click", function (e) {
                var button = e.target.closest(".gm-show");
                if (!button) { return; }
                var text = open(button.dataset.doc);
                var start = Number(button.dataset.start);
                mark(".gm-current", "gm-current", text && text.querySelector(
                    '.gm-sentence[data-start="' + start + '"]'));
            }, true);
        })();
        {% endmacro %}
    """)

    def __init__(self, docs: list[dict], places: dict[str, list[str]]) -> None:
        super().__init__()
        self._name = "Panel"
        self.docs, self.places = docs, places


    @property
    def css(self) -> str:
        return scope_css(PANEL_CSS, f"#{self.map}")


class _TimeControl(_MapControl):
    """Two date fields and a "hide undated" box that filter ``window.geomapIncidents``."""

    kind = "time"

    _template = Template("""
        {% macro html(this, kwargs) %}
        <div class="gm-time leaflet-bar" id="{{ this.dom_id }}" hidden>
        <label>From <input type="date" class="gm-from" value="{{ this.first }}"
                           min="{{ this.first }}" max="{{ this.last }}"></label>
        <label>to <input type="date" class="gm-to" value="{{ this.last }}"
                         min="{{ this.first }}" max="{{ this.last }}"></label>
        <label class="gm-undated-label"><input type="checkbox" class="gm-undated">
            hide undated</label>
        <div class="gm-time-status" aria-live="polite"></div>
        </div>
        {% endmacro %}

        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this.map }}, name = {{ this.map|tojson }},
                root = document.getElementById({{ this.dom_id|tojson }});
            var registry = window.geomapIncidents = window.geomapIncidents || {};
            registry[name] = (registry[name] || []).concat([
            {%- for e in this.entries %}
                {id: {{ e.id|tojson }}, date: {{ e.date|tojson }}, group: {{ e.group }},
                 layers: [{{ e.layers|join(", ") }}]},
            {%- endfor %}
            ]);
            var Time = L.Control.extend({onAdd: function () { root.hidden = false; return root; }});
            new Time({position: "topright"}).addTo(map);
            L.DomEvent.disableClickPropagation(root);
            var from = root.querySelector(".gm-from"), to = root.querySelector(".gm-to"),
                undated = root.querySelector(".gm-undated"),
                status = root.querySelector(".gm-time-status");

            function apply() {
                var all = {}, shown = {};
                registry[name].forEach(function (e) {
                    var on = e.date ? (!from.value || e.date >= from.value) &&
                                      (!to.value || e.date <= to.value)
                                    : !undated.checked;
                    var group = e.group || map;
                    all[e.id] = true;
                    if (on) { shown[e.id] = true; }
                    e.layers.forEach(function (layer) {
                        if (on) { group.addLayer(layer); } else { group.removeLayer(layer); }
                    });
                });
                status.textContent = Object.keys(shown).length + " of " +
                    Object.keys(all).length + " incidents shown";
            }
            root.addEventListener("input", apply);
            root.addEventListener("change", apply);
            apply();
        })();
        {% endmacro %}
    """)

    def __init__(self, entries: list[dict]) -> None:
        super().__init__()
        self._name = "TimeControl"
        self.entries = entries
        dates = sorted(e["date"] for e in entries if e["date"])
        self.first, self.last = (dates[0], dates[-1]) if dates else ("", "")



def add_panel(m: folium.Map, documents: Iterable[Document], mentions: Iterable[Mention]) -> None:
    """Add the time control (if incidents are registered) and the documents panel to ``m``;
    call it after every layer and the layer control were added."""
    places, incidents = registered_layers(m)
    if incidents:
        _TimeControl(incidents).add_to(m)
    docs = panel_documents(documents, mentions)
    if docs:
        _Panel(docs, places).add_to(m)
