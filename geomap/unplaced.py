"""Unplaced names: words in the texts that look like place names but are not in the gazetteer.

A capitalised name (one to three words) is a candidate when the text gives evidence that it
names a place, in any of en/lt/lv/pl/ru/de:

* a place cue right before it ("near", "in the village of", "w miejscowości", "we wsi", "koło",
  "prie", "netoli", "в деревне", "около", "bei", "im Dorf"...; weak ones such as "in", "at" or
  "from" count less) or a designator right after it ("X district", "X rajone", "X seniūnija",
  "X stream", "X forest", "X crossing", "X kaime", "X ciemā", "X pagastā", "X novads"), or
  "gmina X";
* an all-caps dateline ("ROBEZNIEKI, Latvia —");
* being one letter (or one transliteration) away from a known name, which the record names.

Names the extractor already resolves, names the gazetteer knows in any inflected form,
persons (a first name, a title before, "said" after, "named" before), organisations (a word
such as "Guard" or "Ministry" in or after the name) and common words (the gazetteer's
common-words list, and words the same texts also write in lower case) are left out.

Records merge the inflected forms of one name (``morph.name_variants``): one record per base
name (a Lithuanian or Latvian name seen only inflected gets a guessed nominative,
``morph.guess_nominative``, said in ``name_guess``), with the forms seen, counts, files, the
first sentence, the nearest gazetteer place in the sentence (else the document) as ``near``, a
guessed country and kind with their reasons, and a confidence. ``template_rows`` turns records
into the CSV that ``geomap gazetteer import`` reads once lat and lon are filled in. Memory: one
entry per distinct candidate name.
"""
from __future__ import annotations

import bisect
import calendar
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from .extract import Extractor
from .geodesy import BORDER_COUNTRIES
from .keyscan import compiled
from .mentions import RIVER_BEFORE, demonym, word_before
from .model import Document, Mention
from .morph import base_forms, guess_nominative, name_variants
from .normalize import key
from .texts import sentence_spans

LETTERS = re.compile(r"\b[^\W\d_]+\b")
MAX_WORDS = 3
WEAK = 0.15
# Cue phrases right before a name: (pattern, weight, country the cue's language suggests,
# the case the cue puts the name in: "gen" genitive, "ins" instrumental, None: as written, e.g.
# an apposition "we wsi Łosiniany", "возле деревни Заречье", or a case not guessed back).
_BEFORE = [
    (r"near|nearby|outside|close to|not far from|in the vicinity of|(?:in|from|of|near) the "
     r"(?:village|hamlet|settlement|town|forest|area|woods|locality) of|(?:village|hamlet|"
     r"settlement|locality) of|at the (?:village|settlement) of|(?:the|a) (?:village|hamlet|"
     r"settlement)|(?:on )?the outskirts of|(?:village|hamlet|settlement|place|locality) "
     r"(?:called|named|known as)|(?:the |a )?(?:river|stream|brook|creek|rivulet)", 0.5, None,
     None),
    (r"in|at|from|to|towards|around", 0.15, None, None),
    (r"w miejscowości|miejscowości|miejscowość|miejscowością|we wsi|wsi|wieś|wsią|wioska|"
     r"wioski|wiosce|osada|osady|osadzie|kolonii|kolonia|gmin[aiey]|powiat|rzeka|rzeki|rzece|"
     r"rzekę|strumień|strumienia|strumieniu|strumieniem|potok|potoku|rzeczka|rzeczki|rzeczce|"
     r"osiedle|osiedla|osiedlu|osiedlem", 0.5, "PL", None),
    (r"koło|kolo|obok|niedaleko|w pobliżu|w okolicach|w okolicy|w rejonie|na terenie|"
     r"w pobliżu wsi", 0.5, "PL", "gen"),
    (r"pod|nad|nad rzeką|rzeką|za", 0.5, "PL", "ins"),
    (r"przy", 0.5, "PL", None),
    (r"do|z|ze|od|spod", WEAK, "PL", "gen"),
    (r"w|we", WEAK, "PL", "loc"),
    (r"prie|netoli|ties|šalia|salia|kaime|kaimo|gyvenvietėje|gyvenvietės|gyvenvietė|upės|"
     r"upėje|upę|upelio|upelis|upelyje", 0.5, "LT", None),
    (r"pie|netālu no", 0.4, "LV", "gen"),
    (r"upes|upē|upe", 0.4, "LV", None),
    # a village after its parish or municipality, both in the genitive: "netālu no
    # Skrudalienas pagasta Lielborovkas"
    (r"pagasta|novada", 0.4, "LV", "gen"),
    (r"ciemā|ciematā|pagastā|novadā", 0.4, "LV", None),
    (r"в деревне|в селе|в посёлке|в поселке|в агрогородке|деревни|деревня|деревне|деревней|"
     r"села|село|селе|посёлке|поселке|агрогородке|хутором|"
     r"посёлка|поселка|посёлок|поселок|посёлку|поселку|деревню|селу|хутору|агрогородка|"
     r"агрогородок|агрогородку|хутора|хутор|хуторе|урочища|"
     r"урочище|урочищу|реки|река|реке|рекой|речки|речке|речку|ручья|ручей|ручье|озера|озеро|"
     r"микрорайоне|микрорайона|микрорайон|микрорайону|мікрараёне|мікрараёна|населенного пункта|"
     r"населённого пункта|населенный пункт|населённый пункт|населенном пункте|"
     r"населённом пункте|н\. п\.|н\.п\.|д\.|дер\.|пос\.|аг\.|х\.", 0.5, None, None),
    (r"у|около|под|в районе|близ|возле|недалеко от", 0.5, None, "gen"),
    (r"у вёсцы|ў вёсцы|вёскі|вёска|вёску|пасёлка|пасёлак|пасёлку|аграгарадка|аграгарадок|"
     r"хутара|хутар|хутары|урочышча|ракі|рака|рацэ|"
     r"возера|населенага пункта|населены пункт|населеным пункце|в\.", 0.5, None, None),
    (r"каля|ля|паблізу|непадалёк ад|у раёне|ў раёне", 0.5, None, "gen"),
    (r"в|во|из|к|от|до|ў|з|ад|да", WEAK, None, None),       # in, from, to

    (r"bei|im dorf|nahe|in der nähe von|nahe dem dorf|im ort|dorf|dorfes|ortschaft|weiler|"
     r"siedlung|gemeinde|fluss|flusses|bach|baches|stadtteil|viertel", 0.5, None, None),
]
# A border guards' station named after its village, before the name: "погранзаставы
# «Привалка»", "placówki SG w X", "Placówka Straży Granicznej w X".
STATIONS_BEFORE = ((re.compile(r"(?:погран)?застав\w*[ \u00a0]*[«\"„“]$", re.I), None),
                   (re.compile(r"plac[oó]w(?:k\w*|ce|ek)[ \u00a0]+(?:SG|Stra[żz]y[ \u00a0]+"
                               r"Granicznej)[ \u00a0]+we?[ \u00a0]+$", re.I), "PL"))
STATION_CASE = {None: None, "PL": "loc"}          # the case a station's cue puts the name in
_STATION_BEFORE_ENDS = ("«", "\"", "„", "“", " w ", " we ", "\u00a0w ", " w\u00a0")
# ... and after it: "Padvarionių užkardos", "the Padvarionys frontier station" (its words are
# organisation words, which otherwise leave the name out).
_STATION_AFTER_FIRST = frozenset("uUfFbB")            # (a quick test before the pattern)
STATION_AFTER = re.compile(r"[ \u00a0]+(?:užkard\w*|(?:frontier|border|border guard|"
                           r"border-guard) (?:station|outpost))(?!\w)", re.I)
