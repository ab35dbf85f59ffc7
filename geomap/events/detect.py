"""Event detection in one document: trigger sentences become candidates, candidates that
agree on type, date and place become one event; the first is the document's primary event
(rules: docs/incidents.md)."""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Callable
from collections import Counter
from dataclasses import dataclass, field, replace

from ..dates import KEYED_PATTERNS, DateContext, DateExpr, document_context, find_dates
from ..geodesy import BORDER_COUNTRIES
from ..keyscan import Keyed, TextIndex
from ..model import Document, Mention, Place
from ..sites import AIRPORT_AFTER, AIRPORT_BEFORE
from ..texts import parse_header, sentence_spans
from . import lexicon as lx
from .compare import PRECISIONS, best_place, dates_ok, kind_rank, places_ok, types_ok
from .model import Count, Event, Evidence


def _alt(parts) -> str:
    """One alternation of the per-language fragments, in ``LANGUAGES`` order."""
    return "|".join(p for p in parts if p)


def _langs(table: dict[str, str]) -> str:
    return _alt(table.get(lang, "") for lang in lx.LANGUAGES)


NUMBER_WORDS = {w: n for lang in lx.LANGUAGES for w, n in lx.NUMBER_WORDS[lang].items()}
NATIONALITY = {k: _langs(v) for k, v in lx.NATIONALITY.items()}
ACTOR_NOUNS = {k: _langs(v) for k, v in lx.ACTOR_NOUNS.items()}
SUBJECTS = {k: _langs(v) for k, v in lx.SUBJECTS.items()}
TRIGGER_RX = [(t, s, re.compile(r"\b(?:" + _alt(lx.TRIGGERS[lang].get((t, s), "")
                                                   for lang in lx.LANGUAGES) + ")", re.I))
              for t, s in lx.KINDS]
_DEATH = ("death", None)
_BARRIER = ("other", "barrier")
DEATH = next(rx for t, s, rx in TRIGGER_RX if (t, s) == _DEATH)
ANAPHORIC = re.compile(r"\b(?:" + _langs(lx.ANAPHORIC) + ")", re.I)
AGGREGATE = re.compile(r"\b(?:" + _langs(lx.AGGREGATE) + ")", re.I)
CAUSE = re.compile(r"\b(?:" + _langs(lx.CAUSE) + r")\s+(?:[^\s,;:]+\s+){0,2}$", re.I)
# a trigger inside a cause ("over a surge in illegal crossings", "wegen eines Anstiegs
# illegaler Grenzübertritte", "after they crossed"): not the sentence's own kind first
IN_CAUSE = re.compile(r"\b(?:" + _langs({k: "|".join(w for w in v.split("|") if w != "over")
                                             for k, v in lx.CAUSE.items()})   # "crossed over"
                      + r")\s+[^,.;:()–—]{0,60}$", re.I)
ANOTHER = re.compile(r"\W*(?:\S+\s+){0,3}?(?:" + _langs(lx.ANOTHER) + r")(?!\w)", re.I)
# "Most of them near X": a breakdown of the event told before
MOST = re.compile(r"\W*(?:\S+\s+){0,2}?(?:" + _langs(lx.MOST) + r")(?!\w)", re.I)
# "..., and on Tuesday another 90 near X": the second clause's count (``CLAUSE_AND`` up to
# five words before it opens the clause)
SECOND = re.compile(r"\b(?:" + _langs(lx.ANOTHER_COUNT) + r")\s+(\d{1,3}(?:[ ,.]\d{3})+|\d+)\b",
                    re.I)
CLAUSE_AND = re.compile(r"(?:[,;]\s*|\s)(?:(?:" + _langs(lx.CLAUSE_AND) + r")\s+)?"
                        r"(?:[^\s,.;:]+\s+){0,5}?$", re.I)
CLAUSE_BUT = re.compile(r"(?:,\s*(?:" + _langs(lx.CLAUSE_BUT) + r")|;)\s", re.I)
STATION_BEFORE = re.compile(r"(?<!\w)(?:" + _langs(lx.STATION_BEFORE) + r")\s*[«\"„“]?\s*$",
                            re.I)
UNIT_AFTER = re.compile(r"\s+(?:" + _langs(lx.UNIT_AFTER) + r")(?!\w)", re.I)
CROWD = re.compile(lx.CROWD, re.I)
STATION_AFTER = re.compile(r"[»\"”]?\s+(?:" + _langs(lx.STATION_AFTER) + r")(?!\w)", re.I)
# a border guard named by its service's name: its country ("Straż Graniczna", "VSAT",
# "Valsts robežsardze", "Госпогранкомитет")
AGENCY = re.compile(r"\b(?:" + "|".join(f"(?P<{code}>{rx})" for code, rx in lx.AGENCIES.items())
                    + r")(?!\w)", re.I)
LEGAL = re.compile(r"\b(?:" + _langs(lx.LEGAL) + r")(?!\w)", re.I)
CAPTION = re.compile(lx.CAPTION, re.I | re.M)
FUTURE = re.compile(r"\b(?:" + _langs(lx.FUTURE) + r")(?!\w)", re.I)
RIVER_BEFORE = re.compile(r"\b(?:" + _langs(lx.RIVER_BEFORE) + r")\s+(?:the\s+)?\Z", re.I)
RIVER_AFTER = re.compile(r"\s+(?:" + _langs(lx.RIVER_AFTER) + r")(?!\w)", re.I)
COUNTRY_BORDER = re.compile(r"(?:['’]s)?[ \t]+(?:border|frontier)\b", re.I)
BORDER_WITH = re.compile(r"(?<!\w)(?:" + _langs(lx.BORDER_WITH) + r")\s+\Z", re.I)
BELARUS_ID = "cc:BY"      # the gazetteer's Belarus (the country every border here is with)
# pl/be "z"/"з" before a genitive ("z Białorusi", "з Беларусі") is "from"; before an
# instrumental ("z Białorusią", "з Беларуссю") it is "with" ("granica z Białorusią")
FROM_GENITIVE = re.compile(r"(?<!\w)(?:z|ze|з)\s+\Z", re.I)
INSTRUMENTAL = ("ą", "ю")
FROM_COUNTRY = re.compile(r"(?<!\w)(?:" + _langs(lx.FROM_COUNTRY) + r")\s+\Z", re.I)
# what follows a dateline's city ("Białystok, 14.08.2021 –", "Warschau (dpa) -", "Rīga,
# 30.jūlijs (LETA)."): a date and/or an agency in brackets, then a dash (or a full stop)
_DATELINE_AFTER = re.compile(r"(?:,(?P<date>[^\n–—]{1,40}?))?\s*(?P<agency>[(/](?=[^()\n/]*(?:"
                             r"[A-ZА-ЯЁ]{2}|\b(?:dpa|apa|epd)\b))[^()\n/]{1,40}[)/])?\s*"
                             r"(?:[-–—]\s|\.|[ \t]*(?=\n|\Z))")
_SPEAKER_PREPS = ("in", "w", "в", "во", "aus", "in der", "iš", "no")
SPEAKER_IN = re.compile(r"\b(?:" + _langs(lx.SPEAKERS) + r")\s+(?:" + "|".join(_SPEAKER_PREPS)
                        + r")\s+$", re.I)
# the last word of those: what a text before a name ends with for SPEAKER_IN to match there
_SPEAKER_LAST = re.compile("(?:" + "|".join(sorted({p.split()[-1] for p in _SPEAKER_PREPS}))
                           + r")\Z", re.I)
