import datetime as dt

import pytest

from geomap.dates import batch_year, document_context, find_dates
from geomap.texts import make_document, parse_header

D = dt.date


def dates(text, default_year=None):
    doc = make_document("t", text)
    ctx = document_context(doc, default_year)
    body = parse_header(doc.text)[1]
    return [(e.text, e.date, e.precision) for e in find_dates(doc.text, body, len(doc.text), ctx)]


@pytest.mark.parametrize("text, expected", [
    # 2021-08-18 is a Wednesday: weekdays resolve to the latest such day on or before it
    (" date 2021-08-18 Guards pushed migrants back on Tuesday.", D(2021, 8, 17)),
    (" date 2021-08-18 The officers crossed on Wednesday.", D(2021, 8, 18)),
    (" date 2021-08-18 Migrants were detained yesterday.", D(2021, 8, 17)),
    (" date 2021-08-18 Shots were fired on August 17.", D(2021, 8, 17)),
    (" date 2021-08-18 Пограничники задержали мигрантов 17 августа.", D(2021, 8, 17)),
    (" date 2021-08-18 Пограничники задержали мигрантов во вторник.", D(2021, 8, 17)),
    (" date 2021-08-18 Мигрантов задержали вчера.", D(2021, 8, 17)),
    (" date 2021-08-18 Straż Graniczna zatrzymała 17 sierpnia grupę migrantów.", D(2021, 8, 17)),
    (" date 2021-08-18 Migranci przekroczyli granicę we wtorek.", D(2021, 8, 17)),
    (" date 2021-08-18 Die Polizei hat am Dienstag Migranten festgenommen.", D(2021, 8, 17)),
    (" date 2021-07-14 Trečiadienį pasieniečiai sulaikė migrantus.", D(2021, 7, 14)),
    (" date 2021-07-14 Migrantų ieškojo nuo liepos 13 d.", D(2021, 7, 13)),
    # last night: the night before the report, ended on the day before it
    (" date 2021-08-18 Минувшей ночью пограничники задержали мигрантов.", D(2021, 8, 17)),
    (" date 2021-08-18 Zeszłej nocy zatrzymano migrantów.", D(2021, 8, 17)),
    (" date 2021-08-18 In der vergangenen Nacht wurden Migranten festgenommen.", D(2021, 8, 17)),
    (" date 2021-08-18 Praėjusią naktį sulaikyti migrantai.", D(2021, 8, 17)),
    (" date 2021-08-18 Pagājušajā naktī aizturēti migranti.", D(2021, 8, 17)),
    # Belarusian
    (" date 2021-08-18 Памежнікі затрымалі мігрантаў у аўторак.", D(2021, 8, 17)),
    (" date 2021-08-18 Мігрантаў затрымалі 17 жніўня.", D(2021, 8, 17)),
    (" date 2021-08-18 Мігрантаў затрымалі ўчора.", D(2021, 8, 17)),
    (" date 2021-08-18 За мінулыя суткі затрымана 12 мігрантаў.", D(2021, 8, 17)),
])
def test_day_expressions_resolve_against_the_document_date(text, expected):
    assert dates(text)[0][1:] == (expected, "day")


def test_week_and_month_precision():
    assert dates(" date 2021-08-18 Parliament voted last week.")[0][1:] == (D(2021, 8, 9), "week")
    assert dates(" date 2021-08-18 В прошлом месяце.")[0][1:] == (D(2021, 7, 1), "month")
    assert dates(" date 2021-11-13 Obóz powstał w listopadzie.")[0][1:] == (D(2021, 11, 1), "month")
    assert dates(" date 2021-11-13 Лагер узнік у лістападзе.")[0][1:] == (D(2021, 11, 1), "month")
    assert dates(" date 2021-08-18 На мінулым тыдні.")[0][1:] == (D(2021, 8, 9), "week")


def test_a_day_earlier_is_relative_to_the_date_of_its_sentence():
    got = dates(" date 2021-08-20 On August 18, he called the clash a day earlier a provocation.")
    assert got[1] == ("a day earlier", D(2021, 8, 17), "day")
    got = dates(" date 2021-08-20 On August 18, guards said it was damaged the previous night.")
    assert got[1] == ("the previous night", D(2021, 8, 17), "day")


def test_without_a_header_a_weekday_is_the_one_nearest_the_latest_printed_date():
    # "Aug. 5 and 16" (no year: the batch year; a Monday) -> Tuesday 2021-08-17, one day on
    got = dates("Only 14 entered between Aug. 5 and 16. Officers crossed on Tuesday.", 2021)
    assert got[-1] == ("Tuesday", D(2021, 8, 17), "day")
    # a date after the text (Thursday 2021-11-25) -> Wednesday 2021-11-24, one day before
    got = dates("A body was found on Wednesday morning. (November 25, 2021)")
    assert got[0] == ("Wednesday", D(2021, 11, 24), "day")
    got = dates("Polizei meldete am Samstag 40 Migranten. Stand: Montag, 15.11.2021, 14:30")
    assert got[0][1] == D(2021, 11, 13)
    assert dates("They crossed on Tuesday.") == [("Tuesday", None, "day")]
    assert dates("WARSAW, NOV 16 - Police fired tear gas.", 2021)[0][1] == D(2021, 11, 16)


def test_quoted_yesterday_resolves_against_the_dated_statement():
    text = (" date 2021-11-14 A body was found, police said on Saturday.\n"
            "“The body was discovered yesterday in the forest,” police said.")
    doc = make_document("t", text)
    ctx = document_context(doc)
    assert ctx.speech == D(2021, 11, 13)
    found = {e.text: e for e in find_dates(text, 0, len(text), ctx)}
    assert found["Saturday"].statement and found["yesterday"].date == D(2021, 11, 12)


def test_batch_year_is_the_most_common_header_year():
    docs = [make_document("a", " date 2021-08-18 x"), make_document("b", "y"),
            make_document("c", " date 2021-11-13 z"), make_document("d", " date 2020-01-01 w")]
    assert batch_year(docs) == 2021 and batch_year([docs[1]]) is None


def context(text, default_year=None):
    return document_context(make_document("t", text), default_year)


