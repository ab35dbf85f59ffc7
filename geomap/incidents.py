"""Incidents: the events a document reports (type, date, place, counts, actors, claim
source), merged across documents. Rules and lexicons are documented in docs/incidents.md.

Per document, every sentence with a trigger word is a candidate; candidates of compatible
types whose dates and places agree form one event. The document's first event is its
``primary`` one. Events of different documents that agree on type, date and place become one
Incident, which keeps every source and every disagreeing value (dates, counts).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .dates import DateContext, DateExpr, batch_year, document_context, find_dates
from .geodesy import BORDER_COUNTRIES, haversine_km
from .model import BorderRelation, Document, Mention, Place
from .sites import AIRPORT_AFTER, AIRPORT_BEFORE
from .texts import parse_header, sentence_spans

TYPES = ("pushback", "crossing", "border_violation", "detention", "death", "statement_or_order",
         "other")
BORDER_GROUP = frozenset({"pushback", "crossing", "border_violation"})
PRECISION_DAYS = {"day": 1, "week": 6, "month": 31}
KIND_RANK = {"crossing": 0, "camp": 0, "village": 0, "airport": 0, "town": 1, "city": 1, "other": 1,
             "district": 2, "capital": 2, "region": 3, "country": 4}

# (type, subtype, pattern): en, ru, pl, de, lt stems; matched case-insensitively at a word start.
TRIGGERS: list[tuple[str, str | None, str]] = [
    ("pushback", None,
     r"push(?:ed|ing|es)?\s+(?:\S+\s+){0,5}?(?:back|over|across|into|out)\b|push-?backs?|"
     r"turn(?:ed|ing|s)?\s+(?:\S+\s+){0,3}?(?:back|away)\b|sen[dt](?:ing)?\s+(?:\S+\s+){0,3}?back|"
     r"expel\w*|expulsion|forcibly\s+(?:expelled|pushed|returned|removed)|oust\w*|"
     r"prevent\w*\s+.{0,50}?\bfrom\s+(?:attempting\s+to\s+)?(?:cross|enter)|"
     r"remov\w*\s+(?:\S+\s+){0,3}?migrants|(?:refused|denied)\s+entry|"
     r"выдвор\w*|вытолк\w*|выталкива\w*|развернул\w*|не\s+пропуст\w*|отказа\w*\s+во\s+въезде|"
     r"wypchn\w*|wypycha\w*|zawróc\w*|zawraca\w*|odesła\w*|odsyła\w*|zepchn\w*|"
     r"zurückgedrängt|zurückgeschoben|zurückgewiesen|zurückgeschickt|abgewiesen|"
     r"apgręž\w*|išstum\w*|grąžin\w*|neįleid\w*"),
    ("border_violation", None,
     r"violat\w*\s+(?:\S+\s+){0,3}?border|violation\s+of\s+(?:\S+\s+){0,3}?(?:border|airspace)|"
     r"border\s+violations?|incursion\w*|наруш\w*\s+(?:\S+\s+)?границ\w*|"
     r"narusz\w*\s+(?:\S+\s+)?granic\w*|grenzverletzung\w*|verletz\w*\s+(?:\S+\s+)?grenze|"
     r"pažeid\w*\s+(?:\S+\s+)?sien\w*|sienos\s+pažeidim\w*"),
    ("crossing", None,
     r"cross(?:ed|ing|es)?\s+(?:\S+\s+){0,3}?(?:border|into|over|to)\b|"
     r"illegal(?:ly)?\s+(?:cross\w*|"
     r"entry|enter\w*)|(?:tried|attempt\w*|trying)\s+to\s+(?:cross|enter|break|storm|force)|"
     r"forc(?:e|ed|ing)\s+the\s+border|storm\w*\s+the\s+border|broke\s+through|trespass\w*|"
     r"пересе[кч]\w*|прорв\w*|прорыв\w*|перебра\w*|проник\w*|przekrocz\w*|przekracza\w*|"
     r"sforsow\w*|forsow\w*|szturm\w*|przedost\w*|überquer\w*|grenzübertritt\w*|"
     r"illegal\s+eingereist|durchbr\w*|kirt\w*\s+(?:\S+\s+){0,2}?sien\w*|kerta\w*\s+sien\w*|"
     r"neteisėtai\s+(?:kirt|patek|atvyk)\w*"),
    ("detention", None,
     r"detain(?:ed|s|ing)?\b|detention|apprehend\w*|arrest(?:ed|s)?\b|caught|took\s+into\s+custody|"
     r"stopped\s+(?:\S+\s+){0,3}?(?:migrants|people|persons|refugees|foreigners)|задерж\w*|"
     r"zatrzym\w*|festgenommen|festnahme\w*|aufgegriffen|sulaik\w*"),
    ("death", None,
     r"(?:found\s+)?dead\b|died|deaths?\b|bod(?:y|ies)\b|killed|drown\w*|froze\s+to\s+death|"
     r"hypotherm\w*|погиб\w*|умер\w*|скончал\w*|тел[оа]\b|смерт\w*|мертв\w*|zmarł\w*|"
     r"nie\s+żyje|ciał[oa]\b|zwłok\w*|śmier[ćc]\w*|martw\w*|utonęł\w*|utonął|tote[nr]?\b|"
     r"gestorben|starb\w*|leiche\w*|ums\s+leben|ertrunken|erfroren|mirė|mirt\w*|žuv[oę]\w*|"
     r"kūn[ao]s?\b|negyv\w*"),
    ("statement_or_order", None,
     r"state\s+of\s+emergency|emergency\s+(?:situation|regime)|"
     r"order(?:ed|s)?\s+(?:\S+\s+){0,5}?to\b|"
     r"decree\w*|declar\w*\s+(?:a\s+|the\s+)?(?:state|emergency)|suspen\w*|"
     r"clos(?:e|ed|ing|ure)\s+(?:\S+\s+){0,3}?(?:border|checkpoint|crossing)|diplomatic\s+note|"
     r"summon\w*|чрезвычайн\w*\s+положени\w*|режим\w*\s+чс|приказ\w*|указ\b|распоряд\w*|"
     r"закры\w*\s+(?:\S+\s+)?(?:границ|пункт|переход)\w*|приостанов\w*|stan\w*\s+wyjątkow\w*|"
     r"rozporządzeni\w*|nakaz\w*|zarządzi\w*|zamkn\w*\s+(?:\S+\s+)?(?:granic|przejści)\w*|"
     r"zawiesz\w*|ausnahmezustand\w*|angeordnet|ordnete\w*|verhängt\w*|schließung\w*|"
     r"ausgesetzt|protestnote|nepaprast\w*\s+padėt\w*|ekstremal\w*\s+situacij\w*|įsak\w*|"
     r"uždar\w*|sustabd\w*"),
    ("other", "camp", r"camp(?:s|ed|ing)?\b|encamp\w*|лагер\w*|obozowisk\w*|obóz\w*|koczow\w*|"
                      r"lager\b|zeltlager|stovykl\w*"),
    ("other", "clash", r"riot(?:s|ed|ing)?\b(?!\s+(?:gear|police|shields?|control))|unrest|"
                       r"disturbances?|clash\w*|tear\s+gas|throw\w*\s+(?:of\s+)?"
                       r"stones|protest(?:s|ed|ing)?\b(?!\s+against)|hunger\s+strike|"
                       r"water\s+cannon\w*|беспоряд\w*|столкнов\w*|слезоточив\w*|zamieszk\w*|"
                       r"starci\w*|gaz\w*\s+łzawi\w*|unruhen|krawall\w*|zusammenstö\w*|tränengas|"
                       r"wasserwerfer|riaušė\w*|neramum\w*|susirėm\w*|ašarin\w*\s+duj\w*"),
    ("other", "barrier", r"razor\s+wire|concertina|fenc(?:e|es|ed|ing)\b|забор\w*|огражден\w*|"
                         r"колюч\w*\s+проволок\w*|ogrodzeni\w*|płot\w*|zasiek\w*|zaun\w*|"
                         r"grenzzaun\w*|stacheldraht\w*|tvor\w*|spygliuot\w*|koncertin\w*"),
    ("other", "flight", r"flights?\s+(?:from|to)\b|arriv\w*\s+in\b|рейс\w*|lot\w*\s+z\b|flug\w*|"
                        r"flüge|skryd\w*"),
    ("other", "escape", r"escap\w*|fled\b|pabėg(?!ėl)\w*|сбежа\w*|uciek\w*|geflohen|flohen"),
]
ANAPHORIC = re.compile(r"\b(?:incident\w*|provocation\w*|инцидент\w*|провокац\w*|incydent\w*|"
                       r"prowokac\w*|vorfall\w*|zwischenfall\w*|provokation\w*|provokacij\w*)",
                       re.I)
AGGREGATE = re.compile(r"\b(?:so far this year|this year|since the (?:beginning|start)|since the "
                       r"\w+ (?:began|started)|a total of|in total|in 20\d\d\b|(?:the )?number of|"
                       r"(?:increase|rise|surge|growth) in|"
                       r"с начала года|в этом году|od początku roku|w tym roku|seit jahresbeginn|"
                       r"in diesem jahr|nuo metų pradžios|šiais metais)", re.I)
NEAR = re.compile(r"(?:near|close to|outside|vicinity of|not far from|around|from|вблизи|возле|"
                  r"около|под|недалеко от|w pobliżu|koło|niedaleko|pod|w okolicach|bei|nahe|"
                  r"in der nähe von|unweit|netoli|prie|ties)\s+(?:(?:the|of|village|town|city|"
                  r"of the|crossing|checkpoint|camp|деревни|села|погранперехода|пункта|wsi|"
                  r"miejscowości|dorf|kaimo)\s+)*$", re.I)
LOCATIVE = re.compile(r"\b(?:in|at|near|outside|around|в|во|под|около|w|we|pod|koło|im|bei|"
                      r"nahe|ties|prie)\s+(?:the\s+)?$", re.I)

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a dozen": 12, "fifteen": 15, "twenty": 20,
    "fifty": 50, "a hundred": 100, "два": 2, "две": 2, "двое": 2, "три": 3, "трое": 3, "пять": 5,
    "шесть": 6, "десять": 10, "двенадцать": 12, "dwóch": 2, "trzech": 3, "pięciu": 5,
    "sześciu": 6, "dziesięciu": 10, "dwunastu": 12, "tuzin": 12, "zwei": 2, "drei": 3, "fünf": 5,
    "sechs": 6, "zehn": 10, "zwölf": 12, "dutzend": 12, "ein dutzend": 12, "du": 2, "tris": 3,
    "penkis": 5, "šešis": 6, "dešimt": 10, "dvylika": 12,
}
SUBJECTS = {
    "migrants": r"migrant\w*|people|persons|refugees|foreigners|asylum\s+seekers|iraqis|syrians|"
                r"afghans|citizens|men|women|children|minors|trespassers|individuals|мигрант\w*|"
                r"человек|беженц\w*|иностран\w*|нелегал\w*|детей|граждан\w*|osób|osoby|"
                r"cudzoziem\w*|uchodźc\w*|dzieci|menschen|personen|flüchtling\w*|kinder|"
                r"asmen\w*|pabėgėl\w*|užsienieč\w*|irakieč\w*|vaik\w*|nelegal\w*",
    "officers": r"officers|guards|officials|soldiers|troops|policemen|servicemen|agents|"
                r"пограничник\w*|военн\w*|сотрудник\w*|силовик\w*|funkcjonariusz\w*|"
                r"żołnierz\w*|strażnik\w*|policjant\w*|beamte\w*|soldaten|grenzschützer\w*|"
                r"polizisten|pareigūn\w*|pasienieč\w*|kari\w*",
}
_NUM = r"\d{1,3}(?:[ ,.]\d{3})+|\d+|" + "|".join(sorted(map(re.escape, NUMBER_WORDS), key=len,
                                                         reverse=True))
COUNT = re.compile(r"\b(" + _NUM + r")\s+(?:[\w’'-]+\s+){0,3}?(?:(?P<migrants>"
                   + SUBJECTS["migrants"] + r")|(?P<officers>" + SUBJECTS["officers"] + r"))\b",
                   re.I)
NATIONALITY = {
    "Belarusian": r"belarus\w*|белорус\w*|białorus\w*|weißruss\w*|belarussisch\w*|baltarus\w*",
    "Lithuanian": r"lithuanian|литов\w*|litewsk\w*|litauisch\w*|lietuv\w*",
    "Polish": r"polish|польск\w*|polsk\w*|polnisch\w*|lenk\w*",
    "Latvian": r"latvian|латвий\w*|łotewsk\w*|lettisch\w*|latvi\w*",
}
ACTOR_NOUNS = {
    "border guards": r"border\s+guards?|border\s+service|guards|пограничник\w*|погранслужб\w*|"
                     r"straż\w*\s+graniczn\w*|strażnik\w*|grenzschützer\w*|grenzschutz\w*|"
                     r"pasienieč\w*",
    "officers": r"officers|officials|special\s+forces|servicemen|сотрудник\w*|силовик\w*|"
                r"funkcjonariusz\w*|beamte\w*|pareigūn\w*",
    "soldiers": r"soldiers|troops|army|military|военн\w*|żołnierz\w*|wojsk\w*|soldaten|armee|"
                r"kari\w*|kariuomen\w*",
    "police": r"police\w*|полици\w*|polic\w*|polizei\w*|policij\w*",
    "authorities": r"authorities|government|власт\w*|władz\w*|behörden|valdži\w*",
}
ACTOR = re.compile(r"\b(?:(?P<nat>" + "|".join(NATIONALITY.values()) + r")\s+(?:[\w-]+\s+){0,2}?)"
                   r"(?P<noun>" + "|".join(ACTOR_NOUNS.values()) + r")\b", re.I)
SOURCE = re.compile(
    r"(?:according to|(?:as )?reported by|по данным|по словам|według|laut|pasak)\s+"
    r"(?P<a>[^,.;:\"“”]{3,60})"
    r"|(?P<b>(?:[\w’'-]+\s+){0,4}?(?:service|ministry|guards?|police|committee|minister|"
    r"spokes\w+|office|agency|army|government|authorities|VSAT|SBGS))(?:[’']s)?\s+"
    r"(?:has\s+|have\s+)?(?:said|says|reported|stated|announced|claimed|told)", re.I)

_TRIGGER_RX = [(t, s, re.compile(r"\b(?:" + p + ")", re.I)) for t, s, p in TRIGGERS]
_NAT_RX = [(k, re.compile(r"(?:" + v + r")$", re.I)) for k, v in NATIONALITY.items()]
_NOUN_RX = [(k, re.compile(r"(?:" + v + r")$", re.I)) for k, v in ACTOR_NOUNS.items()]
_CLAUSE = re.compile(r"\s+(?:according|which|who|that|to|while)\b.*", re.I | re.S)
_FUNCTION_WORDS = {"the", "that", "and", "but", "as", "while", "a", "an", "on", "in", "after",
                   "its", "their", "said", "of"}
_NAT_CODE = [(c, re.compile(NATIONALITY[n], re.I)) for c, n in (
    ("BY", "Belarusian"), ("LT", "Lithuanian"), ("PL", "Polish"), ("LV", "Latvian"))]
_NAT_ANY = re.compile(r"\b(?:" + "|".join(NATIONALITY.values()) + ")", re.I)
PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+\s+)?(?:brought|crossed|entered|arrived|reached)\b",
                     re.I)
BIG_NUMBER = re.compile(r"\b\d{1,3}(?:[ ,.]\d{3})+\b|\b\d{4,}\b")


@dataclass(frozen=True)
class Evidence:
    """A span of a document that supports a field of an event."""

    start: int
    end: int
    text: str
    sentence: str


@dataclass(frozen=True)
class Count:
    """A number of people with their subject ("35 migrants": 35, "migrants")."""

    value: int
    subject: str                   # migrants or officers
    evidence: Evidence


@dataclass(frozen=True)
class Event:
    """One event as one document reports it."""

    doc: Document
    type: str                      # one of TYPES
    subtype: str | None            # for "other": camp, clash, barrier, flight, escape
    kinds: tuple[tuple[str, str | None], ...]  # every (type, subtype) its triggers suggest
    date: dt.date | None
    date_precision: str | None     # day, week, month (None with no date)
    place: Mention | None          # the most specific place tied to it
    geo_precision: int | None      # ACLED: 1 the place, 2 near it / district, 3 region/country
    counts: tuple[Count, ...]
    actors: tuple[str, ...]        # "Belarusian officers"
    claim_sources: tuple[str, ...]  # "Lithuania's border guard service"
    triggers: tuple[Evidence, ...]
    date_evidence: Evidence | None
    primary: bool                  # the document's main event (one per document)

    @property
    def types(self) -> tuple[str, ...]:
        """Every type its triggers suggest, first the main one."""
        return tuple(dict.fromkeys(k[0] for k in self.kinds))

    @property
    def summary(self) -> str:
        """The sentence of the first trigger."""
        return self.triggers[0].sentence if self.triggers else ""


@dataclass(frozen=True)
class Incident:
    """Events of one or more documents judged to be the same real-world event.

    ``date``/``place`` are the best-supported values (day beats week beats month, then the
    majority; the most specific place); ``events`` keep every source's own values.
    """

    id: str
    type: str
    subtype: str | None
    date: dt.date | None
    date_precision: str | None
    place: Place | None
    geo_precision: int | None
    border: BorderRelation | None
    events: tuple[Event, ...]

    @property
    def dates(self) -> list[str]:
        """Every distinct date the sources give."""
        return sorted({e.date.isoformat() for e in self.events if e.date})

    @property
    def counts(self) -> dict[str, list[int]]:
        """Distinct numbers per subject over the sources, as reported (not averaged)."""
        out: dict[str, list[int]] = {}
        for e in self.events:
            for c in e.counts:
                if c.value not in out.setdefault(c.subject, []):
                    out[c.subject].append(c.value)
        return out

    @property
    def actors(self) -> list[str]:
        return list(dict.fromkeys(a for e in self.events for a in e.actors))

    @property
    def claim_sources(self) -> list[str]:
        return list(dict.fromkeys(s for e in self.events for s in e.claim_sources))


@dataclass
class _Cand:
    """A trigger sentence (or several, once merged) of one document."""

    sents: list[tuple[int, int]]
    kinds: list[tuple[str, str | None]]
    triggers: list[Evidence]
    date: DateExpr | None
    mentions: list[Mention] = field(default_factory=list)
    hints: set[str] = field(default_factory=set)

    @property
    def place(self) -> Mention | None:
        return _best_place(self.mentions)


def _kind_rank(p: Place) -> int:
    return KIND_RANK.get(p.kind, 1)


def _place_key(m: Mention, counts: Counter) -> tuple:
    p = m.place
    assert p is not None
    return (p.country not in BORDER_COUNTRIES, _kind_rank(p), -counts[p.id], m.start)


def _best_place(mentions: list[Mention]) -> Mention | None:
    if not mentions:
        return None
    counts = Counter(m.place.id for m in mentions if m.place)
    return min(mentions, key=lambda m: _place_key(m, counts))


def _usable(m: Mention) -> bool:
    """Resolved, not in an organisation's name, not a dateline, not a capital as metonym."""
    if m.place is None or m.in_org:
        return False
    text, after = m.doc.text, m.doc.text[m.end:m.end + 3].lstrip()
    if m.text.isupper() and len(m.text) > 3 and after[:1] in ("(", ",", "–", "-", "—", ":", "/"):
        return False
    if m.place.kind == "capital":
        return bool(LOCATIVE.search(text, max(0, m.start - 20), m.start)
                    or AIRPORT_AFTER.match(text, m.end)
                    or AIRPORT_BEFORE.search(text, max(0, m.start - 40), m.start))
    return True