_SPEAKER_LAST_MAX = max(len(p.split()[-1]) for p in _SPEAKER_PREPS)
NEAR = re.compile(r"(?:" + _langs(lx.NEAR) + r")\s+(?:(?:" + lx.NEAR_FILLERS + r")\s+)*$", re.I)
LOCATIVE = re.compile(r"\b(?:" + _langs(lx.LOCATIVE) + r")\s+(?:the\s+)?$", re.I)
_NUM = r"\d{1,3}(?:[ ,.]\d{3})+|\d+|" + "|".join(sorted(map(re.escape, NUMBER_WORDS), key=len,
                                                         reverse=True))
# A count: a number (not the year or month of a date, "18.11.2021") and its subject, up to
# three words apart, none of them a conjunction ("on one side and Belarusian officers").
_CONJUNCTION = r"(?:and|und|or|oder|i|oraz|lub|albo|ir|arba|un|vai|и|или|а|і|ці)\s"
COUNT = re.compile(r"(?<!\d[./-])\b(" + _NUM + r")\s+(?:(?!" + _CONJUNCTION
                   + r")\w[\w’'-]*\s+){0,3}?(?:(?P<migrants>"
                   + SUBJECTS["migrants"] + r")|(?P<officers>" + SUBJECTS["officers"] + r"))\b",
                   re.I)
ACTOR = re.compile(r"\b(?:(?P<nat>" + "|".join(NATIONALITY.values()) + r")\s+(?:[\w-]+\s+){0,2}?)"
                   r"(?P<noun>" + "|".join(ACTOR_NOUNS.values()) + r")\b", re.I)
_SOURCE_WORDS = 4          # words a source's name may have before its noun
SOURCE = re.compile(
    r"(?:" + _langs(lx.SOURCE_INTRO) + r")\s+"
    r"(?P<a>[^,.;:\"“”]{3,60})"
    r"|(?P<b>(?:[\w’'-]+\s+){0," + str(_SOURCE_WORDS) + r"}?(?:" + lx.SOURCE_NOUNS["en"]
    + r"))(?:[’']s)?(?:\s+\([^()]{1,15}\))?\s+(?:has\s+|have\s+)?(?:" + lx.SOURCE_VERBS["en"]
    + ")", re.I)
# what every SOURCE match holds: its introduction, or a source noun and its verb (SOURCE
# itself, with no fixed first word, is tried at every word of a sentence)
SOURCE_HINT = re.compile(
    r"(?:" + _langs(lx.SOURCE_INTRO) + r")\s|(?:" + lx.SOURCE_NOUNS["en"] + r")(?:[’']s)?"
    r"(?:\s+\([^()]{1,15}\))?\s+(?:has\s+|have\s+)?(?:" + lx.SOURCE_VERBS["en"] + ")", re.I)
# The other languages' sources, found from their verbs (a fixed word, so found fast): the
# source before it ("Straż Graniczna poinformowała") or after it ("poinformowała rzeczniczka
# SG", "сообщили в ГПК"; in English only after "said"/"says": "said the interior ministry").
_OTHER_LANGS = {k: v for k, v in lx.SOURCE_VERBS.items() if k != "en"}
SOURCE_VERB = re.compile(r"\b(?:(?P<en>said|says)|" + _langs(_OTHER_LANGS) + r")(?!\w)", re.I)
SOURCE_BEFORE = re.compile(r"(?P<b>(?:[\w’'-]+\s+){0,4}?(?:" + _langs(
    {k: v for k, v in lx.SOURCE_NOUNS.items() if k != "en"}) + r"))\s+$", re.I)
_CLAUSE_END = r"(?=\s*(?:[,.;:\"“”()\n]|$))"            # the source ends the clause
SOURCE_AFTER = re.compile(r"\s+(?:(?:" + _langs(lx.SOURCE_TIME) + r")\s+)?"
                          r"(?:в\s+|w\s+|у\s+|ў\s+)?(?P<c>(?:[\w’'-]+\s+){0,2}?(?:"
                          + _langs(lx.SOURCE_NOUNS) + r")\b[^,.;:\"“”()\n]{0,50})"
                          + _CLAUSE_END, re.I)
# after "said": a noun phrase and a name at most ("said border guard service spokesperson
# Rokas Pukinskas."), not a reported clause ("said Lithuanian guards were stepping up ...")
SOURCE_AFTER_EN = re.compile(r"\s+(?:the\s+)?(?P<c>(?:[\w’'-]+\s+){0,3}?(?:" + lx.SOURCE_NOUNS["en"]
                             + r")(?:\s+(?-i:[A-ZÀ-ÞĀ-Ž])[\w’'-]*){0,3})" + _CLAUSE_END, re.I)
# a number of attempts ("112 prób"): the attempt word, then the number right before it
ATTEMPT = re.compile(r"\b(?:" + _langs(lx.ATTEMPTS) + r")(?!\w)", re.I)
ATTEMPT_NUMBER = re.compile(r"(?<![\d./-])\b(\d{1,3}(?:[ ,.]\d{3})+|\d+)\s+(?:[\w-]+\s+){0,2}?\Z")
_PARTICLE = re.compile(r"\s+(?:mit|an)\s*$")
_NAT_RX = [(k, re.compile(r"(?:" + v + r")$", re.I)) for k, v in NATIONALITY.items()]
_NOUN_RX = [(k, re.compile(r"(?:" + v + r")$", re.I)) for k, v in ACTOR_NOUNS.items()]
_CLAUSE = re.compile(r"\s+(?:according|which|who|that|to|while)\b.*", re.I | re.S)
_FUNCTION_WORDS = {"the", "that", "and", "but", "as", "while", "a", "an", "on", "in", "after",
                   "its", "their", "said", "of"}
_NAT_CODE = [(lx.NATIONALITY_CODES[n], re.compile(v, re.I)) for n, v in NATIONALITY.items()]
_NAT_ANY = re.compile(r"\b(?:" + "|".join(NATIONALITY.values()) + ")", re.I)
PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+\s+)?(?:brought|crossed|entered|arrived|reached)\b",
                     re.I)
# a sentence end a sentence goes on after: an ordinal ("am 13."), a month's abbreviation
# ("on Aug.") and abbreviations of hours, years, days, counts and gminas ("apie 11 val.
# Lazdijų", "2021 r. W", "ok. 20 osób")
GOES_ON_END = re.compile(r"(?:(?<![\d.])\d{1,2}|\b(?i:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
                         r"|\d\s?(?:r|m|d|g|val|godz|min|ч|tys|mln|tūkst)"
                         r"|\b(?:ok|gm|pow|woj|ul|val|godz))\.\s*$")
BACKGROUND_DAYS = 14       # an event dated this long before the report is background
BORDER_AREA_KM = 60.0      # a document's place this close to the border may stand for an event
DATELINE_SPAN = 400        # a dateline lies this close to the body's start
DATELINE_KM = 30.0         # a dateline's village or town this close to the border may place events
NUMBER = re.compile(r"\b\d+\b")
BIG_NUMBER = re.compile(r"\b\d{1,3}(?:[ ,.]\d{3})+\b|\b\d{4,}\b")
# the patterns read in the sentences of a document, found through their words, after those
# of the dates (one index of a text serves both)
KEYED = Keyed(KEYED_PATTERNS + [rx for _, _, rx in TRIGGER_RX]
              + [ANAPHORIC, ACTOR, COUNT, SOURCE, AGGREGATE, LEGAL, FUTURE, PERFECT, SOURCE_HINT,
                 SOURCE_VERB, _NAT_ANY, CAPTION, SECOND, AGENCY, ATTEMPT])
_TRIGGER_IDS = tuple(KEYED.position[id(rx)] for _, _, rx in TRIGGER_RX)
_KIND_OF = {KEYED.position[id(rx)]: (t, s) for t, s, rx in TRIGGER_RX}
# a sentence without any of these has no trigger: no candidate
_ANAPHORIC_ID = KEYED.position[id(ANAPHORIC)]
_SOURCE_HINT_ID = KEYED.position[id(SOURCE_HINT)]
_CANDIDATE_IDS = (*_TRIGGER_IDS, _ANAPHORIC_ID)


