"""Event word lists, per language: trigger stems by event type, actors, counted subjects,
number words, anaphora, totals, proximity and claim-source phrases (regular-expression
fragments over lower-case word stems, matched case-insensitively at a word start).

This module is data only; ``geomap.events.detect`` joins the languages of each list (in
``LANGUAGES`` order) into one expression. To support a language, add its entries to every
table here (docs/incidents.md lists the rules).
"""
from __future__ import annotations

LANGUAGES = ("en", "ru", "pl", "de", "lt", "lv", "be")

# Event kinds (type, subtype) in the order their triggers are tried.
KINDS: tuple[tuple[str, str | None], ...] = (
    ("pushback", None), ("border_violation", None), ("crossing", None), ("detention", None),
    ("death", None), ("statement_or_order", None), ("other", "camp"), ("other", "clash"),
    ("other", "barrier"), ("other", "flight"), ("other", "escape"), ("other", "smuggling"))

Kind = tuple[str, str | None]

TRIGGERS: dict[str, dict[Kind, str]] = {
    "en": {
        ("pushback", None):
            r"push(?:ed|ing|es)?\s+(?:\S+\s+){0,10}?(?:back|over|across|into|out)\b|push-?backs?|"
            r"turn(?:ed|ing|s)?\s+(?:\S+\s+){0,3}?(?:back|away)\b|"
            r"sen[dt](?:ing)?\s+(?:\S+\s+){0,3}?back|"
            r"expel\w*|expulsion|forcibly\s+(?:expelled|pushed|returned|removed)|oust\w*|"
            r"forc(?:e|ed|ing)\s+(?:\S+\s+){0,5}?back\b|"
            r"prevent\w*\s+.{0,50}?\bfrom\s+(?:attempting\s+to\s+)?(?:illegally\s+)?(?:cross|enter)|"
            r"remov\w*\s+(?:\S+\s+){0,3}?migrants|(?:refused|denied)\s+entry|"
            r"return(?:ed|ing|s)?\s+(?:\S+\s+){0,4}?(?:to\s+belarus|to\s+the\s+(?:belarusian|other)"
            r"\s+side|back\s+(?:to|across|over))\b",
        ("border_violation", None):
            r"violat\w*\s+(?:\S+\s+){0,3}?(?:border|airspace)|"
            r"violation\s+of\s+(?:\S+\s+){0,3}?(?:border|airspace)|"
            r"border\s+violations?|incursion\w*",
        ("crossing", None):
            r"cross(?:ed|ing|es)?\s+(?:\S+\s+){0,3}?(?:border|into|over|to)\b|"
            r"illegal(?:ly)?\s+(?:cross\w*|"
            r"entry|enter\w*)|(?:tried|attempt\w*|trying)\s+to\s+(?:cross|enter|break|storm|force)|"
            r"forc(?:e|ed|ing)\s+the\s+border|forc(?:e|ed|ing)\s+(?:\S+\s+){0,3}?(?:across|over)\s+"
            r"(?:the\s+border|into)|forc(?:e|ed|ing)\s+them\s+across|storm\w*\s+the\s+border|broke\s+through|"
            r"forc(?:e|ed|ing)\s+(?:their|its|his|her)\s+way|"
            r"climb\w*\s+(?:over\s+)?(?:the\s+)?(?:border\s+)?(?:fence|wall|barrier)|"
            r"trespass\w*",
        ("detention", None):
            r"detain(?:ed|s|ing)?\b|detention|apprehend\w*|arrest(?:ed|s)?\b|caught|"
            r"took\s+into\s+custody|"
            r"stopped\s+(?:\S+\s+){0,3}?(?:migrants|people|persons|refugees|foreigners)|"
            r"(?:migrants|people|persons|refugees|foreigners)\s+(?:\S+\s+){0,3}?"
            r"(?:was|were|had\s+been|have\s+been)\s+stopped\b",
        ("death", None):
            r"(?:found\s+)?dead\b|died|dies\b|deaths?\b|bod(?:y|ies)\b|killed|drown\w*|"
            r"froze\s+to\s+death|hypotherm\w*",
        ("statement_or_order", None):
            r"state\s+of\s+emergency|emergency\s+(?:situation|regime)|"
            r"(?<!in )order(?:ed|s)?\s+(?:\S+\s+){0,5}?to\b|"
            r"decree\w*|declar\w*\s+(?:a\s+|the\s+)?(?:state|emergency)|suspen\w*|"
            r"clos(?:e|ed|ing|ure)\s+(?!to\b)(?:\S+\s+){0,5}?(?:border|checkpoint|crossing)|"
            r"diplomatic\s+note|summon\w*|deploy\w*\s+(?:\S+\s+){0,3}?(?:soldiers|troops|"
            r"officers|guards|police)|sent\s+(?:\S+\s+){0,3}?(?:soldiers|troops)\b|"
            r"(?:soldiers|troops)\s+(?:were|have\s+been|had\s+been)\s+(?:sent|deployed|dispatched)",
        ("other", "camp"):
            r"camp(?:s|ed|ing)?\b|encamp\w*|stranded|(?:stuck|trapped)\s+(?:\S+\s+){0,6}?"
            r"(?:border|between)",
        ("other", "clash"):
            r"riot(?:s|ed|ing)?\b(?!\s+(?:gear|police|shields?|control))|unrest|"
            r"disturbances?|clash\w*|tear\s+gas|(?:throw\w*|threw)\s+(?:\S+\s+){0,3}?"
            r"(?:stones|rocks)|(?<!no one was )(?<!nobody was )(?<!not )(?:injured|wounded)\b|"
            r"protest(?:s|ed|ing)?\b(?!\s+against)|hunger\s+strike|"
            r"water\s+cannon\w*|stabb\w*|attack(?:ed|ing)\b|assault(?:ed|ing)\b|"
            r"fired\s+(?:\S+\s+){0,2}?shots|shots\s+(?:were\s+)?fired|(?:warning\s+)?shots\s+"
            r"(?:into|in)\s+the\s+air|gunfire|opened\s+fire",
        ("other", "barrier"):
            r"razor\s+wire|concertina|fenc(?:e|es|ed|ing)\b|barriers?\b|border\s+wall",
        ("other", "flight"):
            r"flights?\s+(?:\S+\s+){0,4}?(?:from|to|brought|carrying|landed)\b|arriv\w*\s+in\b|"
            r"(?:air)?planes?\s+(?:\S+\s+){0,3}?(?:carrying|landed|leaving|left|took\s+off)\b|"
            r"(?:repatriation|evacuation|charter)\s+flights?",
        ("other", "escape"): r"escap\w*|fled\s+(?:from|the)\b",
        ("other", "smuggling"): r"smuggl\w*|contraband|balloons?\b",
    },
    "ru": {
        ("pushback", None):
            r"выдвор\w*|вытолк\w*|выталкива\w*|вытесн\w*|развернул\w*|не\s+пропуст\w*|"
            r"не\s+(?:пустил|впустил|допустил)\w*|недопущ\w*|"
            r"предотвра\w*\s+(?:\S+\s+){0,3}?(?:попыт|пересечени|проникновени)\w*|"
            r"отказа\w*\s+во\s+въезде",
        ("border_violation", None): r"наруш\w*\s+(?:\S+\s+)?(?:границ|воздушн)\w*",
        ("crossing", None): r"пересе[кч]\w*|прорв\w*|прорыв\w*|перебра\w*|проник\w*",
        ("detention", None): r"задерж\w*",
        ("death", None): r"погиб\w*|умер\w*|скончал\w*|тел[оа]\b|смерт\w*|мертв\w*",
        ("statement_or_order", None):
            r"чрезвычайн\w*\s+положени\w*|режим\w*\s+чс|приказ\w*|указ\b|распоряд\w*|"
            r"закры\w*\s+(?:\S+\s+)?(?:границ|пункт|переход)\w*|приостанов\w*|"
            r"(?:направ|перебро)\w*\s+(?:\S+\s+){0,3}?(?:военн|солдат|войск|пограничник)\w*",
        ("other", "camp"): r"лагер\w*|застря\w*\s+(?:\S+\s+){0,4}?(?:границ|между)\w*",
        ("other", "clash"): r"беспоряд\w*|столкнов\w*|слезоточив\w*|"
                            r"(?:броса|брос|кида|кину)\w*\s+(?:\S+\s+){0,2}?камн\w*|напал[иа]?\b|"
                            r"водом[её]т\w*|выстрел\w*|открыл\w*\s+огонь|стреля\w*|"
                            r"ранил[иа]?\s+(?:\S+\s+){0,2}?нож\w*|(?<!не )ранен(?!ых\s+нет)\w*|"
                            r"травмирова\w*",
        ("other", "barrier"): r"забор\w*|огражден\w*|заграждени\w*|барьер\w*|"
                              r"колюч\w*\s+проволок\w*",
        ("other", "flight"): r"рейс\w*|приземлил\w*",
        ("other", "escape"): r"сбежа\w*",
        ("other", "smuggling"): r"контрабанд\w*|(?:воздушн\w*\s+)?шар(?:ы|ов|ами|ик\w*)\b",
    },
    "pl": {
        ("pushback", None):
            r"wypchn\w*|wypycha\w*|zawróc\w*|zawraca\w*|odesła\w*|odsyła\w*|zepchn\w*|"
            r"udaremni\w*|nie\s+(?:wpuści|dopuści)\w*|uniemożliwi\w*\s+(?:\S+\s+){0,3}?"
            r"(?:przekrocz|wejści|wjazd|przedost)\w*",
        ("border_violation", None): r"narusz\w*\s+(?:\S+\s+)?(?:granic|przestrze[nń]\w*\s+powietrzn)\w*",
        ("crossing", None):
            r"przekrocz\w*|przekracza\w*|sforsow\w*|forsow\w*|szturm\w*|przedost\w*",
        ("detention", None): r"zatrzym\w*",
        ("death", None):
            r"zmarł\w*|nie\s+żyje|ciał[oa]\b|zwłok\w*|śmier[ćc]\w*|martw\w*|utonęł\w*|utonął",
        ("statement_or_order", None):
            r"stan\w*\s+wyjątkow\w*|rozporządzeni\w*|nakaz\w*|zarządzi\w*|"
            r"zamkn\w*\s+(?:\S+\s+)?(?:granic|przejści)\w*|zawiesz\w*|"
            r"(?:wysła|skierowa)\w*\s+(?:\S+\s+){0,3}?(?:żołnierz|wojsk|funkcjonariusz)\w*",
        ("other", "camp"): r"obozowisk\w*|obóz\w*|koczow\w*|koczuj\w*|"
                           r"utknę\w*\s+(?:\S+\s+){0,4}?(?:granic|między)\w*",
        ("other", "clash"): r"zamieszk\w*|starci\w*|gaz\w*\s+łzawi\w*|"
                            r"(?:rzuca|rzucil|rzucał)\w*\s+(?:\S+\s+){0,2}?kamie\w*|"
                            r"zaatakowa\w*|ugodzi\w*|dźgn\w*|armat\w*\s+wodn\w*|strzał\w*|"
                            r"strzelan\w*|strzelal\w*|strzelił\w*|strzelali|"
                            r"(?<!nie )(?<!nie został )(?<!nie została )(?<!nie zostało )rann[ya]\b|"
                            r"(?<!nie )(?:został|zostało|zostali|została)\s+(?:\S+\s+)?(?:rann|ranion)\w*",
        ("other", "barrier"): r"ogrodzeni\w*|płot\w*|zasiek\w*|zapor\w*|barier\w*",
        ("other", "flight"): r"lot\w*\s+z\b|samolot\w*|wylądowa\w*|przylecia\w*",
        ("other", "escape"): r"uciek\w*",
        ("other", "smuggling"): r"przemyt\w*|kontraband\w*|balon\w*",
    },
    "de": {
        ("pushback", None):
            r"zurückgedrängt|zurückgeschoben|zurückgewiesen|zurückgeschickt|abgewiesen|"
            r"verhindert\w*|verhinderte\w*|an\s+der\s+einreise\s+(?:\S+\s+){0,3}?gehindert|"
            r"am\s+(?:illegalen\s+|unerlaubten\s+)?(?:grenz)?übertritt\s+(?:\S+\s+){0,8}?"
            r"gehindert|"
            r"nicht\s+(?:\S+\s+){0,2}?(?:eingelassen|durchgelassen|einreisen\s+lassen)|"
            r"daran\s+gehindert|(?:hinderten|hinderte)\s+(?:\S+\s+){0,6}?daran\b",
        ("border_violation", None): r"grenzverletzung\w*|verletz\w*\s+(?:\S+\s+)?(?:grenze|luftraum)|"
                                  r"luftraum\w*\s+(?:\S+\s+){0,3}?verletzt",
        ("crossing", None):
            r"überquer\w*|grenzübertritt\w*|illegal\s+eingereist|durchbr\w*",
        ("detention", None):
            r"festgenommen|festnahme\w*|aufgegriffen|nahm\w*\s+(?:\S+\s+){0,8}?fest\b|"
            r"griff\w*\s+(?:\S+\s+){0,8}?auf\b",
        ("death", None):
            r"tote[nr]?\b|gestorben|starb\w*|leiche\w*|ums\s+leben|ertrunken|erfroren|"
            r"tod(?:es)?\b|tot\s+(?:aufgefunden|gefunden|entdeckt|geborgen)",
        ("statement_or_order", None):
            r"ausnahmezustand\w*|angeordnet|ordnete\w*|verhängt\w*|schließung\w*|"
            r"ausgesetzt|protestnote|(?:entsand|verlegt|stationiert)\w*|"
            r"(?:grenz|übergang)\w*\s+(?:\S+\s+){0,4}?(?:geschlossen|dichtgemacht)\b|"
            r"(?:schließt|schloss|schlossen)\s+(?:\S+\s+){0,3}?(?:grenz|übergang)\w*",
        ("other", "camp"): r"lager\b|zeltlager|gestrandet|(?:sitzen|saßen|sitzt)\s+(?:\S+\s+){0,6}?fest\b|"
                           r"festsitz\w*",
        ("other", "clash"): r"unruhen|krawall\w*|zusammenstö\w*|tränengas|wasserwerfer|"
                            r"(?:warfen|werfen|warf)\s+(?:\S+\s+){0,3}?steine\w*|steinwürf\w*|"
                            r"angegriffen|attackiert\w*|niedergestochen|messerangriff\w*|"
                            r"(?:warn)?schüsse\w*|geschossen|schossen|beschossen|"
                            r"(?<!niemand wurde )(?<!nicht )verletzt(?!e\w*\s+gab\s+es\s+nicht)|verwundet",
        ("other", "barrier"): r"zaun\w*|grenzzaun\w*|stacheldraht\w*|barriere\w*|"
                              r"(?:grenz|sperr)anlage\w*",
        ("other", "flight"): r"flug\w*|flüge|landete\w*|gelandet",
        ("other", "escape"): r"geflohen|flohen",
        ("other", "smuggling"): r"schmugg\w*|geschmuggelt\w*|ballon\w*",
    },
    "lt": {
        ("pushback", None):
            r"apgręž\w*|išstum\w*|grąžin\w*|neįleid\w*|neįleist\w*|"
            r"užkard(?:ė|yt\w*|ydav\w*|omas|omi|oma)\b|"     # the verb, not "užkarda" (a post)
            r"nelei(?:d|st)\w*\s+(?:\S+\s+){0,3}?(?:patekti|įvažiuoti|kirsti)",
        ("border_violation", None): r"pažeid\w*\s+(?:\S+\s+)?(?:sien\w*|oro\s+erdv\w*)|"
                                  r"sienos\s+pažeidim\w*",
        ("crossing", None):
            r"kirt\w*\s+(?:\S+\s+){0,2}?sien\w*|kerta\w*\s+sien\w*|"
            r"neteisėtai\s+(?:kirt|kirs|patek|atvyk)\w*|perv[ea]\w*\s+per\s+sien\w*|"
            r"kirsti\s+(?:\S+\s+){0,4}?sien\w*|prasiverž\w*",
        ("detention", None):
            r"sulaik\w*|aptik\w*\s+(?:\S+\s+){0,3}?(?:neteisėt|migrant|užsienieč|asmen|"
            r"pažeidėj)\w*",
        ("death", None): r"mirė|mirt\w*|žuv[oę]\w*|kūn[ao]s?\b|negyv\w*",
        ("statement_or_order", None):
            r"nepaprast\w*\s+padėt\w*|ekstremal\w*\s+(?:situacij|padėt)\w*|įsak\w*|uždar\w*|"
            r"sustabd\w*|dislok\w*|pasiun\w*\s+(?:\S+\s+){0,3}?(?:kari|pareigūn|pasienieč)\w*",
        ("other", "camp"): r"stovykl\w*|įstrig\w*\s+(?:\S+\s+){0,4}?(?:pasien|sien|tarp)\w*",
        ("other", "clash"): r"riaušė\w*|neramum\w*|susirėm\w*|ašarin\w*\s+duj\w*|"
                            r"(?:mėt|svaid)\w*\s+(?:\S+\s+){0,2}?akmen\w*|užpuol\w*|subad\w*|"
                            r"vandens\s+patrank\w*|vandensvaid\w*|šūv\w*|šaudė|iššov\w*|"
                            r"sužeid\w*|sužeist(?!\w*\s+nėra)\w*|sužalot\w*",
        ("other", "barrier"): r"tvor\w*|spygliuot\w*|koncertin\w*|barjer\w*",
        ("other", "flight"): r"skryd\w*|lėktuv\w*|atskrid\w*|nusileid\w*",
        ("other", "escape"): r"pabėg(?!ėl)\w*",
        ("other", "smuggling"): r"kontraband\w*|balion\w*",
    },
    "lv": {
        ("pushback", None):
            r"nepieļāv\w*|novērs\w*|atgriez\w*|atgriež\w*|izraid\w*|atraid\w*|"
            r"atturēj\w*|liedz\w*\s+(?:\S+\s+)?ieceļo\w*|nepielai\w*|netika\s+ielaist\w*",
        ("border_violation", None): r"pārkāp\w*\s+(?:\S+\s+)?(?:robež\w*|gaisa\s+telp\w*)|"
                                  r"robežas\s+pārkāp\w*",
        ("crossing", None):
            r"šķērso\w*|robežšķērso\w*|nelikumīg\w*\s+(?:\S+\s+)?(?:ieceļo|iekļū|ienāk)\w*|"
            r"mēģinā\w*\s+(?:\S+\s+){0,3}?(?:šķērsot|iekļūt|ielauzties)|ielauz\w*|"
            r"iekļuv\w*\s+(?:\S+\s+){0,2}?latvij\w*",
        ("detention", None): r"aizturē\w*|aizturēt\w*|apcietin\w*",
        ("death", None):
            r"miris|mirus\w*|miruš\w*|nomir\w*|gāj\w*\s+bojā|bojāgāj\w*|līķ\w*|nosal\w*|"
            r"noslīk\w*",
        ("statement_or_order", None):
            r"ārkārt(?:as|ēj\w*)\s+(?:situācij|stāvokl)\w*|izsludin\w*|rīkojum\w*|"
            r"pavēl\w*|slēdz\w*\s+(?:\S+\s+)?(?:robež|punkt|pārej)\w*|slēg\w*|"
            r"aptur\w*\s+(?:\S+\s+){0,2}?(?:darbīb|satiksm|kustīb|robežšķērs|punkt|pārej)\w*|"
            r"(?:nosūt|izvieto)\w*\s+(?:\S+\s+){0,3}?(?:karavīr|robežsarg|policist)\w*",
        ("other", "camp"): r"nometn\w*|iestrēg\w*\s+(?:\S+\s+){0,4}?(?:robež|starp)\w*|iesprost\w*",
        ("other", "clash"): r"nemier\w*|sadursm\w*|asaru\s+gāz\w*|protestē\w*|"
                            r"(?:met|svaid)\w*\s+(?:\S+\s+){0,2}?akmeņ\w*|uzbruka\w*|"
                            r"uzbrukuš\w*|sadūr\w*|ūdensmetēj\w*|ūdens\s+lielgabal\w*|"
                            r"šāvien\w*|šāva\b|izšāva\w*|apšaud\w*|ievainot(?!\w*\s+nav)\w*|"
                            r"savainot(?!\w*\s+nav)\w*",
        ("other", "barrier"): r"žog\w*|dzeloņstiepl\w*|koncertīn\w*|barjer\w*",
        ("other", "flight"): r"lidojum\w*|reis\w*|lidmašīn\w*|nolaidās",
        ("other", "escape"): r"aizbēg\w*|izbēg\w*",
        ("other", "smuggling"): r"kontraband\w*|balon\w*",
    },
    "be": {
        ("pushback", None):
            r"выціс\w*|выцясн\w*|выдвар\w*|разгарнул\w*|"
            r"не\s+(?:пусціл|прапусціл|дапусціл|упусціл)\w*|"
            r"адмові\w*\s+ва\s+ўездзе|адмовілі\s+ва\s+ўезд\w*",
        ("border_violation", None): r"паруш\w*\s+(?:\S+\s+)?мяж\w*|парушэнн\w*\s+мяжы",
        ("crossing", None):
            r"перасек\w*|перасяк\w*|перайшл\w*\s+(?:\S+\s+)?мяж\w*|прарва\w*|прарыв\w*|"
            r"спрабава\w*\s+(?:\S+\s+){0,2}?(?:перасекчы|перайсці|прарвацца|трапіць)",
        ("detention", None): r"затрыма\w*|затрыман\w*",
        ("death", None): r"загінул\w*|памёр\w*|памерл\w*|цел[аы]\b|смерц\w*|мёртв\w*|нежыв\w*",
        ("statement_or_order", None):
            r"надзвычайн\w*\s+становішч\w*|загад\w*|указ\b|"
            r"зачын\w*\s+(?:\S+\s+)?(?:мяж|пункт|пераход)\w*|прыпын\w*|"
            r"(?:накірава|перакін)\w*\s+(?:\S+\s+){0,3}?(?:вайск|салдат|вайскоўц|памежнік)\w*",
        ("other", "camp"): r"лагер\w*",
        ("other", "clash"): r"беспарад\w*|сутыкнен\w*|слёзацечн\w*|слезацечн\w*|"
                            r"(?:кіда|кіну)\w*\s+(?:\S+\s+){0,2}?камян\w*|напал[іа]?\b|вадамёт\w*|"
                            r"стрэл\w*|стралял\w*|(?<!не )паранен\w*",
        ("other", "barrier"): r"плот\b|плота\b|агародж\w*|калюч\w*\s+дрот\w*|паркан\w*",
        ("other", "flight"): r"рэйс\w*|прызямлі\w*",
        ("other", "escape"): r"уцяк\w*|уцякл\w*",
        ("other", "smuggling"): r"кантрабанд\w*|(?:паветран\w*\s+)?шар(?:ы|аў|амі)\b",
    },
}

