"""Recognition: find spans of a text that name gazetteer places.

Greedy longest match over word tokens: at each token the longest run of tokens (joined by
spaces or a hyphen/dash) whose folded form, or whose last word's base form (see ``morph``),
is a gazetteer name wins. "Bruzgi-Kuznica" is one crossing because the gazetteer has that
name; "Baghdad-Minsk" is two places because it has not. Case rules keep common words out:
a name must be capitalised (or in an ALL-CAPS dateline); a capitalised word that is also a
common word ("Police", "Mobile") needs a locative preposition before it.

A text is split into words once, and only capitalised words that can start a gazetteer name
are tried. What depends on a word or span of words alone (its key, how long a name starting
with it can be, what it names) is memoised; the context rules look at the neighbouring words
of each occurrence afresh.
"""
from __future__ import annotations

import bisect
import itertools
import re
import sys
from collections.abc import Callable, Mapping
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Literal, NamedTuple

from .accel import compiled
from .model import Document, Place
from .geodesy import BORDER_COUNTRIES
from .morph import adjective_of_noun, base_forms, base_forms_in, letters_language, name_variants
from .normalize import fold, is_cyrillic, key
from .places.files import bundled_gazetteer_dir
from .places.index import DESIGNATORS, REGION_DESIGNATORS, NameIndex, NameMatch
from .texts import sentence_spans
from .translit import MIN_SKELETON, ROMAN, Transliterations, cyrillic_forms

WORD_SPLIT = re.compile(r"([^\W\d_][^\W\d_]*)")    # a word token; split() keeps the words


@lru_cache(maxsize=1)
def _bmp_word_split() -> re.Pattern:
    """WORD_SPLIT for texts within the BMP, its letters spelt out as ranges: the regex engine
    tests those with a table look-up instead of three Unicode category checks. Written
    ``[letter][letter]*``, the pattern starts with a character set, with which the engine skips
    to the next letter instead of trying a match at every character. Built on first use (~40
    ms; only the pure-Python scanner needs it)."""
    bmp = "".join(map(chr, range(0x10000)))
    ranges = (m.span() for m in re.finditer(r"[^\W\d_]+", bmp))
    letter = "[" + "".join(f"{re.escape(bmp[a])}-{re.escape(bmp[b - 1])}" for a, b in ranges) + "]"
    return re.compile(f"({letter}{letter}*)")


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# CPython stores a text with a character beyond the BMP at four bytes a character and any
# other at one or two: a text no larger than two bytes a character needs no search for one.
_UCS2_BASE = sys.getsizeof("\u0100") - 2 if sys.implementation.name == "cpython" else None


def _astral(text: str) -> bool:
    """True when ``text`` has a character beyond the BMP."""
    if _UCS2_BASE is not None and sys.getsizeof(text) <= _UCS2_BASE + 2 * len(text):
        return False
    return bool(_ASTRAL.search(text))


INNER_JOIN = re.compile(r"[ \u00a0]{1,2}|[ \u00a0]?[-‐‑–—][ \u00a0]?|\n")
PARTICLES = frozenset("am an der dem on upon nad pod na de la del le el di da do van von".split())
# Countries, macro-regions, capitals, cities of a million and places in or next to the border
# region may be matched through an inflected form; elsewhere only exact names count.
INFLECTION_COUNTRIES = frozenset("LT LV PL BY RU UA EE DE".split())
PREPOSITIONS = frozenset(key(w) for w in """
    in near at to from into via outside around towards toward through of with between
    w we koło kolo pod przy do z ze od na
    в во под около у из до возле близ на к каля пад паблізу
    i is ties netoli prie link
    bei nach aus von nahe
    pie uz no līdz netālu
    """.split())
# Organisation context: the place is part of a proper name of a body, unit or outlet.
ORG_BEFORE = frozenset(key(w) for w in """
    committee ministry embassy service government bank university agency council
    office police guard guards parliament sputnik radio
    """.split())
ORG_AFTER = frozenset(key(w) for w in """
    border team unit airlines airways university radio tv television agency news times
    today post herald express ministry committee guard embassy
    azot group holding bank energy energo steel motors plant factory company corporation
    азот групп банк завод
    """.split())
# Outlets and bodies whose name goes on with a place: "Radio Białystok", "TVP Białystok";
# also in the Polish cases ("Według Radia Białystok", "w Kurierze Wileńskim").
ORG_PREFIX = frozenset(key(w) for w in """
    radio tvp tv telewizja gazeta kurier echo sputnik
    radia radiu radiem telewizji telewizją gazety gazecie gazetą gazetę kuriera kurierze
    kurierowi kurierem
    """.split())
# "Varėna border team", "Varėnos pasienio rinktinė", "Daugavpils robežsardzes pārvalde"
BORDER_WORDS = frozenset(key(w) for w in "border pasienio robežsardzes granicznej".split())
UNIT_WORDS = frozenset(key(w) for w in """
    team guard unit service rinktine rinktines rinktineje rinktinei rinktinės užkarda užkardos
    parvalde parvaldes oddzial oddzialu
    """.split())
# A quoted name next to these words is the name of a building or body, not a place
# ("hotels like "Minsk" and "Belarus"", "Hotel Minsk").
VENUES = frozenset(key(w) for w in """
    hotel hotels restaurant restaurants cafe club ship ferry cinema newspaper operation
    гостиница гостиницы отель отеля ресторан hotelu hotelach hotelis viesbutis
    airline airlines airways
    """.split())
# A capitalised word with one of these endings right after a name makes it a person's first
# name ("Vladimir Putin", "Alexander Lukashenko").
SURNAME = re.compile(r"(?:in|ov|ova|ev|eva|enko|uk|yuk|ski|ska|sky|wicz|vich|vych|ich|ienė|aitė"
                     r"|ytė|ūtė|auskas|evičius|avičius|aitis|man|son|sone|sons|iņa|iņš|ņš|er)$")
