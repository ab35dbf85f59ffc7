"""Event word lists, per language: trigger stems by event type, actors, counted subjects,
number words, anaphora, totals, proximity and claim-source phrases (regular-expression
fragments over lower-case word stems, matched case-insensitively at a word start).

This module is data only; ``geomap.events.detect`` joins the languages of each list (in
``LANGUAGES`` order) into one expression. To support a language, add its entries to every
table here (docs/incidents.md lists the rules).
"""
from __future__ import annotations

LANGUAGES = ("en", "ru", "pl", "de", "lt")

# Event kinds (type, subtype) in the order their triggers are tried.
KINDS: tuple[tuple[str, str | None], ...] = (
    ("pushback", None), ("border_violation", None), ("crossing", None), ("detention", None),
    ("death", None), ("statement_or_order", None), ("other", "camp"), ("other", "clash"),
    ("other", "barrier"), ("other", "flight"), ("other", "escape"))

Kind = tuple[str, str | None]

TRIGGERS: dict[str, dict[Kind, str]] = {
    "en": {
        ("pushback", None):
            r"push(?:ed|ing|es)?\s+(?:\S+\s+){0,5}?(?:back|over|across|into|out)\b|push-?backs?|"
            r"turn(?:ed|ing|s)?\s+(?:\S+\s+){0,3}?(?:back|away)\b|"
            r"sen[dt](?:ing)?\s+(?:\S+\s+){0,3}?back|"
            r"expel\w*|expulsion|forcibly\s+(?:expelled|pushed|returned|removed)|oust\w*|"
            r"prevent\w*\s+.{0,50}?\bfrom\s+(?:attempting\s+to\s+)?(?:cross|enter)|"
            r"remov\w*\s+(?:\S+\s+){0,3}?migrants|(?:refused|denied)\s+entry",
        ("border_violation", None):
            r"violat\w*\s+(?:\S+\s+){0,3}?border|"
            r"violation\s+of\s+(?:\S+\s+){0,3}?(?:border|airspace)|"
            r"border\s+violations?|incursion\w*",
        ("crossing", None):
            r"cross(?:ed|ing|es)?\s+(?:\S+\s+){0,3}?(?:border|into|over|to)\b|"
            r"illegal(?:ly)?\s+(?:cross\w*|"
            r"entry|enter\w*)|(?:tried|attempt\w*|trying)\s+to\s+(?:cross|enter|break|storm|force)|"
            r"forc(?:e|ed|ing)\s+the\s+border|storm\w*\s+the\s+border|broke\s+through|"
            r"trespass\w*",
        ("detention", None):
            r"detain(?:ed|s|ing)?\b|detention|apprehend\w*|arrest(?:ed|s)?\b|caught|"
            r"took\s+into\s+custody|"
            r"stopped\s+(?:\S+\s+){0,3}?(?:migrants|people|persons|refugees|foreigners)",
        ("death", None):
            r"(?:found\s+)?dead\b|died|deaths?\b|bod(?:y|ies)\b|killed|drown\w*|"
            r"froze\s+to\s+death|hypotherm\w*",
        ("statement_or_order", None):
            r"state\s+of\s+emergency|emergency\s+(?:situation|regime)|"
            r"order(?:ed|s)?\s+(?:\S+\s+){0,5}?to\b|"
            r"decree\w*|declar\w*\s+(?:a\s+|the\s+)?(?:state|emergency)|suspen\w*|"
            r"clos(?:e|ed|ing|ure)\s+(?:\S+\s+){0,3}?(?:border|checkpoint|crossing)|"
            r"diplomatic\s+note|summon\w*",
        ("other", "camp"): r"camp(?:s|ed|ing)?\b|encamp\w*",
        ("other", "clash"):
            r"riot(?:s|ed|ing)?\b(?!\s+(?:gear|police|shields?|control))|unrest|"
            r"disturbances?|clash\w*|tear\s+gas|throw\w*\s+(?:of\s+)?"
            r"stones|protest(?:s|ed|ing)?\b(?!\s+against)|hunger\s+strike|"
            r"water\s+cannon\w*",
        ("other", "barrier"): r"razor\s+wire|concertina|fenc(?:e|es|ed|ing)\b",
        ("other", "flight"): r"flights?\s+(?:from|to)\b|arriv\w*\s+in\b",
        ("other", "escape"): r"escap\w*|fled\b",
    },
    "ru": {
        ("pushback", None):
            r"выдвор\w*|вытолк\w*|выталкива\w*|развернул\w*|не\s+пропуст\w*|"
            r"отказа\w*\s+во\s+въезде",
        ("border_violation", None): r"наруш\w*\s+(?:\S+\s+)?границ\w*",
        ("crossing", None): r"пересе[кч]\w*|прорв\w*|прорыв\w*|перебра\w*|проник\w*",
        ("detention", None): r"задерж\w*",
        ("death", None): r"погиб\w*|умер\w*|скончал\w*|тел[оа]\b|смерт\w*|мертв\w*",
        ("statement_or_order", None):
            r"чрезвычайн\w*\s+положени\w*|режим\w*\s+чс|приказ\w*|указ\b|распоряд\w*|"
            r"закры\w*\s+(?:\S+\s+)?(?:границ|пункт|переход)\w*|приостанов\w*",
        ("other", "camp"): r"лагер\w*",
        ("other", "clash"): r"беспоряд\w*|столкнов\w*|слезоточив\w*",
        ("other", "barrier"): r"забор\w*|огражден\w*|колюч\w*\s+проволок\w*",
        ("other", "flight"): r"рейс\w*",
        ("other", "escape"): r"сбежа\w*",
    },
    "pl": {
        ("pushback", None):
            r"wypchn\w*|wypycha\w*|zawróc\w*|zawraca\w*|odesła\w*|odsyła\w*|zepchn\w*",
        ("border_violation", None): r"narusz\w*\s+(?:\S+\s+)?granic\w*",
        ("crossing", None):
            r"przekrocz\w*|przekracza\w*|sforsow\w*|forsow\w*|szturm\w*|przedost\w*",
        ("detention", None): r"zatrzym\w*",
        ("death", None):
            r"zmarł\w*|nie\s+żyje|ciał[oa]\b|zwłok\w*|śmier[ćc]\w*|martw\w*|utonęł\w*|utonął",
        ("statement_or_order", None):
            r"stan\w*\s+wyjątkow\w*|rozporządzeni\w*|nakaz\w*|zarządzi\w*|"
            r"zamkn\w*\s+(?:\S+\s+)?(?:granic|przejści)\w*|zawiesz\w*",
        ("other", "camp"): r"obozowisk\w*|obóz\w*|koczow\w*",
        ("other", "clash"): r"zamieszk\w*|starci\w*|gaz\w*\s+łzawi\w*",
        ("other", "barrier"): r"ogrodzeni\w*|płot\w*|zasiek\w*",
        ("other", "flight"): r"lot\w*\s+z\b",
        ("other", "escape"): r"uciek\w*",
    },
    "de": {
        ("pushback", None):
            r"zurückgedrängt|zurückgeschoben|zurückgewiesen|zurückgeschickt|abgewiesen",
        ("border_violation", None): r"grenzverletzung\w*|verletz\w*\s+(?:\S+\s+)?grenze",
        ("crossing", None):
            r"überquer\w*|grenzübertritt\w*|illegal\s+eingereist|durchbr\w*",
        ("detention", None): r"festgenommen|festnahme\w*|aufgegriffen",
        ("death", None):
            r"tote[nr]?\b|gestorben|starb\w*|leiche\w*|ums\s+leben|ertrunken|erfroren",
        ("statement_or_order", None):
            r"ausnahmezustand\w*|angeordnet|ordnete\w*|verhängt\w*|schließung\w*|"
            r"ausgesetzt|protestnote",
        ("other", "camp"): r"lager\b|zeltlager",
        ("other", "clash"): r"unruhen|krawall\w*|zusammenstö\w*|tränengas|wasserwerfer",
        ("other", "barrier"): r"zaun\w*|grenzzaun\w*|stacheldraht\w*",
        ("other", "flight"): r"flug\w*|flüge",
        ("other", "escape"): r"geflohen|flohen",
    },
    "lt": {
        ("pushback", None): r"apgręž\w*|išstum\w*|grąžin\w*|neįleid\w*",
        ("border_violation", None): r"pažeid\w*\s+(?:\S+\s+)?sien\w*|sienos\s+pažeidim\w*",
        ("crossing", None):
            r"kirt\w*\s+(?:\S+\s+){0,2}?sien\w*|kerta\w*\s+sien\w*|"
            r"neteisėtai\s+(?:kirt|patek|atvyk)\w*",
        ("detention", None): r"sulaik\w*",
        ("death", None): r"mirė|mirt\w*|žuv[oę]\w*|kūn[ao]s?\b|negyv\w*",
        ("statement_or_order", None):
            r"nepaprast\w*\s+padėt\w*|ekstremal\w*\s+situacij\w*|įsak\w*|uždar\w*|sustabd\w*",
        ("other", "camp"): r"stovykl\w*",
        ("other", "clash"): r"riaušė\w*|neramum\w*|susirėm\w*|ašarin\w*\s+duj\w*",
        ("other", "barrier"): r"tvor\w*|spygliuot\w*|koncertin\w*",
        ("other", "flight"): r"skryd\w*",
        ("other", "escape"): r"pabėg(?!ėl)\w*",
    },
}