# "the incident": a sentence with only such a word belongs to the document's main event.
ANAPHORIC: dict[str, str] = {
    "en": r"incident\w*|provocation\w*",
    "ru": r"инцидент\w*|провокац\w*",
    "pl": r"incydent\w*|prowokac\w*",
    "de": r"vorfall\w*|zwischenfall\w*|provokation\w*",
    "lt": r"provokacij\w*|incident\w*",
    "lv": r"incident\w*|provokācij\w*",
    "be": r"інцыдэнт\w*|правакац\w*",
}

# Totals and trends ("so far this year", "since August"): a sentence with one of these reports
# no single event.
AGGREGATE: dict[str, str] = {
    "en": r"so far this year|since\s+(?:january|february|march|april|may|june|july|august|"
          r"september|october|november|december)\b|this year|since the (?:beginning|start|"
          r"summer|spring|autumn|fall|winter)|since the \w+ (?:began|started)|a total of|"
          r"in total|in 20\d\d\b|(?:the )?number of|(?:increase|rise|surge|growth) in|"
          r"thousands of|each day|every day|daily|per day|estimat\w*|by (?:the )?(?:midnight|"
          r"end|evening|morning) of",
    "ru": r"с начала года|с начала\s+\w+|с\s+(?:января|февраля|марта|апреля|мая|июня|июля|"
          r"августа|сентября|октября|ноября|декабря)\b|в этом году|ежедневно|каждый день|"
          r"в сутки|по (?:\w+ )?оценкам|к (?:полуночи|концу|утру|вечеру)",
    "pl": r"od początku roku|od początku\s+\w+|od\s+(?:stycznia|lutego|marca|kwietnia|maja|"
          r"czerwca|lipca|sierpnia|września|października|listopada|grudnia)\b|w tym roku|"
          r"codziennie|każdego dnia|dziennie|szacu\w*|do (?:północy|końca)",
    "de": r"seit jahresbeginn|seit (?:dem )?(?:beginn|anfang)\b|seit\s+(?:januar|februar|märz|"
          r"april|mai|juni|juli|august|september|oktober|november|dezember)\b|in diesem jahr|"
          r"täglich|jeden tag|pro tag|schätz\w*|bis (?:mitternacht|ende)",
    "lt": r"nuo metų pradžios|nuo\s+\w+\s+pradžios|nuo\s+(?:sausio|vasario|kovo|balandžio|"
          r"gegužės|birželio|liepos|rugpjūčio|rugsėjo|spalio|lapkričio|gruodžio)\b|šiais metais|"
          r"kasdien|kiekvieną dieną|iki (?:vidurnakčio|pabaigos)",
    "lv": r"kopš gada sākuma|kopš\s+(?:janvāra|februāra|marta|aprīļa|maija|jūnija|jūlija|"
          r"augusta|septembra|oktobra|novembra|decembra)\b|šogad|kopumā|kopš \w+ sākuma|"
          r"šā gada laikā|katru dienu|ik dienas|līdz (?:pusnaktij|beigām)",
    "be": r"з пачатку года|з пачатку\s+\w+|з\s+(?:студзеня|лютага|сакавіка|красавіка|траўня|мая|"
          r"чэрвеня|ліпеня|жніўня|верасня|кастрычніка|лістапада|снежня)\b|у гэтым годзе|штодня|"
          r"кожны дзень|за суткі|па (?:\w+ )?ацэнках",
}

