"""Static maps (PNG, SVG) for print and slides, drawn offline with geopandas and matplotlib.

The map shows country outlines, the Belarus borders, one circle per place (size by mention
count, colour by side, the most-named ones labelled), one symbol per incident (shape and
colour by type, size by people involved, a dashed line to the nearest border point), a
legend, a scale bar and the data attribution. It is drawn in ETRS89-LAEA (EPSG:3035), so
distances on the sheet are true to within a fraction of a percent around the border.

Output is deterministic: no timestamps or software versions in the files' metadata, and SVG
ids come from a fixed salt. Text is never parsed as mathtext, so a ``$`` stays a ``$``.
"""
from __future__ import annotations

import math
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..model import Mention
from .layers import (PlaceMarker, focus_points, has_border_line, people_involved, place_markers,
                     spread)
from .theme import (ATTRIBUTION, INCIDENT_TYPES, LAND_STYLE, LT_BY_BBOX, LT_BY_COLOUR,
                    OTHER_BORDER_COLOUR, SEA_COLOUR, SIDE_COLOURS, SIDE_NAMES, WORLD_STYLE,
                    incident_type, marker_radius, side_colour)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..events import Incident

CRS = "EPSG:3035"
FORMATS = ("png", "svg")
MARKERS = {"pushback": "<", "border_violation": "^", "crossing": "D", "detention": "s",
           "death": "P", "statement_or_order": "*", "other": "o"}
LABELS = 14                 # places labelled, the most-mentioned first
SCALE_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)
HALO = {"boxstyle": "round,pad=0.15", "facecolor": "white", "alpha": 0.7, "edgecolor": "none"}


def _extent(markers: tuple[PlaceMarker, ...], incidents: list["Incident"]) -> list[list[float]]:
    """[[lat0, lon0], [lat1, lon1]] around the drawn points, padded, at least 1.2° × 2°."""
    pts = focus_points(markers, incidents)
    if not pts:
        return LT_BY_BBOX
    lats, lons = [p[0] for p in pts], [p[1] for p in pts]
    (lat0, lat1), (lon0, lon1) = (min(lats), max(lats)), (min(lons), max(lons))
    dlat, dlon = max(lat1 - lat0, 1.2) * 0.6, max(lon1 - lon0, 2.0) * 0.6
    clat, clon = (lat0 + lat1) / 2, (lon0 + lon1) / 2
    return [[clat - dlat, clon - dlon], [clat + dlat, clon + dlon]]


def _frame(data: dict | None, bbox: list[list[float]]):
    """A GeoJSON FeatureCollection clipped to ``bbox`` (with a margin), in ``CRS``."""
    import geopandas as gpd

    if not data or not data.get("features"):
        return None
    frame = gpd.GeoDataFrame.from_features(data["features"], crs="EPSG:4326")
    (lat0, lon0), (lat1, lon1) = bbox
    frame = gpd.clip(frame, (lon0 - 5, lat0 - 3, lon1 + 5, lat1 + 3))
    return frame.to_crs(CRS) if len(frame) else None


