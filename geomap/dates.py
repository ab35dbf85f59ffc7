"""Date expressions in news texts (en, ru, pl, de, lt), resolved against a reference date.

A document's reference (``anchor``) is its ``date`` header; without one it is the latest
absolute date printed in the text, and weekdays then resolve forwards from it (the text was
written on or after that date). Dates printed without a year take the header's year, else a
year printed in the text, else the batch's ``default_year``. Relative words inside quoted
speech resolve against the date of the statement ("police said on Saturday") when the text
gives one, else against the anchor with ``week`` precision. Precision is ``day``, ``week``
(``date`` is the Monday, or the report date for fallbacks) or ``month`` (``date`` is the 1st).
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Document

_MONTHS = [  # per month: en, en abbreviation, ru gen., pl gen., de, lt gen.
    ("january", "jan", "января", "stycznia", "januar", "sausio"),
    ("february", "feb", "февраля", "lutego", "februar", "vasario"),
    ("march", "mar", "марта", "marca", "märz", "kovo"),
    ("april", "apr", "апреля", "kwietnia", "april", "balandžio"),
    ("may", "may", "мая", "maja", "mai", "gegužės"),
    ("june", "jun", "июня", "czerwca", "juni", "birželio"),
    ("july", "jul", "июля", "lipca", "juli", "liepos"),
    ("august", "aug", "августа", "sierpnia", "august", "rugpjūčio"),
    ("september", "sept?", "сентября", "września", "september", "rugsėjo"),
    ("october", "oct", "октября", "października", "oktober", "spalio"),
    ("november", "nov", "ноября", "listopada", "november", "lapkričio"),
    ("december", "dec", "декабря", "grudnia", "dezember", "gruodžio"),
]
_MONTHS_IN = [  # "in August": en/de, ru prep., pl loc., lt acc.
    ("январе", "styczniu", "sausį"), ("феврале", "lutym", "vasarį"),
    ("марте", "marcu", "kovą"), ("апреле", "kwietniu", "balandį"), ("мае", "maju", "gegužę"),
    ("июне", "czerwcu", "birželį"), ("июле", "lipcu", "liepą"), ("августе", "sierpniu", "rugpjūtį"),
    ("сентябре", "wrześniu", "rugsėjį"), ("октябре", "październiku", "spalį"),
    ("ноябре", "listopadzie", "lapkritį"), ("декабре", "grudniu", "gruodį"),
]
_MONTH_NUM: dict[str, int] = {}
for _i, _names in enumerate(_MONTHS, 1):
    for _n in _names:
        _MONTH_NUM[_n.replace("?", "")] = _i
        _MONTH_NUM[_n.replace("t?", "")] = _i
_MONTH_IN_NUM = {n: i for i, names in enumerate(_MONTHS_IN, 1) for n in names[-3:]}
_MONTH_RE = "|".join(sorted({n for names in _MONTHS for n in names}, key=len, reverse=True))
_MONTH_IN_RE = "|".join(sorted(_MONTH_IN_NUM, key=len, reverse=True))
_FULL_EN_DE = "|".join(sorted({n for names in _MONTHS for n in (names[0], names[4])}, key=len,
                              reverse=True))

_WEEKDAYS = [  # Monday first: en, ru acc. (after в/во), pl (after w/we), de, lt
    ("monday", "понедельник", "poniedziałek", "montag", "pirmadien"),
    ("tuesday", "вторник", "wtorek", "dienstag", "antradien"),
    ("wednesday", "среду", "środę", "mittwoch", "trečiadien"),
    ("thursday", "четверг", "czwartek", "donnerstag", "ketvirtadien"),
    ("friday", "пятницу", "piątek", "freitag", "penktadien"),
    ("saturday", "субботу", "sobotę", "samstag|sonnabend", "šeštadien"),
    ("sunday", "воскресенье", "niedzielę", "sonntag", "sekmadien"),
]
_WEEKDAY_NUM = {}
for _i, _names in enumerate(_WEEKDAYS):
    for _n in _names:
        for _v in _n.split("|"):
            _WEEKDAY_NUM[_v] = _i
_WD_FREE = "|".join(n for names in _WEEKDAYS for n in (names[0], names[3], names[4]))
_WD_PREP = "|".join(n for names in _WEEKDAYS for n in names[1:3])

_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+((?:19|20)\d\d))?"
PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")),
    ("dotted", re.compile(r"\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b")),
    ("lt", re.compile(r"(?:\b((?:19|20)\d\d)\s*m\.\s*)?\b(" + _MONTH_RE + r")\s+(\d{1,2})\s*d\b",
                      re.I)),
    ("day_month", re.compile(r"\b" + _DAY + r"\.?\s+(" + _MONTH_RE + r")\b\.?" + _YEAR, re.I)),
    ("month_day", re.compile(r"\b(" + _MONTH_RE + r")\b\.?\s+" + _DAY + r"\b"
                             r"(?:\s*(?:-|–|and|to|until)\s*(\d{1,2})\b)?" + _YEAR, re.I)),
    ("month", re.compile(r"\b(?:(?:in|im|early|late|mid-?)\s+(" + _FULL_EN_DE + r")|(?:в|w)\s+("
                         + _MONTH_IN_RE + r"))\b" + _YEAR, re.I)),
    ("offset", re.compile(r"\b(?:a day (?:earlier|before)|the (?:day before|previous day|day "
                          r"earlier)|накануне|dzień wcześniej|poprzedniego dnia|am vortag|am tag "
                          r"zuvor|dieną anksčiau|išvakarėse)\b", re.I)),
    ("rel", re.compile(r"\b(today|tonight|this (?:morning|afternoon|evening)|yesterday|last "
                       r"night|сегодня|вчера|позавчера|dziś|dzisiaj|wczoraj|przedwczoraj|heute|"
                       r"gestern|vorgestern|šiandien\w*|vakar|užvakar)\b", re.I)),
    ("weekday", re.compile(r"\b(?:(" + _WD_FREE + r")\w*|(?:в|во|w|we)\s+(?:\w+\s+)?("
                           + _WD_PREP + r"))\b", re.I)),
    ("period", re.compile(r"\b(?:(last|this|previous|earlier this) (week|month)|на (прошлой|этой) "
                          r"неделе|в (прошлом|этом) месяце|w (zeszłym|ubiegłym|tym|tym) (tygodniu|"
                          r"miesiącu)|(letzte|vergangene|vorige|diese)n? (woche|monat)|"
                          r"(praėjusią|šią) (savaitę)|(praėjusį|šį) (mėnesį))\b", re.I)),
]
_REL_DAYS = {"yesterday": -1, "last night": -1, "вчера": -1, "wczoraj": -1, "gestern": -1,
             "vakar": -1, "позавчера": -2, "przedwczoraj": -2, "vorgestern": -2, "užvakar": -2}
_LAST = ("last", "previous", "прошлой", "прошлом", "zeszłym", "ubiegłym", "letzte", "vergangene",
         "vorige", "praėjusią", "praėjusį")
REPORTING = re.compile(
    r"\b(?:said|says|reported|announced|stated|told (?:\w+ ){0,2}|wrote|added|claimed|charged|"
    r"сообщил\w*|заявил\w*|сказал\w*|poinformował\w*|przekazał\w*|podał\w*|powiedział\w*|"
    r"oświadczył\w*|teilte\w*|sagte\w*|erklärte\w*|berichtete\w*|meldete\w*|pranešė|teigė|sakė)"
    r"\b[^.;:\"“”«»]{0,28}$", re.I)
DATELINE = re.compile(r"[^a-z]*[A-Z]{3,}[^.]{0,45}")
SINCE = re.compile(r"\b(?:since|from|od|с|seit|nuo)\s+(?:the\s+)?$", re.I)
QUOTE = re.compile(r"[“«„]([^“”«»„]{1,800})[”»“]|\"([^\"]{1,800})\"")
TEXT_YEAR = re.compile(r"\b(20[0-3]\d)\b")


@dataclass(frozen=True)
class DateExpr:
    """A date expression of a text, resolved (``date`` None when it cannot be)."""

    start: int
    end: int
    text: str
    kind: str                      # the PATTERNS name that found it
    date: dt.date | None
    precision: str                 # day, week or month
    statement: bool = False        # the date of a statement ("said on Monday"), not of an event
    report: bool = False           # in a dateline ("WARSAW, NOV 16 -"): the date of the report
    since: bool = False            # the start of a period ("since August 17")


@dataclass(frozen=True)
class DateContext:
    """What the expressions of one document resolve against."""

    anchor: dt.date | None         # the document date, or the latest date printed in the text
    forward: bool                  # True when the anchor is inferred: weekdays resolve forwards
    year: int | None               # year for dates printed without one
    speech: dt.date | None = None  # date of the first dated statement ("police said on Saturday")
    quotes: tuple[tuple[int, int], ...] = ()


def batch_year(docs: Iterable[Document]) -> int | None:
    """The most common year of the dated documents (the default for undated ones)."""
    years = Counter(d.date.year for d in docs if d.date)
    return max(years, key=lambda y: (years[y], y)) if years else None


def _make(year: int | None, month: int, day: int, anchor: dt.date | None) -> dt.date | None:
    """A date from parts; a missing year comes from the anchor/default (a year back if in the
    future by more than a month)."""
    if year is None:
        return None
    try:
        d = dt.date(year, month, day)
    except ValueError:
        return None
    if anchor and d > anchor + dt.timedelta(days=31) and d.year == anchor.year:
        d = d.replace(year=year - 1)
    return d


def _absolute(kind: str, m: re.Match, year: int | None,
              anchor: dt.date | None) -> tuple[dt.date | None, str]:
    g = m.groups()
    if kind == "iso":
        return _make(int(g[0]), int(g[1]), int(g[2]), None), "day"
    if kind == "dotted":
        return _make(int(g[2]), int(g[1]), int(g[0]), None), "day"
    if kind == "lt":
        y = int(g[0]) if g[0] else year
        return _make(y, _MONTH_NUM[g[1].lower()], int(g[2]), anchor if not g[0] else None), "day"
    if kind == "day_month":
        y = int(g[2]) if g[2] else year
        return _make(y, _MONTH_NUM[g[1].lower()], int(g[0]), anchor if not g[2] else None), "day"
    if kind == "month_day":
        if g[0] in ("may", "mar", "march"):  # the lower-case verbs are not months
            return None, "day"
        y = int(g[3]) if g[3] else year
        day = int(g[2] or g[1])
        prec = "day" if not g[2] else "week" if int(g[2]) - int(g[1]) <= 7 else "month"
        return _make(y, _MONTH_NUM[g[0].lower()], day, anchor if not g[3] else None), prec
    # month only
    y = int(g[2]) if g[2] else year
    month = _MONTH_NUM.get((g[0] or "").lower()) or _MONTH_IN_NUM[(g[1] or "").lower()]
    return _make(y, month, 1, anchor if not g[2] else None), "month"


def _scan(text: str, start: int, end: int) -> list[tuple[str, re.Match]]:
    """Non-overlapping expressions of a span, earlier patterns winning ties."""
    found: list[tuple[str, re.Match]] = []
    for kind, rx in PATTERNS:
        for m in rx.finditer(text, start, end):
            if not any(m.start() < f.end() and f.start() < m.end() for _, f in found):
                found.append((kind, m))
    return sorted(found, key=lambda f: f[1].start())


def _weekday(anchor: dt.date, weekday: int, forward: bool) -> dt.date:
    if forward:
        return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


def _relative(kind: str, m: re.Match, ref: dt.date, forward: bool) -> tuple[dt.date, str]:
    word = m.group(0).lower()
    if kind == "rel":
        return ref + dt.timedelta(days=_REL_DAYS.get(word, 0)), "day"
    if kind == "offset":
        return ref - dt.timedelta(days=1), "day"
    if kind == "weekday":
        name = (m.group(1) or m.group(2)).lower()
        num = next(v for k, v in _WEEKDAY_NUM.items() if name.startswith(k))
        return _weekday(ref, num, forward), "day"
    unit = "month" if any(u in word for u in ("month", "месяц", "miesi", "monat", "mėnes")) \
        else "week"
    back = any(w.startswith(_LAST) for w in word.split())
    if unit == "week":
        monday = ref - dt.timedelta(days=ref.weekday())
        return monday - dt.timedelta(days=7 if back else 0), "week"
    first = ref.replace(day=1)
    return (first - dt.timedelta(days=1)).replace(day=1) if back else first, "month"


def find_dates(text: str, start: int, end: int, ctx: DateContext) -> list[DateExpr]:
    """The date expressions of ``text[start:end]`` (a sentence), resolved, in text order.

    "a day earlier" resolves against another date of the same sentence when there is one.
    """
    found = _scan(text, start, end)
    out: list[DateExpr] = []
    absolute = {}
    for kind, m in found:
        if kind in ("iso", "dotted", "lt", "day_month", "month_day", "month"):
            absolute[m.start()] = _absolute(kind, m, ctx.year, ctx.anchor)
    for kind, m in found:
        quoted = any(a <= m.start() < b for a, b in ctx.quotes)
        statement = bool(REPORTING.search(text, start, m.start()))
        since = bool(SINCE.search(text, max(start, m.start() - 12), m.start()))
        if m.start() in absolute:
            date, prec = absolute[m.start()]
        else:
            ref, prec_cap = ctx.anchor, None
            if quoted and not statement:
                ref, prec_cap = (ctx.speech, None) if ctx.speech else (ctx.anchor, "week")
            if kind == "offset":
                other = [d for (d, p) in absolute.values() if d and p == "day"]
                ref = other[0] if other else ref
            if ref is None:
                date, prec = None, "day"
            else:
                date, prec = _relative(kind, m, ref, ctx.forward and kind == "weekday")
                prec = prec_cap if prec_cap and prec == "day" else prec
        report = bool(DATELINE.fullmatch(text, start, m.start()))
        out.append(DateExpr(m.start(), m.end(), m.group(0), kind, date, prec, statement, since,
                            report))
    return out


def document_context(doc: Document, default_year: int | None = None) -> DateContext:
    """The reference dates of a document (see the module docstring)."""
    text = doc.text
    quotes = tuple((m.start(), m.end()) for m in QUOTE.finditer(text))
    if doc.date:
        anchor, forward, year = doc.date, False, doc.date.year
    else:
        years = Counter(TEXT_YEAR.findall(text))
        year = int(max(years, key=lambda y: (years[y], y))) if years else default_year
        bare = DateContext(None, True, year)
        printed = [e.date for e in find_dates(text, 0, len(text), bare)
                   if e.date and e.kind not in ("month",)]
        anchor, forward = (max(printed) if printed else None), True
    ctx = DateContext(anchor, forward, year, None, quotes)
    speech = next((e.date for e in find_dates(text, 0, len(text), ctx)
                   if e.statement and e.date and e.precision == "day"
                   and not any(a <= e.start < b for a, b in quotes)), None)
    return DateContext(anchor, forward, year, speech, quotes)