QUOTES_OPEN, QUOTES_CLOSE = "\"“„«'‘‚", "\"”»'’"
# A name in quotes (with other capitalised words), seen from before and after it.
_QUOTE_OPEN = re.compile(rf"[{QUOTES_OPEN}]")
_QUOTED_BEFORE = re.compile(rf"[{QUOTES_OPEN}](?:[^\W\d_][\w.-]*\s)*$")
_QUOTED_AFTER = re.compile(rf"(?:\s[^\W\d_][\w.-]*)*[,.!?]?[{QUOTES_CLOSE}]")
_WEB_SITE = re.compile(r"\.[a-z]{2,}\b")
ADJECTIVE = re.compile(r"(?:ian|ians|ish|ese|ic|ics|ski|sky|ska|skie|skiej|ского|ская|ский|ские"
                       r"|ской|ская|скую|ских)$")
DEMONYM_ENDINGS = frozenset({"i", "is", "n", "ns", "ian", "ians", "ese", "ish"})
# ... and these, in any case, right after a name: units and bodies in ru/lt/pl.
ORG_AFTER_ANY_CASE = frozenset(key(w) for w in """
    отряд отряда отряду отрядом погранотряд погранотряда пограничного пограничный пограничная
    пограничной комитет комитета rinktine rinktines rinktineje uzkarda uzkardos uzkardoje
    oddzial oddzialu placowka placowki
    """.split())
# ... and these right before a name in the genitive: "комитет Белоруссии", "MSZ Polski".
ORG_HEAD = frozenset(key(w) for w in """
    комитет комитета комитетом министерство министерства министерством мид посольство
    посольства правительство правительства пограничная служба службы ведомство
    komitet komitetu ministerstwo ministerstwa msz ambasada ambasady rzad rzadu straz strazy
    ministerija ministerijos ambasada tarnyba tarnybos vyriausybe vyriausybes
    """.split())
PERSON_TITLES = frozenset(key(w) for w in """
    mr mrs ms dr president minister general colonel gen col sir lord saint st pan pani
    """.split())
KIND_CUES = {
    "crossing": frozenset(key(w) for w in """
        checkpoint checkpoints crossing crossings border-crossing punkt przejscie przejsciu
        пункт пропуска погранперехода погранпереход кпп пункта uzkarda uzkardos pasienio
        grenzübergang grenzübergangs grenzübergänge
        """.split()),
    "camp": frozenset(key(w) for w in """
        camp camps centre center centres training ground lager obóz oboz obozie лагерь лагере
        стовпище стоянка stovykla stovykloje stovyklos
        """.split()),
    "village": frozenset(key(w) for w in """
        village villages kaimas kaime kaimo kaimu wies wsi wioska деревня деревне деревни
        деревню деревней села село селе поселок посёлок поселка посёлка поселке посёлке
        агрогородок агрогородка агрогородке аг вёска вёсцы вёскі вёску dorf
        """.split()),
}


class Candidate(NamedTuple):
    """A recognised span and every gazetteer entry it may name."""

    start: int
    end: int
    text: str
    matches: tuple[NameMatch, ...]
    inflected: bool              # matched through a base form, not as written
    designator: bool             # an administrative designator stands next to it
    cue: str | None              # a kind the surrounding words point to ("crossing", "camp", ...)
    preposition: bool            # a locative preposition precedes it
    in_org: bool                 # part of an organisation's name
    sentence: tuple[int, int]
    fuzzy: frozenset[str] = frozenset()   # ids matched only through a one-letter-off (or a
                                          # Cyrillic, ``translit``) spelling
    words: int = 1                        # how many words of the text it spans


# ``Candidate(...)`` with every field given, without the keyword handling of its ``__new__``.
_new_candidate = tuple.__new__


class _Names(NamedTuple):
    """The gazetteer entries a span of words may name."""

    matches: tuple[NameMatch, ...]
    designated: tuple[NameMatch, ...]    # those named without their designator ("Šalčininkai")
    plain: tuple[NameMatch, ...]         # the others
    inflected: bool
    fuzzy: frozenset[str]
    only_fuzzy: bool                     # every match is one letter off
    country: bool                        # a match is a country
    big: bool                            # a match is a country, a capital or a region


