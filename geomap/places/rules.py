"""The rules every gazetteer entry obeys, on every write and in ``validate``: well-formed
fields, an ISO country, no same-named entry close by (unless forced)."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ..errors import GazetteerError
from ..geodesy import haversine_km
from ..model import KINDS, Place
from ..normalize import key

USER_SOURCE = "user"
FORCED_NOTE = " (stored with --force)"
ISO_COUNTRIES = frozenset("""
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS
BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE
EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM
HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC
LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO
TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XK
""".split())
NO_COUNTRY_KINDS = ("region", "other")   # may span countries: country may be empty
DUPLICATE_KM = 5.0          # a name already present this close is refused (unless forced)
SAME_PLACE_KM = 1.0         # validate: same name, same kind, this close -> duplicate (error)
COUNTRY_TOLERANCE_KM = 10.0  # validate: a point this close to its stated country passes


# The characters of Unicode categories Cc, Zl and Zp (fixed by the standard), as a class.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def has_control(text: str) -> bool:
    return _CONTROL.search(text) is not None


def place_problems(place: Place) -> list[str]:
    """Why ``place`` may not be stored (empty when it may): the rules of every write."""
    problems = []
    if not place.id or any(c.isspace() for c in place.id) or has_control(place.id):
        problems.append(f"id {place.id!r} is empty or contains spaces")
    if not place.name:
        problems.append("the name is empty")
    elif has_control(place.name):
        problems.append(f"the name {place.name!r} contains control characters")
    elif not key(place.name):
        problems.append(f"the name {place.name!r} has no letters or digits")
    for alt in place.alt_names:
        if has_control(alt) or "|" in alt or not key(alt):
            problems.append(f"alternate name {alt!r} is empty, contains '|' or control "
                            "characters")
    if has_control(place.source):
        problems.append("the source contains control characters")
    if not -90 <= place.lat <= 90:
        problems.append(f"lat {place.lat} is outside [-90, 90]")
    if not -180 <= place.lon <= 180:
        problems.append(f"lon {place.lon} is outside [-180, 180]")
    if place.country is None:
        if place.kind not in NO_COUNTRY_KINDS:
            problems.append(f"a country is required for kind {place.kind!r}")
    elif place.country not in ISO_COUNTRIES:
        problems.append(f"country {place.country!r} is not an ISO 3166-1 alpha-2 code")
    if place.kind not in KINDS:
        problems.append(f"kind {place.kind!r} is not one of {', '.join(KINDS)}")
    if place.population is not None and place.population < 0:
        problems.append(f"population {place.population} is negative")
    return problems


def check_place(place: Place) -> None:
    """Raise GazetteerError with the first reason ``place`` may not be stored."""
    problems = place_problems(place)
    if problems:
        raise GazetteerError(f"refused: {problems[0]}")


def new_place(place_id: str, name: str, lat: float, lon: float, country: str | None, kind: str,
              alt_names: Iterable[str] = (), source: str = USER_SOURCE,
              population: int | None = None) -> Place:
    """A Place from user input: names NFC-normalised and trimmed, country upper-cased,
    alternates de-duplicated (the name itself dropped)."""
    def clean(text: str) -> str:
        return unicodedata.normalize("NFC", text).strip()

    name = clean(name)
    alts = []
    for alt in map(clean, alt_names):
        if alt and alt != name and alt not in alts:
            alts.append(alt)
    return Place(id=place_id.strip(), name=name, lat=float(lat), lon=float(lon),
                 country=clean(country).upper() or None if country else None,
                 kind=clean(kind), population=population, source=clean(source),
                 alt_names=tuple(alts))


def same_name_nearby(place: Place, places: Iterable[Place],
                     km: float = DUPLICATE_KM) -> list[tuple[float, Place, str]]:
    """(distance, entry, its name) for each other entry within ``km`` of ``place`` that has
    one of its names (any case or diacritics), nearest first."""
    keys = {key(n) for n in (place.name, *place.alt_names)} - {""}
    max_dlat = km / 111.0 + 1e-9
    found = []
    for p in places:
        if p.id == place.id or abs(p.lat - place.lat) > max_dlat:
            continue
        d = haversine_km(place.lat, place.lon, p.lat, p.lon)
        shared = [n for n in (p.name, *p.alt_names) if key(n) in keys]
        if d <= km and shared:
            found.append((d, p, shared[0]))
    return sorted(found, key=lambda t: (t[0], t[1].id))


def refuse_duplicate(place: Place, places: Iterable[Place]) -> None:
    near = same_name_nearby(place, places)
    if near:
        d, p, name = near[0]
        raise GazetteerError(
            f"refused: {name!r} is already in the gazetteer {d:.1f} km away ({p.id}: {p.name}, "
            f"{p.kind}, {p.country or '-'}); use --force to store it anyway")
