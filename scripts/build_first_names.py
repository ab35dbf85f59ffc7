#!/usr/bin/env python3
"""Write gazetteer/first-names.txt: folded first names, for telling persons from places.

"Kasia Krynki", "Marek Nazarko", "Paris Hilton": a first name followed by a capitalised word
is a person's name, and neither word is a place (geomap/mentions.py). Built from `nam_dict.txt`
of the `gender-guesser` package (pinned below), Jörg Michael's name dictionary (about 48,000
first names of 54 countries and regions, among them Poland, Lithuania, Latvia, Russia,
Belarus, Germany and the Arab world); the data file is released under the GNU Free
Documentation License (no invariant sections), so first-names.txt is too. Names of fewer than
three letters, of several words, names listed in common-words.txt, and words as frequent as
function words (Zipf frequency >= 5.5 in English, German, Polish or Russian by `wordfreq`:
"The", "Will", "May", "Die") are left out.

Usage: pip install gender-guesser==0.4.0 wordfreq && python scripts/build_first_names.py [GAZETTEER_DIR]
"""
import sys
from importlib import resources

import wordfreq
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from geomap.io.atomic import atomic_write  # noqa: E402
from geomap.normalize import key  # noqa: E402

VERSION = "gender-guesser 0.4.0 (nam_dict.txt)"
LANGS = ("en", "de", "pl", "ru")


def main(directory: str = "gazetteer") -> None:
    path = resources.files("gender_guesser") / "data" / "nam_dict.txt"
    common = {ln.strip() for ln in (Path(directory) / "common-words.txt").read_text(
        encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")}
    names = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line[0] in "#=" or len(line) < 30:
            continue
        name = line[3:29].strip()
        if "+" in name or " " in name or "-" in name:
            continue
        k = key(name)
        if len(k) >= 3 and " " not in k and k not in common and max(
                wordfreq.zipf_frequency(w, lang) for lang in LANGS for w in (name.lower(), k)) < 5.5:
            names.add(k)
    head = [f"# First names (folded), from {VERSION}: GNU Free Documentation License.",
            "# Rebuilt by scripts/build_first_names.py; see gazetteer/README.md."]
    with atomic_write(Path(directory) / "first-names.txt") as fh:
        fh.write("\n".join(head + sorted(names)) + "\n")
    print(f"{len(names)} first names")


if __name__ == "__main__":
    main(*sys.argv[1:])