# Words right before a trend phrase that make it a cause ("after a rise in attempts"), not a
# total: the sentence may still report an event.
CAUSE: dict[str, str] = {
    "en": r"after|over|amid|due to|because of|following|in response to|given",
    "ru": r"из-за|на фоне|после|в связи с",
    "pl": r"po|z powodu|w związku z|wobec",
    "de": r"nach|wegen|angesichts|aufgrund",
    "lt": r"dėl|po|atsižvelgiant į",
    "lv": r"pēc|dēļ|sakarā ar",
    "be": r"з-за|на фоне|пасля|у сувязі з",
}

# "Another group ...": a sentence that starts a new event of its own.
ANOTHER: dict[str, str] = {
    "en": r"another|a second|a further|a separate|one more",
    "ru": r"ещё одн\w*|еще одн\w*|друг\w*\s+групп\w*|втор\w*\s+групп\w*",
    "pl": r"kolejn\w*|inn\w*\s+grup\w*|drug\w*\s+grup\w*",
    "de": r"eine? weitere\w*|noch eine\w*|eine? andere\w*|eine? zweite\w*",
    "lt": r"kit\w*\s+grup\w*|dar\s+vien\w*|antr\w*\s+grup\w*",
    "lv": r"vēl\s+vien\w*|cit\w*\s+grup\w*|otr\w*\s+grup\w*",
    "be": r"яшчэ адн\w*|інш\w*\s+груп\w*|друг\w*\s+груп\w*",
}

