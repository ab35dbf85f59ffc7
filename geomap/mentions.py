"""Recognition: find spans of a text that name gazetteer places.

Greedy longest match over word tokens: at each token the longest run of tokens (joined by
spaces or a hyphen/dash) whose folded form, or whose last word's base form (see ``morph``),
is a gazetteer name wins. "Bruzgi-Kuznica" is one crossing because the gazetteer has that
name; "Baghdad-Minsk" is two places because it has not. Case rules keep common words out:
a name must be capitalised (or in an ALL-CAPS dateline); a capitalised word that is also a
common word ("Police", "Mobile") needs a locative preposition before it.
"""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .gazetteer import DESIGNATORS, REGION_DESIGNATORS, Gazetteer, NameMatch
from .model import Document
from .morph import base_forms
from .normalize import fold, key
from .texts import sentence_spans

TOKEN = re.compile(r"[^\W\d_]+")
INNER_JOIN = re.compile(r"[ \u00a0]{1,2}|[ \u00a0]?[-‐‑–—][ \u00a0]?|\n")
PARTICLES = frozenset("am an der dem on upon nad pod na de la del le el di da do van von".split())
# Countries, macro-regions, capitals, cities of a million and places in or next to the border
# region may be matched through an inflected form; elsewhere only exact names count.
INFLECTION_COUNTRIES = frozenset("LT LV PL BY RU UA EE DE".split())
PREPOSITIONS = frozenset(key(w) for w in """
    in near at to from into via outside around towards toward through of with between
    w we koło kolo pod przy do z ze od na
    в во под около у из до возле близ на к
    i is ties netoli prie link
    bei nach aus von nahe
    """.split())
# Organisation context: the place is part of a proper name of a body, unit or outlet.
ORG_BEFORE = frozenset(key(w) for w in """
    committee ministry embassy service government bank university agency council
    office police guard guards parliament sputnik radio
    """.split())
ORG_AFTER = frozenset(key(w) for w in """
    border team unit airlines airways university radio tv television agency news times
    today post herald express ministry committee guard embassy
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
                     r"|ytė|man|son|er)$")
QUOTES_OPEN, QUOTES_CLOSE = "\"“„«'‘‚", "\"”»'’"
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
        """.split()),
    "camp": frozenset(key(w) for w in """
        camp camps centre center centres training ground lager obóz oboz obozie лагерь лагере
        стовпище стоянка stovykla stovykloje stovyklos
        """.split()),
    "village": frozenset(key(w) for w in """
        village villages kaimas kaime kaimo kaimu wies wsi wioska деревня деревне деревни
        села село поселок посёлок dorf
        """.split()),
}


@dataclass(frozen=True)
class Candidate:
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
    fuzzy: frozenset[str] = frozenset()   # ids matched only through a one-letter-off spelling