# A nationality adjective before a settlement noun: the country of the name after it.
NATION_BEFORE = re.compile(
    r"(?<!\w)(?P<adj>polish|polnisch\w*|польск\w*|polsk\w*|lithuanian|litauisch\w*|"
    r"литовск\w*|litewsk\w*|latvian|lettisch\w*|латвийск\w*|łotewsk\w*|belarusian|"
    r"belarussisch\w*|weißrussisch\w*|белорусск\w*|białorusk\w*)\s+(?:border\s+)?"
    r"(?:village|town|hamlet|settlement|locality|dorf\w*|ort\w*|gemeinde|деревн\w*|сел[аоеу]|"
    r"посёлк\w*|поселк\w*|поселок|посёлок|wsi|wieś|wioski|wiosce|miejscowości|miejscowość)"
    r"\s+(?:of\s+)?(?:the\s+)?\Z", re.I)
NATION_COUNTRY = {"pol": "PL", "пол": "PL", "lit": "LT", "лит": "LT", "lat": "LV", "let": "LV",
                  "лат": "LV", "łot": "LV", "bel": "BY", "wei": "BY", "бел": "BY", "bia": "BY"}
# The kind a cue right before a name names ("rzeką X": a stream; "хутора X": a hamlet).
CUE_KINDS = ((re.compile(r"(?:river|stream|brook|creek|rivulet|rzek|rzec|rzeczk|strumie|potok|рек|"
                         r"речк|ручь|ручей|рак|рац|upė|upę|upel|upes|upē|upe|fluss|bach|"
                         r"микрорайон|мікрараён|osiedl|mikrorajon|stadtteil|viertel)\w*[ \u00a0]+$",
                         re.I), "other"),
             (re.compile(r"(?:forest|woods|урочищ|урочышч|возер|озер)\w*[ \u00a0]+$", re.I),
              "other"))
# A word of the name that says its kind ("Rucava Lake", "Puszcza Knyszyńska").
NAME_KINDS = frozenset(key(w) for w in """lake river stream creek brook forest woods bog swamp
    puszcza puszczy puszczą jezioro jeziora rzeka rzeki las lasu uroczysko uroczyska bagno
    see fluss bach wald""".split())
BEFORE = [(re.compile(rf"(?:^|[\s(\"“„«])(?:{p})[ \u00a0]+$", re.I), w, c, case)
          for p, w, c, case in _BEFORE]
# Designators right after a name: (pattern, weight, kind, country, whether the name before
# it is in the genitive: lt "Kalvių kaime", "Lazdijų rajone"; lv "Kaplavas pagastā").
_AFTER = [
    (r"villages?|hamlet|settlement", 0.5, "village", None, False),
    (r"kaim(?:as|e|o|ų|u|ai)|kaimų|kaimo|kaime|k\.", 0.5, "village", "LT", True),
    (r"wieś", 0.5, "village", "PL", False),       # (not "wsi": "Mieszkańcy wsi X", "residents")
    (r"vienkiem\w*|viensėd\w*", 0.5, "village", "LT", True),
    (r"mājas|mājām|mājās", 0.4, "village", "LV", True),
    (r"ciems|ciemā|ciemats|ciematā|ciema|ciemam|ciemata", 0.5, "village", "LV", True),
    (r"seniūnij\w*|seniunij\w*|rajon(?:e|o|as|ą|ui|u)|savivaldyb\w*", 0.5, "district", "LT",
     True),
    (r"pagasts|pagastā|pagasta|pagastam|pagastu|novads|novadā|novada|novadam|novadu", 0.5,
     "district", "LV", True),
    (r"districts?|rajon\w*|raion|rayon|eldership|gmin\w*|powiat\w*|novad\w*|pagast\w*|"
     r"район\w*|раён\w*|сельсовет\w*", 0.5, "district", None, False),
    (r"upė\w*|upel\w*|miškas|miške|miško|ežer\w*|giri\w*", 0.5, "other", "LT", True),
    (r"upe|upē|upes|ezers|ezerā|ezera|mežs|mežā|meža", 0.5, "other", "LV", True),
    (r"mikrorajon(?:e|o|as|ą|ui|u)", 0.5, "other", "LT", True),     # neighbourhoods
    (r"mikrorajon(?:ā|s|a|am)", 0.5, "other", "LV", True),
    (r"streams?|rivers?|creek|brook|rzek\w*|strumie\w*|река|реки|ручей|"
     r"forests?|woods|las|lasu|lesie|лес\w*|lake|jezior\w*", 0.5, "other", None, False),
    (r"apylink\w*", 0.5, "village", "LT", True),          # "Čepelių apylinkėse"
    # a border guards' station is named after its village: "Padvarionių užkardos", "the
    # Padvarionys frontier station"
    (r"užkard\w*", 0.5, "village", "LT", True),
    (r"(?:frontier|border|border guard|border-guard) (?:station|outpost)", 0.5, "village", None,
     False),
    (r"кра[йяюе]|краем", 0.5, "district", "LV", False),     # Latvian novads in Russian
    (r"(?:border )?crossing(?: point)?|checkpoint|border post|punkt\w*|пункт\w*|"
     r"frontier post", 0.5, "crossing", None, False),
    (r"camps?|stovykl\w*|lager", 0.4, "camp", None, False),
]
AFTER = [(re.compile(rf"^[ \u00a0]+(?:{p})(?!\w)", re.I), w, k, c, g) for p, w, k, c, g in _AFTER]
PLURAL_AFTER = re.compile(r"^[ \u00a0]+(?:villages|kaimų|wsi|ciemi|деревень)(?!\w)", re.I)
DATELINE = re.compile(r"(?:^|\n)[ \t]*(?P<name>[A-ZÀ-ÞĀ-ŽА-ЯЁІЎ][A-ZÀ-ÞĀ-ŽА-ЯЁІЎ'\- ]{2,40}),"
                      r"[ \u00a0]+(?P<country>[A-Z][a-z]+)[ \u00a0]*[—–-]")
TITLES = re.compile(r"(?:\b(?:mr|mrs|ms|dr|prof|gen|col|lt|sgt|sen|rep|president|minister|"
                    r"general|colonel|officer|spokes(?:man|woman|person)|commander|chief|head|"
                    r"pope|king|queen|prince|commissioner|ambassador|director|pan|pani|ponas|"
                    r"ponia|господин|президент|министр|(?<!village )(?<!hamlet )(?<!place )"
                    r"(?<!settlement )named|called himself|gave (?:his|her) "
                    r"name as|by)\.?[ \u00a0]+)$", re.I)
SAID = re.compile(r"^[ \u00a0]*,?[ \u00a0]*(?:said|says|told|added|explained|noted|wrote|"
                  r"stated|who|has said|had said|sakė|teigė|powiedział\w*|сказал\w*|"
                  r"sagte|reported|reports|reporting|informed|announced|pranešė|ziņoja|"
                  r"sacīja|podał\w*|poinformował\w*|сообщил\w*|сообщает|berichtete\w*|"
                  r"meldete\w*)(?!\w)", re.I)