# "Most of them near X": a sentence that breaks down the event told before it (its count is a
# part of that event's, its place where most of it happened), not another group.
MOST: dict[str, str] = {
    "en": r"most\s+of\s+(?:them|these|those|the)|most\s+(?:were|was|had|have)|the\s+majority|"
          r"the\s+largest\s+(?:number|group)",
    "ru": r"больше\s+всего|большинство|большая\s+часть|наибольшее\s+число",
    "pl": r"najwięcej|większość|najliczniej",
    "de": r"die\s+meisten|(?:der\s+)?großteil|die\s+mehrheit|am\s+meisten",
    "lt": r"daugiausia\w*|didžioji\s+dalis|dauguma",
    "lv": r"visvairāk|lielākā\s+daļa|vairums|vislielāk\w*",
    "be": r"больш\s+за\s+ўсё|большасць|найбольш",
}

# Attempts counted ("112 prób", "40 попыток"): a number of attempts, like a number of
# migrants, tells one group from another (not reported as a count).
ATTEMPTS: dict[str, str] = {
    "en": r"attempts|tries", "ru": r"попыт\w*", "pl": r"prób\w*", "de": r"versuch\w*",
    "lt": r"bandym\w*", "lv": r"mēģinājum\w*", "be": r"спроб\w*",
}