@lru_cache(maxsize=4)
def load_common_words(path: str) -> frozenset[str]:
    """Folded common words (one per line, ``#`` comments) that also name places."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(key(ln) for ln in lines if ln.strip() and not ln.startswith("#"))


def _capitalised(tok: str) -> bool:
    """True when the word starts with a capital letter."""
    return tok[0].isupper()


class Recogniser:
    """Finds candidate place-name spans in texts using a Gazetteer's name index."""

    def __init__(self, gazetteer: Gazetteer, *, common_words: frozenset[str] = frozenset()):
        self.gazetteer = gazetteer
        self.common_words = common_words
        self.max_tokens = min(gazetteer.max_tokens, 6)
        # Longest name (in words) that starts with a given folded word: most tokens start none.
        self._span: dict[str, int] = {}
        for k in gazetteer.keys():
            first, n = k.split(" ", 1)[0], k.count(" ") + 1
            if n > self._span.get(first, 0):
                self._span[first] = n
        self._reach: dict[str, int] = {}
        self._near: dict[str, list[NameMatch]] = {}
        self._lookups: dict[tuple[str, ...], tuple[list[NameMatch], bool, frozenset]] = {}

    def _reach_of(self, word: str) -> int:
        """How many words a name starting with ``word`` (as written, or in base form, or one
        letter off) can have; 0 when no gazetteer name can start there. Memoised per word."""
        r = self._reach.get(word)
        if r is None:
            k = key(word)
            r = max([self._span.get(f, 0) for f in (k, *base_forms(word))])
            if not r and len(k) >= 6 and self._near_matches(k):
                r = 1
            if len(self._reach) > 500_000:
                self._reach.clear()
            self._reach[word] = r
        return r

    def _near_matches(self, k: str) -> list[NameMatch]:
        found = self._near.get(k)
        if found is None:
            if len(self._near) > 200_000:
                self._near.clear()
            found = self._near[k] = self.gazetteer.near(k)
        return found

    def _lookup(self, words: list[str], last: str) -> tuple[list[NameMatch], bool, frozenset]:
        """Exact matches, else base-form matches; plus one-letter-off names for one word.
        Memoised: the answer depends on the words only, not on their context."""
        memo_key = (*words, last)
        hit = self._lookups.get(memo_key)
        if hit is None:
            if len(self._lookups) > 200_000:
                self._lookups.clear()
            hit = self._lookups[memo_key] = self._lookup_uncached(words, last)
        return hit

    def _lookup_uncached(self, words: list[str], last: str
                         ) -> tuple[list[NameMatch], bool, frozenset]:
        found = list(self.gazetteer.lookup(" ".join(words)))
        inflected = False
        if not any(not m.designated for m in found):
            for variant in self._variants(words, last):
                for m in self.gazetteer.lookup(variant):
                    if (m.place.country is None or m.place.kind in ("country", "region", "capital")
                            or m.place.country in INFLECTION_COUNTRIES
                            or (m.place.population or 0) >= 1_000_000) \
                            and not _demonym(words[-1], m.place.name):
                        found.append(m)
                        inflected = True
        fuzzy: frozenset = frozenset()
        word = words[0]
        if len(words) == 1 and len(word) >= (6 if found else 7) and not ADJECTIVE.search(word):
            known = {m.place.id for m in found}
            near = [m for m in self._near_matches(word)
                    if m.place.id not in known and not _demonym(word, m.place.name)]
            fuzzy = frozenset(m.place.id for m in near)
            found += near
        return found, inflected, fuzzy

    @staticmethod
    def _variants(words: list[str], last: str) -> list[str]:
        """Keys of the span with its words in base form: the last word always, and in
        two- or three-word names every word ("Usnarzu Górnym" -> "usnarz gorny")."""
        if len(words) == 1:
            return sorted(base_forms(last))
        if len(words) > 3:
            return [" ".join(words[:-1] + [b]) for b in sorted(base_forms(last))]
        options = [[w, *sorted(base_forms(w))] for w in words]
        keys = {" ".join(combo) for combo in itertools.product(*options)}
        keys.discard(" ".join(words))
        return sorted(keys)

    def find(self, doc: Document) -> list[Candidate]:
        """All candidate spans of a document, in text order, non-overlapping."""
        text = doc.text
        toks = tokens(text)
        folded = _Folded(toks)
        sentences = sentence_spans(text)
        starts = [s for s, _ in sentences]
        out: list[Candidate] = []
        i = 0
        while i < len(toks):
            word = toks[i][2]
            reach = self._reach_of(word) if word[0].isupper() else 0
            cand = self._match_at(doc, toks, folded, i, sentences, starts, reach) if reach else None
            if cand is None:
                i += 1
            else:
                out.append(cand[0])
                i = cand[1]
        return out

    def _match_at(self, doc, toks, folded, i, sentences, starts, reach):
        text = doc.text
        first = toks[i][2]
        caps = first.isupper() and len(first) > 1
        for n in range(min(self.max_tokens, reach, len(toks) - i), 0, -1):
            span = toks[i:i + n]
            if n > 1 and not self._joinable(text, span):
                continue
            last = span[-1][2]
            if n > 1 and not _capitalised(last):
                continue
            if any(not _capitalised(t) and fold(t) not in PARTICLES for _, _, t in span[1:-1]):
                continue
            matches, inflected, fuzzy = self._lookup(folded[i:i + n], last)
            if not matches:
                continue
            if caps and len(first) < 4 and n == 1 and not any(
                    m.place.kind == "country" for m in matches):
                return None
            start, end = span[0][0], span[-1][1]
            prev_word = folded[i - 1] if i > 0 else ""
            next_word = folded[i + n] if i + n < len(folded) else ""
            sent = sentences[max(0, bisect.bisect_right(starts, start) - 1)]
            sentence_initial = start == sent[0] or not text[sent[0]:start].strip(" \"'“‘«(")
            prep = prev_word in PREPOSITIONS and _near(text, toks[i - 1][1], start)
            if n == 1 and folded[i] in self.common_words and not prep:
                return None
            if prev_word in PERSON_TITLES and _near(text, toks[i - 1][1], start):
                return None
            if self._venue(text, folded, i, n, start, end) or self._person(text, toks, i, n):
                return None
            if fuzzy and all(m.place.id in fuzzy for m in matches) \
                    and not (prep or self._cue(folded, i, n)):
                continue                     # a one-letter-off spelling alone needs context
            designated = [m for m in matches if m.designated]
            designator = next_word if next_word in DESIGNATORS and _near(
                text, end, toks[i + n][0]) else prev_word if prev_word in DESIGNATORS and _near(
                text, toks[i - 1][1], start) else ""
            has_designator = bool(designator)
            if not has_designator and any(not m.designated for m in matches):
                matches = [m for m in matches if not m.designated]   # a unit's bare name is
            # its own only when nothing else has that name ("Augšdaugava")
            elif designated and not inflected:
                matches = designated + [m for m in matches if not m.designated]
            cue = self._cue(folded, i, n)
            in_org = self._in_org(text, toks, folded, i, n, sentence_initial)
            if designator:
                cue = "region" if designator in REGION_DESIGNATORS else "district"
            return Candidate(start, end, text[start:end], tuple(matches), inflected,
                             has_designator, cue, prep, in_org, sent, fuzzy), i + n
        return None

    @staticmethod
    def _joinable(text: str, span) -> bool:
        return all(INNER_JOIN.fullmatch(text[a[1]:b[0]]) for a, b in zip(span, span[1:]))

    @staticmethod
    def _venue(text, folded, i, n, start, end) -> bool:
        after = text[end + 1:end + 2]
        if (i > 0 and folded[i - 1] in VENUES) or (
                i + n < len(folded) and folded[i + n] in VENUES and after.isupper()):
            return True
        quoted = re.search(r"[\"“„«'‘‚](?:[^\W\d_][\w.-]*\s)*$", text[max(0, start - 40):start]) \
            and re.match(r"(?:\s[^\W\d_][\w.-]*)*[,.!?]?[\"”»'’]", text[end:end + 40])
        return bool(quoted) and any(w in VENUES for w in folded[max(0, i - 12):i + n + 3])

    def _person(self, text, toks, i, n) -> bool:
        prev = toks[i - 1] if i else None
        if prev and len(prev[2]) == 1 and prev[2].isupper() and text[prev[1]:prev[1] + 1] == ".":
            return True                                    # "G. Žagunis"
        if i + n < len(toks) and _near(text, toks[i + n - 1][1], toks[i + n][0]):
            nxt = toks[i + n][2]
            return nxt[0].isupper() and not nxt.isupper() and bool(SURNAME.search(nxt)) \
                and not self.gazetteer.lookup(key(nxt))
        return False

    @staticmethod
    def _cue(folded: list[str], i: int, n: int) -> str | None:
        window = folded[max(0, i - 3):i] + folded[i + n:i + n + 3]
        for kind, words in KIND_CUES.items():
            if any(w in words for w in window):
                return kind
        return None

    @staticmethod
    def _in_org(text, toks, folded, i, n, sentence_initial) -> bool:
        end = toks[i + n - 1][1]
        if re.match(r"\.[a-z]{2,}\b", text[end:end + 12]):          # a web site: "Hrodna.life"
            return True
        if i + n < len(toks) and _near(text, end, toks[i + n][0]):
            nxt = toks[i + n][2]
            if (nxt[0].isupper() and folded[i + n] in ORG_AFTER) \
                    or folded[i + n] in ORG_AFTER_ANY_CASE:
                return True
            if folded[i + n] == "border" and i + n + 1 < len(toks) \
                    and folded[i + n + 1] in {"team", "guard", "unit", "service"}:
                return True
        if i >= 2 and folded[i - 1] in {"of", "for"}:
            head = toks[i - 2][2]
            if head[0].isupper() and folded[i - 2] in ORG_BEFORE:
                return True
        if i >= 1 and (folded[i - 1] == "sputnik" or folded[i - 1] in ORG_HEAD):
            return True
        return False