def _date_rank(e: DateExpr) -> tuple:
    """Event dates before statement dates before report (dateline) dates; "a day earlier"
    first; then by precision."""
    return (2 if e.report else int(e.statement), {"offset": 0}.get(e.kind, 1),
            ("day", "week", "month").index(e.precision))


def _when(e: DateExpr | None) -> tuple[dt.date | None, str | None]:
    """(date, precision) for comparisons: a statement or report date only bounds the event."""
    if e is None:
        return None, None
    return e.date, "week" if (e.statement or e.report) and e.precision == "day" else e.precision


def _event_date(exprs: list[DateExpr]) -> DateExpr | None:
    usable = [e for e in exprs if e.date and not e.since]
    return min(usable, key=_date_rank) if usable else None


def _dates_ok(a: tuple[dt.date | None, str | None], b: tuple[dt.date | None, str | None],
              day_tol: int = 1) -> bool:
    """Whether two (date, precision) agree: within a day (``day_tol``), 6 days for a week,
    31 for a month (the coarser precision counts); an unknown date agrees with any."""
    if a[0] is None or b[0] is None:
        return True
    tol = max(PRECISION_DAYS[a[1] or "day"], PRECISION_DAYS[b[1] or "day"])
    tol = day_tol if tol == 1 else tol
    return abs((a[0] - b[0]).days) <= tol


