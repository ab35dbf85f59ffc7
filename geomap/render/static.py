"""Static maps (PNG, SVG) for print and slides, drawn offline with geopandas and matplotlib.

The map shows country outlines, the Belarus borders, one circle per place (area by mention
count relative to the most mentioned place, so a corpus of thousands of texts does not turn
the border into one blot of equally big circles; colour by side), one symbol per incident
place (all the incidents at a place together: shape and colour of their most frequent type,
size by their number, a dashed line to the nearest border point), labels, a legend, a scale
bar, the counts and the data attribution. It is drawn in ETRS89-LAEA (EPSG:3035), so distances
on the sheet are true to within a fraction of a percent around the border.

Countries and regions named as a whole are not drawn as points at their centres: a box lists
them with their counts, as it lists the incidents placed only that coarsely. The view is
fitted to the border (``layers.focus_points``); incident places outside it are not drawn as
cut-off symbols at the edge but named in the counts line, which says how many incidents are
on the map, outside the view, only at country level or without a place.

Labels never overlap: they are placed greedily by priority (incident places by number of
incidents, then places near a border by mentions), each at the first of eight positions around
its symbol whose box, measured with matplotlib's renderer, is free of the labels already
placed, the incident symbols and the legend, title, counts, scale bar and credits; an incident
place whose two-line label ("Minsk" over "2021-08-17 Detention") finds no free position gets
its name alone; a label with no free position is left out. The legend goes to the corner
(upper right, lower right, upper left) where it hides the fewest symbols.

Size: ``width`` × ``height`` pixels at ``BASE_DPI`` fix the layout; ``dpi`` scales the image
(600 dpi gives three times the pixels with the same layout).

Output is deterministic: no timestamps or software versions in the files' metadata, and SVG
ids come from a fixed salt. Text is never parsed as mathtext, so a ``$`` stays a ``$``.
"""
from __future__ import annotations

import math
import os
from collections import Counter
from functools import cache
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from ..model import BorderRelation, Mention, Place
from .layers import (PlaceMarker, focus_points, has_border_line, incident_counts_text, is_area,
                     place_markers)
from .theme import (ATTRIBUTION, INCIDENT_TYPES, LAND_STYLE, LT_BY_BBOX, LT_BY_COLOUR,
                    OTHER_BORDER_COLOUR, SEA_COLOUR, SIDE_COLOURS, SIDE_NAMES, WORLD_STYLE,
                    incident_type, side_colour)

if TYPE_CHECKING:
    from geopandas import GeoDataFrame
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.backend_bases import RendererBase
    from matplotlib.figure import Figure
    from matplotlib.legend import Legend
    from matplotlib.text import Text
    from pyproj import Transformer

    from ..events import Incident

CRS = "EPSG:3035"
FORMATS = ("png", "svg")
BASE_DPI = 200              # ``width`` and ``height`` are pixels at this resolution
MARKERS = {"pushback": "<", "border_violation": "^", "crossing": "D", "detention": "s",
           "death": "P", "statement_or_order": "*", "other": "o"}
BORDER_LINE_KM = 50         # a dashed line to the nearest border point from places this close
LABEL_CANDIDATES = 400      # labels tried, the most important first
LABEL_GAP = 2.0             # points between a symbol and its label, and around labels
AREA_LIST = 6               # countries/regions listed by name in the box
OUTSIDE_LIST = 3            # incident places outside the view named in the counts line
PLACE_SIZE = (4.0, 20.0)    # diameter in points of the least and the most mentioned place
MAJOR = 0.2                 # places with this share of the top count are named before details
SYMBOL_EDGE = 1.0           # points of an incident symbol's white edge, beyond its size
LegendLoc = Literal["upper right", "lower right", "upper left"]
LEGEND_LOCS: tuple[LegendLoc, ...] = ("upper right", "lower right", "upper left")  # in turn
INCIDENT_WEIGHT = 10        # an incident symbol under the legend costs as much as 10 places
EDGE_PT = 8.0               # a symbol closer than this to the frame counts as outside the view
SCALE_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)
HALO = {"boxstyle": "round,pad=0.15", "facecolor": "white", "alpha": 0.7, "edgecolor": "none"}
BOX_PAD = 3                 # points around the text of a box
BOX = {"facecolor": "white", "alpha": 0.85, "edgecolor": "#999", "linewidth": 0.5,
       "pad": BOX_PAD}