@dataclass
class _Cand:
    """A trigger sentence (or several, once merged) of one document."""

    sents: list[tuple[int, int]]
    kinds: list[tuple[str, str | None]]
    triggers: list[Evidence]
    date: DateExpr | None
    mentions: list[Mention] = field(default_factory=list)
    hints: set[str] = field(default_factory=set)
    counts: list[Count] = field(default_factory=list)
    # _local's tally of the mentions read so far: count and first mention per place id
    seen: int = 0
    tally: Counter = field(default_factory=Counter)
    first: dict = field(default_factory=dict)
    distinct: dict = field(default_factory=dict)     # the distinct kinds of kinds[:read]
    read: int = 0
    distinct_kinds: tuple = ()
    migrants: set = field(default_factory=set)      # the numbers of migrants of counts[:counted]
    counted: int = 0
    period: bool = False      # a count over a week or month ("Over the past week, 400 ...")
    attempts: set = field(default_factory=set)      # numbers of attempts ("112 prób")

    def kind_set(self) -> tuple:
        """The distinct kinds, kept until the draft takes more."""
        if self.read != len(self.kinds):
            size = len(self.distinct)
            self.distinct.update(dict.fromkeys(self.kinds[self.read:]))
            self.read = len(self.kinds)
            if len(self.distinct) != size:
                self.distinct_kinds = tuple(self.distinct)
        return self.distinct_kinds

    def migrant_counts(self) -> set[int]:
        """The numbers of migrants counted, kept until the draft takes more."""
        if self.counted != len(self.counts):
            self.migrants |= {x.value for x in self.counts[self.counted:]
                              if x.subject == "migrants"}
            self.counted = len(self.counts)
        return self.migrants

    @property
    def place(self) -> Mention | None:
        return best_place(self.mentions)


def _usable(m: Mention) -> bool:
    """Resolved, not in an organisation's name, not a dateline, not a river, not a country
    people came from or whose border is meant, not a capital as metonym."""
    if m.place is None or m.in_org and not _station(m.doc.text, m):
        return False
    text = m.doc.text
    if _opens_report(text, m):
        return False
    if RIVER_BEFORE.search(text, max(0, m.start - 16), m.start) or RIVER_AFTER.match(text, m.end):
        return False                                 # "rzeki Świsłocz": the river
    if _speaker_in(text, m.start):
        return False                                 # "sources in Warsaw"
    if m.place.id == BELARUS_ID and (
            FROM_COUNTRY.search(text, max(0, m.start - 24), m.start)
            or FROM_GENITIVE.search(text, max(0, m.start - 4), m.start)
            and not m.text.endswith(INSTRUMENTAL)):
        return False          # "trying to enter from Belarus": the side people came from
    if m.place.kind == "country" and (COUNTRY_BORDER.match(text, m.end) or BORDER_WITH.search(
            text, max(0, m.start - 24), m.start)):
        return False          # "at Belarus border", "Poland's border", "the border with
        # Belarus": the line, not the land
    if m.place.kind == "capital":
        return bool(LOCATIVE.search(text, max(0, m.start - 20), m.start)
                    or AIRPORT_AFTER.match(text, m.end)
                    or AIRPORT_BEFORE.search(text, max(0, m.start - 40), m.start))
    return True


def _station(text: str, m: Mention) -> bool:
    """A border-guard station named after its place ("Placówka SG w Czeremsze", "Druskininkų
    užkardos", "погранзастава «Друскининкай»", "Daugavpils robežapsardzības nodaļa")."""
    if STATION_AFTER.match(text, m.end):
        return True
    before = text[max(0, m.start - 40):m.start].lower()
    return any(k in before for k in lx.STATION_KEYS) \
        and bool(STATION_BEFORE.search(text, max(0, m.start - 40), m.start))


def _opens_report(text: str, m: Mention) -> bool:
    """A dateline's place: an ALL-CAPS name followed by "(", ",", "–", ":" …, or one opening a
    line in any case (``_dateline``)."""
    after = text[m.end:m.end + 3].lstrip()
    return m.text.isupper() and len(m.text) > 3 and after[:1] in ("(", ",", "–", "-", "—", ":", "/") \
        or _dateline(text, m)


def _report_place(text: str, body: int, mentions: list[Mention]) -> Mention | None:
    """The dateline's place when it is a village or town near the border (not a city, where
    regional newsrooms are: "Białystok (PAP)"): "KUZNICA, Poland, Nov 16 (Reuters) -" (an event
    whose sentences name no place below a region happened there, where the reporter is)."""
    for m in mentions:
        p = m.place
        if p is not None and body <= m.start < body + DATELINE_SPAN and not m.in_org \
                and kind_rank(p) <= 1 and p.kind != "city" and p.country in BORDER_COUNTRIES \
                and (m.border is None or m.border.distance_km <= DATELINE_KM) \
                and _opens_report(text, m):
            return m
    return None


def _dateline(text: str, m: Mention) -> bool:
    """A city opening a line as a dateline in any case ("Białystok, 14.08.2021 –", "Warschau
    (dpa) -"): followed by a date (with a digit) or an agency in brackets, and a dash (or the
    line's end: "Białystok, 22 sierpnia 2021")."""
    line = text.rfind("\n", 0, m.start) + 1
    if text[line:m.start].strip(" \t•*–—-"):
        return False
    after = _DATELINE_AFTER.match(text, m.end)
    return after is not None and bool(after.group("agency") or any(
        c.isdigit() for c in after.group("date") or ""))


def _speaker_in(text: str, start: int) -> bool:
    """``SPEAKER_IN`` in the 40 characters before ``start``, looked for only when they end
    in one of its last words and white space (as every match of it does: most do not)."""
    lo, end = max(0, start - 40), start
    while end > lo and text[end - 1].isspace():
        end -= 1
    if end == start or not _SPEAKER_LAST.search(text, max(lo, end - _SPEAKER_LAST_MAX), end):
        return False
    return bool(SPEAKER_IN.search(text, lo, start))


def _date_rank(e: DateExpr) -> tuple:
    """Event dates before statement dates before report (dateline) dates; "a day earlier"
    first; then by precision."""
    return (2 if e.report else int(e.statement), {"offset": 0}.get(e.kind, 1),
            PRECISIONS.index(e.precision))


def _when(e: DateExpr | None) -> tuple[dt.date | None, str | None]:
    """(date, precision) for comparisons: a statement or report date only bounds the event."""
    if e is None:
        return None, None
    return e.date, "week" if (e.statement or e.report) and e.precision == "day" else e.precision


def _event_date(exprs: list[DateExpr]) -> DateExpr | None:
    """The sentence's best date (``_date_rank``); failing any, the weekday a period of days up
    to the report starts on ("od czwartku", "since Thursday"), with precision ``week``."""
    usable = [e for e in exprs if e.date and not e.since]
    if usable:
        return min(usable, key=_date_rank)
    start = next((e for e in exprs if e.date and e.kind == "weekday"), None)
    return replace(start, precision="week", since=False) if start else None