# Datelines and date lines are document dates; a weekday is then the latest such day on or
# before it (2021-08-04 is a Wednesday, 2021-10-14 a Thursday, 2021-08-05 a Thursday).
@pytest.mark.parametrize("lang, text, report, weekday", [
    ("en", "VILNIUS, Aug 4, 2021 (AP) – Lithuanian border guards pushed back 180 migrants near "
           "Dieveniškės last Tuesday.", D(2021, 8, 4), D(2021, 8, 3)),
    ("en", "WARSAW, Oct 14 (Reuters) - The body of a migrant was found near Kuźnica on "
           "Wednesday.", D(2021, 10, 14), D(2021, 10, 13)),
    ("en", "Date: 2021-08-05\nBorder guards detained 20 migrants on Monday.", D(2021, 8, 5),
     D(2021, 8, 2)),
    ("en", "Published: 5 August 2021\nBorder guards detained 20 migrants on Monday.",
     D(2021, 8, 5), D(2021, 8, 2)),
    ("en", "Thursday, October 28, 2021\n\nMigrants were sent back on Tuesday.", D(2021, 10, 28),
     D(2021, 10, 26)),
    ("en", "Tear gas at the border\n\n(ANSA-AFP) – WARSAW, NOV 16 – Police fired tear gas on "
           "Monday.", D(2021, 11, 16), D(2021, 11, 15)),
    ("lt", "VILNIUS, rugpjūčio 4 d. (BNS) – Pasieniečiai antradienį apgręžė 180 migrantų.",
     D(2021, 8, 4), D(2021, 8, 3)),
    ("lv", "RĪGA, 30.jūlijs (LETA) – Robežsargi otrdien aizturēja migrantus.", D(2021, 7, 30),
     D(2021, 7, 27)),
    ("lv", "Publicēts: 2021. gada 5. augustā\nRobežsargi pirmdien aizturēja 20 migrantus.",
     D(2021, 8, 5), D(2021, 8, 2)),
    ("pl", "Data publikacji: 5 sierpnia 2021\nStraż Graniczna zatrzymała migrantów w "
           "poniedziałek.", D(2021, 8, 5), D(2021, 8, 2)),
    ("pl", "WARSZAWA, 14 października (PAP) – Pogranicznicy znaleźli ciało w środę.",
     D(2021, 10, 14), D(2021, 10, 13)),
    ("ru", "МОСКВА, 14 октября. /ТАСС/. Пограничники задержали мигрантов в среду.",
     D(2021, 10, 14), D(2021, 10, 13)),
    ("de", "WARSCHAU, 14. Oktober (dpa) – Die Polizei fand am Mittwoch eine Leiche.",
     D(2021, 10, 14), D(2021, 10, 13)),
    ("de", "Veröffentlicht am 5. August 2021\nDie Polizei hat am Montag Migranten festgenommen.",
     D(2021, 8, 5), D(2021, 8, 2)),
    # a line that is only a date, with the word "year" after the year
    ("ru", "Пограничники развернули мигрантов\n\n22 июля 2021 года\n\nВо вторник мигрантов "
           "не пустили.", D(2021, 7, 22), D(2021, 7, 20)),
    ("pl", "Straż zawróciła migrantów\n\n3 września 2021 r.\n\nW czwartek zatrzymano 5 osób.",
     D(2021, 9, 3), D(2021, 9, 2)),
])
def test_datelines_and_date_lines_are_the_document_date(lang, text, report, weekday):
    ctx = context(text, 2021)
    assert (ctx.anchor, ctx.inferred) == (report, False)
    found = find_dates(text, 0, len(text), ctx)
    assert [e.date for e in found if e.report] == [report]
    assert found[-1].kind == "weekday" and found[-1].date == weekday


def test_a_dateline_that_is_not_a_date_gives_no_report_date():
    ctx = context("VILNIUS (Reuters) - Lithuania's army said Kuźnica was calm. Officers crossed "
                  "on Tuesday, August 3.", 2021)
    assert ctx.inferred and ctx.report_at == -1 and ctx.anchor == D(2021, 8, 3)


@pytest.mark.parametrize("lang, text, expected", [
    ("lv", " date 2021-08-02 Robežsargi 30.jūlijā nepieļāva 50 migrantu ieceļošanu.",
     (D(2021, 7, 30), "day")),
    ("lv", " date 2021-08-02 Robežsargi 30. jūlijā aizturēja migrantus.", (D(2021, 7, 30), "day")),
    ("lv", " date 2021-08-20 2021. gada 3. augustā robežsargi aizturēja migrantus.",
     (D(2021, 8, 3), "day")),
    ("lv", " date 2021-08-05 Robežsargi otrdien aizturēja migrantus.", (D(2021, 8, 3), "day")),
    ("lv", " date 2021-08-05 Robežsargi vakar aizturēja migrantus.", (D(2021, 8, 4), "day")),
    ("lv", " date 2021-08-05 Robežsargi aizvakar aizturēja migrantus.", (D(2021, 8, 3), "day")),
    ("lv", " date 2021-08-20 Robežsargi jūlijā aizturēja migrantus.", (D(2021, 7, 1), "month")),
    ("lv", " date 2021-08-20 Pagājušajā nedēļā robežsargi aizturēja migrantus.",
     (D(2021, 8, 9), "week")),
    ("lt", " date 2021-08-20 Liepą pasieniečiai sulaikė migrantus.", (D(2021, 7, 1), "month")),
    ("en", " date 2021-08-04 Guards pushed back migrants last Wednesday.", (D(2021, 7, 28), "day")),
    ("ru", " date 2021-08-04 Пограничники задержали мигрантов в прошлую среду.",
     (D(2021, 7, 28), "day")),
    ("pl", " date 2021-08-04 Straż zatrzymała migrantów w ubiegłą środę.", (D(2021, 7, 28), "day")),
    ("de", " date 2021-08-04 Die Polizei nahm am letzten Mittwoch Migranten fest.",
     (D(2021, 7, 28), "day")),
])
def test_latvian_dates_and_last_weekdays(lang, text, expected):
    assert dates(text)[0][1:] == expected


def test_lithuanian_fight_is_not_march():
    assert dates(" date 2021-08-20 Pasieniečiai tęsia kovą su nelegalia migracija.") == []


@pytest.mark.parametrize("lang, text", [
    ("en", "Migrants were pushed back near Krynki in August.\nArchive\nMay 2025\nApril 2025\n"
           "© 2022 News"),
    ("de", "Migranten wurden im August bei Krynki zurückgedrängt.\nArchiv\nMai 2025\nApril 2025"),
])
def test_page_furniture_is_not_a_date_nor_the_year(lang, text):
    ctx = context(text, 2021)
    assert ctx.year == 2021 and ctx.anchor is None
    assert [(e.text.split()[-1], e.date) for e in find_dates(text, 0, len(text), ctx)] == [
        ("August", D(2021, 8, 1))]