@lru_cache(maxsize=4)
def load_common_words(path: str) -> frozenset[str]:
    """Folded common words (one per line, ``#`` comments) that also name places."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    # Lines of lower-case ASCII letters are their own key: skipping ``key`` for them keeps the
    # 36,000 first names from costing ~0.4 s at every start.
    return frozenset(ln if ln.isascii() and ln.isalpha() and ln.islower() else key(ln)
                     for ln in lines if ln.strip() and not ln.startswith("#"))


class Recogniser:
    """Finds candidate place-name spans in texts using a Gazetteer's name index."""

    def __init__(self, gazetteer: NameIndex, *, common_words: frozenset[str] = frozenset(),
                 first_names: frozenset[str] | None = None):
        self.gazetteer = gazetteer
        self.common_words = common_words
        self.first_names = first_names if first_names is not None else load_common_words(
            str(bundled_gazetteer_dir() / FIRST_NAMES_FILE))
        self.max_tokens = min(gazetteer.max_tokens, 6)
        # Longest name (in words) that starts with a given folded word: most tokens start none.
        self._span: dict[str, int] = {}
        for k in gazetteer.keys():
            first, n = k.split(" ", 1)[0], k.count(" ") + 1
            if n > self._span.get(first, 0):
                self._span[first] = n
        # Memos of what depends on a word (or span of words) as written, never on its context.
        self._keys = _Memo(key, 500_000)
        self._starts = _Memo(self._start, 500_000)
        self._one_off = _Memo(gazetteer.near, 200_000)
        self._transliterated = _Memo(self._transliteration, 200_000)
        self._translit: Transliterations | None = None
        self._lookups = _Memo(self._lookup, 200_000)
        self._pair_starts = _Memo(self._pair_start, 200_000)
        self._pairs: frozenset[str] | None = None
        self._first_name_forms: dict[str, bool] = {}     # ``_after_first_name``, per word
        self._adjective_shapes = _Memo(_adjective_shape, 100_000)   # ``_common_adjective``
        # What the compiled rules (``_speedups.find``) read, in the order it expects them.
        self._rules = (self._starts, self._pair_starts, self._lookups, self._keys,
                       self.common_words, self.first_names, PREPOSITIONS, PERSON_TITLES, VENUES,
                       _CUES, DESIGNATORS, REGION_DESIGNATORS, _ORG_PREV, _ORG_NEXT, PARTICLES,
                       fold, self._person, self._before_surname, _quoted_venue, _cue, _in_org,
                       Candidate)

    def _start(self, word: str) -> tuple[int, _Names | None]:
        """How many words a name starting with ``word`` (as written, or in base form, or one
        letter off) can have, 0 when no gazetteer name can start there; and what ``word``
        alone names (None: nothing)."""
        k = key(word)
        reach = max([self._span.get(f, 0) for f in (k, *base_forms(word))])
        if not reach and (len(k) >= 6 and self._one_off[k]
                          or len(k) >= MIN_SKELETON and self._transliterated[word]):
            reach = 1
        alone = self._lookups[(word,)] if reach else None
        return min(reach, self.max_tokens), alone if alone and alone.matches else None

    def _transliteration(self, word: str) -> tuple[NameMatch, ...]:
        """The Lithuanian, Latvian and Polish entries a Cyrillic ``word`` spells in Cyrillic,
        in any case (``translit``), when no name of the gazetteer is so spelt; else ()."""
        if not is_cyrillic(word):
            return ()
        if self._translit is None:                   # built on first use
            self._translit = Transliterations(self.gazetteer.places)
        places = self._translit.find(cyrillic_forms(key(word), base_forms(word)))
        return tuple(NameMatch(p, False, False) for p in places)

    def transliterated(self, word: str) -> list[Place]:
        """The entries a Cyrillic ``word`` spells in Cyrillic (``_transliteration``)."""
        return [m.place for m in self._transliterated[word]]

    def _pair_start(self, pair: tuple[str, str]) -> bool:
        """False when no gazetteer name of two or more words starts with these two words (as
        written or in base form, as ``_lookup`` tries them)."""
        if self._pairs is None:      # the first two words of every such name, found on first use
            self._pairs = frozenset(" ".join(k.split(" ", 2)[:2])
                                    for k in self.gazetteer.keys() if " " in k)
        first, second = ({k, *base_forms(k)} for k in map(key, pair))
        if any(not f or " " in f for f in first | second):
            return True              # a word whose key is not one word: leave it to ``_lookup``
        return any(f"{a} {b}" in self._pairs for a in first for b in second)

    def _lookup(self, span: tuple[str, ...]) -> _Names:
        """Exact matches of a span of words, else base-form matches; plus one-letter-off names
        for one word."""
        words = [key(w) for w in span]
        found = list(self.gazetteer.lookup(" ".join(words)))
        inflected = False
        if not any(not m.designated for m in found):
            for variant in name_variants(span):
                for m in self.gazetteer.lookup(variant):
                    if (m.place.country is None or m.place.kind in ("country", "region", "capital")
                            or m.place.country in INFLECTION_COUNTRIES
                            or (m.place.population or 0) >= 1_000_000) \
                            and not demonym(words[-1], m.place.name):
                        found.append(m)
                        inflected = True
        fuzzy: frozenset = frozenset()
        word = words[0]
        if len(words) == 1 and not found and len(word) >= MIN_SKELETON:
            # a Cyrillic spelling of a Latin name, read as a one-letter-off one: with a
            # preposition or cue, and near the border (``Resolver.fuzzy_resolves``)
            found = list(self._transliterated[span[0]])
            fuzzy = frozenset(m.place.id for m in found)
        if len(words) == 1 and len(word) >= (6 if found else 7) and not ADJECTIVE.search(word):
            known = {m.place.id for m in found}
            near = [m for m in self._one_off[word]
                    if m.place.id not in known and not demonym(word, m.place.name)]
            fuzzy |= frozenset(m.place.id for m in near)
            found += near
        return _Names(tuple(found), tuple(m for m in found if m.designated),
                      tuple(m for m in found if not m.designated), inflected, fuzzy,
                      bool(fuzzy) and all(m.place.id in fuzzy for m in found),
                      any(m.place.kind == "country" for m in found),
                      any(m.place.kind in _BIG_KINDS for m in found))

    def find(self, doc: Document) -> list[Candidate]:
        """All candidate spans of a document, in text order, non-overlapping."""
        toks = _Tokens(doc.text, self._keys)
        found = _find(self._rules, toks) if _find is not None else self._find(toks)
        return self._in_context(doc.text, found) if found else found

    def _find(self, toks: _Tokens) -> list[Candidate]:
        """``find``'s loop in Python (``_speedups.find`` when built)."""
        words, caps = toks.words, toks.caps
        # Only a capitalised word can start a name: look those up, visit the starts alone.
        reached = list(map(self._starts.__getitem__, map(words.__getitem__, caps)))
        out: list[Candidate] = []
        resume = 0
        for i, (reach, alone) in itertools.compress(zip(caps, reached),
                                                    map(itemgetter(0), reached)):
            if i < resume or alone is None and not (
                    any(map(str.isupper, map(itemgetter(0), words[i + 1:i + reach])))
                    and self._pair_starts[words[i], words[i + 1]]):
                continue      # the word alone names nothing, and no longer name starts here
            if reach == 1:    # most names: one word (``_match_at`` with n = 1, inlined)
                first = words[i]
                found = None if len(first) < 4 and not alone.country and len(first) > 1 \
                    and first.isupper() else self._accept(toks, i, i + 1, alone)
            else:
                found = self._match_at(toks, i, reach, alone)
            if found:
                out.append(found)
                resume = i + found.words
        return out

    def _match_at(self, toks: _Tokens, i: int, reach: int, alone: _Names | None
                  ) -> Candidate | None:
        """The longest acceptable name starting at word ``i`` (``alone``: what that word
        alone names), or None."""
        words, gaps = toks.words, toks.gaps
        first = words[i]
        longest = min(reach, len(words) - i)
        if longest > 1 and not words[i + 1][0].isupper() and fold(words[i + 1]) not in PARTICLES:
            longest = 1          # a longer name goes on with a capitalised word or a particle
        for n in range(longest, 0, -1):
            if n == 1:
                if alone is None:
                    return None
                names = alone
                if len(first) < 4 and not names.country and len(first) > 1 and first.isupper():
                    return None
            else:
                span = words[i:i + n]
                if not (span[-1][0].isupper()
                        and all(map(INNER_JOIN.fullmatch, gaps[i + 1:i + n]))
                        and all(w[0].isupper() or fold(w) in PARTICLES for w in span[1:-1])):
                    continue
                names = self._lookups[tuple(span)]
                if not names.matches:
                    continue
            found = self._accept(toks, i, i + n, names)
            if found is not False:
                return found
        return None

    def _accept(self, toks: _Tokens, i: int, j: int, names: _Names
                ) -> Candidate | None | Literal[False]:
        """The candidate for words ``i`` to ``j`` (exclusive) naming ``names`` as the context
        rules judge it: a Candidate, None when the context rules it out, or False when only a
        shorter span may still be a name."""
        text, words, gaps, starts = toks.text, toks.words, toks.gaps, toks._starts
        start = starts[i]
        end = starts[j - 1] + len(words[j - 1]) if j - i > 1 else start + len(words[i])
        lo = i - 3 if i > 3 else 0
        # the keys of the span and three words each side
        folded = list(map(self._keys.__getitem__, words[lo:j + 3]))
        prev_word = folded[i - 1 - lo] if i else ""
        next_word = folded[j - lo] if j < len(words) else ""
        near_before, near_after = gaps[i] in _NEAR, gaps[j] in _NEAR
        prep = near_before and prev_word in PREPOSITIONS
        if j - i == 1 and folded[i - lo] in self.common_words and not prep:
            return None
        if near_before and prev_word in PERSON_TITLES:
            return None
        if prev_word in VENUES or (next_word in VENUES and text[end + 1:end + 2].isupper()):
            return None
        # (a search from a negative position starts at 0)
        if _QUOTE_OPEN.search(text, start - 40, start) and _quoted_venue(toks, i, j, start, end):
            return None
        if near_after and j < len(words) and words[j][0].isupper() \
                and not (near_before and prev_word in _CUES) \
                and self._before_surname(words[j], next_word) \
                or i and len(words[i - 1]) == 1 and words[i - 1].isupper() and gaps[i][:1] == ".":
            return None                                   # "Vladimir Putin", "G. Žagunis"
        if j - i == 1 and not prep and (folded[i - lo] in self.first_names
                                        or i and prev_word in self.first_names) \
                and self._person(toks, i, names, folded[i - lo], next_word, prev_word):
            return None                                   # "Kasia Krynki", "Paris Hilton"
        cue = None if _CUES.isdisjoint(folded) else _cue(folded[:i - lo] + folded[j - lo:])
        if names.only_fuzzy and not (prep or cue):
            return False                     # a one-letter-off spelling alone needs context
        designator = next_word if near_after and next_word in DESIGNATORS \
            else prev_word if near_before and prev_word in DESIGNATORS else ""
        # A unit's bare name is its own only when nothing else has that name ("Augšdaugava").
        if not designator and names.plain:
            matches = names.plain
        elif names.designated and not names.inflected:
            matches = names.designated + names.plain
        else:
            matches = names.matches
        if designator:
            cue = "region" if designator in REGION_DESIGNATORS else "district"
        in_org = (prev_word in _ORG_PREV or near_after and next_word in _ORG_NEXT
                  or text.startswith(".", end)) \
            and _in_org(toks, i, j, end, folded[i - 2 - lo] if i >= 2 else "", prev_word,
                        next_word, folded[j + 1 - lo:j + 2 - lo], near_after)
        return _new_candidate(Candidate, (start, end, text[start:end], matches, names.inflected,
                                          bool(designator), cue, prep, in_org,
                                          toks.sentence(start), names.fuzzy, j - i))

    def _in_context(self, text: str, found: list[Candidate]) -> list[Candidate]:
        """``found`` less what the words around a one-word name show it is not: a river's
        name ("rzeki Świsłocz", "the Bug river": a settlement of that name is not meant) or
        the first word of a longer name whose second word is an adjective agreeing with it
        ("w pobliżu Wólki Terechowskiej", "у Вольки Терешковской": the lone word is another
        place; ``geomap unplaced`` reads the whole name). Only the words beside each
        one-word candidate are read."""
        out = []
        for c in found:
            if c.words == 1 and not c.in_org and not c.designator and self._common_adjective(
                    text, c):
                continue
            if c.words == 1 and not c.in_org and (len(c.matches) > 1 or c.matches[0].place.kind
                                                  not in _BIG_KINDS):
                start, end = c.start, c.end
                after = text[end:end + 2]
                prev = _prev_word(text, start)
                if prev and prev.lower() in RIVER_BEFORE or len(after) == 2 and after[0] in \
                        _SPACE_BEFORE and after[1] in _RIVER_AFTER_FIRST \
                        and _word_after(text, end) in RIVER_AFTER:
                    matches = tuple(m for m in c.matches if m.place.kind == "other")
                    if not matches:
                        continue                 # a river, not the town of its name
                    c = c._replace(matches=matches)
                elif len(after) == 2 and after[0] in _SPACE_BEFORE and after[1].isupper() \
                        and not any(m.place.kind in _PAIRED_NOT for m in c.matches) \
                        and self._first_of_pair(text, c.text, end + 1):
                    continue
                elif prev[:1].isupper() and self._first_name_form(prev) \
                        and not any(m.place.kind in _BIG_KINDS for m in c.matches) \
                        and _prev_word(text, start - len(prev) - 1).lower() not in PREPOSITIONS:
                    continue
            out.append(c)
        return out

    def _common_adjective(self, text: str, c: Candidate) -> bool:
        """Whether the one-word candidate ``c`` is an adjective of the words beside it, not a
        name: the second word of a longer name after a capitalised noun it agrees with
        ("wsi Ozierany Małe": not Malé), naming no place of the border countries; or a
        Russian adjective of the lower-case noun after it ("Пограничной службы": the border
        service, not the village Pogranichny)."""
        word = c.text
        shape = self._adjective_shapes[word]
        if not shape:
            return False
        if shape == "ru":
            after = text[c.end:c.end + 2]
            return len(after) == 2 and after[0] in _SPACE_BEFORE and after[1].islower() \
                and adjective_of_noun(word, _word_after(text, c.end))
        prev = _prev_word(text, c.start) if text[c.start - 2:c.start - 1].isalpha() else ""
        return len(prev) > 2 and _name_like(prev) and adjective_agrees(prev, word, 4) \
            and all(m.place.country not in BORDER_COUNTRIES for m in c.matches)

    def _first_name_form(self, word: str) -> bool:
        """Whether ``word`` is a first name the list has only in another form: inflected
        ("Rūtos Lazdijos": Rūta Lazdija's) or in Cyrillic ("Андрей Лида": Andrei), and names
        no place itself; a name after it is the person's surname (memoised per word)."""
        named = self._first_name_forms.get(word)
        if named is None:
            if len(self._first_name_forms) > 100_000:
                self._first_name_forms.clear()
            k = key(word)
            # read by its language's endings when its letters tell it ("Vėliau", "later", is
            # no Polish genitive of a first name)
            lang = letters_language(word)
            forms = {k, *(base_forms_in(word, lang) if lang else base_forms(word))}
            if is_cyrillic(word):
                forms |= {f.translate(ROMAN) for f in forms}
            named = self._first_name_forms[word] = not word.isupper() and len(k) > 2 \
                and k not in self.first_names and not forms.isdisjoint(self.first_names) \
                and self._starts[word][1] is None
        return named

    def _first_of_pair(self, text: str, word: str, at: int) -> bool:
        """Whether ``word`` is the first word of a two-word name whose second word, at
        ``at``, is a capitalised adjective agreeing with it ("Wólki Terechowskiej"), that
        names no place itself and is not followed by a designator ("в Лиде Гродненской
        области": the region's)."""
        m = _NEXT_WORD.match(text, at)
        if m is None or not adjective_agrees(word, m.group(0)):
            return False
        if self._starts[m.group(0)][1] is not None:
            return False                         # the second word names a place itself
        return key(_word_after(text, m.end())) not in DESIGNATORS

    def _person(self, toks: _Tokens, i: int, names: _Names, word_key: str, next_word: str,
                prev_word: str) -> bool:
        """True when word ``i`` is a first name before a verb of speech ("Lida told me") or a
        capitalised word ("Paris Hilton", "Marek Nazarko"; unless that word is a place too
        and word ``i`` names a country, a capital or a region: "Riga Latvia"), or a
        capitalised word after a first name
        ("Kasia Krynki"; not a country, capital or region)."""
        words, gaps = toks.words, toks.gaps
        # a unit named without its designator does not count ("Nina Brest": not Brest Region)
        big = names.big if not names.plain else any(m.place.kind in _BIG_KINDS
                                                    for m in names.plain)
        if word_key in self.first_names and next_word in _SPEECH and not big \
                and gaps[i + 1] in _PERSON_GAP:
            return True                               # "Lida told me", "Marta sagte"
        if word_key in self.first_names and i + 1 < len(words) and gaps[i + 1] in _PERSON_GAP \
                and _name_like(words[i + 1]) and next_word not in _NOT_SURNAME:
            if not (big and not names.inflected and self._starts[words[i + 1]][1] is not None):
                return True
        return bool(i and prev_word in self.first_names and prev_word not in PREPOSITIONS
                    and prev_word not in ORG_PREFIX
                    and gaps[i] in _PERSON_GAP
                    and _name_like(words[i - 1]) and not big
                    and not (i > 1 and key(words[i - 2]) in PREPOSITIONS
                             and gaps[i - 1] in _NEAR))

    def _before_surname(self, word: str, word_key: str) -> bool:
        """True when the capitalised ``word`` after a name is a surname ("Vladimir Putin")."""
        return not word.isupper() and bool(SURNAME.search(word)) \
            and not self.gazetteer.lookup(word_key)