# label positions around a symbol: (dx, dy) direction, horizontal and vertical alignment
POSITIONS = ((1, 0, "left", "center"), (-1, 0, "right", "center"),
             (0, 1, "center", "bottom"), (0, -1, "center", "top"),
             (1, 1, "left", "bottom"), (-1, 1, "right", "bottom"),
             (1, -1, "left", "top"), (-1, -1, "right", "top"))


@dataclass(frozen=True)
class IncidentPlace:
    """The incidents at one place, drawn as one symbol."""

    place: Place
    incidents: tuple["Incident", ...]      # by (date, id)
    border: BorderRelation | None

    @property
    def type(self) -> str:
        """The most frequent type (ties: the legend's order)."""
        counts = Counter(i.type for i in self.incidents)
        order = list(INCIDENT_TYPES)
        return min(counts, key=lambda t: (-counts[t], order.index(t) if t in order else 99))

    @property
    def label(self) -> str:
        """The place's name over "2021-08-17 Pushback" (one incident) or "12 incidents"."""
        if len(self.incidents) == 1:
            inc = self.incidents[0]
            text = incident_type(inc)[0]
            text = f"{inc.date.isoformat()} {text}" if inc.date else text
        else:
            dates = [i.date for i in self.incidents if i.date]
            text = f"{len(self.incidents)} incidents"
            if dates:
                span = sorted({dates[0].isoformat(), dates[-1].isoformat()})
                text += ", " + " – ".join(span)
        return f"{self.place.name}\n{text}"


def incident_places(incidents: Iterable["Incident"]) -> list[IncidentPlace]:
    """One ``IncidentPlace`` per place of ``incidents`` (placed ones only), most first."""
    by_place: dict[str, list] = {}
    for inc in incidents:
        if inc.place is not None:
            by_place.setdefault(inc.place.id, []).append(inc)
    out = []
    for members in by_place.values():
        members.sort(key=lambda i: (i.date is None, i.date, i.id))
        border = next((i.border for i in members if has_border_line(i)
                       and i.border.distance_km <= BORDER_LINE_KM), None)
        out.append(IncidentPlace(members[0].place, tuple(members), border))
    return sorted(out, key=lambda g: (-len(g.incidents), g.place.name, g.place.id))


def _extent(markers: list[PlaceMarker], groups: list[IncidentPlace]) -> list[list[float]]:
    """[[lat0, lon0], [lat1, lon1]] around the drawn points, padded (room for the legend and
    the boxes), at least 1.2° × 2°."""
    pts = focus_points(markers, [i for g in groups for i in g.incidents[:1]])
    if not pts:
        return LT_BY_BBOX
    lats, lons = [p[0] for p in pts], [p[1] for p in pts]
    (lat0, lat1), (lon0, lon1) = (min(lats), max(lats)), (min(lons), max(lons))
    dlat, dlon = max(lat1 - lat0, 1.2) * 0.75, max(lon1 - lon0, 2.0) * 0.65
    clat, clon = (lat0 + lat1) / 2, (lon0 + lon1) / 2
    return [[clat - dlat, clon - dlon], [clat + dlat, clon + dlon]]


def _frame(data: Mapping[str, Any] | None, bbox: list[list[float]]) -> GeoDataFrame | None:
    """A GeoJSON FeatureCollection clipped to ``bbox`` (with a margin), in ``CRS``."""
    import geopandas as gpd

    if not data or not data.get("features"):
        return None
    frame = gpd.GeoDataFrame.from_features(data["features"], crs="EPSG:4326")
    (lat0, lon0), (lat1, lon1) = bbox
    frame = gpd.clip(frame, (lon0 - 5, lat0 - 3, lon1 + 5, lat1 + 3))
    return frame.to_crs(CRS) if len(frame) else None


@cache
def _transformer() -> Transformer:
    """WGS84 to ``CRS``, made once per process (making one costs ~0.1 s, and a map projects
    once per labelled border place)."""
    from pyproj import Transformer

    return Transformer.from_crs("EPSG:4326", CRS, always_xy=True)