@pytest.mark.parametrize("lang, text", [
    ("en", "Border guards detained 20 migrants on August 3, 2021. On August 5 they pushed "
           "back 30 more.\nRelated: 2022 elections"),
    ("pl", "Straż zatrzymała 3 sierpnia 2021 r. migrantów. 5 sierpnia zawrócono kolejnych.\n"
           "Wybory 2022 2022"),
    ("ru", "3 августа 2021 года задержали мигрантов. 5 августа выдворили ещё. 2022 2022"),
])
def test_a_dateless_text_takes_the_year_of_its_complete_dates(lang, text):
    ctx = context(text, 2022)
    assert ctx.year == 2021
    assert max(e.date for e in find_dates(text, 0, len(text), ctx) if e.date) == D(2021, 8, 5)


def test_since_and_report_flags_are_not_swapped():
    text = " date 2021-08-20 Guards searched for them since August 17."
    (e,) = find_dates(text, parse_header(text)[1], len(text), context(text))
    assert e.since and not e.report


@pytest.mark.parametrize("lang, text", [
    ("en", " date 2021-08-05 Border guards turned back 24 migrants in the past 24 hours."),
    ("lt", " date 2021-08-05 Per parą apgręžti 24 migrantai."),
    ("lv", " date 2021-08-05 Pagājušajā diennaktī robežsargi nepieļāva 24 personu ieceļošanu."),
    ("pl", " date 2021-08-05 W ciągu ostatniej doby zawrócono 24 migrantów."),
    ("ru", " date 2021-08-05 За минувшие сутки выдворили 24 мигранта."),
    ("de", " date 2021-08-05 In den vergangenen 24 Stunden wurden 24 Migranten zurückgewiesen."),
])
def test_the_past_24_hours_of_a_daily_report_is_the_day_before(lang, text):
    assert dates(text)[0][1:] == (D(2021, 8, 4), "day")


@pytest.mark.parametrize("lang, text", [
    ("ru", " date 2021-10-14 В ночь на среду мигранты пытались прорваться."),
    ("pl", " date 2021-10-14 W nocy z wtorku na środę migranci próbowali przekroczyć granicę."),
    ("de", " date 2021-10-14 In der Nacht zum Mittwoch versuchten Migranten die Grenze zu überqueren."),
    ("lt", " date 2021-10-14 Naktį į trečiadienį migrantai bandė kirsti sieną."),
    ("lv", " date 2021-10-14 Naktī uz trešdienu migranti mēģināja šķērsot robežu."),
    ("en", " date 2021-10-14 Overnight into Wednesday migrants tried to cross."),
])
def test_a_night_ends_on_the_day_it_names(lang, text):
    assert dates(text)[-1][1:] == (D(2021, 10, 13), "day")


# A weekday right after a dateline is the event's day, not the dateline's (2021-10-14 is a
# Thursday): the dateline ends at its dash.
@pytest.mark.parametrize("lang, text", [
    ("pl", "WARSZAWA, 14 października (PAP) – W nocy z wtorku na środę migranci próbowali "
           "przekroczyć granicę."),
    ("pl", "Białystok, 14.10.2021 – W nocy z wtorku na środę straż zatrzymała 20 migrantów."),
    ("en", "WARSAW, Oct 14 (Reuters) - Overnight into Wednesday, guards detained 20 migrants."),
    ("de", "Białystok, 14. Oktober 2021 – In der Nacht zum Mittwoch nahm die Polizei "
           "Migranten fest."),
    ("lt", "Vilnius, spalio 14 d. – Naktį į trečiadienį pasieniečiai sulaikė migrantus."),
    ("lv", "Rīga, 14.oktobris – Naktī uz trešdienu robežsargi aizturēja migrantus."),
    ("ru", "Гродно, 14 октября – В ночь на среду мигранты пытались прорваться."),
])
def test_a_weekday_after_a_dateline_is_not_the_report_date(lang, text):
    ctx = context(text, 2021)
    assert (ctx.anchor, ctx.inferred) == (D(2021, 10, 14), False)
    found = find_dates(text, 0, len(text), ctx)
    assert [e.date for e in found if e.report] == [D(2021, 10, 14)]
    assert (found[-1].kind, found[-1].date, found[-1].report) == ("weekday", D(2021, 10, 13),
                                                                  False)


# "said that on Tuesday ...", "as the radio reported, on Tuesday ...": the event's day, not
# the statement's; "said on Tuesday" and a passive "it was reported on ..." are statements.
@pytest.mark.parametrize("lang, text, statement", [
    ("pl", "Rzecznik powiedział, że we wtorek zatrzymano 30 migrantów.", False),
    ("ru", "Как сообщило радио, во вторник задержали 30 мигрантов.", False),
    ("en", "The spokesman said that on Tuesday 30 migrants were detained.", False),
    ("de", "Der Sprecher sagte, dass am Dienstag 30 Migranten festgenommen wurden.", False),
    ("lt", "Pareigūnas sakė, kad antradienį sulaikyta 30 migrantų.", False),
    ("lv", "Robežsardze ziņoja, ka otrdien aizturēti 30 migranti.", False),
    ("en", "Police said on Tuesday that 30 migrants were detained.", True),
    ("lt", "Apie tai pranešta antradienį.", True),
    ("pl", "Poinformowano o tym we wtorek.", True),
])
def test_a_date_after_a_reporting_clause(lang, text, statement):
    (e,) = dates_full(" date 2021-08-18 " + text)
    assert (e.date, e.statement) == (D(2021, 8, 17), statement)


def dates_full(text):
    doc = make_document("t", text)
    return find_dates(doc.text, parse_header(doc.text)[1], len(doc.text), document_context(doc))


def test_a_date_inside_the_dateline_bracket_is_the_report_date():
    (report, said) = dates_full(" date 2021-08-03 MOSCOW (Agency News / Sputnik - 03rd August, "
                                "2021) Migrants rioted, the ministry said on Monday.")
    assert report.report and not said.report and said.statement
    assert said.date == D(2021, 8, 2)