# Words of organisations' names, the state's and federal heads among them: a run holding one,
# or followed by one, is no place ("pie Silenes, Valsts robežsardzes …": the State Border Guard)
ORG_WORDS = frozenset(key(w) for w in """
    guard guards service services ministry agency office police committee union council party
    army forces force news times post press radio tv television bank company group university
    institute commission parliament sejm seimas saeima frontex team department government
    court church foundation association airlines airways border straz strazy pasieniecių
    pasieniečiai vsat tarnyba komitet ministerstwo ministerija
    placówka placówki placówce placówką placówek psg oddział oddziału oddziale komenda komendy komendzie
    užkarda užkardos užkardoje rinktinė rinktinės rinktinėje застава заставы заставе
    погранзастава погранзаставы отряд отряда погранотряд погранотряда
    robežsardze robežsardzes robežsardzei robežsardzē policija policijas pārvalde pārvaldes
    dienests dienesta ministrija ministrijas valdība valdības
    valsts valstybės państwowa państwowej państwowy государственный государственного
    государственная государственной bundespolizei bundesamt bundesregierung grenzschutz
    grenzschützer polizei zoll bundeswehr
    """.split())
# English calendar words (the other languages write them in lower case; a name next to a
# number, "11. Januar", "August 11", is left out too).
CALENDAR = frozenset(key(w) for w in (*calendar.month_name[1:], *calendar.day_name))
# English compass words, never a place alone ("due to Western sanctions").
COMPASS = frozenset("north south east west northern southern eastern western central".split())
NUMBER_BESIDE = (re.compile(r"\d[.,]?[ \u00a0]*$"), re.compile(r"^[ \u00a0]*\d"))
# Words that start a run but are no part of a name: the cues themselves and articles.
LEAD_WORDS = frozenset(w.lower() for p, *_ in _BEFORE for w in p.split("|") if " " not in w
                       and w.isalpha()) | {"the", "a", "an", "der", "die", "das", "den", "dem",
                                           "des", "im", "am", "beim", "vom", "zum", "zur"} | \
    frozenset("""
    pirmadienį antradienį trečiadienį ketvirtadienį penktadienį šeštadienį sekmadienį vakar
    šiandien užvakar pirmdien otrdien trešdien ceturtdien piektdien sestdien svētdien šodien
    aizvakar wczoraj dziś dzisiaj przedwczoraj вчера сегодня позавчера учора сёння
    montag dienstag mittwoch donnerstag freitag samstag sonntag gestern heute vorgestern
    """.split())   # days that open a sentence ("Sekmadienį Druskininkų užkardos …")
# English adjectives of places: (suffix, endings of the place name it replaces).
DEMONYM_SUFFIXES = (("ian", ("", "ia", "e", "y")), ("n", ("",)), ("an", ("", "a", "y")),
                    ("i", ("",)), ("ish", ("", "and", "y", "istan")), ("ese", ("", "a")),
                    ("", ("y", "istan")))
# Slavic adjectives (ru, be, pl): "Латвийской", "Воранаўскім", "Knyszyńskiej"; the
# (folded) stem left when the ending is cut, and the ends of place names it comes from.
ADJECTIVE = re.compile(r"(?:ск|цк|sk|ck)(?:ий|ого|ому|им|ом|ой|ая|ую|ое|ие|их|ими|ій|і|ага|"
                       r"аму|ім|ай|ае|ія|іх|імі|iego|iej|iemu|ie|im|ich|imi|a|i|ą|e)$", re.I)
ADJECTIVE_STEMS = (("ау", ("ава", "аво", "ау")), ("ов", ("ово", "ова", "ов")),
                   ("ев", ("ево", "ева", "ев")), ("ен", ("", "а", "о")), ("ow", ("owo", "owa")),
                   ("ew", ("ewo", "ewa")),
                   ("", ("", "а", "о", "и", "ы", "і", "е", "я", "a", "o", "i", "y", "e", "ai")))
# Case endings ``morph`` does not read back (folded), and the nominative endings they may
# come from: Belarusian and Russian plural and -я names ("Беняконяў", "у Беняконях").
CASE_ENDINGS = (("яу", ("і", "и", "я")), ("ях", ("і", "и", "я")), ("ям", ("і", "и", "я")),
                ("ями", ("і", "и", "я")), ("ов", ("ы", "и")), ("ев", ("и", "і")))
# Polish names seen after a cue that takes the genitive ("koło Zubrzycy Wielkiej") or the
# instrumental ("pod Starym Masiewem"): (written ending, nominative ending), longest first
# per word; a guess, said in ``name_guess``.
POLISH_GUESSES = {
    "gen": (("kiego", "ki"), ("giego", "gi"), ("ego", "y"), ("kiej", "ka"), ("giej", "ga"),
            ("ej", "a"), ("kich", "kie"), ("ich", "ie"), ("ych", "e"), ("ców", "ce"),
            ("ów", "y"), ("czek", "czki"), ("ek", "ki"), ("owa", "owo"), ("ewa", "ewo"),
            ("cy", "ca"), ("czy", "cza"), ("rzy", "rza"), ("szy", "sza"), ("ży", "ża"),
            ("dzy", "dza"), ("ki", "ka"), ("gi", "ga"), ("li", "la"), ("y", "a"),
            # genitive plurals of plural names: koło Nomik, Ozieran, Dubicz, Siemiatycz
            ("ik", "iki"), ("yk", "yki"), ("an", "any"), ("cz", "cze"), ("ic", "ice")),
    "ins": (("owem", "owo"), ("ewem", "ewo"), ("kiem", "ek"), ("kim", "ki"), ("ym", "y"),
            ("ą", "a")),
    # locative, after "w" ("Placówka SG w Nomikach", "w Jałówce")
    "loc": (("icach", "ice"), ("czach", "cze"), ("cach", "ce"), ("lach", "le"), ("kach", "ki"),
            ("gach", "gi"), ("ach", "y"), ("owie", "owo"), ("ewie", "ewo"), ("sze", "cha"),
            ("dze", "ga"), ("ce", "ka"), ("rze", "ra"), ("ej", "a")),
}
_POLISH_LETTERS = frozenset("łóśźżćńąęŁÓŚŹŻĆŃĄĘ")
_BALTIC_LETTERS = frozenset("ėįųūčšžāēīģķļņĖĮŲŪČŠŽĀĒĪĢĶĻŅ")
REGIONAL_LETTERS = _POLISH_LETTERS | _BALTIC_LETTERS
# Lithuanian two-word names seen in the genitive ("prie Baltosios Ančios"): the adjective's
# ending and its nominative; the noun is read as ``guess_nominative`` reads one word.
LT_ADJECTIVES = (("iosios", "ioji"), ("osios", "oji"), ("iojo", "ysis"), ("ojo", "asis"))
# A conjunction between two names: the second has the first one's cue ("w okolicy X i Y").
CONJUNCTION = re.compile(r"^(?:,|,? (?:i|and|or|ir|un|ar|и|і|oraz|lub|und|oder))[ \u00a0]+$")
COUNTRY_NAMES = {"latvia": "LV", "lithuania": "LT", "poland": "PL", "belarus": "BY"}
MIN_SCORE = 0.3
_OWN_SPELLING = frozenset({"PL", "LT", "LV"})    # countries whose texts spell names their way


def _marked(name: str) -> int:
    """The letters of ``name`` beyond ASCII (written with its diacritics, a name has more)."""
    return sum(not c.isascii() for c in name)