# "... and on Tuesday another 90 near X": a second group told in a clause of its own, with
# its own day, count and place (the word before its number; ``CLAUSE_AND`` opens the clause)
ANOTHER_COUNT: dict[str, str] = {
    "en": r"another|a further", "ru": r"ещё|еще|других", "pl": r"kolejn\w*|następn\w*|kolejnych",
    "de": r"weitere\w*", "lt": r"dar|kiti|kitus", "lv": r"vēl|citus|citi", "be": r"яшчэ",
}
CLAUSE_AND: dict[str, str] = {
    "en": r"and|while|whereas", "ru": r"а|и", "pl": r"a|i|zaś|oraz", "de": r"und|während",
    "lt": r"o|ir", "lv": r"un|bet", "be": r"а|і",
}

# "..., while 26 were detained near X", "..., bet pie Y ...": a contrasting clause that tells
# another group with its own trigger, count and place (after a comma; a semicolon alone also
# opens one)
CLAUSE_BUT: dict[str, str] = {
    "en": r"but|while|whereas", "ru": r"а|но|тогда\s+как", "pl": r"a|ale|natomiast|zaś|podczas\s+gdy",
    "de": r"während|aber|doch", "lt": r"o|bet|tačiau|tuo\s+tarpu", "lv": r"bet|savukārt|kamēr",
    "be": r"а|але",
}

# Border-guard units and administrations named after a town ("Daugavpils pārvalde", "the
# Daugavpils board", "Varėnos pasienio rinktinė", "Лидский пограничный отряд"): their stretch of
# border is long, so such a place stands for an event only when its sentences name no other
# place below a region (the words after the town's name).
UNIT_AFTER: dict[str, str] = {
    "en": r"(?:border[- ]guard\s+)?(?:board|administration|detachment)s?",
    "ru": r"пограничн\w+\s+(?:отряд|групп|команд)\w*|погранотряд\w*",
    "pl": r"", "de": r"", "lt": r"(?:pasienio\s+)?rinktin\w*", "lv": r"pārvald\w*",
    "be": r"памежн\w+\s+(?:атрад|груп)\w*",
}

# A crowd's size ("thousands of migrants gathered at the border on Monday"): no total when the
# sentence names the day of its event.
CROWD = r"(?:thousands|hundreds)\s+of"

# Border-guard stations named after the place they stand at ("Placówka SG w Czeremsze",
# "funkcjonariusze z PSG w Dubiczach", "погранзастава «Друскининкай»", "Druskininkų
# užkardos", "Daugavpils robežapsardzības nodaļa"): the words before the place, and after it.
# Units and districts (rinktinė, Oddział, отряд, pārvalde) are not stations: they stay out.
STATION_BEFORE: dict[str, str] = {
    "en": r"border(?:[- ]guard)? (?:station|post|outpost)s? (?:in|at|of)|outpost (?:in|at|of)",
    "ru": r"погранзастав\w*|пограничн\w+ застав(?:а|ы|е|у|ой)",
    "pl": r"(?:placówk\w*|psg)(?: (?:sg|straży granicznej))? we?",
    "de": r"grenz\w*(?:posten|station|wache)s? (?:in|von)",
    "lt": r"", "lv": r"",
    "be": r"пагранзастав\w*|памежн\w+ застав(?:а|ы|е|у|ай)",
}
# what every match of ``STATION_BEFORE`` holds (looked for first, as plain text)
STATION_KEYS = ("placówk", "psg", "застав", "station", "post", "grenz")
STATION_AFTER: dict[str, str] = {
    "en": r"border(?:[- ]guard)? (?:station|post|outpost)", "ru": r"", "pl": r"",
    "de": r"", "lt": r"(?:pasienio )?užkard\w*", "lv": r"robežapsardzības nodaļ\w*",
    "be": r"",
}

