"""The look shared by the HTML page, the static PNG/SVG and the report (no folium here):
colours, styles and symbols, side and date texts, and highlighting of quoted sentences."""
from __future__ import annotations

import html
import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..events import Incident

SIDE_COLOURS = {"LT": "#1b9e77", "BY": "#d95f02", "PL": "#7570b3", "LV": "#e7298a"}
SIDE_NAMES = {"LT": "Lithuania", "BY": "Belarus", "PL": "Poland", "LV": "Latvia"}
OTHER_COLOUR = "#888888"
LT_BY_COLOUR = "#d7191c"
OTHER_BORDER_COLOUR = "#b2182b"
SEA_COLOUR = "#dcebf5"
LAND_STYLE = {"color": "#8c8c8c", "weight": 0.8, "fillColor": "#f4f1ea", "fillOpacity": 1.0}
WORLD_STYLE = {"color": "#b0b0b0", "weight": 0.5, "fillColor": "#ebe8e0", "fillOpacity": 1.0}
LT_BY_BBOX = [[53.85, 23.3], [55.95, 26.9]]  # fallback view: the Lithuania–Belarus border
ATTRIBUTION = ("Borders: © OpenStreetMap contributors (ODbL) via @geo-maps; Natural Earth; "
               "Places: GeoNames (CC BY 4.0)")

INCIDENT_TYPES = {  # incident type: (label, colour), the order of legends
    "pushback": ("Pushback", "#b2182b"),
    "border_violation": ("Border violation", "#e66101"),
    "crossing": ("Crossing", "#2166ac"),
    "detention": ("Detention", "#5e3c99"),
    "death": ("Death", "#000000"),
    "statement_or_order": ("Statement or order", "#4d4d4d"),
    "other": ("Other", "#8c510a"),
}

# shapes in a 24×24 box, one per incident type: (SVG element, attributes)
SHAPE_DEFS = {
    "pushback": ("polygon", {"points": "2,12 22,2 22,22"}),
    "border_violation": ("polygon", {"points": "12,1 23,22 1,22"}),
    "crossing": ("polygon", {"points": "12,1 23,12 12,23 1,12"}),
    "detention": ("rect", {"x": "3", "y": "3", "width": "18", "height": "18"}),
    "death": ("polygon", {"points": "9,2 15,2 15,9 22,9 22,15 15,15 15,22 9,22 9,15 2,15 2,9 9,9"}),
    "statement_or_order": ("polygon", {"points": "12,1 14.9,8.6 23,8.9 16.7,14 18.9,22 12,17.5 "
                                                 "5.1,22 7.3,14 1,8.9 9.1,8.6"}),
    "other": ("circle", {"cx": "12", "cy": "12", "r": "10"}),
}
SHAPES = {kind: f"<{tag} " + " ".join(f'{k}="{v}"' for k, v in attrs.items()) + "/>"
          for kind, (tag, attrs) in SHAPE_DEFS.items()}
SHAPES_JS = {kind: [tag, attrs] for kind, (tag, attrs) in SHAPE_DEFS.items()}


def side_colour(code: str | None) -> str:
    """The colour of a side of the border (grey when unknown or not a border country)."""
    return SIDE_COLOURS.get(code or "", OTHER_COLOUR)


def side_name(code: str | None, unknown: str = "unknown") -> str:
    """"Lithuania" for "LT"; other codes as they are; ``unknown`` for None."""
    return SIDE_NAMES.get(code or "", code or unknown)


def border_name(border: str) -> str:
    """"LT–BY" for the border id "LT-BY"."""
    return border.replace("-", "–")


def incident_type(incident: "Incident") -> tuple[str, str]:
    """(label, colour) of an incident's type, with the subtype for "other" ("Other: camp")."""
    label, colour = INCIDENT_TYPES.get(incident.type, INCIDENT_TYPES["other"])
    if incident.type == "other" and incident.subtype:
        label = f"{label}: {incident.subtype}"
    return label, colour


def incident_date(incident: "Incident") -> str:
    """"2021-08-17", "2021-08-01 (month)" when less precise than a day, or "undated"."""
    if incident.date is None:
        return "undated"
    text = incident.date.isoformat()
    if incident.date_precision not in (None, "day"):
        text += f" ({incident.date_precision})"
    return text


def symbol_svg(kind: str, colour: str, size: float) -> str:
    """An incident type's shape as inline SVG of ``size`` pixels."""
    return (f'<svg class="gm-symbol" viewBox="0 0 24 24" width="{size:g}" height="{size:g}" '
            f'fill="{colour}" stroke="#fff" stroke-width="1.5">'
            f'{SHAPES.get(kind, SHAPES["other"])}</svg>')


def marker_radius(count: int) -> float:
    """5 + 3·√count pixels, capped at 25 (an in_org-only place gets the minimum, 5)."""
    return min(5 + 3 * math.sqrt(count), 25.0)


def symbol_size(people: int) -> float:
    """An incident symbol's size for the people involved: 14 + 4·√people pixels, capped at 40."""
    return min(14 + 4 * math.sqrt(people), 40.0)


def highlight(sentence: str, spans: Iterable[tuple[int, int]]) -> str:
    """Escape ``sentence`` piecewise, wrapping each (start, end) span in <mark>."""
    out, pos = [], 0
    for start, end in sorted(set(spans)):
        start, end = max(start, pos), min(end, len(sentence))
        if start >= end:
            continue
        out += [html.escape(sentence[pos:start]), "<mark>",
                html.escape(sentence[start:end]), "</mark>"]
        pos = end
    out.append(html.escape(sentence[pos:]))
    return "".join(out)