def _places_ok(a: Place | None, b: Place | None, km: float) -> bool:
    if a is None or b is None or a.id == b.id:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    ranks = sorted((_kind_rank(a), _kind_rank(b)))
    if ranks[1] >= 3:
        return True
    limit = 40.0 if ranks[1] == 2 or "airport" in (a.kind, b.kind) else km   # city vs its airport
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= limit


def _types_ok(a: Iterable[tuple[str, str | None]], b: Iterable[tuple[str, str | None]]) -> bool:
    b = list(b)
    return any(ka == kb or (ka[0] in BORDER_GROUP and kb[0] in BORDER_GROUP)
               for ka in a for kb in b)


_PRIORITY = ("death", "border_violation", "pushback", "detention", "crossing",
             "statement_or_order", "other")


def _main_kind(kinds: list[tuple[str, str | None]]) -> tuple[str, str | None]:
    votes = Counter(kinds)
    return max(votes, key=lambda k: (votes[k], -_PRIORITY.index(k[0])))



def _sentence_kinds(text: str, a: int, b: int) -> tuple[list[tuple[str, str | None]],
                                                         list[Evidence], bool]:
    """Trigger kinds and spans of a sentence, and whether it has an anaphoric trigger."""
    sent = text[a:b]
    hits = sorted(((m.start(), m.end(), t, sub) for t, sub, rx in _TRIGGER_RX
                   for m in rx.finditer(text, a, b)), key=lambda h: (h[0], -h[1]))
    officers = any((_actor(m) or "").startswith("Belarusian") and not _actor(m).endswith(
        "authorities") for m in ACTOR.finditer(text, a, b))
    kinds: list[tuple[str, str | None]] = []
    ev = [Evidence(s, e, text[s:e], sent) for s, e, _, _ in hits]
    for _, _, t, sub in hits:
        kind = ("border_violation", None) if t == "crossing" and officers else (t, sub)
        if kind not in kinds:
            kinds.append(kind)
    ana = ANAPHORIC.search(text, a, b)
    if ana:
        ev.append(Evidence(ana.start(), ana.end(), ana.group(0), sent))
    return kinds, sorted(ev, key=lambda e: e.start), bool(ana)