def _sentence_kinds(index: TextIndex, a: int, b: int, actors: "_Actors"
                    ) -> tuple[list[tuple[str, str | None]], list[Evidence], bool]:
    """Trigger kinds and spans of a sentence (``index``: ``KEYED``'s of the text), and whether
    it has an anaphoric trigger."""
    text = index.text
    sent = text[a:b]
    found = index.find_many(_CANDIDATE_IDS, a, b)       # triggers and anaphoric words at once
    hits = sorted(((m.start(), m.end(), *_KIND_OF[i]) for i, m in found if i != _ANAPHORIC_ID),
                  key=lambda h: (h[0], -h[1]))
    officers = bool(hits) and any(
        x is not None and x.startswith("Belarusian") and not x.endswith("authorities")
        for x in actors.of(a, b))
    kinds: list[tuple[str, str | None]] = []
    ev = [Evidence(s, e, text[s:e], sent) for s, e, _, _ in hits]
    if len({h[2:] for h in hits}) > 1:
        # a trigger in a cause last, and a barrier or smuggling after any other kind: a fence
        # is mostly where something else happened ("stabbed through the border fence ... has
        # died"), smuggling what a detention was for ("detained a man who tried to smuggle")
        # ... and a clash before a death ("stabbed ... has died": the death is the event)
        # ... and a flight after smuggling ("balloons with contraband cigarettes landed")
        ordered = hits
        died = any(h[2] == "death" for h in hits)
        smuggled = any(h[3] == "smuggling" for h in hits)
        hits = sorted(hits, key=lambda h: (_in_cause(text, a, h[0], ordered),
                                           2 if smuggled and h[3] == "flight"
                                           else h[3] in ("barrier", "smuggling"),
                                           died and h[3] == "clash"))
    for _, _, t, sub in hits:
        kind = ("border_violation", None) if t == "crossing" and officers else (t, sub)
        if kind not in kinds:
            kinds.append(kind)
    ana = next((m for i, m in found if i == _ANAPHORIC_ID), None)    # (found: in text order)
    if ana:
        ev.append(Evidence(ana.start(), ana.end(), ana.group(0), sent))
    return kinds, sorted(ev, key=lambda e: e.start), bool(ana)


def _in_cause(text: str, a: int, start: int, hits: list[tuple]) -> bool:
    """A trigger at ``start`` is the first after a cause word ("wegen eines Anstiegs illegaler
    Grenzübertritte", "Po przekroczeniu granicy"), in the same clause."""
    m = IN_CAUSE.search(text, max(a, start - 60), start)
    return m is not None and not any(m.start() < h[0] < start for h in hits)


def _actor(m: re.Match) -> str | None:
    return _actor_of(m.group("nat") or "", m.group("noun"))


class _Actors:
    """The actors (``_actor``, None for a match naming none) of the sentences of one text, each
    read once (a sentence's are asked for its kinds and again for its event)."""

    def __init__(self, index: TextIndex):
        self.index = index
        self.found: dict[tuple[int, int], list[str | None]] = {}

    def of(self, a: int, b: int) -> list[str | None]:
        got = self.found.get((a, b))
        if got is None:
            got = self.found[a, b] = [_actor(m) for m in self.index.find(ACTOR, a, b)]
        return got


@functools.lru_cache(maxsize=1024)
def _actor_of(nat_word: str, noun_word: str) -> str | None:
    nat = next((k for k, rx in _NAT_RX if rx.match(nat_word)), None)
    noun = next((k for k, rx in _NOUN_RX if rx.match(noun_word)), None)
    return f"{nat} {noun}" if nat and noun else None


def _counts(index: TextIndex, a: int, b: int) -> list[Count]:
    text, out = index.text, []
    for m in index.find(COUNT, a, b):
        raw = m.group(1).lower()
        value = NUMBER_WORDS.get(raw)
        if value is None:
            value = int(re.sub(r"[ ,.]", "", raw))
        subject = "migrants" if m.group("migrants") else "officers"
        out.append(Count(value, subject, Evidence(m.start(), m.end(), m.group(0), text[a:b])))
    return out


def _attempts(index: TextIndex, a: int, b: int) -> set[int]:
    """The numbers of attempts a sentence tells ("112 prób", "40 attempts")."""
    out = set()
    for m in index.find(ATTEMPT, a, b):
        n = ATTEMPT_NUMBER.search(index.text, max(a, m.start() - 40), m.start())
        if n:
            out.add(int(re.sub(r"[ ,.]", "", n.group(1))))
    return out


def _sources(index: TextIndex, a: int, b: int) -> list[str]:
    """Who makes the claim: "Lithuania's border guard service said", "according to X",
    "poinformowała rzeczniczka SG", "said border guard service spokesperson Rokas Pukinskas"."""
    out: list[str] = []
    text = index.text
    if index.search(SOURCE_HINT, a, b):
        for m in _source_matches(index, a, b):
            _name(_CLAUSE.sub("", m.group("a") or m.group("b")), out)
    for v in index.find(SOURCE_VERB, a, b):
        if not v.group("en"):
            before = SOURCE_BEFORE.search(text, max(a, v.start() - 80), v.start())
            if before:
                _name(before.group("b"), out)
        after = (SOURCE_AFTER_EN if v.group("en") else SOURCE_AFTER).match(text, v.end(), b)
        if after:           # without a German verb's particle ("teilte die Polizei mit")
            out.append(" ".join(_PARTICLE.sub("", after.group("c")).split()))
    return out


def _source_matches(index: TextIndex, a: int, b: int) -> list[re.Match]:
    """``SOURCE.finditer(text, a, b)``, searched only from where a match can start: a match
    begins at an introduction ("according to") or at most ``_SOURCE_WORDS`` words before a
    source noun, and ``SOURCE_HINT`` has the same introductions and nouns first (their
    places: its literals' in ``index``); after the last of those no match begins."""
    text, starts = index.text, index.found[_SOURCE_HINT_ID]
    if starts is None or index.keyed.modes[_SOURCE_HINT_ID] != "start":
        return list(index.find(SOURCE, a, b))
    out: list[re.Match] = []
    pos = a
    while True:
        j = bisect.bisect_left(starts, pos)
        if j == len(starts) or starts[j] >= b:
            return out
        m = SOURCE.search(text, _words_before(text, starts[j], pos), b)
        if m is None:
            return out
        out.append(m)
        pos = m.end()


def _words_before(text: str, q: int, floor: int) -> int:
    """Where ``_SOURCE_WORDS`` words and the white space after each, ending at ``q``, begin at
    the earliest (not before ``floor``)."""
    i = q
    for _ in range(_SOURCE_WORDS):
        if i <= floor or not text[i - 1].isspace():
            break
        while i > floor and text[i - 1].isspace():
            i -= 1
        while i > floor and not text[i - 1].isspace():
            i -= 1
    return i


def _name(phrase: str, out: list[str]) -> None:
    """Add the source a phrase ending in a source noun names: from its first capitalised word
    ("Lithuania's border guard service"), else without function words ("interior ministry")."""
    words = phrase.split()
    first = next((i for i, w in enumerate(words) if w[:1].isupper()
                  and w.lower() not in ("its", "their", "the", "that")), None)
    words = words[first:] if first is not None else [
        w for w in words if w.lower() not in _FUNCTION_WORDS]
    if words:
        out.append(" ".join(words))


def _within(mentions: list[Mention], starts: list[int] | None, a: int, b: int
            ) -> list[Mention]:
    """The mentions starting in ``a``..``b``: by bisection of their ``starts`` when they are
    in text order, so a long document is not scanned once per sentence."""
    if starts is not None:
        return mentions[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)]
    return [m for m in mentions if a <= m.start < b]


def _place(m: Mention) -> Place:
    """The place of a usable mention (``_usable``: resolved)."""
    if m.place is None:
        raise ValueError(f"unresolved mention {m.text!r} used as a place")
    return m.place


def _geo_precision(m: Mention, in_event: bool) -> int:
    rank = kind_rank(_place(m))
    if rank >= 3:
        return 3
    near = NEAR.search(m.doc.text, max(0, m.start - 40), m.start)
    return 1 if in_event and rank <= 1 and not near else 2