@pytest.mark.parametrize("text", [
    "Valsts robežsardze pirmdien paziņoja, ka svētdien pie Indras aizturēti 12 migranti.",
    "Straż Graniczna w poniedziałek poinformowała, że w niedzielę zatrzymano 12 migrantów.",
    "ГПК в понедельник сообщил, что в воскресенье задержаны 12 мигрантов.",
    "VSAT pirmadienį pranešė, kad sekmadienį sulaikyti 12 migrantų.",
])
def test_a_weekday_before_a_reporting_verb_is_the_statements(text):
    doc = make_document("t", " date 2021-08-03 " + text)
    found = find_dates(doc.text, parse_header(doc.text)[1], len(doc.text), document_context(doc))
    assert [(e.date, e.statement) for e in found] == [(D(2021, 8, 2), True),
                                                      (D(2021, 8, 1), False)]


def test_spans_read_from_the_whole_text_scan_are_those_scanned_alone():
    """After the whole text is scanned, a span's expressions come from those matches (when
    no word character follows the span): the same as scanning the span alone."""
    from geomap.dates import _CHAINS, KEYED, _scan

    text = ("On 5 August 2021, Aug. 4 and in mid-August; last week, 2021-08-05 (Tue). "
            "12.10.2021x 5 Augustx, 3 d. 30. jūlijā kovo 3 d.\nMay 2025\n14 Aug 2021, "
            "w środę 3 sierpnia, on Monday, August 3-5")
    index = KEYED.index(text)
    _scan(text, 0, len(text), index)
    assert _CHAINS in index.memo
    for a in range(0, len(text), 2):
        for b in range(a, len(text) + 1, 3):
            got = [(k, m.span(), m.groups()) for k, m in _scan(text, a, b, index)]
            assert got == [(k, m.span(), m.groups()) for k, m in _scan(text, a, b)], (a, b)


def test_expressions_look_past_a_match_only_at_word_boundaries():
    """``_from_chains`` relies on it: the date patterns' only look-arounds are ``\\b`` and
    ``(?!\\w)`` (a new kind of look-ahead must be weighed there first)."""
    import re
    from re import _parser as sre

    from geomap.dates import PATTERNS

    def walk(items):
        for op, av in items:
            if op in (sre.ASSERT, sre.ASSERT_NOT):
                yield (op, str(av[1]))
            elif op is sre.AT:
                yield (op, av)
            elif op is sre.SUBPATTERN:
                yield from walk(av[3])
            elif op is sre.BRANCH:
                for alt in av[1]:
                    yield from walk(alt)
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
                yield from walk(av[2])

    no_word = str(sre.parse(r"(?!\w)")[0][1][1])
    for _, rx in PATTERNS:
        for op, av in walk(sre.parse(rx.pattern, rx.flags & ~re.UNICODE)):
            assert (op, av) in ((sre.AT, sre.AT_BOUNDARY), (sre.ASSERT_NOT, no_word)), rx.pattern


def expr(text):
    """The first expression's (date, precision) and whether it starts a period."""
    doc = make_document("t", text)
    ctx = document_context(doc, None)
    e = find_dates(doc.text, parse_header(doc.text)[1], len(doc.text), ctx)[0]
    return e.date, e.precision, e.since


# 2021-08-16 is a Monday: the weekend before it is 14-15 August
@pytest.mark.parametrize("lang, text", [
    ("en", "Guards stopped 27 people at the weekend."),
    ("en", "Guards stopped 27 people over the weekend."),
    ("pl", "W weekend straż graniczna zatrzymała 38 cudzoziemców."),
    ("pl", "W miniony weekend zatrzymano 38 osób."),
    ("de", "Am Wochenende griff die Polizei 46 Migranten auf."),
    ("ru", "В выходные пограничники задержали 12 нарушителей."),
    ("lt", "Savaitgalį pasieniečiai sulaikė 17 migrantų."),
    ("lv", "Nedēļas nogalē robežsardze novērsa 41 cilvēka mēģinājumu."),
    ("be", "У выхадныя памежнікі затрымалі 12 мігрантаў."),
])
def test_the_weekend_is_its_saturday_with_week_precision(lang, text):
    assert expr(" date 2021-08-16 " + text) == (D(2021, 8, 14), "week", False)


def test_the_weekend_on_a_saturday_report_is_that_day_and_last_weekend_the_one_before():
    assert expr(" date 2021-08-14 Guards stopped 27 people at the weekend.")[0] == D(2021, 8, 14)
    assert expr(" date 2021-08-15 Guards stopped 27 people last weekend.")[0] == D(2021, 8, 7)


@pytest.mark.parametrize("lang, text, days", [
    ("en", "The body was found two days ago.", 2),
    ("en", "The body was found 3 days ago.", 3),
    ("en", "The body was found a day ago.", 1),
    ("ru", "Тело нашли два дня назад.", 2),
    ("pl", "Ciało znaleziono trzy dni temu.", 3),
    ("de", "Die Leiche wurde vor zwei Tagen gefunden.", 2),
    ("lt", "Kūnas rastas prieš dvi dienas.", 2),
    ("lv", "Līķis atrasts pirms divām dienām.", 2),
    ("be", "Цела знайшлі два дні таму.", 2),
])
def test_days_ago(lang, text, days):
    assert expr(" date 2021-10-08 " + text) == (D(2021, 10, 8 - days), "day", False)


def test_overnight_is_the_night_ending_on_the_report_day():
    assert expr(" date 2021-08-04 Guards pushed back 43 migrants overnight.") == (
        D(2021, 8, 4), "day", False)
    # a night named by its day: that day ("overnight into Wednesday")
    assert dates(" date 2021-10-14 Overnight into Wednesday, guards detained 20 migrants.") == [
        ("Wednesday", D(2021, 10, 13), "day")]


@pytest.mark.parametrize("lang, text", [
    ("pl", "Od czwartku straż graniczna udaremniła 230 prób."),
    ("ru", "С четверга пограничники задержали 40 мигрантов."),
    ("be", "З чацвярга памежнікі затрымалі 40 мігрантаў."),
    ("en", "Since Thursday, guards have stopped 230 attempts."),
    ("de", "Seit Donnerstag hat die Polizei 40 Migranten aufgegriffen."),
    ("lt", "Nuo ketvirtadienio pasieniečiai sulaikė 40 migrantų."),
    ("lv", "Kopš ceturtdienas robežsardze aizturēja 40 migrantus."),
])
def test_since_a_weekday_starts_a_period(lang, text):
    # 2021-08-14 is a Saturday
    assert expr(" date 2021-08-14 " + text) == (D(2021, 8, 12), "day", True)