def _demonym(word: str, name: str) -> bool:
    """True for an English demonym of a name ("Iraqi", "Pakistani"), not an inflected form."""
    stem = key(name)
    return word.startswith(stem) and word[len(stem):] in DEMONYM_ENDINGS


_MAYBE_GLUED = re.compile(r"[a-zß-öø-ÿā-žа-яё][A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ]")


def tokens(text: str) -> list[tuple[int, int, str]]:
    """Word tokens (start, end, word); words glued by scraping ("MichałówAgnieszka") split
    where a lower-case letter meets an upper-case one, three or more letters in."""
    out = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]
    cuts = {m.start() + 1 for m in _MAYBE_GLUED.finditer(text)
            if text[m.start()].islower() and text[m.start() + 1].isupper()}
    if not cuts:
        return out
    starts = [t[0] for t in out]
    by_token: dict[int, list[int]] = {}
    for pos in sorted(cuts):
        by_token.setdefault(bisect.bisect_right(starts, pos) - 1, []).append(pos)
    for idx in sorted(by_token, reverse=True):
        a, b, _ = out[idx]
        pieces, start = [], a
        for pos in by_token[idx]:
            if pos - start >= 3 and pos <= b - 2:
                pieces.append((start, pos, text[start:pos]))
                start = pos
        out[idx:idx + 1] = pieces + [(start, b, text[start:b])]
    return out


class _Folded:
    """Folded token keys, computed on demand (most tokens are never looked at)."""

    def __init__(self, toks: list[tuple[int, int, str]]):
        self._toks = toks

    def __len__(self) -> int:
        return len(self._toks)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [key(t[2]) for t in self._toks[index]]
        return key(self._toks[index][2])


def _near(text: str, a: int, b: int) -> bool:
    """True when only spaces (no punctuation or line break) separate offsets a and b."""
    return 0 < b - a <= 2 and not text[a:b].strip()