# Border guards named by their service's name, per country (not per language: the names
# are the services' own): the country of an event whose text names no place and no
# nationality ("Straż Graniczna odnotowała 161 prób ... z Białorusi")
AGENCIES: dict[str, str] = {
    "PL": r"straż\w*\s+graniczn\w*|straży\s+granicznej",
    "LT": r"vsat|valstybės\s+sienos\s+apsaugos\s+tarnyb\w*",
    "LV": r"(?:valsts\s+)?robežsardz\w*",
    "BY": r"госпогранкомитет\w*|государственн\w+\s+пограничн\w+\s+комитет\w*|"
          r"дзяржаўн\w+\s+памежн\w+\s+камітэт\w*|дзяржпамежкамітэт\w*",
}

# Future and possibility before the first trigger: the sentence tells what may or will
# happen ("border guards will have the right to return migrants"), not an event.
FUTURE: dict[str, str] = {
    "en": r"will|would|could|plans? to|intends? to|(?:has|have|had) the right|is to be|are to be",
    "ru": r"будет|будут|сможет|смогут|намерен\w*|планиру\w*|получ\w+ право",
    "pl": r"będzie|będą|zamierza\w*|planuje\w*|będ\w+ mogli|otrzyma\w* prawo",
    "de": r"wird|werden|würde\w*|soll\w*|plant|dürfen künftig",
    "lt": r"bus|galės|ketina|planuoja|turės teisę",
    "lv": r"būs|varēs|plāno|gatavojas|būs tiesības",
    "be": r"будзе|будуць|зможа|змогуць|плануе\w*|мае намер|маюць намер",
}

# Speakers named with a capital ("sources in Warsaw", "officials in Vilnius"): the capital
# stands for its government, not for the place of an event.
SPEAKERS: dict[str, str] = {
    "en": r"sources|officials|diplomats|politicians|government|authorities|correspondents?|"
          r"reporters?|prosecutors|police",
    "ru": r"источники|чиновники|власти",
    "pl": r"źródła|urzędnicy|władze",
    "de": r"quellen|beamte|behörden|regierungskreise",
    "lt": r"šaltiniai|pareigūnai|valdžia",
    "lv": r"avoti|amatpersonas|varas iestādes",
    "be": r"крыніцы|чыноўнікі|улады",
}

# Legal proceedings: a sentence about a court, a ruling or an investigation reports no event
# of its own ("a court ruled that pushbacks were unlawful").
LEGAL: dict[str, str] = {
    "en": r"court\w*|ruled|ruling|judge\w*|tribunal|pre-trial|investigation|prosecut\w*|"
          r"lawsuit|verdict",
    "ru": r"суд\b|суда\b|судом|суд\w+\s+постанов\w*|расследован\w*|уголовн\w*\s+дел\w*|"
          r"приговор\w*",
    "pl": r"sąd\w*|wyrok\w*|orzek\w*|orzecz\w*|śledztw\w*|prokurat\w*",
    "de": r"gericht\w*|urteil\w*|ermittlung\w*|staatsanwalt\w*",
    "lt": r"teism\w*|nutart\w*|ikiteismin\w*|tyrim\w*|prokuror\w*",
    "lv": r"tiesā\b|tiesas\s+(?:spriedum|lēmum|sēd)\w*|tiesa\s+(?:lēma|atzina|nolēma)|"
          r"spriedum\w*|kriminālproces\w*|izmeklēšan\w*|prokuror\w*",
    "be": r"суд\b|суда\b|судом|расследаван\w*|крымінальн\w*\s+справ\w*|прысуд\w*",
}

# Photo captions, credits and links to other articles ("Related: ...", "Czytaj także: ..."):
# a line with one of these reports no event.
CAPTION = (r"^[^\S\n]*(?:related(?:\s+articles?|\s+stories)?|read\s+(?:also|more)|see\s+also|"
           r"more\s+on\s+this(?:\s+story)?|czytaj\s+(?:też|także|również|więcej)|"
           r"zobacz\s+(?:też|także|również)|читайте\s+(?:также|тоже|ещё|еще)|см\.\s+также|"
           r"чытайце\s+(?:таксама|яшчэ)|taip\s+pat\s+skaitykite|skaitykite\s+(?:taip\s+pat|"
           r"daugiau)|lasiet\s+arī|lasi\s+arī|lesen\s+sie\s+auch|mehr\s+zum\s+thema|"
           r"auch\s+interessant)\s*[:|»>-]|"
           r"\[[^\]\n]{2,60}\]\s*$|\b(?:photo|foto|фото|nuotr\.|attēls|bild)\s*:|"
           r"\((?:ap|afp|reuters|epa|pap|bns|leta|tass)\s+photo[^)]*\)|/\s*(?:reuters|afp|ap|epa|"
           r"pap|bns|leta|getty images|agencja gazeta)\s*$")

# Words right before a place that make it approximate ("near X"): geo_precision 2.
NEAR: dict[str, str] = {
    "en": r"near|close to|outside|vicinity of|not far from|around|from",
    "ru": r"вблизи|возле|около|под|недалеко от",
    "pl": r"w pobliżu|koło|niedaleko|pod|w okolicach",
    "de": r"bei|nahe|in der nähe von|unweit",
    "lt": r"netoli|prie|ties",
    "lv": r"pie|netālu no|tuvumā|blakus",
    "be": r"каля|побач з|непадалёк ад|паблізу|пад|ля",
}
NEAR_FILLERS = (r"the|of|village|town|city|of the|crossing|checkpoint|camp|деревни|села|"
                r"погранперехода|пункта|wsi|miejscowości|dorf|kaimo")

# River words: a name right after the first ("the river Bug", "rzeki Świsłocz", "реки
# Свислочь") or right before the second ("the Bug river", "Neries upėje") is the river, not a
# town of that name (an event "in the river" is placed by the text's other places).
RIVER_BEFORE: dict[str, str] = {
    "en": r"river", "ru": r"рек[аиеуой]|речк\w*", "pl": r"rzek[aięą]|rzece|rzeczk\w*",
    "de": r"fluss(?:es)?", "lt": r"upė\w*", "lv": r"upe[is]?|upē", "be": r"рак[аіуой]|рацэ|рэчк\w*",
}
RIVER_AFTER: dict[str, str] = {
    "en": r"river", "ru": r"", "pl": r"", "de": r"", "lt": r"upė\w*|up[eė]s", "lv": r"upe[is]?|upē",
    "be": r"",
}