@pytest.mark.parametrize("text, expected", [
    ("Published: 5 August 2021 10:14\n\nGuards detained 19 migrants last Tuesday.",
     D(2021, 8, 3)),
    ("VILNIUS, Aug 12, 2021 (BNS) - On the night of 9 to 10 August, guards turned back 62 "
     "migrants.", D(2021, 8, 10)),
])
def test_date_lines_and_nights_of_two_days(text, expected):
    assert [d for _, d, p in dates(text) if p == "day"][-1] == expected


@pytest.mark.parametrize("lang, text", [
    ("en", "Guards pushed back 43 migrants during the night."),
    ("pl", "W nocy migranci rzucali kamieniami w funkcjonariuszy."),
    ("de", "In der Nacht griffen Migranten die Grenzschützer an."),
    ("ru", "Ночью мигранты пытались прорвать границу."),
    ("lt", "Naktį pasieniečiai sulaikė 20 migrantų."),
    ("lv", "Naktī robežsargi aizturēja 20 migrantus."),
])
def test_a_night_without_its_day_ends_on_the_report_day(lang, text):
    assert expr(" date 2021-11-13 " + text) == (D(2021, 11, 13), "day", False)


@pytest.mark.parametrize("lang, text", [
    ("pl", "W nocy z piątku na sobotę migranci sforsowali płot."),
    ("de", "In der Nacht von Freitag auf Samstag durchbrachen Migranten den Zaun."),
    ("de", "In der Nacht zum Samstag durchbrachen Migranten den Zaun."),
    ("ru", "В ночь с пятницы на субботу мигранты прорвали забор."),
    ("lt", "Naktį į šeštadienį migrantai pralaužė tvorą."),
    ("lv", "Naktī uz sestdienu migranti pārrāva žogu."),
    ("en", "Overnight into Saturday, migrants broke through the fence."),
])
def test_a_night_named_by_its_days_ends_on_the_second(lang, text):
    got = [d for _, d, p in dates(" date 2021-11-14 " + text) if p == "day"]
    # the night's own words give no other day; "from Friday" starts the period
    assert D(2021, 11, 13) in got and D(2021, 11, 14) not in got


def test_a_night_reported_by_a_dated_statement_ends_on_the_statements_day():
    # the page is dated a day after the police statement
    got = dates(" date 2021-11-14 Police said on Saturday that migrants tried to cross the "
                "border during the night.")
    assert ("during the night", D(2021, 11, 13), "day") in got


def test_letas_abbreviated_month_dateline_is_the_report_date():
    ctx = document_context(make_document("t", "Rīga, 18.aug., LETA. Valsts robežsardze "
                                              "pagājušajā diennaktī novērsusi 84 mēģinājumus."),
                           2021)
    assert ctx.anchor == D(2021, 8, 18) and not ctx.inferred


def test_latvian_no_starts_a_period():
    assert expr(" date 2021-08-10 Valdība izsludina ārkārtējo situāciju no 11. augusta.") == (
        D(2021, 8, 11), "day", True)


def test_the_previous_24_hours_is_the_day_before():
    assert expr(" date 2023-09-04 Guards stopped 150 people over the previous 24 hours.") == (
        D(2023, 9, 3), "day", False)


@pytest.mark.parametrize("lang, text", [
    ("de", "Vilnius, 20.11.2021 - Das Parlament stimmte am Dienstag (9. November 2021) einem "
           "Antrag zu."),
    ("en", "VILNIUS, Nov 20, 2021 (AP) - Parliament on Tuesday (November 9, 2021) declared a "
           "state of emergency."),
    ("pl", "Warszawa, 20 listopada 2021 r. - Sejm Litwy we wtorek (9 listopada 2021) wprowadził "
           "stan wyjątkowy."),
    ("en", "VILNIUS, Nov 20, 2021 (AP) - Parliament voted on Tuesday, November 9, 2021."),
])
def test_a_weekday_with_its_full_date_beside_it_is_that_date(lang, text):
    found = [e for e in find_dates(text, 0, len(text), context(text, 2021)) if not e.report]
    assert [(e.kind, e.date, e.precision) for e in found] == [
        (found[0].kind, D(2021, 11, 9), "day")]
    assert found[0].kind != "weekday"


@pytest.mark.parametrize("lang, text, weekday", [
    ("de", "Warschau, 18.11. – Polnische Grenzschützer haben am Dienstag 50 Migranten "
           "festgenommen.", D(2021, 11, 16)),
    ("pl", "Białystok, 18.11. - Straż Graniczna zatrzymała we wtorek 20 migrantów.",
     D(2021, 11, 16)),
    ("lt", "Vilnius, 12.08. – Pasieniečiai antradienį apgręžė 90 migrantų.", D(2021, 8, 10)),
])
def test_a_dateline_of_day_and_month_takes_the_batch_year(lang, text, weekday):
    ctx = context(text, 2021)
    assert (ctx.anchor.day, ctx.anchor.month, ctx.inferred) == (weekday.day + 2, weekday.month,
                                                                False)
    assert [e.date for e in find_dates(text, 0, len(text), ctx)] == [weekday]
    dateline = text[:text.index(" – " if " – " in text else " - ") + 3]
    assert context(dateline + "Migranten.", None).anchor is None    # no year, no weekday


@pytest.mark.parametrize("text", [
    "WARSAW, Poland (AP) — Nov. 17, 2021 — Polish forces used tear gas on Tuesday.",
    "WARSAW (AP) — Nov. 17, 2021 — Polish forces used tear gas on Tuesday.",
])
def test_a_dateline_with_an_agency_before_its_date(text):
    ctx = context(text, 2021)
    assert (ctx.anchor, ctx.inferred) == (D(2021, 11, 17), False)
    assert find_dates(text, 0, len(text), ctx)[-1].date == D(2021, 11, 16)


@pytest.mark.parametrize("lang, text", [
    ("en", "Latvia's government on Tuesday extended the state of emergency until February 10."),
    ("de", "Lettland hat am Dienstag den Ausnahmezustand bis 10. Februar verlängert."),
    ("pl", "Łotwa we wtorek przedłużyła stan wyjątkowy do 10 lutego."),
])
def test_the_end_of_a_period_is_no_anchor(lang, text):
    ctx = context(text, 2021)
    assert ctx.anchor is None
    assert [e.date for e in find_dates(text, 0, len(text), ctx) if e.kind == "weekday"] == [None]


