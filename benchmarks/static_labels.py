#!/usr/bin/env python3
"""Check a static map of a corpus as ``geomap map INPUT... -o FILE.png|svg`` draws it: the
overlapping text pairs (extents measured with matplotlib's renderer after a full draw), the
texts shown, the labels placed and the size of the legend.

Usage: python benchmarks/static_labels.py INPUT... -o FILE.png [--dpi 200] [--width 1600]
                                          [--height 1200] [--compare OTHER.png]

The map is drawn with the same pipeline and options as the command (``--compare`` checks that
the image is byte for byte the one the command wrote), so the figures are those of the file a
user gets. Exit status 1 when any two texts overlap.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def overlapping_texts(fig) -> tuple[list[str], list[tuple[str, str]]]:
    """(visible texts, pairs of them whose extents overlap) after a full draw of ``fig``."""
    from matplotlib.text import Text

    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    texts = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in texts]
    pairs = [(a, b) for n, (a, ba) in enumerate(boxes) for b, bb in boxes[n + 1:]
             if ba.overlaps(bb)]
    return [t for t, _ in boxes], pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--dpi", type=int, default=200)
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=1200)
    parser.add_argument("--compare", help="an image written by geomap map with these options")
    args = parser.parse_args(argv)

    from geomap.api import analyse
    from geomap.extract import Extractor
    from geomap.render.static import draw_map, save_map
    from geomap.texts import read_inputs

    a = analyse(read_inputs(args.inputs), Extractor.from_directory(None))
    fig = draw_map(a.mentions, a.incidents, width=args.width, height=args.height,
                   dpi=args.dpi, **a.geodata)
    fmt = Path(args.output).suffix.lstrip(".").lower()
    save_map(fig, args.output, fmt)
    texts, pairs = overlapping_texts(fig)
    renderer = fig.canvas.get_renderer()
    legend = fig.axes[0].get_legend().get_window_extent(renderer)
    share = legend.width * legend.height / (fig.bbox.width * fig.bbox.height)
    print(f"{len(a.documents)} documents, {len(a.incidents)} incidents: {args.output}")
    print(f"texts shown: {len(texts)}; overlapping pairs: {len(pairs)}; legend: "
          f"{legend.width:.0f} x {legend.height:.0f} px ({share:.1%} of the image)")
    for pair in pairs:
        print("  overlap:", " | ".join(t.replace("\n", " / ") for t in pair))
    if args.compare:
        same = Path(args.compare).read_bytes() == Path(args.output).read_bytes()
        print(f"same bytes as {args.compare}: {same}")
        if not same:
            return 1
    return 1 if pairs else 0


if __name__ == "__main__":
    sys.exit(main())