@functools.lru_cache(maxsize=1024)
def _nat_code(word: str) -> str:
    return next(c for c, rx in _NAT_CODE if rx.fullmatch(word))


def _hints(index: TextIndex, a: int, b: int, mentions: list[Mention]) -> set[str]:
    """EU border countries (not BY) a sentence names or qualifies with an adjective."""
    out = {c for m in mentions if (c := _place(m).country) in BORDER_COUNTRIES}
    for m in index.find(_NAT_ANY, a, b):
        out.add(_nat_code(m.group(0)))
    return out - {"BY"}


def _aggregate(index: TextIndex, a: int, b: int, dates: list[DateExpr], first_trigger: int,
               counts: list[Count]) -> bool:
    """Totals and trends ("so far this year", "has brought more than 4,100 people", a count
    over a period: "283 people crossed from August 6 to August 10"; "since August 1", unless
    the sentence names a day of its own for its event). A trend named as a cause
    ("after a rise in attempts") is not one, and neither is a total added after an event of a
    stated day ("detained 50 migrants on Monday, bringing the total this year to 4,100")."""
    text = index.text
    since = [e.start for e in dates if e.since and e.kind != "weekday"]
    if counts and since and not any(e.precision == "day" and e.start < since[0]
                                    and not (e.since or e.report or e.statement) for e in dates):
        # (since a weekday: the days up to the report, an event; a day of its own before the
        # period: an event of that day, "remained stuck on Wednesday ..., where they have
        # camped since Aug. 12")
        return True
    hits = [m for m in index.find(AGGREGATE, a, b)
            if not CAUSE.search(text, max(a, m.start() - 40), m.start())]
    if hits:
        day = any(e.precision == "day" and not e.since and not e.report
                  and not any(h.start() <= e.start < h.end() for h in hits) for e in dates)
        if day:         # a crowd's size on a day ("thousands of migrants gathered on Monday")
            hits = [h for h in hits if not CROWD.fullmatch(h.group(0))]
    if hits:
        return not (day and first_trigger < hits[0].start())
    return bool(index.search(PERFECT, a, b)) and any(
        int(re.sub(r"[ ,.]", "", n)) >= 1000 for n in BIG_NUMBER.findall(text, a, b))


def _no_event(index: TextIndex, a: int, b: int, first_trigger: int, dates: list[DateExpr],
              legal: bool = True) -> bool:
    """Questions, photo captions, legal proceedings (unless not ``legal``) and what will or
    may happen (a future or modal word before the first trigger, no date of a day) report no
    event."""
    text = index.text
    line_end = text.find("\n", a)
    line_end = len(text) if line_end < 0 else line_end
    future = index.search(FUTURE, a, first_trigger) and not any(
        e.precision == "day" and not (e.since or e.statement or e.report) for e in dates)
    return (text[a:b].rstrip().endswith("?") or (legal and bool(index.search(LEGAL, a, b)))
            or bool(future)
            or bool(index.search(CAPTION, a, max(b, min(line_end, b + 80)))))


def _sentences(text: str, body: int) -> list[tuple[int, int]]:
    """Sentence spans of the body; a fragment of under 30 characters ("Trečiadienį, apie 12
    val.") and a sentence ending in an ordinal ("am 13.", "30."), a month's abbreviation
    ("on Aug.") or another one a sentence goes on after ("apie 11 val.", "2021 r.") are glued
    to the next sentence of the same line ("am 13. Juli", "Aug. 5")."""
    out: list[tuple[int, int]] = []
    for a, b in sentence_spans(text):
        if b <= body:
            continue
        a = max(a, body)
        if out and "\n" not in text[out[-1][1]:a] and (
                out[-1][1] - out[-1][0] < 30 or GOES_ON_END.search(text, out[-1][0], out[-1][1])):
            a = out.pop()[0]
        out.append((a, b))
    return out


def extract_events(doc: Document, mentions: list[Mention], default_year: int | None = None,
                   *, site: Callable[..., Mention] | None = None,
                   country: Callable[..., Mention | None] | None = None) -> list[Event]:
    """The events ``doc`` reports, in order of their first sentence; the first is primary.

    ``site`` (``Extractor.site``) turns an event's place into the site the text names with it
    ("Minsk airport") or, for a flight, the airport of its city. ``country``
    (``Extractor.country``) gives the country that an event's sentence names only by an
    adjective ("Lithuanian border guards") when the text names no place for it.

    A trigger sentence joins the first earlier event of the document with a compatible type,
    the same date (when both have one), places within 25 km (countries ignored) and no
    disjoint EU-side hints (Lithuania vs Latvia); sentences with only "the incident" join the
    primary event. Totals and trends are not events.
    """
    text = doc.text
    _, body = parse_header(text)
    index = KEYED.index(text)
    ctx: DateContext = document_context(doc, default_year, index)
    sents = _sentences(text, body)
    usable = [m for m in mentions if _usable(m)]
    drafts: list[_Cand] = []
    anaphoric: list[_Cand] = []
    scanned, totals = [], set()
    starts = _in_order(usable)[1]
    actors = _Actors(index)
    counted: dict[tuple[int, int], tuple[Count, ...]] = {}    # (drafts extend their lists)
    for a, b in sents:
        if not index.may_match(_CANDIDATE_IDS, a, b):
            continue
        kinds, ev, ana = _sentence_kinds(index, a, b, actors)
        if not ev:
            continue
        found = find_dates(text, a, b, ctx)
        counts = _counts(index, a, b)
        counted[a, b] = tuple(counts)
        if _aggregate(index, a, b, found, ev[0].start, counts):
            totals |= {c.value for c in counts}
        elif not _no_event(index, a, b, ev[0].start, found):
            scanned += _clauses(index, a, b, (kinds, ev, found, counts), actors, counted,
                                (usable, starts))
        elif _DEATH in kinds and (died := [e for e in ev if DEATH.match(text, e.start)]) \
                and not _no_event(index, a, b, died[0].start, found, legal=False):
            # an investigation into a death ("prosecutors opened an investigation into the
            # death of a migrant found near X on Monday"): the death is the event
            scanned.append((a, b, [_DEATH], died, found, counts, False))
    roles = _Roles({id(m) for m in usable if _station(text, m)},
                   {id(m) for m in usable if UNIT_AFTER.match(text, m.end)},
                   _report_place(text, body, mentions))
    for a, b, kinds, ev, found, counts, second in scanned:
        mine = {c.value for c in counts if c.subject == "migrants"}
        if mine and mine <= totals and not any(
                e.precision == "day" and not (e.since or e.report or e.statement) for e in found):
            continue                                # a total told again ("prevented 395")
        ms = _within(usable, starts, a, b)
        cand = _Cand([(a, b)], kinds, ev, _event_date(found), ms, _hints(index, a, b, ms),
                     counts, attempts=_attempts(index, a, b))
        day = cand.date
        if day is not None and day.kind == "offset" and drafts and day.text.lower() not in (
                "накануне", "напярэдадні") and not any(
                e.precision == "day" and e.kind != "offset" and not e.since for e in found):
            # "A day earlier" with no day in its sentence: before the day the text told last
            # (ru "накануне" is mostly the day before the report: left so)
            told = drafts[-1].date
            if told is not None and told.date is not None and told.precision == "day" \
                    and not (told.statement or told.report) and told.start < a:
                cand.date = replace(day, date=told.date - dt.timedelta(days=1))
        if not kinds:
            anaphoric.append(cand)
            continue
        # "Another group ...", "..., and on Tuesday another 90": an event of its own
        new = second or bool(ANOTHER.match(text, a, b))
        if new and cand.date is None and drafts and drafts[-1].date is not None:
            cand.date = drafts[-1].date             # ... on the day of the one it follows
        # a count over a week or month: a total, no event of a day (it joins none)
        cand.period = cand.date is not None and cand.date.kind == "period" and bool(
            counts or NUMBER.search(text, a, b))          # ("400 prób", "800 žmonių")
        mixed = tuple(kinds)
        if not new and drafts and _part_of(drafts[-1], cand, text, a, b):
            # "Most of them near X": the event told before, at its place (its count is part
            # of that event's, not another group's)
            if drafts[-1].migrant_counts() | drafts[-1].attempts:
                cand.counts, counted[a, b] = [], ()
            _absorb(drafts[-1], cand)
            continue
        target = None if new or cand.period else next(
            (d for d in drafts if not d.period and _types_ok(d.kind_set(), mixed)
             and _joins(d, cand)), None)
        if target is None:
            drafts.append(cand)
        else:
            _absorb(target, cand)
    if any(d.period for d in drafts) and any(
            not d.period and d.date is not None and d.date.precision == "day"
            and not d.date.report for d in drafts):
        drafts = [d for d in drafts if not d.period]    # totals beside an event of a day
    if len(drafts) > 1 and drafts[0].date is None and _in_title(text, body, drafts[0]):
        drafts = _title_to_lead(drafts)
    if drafts:
        for cand in anaphoric:
            if _joins(drafts[0], cand):
                _absorb(drafts[0], cand)
    elif anaphoric:
        drafts = [anaphoric[0]]
        for cand in anaphoric[1:]:
            _absorb(drafts[0], cand)
        drafts[0].kinds = [("other", None)]
    if ctx.anchor and not ctx.inferred and len(drafts) > 1:
        # background: an event dated weeks before the report, beside the report's own news
        recent = [d for d in drafts if not _background(d, ctx.anchor)]
        drafts = recent or drafts[:1]
    # the places an event without one of its own may take (its border area, not a capital)
    fit = [m for m in usable if (p := _place(m)).kind != "capital"
           and p.country in BORDER_COUNTRIES and _border_area(m)]
    # the capitals, for flights
    caps = [m for m in mentions if m.place is not None and m.place.kind == "capital"]
    owner: dict[tuple[int, int], int] = {}
    for i, d in enumerate(drafts):
        for s in d.sents:               # (a clause's sentence: the last event's of its clauses)
            full = sents[_sentence_at(sents, s[0])]
            owner[s], owner[full] = i, max(i, owner.get(full, i))
    nearby, capitals = _in_order(fit), _in_order(caps)
    events: list[Event] = []
    for i, d in enumerate(drafts):
        e = _finish(doc, d, i == 0, ctx, index, sents, usable, nearby, site, capitals,
                    _Later(sents, owner, i), country, actors, counted, roles, starts)
        start = min(d.sents)[0]
        ends = [b for _, b in drafts[i - 1].sents if b <= start]
        last = events[-1] if events else None
        if last is not None and e.date_evidence is None and last.date_precision == "day" \
                and ends and "\n\n" not in doc.text[max(ends):start] \
                and last.date_evidence is not None and last.date_evidence.start < start:
            # no date of its own, after an event of a day (and its date) in its paragraph:
            # the same day
            e = replace(e, date=last.date, date_precision="day", date_evidence=last.date_evidence)
        events.append(e)
    return events