def _project(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """(lat, lon) pairs to (x, y) in ``CRS``."""
    if not points:
        return []
    xs, ys = _transformer().transform([p[1] for p in points], [p[0] for p in points])
    return list(zip(map(float, xs), map(float, ys)))


def _fit(ax: Axes, bbox: list[list[float]], aspect: float) -> None:
    """Set the axes limits to ``bbox`` widened to the figure's aspect ratio (width/height)."""
    (lat0, lon0), (lat1, lon1) = bbox
    corners = _project([(lat0, lon0), (lat0, lon1), (lat1, lon0), (lat1, lon1)])
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    w, h = max(xs) - min(xs), max(ys) - min(ys)
    w, h = max(w, h * aspect), max(h, w / aspect)
    ax.set_xlim(cx - w / 2, cx + w / 2)
    ax.set_ylim(cy - h / 2, cy + h / 2)


def _scale_bar(ax: Axes) -> list[Artist]:
    """A black-and-white bar of a round length near a fifth of the map's width, bottom left;
    returns its artists."""
    from matplotlib.patches import Rectangle

    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    km = max((s for s in SCALE_STEPS if s <= (x1 - x0) / 5000), default=SCALE_STEPS[0])
    x, y, h = x0 + (x1 - x0) * 0.03, y0 + (y1 - y0) * 0.04, (y1 - y0) * 0.008
    artists: list[Artist] = [
        ax.add_patch(Rectangle((x + i * km * 500, y), km * 500, h, facecolor="kw"[i],
                               edgecolor="k", linewidth=0.8, zorder=20))
        for i in range(2)]
    artists.append(ax.text(x + km * 1000, y + h * 2, f"{km} km", ha="center", va="bottom",
                           fontsize=8, zorder=20, parse_math=False))
    artists.append(ax.text(x, y + h * 2, "0", ha="center", va="bottom", fontsize=8, zorder=20))
    return artists


def _counts_text(markers: list[PlaceMarker], areas: list[PlaceMarker],
                 incidents: list["Incident"], outside: Sequence[IncidentPlace] = (),
                 places_outside: int = 0) -> str:
    """The honest counts: what is on the map and what is not (``outside``: incident places
    outside the view; ``places_outside``: places outside it)."""
    n = len(incidents)
    places = f"{len(markers)} place{'s' * (len(markers) != 1)}"
    if places_outside:
        places += f", {places_outside} outside this view"
    if areas:
        places += f" (+ {len(areas)} countries/regions, listed)"
    counts = incident_counts_text(incidents)
    if outside:
        k = sum(len(g.incidents) for g in outside)
        on_map = sum(1 for i in incidents if i.place is not None and not is_area(i.place))
        names = ", ".join(g.place.name for g in outside[:OUTSIDE_LIST])
        names += ", …" if len(outside) > OUTSIDE_LIST else ""
        counts = counts.replace(f"{on_map} on the map",
                                f"{on_map - k} on the map, {k} at places outside this view "
                                f"({names})", 1)
    return f"{n} incident{'s' * (n != 1)}: {counts}; {places}"


def place_size(count: int, top: int) -> float:
    """Diameter in points of the circle of a place named ``count`` times when the most
    mentioned place is named ``top`` times: its area grows with the count."""
    low, high = PLACE_SIZE
    return low + (high - low) * math.sqrt(max(count, 0) / max(top, 1))


def _areas_text(areas: list[PlaceMarker], groups: list[IncidentPlace]) -> str:
    """Countries and regions named as a whole, with mentions and incidents, most first."""
    incidents = {g.place.id: len(g.incidents) for g in groups}
    rows = sorted(areas, key=lambda k: (-incidents.get(k.place.id, 0), -k.count, k.place.name))
    ids = {k.place.id for k in areas}
    rows_text = []
    for k in rows[:AREA_LIST]:
        n = incidents.get(k.place.id, 0)
        rows_text.append(f"{k.place.name}: {k.count} mention{'s' * (k.count != 1)}"
                         + (f", {n} incident{'s' * (n != 1)}" if n else ""))
    extra = [g for g in groups if is_area(g.place) and g.place.id not in ids]
    for g in extra[:max(0, AREA_LIST - len(rows_text))]:
        rows_text.append(f"{g.place.name}: {len(g.incidents)} incidents")
    hidden = len(rows) + len(extra) - len(rows_text)
    if hidden > 0:
        rows_text.append(f"and {hidden} more")
    return "Named as a whole (not drawn):\n" + "\n".join(rows_text)


def _box(artist: Artist, renderer: RendererBase, pad: float = 0.0) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) of an artist in display pixels, widened by ``pad`` pixels."""
    bb = artist.get_window_extent(renderer)
    return (bb.x0 - pad, bb.y0 - pad, bb.x1 + pad, bb.y1 + pad)


def _overlaps(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


class Labels:
    """Labels placed one at a time where their box (measured with matplotlib's renderer)
    overlaps no box taken: furniture, symbols and the labels placed before. Boxes are kept in
    a coarse grid of cells for quick overlap tests."""

    def __init__(self, ax: Axes, renderer: RendererBase, taken: Iterable[tuple],
                 bounds: tuple):
        self.ax, self.renderer, self.bounds = ax, renderer, bounds
        self.px = ax.figure.dpi / 72.0
        self.cell = 60 * self.px
        self.cells: dict[tuple[int, int], list[tuple]] = {}     # grid cell -> boxes in it
        self.placed: dict[object, tuple] = {}          # key -> (annotation, box)
        for box in taken:
            self._take(box)

    def _keys(self, b: tuple) -> Iterable[tuple[int, int]]:
        c = self.cell
        for i in range(int(b[0] // c), int(b[2] // c) + 1):
            for j in range(int(b[1] // c), int(b[3] // c) + 1):
                yield i, j

    def _free(self, b: tuple) -> bool:
        x0, y0, x1, y1 = self.bounds
        return (x0 <= b[0] and y0 <= b[1] and b[2] <= x1 and b[3] <= y1
                and not any(_overlaps(b, o) for k in self._keys(b)
                            for o in self.cells.get(k, ())))

    def _take(self, b: tuple) -> None:
        for k in self._keys(b):
            self.cells.setdefault(k, []).append(b)

    def _release(self, b: tuple) -> None:
        for k in self._keys(b):
            self.cells[k].remove(b)

    def _spot(self, text: str, x: float, y: float, radius: float, props: dict
              ) -> tuple[tuple[float, float, float, float], int, int, str, str, float] | None:
        """The first of ``POSITIONS`` around (x, y) where ``text`` fits: (box, dx, dy, ha, va,
        diagonal factor), or None."""
        gap = LABEL_GAP * self.px
        probe = self.ax.text(0, 0, text, parse_math=False, ha="left", va="bottom",
                             transform=None, **props)
        bb = probe.get_window_extent(self.renderer)
        probe.remove()
        w, h = bb.width, bb.height
        cx, cy = self.ax.transData.transform((x, y))
        off = radius * self.px + gap
        for dx, dy, ha, va in POSITIONS:
            diag = 0.7 if dx and dy else 1.0
            ax_, ay_ = cx + dx * off * diag, cy + dy * off * diag
            x0 = ax_ if ha == "left" else ax_ - w if ha == "right" else ax_ - w / 2
            y0 = ay_ if va == "bottom" else ay_ - h if va == "top" else ay_ - h / 2
            box = (x0 - gap, y0 - gap, x0 + w + gap, y0 + h + gap)
            if self._free(box):
                return box, dx, dy, ha, va, diag
        return None

    def add(self, key: str, text: str, x: float, y: float, radius: float, props: dict) -> bool:
        """Label (x, y in data units; a symbol of ``radius`` points) with ``text`` at the
        first free position around it, filed under ``key`` (replacing its label if it has
        one and ``text`` fits); False if no position is free."""
        old = self.placed.get(key)
        if old is not None:
            self._release(old[1])
        spot = self._spot(text, x, y, radius, props)
        if spot is None:
            if old is not None:
                self._take(old[1])
            return False
        if old is not None:
            old[0].remove()
        box, dx, dy, ha, va, diag = spot
        self._take(box)
        shift = (radius + LABEL_GAP) * diag
        self.placed[key] = (self.ax.annotate(
            text, (x, y), xytext=(dx * shift, dy * shift), textcoords="offset points",
            ha=ha, va=va, zorder=9, bbox=HALO, parse_math=False, annotation_clip=False,
            **props), box)
        return True


def draw_map(mentions: Iterable[Mention], incidents: Iterable["Incident"] = (), *,
             borders: Mapping[str, Any] | None, countries: Mapping[str, Any] | None,
             world: Mapping[str, Any] | None = None,
             title: str | None = None, width: int = 1600, height: int = 1200,
             dpi: int = BASE_DPI) -> "Figure":
    """A matplotlib Figure laid out on ``width`` × ``height`` pixels at ``BASE_DPI``, drawn at
    ``dpi`` (see the module docstring); ``borders``, ``countries`` and ``world``: GeoJSON
    FeatureCollections (None: not drawn)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    if width < 100 or height < 100 or dpi < 10:
        raise ValueError("width and height must be at least 100 pixels, dpi at least 10")
    incidents = list(incidents)
    all_markers = list(place_markers(mentions))
    markers = [k for k in all_markers if not is_area(k.place)]
    areas = [k for k in all_markers if is_area(k.place) and k.count > 0]
    groups = incident_places(incidents)
    drawn_groups = [g for g in groups if not is_area(g.place)]
    bbox = _extent(markers, drawn_groups)
    fig = Figure(figsize=(width / BASE_DPI, height / BASE_DPI), dpi=BASE_DPI)
    canvas = FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_facecolor(SEA_COLOUR)
    ax.set_axis_off()
    ax.patch.set_visible(True)
    _fit(ax, bbox, width / height)

    for data, style in ((world, WORLD_STYLE), (countries, LAND_STYLE)):
        frame = _frame(data, bbox)
        if frame is not None:
            frame.plot(ax=ax, color=style["fillColor"], edgecolor=style["color"],
                       linewidth=style["weight"], zorder=1)
    lines = _frame(borders, bbox)
    if lines is not None:
        lt_by = lines["id"] == "LT-BY"
        if (~lt_by).any():
            lines[~lt_by].plot(ax=ax, color=OTHER_BORDER_COLOUR, linewidth=1.6,
                               linestyle=(0, (5, 3)), zorder=3)
        if lt_by.any():
            lines[lt_by].plot(ax=ax, color=LT_BY_COLOUR, linewidth=3, zorder=3)

    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    edge = (x1 - x0) * EDGE_PT / (width / BASE_DPI * 72)    # in metres

    def inside(p: tuple[float, float]) -> bool:
        """True when a symbol at ``p`` is drawn whole."""
        return x0 + edge <= p[0] <= x1 - edge and y0 + edge <= p[1] <= y1 - edge

    # places: one scatter (big ones first, so small ones stay visible on top)
    all_xy = _project([(k.place.lat, k.place.lon) for k in markers])
    top = max((k.count for k in markers), default=1)
    shown_markers = [(k, p) for k, p in zip(markers, all_xy) if inside(p)]
    if shown_markers:
        ax.scatter([p[0] for _, p in shown_markers], [p[1] for _, p in shown_markers],
                   s=[place_size(k.count, top) ** 2 for k, _ in shown_markers],
                   c=[side_colour(k.side) for k, _ in shown_markers],
                   alpha=0.6, edgecolors="white", linewidths=0.5, zorder=5)

    # incidents: one symbol per place in view, sized by the number of incidents there
    placed_xy = list(zip(drawn_groups, _project([(g.place.lat, g.place.lon)
                                                 for g in drawn_groups])))
    outside = [g for g, p in placed_xy if not inside(p)]
    drawn_groups = [g for g, p in placed_xy if inside(p)]
    gxy = [p for _, p in placed_xy if inside(p)]
    for g, (x, y) in zip(drawn_groups, gxy):
        if g.border is not None:
            (bx, by), = _project([g.border.nearest])
            colour = INCIDENT_TYPES.get(g.type, INCIDENT_TYPES["other"])[1]
            ax.plot([x, bx], [y, by], color=colour, linewidth=0.8, linestyle=(0, (2, 2)),
                    zorder=6)
    symbols, numbers = [], []
    for g, (x, y) in zip(drawn_groups, gxy):
        colour = INCIDENT_TYPES.get(g.type, INCIDENT_TYPES["other"])[1]
        size = _symbol_size(len(g.incidents))
        symbols.append(ax.plot([x], [y], marker=MARKERS.get(g.type, "o"), markersize=size,
                               color=colour, markeredgecolor="white", markeredgewidth=1,
                               linestyle="none", zorder=8)[0])
        if len(g.incidents) > 1:
            numbers.append(ax.text(x, y, str(len(g.incidents)), ha="center", va="center",
                                   color="white", fontsize=max(5.0, min(size * 0.4, 8.0)),
                                   fontweight="bold", zorder=8.5, parse_math=False))

    present = [t for t in INCIDENT_TYPES if any(g.type == t for g in drawn_groups)]
    handles = [Line2D([], [], marker="o", linestyle="none", color=c, alpha=0.7, markersize=6,
                      label=f"{SIDE_NAMES[s]} side") for s, c in SIDE_COLOURS.items()]
    handles += [Line2D([], [], color=LT_BY_COLOUR, linewidth=3, label="LT–BY border"),
                Line2D([], [], color=OTHER_BORDER_COLOUR, linewidth=1.6, linestyle=(0, (5, 3)),
                       label="other Belarus borders")]
    handles += [Line2D([], [], marker=MARKERS[t], linestyle="none", color=INCIDENT_TYPES[t][1],
                       markersize=6, label=INCIDENT_TYPES[t][0]) for t in present]
    legend = ax.legend(handles=handles, loc="upper right", fontsize=6, framealpha=0.9,
                       title=f"circle: a place (area: mentions, up to {top:,})\n"
                             "symbol: incidents at a place (size: number)",
                       title_fontsize=5.5, borderpad=0.5, labelspacing=0.3, handlelength=1.5,
                       bbox_to_anchor=(0, 0.035, 1, 0.965))   # above the credits line
    legend.set_zorder(30)
    furniture: list[Artist] = [legend]
    if title:
        furniture.append(ax.text(0.015, 0.985, title, transform=ax.transAxes, ha="left",
                                 va="top", fontsize=12, fontweight="bold", zorder=30,
                                 parse_math=False, wrap=True,
                                 bbox={"facecolor": "white", "alpha": 0.85,
                                       "edgecolor": "none"}))
    bar = _scale_bar(ax)
    furniture += bar
    furniture.append(ax.text(0.995, 0.005, ATTRIBUTION, transform=ax.transAxes, ha="right",
                             va="bottom", fontsize=5, color="#333", zorder=30,
                             parse_math=False, bbox={"facecolor": "white", "alpha": 0.8,
                                                     "edgecolor": "none", "pad": 2}))
    counts = _counts_text(markers, areas, incidents, outside,
                          len(markers) - len(shown_markers))
    boxes = [ax.text(0.015, 0.10, counts,
                     transform=ax.transAxes, ha="left", va="bottom", fontsize=6.5, zorder=30,
                     parse_math=False, bbox=BOX)]
    if areas or any(is_area(g.place) for g in groups):
        boxes.append(ax.text(0.015, 0.14, _areas_text(areas, groups), transform=ax.transAxes,
                             ha="left", va="bottom", fontsize=6, zorder=30, parse_math=False,
                             bbox=BOX, linespacing=1.3))
    furniture += boxes
    renderer = canvas.get_renderer()
    px = fig.dpi / 72.0
    points = [(*ax.transData.transform(p), place_size(k.count, top) / 2 * px, 1)
              for k, p in shown_markers]
    points += [(*ax.transData.transform(p), _symbol_size(len(g.incidents)) / 2 * px,
                INCIDENT_WEIGHT) for g, p in zip(drawn_groups, gxy)]
    _place_legend(legend, renderer, points, ("upper left",) if title else ())
    bar_top = max(_box(a, renderer)[3] for a in bar)
    _stack(ax, renderer, boxes, ax.transAxes.inverted().transform((0, bar_top))[1] + 0.015)

    renderer = canvas.get_renderer()
    taken = [_box(a, renderer, pad=2 * px) for a in furniture]
    taken += [_box(s, renderer) for s in symbols]
    shown: list[tuple] = []
    for number in numbers:          # a count inside a symbol hidden under a bigger one is left out
        box = _box(number, renderer, pad=px)
        if any(_overlaps(box, b) for b in shown + taken[:len(furniture)]):
            number.remove()
        else:
            shown.append(box)
    _label(Labels(ax, renderer, taken, (0, 0, fig.bbox.width, fig.bbox.height)),
           drawn_groups, gxy, shown_markers, top)
    fig.set_dpi(dpi)        # laid out at BASE_DPI: the same layout at any resolution
    return fig


def _label(labels: Labels, groups: list[IncidentPlace], gxy: list[tuple[float, float]],
           markers: list[tuple[PlaceMarker, tuple[float, float]]], top: int) -> None:
    """Label the map in four passes, so that names come before details: the names of the
    incident places (most incidents first); the names of the big places (``MAJOR`` of the
    most mentions); the incident places' two-line labels where they fit; the other places
    (near a border first, then by mentions), at most ``LABEL_CANDIDATES`` tried."""
    incident_props = [{"fontsize": 6.5, "color": INCIDENT_TYPES.get(
        g.type, INCIDENT_TYPES["other"])[1]} for g in groups]
    radii = [_symbol_size(len(g.incidents)) / 2 + SYMBOL_EDGE for g in groups]
    for g, (x, y), r, props in zip(groups, gxy, radii, incident_props):
        labels.add(g.place.id, g.place.name, x, y, r, props)
    with_incidents = {g.place.id for g in groups}
    rest = sorted(((k, p) for k, p in markers if k.count > 0
                   and k.place.id not in with_incidents),
                  key=lambda m: (-m[0].count, m[0].place.name))
    major = [m for m in rest if m[0].count >= top * MAJOR]
    for k, (x, y) in major:
        labels.add(k.place.id, k.place.name, x, y, place_size(k.count, top) / 2, {"fontsize": 7})
    for g, (x, y), r, props in zip(groups, gxy, radii, incident_props):
        if g.place.id in labels.placed:
            labels.add(g.place.id, g.label, x, y, r, props)
    rest.sort(key=lambda m: (m[0].border is None or m[0].border.distance_km > BORDER_LINE_KM,
                             -m[0].count, m[0].place.name))
    for k, (x, y) in rest[:LABEL_CANDIDATES]:
        if k.place.id not in labels.placed:
            labels.add(k.place.id, k.place.name, x, y, place_size(k.count, top) / 2,
                       {"fontsize": 7})


def _symbol_size(n: int) -> float:
    """Marker size in points of a symbol standing for ``n`` incidents."""
    return min(7 + 3 * math.sqrt(max(n, 1) - 1) + (2 if n > 1 else 0), 24)


def _place_legend(legend: Legend, renderer: RendererBase,
                  points: list[tuple[float, float, float, int]],
                  skip: tuple[LegendLoc, ...] = ()) -> None:
    """Move the legend to the first of ``LEGEND_LOCS`` (less ``skip``) that covers the least
    weight of the symbols ``points`` (x, y, radius in display pixels, weight)."""
    def cost(loc: LegendLoc) -> int:
        legend.set_loc(loc)
        bb = legend.get_window_extent(renderer)
        return sum(w for x, y, r, w in points
                   if bb.x0 - r < x < bb.x1 + r and bb.y0 - r < y < bb.y1 + r)

    best = min((loc for loc in LEGEND_LOCS if loc not in skip), key=cost)
    legend.set_loc(best)


def _stack(ax: Axes, renderer: RendererBase, boxes: list[Text], bottom: float) -> None:
    """Stack the lower-left text boxes upwards from ``bottom`` (axes fraction)."""
    inv = ax.transAxes.inverted()
    y = bottom
    for artist in boxes:
        artist.set_y(y)
        pad = BOX_PAD * ax.figure.dpi / 72.0
        top = artist.get_window_extent(renderer).y1 + pad
        y = inv.transform((0, top))[1] + 0.012


def save_map(fig: "Figure", path: str | os.PathLike, fmt: str) -> None:
    """Write ``fig`` as PNG or SVG, atomically and without timestamps."""
    import matplotlib

    from ..io.atomic import atomic_write

    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, not {fmt!r}")
    metadata = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None}
    with matplotlib.rc_context({"svg.hashsalt": "geomap", "svg.fonttype": "none"}), \
            atomic_write(path, "wb") as fh:
        fig.savefig(fh, format=fmt, dpi=fig.dpi, metadata=metadata)
