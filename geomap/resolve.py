"""Resolution: choose one gazetteer entry for every recognised span.

Each candidate entry gets a score from independent pieces of evidence (see docs/accuracy.md):
its kind and population, whether the text used its canonical name, a prior for the border
region, the kind the surrounding words point to ("checkpoint", "camp", "district"), the
document's language, and spatial coherence with the other places of the same text (a
second pass, once every span has a first choice). The highest score wins; its softmax share
is the reported confidence and the runners-up stay available as ``Mention.alternatives``.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import lru_cache
from itertools import repeat

from .geodesy import BORDER_COUNTRIES, haversine_km
from .places.index import DESIGNATORS, NameMatch
from .mentions import Candidate, last_word
from .model import BorderRelation, Document, Mention, Place
from .morph import base_forms_in, letters_language
from .normalize import is_cyrillic, key
from .translit import NEAR_KM

KIND_WEIGHT = {"country": 3.0, "capital": 2.6, "city": 1.8, "region": 1.4, "district": 1.2,
               "town": 1.0, "crossing": 1.0, "camp": 0.8, "other": 0.6, "village": 0.4}
SHARED_FORM_BORDER = 2.0   # extra border prior for entries reached through an inflected form
WITHIN_UNIT_KM = 75.0      # how far from its unit's point a place the text puts in it may lie
# A name spelt one letter off a town or village ("Starzyna" / "Sarzyna") stands for it only
# this close to the border: farther, it is more likely a place the gazetteer lacks.
# (The same distance bounds the places a Cyrillic spelling may stand for: ``translit``.)
FUZZY_BORDER_KM = NEAR_KM
_BIG_KINDS = frozenset({"country", "capital", "city", "region"})
# A short word opening a sentence, read as a place only through an ending, stands for a
# place this far from the border no more (``Resolver._far_opening``).
FAR_KM = 1000.0
_SHORT_WORD = 6
_OPENING = " \t\n\r\u00a0\"“„«'‘‚([—–-"
_UNIT_KINDS = frozenset({"district", "region"})
# Words between a unit and a place the text puts in it: "Augšdaugavas novada Salienas
# (pagastā)", "the Salienas parish of Augšdaugava (municipality)"
_IN_UNIT_WORDS = DESIGNATORS | frozenset(key(w) for w in """
    parish parishes pagasts pagasta pagastā pagastu village town settlement eldership of in the
    gmina gminie gminy sołectwo wieś seniūnija seniūnijoje seniūnijos kaimas kaime сельсовет
    волость деревня деревни деревне село села селе поселок посёлок поселка wsi gemeinde
    ortschaft dorf""".split())
LANG_COUNTRY = {"lt": "LT", "pl": "PL", "lv": "LV", "be": "BY"}
# A preposition (or settlement noun) of one language right before a name: the name is
# inflected as that language inflects ("W Bugu", "wsi Mielniki": Polish).
PREPOSITION_LANG = {**dict.fromkeys("w we z ze koło pod przy od do nad spod obok niedaleko "
                                    "pobliżu okolicy okolicach rejonie wsi wieś miejscowości "
                                    "gminie gminy".split(), "pl"),
                    **dict.fromkeys("ties prie netoli iš į link šalia".split(), "lt"),
                    **dict.fromkeys("pie uz no līdz netālu aiz".split(), "lv")}
_OWN_INFLECTION = ("lt", "pl", "lv")       # languages whose texts inflect names their own way
_ANY_INFLECTION = frozenset({"country", "region", "capital", "city"})
_LANG_COUNTRIES = frozenset(LANG_COUNTRY.values())
_LANG_HINTS = {
    "lt": re.compile(r"[ėųįū]|\b(?:ir|kad|buvo|iš|pasieni\w*)\b", re.I),
    "pl": re.compile(r"[łżśćń]|\b(?:się|jest|oraz|przez|granic\w*)\b", re.I),
    "lv": re.compile(r"[āēīūņļķģ]|\b(?:un|ir|robež\w*)\b", re.I),
    "de": re.compile(r"\b(?:der|die|und|das|nicht|Grenze)\b"),
}


_CYRILLIC = re.compile("[\u0400-\u04ff]")
_ASCII_LETTER = re.compile("[A-Za-z]")


_SAMPLE = 4000       # characters of a text that ``guess_language`` reads
_FIELD = 16          # bits a count takes in a packed sum: no count of a sample reaches 2**16


class _ChunkCounts(dict):
    """Memo of what ``guess_language`` counts in a chunk of text between whitespace: Cyrillic
    letters, ASCII letters and the matches of each language hint. No match spans whitespace,
    so the counts of a text are the sums over its chunks. The counts are packed into one int,
    ``_FIELD`` bits each, so that one ``sum`` adds them all (none exceeds the sample's length,
    so none overflows into the next)."""

    def __missing__(self, chunk: str) -> int:
        if len(self) > 200_000:
            self.clear()
        counts = (len(_CYRILLIC.findall(chunk)), len(_ASCII_LETTER.findall(chunk)),
                  *(len(rx.findall(chunk)) for rx in _LANG_HINTS.values()))
        packed = self[chunk] = sum(c << (_FIELD * k) for k, c in enumerate(counts))
        return packed


_CHUNK_COUNTS = _ChunkCounts()
_MASK = (1 << _FIELD) - 1
_SHIFTS = tuple(range(0, _FIELD * (2 + len(_LANG_HINTS)), _FIELD))


def guess_language(text: str) -> str:
    """A rough language guess (en, ru, lt, pl, lv, de) from script and frequent words."""
    sample = text[:_SAMPLE]
    total = sum(map(_CHUNK_COUNTS.__getitem__, sample.split()))
    cyr, lat, *hints = [(total >> s) & _MASK for s in _SHIFTS]
    if cyr > lat:
        return "be" if re.search(r"[іў]", sample) else "ru"
    lang, n = max(zip(_LANG_HINTS, hints), key=lambda kv: kv[1])
    return lang if n >= max(2, len(sample) // 300) else "en"


_haversine_km = lru_cache(maxsize=65536)(haversine_km)
_new_object, _set_attr = object.__new__, object.__setattr__


class Resolver:
    """Scores and picks gazetteer entries; ``relate`` gives a point's border relation."""

    def __init__(self, relate: Callable[[float, float], BorderRelation] | None = None):
        self.relate = relate
        # Memos by entry id (a Resolver serves one gazetteer): the context-free part of an
        # entry's prior, and its border relation.
        self._static: dict[tuple[str, bool], float] = {}
        self._borders: dict[str, BorderRelation] = {}
        self._read: dict[tuple[str, str, str], bool] = {}       # ``_reads``

    def _prior(self, m: NameMatch, cand: Candidate, lang: str, shared: bool) -> float:
        """An entry's prior score (``shared``: the span's name is shared by several villages
        or towns, so the border decides more among them)."""
        p = m.place
        s = self._static_prior(m)
        if cand.cue and p.kind == cand.cue:
            s += 2.5
        if cand.designator and m.designated:
            # the designator says the level: "Гродненской области" is the region, not the
            # district "Гродненский район" (whose designated name is read in the same form)
            s += 3.0 if p.kind == cand.cue else 1.5
        if LANG_COUNTRY.get(lang) == p.country:
            s += 0.6
        if p.id in cand.fuzzy:
            s -= 1.5                                   # spelt one letter differently
        if self.relate and p.kind not in ("country", "region") and (
                cand.inflected or shared and p.kind in _SETTLEMENTS):
            # a form shared by several names ("-owie": "-ów" and "-owo") or a name by several
            # villages or towns ("Zalesie"): the border decides
            s += SHARED_FORM_BORDER * math.exp(-self._border(p).distance_km / 60.0)
        return s

    def _static_prior(self, m: NameMatch) -> float:
        """The part of an entry's prior that depends on the entry and name alone (memoised)."""
        k = (m.place.id, m.canonical)
        s = self._static.get(k)
        if s is None:
            p = m.place
            s = KIND_WEIGHT.get(p.kind, 0.5)
            s += 0.35 * math.log10((p.population or 0) + 1)
            if p.source and not p.id.startswith("gn:") and p.kind not in ("country", "region"):
                s += 1.0                               # curated or user entry: chosen on purpose
            s += 0.8 if m.canonical else 0.0
            if p.country in BORDER_COUNTRIES:
                s += 1.0
            if self.relate and p.kind not in ("country", "region"):
                s += 1.2 * math.exp(-self._border(p).distance_km / 60.0)
            self._static[k] = s
        return s

    def fuzzy_resolves(self, p: Place) -> bool:
        """Whether a name spelt one letter off ``p``'s may stand for ``p``: a country, capital,
        city or region anywhere, a smaller place within ``FUZZY_BORDER_KM`` of the border."""
        return p.kind in _BIG_KINDS or not self.relate \
            or self._border(p).distance_km <= FUZZY_BORDER_KM

    def _border(self, p: Place) -> BorderRelation:
        """The border relation of an entry (``relate`` given; memoised)."""
        border = self._borders.get(p.id)
        if border is None:
            border = self._borders[p.id] = self.relate(p.lat, p.lon)  # type: ignore[misc]
        return border

    def in_language(self, doc: Document, candidates: list[Candidate]
                    ) -> tuple[list[Candidate], str | None]:
        """``candidates`` less the entries a one-word name reached through an inflected form
        only by another language's endings than its own: the language of a preposition right
        before it, else of letters only that language writes ("ł", "ų", "ā") in the word,
        else the document's, when that is Lithuanian, Polish or Latvian (a Polish
        "W Bugu" is not the Lithuanian genitive plural of "Būgai"); and less the entries of
        another country than that language's reached through a one-letter-off spelling (a
        Polish "wsi Mielniki" is not Medininkai, "Miedniki" in Polish). Countries, regions,
        capitals and cities are read through any language's endings and spellings. With the
        document's language when it was guessed (else None)."""
        lang: str | None = None
        out, changed = [], False
        text = doc.text
        for c in candidates:
            if c.words == 1 and len(c.text) <= _SHORT_WORD and c.start - c.sentence[0] <= 8 \
                    and (c.inflected or not any(m.canonical for m in c.matches)
                         and not is_cyrillic(c.text)) and self._far_opening(text, c):
                changed = True
                continue
            if (c.inflected or c.fuzzy) and c.words == 1 and not is_cyrillic(c.text) and (
                    c.fuzzy or not all(m.place.kind in _ANY_INFLECTION or m.designated
                                       or self._reads(c.text, "pl", m.place)
                                       and self._reads(c.text, "lt", m.place)
                                       for m in c.matches)):       # (else: any language)
                word_lang = _preposition_lang(doc.text, c.start) or letters_language(c.text)
                if word_lang is None:
                    if lang is None:
                        lang = guess_language(doc.text)
                    word_lang = lang
                if word_lang in _OWN_INFLECTION:
                    home = LANG_COUNTRY[word_lang]
                    keep = tuple(m for m in c.matches if m.place.kind in _ANY_INFLECTION
                                 or m.designated
                                 or (m.place.country == home if m.place.id in c.fuzzy
                                     else not c.inflected
                                     or self._reads(c.text, word_lang, m.place)))
                    if len(keep) < len(c.matches):
                        changed = True
                        if not keep:
                            continue
                        c = c._replace(matches=keep)
            out.append(c)
        return out if changed else candidates, lang

    def _far_opening(self, text: str, c: Candidate) -> bool:
        """Whether ``c``, a short word read only through an ending or a Latin alternate name, opens
        its sentence before a lower-case word and names only places far from the region
        (``FAR_KM``): a capital letter there is no sign of a name, and such a word is more
        likely a common one (lt "Kitą dieną", "Kita grupė": "another", not Quito's
        Lithuanian "Kitas"; lv "Citā dienā", not Chita)."""
        if not self.relate or text[c.sentence[0]:c.start].strip(_OPENING):
            return False
        after = text[c.end:c.end + 2]
        if len(after) < 2 or not after[0].isspace() or not after[1].islower():
            return False
        return all(self._border(m.place).distance_km > FAR_KM for m in c.matches)

    def _reads(self, word: str, lang: str, p: Place) -> bool:
        """Whether ``word`` is ``p``'s name as written or inflected by ``lang``'s endings."""
        k = (word, lang, p.id)
        got = self._read.get(k)
        if got is None:
            if len(self._read) > 100_000:
                self._read.clear()
            forms = base_forms_in(word, lang) | {key(word)}
            got = self._read[k] = any(key(n) in forms for n in (p.name, *p.alt_names))
        return got

    def resolve(self, doc: Document, candidates: list[Candidate]) -> list[Mention]:
        """One Mention per candidate, resolved with document-level coherence."""
        candidates, guessed = self.in_language(doc, candidates)
        ambiguous = [(k, c) for k, c in enumerate(candidates) if len(c.matches) > 1]
        # A lone entry needs no score: it is chosen with confidence 1 whatever its score.
        first = [c.matches[0].place for c in candidates]
        priors: dict[int, list[tuple[float, Place]]] = {}
        if ambiguous:
            # The language only moves entries of one span against each other when they lie in
            # different countries, one of them with a language of its own.
            lang = (guessed or guess_language(doc.text)) if any(
                len(where := {m.place.country for m in c.matches}) > 1
                and not where.isdisjoint(_LANG_COUNTRIES) for _, c in ambiguous) else "en"
            for k, c in ambiguous:
                shared = _namesakes(c)
                priors[k] = scored = [(self._prior(m, c, lang, shared), m.place)
                                      for m in c.matches]
                first[k] = max(scored, key=_score_then_id)[1]
            countries = {p.country for p in first if p.kind == "country"}
            distinct = list({p.id: p for p in first if p.kind != "country"}.values())
        text, mentions = doc.text, []
        chosen: list[tuple[Place, float, tuple[Place, ...]]] = []
        alts: tuple[Place, ...]
        for k in range(len(candidates)):
            place, confidence, alts = first[k], 1.0, ()
            if k in priors:
                place, confidence, alts = _coherent(priors[k], place, distinct, countries)
            chosen.append((place, confidence, alts))
        outside = _outside_their_unit(text, candidates, chosen)
        span, sentence = (-1, -1), ""
        borders = self._borders if self.relate else None
        border = None
        for k, cand in enumerate(candidates):
            if k in outside:
                continue
            place, confidence, alts = chosen[k]
            if place.id in cand.fuzzy and not self.fuzzy_resolves(place):
                continue
            if cand.sentence != span:        # the mentions of one sentence share its string
                span = cand.sentence
                sentence = text[span[0]:span[1]]
            if borders is not None:
                border = borders.get(place.id) or self._border(place)
            # ``new_mention``, inlined: a call less for each of millions of mentions
            m = _new_object(Mention)
            _set_attr(m, "__dict__", {
                "doc": doc, "start": cand.start, "end": cand.end, "text": cand.text,
                "sentence": sentence, "sentence_start": span[0], "place": place,
                "confidence": confidence, "alternatives": alts, "border": border,
                "in_org": cand.in_org})
            mentions.append(m)
        return mentions