def _actor(m: re.Match) -> str | None:
    nat = next((k for k, rx in _NAT_RX if rx.match(m.group("nat") or "")), None)
    noun = next((k for k, rx in _NOUN_RX if rx.match(m.group("noun"))), None)
    return f"{nat} {noun}" if nat and noun else None


def _counts(text: str, a: int, b: int) -> list[Count]:
    out = []
    for m in COUNT.finditer(text, a, b):
        raw = m.group(1).lower()
        value = NUMBER_WORDS.get(raw)
        if value is None:
            value = int(re.sub(r"[ ,.]", "", raw))
        subject = "migrants" if m.group("migrants") else "officers"
        out.append(Count(value, subject, Evidence(m.start(), m.end(), m.group(0), text[a:b])))
    return out


def _sources(text: str, a: int, b: int) -> list[str]:
    """Who makes the claim: "Lithuania's border guard service said", "according to X"."""
    out = []
    for m in SOURCE.finditer(text, a, b):
        words = _CLAUSE.sub("", m.group("a") or m.group("b")).split()
        first = next((i for i, w in enumerate(words) if w[:1].isupper()
                      and w.lower() not in ("its", "their", "the", "that")), None)
        words = words[first:] if first is not None else [
            w for w in words if w.lower() not in _FUNCTION_WORDS]
        if words:
            out.append(" ".join(words))
    return out