# Date lines with the time of day, its zone and reading time beside the date, an "Updated"
# label before a month, and Lithuanian/Latvian "2021.11.12".
@pytest.mark.parametrize("line", [
    "Fri 12 Nov 2021 14.35 GMT",
    "November 12, 2021 at 2:35 PM",
    "Updated Nov 12, 2021 2:35 PM EST",
    "Nov 12, 2021 · 4 min read",
    "12 listopada 2021 r., godz. 14:35",
    "12. November 2021, 14:35 Uhr",
    "2021.11.12 14:35",
])
def test_date_lines_with_a_time_are_the_report_date(line):
    text = "A title\n\n" + line + "\n\nBorder guards detained 20 migrants on Wednesday."
    ctx = context(text, 2021)
    assert (ctx.anchor, ctx.inferred) == (D(2021, 11, 12), False)
    assert find_dates(text, 0, len(text), ctx)[-1].date == D(2021, 11, 10)


@pytest.mark.parametrize("lang, line", [
    ("pl", "Warszawa (PAP), 12.11.2021 – Straż Graniczna"),
    ("pl", "Białystok (PAP) 12.11.2021 - Straż Graniczna"),
    ("en", "BRUSSELS/WARSAW, Nov 12 (Reuters) - Border guards"),
    ("en", "MOSCOW (Sputnik - Nov 12, 2021) - Border guards"),
])
def test_datelines_with_the_agency_before_the_date(lang, line):
    ctx = context("A title\n\n" + line + " detained 20 migrants on Wednesday.", 2021)
    assert (ctx.anchor, ctx.inferred) == (D(2021, 11, 12), False)


@pytest.mark.parametrize("lang, line", [
    ("en", "12 November 2021 - Border guards"),
    ("pl", "12.11.2021 (PAP) – Straż Graniczna"),
    ("pl", "12 listopada 2021 – Straż Graniczna"),
])
def test_a_date_and_a_dash_opening_the_text_are_a_dateline(lang, line):
    text = "A title\n\n" + line + " detained 20 migrants on Wednesday. On November 20 more."
    ctx = context(text, 2021)
    assert (ctx.anchor, ctx.inferred) == (D(2021, 11, 12), False)


# A dateline without a year in a text that prints none: the weekdays the text names fit one
# year of FIT_YEARS (2022-09-14 was a Wednesday; in 2020-2026 only then).
@pytest.mark.parametrize("lang, text", [
    ("en", "RIGA, Sept 14 (LETA) - Over the past day, Latvian border guards turned back 63 "
           "people, the State Border Guard reported on Wednesday."),
    ("lv", "Rīga, 14.sept., LETA. Valsts robežsardze trešdien paziņoja, ka diennakts laikā "
           "novērsti 63 mēģinājumi."),
    ("pl", "Białystok, 14.09. – Straż Graniczna poinformowała w środę, że zatrzymała 20 "
           "migrantów."),
    ("de", "Warschau, 14. September (dpa) – Der Grenzschutz teilte am Mittwoch mit, dass 20 "
           "Migranten festgenommen wurden."),
    ("ru", "МОСКВА, 14 сентября. /ТАСС/. Латвийские пограничники сообщили в среду о задержании "
           "20 мигрантов."),
    ("lt", "VILNIUS, rugsėjo 14 d. (ELTA). Pasieniečiai pranešė trečiadienį, kad sulaikė 20 "
           "migrantų."),
])
def test_a_yearless_dateline_takes_the_year_its_statements_weekday_fits(lang, text):
    ctx = context("A title\n\n" + text)
    assert (ctx.anchor, ctx.inferred, ctx.year) == (D(2022, 9, 14), False, 2022)


@pytest.mark.parametrize("lang, text", [
    # an event of the lead on the report day or the day before, a later statement's day on it
    # or the day before: only 2021 fits (2021-09-01 a Wednesday)
    ("en", "USNARZ GORNY, Poland, Sept 1 (Reuters) - 32 Afghans remained stuck on Wednesday "
           "near the village.\nThe president said on Tuesday he would sign the request."),
    ("pl", "Białystok, 1.09. – 32 Afgańczyków koczowało w środę przy granicy w Usnarzu "
           "Górnym.\nPrezydent powiedział we wtorek, że podpisze wniosek."),
])
def test_a_yearless_dateline_fits_the_lead_and_later_statements(lang, text):
    assert context("A title\n\n" + text).anchor == D(2021, 9, 1)


def test_a_yearless_dateline_that_several_years_fit_gives_no_date():
    # an event of the lead on the report day or the day before: 2021-09-01 was a Wednesday,
    # 2020-09-01 and 2026-09-01 Tuesdays; two years where the event is of the report's day
    got = context("Białystok, 1.09. – Straż Graniczna zatrzymała we wtorek 20 migrantów.")
    assert got.anchor is None
    # no weekday at all
    assert context("ГРОДНО, 12 ноября. /ТАСС/. Пограничники задержали мигрантов.").anchor is None


def test_a_yearless_dateline_keeps_the_batch_year_unless_its_statement_names_another_day():
    text = "A title\n\nRIGA, Sept 14 (LETA) - Latvian guards turned back 63 people, {}."
    # (2021-09-14 was a Tuesday, 2022-09-14 a Wednesday)
    assert context(text.format("the State Border Guard reported on Wednesday"), 2021).anchor \
        == D(2022, 9, 14)
    assert context(text.format("the State Border Guard reported on Tuesday"), 2021).anchor \
        == D(2021, 9, 14)
    # an event's weekday may be days before the report: the batch year stays
    assert context(text.format("most of them on Wednesday"), 2021).anchor == D(2021, 9, 14)