# Words before Belarus that make it the side people came from, not where an event took place
# ("pushed back 179 people trying to enter from Belarus", "ze strony Białorusi", "со стороны
# Беларуси"); words that also mean "with" ("z Białorusią", "с Беларусью") are left out.
FROM_COUNTRY: dict[str, str] = {
    "en": r"from|from the side of", "ru": r"из|со стороны|с территории",
    "pl": r"ze strony|z terytorium|od strony|z terenu", "de": r"aus", "lt": r"iš|iš pusės",
    "lv": r"no|no puses", "be": r"з боку|з тэрыторыі",
}

# Words before a country that make it the other side of a border, not the event's land
# ("along the border with Belarus", "an der Grenze zu Belarus", "na granicy z Białorusią",
# "на границе с Беларусью", "pasienyje su Baltarusija", "uz robežas ar Baltkrieviju")
BORDER_WITH: dict[str, str] = {
    "en": r"(?:border|frontier)s?\s+with", "ru": r"границ\w*\s+с(?:о)?", "pl": r"granic\w*\s+z(?:e)?",
    "de": r"grenze\s+(?:zu|zum|mit|nach)", "lt": r"(?:sien\w*|pasien\w*)\s+su",
    "lv": r"robež\w*\s+ar", "be": r"мяж\w*\s+з",
}

# Prepositions that make a capital a place rather than a metonym for its government.
LOCATIVE: dict[str, str] = {
    "en": r"in|at|near|outside|around",
    "ru": r"в|во|под|около",
    "pl": r"w|we|pod|koło",
    "de": r"im|bei|nahe",
    "lt": r"ties|prie",
    "lv": r"pie",
    "be": r"у|ў|пад|каля",
}

NUMBER_WORDS: dict[str, dict[str, int]] = {
    "en": {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a dozen": 12,
           "fifteen": 15, "twenty": 20, "fifty": 50, "a hundred": 100},
    "ru": {"два": 2, "две": 2, "двое": 2, "три": 3, "трое": 3, "четыре": 4, "четверо": 4,
           "пять": 5, "пятеро": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9,
           "десять": 10, "двенадцать": 12},
    "pl": {"dwóch": 2, "dwie": 2, "dwaj": 2, "trzech": 3, "czterech": 4, "pięciu": 5,
           "sześciu": 6, "siedmiu": 7, "ośmiu": 8, "dziewięciu": 9, "dziesięciu": 10,
           "dwunastu": 12, "tuzin": 12},
    "de": {"zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
           "neun": 9, "zehn": 10, "zwölf": 12,
           "dutzend": 12, "ein dutzend": 12},
    "lt": {"du": 2, "trys": 3, "tris": 3, "keturi": 4, "keturis": 4, "penki": 5, "penkis": 5,
           "šeši": 6, "šešis": 6, "septyni": 7, "septynis": 7, "aštuoni": 8, "devyni": 9,
           "dešimt": 10, "dvylika": 12},
    "lv": {"divi": 2, "divus": 2, "trīs": 3, "četri": 4, "četrus": 4, "pieci": 5, "piecus": 5,
           "seši": 6, "sešus": 6, "septiņi": 7, "astoņi": 8, "deviņi": 9, "desmit": 10,
           "divpadsmit": 12},
    "be": {"два": 2, "дзве": 2, "двое": 2, "тры": 3, "трое": 3, "чатыры": 4, "чацвёра": 4,
           "пяць": 5, "пяцёра": 5, "шэсць": 6, "сем": 7, "восем": 8, "дзевяць": 9,
           "дзесяць": 10, "дванаццаць": 12},
}

# Counted subjects ("35 migrants", "12 officers").
SUBJECTS: dict[str, dict[str, str]] = {
    "migrants": {
        "en": r"migrant\w*|people|persons|refugees|foreigners|asylum\s+seekers|iraqis|syrians|"
              r"afghans|kurds|yemenis|cubans|sri\s+lankans|citizens|nationals|men|women|children|"
              r"minors|trespassers|individuals",
        "ru": r"мигрант\w*|человек|беженц\w*|иностран\w*|нелегал\w*|нарушител\w*|детей|"
              r"граждан\w*|афганц\w*|иракц\w*|сирийц\w*|курд\w*",
        "pl": r"osób|osoby|cudzoziem\w*|uchodźc\w*|dzieci|obywatel\w*|afgańczyk\w*|"
              r"irakijczyk\w*|syryjczyk\w*|kurd\w*",
        "de": r"menschen|personen|flüchtling\w*|kinder|staatsangehörige\w*|staatsbürger\w*|"
              r"afghanen|iraker\w*|syrer\w*|kurden",
        "lt": r"asmen\w*|pabėgėl\w*|užsienieč\w*|irakieč\w*|vaik\w*|nelegal\w*|pilieč\w*|"
              r"afganistanieč\w*|sirieč\w*",
        "lv": r"migrant\w*|person\w*|cilvēk\w*|ārzemniek\w*|bēgļ\w*|bērn\w*|nelegāl\w*|"
              r"irākieš\w*|pilsoņ\w*|afgāņ\w*|sīrieš\w*",
        "be": r"мігрант\w*|чалавек|уцекач\w*|бежанц\w*|замежн\w*|нелегал\w*|парушальнік\w*|"
              r"дзяцей|грамадзян\w*",
    },
    "officers": {
        "en": r"officers|guards|officials|soldiers|troops|policemen|servicemen|agents",
        "ru": r"пограничник\w*|военн\w*|сотрудник\w*|силовик\w*",
        "pl": r"funkcjonariusz\w*|żołnierz\w*|strażnik\w*|policjant\w*",
        "de": r"beamte\w*|soldaten|grenzschützer\w*|polizisten",
        "lt": r"pareigūn\w*|pasienieč\w*|kari\w*",
        "lv": r"robežsarg\w*|karavīr\w*|policist\w*|darbinie\w*",
        "be": r"памежнік\w*|вайскоўц\w*|супрацоўнік\w*|сілавік\w*",
    },
}

# Actors: a nationality adjective and a noun ("Belarusian officers").
NATIONALITY: dict[str, dict[str, str]] = {
    "Belarusian": {"en": r"belarus\w*", "ru": r"белорус\w*", "pl": r"białorus\w*",
                   "de": r"weißruss\w*|belarussisch\w*", "lt": r"baltarus\w*",
                   "lv": r"baltkriev\w*", "be": r"беларуск\w*"},
    "Lithuanian": {"en": r"lithuanian", "ru": r"литов\w*", "pl": r"litewsk\w*|litewsc\w*",
                   "de": r"litauisch\w*", "lt": r"lietuv\w*", "lv": r"lietuvieš\w*",
                   "be": r"літоўск\w*"},
    "Polish": {"en": r"polish", "ru": r"польск\w*", "pl": r"polsk\w*|polscy", "de": r"polnisch\w*",
               "lt": r"lenk\w*", "lv": r"poļ\w*", "be": r"польск\w*"},
    "Latvian": {"en": r"latvian", "ru": r"латвий\w*", "pl": r"łotewsk\w*|łotewsc\w*",
                "de": r"lettisch\w*", "lt": r"latvi\w*", "lv": r"latvij\w*|latvieš\w*",
                "be": r"латвійск\w*"},
}
NATIONALITY_CODES = {"Belarusian": "BY", "Lithuanian": "LT", "Polish": "PL", "Latvian": "LV"}