@dataclass
class Unplaced:
    """One base name the gazetteer lacks, with the evidence for it."""

    name: str
    keys: set[str]                                        # folded forms and their bases
    forms: Counter = field(default_factory=Counter)      # spelling -> count
    files: list[str] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)          # ``files`` as a set, for look-ups
    sentence: str = ""
    evidence: list[str] = field(default_factory=list)
    score: float = 0.0
    kinds: Counter = field(default_factory=Counter)
    countries: Counter = field(default_factory=Counter)  # guess -> weight (in halves)
    reasons: dict[str, str] = field(default_factory=dict)
    near: dict | None = None
    similar: str | None = None
    guess: str | None = None     # how the name was guessed from an inflected form
    strong: bool = False         # a sighting had more evidence than a weak cue ("in", "from")
    # folded base name -> the spelling with the most diacritics that morphology gave it
    # ("Usnarz Górny" from "Usnarza Górnego"), for a name seen only in ASCII otherwise
    # ("Usnarz Gorny" in an English text)
    spelled: dict[str, str] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return sum(self.forms.values())

    def record(self) -> dict:
        """The JSON Lines record."""
        country = self.countries.most_common(1)[0][0] if self.countries else None
        kind = self.kinds.most_common(1)[0][0] if self.kinds else "village"
        name = self.spelled.get(key(self.name), self.name) if self.name.isascii() else self.name
        return {"name": name, "forms": sorted(self.forms, key=lambda f: (-self.forms[f], f)),
                "count": self.count, "files": self.files, "sentence": self.sentence,
                "near": self.near, "country": country,
                "country_reason": self.reasons.get(country or "", ""), "kind": kind,
                "evidence": self.evidence[:6], "similar_to": self.similar,
                "confidence": round(min(1.0, self.score), 2), "name_guess": self.guess}


# A word is, in each chunk of word characters (letters, digits, "_", apostrophes, hyphens),
# the part from its first letter on. ``WORD_START`` finds the words whose first letter is not
# one of the lower-case letters of the Latin, Greek and Cyrillic blocks: a superset of the
# capitalised ones, which skips most words without a Python step (the finder's main cost).
_LOWER = "".join(re.escape(c) for c in map(chr, range(0x590)) if c.islower())
WORD_START = re.compile(rf"(?<![\w’'\-])[\d_’'\-]*([^\W\d_{_LOWER}][\w’'\-]*)")