def _quoted_venue(toks: _Tokens, i: int, j: int, start: int, end: int) -> bool:
    """True when words ``i`` to ``j`` (``start`` to ``end`` in the text, a quote within 40
    characters before them) are a quoted name beside a venue word ("hotels like "Minsk"")."""
    text = toks.text
    return bool(_QUOTED_BEFORE.search(text[max(0, start - 40):start])
                and _QUOTED_AFTER.match(text[end:end + 40])
                and not VENUES.isdisjoint(toks.keys(max(0, i - 12), j + 3)))


def _in_org(toks: _Tokens, i: int, j: int, end: int, word_2: str, prev_word: str,
            next_word: str, after_next: list[str], near_after: bool) -> bool:
    """True when the name is part of an organisation's name or a web address (``word_2``:
    the key of the word before the previous one; ``after_next``: of the word after the next
    one, if any)."""
    text, words = toks.text, toks.words
    if text.startswith(".", end) and _WEB_SITE.match(text[end:end + 12]):  # "Hrodna.life"
        return True
    if near_after and j < len(words):
        if (next_word in ORG_AFTER and words[j][0].isupper()) or next_word in ORG_AFTER_ANY_CASE:
            return True
        if next_word in BORDER_WORDS and after_next and after_next[0] in UNIT_WORDS:
            return True
    if i >= 2 and prev_word in {"of", "for"}:
        if words[i - 2][0].isupper() and word_2 in ORG_BEFORE:
            return True
    return (prev_word in ORG_PREFIX and i >= 1 and words[i - 1][0].isupper()) \
        or prev_word in ORG_HEAD