def _namesakes(c: Candidate) -> bool:
    """Whether two or more villages or towns among ``c``'s entries have its name."""
    names = [m.place.name for m in c.matches if m.place.kind in _SETTLEMENTS]
    return len(names) > len(set(names))


_SETTLEMENTS = frozenset({"village", "town"})


def _outside_their_unit(text: str, candidates: list[Candidate],
                        chosen: list[tuple[Place, float, tuple[Place, ...]]]) -> set[int]:
    """Spans the text puts inside an administrative unit named beside them ("Augšdaugavas
    novada Salienas pagastā", "the Salienas parish of Augšdaugava municipality") whose
    entry lies farther than ``WITHIN_UNIT_KM`` from that unit: ``chosen`` is moved to the
    span's nearest entry within reach, or the span is returned (it names no entry here)."""
    out: set[int] = set()
    # Whether exactly one of two neighbours is a unit is asked first: most texts have none, and
    # the words between two names are folded only for a pair with one.
    is_unit = [c[0].kind in _UNIT_KINDS for c in chosen]
    for k in range(1, len(candidates)):
        if is_unit[k - 1] == is_unit[k]:
            continue
        a, b = candidates[k - 1], candidates[k]
        if b.start - a.end > 40 or a.sentence != b.sentence:
            continue
        gap = key(text[a.end:b.start]).split()
        if not gap or len(gap) > 3 or not set(gap) <= _IN_UNIT_WORDS:
            continue
        units = [k - 1] if is_unit[k - 1] else [k]
        unit, inner = chosen[units[0]][0], k if units[0] == k - 1 else k - 1
        place = chosen[inner][0]
        if place.kind in ("country", "region") or _haversine_km(
                unit.lat, unit.lon, place.lat, place.lon) <= WITHIN_UNIT_KM:
            continue
        near = sorted((_haversine_km(unit.lat, unit.lon, m.place.lat, m.place.lon), m.place.id,
                       m.place) for m in candidates[inner].matches)
        if near and near[0][0] <= WITHIN_UNIT_KM:
            chosen[inner] = (near[0][2], chosen[inner][1],
                             tuple(p for p in [place, *chosen[inner][2]] if p.id != near[0][1]))
            is_unit[inner] = near[0][2].kind in _UNIT_KINDS
        else:
            out.add(inner)
    return out