def _geo_precision(m: Mention, in_event: bool) -> int:
    rank = _kind_rank(m.place)
    if rank >= 3:
        return 3
    near = NEAR.search(m.doc.text, max(0, m.start - 40), m.start)
    return 1 if in_event and rank <= 1 and not near else 2


def _hints(text: str, a: int, b: int, mentions: list[Mention]) -> set[str]:
    """EU border countries (not BY) a sentence names or qualifies with an adjective."""
    out = {m.place.country for m in mentions if m.place.country in BORDER_COUNTRIES}
    for m in _NAT_ANY.finditer(text, a, b):
        out.add(next(c for c, rx in _NAT_CODE if rx.fullmatch(m.group(0))))
    return out - {"BY"}


def _aggregate(text: str, a: int, b: int) -> bool:
    """Totals and trends ("so far this year", "has brought more than 4,100 people")."""
    if AGGREGATE.search(text, a, b):
        return True
    return bool(PERFECT.search(text, a, b)) and any(
        int(re.sub(r"[ ,.]", "", n)) >= 1000 for n in BIG_NUMBER.findall(text, a, b))


def _sentences(text: str, body: int) -> list[tuple[int, int]]:
    """Sentence spans of the body; a fragment of under 30 characters ("Trečiadienį, apie 12
    val.") is glued to the next sentence of the same line."""
    out: list[tuple[int, int]] = []
    for a, b in sentence_spans(text):
        if b <= body:
            continue
        a = max(a, body)
        if out and out[-1][1] - out[-1][0] < 30 and "\n" not in text[out[-1][1]:a]:
            a = out.pop()[0]
        out.append((a, b))
    return out