_CUES = frozenset().union(*KIND_CUES.values())
FIRST_NAMES_FILE = "first-names.txt"
_PERSON_GAP = frozenset({" ", "\u00a0"})
# Verbs of speech after a first name that make it a person ("Lida told me"; a country, a
# capital or a region before them stays a place: "Vilnius said").
_SPEECH = frozenset(key(w) for w in """
    said says told added asked explained recalled wrote sagte sagt erzählte powiedziała
    powiedział mówi сказала сказал рассказала говорит sakė sacīja stāstīja
    """.split())
_BIG_KINDS = frozenset({"country", "capital", "region"})
# Capitalised words after a first name that do not make it a person's name ("Lida Airport").
_NOT_SURNAME = DESIGNATORS | ORG_AFTER | ORG_AFTER_ANY_CASE | VENUES | frozenset(
    key(w) for w in "airport international national district region".split())


_SPACE_BEFORE = frozenset(" \u00a0")
_PAIRED_NOT = frozenset({"country", "capital", "city", "region"})   # never a pair's first word
_NEXT_WORD = re.compile(r"[^\W\d_]+")
_LAST_WORD = re.compile(r"([^\W\d_]+)[ \u00a0]$")
# A river designator right before or after a name: the name is the river's.
_RIVER_BEFORE = """
    river stream brook creek rzeka rzeki rzece rzeką rzekę rzeczka rzeczki rzeczce strumień
    strumienia strumieniu potok potoku река реки реке реку рекой речка речки речке ручей ручья
    ручье рака ракі рацэ раку ракой upė upės upėje upę upe upelis upelio upelyje upes upē
    fluss flusses fluß bach baches
    """.split()