def _clauses(index: TextIndex, a: int, b: int, read: tuple, actors: _Actors,
             counted: dict[tuple[int, int], tuple[Count, ...]],
             places: tuple[list[Mention], list[int] | None]) -> list[tuple]:
    """A trigger sentence as ``(start, end, kinds, triggers, dates, counts, second)``, or its
    clauses when a later clause tells another group with its count ("On Monday Lithuania
    pushed back 180 migrants near Medininkai, and on Tuesday another 90 near Dieveniškės",
    "a we wtorek kolejne 90", "а во вторник ещё 90", "und am Dienstag weitere 90", "o
    antradienį dar 90"; the clause before has a trigger and a count): each clause its own
    day, count and place; a clause without a trigger of its own is of the first clause's
    kinds and its count of the sentence's subject (``read``: the sentence's kinds, triggers,
    dates and counts). A contrasting clause ("..., while 26 were detained near X", "..., bet
    pie Indras ... trīs migrantus"; ``CLAUSE_BUT``) with a trigger, a count and a place below a
    region of its own (``places``: the usable mentions) is cut off the same way."""
    kinds, ev, found, counts = read
    text, lo = index.text, a
    out: list[tuple] = []
    cuts: list[tuple[int, re.Match | None]] = []
    for m in index.find(SECOND, a, b):
        clause = CLAUSE_AND.search(text, max(lo, m.start() - 60), m.start())
        if clause is not None and any(lo <= e.start < clause.start() for e in ev) \
                and any(lo <= c.evidence.start < clause.start() for c in counts):
            cuts.append((clause.start(), m))
            lo = clause.start()
    if len(counts) > 1:
        cuts = _contrasts(index.text, a, b, ev, counts, cuts, places)
    if not cuts:
        return [(a, b, kinds, ev, found, counts, False)]
    subject = next((c.subject for c in counts), "migrants")
    bounds = [a] + [p for p, _ in cuts] + [b]
    for n, (s, e) in enumerate(zip(bounds, bounds[1:])):
        own_kinds, own_ev, _ = _sentence_kinds(index, s, e, actors)
        mine = [c for c in counts if s <= c.evidence.start < e]
        cut = cuts[n - 1][1] if n else None
        if n and cut is None:               # a contrasting clause: its own everything
            if not own_kinds:
                own_kinds = out[0][2]
        elif cut is not None:
            m = cut
            if not own_kinds:           # "and on Tuesday another 90 near X": the first's kinds
                own_kinds, own_ev = out[0][2], [Evidence(m.start(), m.end(), m.group(0),
                                                         text[s:e])]
            if not any(s <= c.evidence.start < e for c in mine):
                mine = [Count(int(re.sub(r"[ ,.]", "", m.group(1))), subject,
                              Evidence(m.start(), m.end(), m.group(0), text[s:e]))]
        elif not own_kinds:
            return [(a, b, kinds, ev, found, counts, False)]
        counted[s, e] = tuple(mine)
        out.append((s, e, own_kinds, own_ev, [d for d in found if s <= d.start < e], mine, n > 0))
    return out


def _contrasts(text: str, a: int, b: int, ev: list[Evidence], counts: list[Count],
               cuts: list[tuple[int, re.Match | None]],
               places: tuple[list[Mention], list[int] | None]
               ) -> list[tuple[int, re.Match | None]]:
    """``cuts`` and the contrasting clauses of the sentence ``a``..``b`` (``CLAUSE_BUT``) that
    tell another group: a trigger and a count before it (since the cut before), a trigger, a
    count and a place below a region after it (up to the next cut)."""
    out = list(cuts)
    for m in CLAUSE_BUT.finditer(text, a, b):
        p = m.start()
        lo = max([a] + [q for q, _ in out if q < p])
        hi = min([b] + [q for q, _ in out if q > p])
        if all(any(s <= e.start < t for e in ev) and any(s <= c.evidence.start < t for c in counts)
               for s, t in ((lo, p), (p, hi))) \
                and any(kind_rank(_place(x)) <= 2 for x in _within(*places, p, hi)):
            out.append((p, None))
    return sorted(out, key=lambda c: c[0])


def _sentence_at(sents: list[tuple[int, int]], pos: int) -> int:
    """The number of the sentence (of those in text order) that ``pos`` lies in or after."""
    return bisect.bisect_right(sents, (pos, 1 << 62)) - 1