# "the incident": a sentence with only such a word belongs to the document's main event.
ANAPHORIC: dict[str, str] = {
    "en": r"incident\w*|provocation\w*",
    "ru": r"инцидент\w*|провокац\w*",
    "pl": r"incydent\w*|prowokac\w*",
    "de": r"vorfall\w*|zwischenfall\w*|provokation\w*",
    "lt": r"provokacij\w*",
}

# Totals and trends: a sentence with one of these reports no single event.
AGGREGATE: dict[str, str] = {
    "en": r"so far this year|this year|since the (?:beginning|start)|since the "
          r"\w+ (?:began|started)|a total of|in total|in 20\d\d\b|(?:the )?number of|"
          r"(?:increase|rise|surge|growth) in",
    "ru": r"с начала года|в этом году",
    "pl": r"od początku roku|w tym roku",
    "de": r"seit jahresbeginn|in diesem jahr",
    "lt": r"nuo metų pradžios|šiais metais",
}

# Words right before a place that make it approximate ("near X"): geo_precision 2.
NEAR: dict[str, str] = {
    "en": r"near|close to|outside|vicinity of|not far from|around|from",
    "ru": r"вблизи|возле|около|под|недалеко от",
    "pl": r"w pobliżu|koło|niedaleko|pod|w okolicach",
    "de": r"bei|nahe|in der nähe von|unweit",
    "lt": r"netoli|prie|ties",
}
NEAR_FILLERS = (r"the|of|village|town|city|of the|crossing|checkpoint|camp|деревни|села|"
                r"погранперехода|пункта|wsi|miejscowości|dorf|kaimo")