_RIVER_AFTER = "river stream brook upė upės upėje upę upelis upelio upe upes upē".split()
# (folded, and as written in lower case: the words beside a name are compared so)
RIVER_BEFORE = frozenset(key(w) for w in _RIVER_BEFORE) | {w.lower() for w in _RIVER_BEFORE}
RIVER_AFTER = frozenset(key(w) for w in _RIVER_AFTER) | {w.lower() for w in _RIVER_AFTER}
_RIVER_AFTER_FIRST = frozenset(w[0] for w in RIVER_AFTER)


def _prev_word(text: str, start: int) -> str:
    """The word right before ``start`` as written, one space between, when it is all letters
    (else "")."""
    if start < 2 or text[start - 1] not in _SPACE_BEFORE:
        return ""
    seg = text[max(0, start - 30):start - 1]
    if not seg or seg[-1].isspace():
        return ""
    word = seg.rsplit(None, 1)[-1]
    return word if word.isalpha() else ""


def last_word(text: str, start: int, window: int = 24) -> str:
    """The word of letters right before ``start`` (one space between) as written, read
    within ``window`` characters, else ""."""
    m = _LAST_WORD.search(text, max(0, start - window), start)
    return m.group(1) if m else ""


def word_before(text: str, start: int) -> str:
    """The key of the word right before ``start`` (one space between), else ""."""
    word = last_word(text, start)
    return key(word) if word else ""


def _word_after(text: str, end: int) -> str:
    """The word right after ``end`` (one space between) in lower case, else ""."""
    if text[end:end + 1] not in _SPACE_BEFORE:
        return ""
    m = _NEXT_WORD.match(text, end + 1)
    return m.group(0).lower() if m else ""


# Adjectives of two-word names after their noun ("Wólka Terechowska", "Dubicze Cerkiewne",
# "Usnarz Górny", "Волька Терешковская"): an adjectival stem, then a case ending; and the
# cases (f/m/n singular, p plural: nominative, genitive, dative-locative l, accusative,
# instrumental) each ending may be. The noun's ending must allow one of them.
_ADJ_PL = re.compile(r"(?:sk|ck|dzk|ow|ew|rn|ln|wn|wielk|mał|star|duż)(a|i?ej|ą|i?e|y|i|i?ego|"
                     r"i?emu|[yi]m|[yi]ch|[yi]mi)$")