def _in_title(text: str, body: int, d: _Cand) -> bool:
    """Whether all of a draft's sentences lie in the body's first line, a title (followed by
    a blank line or another line, not ending in a full stop)."""
    end = text.find("\n", body)
    line = text[body:end].strip() if end >= 0 else ""
    return bool(line) and len(line) <= 200 and not line.endswith((".", "!", "?")) \
        and all(b <= end for _, b in d.sents)


def _title_to_lead(drafts: list[_Cand]) -> list[_Cand]:
    """A title's undated event joins the first later event of a compatible type and the same
    number of migrants, which becomes the primary event: the title sums up the lead ("W Bugu
    utonął migrant" over "w sobotę z rzeki Bug w okolicach Sławatycz wyłowiono ciało"). The
    lead's place stands when it names one; otherwise the title's. A title whose only trigger
    is a fence or wall names where the lead's event happened: it joins the lead whatever its
    type, and the lead's type comes first."""
    title = drafts[0]
    fence = set(title.kind_set()) == {_BARRIER}     # "... injured at border fence near X"
    lead = next((d for d in drafts[1:] if (fence or _types_ok(d.kind_set(), title.kind_set()))
                 and not (title.migrant_counts() and d.migrant_counts()
                          and not title.migrant_counts() & d.migrant_counts())), None)
    if lead is None:
        return drafts
    mentions = lead.mentions if _local(lead) is not None else title.mentions + lead.mentions
    kinds = lead.kinds + title.kinds if fence else title.kinds + lead.kinds
    merged = _Cand(title.sents + lead.sents, kinds,
                   title.triggers + lead.triggers, lead.date, mentions, title.hints | lead.hints,
                   title.counts + lead.counts)
    return [merged] + [d for d in drafts[1:] if d is not lead]


def _in_order(mentions: list[Mention]) -> tuple[list[Mention], list[int] | None]:
    """``mentions`` with their starts when these are in text order (for ``_within``)."""
    starts = [m.start for m in mentions]
    return mentions, (None if any(x > y for x, y in zip(starts, starts[1:])) else starts)


def _background(d: _Cand, anchor: dt.date) -> bool:
    """An event whose own date lies more than ``BACKGROUND_DAYS`` before the report date."""
    return bool(d.date and d.date.date and not d.date.statement
                and (anchor - d.date.date).days > BACKGROUND_DAYS)


def _local(d: _Cand) -> Place | None:
    """The best place of a draft below country level (for comparisons inside a document):
    ``best_place`` of those mentions, tallied as the draft takes more (the first of equally
    good mentions, as ``min`` gives)."""
    for n in range(d.seen, len(d.mentions)):
        m = d.mentions[n]
        p = _place(m)
        if p.country in BORDER_COUNTRIES and kind_rank(p) < 4 and p.kind != "capital":
            d.tally[p.id] += 1
            if p.id not in d.first or m.start < d.first[p.id][0].start:
                d.first[p.id] = (m, n)
    d.seen = len(d.mentions)
    if not d.first:
        return None
    m, _ = min(d.first.values(), key=lambda f: (kind_rank(f[0].place), -d.tally[f[0].place.id],
                                                f[0].start, f[1]))
    return m.place


_types_ok = functools.lru_cache(maxsize=4096)(types_ok)     # on tuples of kinds


def _joins(d: _Cand, c: _Cand) -> bool:
    """Same day (when both have one), places within 25 km, no disjoint EU sides, and no
    other number of migrants or attempts (another number is another group)."""
    mine, theirs = d.migrant_counts() | d.attempts, c.migrant_counts() | c.attempts
    return (dates_ok(_when(d.date), _when(c.date), day_tol=0)
            and places_ok(_local(d), _local(c), 25.0)
            and not (d.hints and c.hints and not d.hints & c.hints)
            and not (mine and theirs and not mine & theirs))


def _part_of(d: _Cand, c: _Cand, text: str, a: int, b: int) -> bool:
    """Whether the sentence ``a``..``b`` of ``c`` breaks down the event ``d`` told before it
    ("Most of them near Kabeliai", "Najwięcej, bo 40, w rejonie X", "Daugiausia – 21 – prie
    X"): a compatible type, the same day, no number above the event's."""
    if d.period or not MOST.match(text, a, b) or not _types_ok(d.kind_set(), c.kind_set()) \
            or not dates_ok(_when(d.date), _when(c.date), day_tol=0):
        return False
    mine, theirs = d.migrant_counts() | d.attempts, c.migrant_counts() | c.attempts
    return not (mine and theirs and max(theirs) > max(mine))


def _absorb(d: _Cand, c: _Cand) -> None:
    d.attempts |= c.attempts
    d.sents += c.sents
    d.kinds += c.kinds
    d.triggers += c.triggers
    d.mentions += c.mentions
    d.hints |= c.hints
    d.counts += c.counts
    if c.date and (d.date is None or _date_rank(c.date) < _date_rank(d.date)):
        d.date = c.date


def _reported(text: str, d: _Cand, sents: list[tuple[int, int]], ctx: DateContext,
              taken: "_Later") -> DateExpr | None:
    """The date of the report of an event that has no date of its own, from the sentence
    after it ("This was reported on November 18"), when that sentence is no other event's."""
    last = _sentence_at(sents, max(d.sents)[0])          # sents: in text order
    if last + 1 >= len(sents) or sents[last + 1] in taken:
        return None
    a, b = sents[last + 1]
    return next((e for e in find_dates(text, a, b, ctx)
                 if e.statement and e.date and not e.since), None)


def _told_next(text: str, d: _Cand, sents: list[tuple[int, int]], ctx: DateContext,
               taken: "_Later", bound: dt.date | None,
               nearby: tuple[list[Mention], list[int] | None],
               named: tuple[list[Mention], list[int] | None]) -> DateExpr | None:
    """The day the sentence after an event tells it happened, for an event dated only by a
    statement or not at all ("A migrant died …, the border guard said on Friday. The man was
    found on Thursday morning near Sztabin"): that sentence's first event date of a day, up
    to a week before ``bound`` (the statement's date, else the anchor), when that sentence is
    no other event's, earlier or later, and names a place of the border area, or its weekday
    and no place but a country ("The men had tried to swim across from Belarus on Thursday
    night", a whole sentence; not a date line, a stray fragment or "the minister spoke in
    Warsaw"); ``named``:
    the document's places (with their starts when in text order)."""
    last = _sentence_at(sents, max(d.sents)[0])          # sents: in text order
    if bound is None or last + 1 >= len(sents) or taken.others(sents[last + 1][0]):
        return None
    a, b = sents[last + 1]
    placed = bool(_within(*nearby, a, b))
    told = next((e for e in find_dates(text, a, b, ctx)
                 if e.date and e.precision == "day" and not (e.statement or e.report or e.since)
                 and (placed or e.kind == "weekday") and 0 <= (bound - e.date).days <= 7), None)
    if told is not None and not placed and (
            text[a:b].rstrip()[-1:] not in (".", "!", "?")      # (a cut line)
            or any(_place(m).kind != "country" for m in _within(*named, a, b))):
        return None
    return told


class _Spans:
    """Spans of a text, for asking whether an offset lies in one of them (bisection)."""

    def __init__(self, spans: list[tuple[int, int]]):
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            elif a < b:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def holds(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]


@dataclass
class _Roles:
    """What some of a document's places are besides places: border-guard stations and units
    (ids of their mentions: an event's place only when its sentences name no other place
    below a region, units after stations) and the dateline's place (``_report_place``)."""

    stations: set[int]
    units: set[int]
    dateline: Mention | None