# Prepositions that make a capital a place rather than a metonym for its government.
LOCATIVE: dict[str, str] = {
    "en": r"in|at|near|outside|around",
    "ru": r"в|во|под|около",
    "pl": r"w|we|pod|koło",
    "de": r"im|bei|nahe",
    "lt": r"ties|prie",
}

NUMBER_WORDS: dict[str, dict[str, int]] = {
    "en": {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a dozen": 12,
           "fifteen": 15, "twenty": 20, "fifty": 50, "a hundred": 100},
    "ru": {"два": 2, "две": 2, "двое": 2, "три": 3, "трое": 3, "пять": 5, "шесть": 6,
           "десять": 10, "двенадцать": 12},
    "pl": {"dwóch": 2, "trzech": 3, "pięciu": 5, "sześciu": 6, "dziesięciu": 10,
           "dwunastu": 12, "tuzin": 12},
    "de": {"zwei": 2, "drei": 3, "fünf": 5, "sechs": 6, "zehn": 10, "zwölf": 12,
           "dutzend": 12, "ein dutzend": 12},
    "lt": {"du": 2, "tris": 3, "penkis": 5, "šešis": 6, "dešimt": 10, "dvylika": 12},
}

# Counted subjects ("35 migrants", "12 officers").
SUBJECTS: dict[str, dict[str, str]] = {
    "migrants": {
        "en": r"migrant\w*|people|persons|refugees|foreigners|asylum\s+seekers|iraqis|syrians|"
              r"afghans|citizens|men|women|children|minors|trespassers|individuals",
        "ru": r"мигрант\w*|человек|беженц\w*|иностран\w*|нелегал\w*|детей|граждан\w*",
        "pl": r"osób|osoby|cudzoziem\w*|uchodźc\w*|dzieci",
        "de": r"menschen|personen|flüchtling\w*|kinder",
        "lt": r"asmen\w*|pabėgėl\w*|užsienieč\w*|irakieč\w*|vaik\w*|nelegal\w*",
    },
    "officers": {
        "en": r"officers|guards|officials|soldiers|troops|policemen|servicemen|agents",
        "ru": r"пограничник\w*|военн\w*|сотрудник\w*|силовик\w*",
        "pl": r"funkcjonariusz\w*|żołnierz\w*|strażnik\w*|policjant\w*",
        "de": r"beamte\w*|soldaten|grenzschützer\w*|polizisten",
        "lt": r"pareigūn\w*|pasienieč\w*|kari\w*",
    },
}