_ADJ_RU = re.compile(r"(?:ск|цк|ов|ев|рн|лн|вн|ьн|велик|мал|стар|нов|больш)(ая|яя|ой|ей|ую|юю|ое|ее|"
                     r"ые|ие|ый|ий|ого|его|ому|ему|ом|ем|ым|им|ых|их|ыми|ими|ай|ае|ыя|ія|ы|і|ага|"
                     r"аму|ім|іх|ымі|імі)$")
_ADJ_LT = re.compile(r"(?:ieji|ioji|iosios|iojo|ysis|asis|osios|ojoje|ajame|uosiuose|ųjų)$")
_ADJ_CASES = {
    "a": "nf", "ej": "gf lf", "iej": "gf lf", "ą": "af if", "e": "np nn", "ie": "np nn",
    "y": "nm", "i": "nm", "ego": "gm", "iego": "gm", "emu": "dm", "iemu": "dm", "ym": "lm im dp",
    "im": "lm im dp", "ych": "gp lp", "ich": "gp lp", "ymi": "ip", "imi": "ip",
    "ая": "nf", "яя": "nf", "ой": "gf lf if nm", "ей": "gf lf if", "ую": "af", "юю": "af",
    "ое": "nn", "ее": "nn", "ые": "np", "ие": "np", "ый": "nm", "ий": "nm", "ого": "gm",
    "его": "gm", "ому": "dm", "ему": "dm", "ом": "lm", "ем": "lm", "ым": "im dp", "ых": "gp lp",
    "их": "gp lp", "ыми": "ip", "ими": "ip", "ай": "gf lf if", "ае": "nn", "ыя": "np",
    "ія": "np", "ы": "nm", "і": "nm", "ага": "gm", "аму": "dm", "ім": "lm im dp", "іх": "gp lp",
    "ымі": "ip", "імі": "ip",
}
# A noun's endings (longest first) and the cases they may be; any other ending: a
# consonant stem (masculine nominative, genitive plural).
_NOUN_CASES = (
    ("ach", "lp"), ("ami", "ip"), ("om", "dp"), ("em", "im"), ("owi", "dm"), ("ów", "gp nm"),
    ("ie", "lf lm np"), ("e", "lf lm np nn"), ("i", "gf lf np"), ("y", "gf lf np"),
    ("a", "nf gm"), ("ę", "af"), ("ą", "if"), ("o", "nn"), ("u", "gm lm dm"),
    ("ами", "ip"), ("ями", "ip"), ("амі", "ip"), ("ах", "lp"), ("ях", "lp"), ("ам", "dp"),
    ("ям", "dp"), ("ом", "im"), ("ем", "im"), ("ой", "if nm"), ("ей", "if"), ("ою", "if"),
    ("ай", "if"), ("а", "nf gm"), ("я", "nf gm"), ("ы", "gf np"), ("и", "gf np"),
    ("і", "gf np lf lm"), ("е", "lf lm nn"), ("у", "af dm"), ("ю", "af dm"), ("о", "nn"),
)
_CONSONANT_CASES = frozenset({"nm", "gp"})
# Endings of Russian full adjectives (``Recogniser._common_adjective``).
_RU_ADJECTIVE_ENDINGS = tuple("""ой ей ая яя ую юю ое ее ые ие ый ий ого его ому ему ым им ых их
    ыми ими""".split())


@lru_cache(maxsize=65536)
def adjective_agrees(noun: str, adjective: str, shortest: int = 5) -> bool:
    """Whether the capitalised ``adjective`` (of ``shortest`` letters or more) agrees with
    ``noun`` before it as the second word of a two-word name ("Wólki Terechowskiej",
    "Ozieran Wielkich", "Клейники Большие")."""
    adj, noun = adjective.lower(), noun.lower()
    if _ADJ_LT.search(adj):
        return len(adj) > 6
    m = _ADJ_PL.search(adj) or _ADJ_RU.search(adj)
    if m is None or len(adj) < shortest:
        return False
    cases = frozenset(_ADJ_CASES[m.group(1)].split())
    noun_cases = next((frozenset(c.split()) for e, c in _NOUN_CASES if noun.endswith(e)),
                      _CONSONANT_CASES)
    return not cases.isdisjoint(noun_cases)


def _adjective_shape(word: str) -> str:
    """How ``Recogniser._common_adjective`` may read ``word`` as an adjective: "ru" (a Cyrillic
    word with a Russian adjective's ending), "latin" (one that ``adjective_agrees`` may take
    for an adjective), else ""."""
    if is_cyrillic(word):
        return "ru" if word.endswith(_RU_ADJECTIVE_ENDINGS) else ""
    adj = word.lower()
    return "latin" if _ADJ_LT.search(adj) or _ADJ_PL.search(adj) or _ADJ_RU.search(adj) else ""


def _name_like(word: str) -> bool:
    """A capitalised word that is not all capitals (a name, not an acronym)."""
    return word[0].isupper() and not word.isupper()
# Words before and after a name with which ``_in_org`` may find it in an organisation's name.
_ORG_PREV = ORG_HEAD | ORG_PREFIX | {"of", "for"}
_ORG_NEXT = ORG_AFTER | ORG_AFTER_ANY_CASE | BORDER_WORDS


def _cue(window: list[str]) -> str | None:
    """The kind of place the folded words around a name point to, if any."""
    for kind, cues in KIND_CUES.items():
        if not cues.isdisjoint(window):
            return kind
    return None


def demonym(word: str, name: str) -> bool:
    """True for an English demonym of a name ("Iraqi", "Pakistani", "German"), not an
    inflected form."""
    stem = key(name)
    return word.startswith(stem) and word[len(stem):] in DEMONYM_ENDINGS \
        or stem == word + "y"