class _Later:
    """The sentences of the events after the ``after``-th of a document (with ``others``: of
    every other event; ``owner``: the number of the event of each event sentence;
    ``sents``: the sentences in text order)."""

    def __init__(self, sents: list[tuple[int, int]], owner: dict[tuple[int, int], int],
                 after: int):
        self.sents, self.owner, self.after = sents, owner, after

    def __contains__(self, sent: tuple[int, int]) -> bool:
        return self.owner.get(sent, -1) > self.after

    def holds(self, pos: int) -> bool:
        """Whether ``pos`` lies in one of those sentences."""
        k = bisect.bisect_right(self.sents, (pos, 1 << 62)) - 1
        return k >= 0 and pos < self.sents[k][1] and self.sents[k] in self

    def others(self, pos: int) -> bool:
        """Whether ``pos`` lies in a sentence of any other event, earlier or later."""
        k = bisect.bisect_right(self.sents, (pos, 1 << 62)) - 1
        return k >= 0 and pos < self.sents[k][1] \
            and self.owner.get(self.sents[k], self.after) != self.after


def _border_area(m: Mention) -> bool:
    return m.border is None or m.border.distance_km <= BORDER_AREA_KM


def _country(d: _Cand, usable: list[Mention]) -> Mention | None:
    """The country of an event whose text names no place for it: the EU side its sentences
    name ("Polish forces"), else the border country the document names most (EU side first)."""
    found = [(m, c) for m in usable if (p := _place(m)).kind == "country"
             and (c := p.country) is not None and c in BORDER_COUNTRIES]
    if not found:
        return None
    votes = Counter(c for _, c in found)
    best = max(votes, key=lambda c: (c in d.hints, c != "BY", votes[c], -ord(c[0])))
    return next(m for m, c in found if c == best)


def _finish(doc: Document, d: _Cand, primary: bool, ctx: DateContext, index: TextIndex,
            sents: list[tuple[int, int]], usable: list[Mention],
            nearby: tuple[list[Mention], list[int] | None],
            site: Callable[..., Mention] | None,
            capitals: tuple[list[Mention], list[int] | None],
            taken: "_Later",
            country: Callable[..., Mention | None] | None,
            actors: _Actors, counted: dict[tuple[int, int], tuple[Count, ...]],
            roles: "_Roles", starts: list[int] | None = None) -> Event:
    """The Event of a draft; ``taken``: the sentences of the document's later events, whose
    places are theirs (a later sentence may go on at an earlier event's place, not the
    reverse); ``nearby``: the document's places an event may take (with their starts when in
    text order); ``capitals``: the document's capitals (the same way); ``actors`` and
    ``counted``: the actors and counts of sentences already read; ``roles``: stations, units
    and the dateline's place)."""
    text = doc.text
    kind = d.kinds[0]
    fit, fit_starts = nearby
    own = [m for m in d.mentions if _place(m).country in BORDER_COUNTRIES]
    if kind == ("other", "flight"):        # a flight "from Minsk": the capital's airport
        mine = _Spans(d.sents)
        caps, cap_starts = capitals
        own += [m for a, b in zip(mine.starts, mine.ends) for m in _within(caps, cap_starts, a, b)
                ] if cap_starts is not None else [m for m in caps if mine.holds(m.start)]
    else:                                  # a border-area place before one far inland
        own = [m for m in own if _border_area(m)] or own
    stations, units = roles.stations, roles.units
    if any(id(m) in units for m in own) and any(
            id(m) not in units and kind_rank(_place(m)) <= 2 for m in own):
        own = [m for m in own if id(m) not in units]       # another place than the unit's
    if any(id(m) in stations for m in own) and any(
            id(m) not in stations and kind_rank(_place(m)) <= 2 for m in own):
        own = [m for m in own if id(m) not in stations]    # another place than the station's
    place, in_event = best_place(own), True
    # an order or statement: the state's own, at a place only its own sentences name (not
    # another event's, nor one named anywhere in the document)
    state = kind == ("statement_or_order", None)
    if place is None or kind_rank(_place(place)) >= 3:
        idx = [_sentence_at(sents, s[0]) for s in d.sents]         # sents: in text order
        # the sentences around, then the document's places in the border area (not a city
        # named in passing far away)
        widths = (1, 2) if state else (1, 2, len(sents))
        busy = taken.others if state else taken.holds
        for width in widths:
            around = _Spans([(sents[max(0, i - width)][0], sents[min(len(sents) - 1, i + width)][1])
                             for i in idx])
            near = [m for a, b in zip(around.starts, around.ends)
                    for m in _within(fit, fit_starts, a, b)
                    if kind_rank(_place(m)) <= 2 and not busy(m.start)]
            best = best_place(near)
            if best is not None:
                place, in_event = best, False
                break
    dateline = roles.dateline
    if dateline is not None and kind != ("other", "flight") and (
            place is None or kind_rank(_place(place)) >= 3) and (
            not d.hints or _place(dateline).country in d.hints):
        place, in_event = dateline, False      # "KUZNICA, Poland (Reuters) - ... at the crossing"
    a0, b0 = d.sents[0]
    first = [m for m in own if _place(m).kind == "country" and a0 <= m.start < b0]
    if place is None or (kind_rank(_place(place)) >= 4 and not first):
        # no place, or a country named only in a later sentence: the event's country
        place, in_event = _country(d, usable) or place, False
        if place is None and country is not None and len(d.hints) == 1:
            # no place at all: the country its sentences name by an adjective (a title's
            # event: in the lead's sentence, "Lithuanian border guards turned back ...")
            adjective = next((hit for s, e in sorted(d.sents)
                              if (hit := index.search(_NAT_ANY, s, e))), None)
            if adjective:
                place = country(doc, adjective.start(), adjective.end(), next(iter(d.hints)))
        if place is None and country is not None and not d.hints:
            # ... or by its border guard's name ("Straż Graniczna odnotowała", "VSAT")
            agency = next((hit for s, e in sorted(d.sents) if (hit := index.search(AGENCY, s, e))),
                          None)           # (a title's event: in the lead's sentence)
            if agency:
                place = country(doc, agency.start(), agency.end(), agency.lastgroup)
    elif kind_rank(_place(place)) >= 4:
        # countries of its first sentence ("into Belarus from Lithuania"): the EU side named
        place = _country(d, first) or place
    station = place is not None and id(place) in stations
    if place is not None and site is not None:
        place = site(place, flight=kind == ("other", "flight"))
    date, prec, date_ev = None, None, None
    when = d.date or _reported(text, d, sents, ctx, taken)
    if when is None or (when.statement or when.report) and when.precision == "day":
        when = _told_next(text, d, sents, ctx, taken,
                          when.date if when is not None else ctx.anchor, nearby,
                          (usable, starts)) or when
    if when:
        # a statement's date ("said on Monday", "this was reported on November 18") only
        # bounds the event: it happened by then
        date = when.date
        prec = "week" if when.statement and when.precision == "day" else when.precision
        a, b = sents[bisect.bisect_right(sents, (when.start, len(text) + 1)) - 1]
        date_ev = Evidence(when.start, when.end, when.text, text[a:b])
    elif ctx.anchor:
        date, prec = ctx.anchor, "week"
    counts: list[Count] = []
    named, claims = [], []
    for a, b in sorted(d.sents):
        got = counted.get((a, b))
        counts += _counts(index, a, b) if got is None else got
        named += [x for x in actors.of(a, b) if x]
        claims += _sources(index, a, b)
    return Event(doc=doc, type=kind[0], subtype=kind[1],
                 kinds=tuple(dict.fromkeys(d.kinds)), date=date,
                 date_precision=prec, place=place,
                 geo_precision=_geo_precision(place, in_event and not station)
                 if place else None,
                 counts=tuple(counts), actors=tuple(dict.fromkeys(named)),
                 claim_sources=tuple(dict.fromkeys(claims)), triggers=tuple(d.triggers),
                 date_evidence=date_ev, primary=primary,
                 year_assumed=date is not None and ctx.year_assumed)