# Actors: a nationality adjective and a noun ("Belarusian officers").
NATIONALITY: dict[str, dict[str, str]] = {
    "Belarusian": {"en": r"belarus\w*", "ru": r"белорус\w*", "pl": r"białorus\w*",
                   "de": r"weißruss\w*|belarussisch\w*", "lt": r"baltarus\w*"},
    "Lithuanian": {"en": r"lithuanian", "ru": r"литов\w*", "pl": r"litewsk\w*",
                   "de": r"litauisch\w*", "lt": r"lietuv\w*"},
    "Polish": {"en": r"polish", "ru": r"польск\w*", "pl": r"polsk\w*", "de": r"polnisch\w*",
               "lt": r"lenk\w*"},
    "Latvian": {"en": r"latvian", "ru": r"латвий\w*", "pl": r"łotewsk\w*",
                "de": r"lettisch\w*", "lt": r"latvi\w*"},
}
NATIONALITY_CODES = {"Belarusian": "BY", "Lithuanian": "LT", "Polish": "PL", "Latvian": "LV"}

ACTOR_NOUNS: dict[str, dict[str, str]] = {
    "border guards": {
        "en": r"border\s+guards?|border\s+service|guards",
        "ru": r"пограничник\w*|погранслужб\w*",
        "pl": r"straż\w*\s+graniczn\w*|strażnik\w*",
        "de": r"grenzschützer\w*|grenzschutz\w*",
        "lt": r"pasienieč\w*",
    },
    "officers": {"en": r"officers|officials|special\s+forces|servicemen",
                 "ru": r"сотрудник\w*|силовик\w*", "pl": r"funkcjonariusz\w*",
                 "de": r"beamte\w*", "lt": r"pareigūn\w*"},
    "soldiers": {"en": r"soldiers|troops|army|military", "ru": r"военн\w*",
                 "pl": r"żołnierz\w*|wojsk\w*", "de": r"soldaten|armee",
                 "lt": r"kari\w*|kariuomen\w*"},
    "police": {"en": r"police\w*", "ru": r"полици\w*", "pl": r"polic\w*", "de": r"polizei\w*",
               "lt": r"policij\w*"},
    "authorities": {"en": r"authorities|government", "ru": r"власт\w*", "pl": r"władz\w*",
                    "de": r"behörden", "lt": r"valdži\w*"},
}

# Claim sources: "according to X" and "X's ministry said".
SOURCE_INTRO: dict[str, str] = {
    "en": r"according to|(?:as )?reported by",
    "ru": r"по данным|по словам",
    "pl": r"według",
    "de": r"laut",
    "lt": r"pasak",
}
SOURCE_NOUNS = (r"service|ministry|guards?|police|committee|minister|spokes\w+|office|agency|"
                r"army|government|authorities|VSAT|SBGS")
SOURCE_VERBS = r"said|says|reported|stated|announced|claimed|told"