def capitalised_runs(sentence: str, lower: set[str], lead: frozenset[str] = LEAD_WORDS,
                     max_words: int = MAX_WORDS) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of one to ``MAX_WORDS`` capitalised words (one space apart)
    in ``sentence``; leading words the text also writes in lower case ("Near", "The") are
    left out of the run. A word that is not capitalised ends a run: it leaves more than one
    space between the capitalised words around it."""
    run: list[tuple[int, int, str]] = []

    def flush() -> Iterator[tuple[int, int]]:
        while run and (run[0][2].lower() in lower or run[0][2].lower() in lead):
            run.pop(0)
        if 0 < len(run) <= max_words:
            yield run[0][0], run[-1][1]
        run.clear()

    for m in WORD_START.finditer(sentence):
        word = m.group(1)
        if not word[0].isupper():
            yield from flush()
            continue
        start = m.start(1)
        if run and sentence[run[-1][1]:start] not in (" ", "\u00a0"):
            yield from flush()
        run.append((start, m.end(1), word))
    yield from flush()


def lower_words(text: str) -> set[str]:
    """The words (``LETTERS``) that ``text`` writes in lower case."""
    return {w for w in LETTERS.findall(text) if w.islower()}


def sentence_runs(text: str, spans: list[tuple[int, int]], lower: set[str],
                  lead: frozenset[str] = LEAD_WORDS, max_words: int = MAX_WORDS
                  ) -> list[tuple[int, int, int]]:
    """``capitalised_runs`` of each sentence ``spans[k]`` of ``text``, as (k, start, end) in
    the text."""
    return [(k, s + a, s + b) for k, (s, e) in enumerate(spans)
            for a, b in capitalised_runs(text[s:e], lower, lead, max_words)]


# The same compiled (``geomap/_keyscan.c``), when it is built (tests compare the two; a
# build older than these functions has neither: ``pip install -e .`` builds it again).
_lower_words = getattr(compiled, "lower_words", lower_words)
_sentence_runs = getattr(compiled, "capitalised_runs", sentence_runs)


# Every word of the cues: a cue ends with one of them, so a name after another word has none
# (a set look-up spares most names the search).
def _cue_words() -> frozenset[str]:
    words: set[str] = set()
    for p, *_ in _BEFORE:
        for w in re.split(r"[|() ]+", p):
            w = w.removeprefix("?:").replace("\\", "")      # н\.п\. -> н.п.
            m = re.fullmatch(r"(\w+)\[(\w+)\]", w)       # gmin[aiey]
            words.update(m.group(1) + c for c in m.group(2)) if m else words.update((w,))
    words.discard("")
    return frozenset(words)


CUE_WORDS = _cue_words()


def _cue_index() -> dict[str, tuple[int, ...]]:
    """Each word of the cues -> the indices (in order) of the ``BEFORE`` entries whose
    pattern has it: a cue ends with its pattern's last word, so only those entries can match
    before a name after that word (``_score_before`` searches them alone)."""
    index: dict[str, list[int]] = {}
    for i, (p, *_) in enumerate(_BEFORE):
        p = re.sub(r"(\w+)\[(\w+)\]", lambda m: "|".join(m.group(1) + c for c in m.group(2)),
                   p.replace("\\", ""))                       # н\.п\. -> н.п.; gmin[aiey]
        for w in set(re.split(r"[|() ?:]+", p)) - {""}:
            index.setdefault(w, []).append(i)
    return {w: tuple(ix) for w, ix in index.items()}


CUE_INDEX = _cue_index()
_ALL_CUES = tuple(range(len(_BEFORE)))
# Any designator of AFTER: one match tells most candidates have none.
ANY_AFTER = re.compile(rf"^[ \u00a0]+(?:{'|'.join(p for p, *_ in _AFTER)})(?!\w)", re.I)


def _score_before(text: str, start: int) -> tuple[float, str | None, str, str | None]:
    """The cue right before ``start``: its weight, country, description and the case it puts
    the name in."""
    before = text[max(0, start - 40):start]
    if not before.endswith((" ", "\u00a0", "\n")):
        return 0.0, None, "", None
    last = before.rsplit(None, 1)[-1] if not before.isspace() else ""
    for opening in "(\"“„«":
        last = last.rpartition(opening)[2]
    if last.lower() not in CUE_WORDS:
        return 0.0, None, "", None
    if not before.endswith((" ", "\u00a0")) or "\n" in before:
        # a text wrapped within a cue or between it and the name ("nahe dem Dorf\nNowosady"),
        # but not a paragraph break
        if before[len(before.rstrip()):].count("\n") > 1:
            return 0.0, None, "", None
        before = before.replace("\r", "").replace("\n", " ")
    for i in CUE_INDEX.get(last.lower(), _ALL_CUES):
        rx, weight, country, case = BEFORE[i]
        m = rx.search(before)
        if m:
            return weight, country, f"after {m.group(0).strip()!r}", case
    return 0.0, None, "", None


def _cue_kind(text: str, start: int) -> str | None:
    """The kind a cue right before ``start`` names ("nad rzeką X", "урочище X"), if any."""
    before = text[max(0, start - 20):start]
    return next((kind for rx, kind in CUE_KINDS if rx.search(before)), None)


# First words of the designators of several words whose first word alone is none ("border
# crossing", "frontier station"): ``UnplacedFinder._designator_may_follow``.
_DESIGNATOR_FIRST_WORDS = frozenset({"border", "frontier", "border-guard"})
_NO_DESIGNATOR = (0.0, None, None, "", False)


def _score_after(text: str, end: int) -> tuple[float, str | None, str | None, str, bool]:
    after = text[end:end + 40]
    gap = len(after) - len(after.lstrip())
    if "\n" in after[:gap]:           # a wrapped text; a paragraph break ends the name's phrase
        if after[:gap].count("\n") > 1:
            return 0.0, None, None, "", False
        after = " " + after[gap:]
    if not ANY_AFTER.match(after):
        return 0.0, None, None, "", False
    for rx, weight, kind, country, genitive in AFTER:
        m = rx.match(after)
        if m:
            return weight, kind, country, f"before {m.group(0).strip()!r}", genitive
    return 0.0, None, None, "", False


def _overlaps(spans: _Spans, a: int, b: int) -> bool:
    """Whether [a, b) overlaps one of the mentions (``_span_index``)."""
    starts, max_ends, _ = spans
    i = bisect.bisect_left(starts, b)          # spans[:i] start before b
    return i > 0 and max_ends[i - 1] > a


_Spans = tuple[list[int], list[int], list[Mention]]


def _span_index(mentions: list[Mention]) -> _Spans:
    """The mentions' starts in order, the largest end among each prefix, the mentions in that
    order."""
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    max_ends, top = [], -1
    for m in ordered:
        top = max(top, m.end)
        max_ends.append(top)
    return [m.start for m in ordered], max_ends, ordered


_SETTLEMENTS = frozenset({"village", "town", "city", "crossing", "camp"})


def _settlement_at(spans: _Spans, a: int, b: int) -> str | None:
    """The name of the settlement a mention spanning exactly [a, b) is placed at, if any."""
    starts, _, ordered = spans
    i = bisect.bisect_left(starts, a)
    while i < len(starts) and starts[i] == a:
        m = ordered[i]
        if m.end == b and m.place is not None and m.place.kind in _SETTLEMENTS and not m.in_org:
            return m.place.name
        i += 1
    return None


def _polish_guess(words: list[str], case: str, country: str | None
                  ) -> tuple[str, str] | None:
    """The likely nominative of a Polish name seen after a cue that takes the genitive or
    the instrumental ("Zubrzycy Wielkiej" -> "Zubrzyca Wielka"), with how it was read, or
    None (not Polish: no Polish letter and no Polish cue, or a Baltic letter; no ending
    read). An adjective agrees with a neuter noun after it ("Starym Masiewem" -> "Stare
    Masiewo")."""
    letters = set("".join(words))
    if letters & _BALTIC_LETTERS or not (country == "PL" or letters & _POLISH_LETTERS):
        return None
    out, read = [], []
    # an adjective in -ego: a masculine (or neuter) noun in the genitive, -a or -u of a
    # consonant stem ("Usnarza Górnego" -> "Usnarz Górny"; neuter -owa/-ewa as below)
    masculine = case == "gen" and len(words) > 1 and any(w.endswith("ego") for w in words)
    for word in words:
        if masculine and word.endswith(("a", "u")) and not word.endswith(("owa", "ewa")) \
                and len(word) > 4:
            out.append(word[:-1])
            read.append(f"-{word[-1]} -> -")
            continue
        for ending, base in POLISH_GUESSES[case]:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                out.append(word[: len(word) - len(ending)] + base)
                read.append(f"-{ending} -> -{base}")
                break
        else:
            out.append(word)
    if not read:
        return None
    if out[-1].endswith("o"):                     # a neuter noun: its adjectives in -e
        out[:-1] = [w[:-1] + ("ie" if w.endswith("ki") else "e") if w.endswith(("y", "i"))
                    and w != v else w for w, v in zip(out[:-1], words[:-1])]
    what = {"gen": "genitive", "ins": "instrumental", "loc": "locative"}[case]
    return " ".join(out), f"Polish {what} {', '.join(read)}"


def _lithuanian_pair(words: list[str], country: str | None) -> tuple[str, str] | None:
    """The nominative of a Lithuanian adjective and noun seen in the genitive ("Baltosios
    Ančios" -> "Baltoji Ančia"), with how it was read, or None."""
    adjective = next(((words[0][: -len(e)] + n, e, n) for e, n in LT_ADJECTIVES
                      if words[0].endswith(e) and len(words[0]) > len(e) + 2), None)
    noun = guess_nominative(words[1], country, True) if adjective else None
    if adjective is None or noun is None:
        return None
    return f"{adjective[0]} {noun[0]}", f"Lithuanian genitive -{adjective[1]} -> " \
        f"-{adjective[2]}; {noun[1]}"


# A Lithuanian or Latvian name in -s as Russian declines it ("недалеко от Дуокишкеса",
# "под Латежерисом"): the nominative keeps the -с.
_BALTIC_S = re.compile(r"(?<=[аеиуыюя]с)(?:а|у|ом|е)$")


def _baltic_in_russian(word: str) -> tuple[str, str] | None:
    """The nominative of a Baltic name in -с that Russian declines as a masculine noun
    ("Дуокишкеса" -> "Дуокишкес"), with how it was read, or None."""
    m = _BALTIC_S.search(word)
    if m is None or len(word) - len(m.group(0)) < 5:
        return None
    return word[:m.start()], f"Russian case of a name in -с: -с{m.group(0)} -> -с"


class Sighting(NamedTuple):
    """One candidate name in one document, found there alone (``UnplacedFinder.sightings``)."""

    path: str
    written: str                     # as the text writes it
    name: str
    key: str
    variants: frozenset[str]         # its folded forms and bases
    guess: tuple[str, str] | None    # a nominative guessed from an inflected form, and why
    sentence: str                    # spacing normalised, at most 300 characters
    score: float
    why: str
    kind: str | None
    country: str | None
    country_why: str
    near: dict | None                # the nearest place of the sentence, else the document
    single: bool                     # a one-word name


class Sightings(NamedTuple):
    """One document's candidates and the words it writes in lower case."""

    lower: frozenset[str]
    found: list[Sighting]


class UnplacedFinder:
    """Collects unplaced names over documents (``add``, or ``sightings`` anywhere then
    ``merge`` in input order), then ``records``."""

    def __init__(self, extractor: Extractor):
        from .mentions import load_common_words
        from .places.files import bundled_gazetteer_dir

        self.ex = extractor
        self.g = extractor.gazetteer
        self.common = extractor.recogniser.common_words
        self.first_names = load_common_words(str(bundled_gazetteer_dir() / "first-names.txt"))
        self.lower_words: set[str] = set()                # words the texts write in lower case
        self.found: dict[str, Unplaced] = {}              # base key -> record
        self.by_key: dict[str, str] = {}                  # any form/base key -> base key
        self._similar: dict[str, tuple[str, bool, frozenset[str | None]] | None] = {}
        self._may_follow: dict[str, bool] = {}             # ``_designator_may_follow``
        # (key -> ``_one_off``)

    def known(self, name: str) -> bool:
        """Whether the gazetteer knows ``name`` in any form extraction reads."""
        words = name.split()
        return bool(self.g.lookup(key(name))) or any(self.g.lookup(v)
                                                     for v in name_variants(words))

    def add(self, doc: Document, mentions: list[Mention] | None = None) -> None:
        """Find the candidates of one document (``mentions``: its extraction, when done)."""
        self.merge(self.sightings(doc, mentions))

    def sightings(self, doc: Document, mentions: list[Mention] | None = None) -> Sightings:
        """The candidates of one document and the words it writes in lower case, on their
        own: this reads no other document (a worker process can find them), ``merge`` adds
        them to the records."""
        text = doc.text
        mentions = self.ex.extract(doc) if mentions is None else mentions
        spans = _span_index(mentions)
        lower = _lower_words(text)
        out = Sightings(frozenset(lower), [])
        doc_places = [m for m in mentions if m.place is not None]
        anchor: list = []                   # the document's nearest place, once looked for
        # per sentence, the places in it (by bisection when in text order, so a long document
        # is not scanned once per sentence)
        ordered = all(x.start <= y.start for x, y in zip(doc_places, doc_places[1:]))
        place_starts = [m.start for m in doc_places]
        sentences = sentence_spans(text)
        last, sentence, near = -1, "", doc_places
        prev_start, prev_end, prev_cue = -1, -1, -1
        for k, a, b in _sentence_runs(text, sentences, lower, LEAD_WORDS, MAX_WORDS):
            if k != last:
                last, (s, e) = k, sentences[k]
                sentence = text[s:e]
                near = doc_places[bisect.bisect_left(place_starts, s):
                                  bisect.bisect_left(place_starts, e)] if ordered else \
                    [x for x in doc_places if s <= x.start < e]
                prev_end = -1
            # the second name of "X i Y", "X, Y and Z" is read with the first one's cue; a
            # name joined by a conjunction to a settlement extraction placed is listed with it
            cue, listed = a, None
            if 0 <= prev_end and a - prev_end <= 8 and CONJUNCTION.match(text[prev_end:a]):
                cue = prev_cue
                if text[prev_end:a].strip(" ,\u00a0"):
                    listed = _settlement_at(spans, prev_start, prev_end)
            prev_start, prev_end, prev_cue = a, b, cue
            self._candidate(out.found, doc, text, a, b, sentence, spans, near, doc_places,
                            anchor, cue, listed)
        for m in DATELINE.finditer(text):
            name = m.group("name").strip()
            if not name.isupper():
                continue
            title = " ".join(w.capitalize() for w in name.split())
            if self.known(title):
                continue
            country = COUNTRY_NAMES.get(m.group("country").lower())
            out.found.append(self._sighting(doc, title, title, m.group(0).strip(), 0.5,
                                            "dateline", None, country, "the dateline names it",
                                            [], doc_places, anchor))
        return out

    def _candidate(self, found: list[Sighting], doc: Document, text: str, a: int, b: int,
                   sentence: str, spans: _Spans, near: list[Mention],
                   doc_places: list[Mention], anchor: list, cue: int,
                   listed: str | None = None) -> None:
        """Add the run [a, b) to ``found`` if it is a candidate (``cue``: where the cue for it
        is looked for, the start of the first name of a list it ends, else ``a``; ``listed``:
        the settlement a conjunction joins it to, "Robežniekos un Grāveros")."""
        written = text[a:b]
        if not written[0].isupper() or written.isupper():      # acronyms: EU, SBGS
            return
        district = False          # the designator after is a district's, not the name's
        partial = False           # extraction resolved some of the run's words
        if _overlaps(spans, a, b):
            end = self._unresolved_part(spans, text, a, b)
            if end <= a:
                return
            partial, district, b = True, end < b, end
            if not district and self._sentence_start(text, a):
                return        # "Vėliau Poškonių apylinkėse": a word opening the sentence
            written = text[a:b]
        words = written.split()
        # the cheap exclusions first (each test only leaves the name out)
        if key(words[0]) in self.first_names and len(words) > 1:
            return
        station = text[b + 1:b + 2] in _STATION_AFTER_FIRST \
            and STATION_AFTER.match(text, b, b + 40) is not None
        if any(key(w) in ORG_WORDS for w in words) or not station and any(
                key(w) in ORG_WORDS for w in text[b:b + 30].split()[:1]):
            return
        if station and (partial or any(not self.first_names.isdisjoint(base_forms(w))
                                       for w in words)):
            return    # a known village's station, one named after a person ("Gintaro Žagunio")
        if any(key(w) in COUNTRY_NAMES or key(w) in CALENDAR for w in words):
            return
        if len(words) == 1 and key(written) in COMPASS:
            return
        if len(words) > 1 and self._sentence_start(text, a) and self.known(" ".join(words[1:])):
            return                          # "Vėliau Poškonių": a word opening the sentence
        if partial and any(key(w) in self.first_names for w in words):
            return                          # "Zwierzyniec Mały" yes, "Sokółka Anna" no
        if NUMBER_BESIDE[0].search(text[max(0, a - 4):a]):
            return
        number_after = bool(NUMBER_BESIDE[1].match(text[b:b + 3]))
        w1, country_b, why_b, case = _score_before(text, a)
        if number_after and w1 < 0.5:
            return          # "August 11", "Terminal 2"; not "у деревни Клейники 5 ноября"
        if not w1 and cue != a:
            w1, country_b, why_b, case = _score_before(text, cue)
            if w1 <= WEAK:
                w1, country_b, why_b, case = 0.0, None, "", None
            elif why_b:
                why_b += " (a list)"
        if w1 <= WEAK and text[max(0, a - 4):a].endswith(_STATION_BEFORE_ENDS):
            for rx, country in STATIONS_BEFORE:
                if m := rx.search(text, max(0, a - 50), a):
                    w1, country_b, why_b, case = 0.5, country, f"after {m.group(0).strip()!r}", \
                        STATION_CASE[country]
                    break
        if not w1 and listed:
            # in the case of the first one's preposition: "w Krynkach i Nomikach"
            polish = word_before(text, cue) in ("w", "we")
            w1, country_b, why_b, case = 0.4, "PL" if polish else None, \
                f"listed with {listed}", "loc" if polish else None
        w2, kind, country_a, why_a, genitive = _score_after(text, b) \
            if self._designator_may_follow(text, b) else _NO_DESIGNATOR
        if kind == "district" and len(words) > 1 and ADJECTIVE.search(words[-1]):
            # "вёскі Калпакі Гродзенскага раёна": the last word and the designator are the
            # district's, the name is the words before
            b = a + written.rindex(words[-1]) - 1
            words, district = words[:-1], True
            written = text[a:b]
        if district:
            w2, kind, country_a, why_a, genitive = 0.0, None, None, "", False
        if not w1 and not w2:
            return
        if w2 == 0 and w1 <= WEAK and len(words) == 1 and self._sentence_start(text, a):
            return
        if w1 == WEAK and why_b in ("after 'in'", "after 'at'") and \
                set(written) & REGIONAL_LETTERS and not written.endswith(("'s", "’s")):
            w1 = 2 * WEAK       # "in Wólka Terechowska": a local name in another language's text
        elif w1 == WEAK and why_b in ("after 'w'", "after 'we'") and len(words) == 1 and \
                written.endswith("ach") and not self._sentence_start(text, a):
            w1 = 2 * WEAK       # "w Nomikach": a plural name in the locative, as Polish has many
        if TITLES.search(text[max(0, a - 40):a]) or SAID.match(text[b:b + 30]):
            return
        if all(self._demonym(p) for w in words for p in w.split("-") if p):
            return
        if len(words) == 1 and self._adjective(words[0], text[b:b + 30], kind):
            return
        river = word_before(text, a) in RIVER_BEFORE
        kind = kind or _cue_kind(text, a) or next(
            ("other" for w in (words[0], words[-1]) if key(w) in NAME_KINDS), None)
        parts = [written]
        if PLURAL_AFTER.match(text[b:b + 30]) and "-" in written:
            parts = [p for p in written.split("-") if p]
        country, country_why = country_b or country_a, why_b or why_a
        if country is None and (nation := NATION_BEFORE.search(text, max(0, a - 60), a)):
            # "the Polish village of X", "в литовской деревне X", "im polnischen Dorf X"
            country = NATION_COUNTRY.get(nation.group("adj")[:3].lower())
            country_why = f"'{' '.join(nation.group(0).split())}'"
        for part in parts:
            if key(part) in self.common or self._inflected_known(part) or \
                    self.known(part) and not (river and self._only_settlements(part)):
                continue    # (a river named as a town is not that town: "rzece Świsłocz")
            found.append(self._sighting(doc, part, part, sentence, w1 + w2, why_b or why_a,
                                        kind, country, country_why, near,
                                        doc_places, anchor, genitive or case == "gen", case))

    def _designator_may_follow(self, text: str, b: int) -> bool:
        """False when no designator of ``AFTER`` can follow ``b`` (``_score_after`` finds none
        there): the word after the gap starts none, as memoised per word."""
        after = text[b:b + 40]
        rest = after.lstrip()
        if len(rest) == len(after) or not rest:
            return False                  # (a designator follows a space or a line break)
        word = rest.split(None, 1)[0]
        may = self._may_follow.get(word)
        if may is None:
            if len(self._may_follow) > 100_000:
                self._may_follow.clear()
            may = self._may_follow[word] = word.lower() in _DESIGNATOR_FIRST_WORDS or bool(
                ANY_AFTER.match(" " + word))
        return may

    @staticmethod
    def _unresolved_part(spans: _Spans, text: str, a: int, b: int) -> int:
        """Where the part of the run [a, b) that extraction left unresolved ends, when it
        resolved only some of its words ("Zwierzyniec Mały", "Ozierany Małe": one word read
        as a known place; "Малые Эйсмонты Берестовицкого района": the district after the
        name), else ``a`` (the run is a mention, or lies in one). A trailing district,
        region or country is cut off; a village or town inside a longer unknown name is
        taken as part of it."""
        starts, max_ends, ordered = spans
        j = bisect.bisect_left(starts, a)
        if j and max_ends[j - 1] > a or j < len(starts) and starts[j] == a and \
                ordered[j].end >= b:
            return a               # a mention starts before the run, or is the whole run
        inside = ordered[j:bisect.bisect_left(starts, b)]
        if any(m.end > b for m in inside) or not inside or (inside[0].start == a and
                                                            inside[-1].end == b):
            return a
        if any(m.place is not None and m.place.kind in ("country", "region") for m in inside):
            return a
        if any(text[m.start - 1] not in " \u00a0" and m.start > a or
               text[m.end] not in " \u00a0" and m.end < b for m in inside):
            return a                  # a mention inside a word: "MichałówAgnieszka" (a caption)
        last = inside[-1]
        if last.end == b and last.place is not None and last.place.kind == "district":
            return a + len(text[a:last.start].rstrip())
        return b

    def _only_settlements(self, name: str) -> bool:
        """Whether every entry the gazetteer knows as ``name`` (in any form) is a settlement,
        district or region, none a river or other feature."""
        matches = [m for v in (key(name), *name_variants(name.split())) for m in self.g.lookup(v)]
        return all(m.place.kind != "other" for m in matches)

    def _adjective(self, word: str, after: str, kind: str | None) -> bool:
        """Whether ``word`` is a Slavic adjective ("-ский", "-скім", "-skiej") of a common
        noun after it ("Латвийской границы") or of a known place's district ("Воранаўскім
        раёне", "Варенском районе")."""
        if not ADJECTIVE.search(word):
            return False
        if kind == "district":
            return self._inflected_known(ADJECTIVE.sub("", word), ADJECTIVE_STEMS)
        nxt = after.split()[:1]
        return bool(nxt) and nxt[0].isalpha() and nxt[0].islower() and len(nxt[0]) > 3

    def _inflected_known(self, word: str,
                         endings: Sequence[tuple[str, Sequence[str]]] | None = None
                         ) -> bool:
        """Whether ``word`` (one word) is a case form of a place the gazetteer knows that
        ``name_variants`` does not read back ("Беняконяў": Беняконі): its stem, less a case
        ending, and a nominative ending is a known name. The stem keeps 5 letters or more."""
        if " " in word.strip():
            return False
        k = key(word)
        for ending, bases in endings or CASE_ENDINGS:
            if k.endswith(ending) and len(k) - len(ending) >= 5:
                stem = k[: len(k) - len(ending)]
                if any(self.g.lookup(stem + n) for n in bases if stem + n != k):
                    return True
        return False

    def _demonym(self, word: str) -> bool:
        """Whether ``word`` is an English adjective of a country or region the gazetteer
        knows ("Lithuanian", "Belarusian", "Iraqi", "Polish", "Ukrainian")."""
        k = key(word)
        return any(k.endswith(suffix) and any(
            m.place.kind in ("country", "region") for stem in stems
            for m in self.g.lookup(k[: len(k) - len(suffix)] + stem))
            for suffix, stems in DEMONYM_SUFFIXES)

    @staticmethod
    def _sentence_start(text: str, a: int) -> bool:
        before = text[max(0, a - 3):a].strip()
        return not before or before[-1] in ".!?\"“„«—:\n"

    def _sighting(self, doc: Document, written: str, name: str, sentence: str, score: float,
                  why: str, kind: str | None, country: str | None, country_why: str,
                  near: list[Mention], doc_places: list[Mention], anchor: list,
                  genitive: bool = False, case: str | None = None) -> Sighting:
        """One candidate with what ``merge`` needs of it (``anchor``: the document's nearest
        place, a one-item list once looked for; ``case``: the case a cue before it takes)."""
        words = name.split()
        k = key(name)
        variants = {k, *name_variants(words)}
        guess = guess_nominative(name, country, genitive) if len(words) == 1 else None
        if guess is None and case is not None:
            guess = _polish_guess(words, case, country)
        if guess is None and len(words) == 2:
            guess = _lithuanian_pair(words, country)
        if guess is None and case is not None and len(words) == 1:
            guess = _baltic_in_russian(name)
        if guess is not None:
            variants.add(key(guess[0]))
        where = "sentence"
        place = self._nearest(near)
        if place is None:
            where = "document"
            if not anchor:
                anchor.append(self._nearest(doc_places))
            place = anchor[0]
        close = None
        if place is not None and place.place is not None:     # (_nearest: always placed)
            p = place.place
            close = {"name": p.name, "id": p.id, "kind": p.kind, "country": p.country,
                     "lat": p.lat, "lon": p.lon, "where": where}
        return Sighting(doc.path, written, name, k, frozenset(variants), guess,
                        " ".join(sentence.split())[:300], score, why, kind, country,
                        country_why, close, len(words) == 1)

    def merge(self, found: Sightings) -> None:
        """Add one document's ``sightings`` to the records; documents must come in input
        order."""
        self.lower_words |= found.lower
        for s in found.found:
            self._note(s)

    def _note(self, s: Sighting) -> None:
        k, variants, guess, name = s.key, s.variants, s.guess, s.name
        base = next((self.by_key[v] for v in sorted(variants) if v in self.by_key), None)
        if base is None:
            base = k
            self.found[base] = Unplaced(name, set(variants))
            for v in variants:
                self.by_key.setdefault(v, base)
            if guess is not None:
                rec = self.found[base]
                rec.name = guess[0]
                rec.guess = f"{guess[0]} guessed from {name!r} ({guess[1]})"
        rec = self.found[base]
        if rec.guess and guess is None and k in rec.keys:
            rec.name, rec.guess = name, None     # seen uninflected: no more a guess
        elif k in rec.keys - {key(rec.name)} and key(rec.name) not in variants and \
                k in name_variants(rec.name.split()) and (guess is None or rec.guess):
            rec.name = name          # the form the name seen so far inflects: the base
        rec.keys |= variants
        if guess is not None:       # (an inflected form may fold as the base: "Leśną Prawą")
            had = rec.spelled.setdefault(key(guess[0]), guess[0])
            if _marked(guess[0]) > _marked(had):
                rec.spelled[key(guess[0])] = guess[0]
        rec.forms[s.written] += 1
        if s.path not in rec.seen:             # (a list look-up was quadratic in files)
            rec.seen.add(s.path)
            rec.files.append(s.path)
            rec.score += 0.1 if len(rec.files) > 1 else 0.0
        rec.score += s.score
        rec.strong = rec.strong or s.score > WEAK
        if s.why and s.why not in rec.evidence:
            rec.evidence.append(s.why)
        if not rec.sentence:
            rec.sentence = s.sentence
        if s.kind:
            rec.kinds[s.kind] += 1
        if s.country:
            rec.countries[s.country] += 4
            rec.reasons.setdefault(s.country, s.country_why)
        near = s.near
        if near is not None and rec.near is None:
            rec.near = near
            if near["country"]:
                rec.countries[near["country"]] += 2 if near["where"] == "sentence" else 1
                rec.reasons.setdefault(near["country"],
                                       f"near {near['name']} ({near['country']})")
        if rec.similar is None and s.single:
            if k not in self._similar:
                self._similar[k] = self._one_off(k)
            close = self._similar[k]
            if close is not None:
                rec.similar, far, countries = close
                if not far and not (s.country in _OWN_SPELLING and s.country not in countries):
                    rec.score -= 0.2

    def _one_off(self, k: str) -> tuple[str, bool, frozenset[str | None]] | None:
        """The known name one letter off the key ``k``, if any, whether every entry so
        named is one extraction would not read that spelling as (a small place far from the
        border: ``Resolver.fuzzy_resolves``), and the countries of those it may be read as;
        only a name that may stand for a known place counts less. (In a Polish, Lithuanian
        or Latvian text, extraction reads such a spelling only as a place of that country:
        ``Resolver.in_language``; a sighting with a cue of that language says so.)"""
        matches = [m for m in self.g.near(k) if not demonym(k, m.place.name)]
        if not matches:
            return None
        fuzzy_resolves = self.ex.resolver.fuzzy_resolves
        close = [m.place for m in matches if fuzzy_resolves(m.place)]
        return matches[0].place.name, not close, frozenset(p.country for p in close)

    @staticmethod
    def _nearest(mentions: list[Mention]) -> Mention | None:
        """The most local border-country place among ``mentions`` (districts and villages
        before regions and countries)."""
        rank = {"village": 0, "crossing": 0, "camp": 0, "town": 1, "district": 2, "city": 3,
                "region": 4}
        best = min(((rank[m.place.kind], m.start, n) for n, m in enumerate(mentions)
                    if m.place is not None and m.place.country in BORDER_COUNTRIES
                    and m.place.kind in rank), default=None)
        return None if best is None else mentions[best[2]]

    def records(self) -> list[dict]:
        """The unplaced names, most confident first; common words (seen in lower case in the
        texts) and weak single sightings left out."""
        out = []
        def common(name: str) -> bool:
            return all(key(w) in self.lower_words or w.lower() in self.lower_words
                       for w in name.split())

        for rec in self.found.values():
            if common(rec.name) or rec.guess and any(map(common, rec.forms)):
                continue        # a guessed name: the word as written may be the common one
            if rec.score < MIN_SCORE or not rec.strong:
                continue        # weak cues alone ("from X", "to X", "в X"), however many
            out.append(rec.record())
        out.sort(key=lambda r: (-r["confidence"], -r["count"], r["name"]))
        return out


def find_unplaced(docs: Iterable[Document], extractor: Extractor,
                  mentions: Iterable[list[Mention]] | None = None) -> list[dict]:
    """The unplaced-name records of ``docs`` (see the module docstring); ``mentions``, when
    given, are the documents' extractions, in the same order."""
    finder = UnplacedFinder(extractor)
    for doc, ms in zip(docs, mentions) if mentions is not None else ((d, None) for d in docs):
        finder.add(doc, ms)
    return finder.records()


def locate_incidents(incidents: Iterable, records: Sequence[dict],
                     entry: Callable[[str], tuple | None] | None = None) -> Iterator:
    """The incidents, each whose sentences name an unplaced place keeping that name as
    ``location_text`` beside the fallback it is placed at, whose geo-precision becomes at
    least 2 (near the fallback place, ACLED's scale). Of several names in its sentences, the
    surest (then the longest) is kept. An incident without a place, or placed only at a
    country, is placed at the name's guessed area (``near``); one without a place, failing
    that, at the name's guessed country (geo-precision 3); ``entry`` gives
    a gazetteer entry and its border relation by id (``Extractor.entry``)."""
    import dataclasses

    ranked = sorted(((f, r) for r in records if r["confidence"] >= 0.4 for f in r["forms"]),
                    key=lambda t: (-t[1]["confidence"], -len(t[0]), t[0]))
    patterns = [(re.compile(rf"(?<!\w){re.escape(f)}(?!\w)"), r) for f, r in ranked]
    # one search tells a sentence names none of the forms (a match of the alternation is a
    # match of one of its forms)
    anyone = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f, _ in ranked) + r")(?!\w)")

    def named(sentence: str) -> dict | None:
        if not ranked or not anyone.search(sentence):
            return None
        return next(r for rx, r in patterns if rx.search(sentence))

    for inc in incidents:
        sentences = dict.fromkeys(t.sentence for e in sorted(inc.events, key=lambda e: not e.primary)
                                  for t in e.triggers)
        found = [r for r in map(named, sentences) if r is not None]
        if not found:
            yield inc
            continue
        record = max(found, key=lambda r: r["confidence"])      # the first of the surest
        changes: dict = {"location_text": record["name"],
                         "geo_precision": max(inc.geo_precision or 2, 2)}
        if entry is not None and (inc.place is None or inc.place.kind == "country"):
            near = record.get("near")
            fallback = entry(near["id"]) if near and near.get("id") else None
            if fallback is not None:
                changes["geo_precision"] = 2
            elif inc.place is None and record.get("country"):
                fallback = entry(f"cc:{record['country']}")
                changes["geo_precision"] = 3
            if fallback is not None:
                changes["place"], changes["border"] = fallback
        yield dataclasses.replace(inc, **changes)


TEMPLATE_FIELDS = ("name", "alt_names", "lat", "lon", "country", "kind", "source", "near",
                   "sentence")


def template_rows(records: Iterable[dict]) -> Iterator[dict]:
    """Rows of the CSV template that ``geomap gazetteer import`` reads once lat and lon are
    filled in (rows left empty are skipped there with a message)."""
    for r in records:
        near = r.get("near") or {}
        yield {"name": r["name"], "alt_names": "|".join(f for f in r["forms"] if f != r["name"]),
               "lat": "", "lon": "", "country": r["country"] or "", "kind": r["kind"],
               "source": "geomap unplaced: " + ", ".join(r["files"][:3]),
               "near": (f"{near['name']} ({near['lat']:.4f}, {near['lon']:.4f})"
                        if near else ""),
               "sentence": r["sentence"]}