ACTOR_NOUNS: dict[str, dict[str, str]] = {
    "border guards": {
        "en": r"border\s+guards?|border\s+service|guards",
        "ru": r"пограничник\w*|погранслужб\w*",
        "pl": r"straż\w*\s+graniczn\w*|strażnik\w*",
        "de": r"grenzschützer\w*|grenzschutz\w*",
        "lt": r"pasienieč\w*",
        "lv": r"robežsarg\w*|robežsardz\w*",
        "be": r"памежнік\w*|памежн\w*\s+служб\w*",
    },
    "officers": {"en": r"officers|officials|special\s+forces|servicemen",
                 "ru": r"сотрудник\w*|силовик\w*", "pl": r"funkcjonariusz\w*",
                 "de": r"beamte\w*", "lt": r"pareigūn\w*", "lv": r"amatperson\w*|darbinie\w*",
                 "be": r"супрацоўнік\w*|сілавік\w*"},
    "soldiers": {"en": r"soldiers|troops|army|military", "ru": r"военн\w*",
                 "pl": r"żołnierz\w*|wojsk\w*", "de": r"soldaten|armee",
                 "lt": r"kari\w*|kariuomen\w*", "lv": r"karavīr\w*|armij\w*",
                 "be": r"вайскоўц\w*|салдат\w*|арміі?\b"},
    "police": {"en": r"police\w*", "ru": r"полици\w*", "pl": r"polic\w*", "de": r"polizei\w*",
               "lt": r"policij\w*", "lv": r"policij\w*|policist\w*",
               "be": r"міліц\w*|паліцы\w*"},
    "authorities": {"en": r"authorities|government", "ru": r"власт\w*", "pl": r"władz\w*",
                    "de": r"behörden", "lt": r"valdži\w*", "lv": r"valdīb\w*|iestād\w*",
                    "be": r"улад\w*"},
}

# Claim sources: "according to X" and "X's ministry said".
SOURCE_INTRO: dict[str, str] = {
    "en": r"according to|(?:as )?reported by",
    "ru": r"по данным|по словам",
    "pl": r"według",
    "de": r"laut",
    "lt": r"pasak",
    "lv": r"saskaņā ar|pēc \w+ datiem|kā (?:informēja|ziņoja)",
    "be": r"па дадзеных|па словах|паводле",
}
# "Lithuania's border guard service said" (noun, verb) and, in every language but English
# (and after "said"/"says"), "poinformowała rzeczniczka SG", "сообщили в ГПК" (verb, noun).
SOURCE_NOUNS: dict[str, str] = {
    "en": r"service|ministry|guards?|police|committee|minister|spokes\w+|office|agency|army|"
          r"government|authorities|VSAT|SBGS",
    "ru": r"погранслужб\w*|пограничн\w*\s+(?:служб|комитет|ведомств)\w*|ГПК|ГПСО|МВД|МИД|"
          r"министр\w*|министерств\w*|представител\w*|пресс-служб\w*|пограничник\w*|полици\w*|"
          r"власт\w*|ведомств\w*|комитет\w*",
    "pl": r"straż\w*\s+graniczn\w*|SG|rzeczni\w*|MSWiA|MON|minister\w*|ministerstw\w*|"
          r"policj\w*|wojsk\w*|funkcjonariusz\w*|służb\w*|władz\w*|komend\w*",
    "de": r"grenzschutz\w*|grenzschützer\w*|polizei\w*|(?:innen|außen|verteidigungs)?minister\w*|"
          r"sprecher\w*|behörde\w*|regierung\w*|armee|bundeswehr",
    "lt": r"VSAT|pasienieči\w*|tarnyb\w*|ministerij\w*|ministr\w*|atstov\w*|policij\w*|"
          r"pareigūn\w*|kariuomen\w*",
    "lv": r"robežsardz\w*|VRS|ministrij\w*|ministr\w*|pārstāv\w*|policij\w*|iestād\w*|"
          r"valdīb\w*|armij\w*",
    "be": r"памежн\w*\s+(?:камітэт|служб)\w*|ДПК|памежнік\w*|МУС|МЗС|міністр\w*|міністэрств\w*|"
          r"прадстаўні\w*|прэс-служб\w*|міліц\w*|улад\w*",
}
# A time between a verb and its source ("poinformowała w piątek Straż Graniczna").
SOURCE_TIME: dict[str, str] = {
    "en": r"on\s+\w+day|yesterday|today",
    "ru": r"(?:в|во)\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)|"
          r"вчера|сегодня|накануне",
    "pl": r"(?:w|we)\s+(?:poniedziałek|wtorek|środę|czwartek|piątek|sobotę|niedzielę)|wczoraj|"
          r"dzisiaj|dziś",
    "de": r"am\s+(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)|gestern|heute",
    "lt": r"(?:pirm|antr|treči|ketvirt|penkt|šešt|sekm)adienį|vakar|šiandien",
    "lv": r"(?:pirm|otr|treš|ceturt|piekt|sest|svēt)dien|vakar|šodien",
    "be": r"(?:у|ў)\s+(?:панядзелак|аўторак|сераду|чацвер|пятніцу|суботу|нядзелю)|учора|сёння",
}
SOURCE_VERBS: dict[str, str] = {
    "en": r"said|says|reported|stated|announced|claimed|told",
    "ru": r"сообщил\w*|заявил\w*|сообщает|сообщают|рассказал\w*|переда[её]т|информирует",
    "pl": r"poinformował\w*|podał\w*|przekazał\w*|powiedział\w*|oświadczył\w*|informuje|"
          r"podaje|przekazuje|twierdzi",
    "de": r"teilte\w*|mitteilte|sagte\w*|erklärte\w*|berichtete\w*|meldete\w*|gab\w*\s+an",
    "lt": r"pranešė|teigė|sakė|informavo|nurodė|patvirtino|skelbia|praneša",
    "lv": r"informēja|ziņoja|paziņoja|pavēstīja|sacīja|norādīja|stāstīja|apstiprināja",
    "be": r"паведаміл\w*|паведаміў|заявіл\w*|заявіў|паведамляе|расказал\w*|расказаў",
}