@pytest.mark.parametrize("lang, text, expected", [
    ("lv", "Ārkārtējā situācija tika izsludināta 2021. gada augustā.", D(2021, 8, 1)),
    ("lv", "Migrantu plūsma pieauga 2021. gada augusta beigās.", D(2021, 8, 1)),
    ("lv", "Robežsargi 2021. g. jūlijā aizturēja 300 migrantus.", D(2021, 7, 1)),
    ("lt", "Ekstremalioji situacija paskelbta 2021 m. rugpjūtį.", D(2021, 8, 1)),
    ("lt", "Migrantų srautas išaugo 2021-ųjų liepą.", D(2021, 7, 1)),
    ("lt", "Tvora pradėta statyti 2021 m. rugpjūčio mėn.", D(2021, 8, 1)),
])
def test_a_year_before_its_month_gives_that_month(lang, text, expected):
    assert dates(" date 2023-03-01 " + text)[0][1:] == (expected, "month")


@pytest.mark.parametrize("lang, text", [
    ("lv", "Rīga, 2022. gada 9. novembrī. Valdība otrdien pagarināja ārkārtējo situāciju līdz "
           "2023. gada 10. februārim. Tā tika izsludināta 2023. gada 3. maijā un 10. augustā."),
    ("en", "VILNIUS, Nov 9, 2022 (BNS) - The government extended the emergency until Feb 10, "
           "2023, said on May 3, 2023 and announced on August 10."),
])
def test_a_dateline_year_is_the_year_of_dates_printed_without_one(lang, text):
    # (the text's complete dates are more often of 2023)
    ctx = context("A title\n\n" + text)
    assert (ctx.anchor, ctx.year) == (D(2022, 11, 9), 2022)
    assert [e.date for e in find_dates(ctx.index.text, 0, len(ctx.index.text), ctx)][-1] \
        == D(2022, 8, 10)


@pytest.mark.parametrize("lang, line, expected", [
    ("en", "Published 15/09/2021", D(2021, 9, 15)),
    ("pl", "Opublikowano: 08/11/2021", D(2021, 11, 8)),       # day first
    ("ru", "Опубликовано 15/09/2021", D(2021, 9, 15)),
    ("de", "Veröffentlicht am 15/09/2021", D(2021, 9, 15)),
    ("lt", "Publikuota 15/09/2021", D(2021, 9, 15)),
    ("lv", "Publicēts: 15/09/2021", D(2021, 9, 15)),
    ("en", "11/17/2021", D(2021, 11, 17)),                    # month first: 17 is no month
])
def test_slash_dates_are_day_first_unless_the_day_cannot_be_a_month(lang, line, expected):
    ctx = context("A title\n\n" + line + "\nGuards detained 12 migrants.")
    assert (ctx.anchor, ctx.inferred) == (expected, False)


@pytest.mark.parametrize("lang, line", [
    ("en", "By Jan Kowalski | 12.11.2021 14:35"),
    ("en", "By Jan Kowalski, Reuters, 12 November 2021"),
    ("pl", "Autor: Jan Kowalski, 12 listopada 2021 r."),
    ("lt", "Autorius: Jonas Jonaitis, LRT.lt | 2021.11.12 14:35"),
    ("de", "Von Anna Schmidt, dpa | 12.11.2021, 14:35 Uhr"),
    ("ru", "Автор: Иван Петров · 12.11.2021"),
    ("lv", "Autors: Jānis Bērziņš | 12.11.2021"),
])
def test_a_bylines_date_is_the_report_date(lang, line):
    # (a later date further down does not make it the latest date printed)
    text = "A title\n\n" + line + "\nGuards detained 20 migrants on Wednesday. On 20.11.2021 more."
    ctx = context(text)
    assert (ctx.anchor, ctx.inferred) == (D(2021, 11, 12), False)


@pytest.mark.parametrize("lang, text, day", [
    ("en", "Guards detained 20 migrants yesterday (August 4, 2021).", "August 4, 2021"),
    ("lv", "Robežsargi vakar, 4. augustā, aizturēja 20 migrantus. Kopš 2021. gada 1. jūlija "
           "aizturēti 400.", "4. augustā"),
    ("de", "Grenzschützer nahmen gestern, 4. August 2021, 20 Migranten fest.", "4. August 2021"),
    ("pl", "Straż zatrzymała wczoraj, 4 sierpnia 2021, 20 migrantów.", "4 sierpnia 2021"),
    ("ru", "Пограничники вчера, 4 августа 2021 года, задержали 20 мигрантов.",
     "4 августа 2021"),
    ("lt", "Pasieniečiai vakar, 2021 m. rugpjūčio 4 d., sulaikė 20 migrantų.",
     "2021 m. rugpjūčio 4 d"),
])
def test_yesterday_beside_its_date_is_that_date_and_tells_the_report_day(lang, text, day):
    text = "A title\n\n" + text + " Another 10 on Monday."
    ctx = context(text)
    # the report was made the day after (2021-08-05, a Thursday): Monday is before it
    assert (ctx.anchor, ctx.inferred) == (D(2021, 8, 5), False)
    found = [(e.text, e.date) for e in find_dates(text, 0, len(text), ctx)]
    assert (day, D(2021, 8, 4)) in found and found[-1] == (found[-1][0], D(2021, 8, 2))
    assert not any(e.kind == "rel" for e in find_dates(text, 0, len(text), ctx))


@pytest.mark.parametrize("lang, text", [
    ("en", "A man was found dead on Friday. This was reported on September 23, 2021."),
    ("pl", "W piątek znaleziono ciało mężczyzny. Poinformowano o tym 23 września 2021 r."),
    ("ru", "В пятницу нашли тело мужчины. Об этом сообщили 23 сентября 2021 года."),
    ("de", "Am Freitag wurde ein Toter gefunden. Das teilte die Polizei am 23. September 2021 mit."),
    ("lt", "Penktadienį rastas vyro kūnas. Apie tai pranešta 2021 m. rugsėjo 23 d."),
    ("lv", "Piektdien atrasts vīrieša ķermenis. Par to ziņots 2021. gada 23. septembrī."),
])
def test_the_day_a_text_says_it_was_reported_is_its_report_date(lang, text):
    # (2021-09-23 was a Thursday: Friday is the one before, not the nearest one after)
    ctx = context("A title\n\n" + text)
    assert (ctx.anchor, ctx.inferred) == (D(2021, 9, 23), False)
    assert find_dates(ctx.index.text, 0, len(ctx.index.text), ctx)[0].date == D(2021, 9, 17)