# The upper-case letter of a lower-case/upper-case pair in Latin (with Latin-1 and Latin
# Extended-A) or Russian Cyrillic: where scraped words may be glued (the regex engine skips
# ahead to the upper-case letter).
_EXT_A = [chr(c) for c in range(0x100, 0x180)]
_GLUED = re.compile("[A-ZÀ-ÖØ-ÞА-ЯЁ" + "".join(c for c in _EXT_A if c.isupper())
                    + "](?<=[a-zß-öø-ÿа-яё" + "".join(c for c in _EXT_A if c.islower()) + "].)")


class _Tokens:
    """The word tokens of a text: ``words[i]`` and the text before it, ``gaps[i]``
    (``gaps[-1]`` is the text after the last word); ``caps``, the indices of the capitalised
    words; ``keys(a, b)`` folds a run of words. Words glued by scraping ("MichałówAgnieszka")
    are split, with an empty gap, where a lower-case letter meets an upper-case one, three or
    more letters in and two or more before the end."""

    __slots__ = ("text", "words", "gaps", "caps", "_keys", "_starts", "_sentences",
                 "_sentence_starts")
    words: list[str]
    gaps: list[str]
    caps: list[int]
    _starts: Mapping[int, int]

    def __init__(self, text: str, keys: Mapping[str, str]):
        self.text = text
        self.words, self.gaps, self.caps, self._starts = _scan(text)
        self._keys = keys
        self._sentences: list[tuple[int, int]] | None = None
        self._sentence_starts: list[int] = []

    def keys(self, a: int, b: int) -> list[str]:
        """The keys of words ``a`` to ``b`` (exclusive)."""
        return list(map(self._keys.__getitem__, self.words[a:b]))

    def start(self, i: int) -> int:
        """The offset of word ``i``, a capitalised one."""
        return self._starts[i]

    def sentence(self, offset: int) -> tuple[int, int]:
        """The span of the sentence an offset is in (sentences found on first use)."""
        if self._sentences is None:
            self._sentences = sentence_spans(self.text)
            self._sentence_starts = [s for s, _ in self._sentences]
        k = bisect.bisect_right(self._sentence_starts, offset) - 1
        return self._sentences[k if k > 0 else 0]


def scan_words(text: str) -> tuple[list[str], list[str], list[int], Mapping[int, int]]:
    """The words of ``text``, the gaps before and after them, the indices of the capitalised
    words and a mapping of those to their offsets (see ``_Tokens``): the rules of the compiled
    scanner (``geomap/_speedups.c``), in Python."""
    split = WORD_SPLIT.split if _astral(text) else _bmp_word_split().split
    parts = split(text)                                # gap, word, gap, ..., word, gap
    cuts = [m.start() for m in _GLUED.finditer(text)]
    if cuts:
        _unglue(text, parts, cuts)
    words = parts[1::2]
    caps = list(itertools.compress(itertools.count(), map(str.isupper, map(itemgetter(0), words))))
    return words, parts[::2], caps, _Offsets(parts)


class _Offsets(dict):
    """``offsets[i]`` is the offset of word ``i`` of ``parts`` (gap, word, ..., gap), computed
    on first use, counting on from the last one asked for (few are asked, mostly in order)."""

    def __init__(self, parts: list[str]):
        super().__init__()
        self._parts, self._part, self._offset = parts, 0, 0

    def __missing__(self, i: int) -> int:
        part = 2 * i + 1
        if part < self._part:
            self._part = self._offset = 0
        self._offset += len("".join(self._parts[self._part:part]))   # faster than summing lengths
        self._part = part
        self[i] = self._offset
        return self._offset


_scan = compiled.scan if compiled else scan_words     # the compiled rules when built
# ``Recogniser.find``'s rules compiled (its loop, ``_match_at`` and ``_accept``), when built.
_find: Callable[[tuple, _Tokens], list[Candidate]] | None = compiled.find if compiled else None


def _unglue(text: str, parts: list[str], cuts: list[int]) -> None:
    """Split the glued words of ``parts`` (as ``WORD_SPLIT.split`` gives them) at the cut
    offsets (in order), in place."""
    k = n = 0
    while n < len(cuts):
        b = _run_end(text, cuts[n])
        a = _run_start(text, cuts[n])
        k = parts.index(text[a:b], k)         # the glued word: no gap has a letter
        start = a
        pieces: list[str] = []
        while n < len(cuts) and cuts[n] < b:
            pos = cuts[n]
            if pos - start >= 3 and pos <= b - 2:
                pieces += (text[start:pos], "")
                start = pos
            n += 1
        pieces.append(text[start:b])
        parts[k:k + 1] = pieces
        k += len(pieces)


_RUN = re.compile(r"[^\W\d_]*")          # the letters from a position on


def _run_end(text: str, pos: int) -> int:
    """Where the run of letters from ``pos`` on ends."""
    m = _RUN.match(text, pos)
    return m.end() if m else pos


def _run_start(text: str, pos: int) -> int:
    """Where the run of letters before ``pos`` starts (read backwards, 64 letters at a time)."""
    a = pos
    while a:
        lo = max(0, a - 64)
        n = _run_end(text[lo:a][::-1], 0)
        a -= n
        if a > lo or not n:
            break
    return a


# Gaps of one or two whitespace characters: the two words beside them are adjacent.
_SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005" \
          "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"        # str.isspace()
_NEAR = frozenset(_SPACES) | frozenset(a + b for a in _SPACES for b in _SPACES)


class _Memo(dict):
    """``memo[arg]`` is ``func(arg)``, computed on first use; cleared when it reaches ``size``."""

    def __init__(self, func: Callable, size: int):
        super().__init__()
        self._func, self._size = func, size

    def __missing__(self, arg):
        if len(self) >= self._size:
            self.clear()
        value = self[arg] = self._func(arg)
        return value
