"""Cyrillic spellings of Lithuanian, Latvian and Polish place names.

Russian and Belarusian reports write the border villages of the neighbours in Cyrillic
("у Робежниеки", "в Шальчининкай", "под Девенишкесом", "в Кузнице"), mostly by a standard
transcription that no gazetteer lists. Both scripts are reduced to one coarse Latin
*skeleton*: the Cyrillic letters by a standard romanisation table (ш sh, ч ch, ж zh, ц c,
х h, й/ы/і i, я ia, ю iu, soft and hard signs dropped), the Latin names by their language's
spelling (pl sz sh, cz ch, rz/ż zh, w v, ł l, ó u, ch h, h g, ą on, ę en; lt/lv š sh, č ch,
ž zh, long and soft letters plain), with y and j as i and "ie" as "e" on both sides (Russian
writes "Dieveniškės" as "Девенишкес", "Robežnieki" as "Робежниеки"). A Cyrillic word, or one
of its base forms (``morph.base_forms``, plus the case endings Russian gives foreign names in
-ай: "Шальчининкае"), whose skeleton is the skeleton of a one-word Latin name of a
Lithuanian, Latvian or Polish entry names that entry (``Transliterations``).
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable

from .model import Place
from .normalize import is_cyrillic

COUNTRIES = frozenset({"LT", "LV", "PL"})
KINDS = frozenset({"village", "town", "city", "capital", "crossing", "camp", "other"})
MIN_SKELETON = 5          # shorter skeletons name too many things by chance
NEAR_KM = 60.0            # how far from the border (resolve.FUZZY_BORDER_KM is this)

# Folded Cyrillic (``normalize.key``: й is и, ё is е, ў is у) -> Latin.
_CYRILLIC = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "",
    "ы": "i", "ь": "", "э": "e", "ю": "iu", "я": "ia", "і": "i", "є": "e", "ґ": "g", "'": "",
    "’": ""})
ROMAN = _CYRILLIC          # (also read by ``mentions``: a Cyrillic first name romanised)
# Lower-case Latin names: letter groups first (in this order), then single letters.
# (upper-case: done, lower-cased at the end; "sz" is no "s" and an "h" read as "g")
_POLISH_GROUPS = (("szcz", "SHCH"), ("sz", "SH"), ("cz", "CH"), ("rz", "ZH"), ("dż", "DZH"),
                  ("ch", "H"), ("h", "g"))
_BALTIC_GROUPS = (("ch", "H"), ("h", "g"))
_LATIN = str.maketrans({
    "ż": "zh", "ž": "zh", "š": "sh", "č": "ch", "ś": "s", "ź": "z", "ć": "c", "ł": "l", "w": "v",
    "ó": "u", "ė": "e", "į": "i", "ų": "u", "ū": "u", "ā": "a", "ē": "e", "ī": "i", "ō": "o",
    "ķ": "k", "ģ": "g", "ļ": "l", "ņ": "n", "ń": "n", "y": "i", "j": "i", "x": "ks", "q": "k",
    "ą": "a", "ę": "e", "'": "", "’": ""})
_POLISH_NASALS = str.maketrans({"ą": "on", "ę": "en"})
# Both sides, last: "ie" as "e", "m" before a labial as "n" (Dąbrowa, Домброва); a soft "io",
# "iu" after ch, sh, zh as Russian writes it, "ё" (folded "е") and "у" (Švenčionėliai,
# Швенчёнеляй; Tverečius, Тверечус).
_COMMON = (("ie", "e"), ("mb", "nb"), ("mp", "np"), ("chio", "che"), ("shio", "she"),
           ("zhio", "zhe"), ("chiu", "chu"), ("shiu", "shu"), ("zhiu", "zhu"))
# Case endings Russian gives foreign names in -ай/-яй (folded: й is и) that ``morph`` does not
# read back: в Шальчининкае, у Шальчининкая, к Шальчининкаю, Шальчининкаем, из Швенчёнеляя.
_ENDINGS = (("ае", "аи"), ("ая", "аи"), ("аю", "аи"), ("аем", "аи"),
            ("яе", "яи"), ("яя", "яи"), ("яю", "яи"), ("яем", "яи"))     # -яй: Швенчёнеляя


def _common(s: str) -> str:
    for group, repl in _COMMON:
        s = s.replace(group, repl)
    return s


def cyrillic_skeleton(folded: str) -> str:
    """The skeleton of a folded Cyrillic word ("девенишкес" -> "devenishkes")."""
    return _common(folded.translate(_CYRILLIC))


def latin_skeleton(name: str, country: str) -> str:
    """The skeleton of a Latin name of a place in ``country`` ("Dieveniškės" ->
    "devenishkes", "Kuźnica" -> "kuznica")."""
    s = name.lower()
    if country == "PL":
        for group, repl in _POLISH_GROUPS:
            s = s.replace(group, repl)
        s = s.translate(_POLISH_NASALS)
    else:
        for group, repl in _BALTIC_GROUPS:
            s = s.replace(group, repl)
    return _common(s.translate(_LATIN).lower())


def cyrillic_forms(folded: str, bases: Iterable[str]) -> list[str]:
    """The skeletons a folded Cyrillic word may stand for: its own, its base forms' and those
    of the case endings of ``_ENDINGS`` read back; sorted."""
    forms = {folded, *bases}
    forms.update(folded[: len(folded) - len(e)] + b for e, b in _ENDINGS
                 if folded.endswith(e) and len(folded) - len(e) >= 3)
    skeletons = {cyrillic_skeleton(f) for f in forms}
    if _BELARUSIAN.search(folded):          # Дзевянішкі: also as Russian would write it
        skeletons |= {cyrillic_skeleton(_as_russian(f)) for f in forms}
    elif "дз" in folded:                    # Дзевенишки: a Belarusian дз kept in Russian
        skeletons |= {cyrillic_skeleton(_DZ.sub("д", f)) for f in forms}
    if "я" in folded:                       # Мядининкай, Дзевянішкі: a Belarusian я for е,
        skeletons |= {cyrillic_skeleton(_YA.sub("е", f)) for f in forms}   # also in Russian
    return sorted(skeletons)


# Belarusian spelling that changes the stem: дз and ц for d and t before a soft vowel
# (дзеканне, цеканне), я for an unstressed е after a consonant (яканне): "Дзевянішкі".
_BELARUSIAN = re.compile("[іў]")
_SOFT = "еёіяюи"


_DZ = re.compile(f"дз(?=[{_SOFT}])")


# an unstressed е written я after a consonant (яканне), not at the word's end
_YA = re.compile("(?<=[бвгджзклмнпрстфхцчшщ])я(?=.)")


def _as_russian(folded: str) -> str:
    """A folded Belarusian word as Russian would spell it (``_BELARUSIAN``)."""
    s = _DZ.sub("д", folded)
    s = re.sub(f"ц(?=[{_SOFT}])", "т", s)
    return _YA.sub("е", s)


def _near_belarus(places: list[Place], km: float) -> Callable[[Place], bool]:
    """Whether a place lies in the box of the gazetteer's Belarusian points widened by ``km``
    (every place so near the border does; all places when there is no Belarusian point)."""
    points = [(p.lat, p.lon) for p in places if p.country == "BY" and p.kind in KINDS]
    if not points:
        return lambda p: True
    lats, lons = [a for a, _ in points], [b for _, b in points]
    dlat = km / 111.0
    dlon = dlat / math.cos(math.radians(max(map(abs, lats))))
    south, north, west, east = min(lats) - dlat, max(lats) + dlat, min(lons) - dlon, \
        max(lons) + dlon
    return lambda p: south <= p.lat <= north and west <= p.lon <= east


class Transliterations:
    """Skeleton -> the Lithuanian, Latvian and Polish entries near Belarus (``NEAR_KM``) with
    a one-word Latin name of that skeleton, ids sorted. Farther places are left out: a
    Cyrillic spelling stands for them no more than a one-letter-off one does
    (``resolve.FUZZY_BORDER_KM``), and leaving them out keeps the table small (~500 entries,
    built in ~20 ms)."""

    def __init__(self, places: Iterable[Place]):
        places = list(places)
        near = _near_belarus(places, NEAR_KM)
        index: dict[str, dict[str, Place]] = {}
        for p in places:
            if p.country not in COUNTRIES or p.kind not in KINDS or not near(p):
                continue
            for name in (p.name, *p.alt_names):
                if not name.isalpha() or is_cyrillic(name):
                    continue
                # a Polish alternate of a Lithuanian or Latvian place ("Dziewieniszki") is
                # spelt the Polish way
                for skeleton in {latin_skeleton(name, p.country), latin_skeleton(name, "PL")}:
                    if len(skeleton) >= MIN_SKELETON:
                        index.setdefault(skeleton, {})[p.id] = p
        self._index = {s: tuple(ps[i] for i in sorted(ps)) for s, ps in index.items()}

    def find(self, skeletons: Iterable[str]) -> tuple[Place, ...]:
        """The entries named by any of ``skeletons`` (``cyrillic_forms``), by id."""
        found = {p.id: p for s in skeletons for p in self._index.get(s, ())}
        return tuple(found[i] for i in sorted(found))
