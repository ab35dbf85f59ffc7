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
])
def test_day_expressions_resolve_against_the_document_date(text, expected):
    assert dates(text)[0][1:] == (expected, "day")


def test_week_and_month_precision():
    assert dates(" date 2021-08-18 Parliament voted last week.")[0][1:] == (D(2021, 8, 9), "week")
    assert dates(" date 2021-08-18 В прошлом месяце.")[0][1:] == (D(2021, 7, 1), "month")
    assert dates(" date 2021-11-13 Obóz powstał w listopadzie.")[0][1:] == (D(2021, 11, 1), "month")


def test_a_day_earlier_is_relative_to_the_date_of_its_sentence():
    got = dates(" date 2021-08-20 On August 18, he called the clash a day earlier a provocation.")
    assert got[1] == ("a day earlier", D(2021, 8, 17), "day")


def test_without_a_header_the_latest_printed_date_anchors_weekdays_forwards():
    # "Aug. 5 and 16" (no year: the batch year) -> the next Tuesday is 2021-08-17
    got = dates("Only 14 entered between Aug. 5 and 16. Officers crossed on Tuesday.", 2021)
    assert got[-1] == ("Tuesday", D(2021, 8, 17), "day")
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