@pytest.mark.parametrize("lang, related", [
    ("en", "Related\nPoland builds a fence - October 14, 2021\nEmergency extended - 30.09.2021"),
    ("pl", "Czytaj także:\nMur na granicy. Sejm przyjął ustawę (14.10.2021)\nStan wyjątkowy "
           "przedłużony (30.09.2021)"),
    ("ru", "Читайте также: Польша строит забор (14.10.2021)"),
    ("de", "Lesen Sie auch\nPolen baut einen Zaun (14.10.2021)"),
    ("lt", "Susiję straipsniai\n2021-10-14 Lenkija stato tvorą"),
    ("lv", "Saistītie raksti:\nPolija būvē žogu 14.10.2021"),
])
def test_related_article_dates_are_no_report_date(lang, related):
    text = f"A title\n\nGuards detained 20 migrants on Tuesday, August 3, 2021.\n{related}\n"
    ctx = context(text)
    assert ctx.anchor == D(2021, 8, 3)


def test_archive_lists_give_no_year():
    text = "A title\n\nGuards detained 20 migrants in August.\nZobacz także: Kwiecień 2025 | " \
           "Maj 2025 | Czerwiec 2025\nArchiwum: Listopad 2024, Grudzień 2024\n"
    assert context(text, 2021).year == 2021


@pytest.mark.parametrize("lang, text", [
    ("en", "Guards detained 45 migrants near Druskininkai on Friday, Aug. 6."),
    ("en", "Friday, Aug. 6\nGuards detained 45 migrants near Druskininkai on Friday."),
    ("pl", "Straż zatrzymała w piątek, 6 sierpnia, 45 migrantów."),
    ("ru", "Пограничники в пятницу, 6 августа, задержали 45 мигрантов."),
    ("de", "Grenzschützer nahmen am Freitag, 6. August, 45 Migranten fest."),
    ("lt", "Pasieniečiai penktadienį, rugpjūčio 6 d., sulaikė 45 migrantus."),
    ("lv", "Robežsargi piektdien, 6. augustā, aizturēja 45 migrantus."),
])
def test_a_weekday_beside_a_date_without_a_year_fits_the_year(lang, text):
    # (2021-08-06 was a Friday; of 2020-2026 only then): the text's year, also against the
    # batch's
    for batch in (None, 2022):
        ctx = context("A title\n\n" + text, batch)
        assert ctx.year == 2021
        assert D(2021, 8, 6) in [e.date for e in find_dates(ctx.index.text, 0,
                                                            len(ctx.index.text), ctx)]


@pytest.mark.parametrize("lang, text", [
    ("en", "The border guard said on Thursday, August 5, 2021, that 40 migrants were detained "
           "on Wednesday."),
    ("pl", "Straż Graniczna poinformowała w czwartek, 5 sierpnia 2021, że w środę zatrzymano 40 "
           "migrantów."),
    ("de", "Der Grenzschutz teilte am Donnerstag, 5. August 2021, mit, dass am Mittwoch 40 "
           "Migranten festgenommen wurden."),
])
def test_a_statements_weekday_beside_its_date_makes_the_date_a_statements(lang, text):
    found = dates_full("A title\n\n" + text)
    assert [(e.date, e.statement) for e in found] == [(D(2021, 8, 5), True),
                                                      (D(2021, 8, 4), False)]


@pytest.mark.parametrize("lang, line", [
    ("pl", "Opublikowano: pon, 15 lis 2021 12:30"),
    ("ru", "15 ноя 2021, 12:30"),
    ("de", "15. Nov. 2021, 12:30 Uhr"),
    ("de", "Stand: 15. Dez. 2021"),
])
def test_abbreviated_months_with_their_year(lang, line):
    month = 12 if "Dez" in line else 11
    ctx = context("A title\n\n" + line + "\nGuards detained 20 migrants on Sunday.")
    assert (ctx.anchor, ctx.inferred) == (D(2021, month, 15), False)


def test_an_abbreviation_without_a_year_is_no_month():
    # pl "sie" is also "się" written without its diacritic
    assert dates(" date 2021-08-10 Zatrzymano 2 sie osoby i 15 lis.") == []


@pytest.mark.parametrize("lang, line", [
    ("pl", "Wtorek, 16 listopada 2021"),
    ("ru", "Вторник, 16 ноября 2021"),
    ("de", "Dienstag, 16.11.2021"),
    ("lt", "Antradienis, 2021 m. lapkričio 16 d."),
    ("lv", "Otrdiena, 2021. gada 16. novembris"),
    ("pl", "wt., 16.11.2021"),
])
def test_a_date_line_opening_with_its_weekday(lang, line):
    text = "A title\n\n" + line + "\nGuards detained 20 migrants. On 20.11.2021 more."
    assert (context(text).anchor, context(text).inferred) == (D(2021, 11, 16), False)


@pytest.mark.parametrize("lang, text, expected", [
    # an event of the lead fits the report day in one year, the day before in another
    # (2021-11-08 a Monday, 2022-11-08 a Tuesday): the same day wins
    ("ru", "ГРОДНО, 8 ноя — РИА Новости. Несколько сотен беженцев в понедельник пытаются "
           "прорваться через границу.", D(2021, 11, 8)),
    ("en", "KUZNICA, Poland, Nov 8 (Reuters) - Hundreds of migrants tried on Monday to break "
           "through the border.", D(2021, 11, 8)),
    ("de", "Warschau, 8. Nov. (dpa) – Hunderte Migranten versuchten am Montag, die Grenze zu "
           "durchbrechen.", D(2021, 11, 8)),
    ("en", "WARSAW, Nov 15 (Reuters) - Polish police said on Monday they had found the body "
           "of a young Syrian man.", D(2021, 11, 15)),
])
def test_a_yearless_dateline_prefers_the_year_where_its_event_is_of_that_day(lang, text,
                                                                            expected):
    assert context("A title\n\n" + text).anchor == expected


def test_year_assumed_tells_a_batch_year_no_weekday_fits():
    text = "A title\n\nRIGA, Sept 14 (LETA) - Latvian guards turned back 63 people{}."
    assert context(text.format(""), 2021).year_assumed
    assert (context(text.format(""), 2021).anchor, context(text.format(""), None).anchor) \
        == (D(2021, 9, 14), None)
    for batch in (2021, None):      # the statement's weekday fits 2022
        ctx = context(text.format(", the State Border Guard reported on Wednesday"), batch)
        assert (ctx.year, ctx.year_assumed) == (2022, False)
    assert not context(text.format(", 2022"), 2021).year_assumed     # (its year printed)
    assert not context(" date 2021-09-14 " + text.format(""), 2023).year_assumed