def _project(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """(lat, lon) pairs to (x, y) in ``CRS``."""
    from pyproj import Transformer

    t = Transformer.from_crs("EPSG:4326", CRS, always_xy=True)
    return [t.transform(lon, lat) for lat, lon in points]


def _fit(ax, bbox: list[list[float]], aspect: float) -> None:
    """Set the axes limits to ``bbox`` widened to the figure's aspect ratio (width/height)."""
    (lat0, lon0), (lat1, lon1) = bbox
    corners = _project([(lat0, lon0), (lat0, lon1), (lat1, lon0), (lat1, lon1)])
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    w, h = max(xs) - min(xs), max(ys) - min(ys)
    w, h = max(w, h * aspect), max(h, w / aspect)
    ax.set_xlim(cx - w / 2, cx + w / 2)
    ax.set_ylim(cy - h / 2, cy + h / 2)


def _scale_bar(ax) -> None:
    """A black-and-white bar of a round length near a fifth of the map's width, bottom left."""
    from matplotlib.patches import Rectangle

    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    km = max((s for s in SCALE_STEPS if s <= (x1 - x0) / 5000), default=SCALE_STEPS[0])
    x, y, h = x0 + (x1 - x0) * 0.03, y0 + (y1 - y0) * 0.04, (y1 - y0) * 0.008
    for i in range(2):
        ax.add_patch(Rectangle((x + i * km * 500, y), km * 500, h, facecolor="kw"[i],
                               edgecolor="k", linewidth=0.8, zorder=20))
    ax.text(x + km * 1000, y + h * 2, f"{km} km", ha="center", va="bottom", fontsize=8,
            zorder=20, parse_math=False)
    ax.text(x, y + h * 2, "0", ha="center", va="bottom", fontsize=8, zorder=20)


def draw_map(mentions: Iterable[Mention], incidents: Iterable["Incident"] = (), *,
             borders: dict, countries: dict, world: dict | None = None,
             title: str | None = None, width: int = 1600, height: int = 1200,
             dpi: int = 200) -> "Figure":
    """A matplotlib Figure of ``width`` × ``height`` pixels at ``dpi`` (see the module doc)."""
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.transforms import offset_copy

    if width < 100 or height < 100 or dpi < 10:
        raise ValueError("width and height must be at least 100 pixels, dpi at least 10")
    markers = place_markers(mentions)
    incidents = [i for i in incidents if i.place is not None]
    bbox = _extent(markers, incidents)
    fig = Figure(figsize=(width / dpi, height / dpi), dpi=dpi)
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

    xy = _project([(k.place.lat, k.place.lon) for k in markers])
    for (x, y), k in zip(xy, markers):
        colour = side_colour(k.side)
        ax.scatter([x], [y], s=(marker_radius(k.count) * 1.2) ** 2, color=colour,
                   alpha=0.25 if k.org_only else 0.7, edgecolors=colour, linewidths=1, zorder=5)
    (lat0, lon0), (lat1, lon1) = bbox
    shown = [(p, k) for p, k in zip(xy, markers)
             if lat0 <= k.place.lat <= lat1 and lon0 <= k.place.lon <= lon1]
    for (x, y), k in shown[:LABELS]:
        ax.annotate(k.place.name, (x, y), xytext=(marker_radius(k.count) + 2, 2),
                    textcoords="offset points", fontsize=8, zorder=9, bbox=HALO,
                    parse_math=False)

    labels: dict[str | None, list[tuple[str, str]]] = {}
    points = _project([(i.place.lat, i.place.lon) for i in incidents])
    for inc, (x, y), (dx, dy) in zip(incidents, points, spread(incidents)):
        label, colour = incident_type(inc)
        if has_border_line(inc):
            (bx, by), = _project([inc.border.nearest])
            ax.plot([x, bx], [y, by], color=colour, linewidth=1, linestyle=(0, (2, 2)), zorder=6)
        size = min(7 + 2.5 * math.sqrt(people_involved(inc)), 22)
        shifted = offset_copy(ax.transData, fig=fig, x=dx * size * 0.7, y=-dy * size * 0.7,
                              units="points")
        ax.plot([x], [y], marker=MARKERS.get(inc.type, "o"), markersize=size, color=colour,
                markeredgecolor="white", markeredgewidth=1, linestyle="none", zorder=8,
                transform=shifted)
        labels.setdefault(inc.place.id, []).append(
            (f"{inc.date.isoformat()} {label}" if inc.date else label, colour))
    for inc, (x, y) in zip(incidents, points):
        lines = labels.pop(inc.place.id, None)
        if lines:
            ax.annotate("\n".join(text for text, _ in lines), (x, y), xytext=(0, -18),
                        textcoords="offset points", ha="center", va="top", fontsize=6.5,
                        color=lines[0][1] if len(lines) == 1 else "#222", zorder=9, bbox=HALO,
                        parse_math=False)

    handles = [Line2D([], [], marker="o", linestyle="none", color=c, alpha=0.7, markersize=8,
                      label=f"{SIDE_NAMES[s]} side") for s, c in SIDE_COLOURS.items()]
    handles += [Line2D([], [], color=LT_BY_COLOUR, linewidth=3, label="LT–BY border"),
                Line2D([], [], color=OTHER_BORDER_COLOUR, linewidth=1.6, linestyle=(0, (5, 3)),
                       label="other Belarus borders")]
    handles += [Line2D([], [], marker=MARKERS[t], linestyle="none", color=c, markersize=8,
                       label=lbl) for t, (lbl, c) in INCIDENT_TYPES.items()
                if any(i.type == t for i in incidents)]
    legend = ax.legend(handles=handles, loc="upper right", fontsize=7, framealpha=0.9)
    legend.set_zorder(30)
    if title:
        ax.text(0.015, 0.985, title, transform=ax.transAxes, ha="left", va="top", fontsize=12,
                fontweight="bold", zorder=30, parse_math=False, wrap=True,
                bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none"})
    _scale_bar(ax)
    ax.text(0.995, 0.005, ATTRIBUTION, transform=ax.transAxes, ha="right", va="bottom",
            fontsize=6, color="#333", zorder=30, parse_math=False,
            bbox={"facecolor": "white", "alpha": 0.8, "edgecolor": "none", "pad": 2})
    return fig


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