def extract_events(doc: Document, mentions: list[Mention], default_year: int | None = None,
                   *, site: Callable[..., Mention] | None = None) -> list[Event]:
    """The events ``doc`` reports, in order of their first sentence; the first is primary.

    ``site`` (``Extractor.site``) turns an event's place into the site the text names with it
    ("Minsk airport") or, for a flight, the airport of its city.

    A trigger sentence joins the first earlier event of the document with a compatible type,
    the same date (when both have one), places within 25 km (countries ignored) and no
    disjoint EU-side hints (Lithuania vs Latvia); sentences with only "the incident" join the
    primary event. Totals and trends are not events.
    """
    text = doc.text
    _, body = parse_header(text)
    ctx: DateContext = document_context(doc, default_year)
    sents = _sentences(text, body)
    usable = [m for m in mentions if _usable(m)]
    drafts: list[_Cand] = []
    anaphoric: list[_Cand] = []
    for a, b in sents:
        kinds, ev, ana = _sentence_kinds(text, a, b)
        if not ev or _aggregate(text, a, b):
            continue
        ms = [m for m in usable if a <= m.start < b]
        cand = _Cand([(a, b)], kinds, ev, _event_date(find_dates(text, a, b, ctx)), ms,
                     _hints(text, a, b, ms))
        if not kinds:
            anaphoric.append(cand)
            continue
        target = next((d for d in drafts if _types_ok(d.kinds, kinds) and _joins(d, cand)), None)
        if target is None:
            drafts.append(cand)
        else:
            _absorb(target, cand)
    if drafts:
        for cand in anaphoric:
            if _joins(drafts[0], cand):
                _absorb(drafts[0], cand)
    elif anaphoric:
        drafts = [anaphoric[0]]
        for cand in anaphoric[1:]:
            _absorb(drafts[0], cand)
        drafts[0].kinds = [("other", None)]
    return [_finish(doc, d, i == 0, ctx, sents, usable, site) for i, d in enumerate(drafts)]


def _local(d: _Cand) -> Place | None:
    """The best place of a draft below country level (for comparisons inside a document)."""
    best = _best_place([m for m in d.mentions if m.place.country in BORDER_COUNTRIES
                        and _kind_rank(m.place) < 4])
    return best.place if best else None


def _joins(d: _Cand, c: _Cand) -> bool:
    return (_dates_ok(_when(d.date), _when(c.date), day_tol=0)
            and _places_ok(_local(d), _local(c), 25.0)
            and not (d.hints and c.hints and not d.hints & c.hints))


def _absorb(d: _Cand, c: _Cand) -> None:
    d.sents += c.sents
    d.kinds += c.kinds
    d.triggers += c.triggers
    d.mentions += c.mentions
    d.hints |= c.hints
    if c.date and (d.date is None or _date_rank(c.date) < _date_rank(d.date)):
        d.date = c.date