def _coherent(scored: list[tuple[float, Place]], chosen: Place, distinct: list[Place],
              countries: set[str | None]) -> tuple[Place, float, tuple[Place, ...]]:
    """The entry of an ambiguous span once its prior scores gain from nearness to the other
    places of the text (``distinct``: each span's first choice) and from a country the text
    names; with its softmax confidence and the runners-up."""
    final = []
    anchors = [p for p in distinct if p.id != chosen.id]
    lats, lons = [a.lat for a in anchors], [a.lon for a in anchors]
    for s, place in scored:
        if place.kind != "country":
            if anchors:
                d = min(map(_haversine_km, repeat(place.lat), repeat(place.lon), lats, lons))
                s += 1.5 * math.exp(-d / 50.0)
            if place.country in countries:
                s += 0.7
        final.append((s, place))
    final.sort(key=lambda sp: (-sp[0], sp[1].id))
    top = final[0][0]
    confidence = round(1.0 / sum(math.exp(s - top) for s, _ in final), 3)
    place = final[0][1]
    seen, alts = {place.id}, []
    for _, p in final[1:]:
        if p.id not in seen:
            seen.add(p.id)
            alts.append(p)
    return place, confidence, tuple(alts)


def _preposition_lang(text: str, start: int) -> str | None:
    """The language of a preposition right before ``start`` (one space between), if any."""
    word = last_word(text, start, 16)
    return PREPOSITION_LANG.get(word.lower()) if word else None


def _score_then_id(scored: tuple[float, Place]) -> tuple[float, str]:
    return scored[0], scored[1].id
