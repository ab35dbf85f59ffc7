import datetime as dt

from gazetteer_fixture import PLACES, gazetteer

from geomap.events import extract_events, merge_events
from geomap.extract import Extractor
from geomap.model import Mention
from geomap.places.files import bundled_gazetteer_dir
from geomap.sites import Airport, Airports, airport_site, served
from geomap.texts import make_document

# Rounded from airportsdata (gazetteer/airports.csv).
MSQ = Airport("UMMS", "MSQ", "Minsk International Airport", "Minsk", "BY", 53.8825, 28.0307)
MACHULISHCHY = Airport("UMLI", "", "Minsk Machulishchy Airport", "Minsk", "BY", 53.7733, 27.58)
VNO = Airport("EYVI", "VNO", "Vilnius International Airport", "Vilnius", "LT", 54.6341, 25.2858)
DRUSKININKAI = Airport("EYDR", "", "Druskininkai Airport", "Druskininkai", "LT", 54.0153, 23.9431)
BERLIN = [Airport("EDDB", "BER", "Berlin Brandenburg Airport", "Berlin", "DE", 52.3514, 13.4939),
          Airport("EDDT", "TXL", "Berlin Tegel Airport", "Berlin", "DE", 52.5597, 13.2877)]
AIRPORTS = Airports([MSQ, MACHULISHCHY, VNO, DRUSKININKAI, *BERLIN])
EX = Extractor(gazetteer(), None, airports=AIRPORTS)
PLACE = {p.name: p for p in PLACES}


def site(text, name, **kw):
    doc = make_document("t.txt", text)
    m = next(m for m in EX.extract(doc) if m.place and m.place.name == name)
    return EX.site(m, **kw)


def test_airport_words_after_or_before_the_city():
    for text, span in [("Migrants landed at Minsk airport on Monday.", "Minsk airport"),
                       ("Arrivals at Minsk National Airport were cancelled.",
                        "Minsk National Airport"),
                       ("Мигранты прилетели в аэропорт Минска.", "аэропорт Минска"),
                       ("Samolot wylądował na lotnisku w Mińsku.", "lotnisku w Mińsku")]:
        m = site(text, "Minsk")
        assert (m.place.id, m.place.kind, m.text) == ("icao:UMMS", "airport", span), text
        assert m.doc.text[m.start:m.end] == span
    lt = site("Pareigūnai dirbo Vilniaus oro uoste.", "Vilnius")
    assert lt.place.id == "icao:EYVI" and lt.text == "Vilniaus oro uoste"


def test_no_airport_word_or_no_single_airport_keeps_the_place():
    assert site("Migrants were seen in Minsk on Monday.", "Minsk").place.name == "Minsk"
    assert site("Protesters gathered at Berlin airport.", "Berlin").place.name == "Berlin"
    assert site("Guards went to Kaunas airport.", "Kaunas").place.name == "Kaunas"
    assert site("Druskininkai airport was closed.", "Druskininkai").place.id == "icao:EYDR"


def test_a_flight_lands_at_the_airport_with_scheduled_service():
    assert site("A plane from Baghdad arrived in Minsk.", "Minsk", flight=True).place.id \
        == "icao:UMMS"
    # An airfield without scheduled service is no flight's destination unless the text says so.
    assert site("Migrants arrived in Druskininkai.", "Druskininkai", flight=True).place.name \
        == "Druskininkai"


def test_serving_checks_country_and_distance():
    far = Airports([Airport("XXXX", "XXX", "Minsk Field", "Minsk", "BY", 55.9, 27.5)])  # 220 km
    assert far.serving(PLACE["Minsk"]) is None
    other_country = Airports([Airport("YYYY", "YYY", "Minsk", "Minsk", "LT", 53.9, 27.6)])
    assert other_country.serving(PLACE["Minsk"]) is None
    assert AIRPORTS.serving(PLACE["Lithuania"]) is None          # countries have no airport
    assert AIRPORTS.serving(PLACE["Minsk"]) == MSQ               # the one with an IATA code


def test_events_are_placed_at_the_airport_and_merge_with_the_city():
    docs = [make_document("a.txt", " date 2021-06-18 A flight from Baghdad arrived in Minsk on "
                                   "Thursday with 150 migrants."),
            make_document("b.txt", " date 2021-06-18 On Thursday 150 migrants from Iraq were "
                                   "seen in Minsk after a flight from Baghdad.")]
    events = [e for d in docs for e in extract_events(d, EX.extract(d), site=EX.site)]
    assert [e.place.place.id for e in events] == ["icao:UMMS", "icao:UMMS"]
    assert events[0].geo_precision == 1 and events[0].date == dt.date(2021, 6, 17)
    plain = [e for d in docs[1:] for e in extract_events(d, EX.extract(d))]
    assert plain[0].place.place.name == "Minsk"                   # without ``site``: the city
    assert len(merge_events([events[0], plain[0]])) == 1          # 31 km apart, one incident


def test_bundled_airports():
    airports = Airports.load(bundled_gazetteer_dir())
    assert len(airports) > 7000
    assert airports.serving(PLACE["Minsk"]).icao == "UMMS"
    assert airports.serving(PLACE["Vilnius"]).icao == "EYVI"
    assert len(Airports.load(None)) == 0


def test_airport_site_needs_a_resolved_place():
    doc = make_document("t.txt", "Nowhere airport.")
    m = Mention(doc, 0, 7, "Nowhere", doc.text, 0)
    assert airport_site(m, AIRPORTS) is m


def test_served_lists_the_airports_places_may_become():
    places = [PLACE["Minsk"], PLACE["Vilnius"], PLACE["Kaunas"]]
    assert sorted(served(AIRPORTS, places)) == sorted([(MSQ.lat, MSQ.lon), (VNO.lat, VNO.lon)])