def _finish(doc: Document, d: _Cand, primary: bool, ctx: DateContext,
            sents: list[tuple[int, int]], usable: list[Mention],
            site: Callable[..., Mention] | None) -> Event:
    text = doc.text
    kind = d.kinds[0]
    place, in_event = d.place, True
    if place is None or _kind_rank(place.place) >= 3 or place.place.country not in BORDER_COUNTRIES:
        idx = [sents.index(s) for s in d.sents]
        for width, worst in ((1, 2), (2, 2), (len(sents), 1)):
            near = [m for m in usable if m.place.kind != "capital"
                    and m.place.country in BORDER_COUNTRIES and _kind_rank(m.place) <= worst
                    and any(sents[max(0, i - width)][0] <= m.start
                            < sents[min(len(sents) - 1, i + width)][1] for i in idx)]
            best = _best_place(near)
            if best is not None:
                place, in_event = best, False
                break
    if place is not None and site is not None:
        place = site(place, flight=kind == ("other", "flight"))
    date, prec, date_ev = None, None, None
    if d.date:
        date, prec = d.date.date, d.date.precision
        sent = next(text[a:b] for a, b in d.sents if a <= d.date.start < b)
        date_ev = Evidence(d.date.start, d.date.end, d.date.text, sent)
    elif ctx.anchor:
        date, prec = ctx.anchor, "week"
    counts, actors, claims = [], [], []
    for a, b in sorted(d.sents):
        counts += _counts(text, a, b)
        actors += [x for x in map(_actor, ACTOR.finditer(text, a, b)) if x]
        claims += _sources(text, a, b)
    return Event(doc=doc, type=kind[0], subtype=kind[1],
                 kinds=tuple(dict.fromkeys(d.kinds)), date=date,
                 date_precision=prec, place=place,
                 geo_precision=_geo_precision(place, in_event) if place else None,
                 counts=tuple(counts), actors=tuple(dict.fromkeys(actors)),
                 claim_sources=tuple(dict.fromkeys(claims)), triggers=tuple(d.triggers),
                 date_evidence=date_ev, primary=primary)


def _event_key(e: Event) -> tuple[dt.date | None, str | None]:
    return e.date, e.date_precision


def _shared_evidence(e: Event, inc: list[Event]) -> bool:
    """A count value or a specific place (village to town) in common."""
    values = {(c.subject, c.value) for x in inc for c in x.counts}
    places = {x.place.place.id for x in inc if x.place and _kind_rank(x.place.place) <= 1}
    return any((c.subject, c.value) in values for c in e.counts) or bool(
        e.place and e.place.place.id in places)


def _incident_date(events: list[Event]) -> tuple[dt.date | None, str | None]:
    dated = [e for e in events if e.date_evidence] or [e for e in events if e.date]
    if not dated:
        return None, None
    best = min(("day", "week", "month").index(e.date_precision) for e in dated)
    votes = Counter(e.date for e in dated
                    if ("day", "week", "month").index(e.date_precision) == best)
    date = max(votes, key=lambda d: (votes[d], -d.toordinal()))
    return date, ("day", "week", "month")[best]


def _incident_place(events: list[Event]) -> Event | None:
    placed = [e for e in events if e.place]
    if not placed:
        return None
    ids = Counter(e.place.place.id for e in placed)
    return min(placed, key=lambda e: (e.place.place.country not in BORDER_COUNTRIES,
                                      _kind_rank(e.place.place), e.geo_precision,
                                      -ids[e.place.place.id]))


def _compatible(e: Event, members: list[Event]) -> bool:
    if not _types_ok(e.kinds, [k for x in members for k in x.kinds]):
        return False
    best = _incident_place(members)
    mine, theirs = (e.place.place if e.place else None), (best.place.place if best else None)
    if not _places_ok(theirs, mine, 10.0):
        return False
    date = _incident_date(members)
    if date[0] is not None and e.date is not None and not _dates_ok(_event_key(e), date):
        return False
    vague = any(p is None or _kind_rank(p) >= 4 or p.country not in BORDER_COUNTRIES
                for p in (mine, theirs))
    undated = e.date_evidence is None or all(x.date_evidence is None for x in members)
    return not (vague or undated) or _shared_evidence(e, members)


def merge_events(events: Iterable[Event]) -> list[Incident]:
    """Group events of different documents into incidents (see docs/incidents.md).

    An event joins the first earlier group it is compatible with: compatible types (the
    pushback/crossing/border_violation family, or the same type and subtype), places in the
    same country and within 10 km (40 km for a district; any place for a region/country),
    dates within the coarser precision (day 1, week 6, month 31 days). When a date is unknown
    or a place is only a country (or unknown), it also needs shared evidence: a count or a
    specific place in common.
    A document contributes at most one event to an incident.
    """
    groups: list[list[Event]] = []
    for e in events:
        target = next((g for g in groups if all(x.doc.path != e.doc.path for x in g)
                       and _compatible(e, g)), None)
        if target is None:
            groups.append([e])
        else:
            target.append(e)
    out: list[Incident] = []
    seen: Counter = Counter()
    for g in groups:
        date, prec = _incident_date(g)
        where = _incident_place(g)
        kind = _main_kind([(x.type, x.subtype) for x in g])
        place = where.place.place if where else None
        key = f"{kind[0]}|{date.isoformat() if date else ''}|{place.id if place else ''}"
        base = "inc-" + hashlib.sha1(key.encode()).hexdigest()[:12]
        seen[base] += 1
        out.append(Incident(id=base if seen[base] == 1 else f"{base}-{seen[base]}",
                            type=kind[0], subtype=kind[1], date=date, date_precision=prec,
                            place=place, geo_precision=where.geo_precision if where else None,
                            border=where.place.border if where else None, events=tuple(g)))
    return out


