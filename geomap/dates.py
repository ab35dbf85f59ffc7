"""Date expressions in news texts (en, ru, pl, de, lt, lv, be), resolved against a reference date.

A document's reference (``anchor``) is its ``date`` header, dateline, date line or byline
date, and a weekday is the latest such day on or before it; without one the anchor is the
latest absolute date printed outside related-article lists (a report date when a reporting
verb precedes it), and a weekday is the one nearest it (the text was written near that date,
before or after it). Dates printed without a year take the header's or dateline's year, else
a year printed in the text, else the year a yearless dateline's weekdays fit, else the
batch's ``default_year``. Relative words inside quoted
speech resolve against the date of the statement ("police said on Saturday") when the text
gives one, else against the anchor with ``week`` precision. Precision is ``day``, ``week``
(``date`` is the Monday, or the report date for fallbacks) or ``month`` (``date`` is the 1st).
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .keyscan import Keyed, TextIndex
from .model import Document
from .texts import parse_header

_MONTHS = [  # per month: en, en abbreviation, ru gen., pl gen., de, lt gen., be gen.
    ("january", "jan", "января", "stycznia", "januar", "sausio", "студзеня"),
    ("february", "feb", "февраля", "lutego", "februar", "vasario", "лютага"),
    ("march", "mar", "марта", "marca", "märz", "kovo", "сакавіка"),
    ("april", "apr", "апреля", "kwietnia", "april", "balandžio", "красавіка"),
    ("may", "may", "мая", "maja", "mai", "gegužės", "траўня"),
    ("june", "jun", "июня", "czerwca", "juni", "birželio", "чэрвеня"),
    ("july", "jul", "июля", "lipca", "juli", "liepos", "ліпеня"),
    ("august", "aug", "августа", "sierpnia", "august", "rugpjūčio", "жніўня"),
    ("september", "sept?", "сентября", "września", "september", "rugsėjo", "верасня"),
    ("october", "oct", "октября", "października", "oktober", "spalio", "кастрычніка"),
    ("november", "nov", "ноября", "listopada", "november", "lapkričio", "лістапада"),
    ("december", "dec", "декабря", "grudnia", "dezember", "gruodžio", "снежня"),
]
_LV_MONTHS = [  # Latvian after "30.": locative ("30. jūlijā"; alone "in July"), genitive,
    # nominative (datelines), dative (after "līdz")
    ("janvārī", "janvāra", "janvāris", "janvārim"),
    ("februārī", "februāra", "februāris", "februārim"),
    ("martā", "marta", "marts", "martam"), ("aprīlī", "aprīļa", "aprīlis", "aprīlim"),
    ("maijā", "maija", "maijs", "maijam"), ("jūnijā", "jūnija", "jūnijs", "jūnijam"),
    ("jūlijā", "jūlija", "jūlijs", "jūlijam"), ("augustā", "augusta", "augusts", "augustam"),
    ("septembrī", "septembra", "septembris", "septembrim"),
    ("oktobrī", "oktobra", "oktobris", "oktobrim"),
    ("novembrī", "novembra", "novembris", "novembrim"),
    ("decembrī", "decembra", "decembris", "decembrim"),
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
_BE_MONTHS_IN = ("студзені", "лютым", "сакавіку", "красавіку", "траўні", "чэрвені", "ліпені",
                 "жніўні", "верасні", "кастрычніку", "лістападзе", "снежні")   # be loc. (у/ў)
_MONTH_IN_NUM = {n: i for i, names in enumerate(_MONTHS_IN, 1) for n in names[:2]}
_MONTH_IN_NUM.update((n, i) for i, n in enumerate(_BE_MONTHS_IN, 1))
_BARE_MONTH_NUM = {n: i for i, names in enumerate(_MONTHS_IN, 1) for n in names[2:]
                   if n != "kovą"}              # lt "kovą" is also "fight" (accusative)
for _i, _lv in enumerate(_LV_MONTHS, 1):
    _MONTH_NUM.update(dict.fromkeys(_lv, _i))
    _BARE_MONTH_NUM[_lv[0]] = _i
_MONTH_RE = "|".join(sorted({n for names in _MONTHS for n in names}, key=len, reverse=True))
_LV_MONTH_RE = "|".join(sorted({n for names in _LV_MONTHS for n in names}, key=len, reverse=True))
# LETA's abbreviations ("Rīga, 18.aug., LETA"), with their full stop
_LV_ABBR = ("janv", "febr", "apr", "jūn", "jūl", "aug", "sept", "okt", "nov", "dec")
_MONTH_NUM.update(dict(zip(_LV_ABBR, (1, 2, 4, 6, 7, 8, 9, 10, 11, 12))))
_MONTH_IN_RE = "|".join(sorted(_MONTH_IN_NUM, key=len, reverse=True))
_BARE_MONTH_RE = "|".join(sorted(_BARE_MONTH_NUM, key=len, reverse=True))
_YEAR_FIRST_NUM = {n: i for i, (lv, names) in enumerate(zip(_LV_MONTHS, _MONTHS_IN), 1)
                   for n in (lv[0], lv[1], names[2], _MONTHS[i - 1][5])}
_YEAR_FIRST_RE = "|".join(sorted(_YEAR_FIRST_NUM, key=len, reverse=True))
_ABBR = ("sty|янв", "lut|фев", "mar|мар", "kwi|апр", "maj|май", "cze|июн", "lip|июл",
         "sie|авг", "wrz|сен|сент", "paź|paz|окт|okt", "lis|ноя", "gru|дек|dez")
_ABBR_NUM = {n: i for i, names in enumerate(_ABBR, 1) for n in names.split("|")}
_ABBR_RE = "|".join(sorted(_ABBR_NUM, key=len, reverse=True))
_FULL_EN_DE = "|".join(sorted({n for names in _MONTHS for n in (names[0], names[4])}, key=len,
                              reverse=True))

_WEEKDAYS = [  # Monday first: en, ru acc. (after в/во), pl (after w/we), de, lt, lv, be acc.
    # (after у/ў)
    ("monday", "понедельник", "poniedziałek", "montag", "pirmadien", "pirmdien", "панядзелак"),
    ("tuesday", "вторник", "wtorek", "dienstag", "antradien", "otrdien", "аўторак"),
    ("wednesday", "среду", "środę", "mittwoch", "trečiadien", "trešdien", "сераду"),
    ("thursday", "четверг", "czwartek", "donnerstag", "ketvirtadien", "ceturtdien", "чацвер"),
    ("friday", "пятницу", "piątek", "freitag", "penktadien", "piektdien", "пятніцу"),
    ("saturday", "субботу", "sobotę", "samstag|sonnabend", "šeštadien", "sestdien", "суботу"),
    ("sunday", "воскресенье", "niedzielę", "sonntag", "sekmadien", "svētdien", "нядзелю"),
]
_WEEKDAY_NUM = {}
for _i, _names in enumerate(_WEEKDAYS):
    for _n in _names:
        for _v in _n.split("|"):
            _WEEKDAY_NUM[_v] = _i
_WD_FREE = "|".join(n for names in _WEEKDAYS for n in (names[0], names[3], names[4], names[5]))
_WD_PREP = "|".join(n for names in _WEEKDAYS for n in (*names[1:3], names[6]))
# the genitive after "since" (ru с/со, pl od, be з/ад: "od czwartku", "с четверга"): the
# start of a period of days
_WEEKDAYS_GEN = [("понедельника", "poniedziałku", "панядзелка"), ("вторника", "wtorku", "аўторка"),
                 ("среды", "środy", "серады"), ("четверга", "czwartku", "чацвярга"),
                 ("пятницы", "piątku", "пятніцы"), ("субботы", "soboty", "суботы"),
                 ("воскресенья", "niedzieli", "нядзелі")]
for _i, _gen in enumerate(_WEEKDAYS_GEN):
    _WEEKDAY_NUM.update(dict.fromkeys(_gen, _i))
_WD_GEN = "|".join(n for names in _WEEKDAYS_GEN for n in names)
# "at the weekend": its Saturday (precision week), the latest on or before the anchor
_WEEKEND = (r"(?:at|over|during|on|this|last|past|previous)\s+(?:the\s+)?weekend|at\s+weekend|"
            r"(?:в|на)\s+(?:(?:минувшие|прошедшие|прошлые|эти)\s+)?выходн(?:ые|ых)|"
            r"w\s+(?:(?:miniony|ostatni|ubiegły|ten|zeszły)\s+)?weekend|"
            r"(?:am|übers|über\s+das)\s+(?:(?:vergangenen|letzten|vorigen)\s+)?wochenende|"
            r"(?:(?:praėjusį|per|šį)\s+)?savaitgal(?:į|io\s+metu)|"
            r"(?:(?:pagājušajā|šajā)\s+)?nedēļas\s+nogalē|"
            r"у\s+(?:(?:мінулыя|гэтыя)\s+)?выхадн(?:ыя|ых)")
# "two days ago", "3 days ago", "два дня назад", "dwa dni temu", "vor zwei Tagen", "prieš
# dvi dienas", "pirms divām dienām", "два дні таму"
_AGO_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "a": 1,
            "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6,
            "dwa": 2, "trzy": 3, "cztery": 4, "pięć": 5, "sześć": 6,
            "einem": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
            "dvi": 2, "tris": 3, "keturias": 4, "penkias": 5, "šešias": 6,
            "divām": 2, "trim": 3, "četrām": 4, "piecām": 5, "sešām": 6,
            "тры": 3, "чатыры": 4, "пяць": 5, "шэсць": 6, "дзве": 2}
_AGO_N = r"(\d|" + "|".join(sorted((w for w in _AGO_NUM if w != "a"), key=len, reverse=True)) + ")"
_AGO = (r"(?:" + _AGO_N + r"|a)\s+days?\s+ago|" + _AGO_N + r"\s+(?:дн(?:я|ей)|dni|дні|дзён)\s+"
        r"(?:назад|temu|таму)|vor\s+(?:" + _AGO_N + r"\s+tagen|einem\s+tag)|"
        r"prieš\s+(?:" + _AGO_N + r"\s+dienas|dieną)|pirms\s+(?:" + _AGO_N + r"\s+dienām|"
        r"dienas)")

_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+((?:19|20)\d\d))?"
PATTERNS: list[tuple[str, re.Pattern]] = [
    # (also "2021.11.12", as Lithuanian and Latvian sites print it)
    ("iso", re.compile(r"\b((?:19|20)\d\d)[-.](\d\d)[-.](\d\d)\b")),
    ("dotted", re.compile(r"\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b")),
    ("lt", re.compile(r"(?:\b((?:19|20)\d\d)\s*m\.\s*)?\b(" + _MONTH_RE + r")\s+(\d{1,2})\s*d\b",
                      re.I)),
    ("lv", re.compile(r"(?:\b((?:19|20)\d\d)\.\s*(?:gada|g\.)\s+)?\b(\d{1,2})\.\s*(?:("
                      + _LV_MONTH_RE + r")(?!\w)|(" + "|".join(_LV_ABBR) + r")\.)", re.I)),
    # the year first, then the month alone (precision month): lv "2021. gada augustā", "2021.
    # gada augusta beigās", lt "2021 m. rugpjūtį", "2021-ųjų rugpjūtį", "2021 m. rugpjūčio mėn."
    ("year_month", re.compile(r"\b((?:19|20)\d\d)(?:\.\s*(?:gada|g\.)|\s*m\.|-?(?:ųjų|uju))\s+("
                              + _YEAR_FIRST_RE + r")(?!\w)", re.I)),
    # "15/09/2021": day first, as in every language here; month first only when the day
    # cannot be a month ("11/17/2021", US English)
    ("slash", re.compile(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b")),
    # abbreviated months of date lines, with their year: pl "15 lis 2021", ru "15 ноя 2021",
    # de "15. Okt. 2021"; without it only the Russian ones and de with their full stop
    # (RIA's dateline "ГРОДНО, 8 ноя — РИА Новости."; pl "sie" is also "się" without its
    # diacritic)
    ("day_abbr", re.compile(r"\b(\d{1,2})\.?\s+(?:(" + _ABBR_RE + r")\.?,?\s+((?:19|20)\d\d)\b"
                            r"|(янв|фев|мар|апр|июн|июл|авг|сен|сент|окт|ноя|дек)(?!\w)\.?"
                            r"|(okt|dez)\.)", re.I)),
    ("day_month", re.compile(r"\b" + _DAY + r"\.?\s+(?:of\s+)?(" + _MONTH_RE + r")\b\.?" + _YEAR,
                             re.I)),
    ("month_day", re.compile(r"\b(" + _MONTH_RE + r")\b\.?\s+" + _DAY + r"\b"
                             r"(?:\s*(?:-|–|and|to|until)\s*(\d{1,2})\b)?" + _YEAR, re.I)),
    ("month", re.compile(r"\b(?:(?:in|im|early|late|mid-?)\s+(" + _FULL_EN_DE + r")|(?:в|w|у|ў)\s+("
                         + _MONTH_IN_RE + r")|(" + _BARE_MONTH_RE + r"))(?!\w)" + _YEAR, re.I)),
    ("month_year", re.compile(r"\b(" + _FULL_EN_DE + r")\s+((?:19|20)\d\d)\b", re.I)),
    ("offset", re.compile(r"\b(?:a day (?:earlier|before)|the (?:day before|previous day|day "
                          r"earlier)|накануне|dzień wcześniej|poprzedniego dnia|am vortag|am tag "
                          r"zuvor|dieną anksčiau|išvakarėse|dienu iepriekš|iepriekšējā dienā|"
                          r"the previous night|the night before|предыдущей ночью|poprzedniej nocy|"
                          r"in der nacht zuvor|iepriekšējā naktī|напярэдадні)(?!\w)", re.I)),
    # the past 24 hours of a daily report: the day before the report
    ("day24", re.compile(r"\b(?:(?:in|over|during) the (?:past|last|previous) (?:24 hours|day)|"
                         r"за (?:минувшие |прошедшие |последние )?сутки|"
                         r"w (?:ciągu )?(?:ostatniej |minionej )?doby|"
                         r"minionej doby|in den (?:vergangenen|letzten) 24 stunden|binnen 24 "
                         r"stunden|per (?:praėjusią )?parą|pagājušajā diennaktī|diennakts laikā|"
                         r"pēdējā diennaktī|за (?:мінулыя |апошнія )?суткі)(?!\w)", re.I)),
    ("rel", re.compile(r"\b(today|tonight|this (?:morning|afternoon|evening)|yesterday|last "
                       r"night|(?:минувшей|прошлой) ночью|(?:zeszłej|ubiegłej|minionej) nocy|"
                       r"(?:in der )?(?:letzten|vergangenen) nacht|letzte nacht|vergangene nacht|"
                       r"praėjusią naktį|pagājušajā naktī|мінулай ноччу|сёння|учора|ўчора|пазаўчора|"
                       r"сегодня|вчера|позавчера|dziś|dzisiaj|"
                       r"wczoraj|przedwczoraj|heute|"
                       r"gestern|vorgestern|šiandien\w*|vakar|užvakar|šodien|aizvakar|"
                       # a night without its day: the night before the report ("overnight")
                       r"overnight|(?:during|in) the night|w nocy|in der nacht|ночью|naktį|"
                       r"naktī|уначы|ноччу)(?!\w)", re.I)),
    # ru/pl after в/w, and after на/na: "в ночь на среду", "w nocy z wtorku na środę" (the
    # night ends on the day named)
    ("weekend", re.compile(r"\b(?:" + _WEEKEND + r")(?!\w)", re.I)),
    ("ago", re.compile(r"\b(?:" + _AGO + r")(?!\w)", re.I)),
    ("weekday", re.compile(r"\b(?:(" + _WD_FREE + r")\w*|(?:в|во|на|w|we|na|у|ў)\s+(?:\w+\s+)?("
                           + _WD_PREP + r")|(?:с|со|od|з|ад)\s+(" + _WD_GEN + r"))\b", re.I)),
    ("period", re.compile(r"\b(?:(last|this|previous|past|earlier this) (week|month)|на (прошлой|"
                          r"этой|минувшей) неделе|за (прошлую|минувшую|последнюю) неделю|в "
                          r"(прошлом|этом) месяце|w (zeszłym|ubiegłym|tym|minionym|ostatnim) "
                          r"(tygodniu|miesiącu)|(letzte|vergangene|vorige|diese)n? (woche|monat)|"
                          r"(praėjusią|šią) (savaitę)|(praėjusį|šį) (mėnesį)|pagājušajā (nedēļā|mēnesī)|"
                       r"šonedēļ|šomēnes|на (мінулым|гэтым) тыдні|у (мінулым|гэтым) месяцы)(?!\w)", re.I)),
]
_ALL = tuple(range(len(PATTERNS)))
_CHAINS = "dates"          # a text index's memo of the expressions' matches in the whole text
_WORD_CHAR = re.compile(r"\w")
_REL_DAYS = {"yesterday": -1, "last night": -1, "минувшей ночью": -1, "прошлой ночью": -1,
             "zeszłej nocy": -1, "ubiegłej nocy": -1, "minionej nocy": -1, "letzte nacht": -1,
             "vergangene nacht": -1, "in der letzten nacht": -1, "in der vergangenen nacht": -1,
             "letzten nacht": -1, "vergangenen nacht": -1, "praėjusią naktį": -1,
             "pagājušajā naktī": -1, "мінулай ноччу": -1, "учора": -1, "ўчора": -1,
             "пазаўчора": -2, "вчера": -1, "wczoraj": -1, "gestern": -1,
             "vakar": -1, "позавчера": -2, "przedwczoraj": -2, "vorgestern": -2, "užvakar": -2,
             "aizvakar": -2}
_TODAY = frozenset({"today", "сегодня", "dziś", "dzisiaj", "heute", "šiandien", "šodien", "сёння"})
_LAST = ("last", "previous", "прошлой", "прошлом", "прошлую", "минувш", "minion", "zeszłym",
         "ubiegłym", "letzte", "vergangene", "vorige", "praėjusią", "praėjusį", "pagājušajā", "мінулым")
_REPORT_VERBS = (
    r"said|says|reported|announced|stated|told (?:\w+ ){0,2}|wrote|added|claimed|charged|"
    r"сообщил\w*|заявил\w*|сказал\w*|poinformował\w*|przekazał\w*|podał\w*|powiedział\w*|"
    r"oświadczył\w*|teilte\w*|sagte\w*|erklärte\w*|berichtete\w*|meldete\w*|pranešė|teigė|sakė|"
    r"paziņoja|pavēstīja|sacīja|informēja|ziņoja|norādīja|stāstīja|"
    r"pranešt\w*|pranešama|informavo|ziņots|tika ziņots|сообщается|сообщено|podano|"
    r"poinformowano|mitgeteilt|berichtet|паведаміл\w*|заявіл\w*|сказаў|сказала|сказалі|"
    r"паведамляецца")
# a reporting verb right after the date, in languages that put the date first ("Robežsardze
# pirmdien paziņoja, ka ...", "Straż Graniczna w poniedziałek poinformowała, że ...")
REPORTING_AFTER = re.compile(r"\s*(?:" + _REPORT_VERBS + r")\b", re.I)
REPORTING = re.compile(
    r"\b(?:" + _REPORT_VERBS + r")"
    # up to the date, within the reporting clause: not past a comma or a "that" ("said, that
    # on Tuesday ...", "as the radio reported, on Tuesday ...": the event's date)
    r"\b(?:(?!\b(?:that|что|że|dass|kad|ka)\b)[^,.;:\"“”«»]){0,28}$", re.I)
QUOTE = re.compile(r"[“«„]([^“”«»„]{1,800})[”»“]|\"([^\"]{1,800})\"")
# the heading of a list of related articles or an archive ("Related", "Czytaj także:",
# "Читайте также", "Lesen Sie auch", "Susiję straipsniai", "Saistītie raksti"): its dates are
# page furniture
RELATED = re.compile(r"\b(?:related(?:\s+(?:articles|stories|news|content|coverage))?|read\s+"
                     r"(?:also|more)|see\s+also|more\s+on\s+(?:this|the)\s+(?:topic|story)|"
                     r"czytaj\s+(?:także|też|również|więcej)|zobacz\s+(?:także|też|również)|"
                     r"polecamy|читайте\s+(?:также|ещё|еще)|смотрите\s+также|по\s+теме|"
                     r"lesen\s+sie\s+(?:auch|mehr)|mehr\s+zum\s+thema|weitere\s+artikel|"
                     r"susiję\s+straipsniai|skaitykite\s+(?:daugiau|taip\s+pat)|taip\s+pat\s+"
                     r"skaitykite|saistītie\s+raksti|lasiet\s+arī|lasi\s+arī|vairāk\s+par\s+"
                     r"tēmu|archive|archiwum|архив|archiv|archyvas|arhīvs)[ \t]*(?::|$)",
                     re.I | re.M)
# the patterns found through their words (the expressions first: ids 0..len(PATTERNS) - 1)
KEYED_PATTERNS = [*(rx for _, rx in PATTERNS), REPORTING, QUOTE, RELATED]
KEYED = Keyed(KEYED_PATTERNS)
# The head of a dateline before a date: a city in capitals, up to the dash that ends it
# (or inside the bracket after it: "MOSCOW (UrduPoint News / Sputnik - 03rd August, 2021)")
DATELINE = re.compile(r"[^a-z]*[A-Z]{3,}(?:(?:\([^()]{0,40}\)|(?!\s[-–—]\s)[^.–—()]){0,45}"
                      r"|[^.()]{0,10}\([^()]{0,45})")
_NIGHT = frozenset({"overnight", "during the night", "in the night", "w nocy", "in der nacht",
                    "ночью", "naktį", "naktī", "уначы", "ноччу"})
# the day a night ends on follows ("overnight into Wednesday", "w nocy z wtorku na środę",
# "in der Nacht zum Mittwoch", "naktį į trečiadienį", "naktī uz trešdienu"): that day dates it
_NIGHT_TO = re.compile(r"\s+(?:into|to|on|of|from|z|ze|na|zum|zur|auf|von|на|с|со|з|із|į|iš|uz|"
                       r"no)\s", re.I)
SINCE = re.compile(r"\b(?:since|from|od|с|з|ад|seit|von|nuo|kopš|no)\s+(?:the\s+)?$", re.I)
# The end of a period ("from August 11 to November 10", "until November 10")
UNTIL = re.compile(r"\b(?:(?:to|through|till)\s+(?=\w+\s\d|\d)|until|до|по|да|do|bis|iki|līdz)"
                   r"\s*$", re.I)
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
    since: bool = False            # a bound of a period ("since August 17", "until May 1")


@dataclass(frozen=True)
class DateContext:
    """What the expressions of one document resolve against."""

    anchor: dt.date | None         # the document date, or the latest date printed in the text
    inferred: bool                 # True when the anchor is the latest date printed, not a report date
    year: int | None               # year for dates printed without one
    quotes: tuple[tuple[int, int], ...] = ()
    report_at: int = -1            # offset of the dateline or date line giving the anchor
    index: TextIndex | None = field(default=None, compare=False, repr=False)  # of the text
    # the text's ``_scan`` when made already (None: made when ``speech`` first needs it)
    scanned: list[tuple[str, re.Match]] | None = field(default=None, compare=False, repr=False)
    memo: list[dt.date | None] = field(default_factory=list, compare=False, repr=False)
    # True when ``year`` is only the batch's ``default_year``: neither the header, the text's
    # dates nor its weekdays give one
    year_assumed: bool = False

    @property
    def speech(self) -> dt.date | None:
        """The date of the first dated statement outside quotes ("police said on Saturday"),
        looked for when first asked (only a quoted relative date asks): in the expressions
        (``scanned``) of the text of ``index``, with quoted ones resolved as without it."""
        if not self.memo:
            self.memo.append(None)
            text = self.index.text if self.index is not None else ""
            scanned = self.scanned
            if scanned is None:
                scanned = _scan(text, 0, len(text), self.index) if text else []
            self.memo[0] = next((e.date for e in _dates(text, 0, len(text), self, scanned)
                                 if e.statement and e.date and e.precision == "day"
                                 and not any(a <= e.start < b for a, b in self.quotes)), None)
        return self.memo[0]


def batch_year(docs: Iterable[Document]) -> int | None:
    """The most common year of the dated documents (the default for undated ones)."""
    return most_common_year(Counter(d.date.year for d in docs if d.date))


def most_common_year(years: Counter) -> int | None:
    """The most common of counted ``years``, the latest of equals (None when none)."""
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
    if kind == "slash":
        day, month = int(g[0]), int(g[1])
        if month > 12 >= day:               # "11/17/2021": month first
            day, month = month, day
        return _make(int(g[2]), month, day, None), "day"
    if kind == "day_abbr":
        name = (g[1] or g[3] or g[4]).lower()
        y = int(g[2]) if g[2] else year
        return _make(y, _ABBR_NUM.get(name) or _MONTH_NUM[name], int(g[0]),
                     anchor if not g[2] else None), "day"
    if kind == "year_month":
        return _make(int(g[0]), _YEAR_FIRST_NUM[g[1].lower()], 1, None), "month"
    if kind == "lt":
        y = int(g[0]) if g[0] else year
        return _make(y, _MONTH_NUM[g[1].lower()], int(g[2]), anchor if not g[0] else None), "day"
    if kind == "lv":
        y = int(g[0]) if g[0] else year
        month = _MONTH_NUM[(g[2] or g[3]).lower()]
        return _make(y, month, int(g[1]), anchor if not g[0] else None), "day"
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
    if kind == "month_year":
        return _make(int(g[1]), _MONTH_NUM[g[0].lower()], 1, None), "month"
    # month only
    y = int(g[3]) if g[3] else year
    name = (g[0] or g[1] or g[2]).lower()
    month = _MONTH_NUM.get(name) or _MONTH_IN_NUM.get(name) or _BARE_MONTH_NUM[name]
    return _make(y, month, 1, anchor if not g[3] else None), "month"


ABSOLUTE = ("iso", "dotted", "slash", "lt", "lv", "year_month", "day_abbr", "day_month",
            "month_day", "month", "month_year")
_FULL = ("iso", "dotted", "slash", "lt", "lv", "day_abbr", "day_month",   # day precision when
         "month_day")                                                    # dated
_LAST_WEEKDAY = re.compile(r"\b(?:last|past|previous|прошл\w*|minion\w*|zeszł\w*|ubiegł\w*|"
                           r"letzt\w*|vergangen\w*|praėjus\w*|pagājuš\w*)\s", re.I)
# "Published: 5 August 2021", "Date: 2021-08-05", "Datum:", "Дата:", "Paskelbta", "Publicēts"
DATE_LABEL = re.compile(r"(?:date|dated|published|posted|updated|last updated|datum|"
                        r"veröffentlicht|aktualisiert|stand|data|opublikowano|publikacja|"
                        r"aktualizacja|дата|опубликовано|обновлено|paskelbta|publikuota|"
                        r"atnaujinta|datums|publicēts|atjaunots)"
                        # a second word ("Data publikacji", "Veröffentlicht am"), not a month
                        # ("Updated Nov 12, 2021")
                        r"(?:\s+(?!(?:" + _MONTH_RE + r")\b)[^\W\d]+)?\s*[:\-–—]?\s*",
                        re.I)
# "VILNIUS, Aug 4, 2021 (AP) –", "WARSAW, Oct 14 (Reuters) -", "(ANSA-AFP) – WARSAW, NOV 16 –",
# "MOSCOW (UrduPoint News / Sputnik - 03rd August, 2021)": the date follows the city or stands
# inside the bracket after it
DATELINE_CITY = re.compile(r"(?:\([^()\n]{1,40}\)\s*[–—-]\s*)?(?:[A-ZÀ-ÞĀ-ŽА-ЯЁ]{2}"
                           r"[A-ZÀ-ÞĀ-ŽА-ЯЁ .'’/-]{1,30}"                # ("BRUSSELS/WARSAW")
                           # or "Białystok, 14.10.2021 –", "Warszawa (PAP), 12.11.2021 –"
                           r"|[A-ZÀ-ÞĀ-ŽА-ЯЁ][^\W\d_]{2,20}(?=,|\s*\([^()\n\d]{1,40}\)))"
                           # then an agency in brackets (no digit: not a date inside them)
                           # and a dash or comma before the date ("WARSAW, Poland (AP) — Nov.
                           # 17, 2021 —", "WARSAW (AP) — ...", "Białystok (PAP) 12.11.2021 -")
                           r"(?:,?\s*(?:[A-ZÀ-ÞĀ-Ž][^\W\d_]+\s*)?\([^()\n\d]{1,40}\)\s*[–—-]\s*"
                           r"|\s*\([^()\n\d]{1,40}\)\s*,?\s*(?=\d)"
                           # or a comma, maybe after the country ("USNARZ GORNY, Poland, Sept 1")
                           r"|,\s*(?:[A-ZÀ-ÞĀ-Ž][^\W\d_]+,\s*)?|\s*\((?=[^()\n]*\)))")
# a date opening the first line as a dateline does: "12 November 2021 - Border guards ...",
# "12.11.2021 (PAP) – Straż Graniczna ..."
_DASH_AFTER = re.compile(r"\s*(?:\([^()\n\d]{1,40}\)\s*)?[–—-]\s")
# a dateline's day and month without a year ("Warschau, 18.11. –", "Rzeszów, 18.11.:")
_SHORT_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(?=\s*(?:[-–—(:]|$))", re.M)
_WEEKDAY_WORD = re.compile(r"(?:(?:" + "|".join(n for names in _WEEKDAYS for n in names[0:1])
                           + r"|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*"
                           # the other languages' names ("Wtorek, 16 listopada 2021",
                           # "Pirmdiena, 2021. gada 15. novembris", "Montag, 15.11.2021") and
                           # their abbreviations before a comma or full stop ("pon, 15 lis")
                           r"|(?:" + "|".join(n for names in _WEEKDAYS for n in names[3:6])
                           + r"|poniedział|wtor|środ|czwart|piąt|sobot|niedziel|понедельник|"
                           r"вторник|сред|четверг|пятниц|суббот|воскресен)\w*\.?,?\s*"
                           r"|(?:pon|wt|śr|czw|pt|sob|niedz|nd|пн|вт|ср|чт|пт|сб|вс|mo|di|mi|do|"
                           r"fr|sa|so)(?:\.,?|,)\s*)", re.I)
# what may stand beside a date on a furniture line: punctuation, digits (a time) and the word
# "year" that follows a year in ru/pl/lv/lt ("22 июля 2021 года", "3 września 2021 r.")
_FURNITURE_LINE = re.compile(r"[\W\d_]*(?:(?:года|год|г|roku|r|gada|g|metų|m|"
                             # the time of day and its zone ("at 2:35 PM EST", "14:35 Uhr",
                             # "godz. 14:35", "14.35 GMT"), "4 min read"
                             r"at|um|o|в|godz|val|uhr|am|pm|a\.m|p\.m|gmt|bst|utc|cet|cest|eet|"
                             r"eest|est|edt|msk|min|read)\.?(?!\w)[\W\d_]*)*", re.I)
# a byline before its date: "By Jan Kowalski | 12.11.2021 14:35", "Autorius: Jonas Jonaitis,
# LRT.lt | 2021.11.09", "Von Anna Schmidt, dpa | 25.08.2021", "By Jan Kowalski, 12 November 2021"
BYLINE = re.compile(r"[^\W\d][^\n\d|•·]{1,80}?\s*[|•·]\s*"
                    r"|(?:by|von|autor\w*|автор\w*|аўтар\w*)\s*:?\s+[^\W\d][^\n\d|•·]{1,60}?,\s*"
                    r"(?=\d|[^\W\d]+\.?\s+\d)", re.I)
# the end of a sentence (a capital after it)
_SENTENCE_END = re.compile(r"[.!?][\"”»]?\s+(?=[\"„“«]?[A-ZÀ-ÞĀ-ŽА-ЯЁ])")
_LEAP = 2000                                # a leap year, for a day and month without a year
# the years a dateline without a year may be fitted to (``_fit_year``): the reports geomap is
# made for (the border crisis began in 2021; 2020: the protests and closures before it)
FIT_YEARS = range(2020, 2027)
_ARCHIVE_ITEM = re.compile(r"[^\W\d_]+\.?\s+(?:19|20)\d\d\b")
_COPYRIGHT = re.compile(r"©|\(c\)|copyright|all rights", re.I)
_BEFORE = 120                               # characters before a date its context rules read
_LINE_REACH = 300                           # what is looked at of a line around a date
_HEAD_LINES = 8                             # a report date is looked for in the first lines


def _line(text: str, pos: int, reach: int = _LINE_REACH) -> tuple[int, int]:
    """The line around ``pos``, at most ``reach`` characters each side (linear time on
    documents of one long line)."""
    lo, hi = max(0, pos - reach), min(len(text), pos + reach)
    a = text.rfind("\n", lo, pos)
    b = text.find("\n", pos, hi)
    return (a + 1 if a >= 0 else lo), (b if b >= 0 else hi)


def _furniture(text: str, kind: str, m: re.Match) -> bool:
    """A month ("May 2025") alone on its line: archive and related-article lists."""
    if kind not in ("month", "month_year", "year_month"):
        return False
    a, b = _line(text, m.start())
    return bool(_FURNITURE_LINE.fullmatch(text[a:m.start()])
                and _FURNITURE_LINE.fullmatch(re.sub(r"\(\d+\)", "", text[m.end():b])))


def _scan(text: str, start: int, end: int, index: TextIndex | None = None
          ) -> list[tuple[str, re.Match]]:
    """Non-overlapping expressions of a span, earlier patterns winning ties; page furniture
    (a month alone on its line) left out. ``index``: ``KEYED``'s index of ``text``, when made
    (a long text is then not read again per sentence)."""
    found: list[tuple[str, re.Match]] = []
    starts: list[int] = []                  # accepted spans, sorted (they never overlap)
    ends: list[int] = []
    by_kind: list[list[re.Match]] = [[] for _ in PATTERNS]
    chains = None if index is None else index.memo.get(_CHAINS)
    if chains is not None and index is not None and index.text is text and (
            end == len(text) or not _WORD_CHAR.match(text, end)):
        by_kind = _from_chains(index, chains, start, end)
    elif index is not None and index.text is text:
        for i, m in index.find_many(_ALL, start, end):      # one look-up for all patterns
            by_kind[i].append(m)
        if start == 0 and end == len(text):
            index.memo[_CHAINS] = [([m.start() for m in ms], ms) for ms in by_kind]
    else:
        by_kind = [list(rx.finditer(text, start, end)) for _, rx in PATTERNS]
    for (kind, _), matches in zip(PATTERNS, by_kind):
        for m in matches:
            i = bisect.bisect_left(starts, m.start())
            if (i and ends[i - 1] > m.start()) or (i < len(starts) and starts[i] < m.end()):
                continue
            starts.insert(i, m.start())
            ends.insert(i, m.end())
            found.append((kind, m))
    return sorted(((k, m) for k, m in found if not _furniture(text, k, m)),
                  key=lambda f: f[1].start())


def _from_chains(index: TextIndex, chains: list[tuple[list[int], list[re.Match]]], start: int,
                 end: int) -> list[list[re.Match]]:
    """Each pattern's matches in ``start``..``end`` from its matches in the whole text
    (``chains``: their starts and matches), when the character at ``end`` is no word
    character: a match inside the span is then the same whether the text ends at ``end`` or
    goes on (these patterns look past a match only with ``\\b`` and ``(?!\\w)``, which the end
    of the text passes as such a character does; a try that fails in the whole text fails
    when it is cut). A pattern is found again in the span when a match of the whole text
    overlaps its start (the span's own matches may then begin inside that one) or its
    end (cut there, the match may be shorter)."""
    out: list[list[re.Match]] = []
    for i, (starts, matches) in enumerate(chains):
        if not starts:                      # (most patterns match nowhere in a text)
            out.append([])
            continue
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_left(starts, end, lo)
        if (lo and matches[lo - 1].end() > start) or (hi > lo and matches[hi - 1].end() > end):
            out.append(list(index.finditer(i, start, end)))
        else:
            out.append(matches[lo:hi])
    return out


def _weekday(anchor: dt.date, weekday: int, inferred: bool, last: bool = False) -> dt.date:
    """The ``weekday`` (0 = Monday) latest on or before the report date ``anchor`` (before it
    when ``last``: "last Tuesday"), or, when ``anchor`` is only the latest date printed in
    the text (``inferred``), the one nearest it: the text was written near that date, before
    or after it."""
    back = (anchor.weekday() - weekday) % 7
    if inferred and not last and 7 - back < back:
        return anchor + dt.timedelta(days=7 - back)
    return anchor - dt.timedelta(days=back or (7 if last else 0))


def _relative(kind: str, m: re.Match, ref: dt.date, inferred: bool,
              last: bool = False) -> tuple[dt.date, str]:
    word = m.group(0).lower()
    if kind == "rel":
        return ref + dt.timedelta(days=_REL_DAYS.get(word, 0)), "day"
    if kind in ("offset", "day24"):
        return ref - dt.timedelta(days=1), "day"
    if kind == "weekend":          # its Saturday; "last weekend" said at a weekend: the one before
        saturday = _weekday(ref, 5, inferred)
        return saturday - dt.timedelta(days=7 if last and ref.weekday() >= 5 else 0), "week"
    if kind == "ago":
        n = next((g for g in m.groups() if g), "a").lower()
        return ref - dt.timedelta(days=int(n) if n.isdigit() else _AGO_NUM.get(n, 1)), "day"
    if kind == "weekday":
        name = (m.group(1) or m.group(2) or m.group(3)).lower()
        num = next(v for k, v in _WEEKDAY_NUM.items() if name.startswith(k))
        return _weekday(ref, num, inferred, last), "day"
    unit = "month" if any(u in word for u in ("month", "месяц", "miesi", "monat", "mėnes",
                                              "mēnes")) else "week"
    back = any(w.startswith(_LAST) for w in word.split())
    if unit == "week":
        monday = ref - dt.timedelta(days=ref.weekday())
        return monday - dt.timedelta(days=7 if back else 0), "week"
    first = ref.replace(day=1)
    return (first - dt.timedelta(days=1)).replace(day=1) if back else first, "month"


def find_dates(text: str, start: int, end: int, ctx: DateContext,
               scanned: list[tuple[str, re.Match]] | None = None) -> list[DateExpr]:
    """The date expressions of ``text[start:end]`` (a sentence), resolved, in text order
    (``scanned``: that span's ``_scan``, when already done).

    "a day earlier" resolves against another date of the same sentence when there is one.
    """
    return list(_dates(text, start, end, ctx, scanned))


def _dates(text: str, start: int, end: int, ctx: DateContext,
           scanned: list[tuple[str, re.Match]] | None = None) -> Iterator[DateExpr]:
    """``find_dates``, one expression at a time."""
    found = _scan(text, start, end, ctx.index) if scanned is None else scanned
    absolute = {}
    for kind, m in found:
        if kind in ABSOLUTE:
            absolute[m.start()] = _absolute(kind, m, ctx.year, ctx.anchor)
    first_day = next((d for d, p in absolute.values() if d and p == "day"), None)
    apposed = (-1, -1)                      # (date, the weekday or word before it)
    for n, (kind, m) in enumerate(found):
        night = kind == "rel" and m.group(0).lower() in _NIGHT
        if kind in ("weekday", "rel") and not night and n + 1 < len(found) \
                and found[n + 1][0] in _FULL and absolute[found[n + 1][1].start()][0] \
                and _APPOSED.fullmatch(text, m.end(), found[n + 1][1].start()):
            # "am Dienstag (9. November 2021)", "vakar, 30. jūlijā": the date's day, read as
            # if it stood where the weekday does ("said on Thursday, August 5, that ...")
            apposed = (found[n + 1][1].start(), m.start())
            continue
        at = apposed[1] if m.start() == apposed[0] else m.start()
        if night and _NIGHT_TO.match(text, m.end(), end):
            continue                        # "overnight into Wednesday": the Wednesday
        q = bisect.bisect_right(ctx.quotes, (m.start(), len(text))) - 1
        quoted = q >= 0 and m.start() < ctx.quotes[q][1]
        # windows before the date, not the whole sentence: linear time on long texts
        lo = max(start, at - _BEFORE)
        statement = bool(ctx.index.search(REPORTING, lo, at)
                         if ctx.index is not None and ctx.index.text is text
                         else REPORTING.search(text, lo, at)) \
            or bool(kind in ("weekday", "rel") and REPORTING_AFTER.match(text, m.end(), end))
        since = bool(kind == "weekday" and m.group(3)
                     or SINCE.search(text, max(start, at - 12), at)
                     or UNTIL.search(text, max(start, at - 12), at))
        if m.start() in absolute:
            date, prec = absolute[m.start()]
        else:
            ref, prec_cap = ctx.anchor, None
            if quoted and not statement:
                ref, prec_cap = (ctx.speech, None) if ctx.speech else (ctx.anchor, "week")
            if kind == "offset":
                ref = first_day or ref
            elif night and not quoted and ref is not None and ctx.speech is not None \
                    and 0 <= (ref - ctx.speech).days <= 7:
                ref = ctx.speech            # the night before the statement ("said on Saturday")
            if ref is None:
                date, prec = None, "day"
            else:
                last = bool(_LAST_WEEKDAY.search(text, max(start, m.start() - 16), m.end()))
                date, prec = _relative(kind, m, ref, ctx.inferred and kind == "weekday", last)
                prec = prec_cap if prec_cap and prec == "day" else prec
        report = m.start() == ctx.report_at or (
            m.start() - start <= _BEFORE and bool(DATELINE.fullmatch(text, start, m.start())))
        yield DateExpr(m.start(), m.end(), m.group(0), kind, date, prec,
                       statement=statement, report=report, since=since)


# between a weekday and the full date that names the same day ("on Tuesday (November 9,
# 2021)", "we wtorek, 9 listopada", "Tuesday, Nov. 9")
_APPOSED = re.compile(r"\s*[(,]\s*")
_YEAR_GROUP = {"iso": 1, "dotted": 3, "slash": 3, "lt": 1, "lv": 1, "year_month": 1, "day_abbr": 3,
               "day_month": 3, "month_day": 4, "month": 4, "month_year": 2}


def _archive_line(line: str) -> bool:
    """A line listing months of an archive ("Kwiecień 2025 | Maj 2025 | Czerwiec 2025")."""
    return len(_ARCHIVE_ITEM.findall(line)) >= 2 and len(
        _ARCHIVE_ITEM.sub("", line).strip(" |•·,;:-–—/()\t")) <= 20


def _text_year(text: str, start: int, scanned: list[tuple[str, re.Match]],
               index: TextIndex | None = None, furniture: list[tuple[int, int]] | None = None
               ) -> int | None:
    """The year for dates printed without one: the most common year of the complete dates of
    the text (``scanned``: its ``_scan``) outside the spans of ``furniture`` (related-article
    lists), else of the years it prints outside page furniture (archive lists) and copyright
    lines (None when it prints none)."""
    full = Counter(int(m.group(_YEAR_GROUP[kind])) for kind, m in scanned
                   if kind in _YEAR_GROUP and m.start() >= start and m.group(_YEAR_GROUP[kind])
                   and _outside(m.start(), furniture or []))
    if not full:
        i = [k for k, _ in PATTERNS].index("month_year")
        found = index.finditer(i, start) if index else PATTERNS[i][1].finditer(text, start)
        listed = {m.start(2) for m in found if _furniture(text, "month_year", m)}
        full = Counter(int(m.group(1)) for m in TEXT_YEAR.finditer(text, start)
                       if m.start() not in listed
                       and not _COPYRIGHT.search(line := text[slice(*_line(text, m.start()))])
                       and not _archive_line(line))
    return max(full, key=lambda y: (full[y], y)) if full else None


def _related(text: str, start: int, index: TextIndex) -> list[tuple[int, int]]:
    """The spans of related-article and archive lists in ``text[start:]``: a heading opening
    its line ("Related", "Czytaj także:") with the rest of that line, and, when nothing
    follows it there, the lines after it up to a blank line or one that ends a sentence."""
    spans = []
    for m in index.find(RELATED, start):
        a, b = _line(text, m.start())
        if text[a:m.start()].strip(" \t•*>#-–—|"):
            continue                        # inside a line of text
        if not text[m.end():b].strip():
            while b < len(text):
                nxt = _line(text, b + 1)[1]
                line = text[b + 1:nxt].strip()
                if not line or line[-1] in ".!?":
                    break
                b = nxt
        spans.append((a, b))
    return spans


def _outside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return not any(a <= pos < b for a, b in spans)


def _starts_at(index: TextIndex, pos: int) -> bool:
    """Whether an expression may start at ``pos`` (a prefix of a pattern stands there)."""
    return index.may_match(_ALL, pos, pos + 1)


def report_date(text: str, start: int, index: TextIndex | None = None
                ) -> tuple[int, int, int | None, int, int] | None:
    """The date of the report printed in the first lines of ``text[start:]``: (month, day,
    year or None when printed without one, offset, end). A dateline ("VILNIUS, Aug 4, 2021
    (AP) –", "WARSAW, Oct 14 -"), a date line ("Date: 2021-08-05", "Published: 5 August
    2021"), a byline's date ("By Jan Kowalski | 12.11.2021 14:35") or a line that is only a
    date ("Thursday, October 28, 2021", "• 2021-08-05")."""
    pos, n = start, 0
    while pos < len(text) and n < _HEAD_LINES:
        a, b = _line(text, pos)              # the line's first _LINE_REACH characters
        nl = text.find("\n", b)
        pos = len(text) if nl < 0 else nl + 1
        if not text[a:b].strip():
            continue
        n += 1
        lead = a + len(text[a:b]) - len(text[a:b].lstrip(" \t•·*-–—|>"))
        label = DATE_LABEL.match(text, lead, b)
        city = DATELINE_CITY.match(text, lead, b)
        if city and any(kind == "rel" and m.start() == lead
                        for kind, m in _scan(text, lead, city.end(), index)):
            city = None                     # "Vakar, spalio 3-iąją, ...": yesterday, no city
        byline = BYLINE.match(text, lead, b)
        for head, how in ((label and label.end(), "label"), (city and city.end(), "city"),
                          (byline and byline.end(), "line"), (lead, "line")):
            if head is None:
                continue
            wd = _WEEKDAY_WORD.match(text, head, b)
            head = wd.end() if wd else head
            if index is not None and index.text is text and not (
                    how == "city" and text[head - 1] == "(") and not _starts_at(index, head):
                continue                    # no expression starts at the head
            short = _SHORT_DOTTED.match(text, head, b) if how == "city" else None
            if short:                       # "Warschau, 18.11. –": the year as for others
                month, day = int(short.group(2)), int(short.group(1))
                if _make(_LEAP, month, day, None):
                    return month, day, None, head, short.end()
                continue
            found = _scan(text, head, b, index)
            if not found or found[0][0] not in _FULL:
                continue
            kind, m = found[0]
            if m.start() != head and not (how == "city" and text[head - 1] == "("
                                          and ")" not in text[head:m.start()]):
                continue
            if how == "line" and not _FURNITURE_LINE.fullmatch(
                    re.sub(r"\([^)]*\)", "", text[m.end():b])) \
                    and not _DASH_AFTER.match(text, m.end(), b):
                continue                    # (a date and a dash open a dateline too)
            printed = m.group(_YEAR_GROUP[kind])
            date, prec = _absolute(kind, m, _LEAP, None)
            if date and prec == "day":
                return date.month, date.day, int(printed) if printed else None, m.start(), m.end()
    return None


def _fit_year(text: str, scanned: list[tuple[str, re.Match]], default_year: int | None,
              dateline: tuple[int, int, int] | None) -> tuple[int | None, bool]:
    """The year of a text that prints none (``scanned``: its ``_scan``), from the weekdays it
    names: a weekday beside a date is that date's ("on Friday, Aug. 6", "Thursday, Nov. 11");
    for a dateline (``dateline``: its month, day and end), the day a statement of its
    sentence names is the report's ("RIGA, Sept 14 (LETA) - ... reported on Wednesday":
    2022), an event of that sentence is of that day or the day before ("USNARZ GORNY, Poland,
    Sept 1 (Reuters) - ... remained stuck on Wednesday"), a later statement too ("Duda said on
    Tuesday"). The one year of ``FIT_YEARS`` that fits them all, or of those the one where the
    event of the dateline's sentence is of the dateline's day; None when none or several do.
    With the batch's year ``default_year``: that year, unless a weekday beside a date or the
    statement of the dateline's sentence names another day (then the nearest year, within
    two, that fits them). Also whether the year is only assumed (the batch's, no weekday
    fitting it)."""
    strong: list[tuple[int, int, int, tuple[int, ...]]] = []    # (month, day, weekday, days
    weak: list[tuple[int, int, int, tuple[int, ...]]] = []      # it may lie before)
    same: list[tuple[int, int, int, tuple[int, ...]]] = []      # (the lead's events that day)
    start = dateline[2] if dateline else 0
    if dateline:
        line_end = _line(text, start, 600)[1]
        stop = _SENTENCE_END.search(text, min(line_end, start + 50), line_end)
        lead = stop.start() + 1 if stop else line_end
    for n, (kind, m) in enumerate(scanned):
        if kind != "weekday" or m.group(3) or _LAST_WEEKDAY.search(
                text, max(0, m.start() - 16), m.end()):
            continue                        # "since Thursday", "last Tuesday": not the day
        num = _WEEKDAY_NUM[next(k for k in _WEEKDAY_NUM
                                if (m.group(1) or m.group(2)).lower().startswith(k))]
        if n + 1 < len(scanned) and scanned[n + 1][0] in _FULL \
                and _APPOSED.fullmatch(text, m.end(), scanned[n + 1][1].start()):
            after, d = scanned[n + 1]
            date, prec = _absolute(after, d, _LEAP, None)
            if date and prec == "day" and not d.group(_YEAR_GROUP[after]):
                strong.append((date.month, date.day, num, (0,)))
            continue
        if dateline is None or m.start() < start:
            continue
        b = lead if m.start() < lead else _line(text, m.start())[1]
        statement = REPORTING.search(text, max(start, m.start() - _BEFORE), m.start()) \
            or REPORTING_AFTER.match(text, m.end(), b)
        month, day = dateline[:2]
        if m.start() < lead:
            (strong if statement else weak).append((month, day, num, (0,) if statement else (0, 1)))
            if not statement:
                same.append((month, day, num, (0,)))
        elif statement:
            weak.append((month, day, num, (0, 1)))

    def fits(year: int, rules: list[tuple[int, int, int, tuple[int, ...]]]) -> bool:
        for month, day, weekday, back in rules:
            d = _make(year, month, day, None)
            if d is None or (d.weekday() - weekday) % 7 not in back:
                return False
        return True

    if default_year is not None:            # the batch's year, unless a statement says otherwise
        if not strong:
            return default_year, True
        if fits(default_year, strong):
            return default_year, False
        near = [y for y in range(default_year - 2, default_year + 3) if fits(y, strong)]
        return (min(near, key=lambda y: (abs(y - default_year), y)), False) if near \
            else (default_year, True)
    years = [y for y in FIT_YEARS if fits(y, strong + weak)] if strong or weak else []
    if len(years) > 1:                      # several: the one where the lead's event is of
        # the dateline's day, when only one is
        years = [y for y in years if fits(y, same)] if same else years
    return (years[0] if len(years) == 1 else None), False


def _told_report(text: str, scanned: list[tuple[str, re.Match]], year: int | None
                 ) -> dt.date | None:
    """The report's day told by "yesterday" or "today" and the date beside it ("vakar,
    30.jūlijā", "yesterday (August 4, 2021)", "gestern, 4. August"): the day after it, or that
    day."""
    for (kind, m), (after, d) in zip(scanned, scanned[1:]):
        if kind == "rel" and after in _FULL and _APPOSED.fullmatch(text, m.end(), d.start()):
            word = m.group(0).lower()
            back = _REL_DAYS.get(word, 0)
            if back or word in _TODAY:
                date = _absolute(after, d, year, None)[0]
                if date:
                    return date - dt.timedelta(days=back)
    return None


def document_context(doc: Document, default_year: int | None = None,
                     index: TextIndex | None = None) -> DateContext:
    """The reference dates of a document (see the module docstring); ``index``: of its text,
    by a ``Keyed`` whose first patterns are ``KEYED_PATTERNS`` (made when not given)."""
    text = doc.text
    body = parse_header(text)[1]
    report_at = -1
    if index is None or index.text is not text:
        index = KEYED.index(text)
    quotes = tuple((m.start(), m.end()) for m in index.find(QUOTE))
    scanned = None                  # the text's expressions, when its own dates are needed
    anchor: dt.date | None
    year: int | None
    if doc.date:
        anchor, inferred, year, assumed = doc.date, False, doc.date.year, False
    else:
        scanned = _scan(text, 0, len(text), index)
        furniture = _related(text, body, index)
        own = _text_year(text, body, scanned, index, furniture)
        year, assumed = own or default_year, False
        printed = report_date(text, body, index)
        anchor = None
        if printed and printed[2]:          # a dateline's year is the document's
            year = printed[2]
        elif own is None:
            year, assumed = _fit_year(text, scanned, default_year,
                                      printed and (*printed[:2], printed[4]))
        if printed:
            anchor = _make(year, printed[0], printed[1], None)
            report_at = printed[3]
        if anchor:
            inferred = False
        else:
            # the latest date of a day printed: without an anchor only absolute dates
            # resolve, and "a day earlier" lies before the day it follows
            # (not the end of a period: "extended the state of emergency until February 10"
            # names a day after the report)
            report_at = -1
            told = _told_report(text, scanned, year)
            if told:
                return DateContext(told, False, year, quotes, report_at, index, scanned,
                                   year_assumed=assumed)
            dates = [(d, m.start()) for kind, m in scanned if kind in _FULL
                     and _outside(m.start(), furniture)
                     and not UNTIL.search(text, max(0, m.start() - 12), m.start())
                     and (d := _absolute(kind, m, year, None)[0])]
            latest = max(dates, default=None)
            anchor, inferred = (latest[0] if latest else None), True
            if latest and index.search(REPORTING, max(0, latest[1] - _BEFORE), latest[1]):
                inferred = False            # "This was reported on September 20, 2021."
    return DateContext(anchor, inferred, year, quotes, report_at, index, scanned,
                       year_assumed=assumed)