def find_incidents(docs: Iterable[Document], extractor) -> list[Incident]:
    """Extract the events of every document (``extractor``: an ``Extractor``) and merge them.

    Undated documents take the most common year of the dated ones for dates printed without
    a year.
    """
    return incidents_of([(d, extractor.extract(d)) for d in docs], site=extractor.site)


def incidents_of(extracted: list[tuple[Document, list[Mention]]], *,
                 site: Callable[..., Mention] | None = None) -> list[Incident]:
    """The merged incidents of documents whose mentions are already extracted (``site``: see
    ``extract_events``)."""
    year = batch_year([d for d, _ in extracted])
    return merge_events([e for d, ms in extracted for e in extract_events(d, ms, year, site=site)])


def _ev(e: Evidence | None) -> dict | None:
    return {"start": e.start, "end": e.end, "text": e.text, "sentence": e.sentence} if e else None


def _source_record(e: Event) -> dict:
    return {
        "file": e.doc.path, "title": e.doc.title,
        "date": e.doc.date.isoformat() if e.doc.date else None, "primary": e.primary,
        "type": e.type, "event_date": e.date.isoformat() if e.date else None,
        "date_precision": e.date_precision,
        "place": e.place.place.name if e.place else None, "geo_precision": e.geo_precision,
        "counts": [{"value": c.value, "subject": c.subject} for c in e.counts],
        "evidence": {
            "trigger": [_ev(t) for t in e.triggers],
            "date": [_ev(e.date_evidence)] if e.date_evidence else [],
            "place": [_ev(Evidence(e.place.start, e.place.end, e.place.text, e.place.sentence))]
            if e.place else [],
            "counts": [_ev(c.evidence) for c in e.counts],
        },
    }


def incident_record(inc: Incident) -> dict:
    """The output fields of an incident (JSON Lines / GeoJSON properties)."""
    p, b = inc.place, inc.border
    primary = next((e for e in inc.events if e.primary), inc.events[0])
    return {
        "id": inc.id, "type": inc.type, "subtype": inc.subtype,
        "types": list(dict.fromkeys(t for e in inc.events for t in e.types)),
        "date": inc.date.isoformat() if inc.date else None, "date_precision": inc.date_precision,
        "dates": inc.dates,
        "location": p.name if p else None, "place_id": p.id if p else None,
        "kind": p.kind if p else None, "country": p.country if p else None,
        "lat": p.lat if p else None, "lon": p.lon if p else None,
        "geo_precision": inc.geo_precision,
        "side": b.side if b else (p.country if p else None),
        "border": b.border if b else None,
        "border_km": round(b.distance_km, 2) if b else None,
        "border_point": list(b.nearest) if b else None,
        "places": list(dict.fromkeys(e.place.place.name for e in inc.events if e.place)),
        "counts": inc.counts, "actors": inc.actors, "claim_sources": inc.claim_sources,
        "notes": primary.summary, "n_sources": len(inc.events),
        "sources": [_source_record(e) for e in inc.events],
    }


CSV_FIELDS = ("event_date", "event_type", "location", "latitude", "longitude", "geo_precision",
              "source", "notes", "id", "sub_event_type", "date_precision", "country", "side",
              "border", "border_km", "counts", "actors", "claim_sources", "files")


def csv_record(rec: dict) -> dict:
    """An incident record flattened to the ACLED-like CSV columns."""
    return {
        "event_date": rec["date"], "event_type": rec["type"], "location": rec["location"],
        "latitude": rec["lat"], "longitude": rec["lon"], "geo_precision": rec["geo_precision"],
        "source": "; ".join(s["title"] for s in rec["sources"]), "notes": rec["notes"],
        "id": rec["id"], "sub_event_type": rec["subtype"],
        "date_precision": rec["date_precision"], "country": rec["country"], "side": rec["side"],
        "border": rec["border"], "border_km": rec["border_km"],
        "counts": "; ".join(f"{k}={'/'.join(map(str, v))}" for k, v in rec["counts"].items()),
        "actors": "; ".join(rec["actors"]), "claim_sources": "; ".join(rec["claim_sources"]),
        "files": "; ".join(s["file"] for s in rec["sources"]),
    }
