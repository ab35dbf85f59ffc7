"""Base-form candidates for inflected place names.

Place names decline in the region's languages: lt "Vilniaus", "Druskininkuose"; pl "Michałowie", "Gródku",
"Polsce", "Białymstoku", "Czeremsze"; ru "Минске", "Беларуси", "Польшей", "Крынками"; de "Polens";
lv "Daugavpilī", "Krāslavas". ``base_forms`` returns the
folded nominative forms a folded word may come from; the matcher keeps only those the gazetteer
knows, so over-generation costs a dictionary look-up, not a false match.

Latin-script words get the noun-ending rules of Lithuanian, Polish, German and Latvian (see
docs/accuracy.md); Cyrillic words get pymorphy3's lemmas (Russian dictionary, which also covers
most Belarusian place-name endings) plus a few ending rules for names missing from it.
"""
from __future__ import annotations

import itertools
from functools import lru_cache

from .normalize import is_cyrillic, key

# (inflected ending, nominative ending), on folded (diacritic-free, lower-case) words, per
# language (``base_forms_in``).
LT_RULES: tuple[tuple[str, str], ...] = (
    # Lithuanian: genitive, locative, dative, accusative, instrumental of -as/-is/-us/-a/-e/-ai/-es
    ("aus", "us"), ("uje", "us"), ("ui", "us"), ("umi", "us"),
    ("o", "as"), ("e", "as"), ("ui", "as"), ("u", "as"), ("a", "as"), ("u", "us"),
    ("io", "is"), ("yje", "is"), ("iui", "is"), ("i", "is"), ("cio", "tis"), ("dzio", "dis"),
    ("os", "a"), ("oje", "a"), ("ai", "a"), ("a", "a"), ("os", "e"),
    ("es", "e"), ("eje", "e"), ("ei", "e"),
    ("u", "ai"), ("uose", "ai"), ("ams", "ai"), ("us", "ai"), ("ais", "ai"),
    ("iu", "iai"), ("iuose", "iai"),
    ("iu", "es"), ("ese", "es"), ("ems", "es"), ("es", "es"),
    ("yse", "ys"), ("iu", "ys"), ("ims", "ys"), ("is", "ys"),      # Švenčionyse -> Švenčionys
    # instrumental plural, after "ties", "su", "už": Dieveniškėmis, Švenčionimis, Kabeliais
    ("emis", "es"), ("imis", "ys"), ("iais", "iai"),
    # feminine plural -os (Stasylos): locative, dative, instrumental, genitive
    ("ose", "os"), ("oms", "os"), ("omis", "os"), ("u", "os"),
    # adjectives of two-word names: Baltoji Vokė -> Baltosios Vokės, Baltojoje Vokėje;
    # Naujasis Daugėliškis -> Naujojo, Naujajame
    ("osios", "oji"), ("ojoje", "oji"), ("ajai", "oji"), ("aja", "oji"),
    ("ojo", "asis"), ("ajame", "asis"), ("ajam", "asis"),
)
PL_RULES: tuple[tuple[str, str], ...] = (
    # Polish: locative/genitive/dative/instrumental of -a/-o/-ów/consonant stems
    ("owie", "owo"), ("owa", "owo"), ("owem", "owo"), ("owie", "ow"), ("owa", "ow"), ("owem", "ow"),
    ("ie", "a"), ("y", "a"), ("i", "a"), ("e", "a"), ("a", "a"), ("ej", "a"), ("sce", "ska"),
    ("ce", "ka"), ("dze", "ga"), ("rze", "ra"), ("sze", "cha"), ("le", "la"), ("ie", "o"),
    ("a", "o"), ("em", "o"),
    ("u", ""), ("a", ""), ("ie", ""), ("em", ""), ("iu", ""), ("ia", ""),
    ("ej", "a"), ("iej", "a"), ("kiej", "ka"), ("ymstoku", "ystok"), ("egostoku", "ystok"),
    ("ym", "y"), ("im", "i"), ("ego", "y"), ("iego", "i"), ("iu", "ie"), ("zu", "z"),
    # Polish plural names (Krynki, Dubicze Cerkiewne): genitive and locative
    ("ek", "ki"), ("ach", "e"), ("ach", "y"), ("ach", "i"), ("ych", "e"), ("ich", "ie"),
    ("ami", "e"), ("ami", "i"), ("ami", "y"), ("cz", "cze"), ("ic", "ice"),
    ("ymi", "e"), ("imi", "ie"),                     # pod Dubiczami Cerkiewnymi
    ("skiem", "skie"), ("ckiem", "ckie"),            # w Podlaskiem (Podlaskie: a region)
    # Polish fleeting e of -ek and -ec nouns: Gródek -> Gródka, Gródku, Gródkiem, Gródkowi;
    # Dobrzyniec -> Dobrzyńca, Dobrzyńcu (folded: the -n- of -niec loses its i)
    ("ka", "ek"), ("ku", "ek"), ("kiem", "ek"), ("kowi", "ek"),
    ("ca", "ec"), ("cu", "ec"), ("cem", "ec"), ("cowi", "ec"),
    ("nca", "niec"), ("ncu", "niec"), ("ncem", "niec"),
    ("ze", ""),                                      # locative of -r: Bór -> Borze
    # genitive plural of -iki, -yki, -any names: w pobliżu Bobrownik, koło Ozieran
    ("ik", "iki"), ("yk", "yki"), ("an", "any"),
    # genitive plural of -le and -ce plural names: w rejonie Kleszczel, Połowców
    ("l", "le"), ("cow", "ce"),
)
DE_RULES: tuple[tuple[str, str], ...] = (
    # German genitive
    ("s", ""), ("es", ""), ("ens", "en"),
)
LV_RULES: tuple[tuple[str, str], ...] = (
    # Latvian: genitive/locative/dative of -s/-is (Daugavpilī), plural -i (Pāternieku,
    # Pāterniekos, Pāterniekiem); -a and -e names are covered above (Krāslavas, Zilupes)
    ("i", "s"), ("a", "s"), ("am", "s"), ("im", "is"), ("u", "i"), ("os", "i"), ("iem", "i"),
    ("as", "a"), ("ai", "a"), ("es", "e"), ("ei", "e"),        # -a and -e names (Krāslavas)
)
LATIN_RULES = LT_RULES + PL_RULES + DE_RULES + LV_RULES
# The endings a text of each language reads names with: Lithuanian and Latvian texts also
# write each other's names in that language's cases ("prie Salienas").
RULES_OF = {"lt": LT_RULES + LV_RULES, "pl": PL_RULES, "de": DE_RULES, "lv": LV_RULES + LT_RULES}

CYRILLIC_RULES: tuple[tuple[str, str], ...] = (
    ("е", ""), ("а", ""), ("у", ""), ("ом", ""), ("е", "о"), ("е", "а"), ("и", "а"),
    # (on folded words: й is и)
    ("ы", "а"), ("ои", "а"), ("у", "а"), ("еи", "ь"), ("и", "ь"), ("ю", "ь"), ("и", "я"),
    ("ю", "я"), ("еи", "я"), ("ах", "и"), ("ам", "и"), ("ов", "и"),
    ("ами", "и"), ("ок", "ки"), ("ек", "ки"),        # plural names: под Крынками, из Крынок
    ("ях", "и"), ("ям", "и"), ("ями", "и"),           # в Беняконях (Бенякони)
    ("а", "о"),                                       # neuter: возле Гродкова (Гродково)
    # Belarusian, which pymorphy3's Russian dictionary does not read: у Беларусі, каля Ліды,
    # Брузгаў/у Брузгах/Брузгамі (Брузгі), Гродзенскай вобласці (Гродзенская вобласць);
    # folded, ў is у and й is и
    ("і", "ь"), ("і", "я"), ("і", "а"), ("ам", ""), ("ау", "ы"), ("ау", "і"), ("ах", "ы"),
    ("ах", "і"), ("амі", "ы"), ("амі", "і"), ("аи", "ая"), ("ы", "ая"),
    # у Брэсце (Брэст); Астраўца, Астраўцы, Астраўцом (Астравец: the fleeting е, в -> ў)
    ("сце", "ст"), ("уца", "вец"), ("уцу", "вец"), ("уцы", "вец"), ("уцом", "вец"),
    # adjectives of district names: у Гродзенскім раёне, Гродзенскага, Гродзенскаму раёна
    ("ім", "і"), ("кага", "кі"), ("каму", "кі"),
)


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3  # deferred: loading its dictionary takes ~0.1 s

    from pymorphy3_dicts_ru import get_path  # a dependency, as pymorphy3 is

    # The dictionary's path given, pymorphy3 need not look for it among the entry points of
    # every installed package (~0.03 s; each worker process of ``--jobs`` loads it again).
    return pymorphy3.MorphAnalyzer(path=get_path(), lang="ru")


def _apply(word: str, rules: tuple[tuple[str, str], ...]) -> set[str]:
    out = set()
    for ending, base in rules:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            out.add(word[: len(word) - len(ending)] + base)
    return out


@lru_cache(maxsize=65536)
def base_forms(word: str) -> frozenset[str]:
    """Candidate folded nominatives of ``word`` as written (the folded word itself excluded)."""
    folded = key(word)
    if is_cyrillic(word):
        forms = set()
        for p in _morph().parse(word.lower()):
            forms.add(key(p.normal_form))
            if "ADJF" in p.tag:                  # "Гродненской области": feminine, neuter too
                for gender in ("femn", "neut"):
                    form = p.inflect({gender, "sing", "nomn"})
                    if form:
                        forms.add(key(form.word))
        forms |= _apply(folded, CYRILLIC_RULES)
    else:
        forms = _apply(folded, LATIN_RULES)
    forms.discard(folded)
    return frozenset(forms)


@lru_cache(maxsize=65536)
def base_forms_in(word: str, lang: str) -> frozenset[str]:
    """The folded nominatives ``word`` (Latin script) may come from by the ending rules of one
    language (``RULES_OF``: lt, pl, de, lv): a Polish "Bugu" is no Lithuanian genitive plural
    of "Būgai"."""
    folded = key(word)
    forms = _apply(folded, RULES_OF[lang])
    forms.discard(folded)
    return frozenset(forms)


@lru_cache(maxsize=65536)
def adjective_of_noun(adjective: str, noun: str) -> bool:
    """Whether the Russian ``adjective`` agrees with the lower-case ``noun`` after it (a
    full adjective and a noun of the same case and number, and gender in the singular:
    "Пограничной службы", "Латвийской границы"): the adjective is then an ordinary word
    of a noun phrase, not a place's name (pymorphy3's readings)."""
    morph = _morph()
    nouns = [p.tag for p in morph.parse(noun) if "NOUN" in p.tag]
    if not nouns:
        return False
    for a in morph.parse(adjective.lower()):
        if "ADJF" not in a.tag:
            continue
        for n in nouns:
            if a.tag.case == n.case and a.tag.number == n.number and (
                    a.tag.number == "plur" or a.tag.gender == n.gender):
                return True
    return False


# Letters only one of the languages writes: a word with one is that language's.
LETTERS_LANG = (("pl", frozenset("łżśćńąęźŁŻŚĆŃĄĘŹ")), ("lt", frozenset("ėįųĖĮŲ")),
                ("lv", frozenset("āēīģķļņĀĒĪĢĶĻŅ")))


def letters_language(word: str) -> str | None:
    """The language whose own letters ``word`` has (``LETTERS_LANG``), if one."""
    found = [lang for lang, letters in LETTERS_LANG if not letters.isdisjoint(word)]
    return found[0] if len(found) == 1 else None


def name_variants(span: list[str] | tuple[str, ...]) -> list[str]:
    """Keys of a name (its words as written) with its words in base form: the last word
    always, and in two- or three-word names every word ("Usnarzu Górnym" -> "usnarz gorny")."""
    words, last = [key(w) for w in span], span[-1]
    if len(words) == 1:
        return sorted(base_forms(last))
    if len(words) > 3:
        return [" ".join(words[:-1] + [b]) for b in sorted(base_forms(last))]
    options = [[w, *sorted(base_forms(w))] for w in words]
    keys = {" ".join(combo) for combo in itertools.product(*options)}
    keys.discard(" ".join(words))
    return sorted(keys)


# Nominatives guessed from a name seen only inflected (``guess_nominative``), per language:
# (written ending, nominative ending, case, only before a designator that takes the
# genitive), longest endings first. Endings no nominative has are read anywhere; the others
# only in "Kalvių kaime", "Kaplavas pagastā"-like phrases.
GUESSES: dict[str, tuple[tuple[str, str, str, bool], ...]] = {
    "LT": (
        ("iuose", "iai", "locative plural", False), ("uose", "ai", "locative plural", False),
        ("ėse", "ės", "locative plural", False), ("yse", "ys", "locative plural", False),
        ("ėmis", "ės", "instrumental plural", False), ("iais", "iai", "instrumental plural", False),
        ("yje", "is", "locative", False), ("oje", "a", "locative", False),
        ("ėje", "ė", "locative", False), ("uje", "us", "locative", False),
        # the frequent toponym ending -onys ("Padvarionių": Padvarionys, as Švenčionys)
        ("onių", "onys", "genitive plural", False),
        ("ių", "iai", "genitive plural", False), ("ų", "ai", "genitive plural", False),
        ("ais", "ai", "instrumental plural", False),
        ("čio", "tis", "genitive", True), ("džio", "dis", "genitive", True),
        ("io", "is", "genitive", True), ("aus", "us", "genitive", True),
        ("os", "a", "genitive", True), ("ės", "ė", "genitive", True), ("o", "as", "genitive", True),
    ),
    "LV": (
        ("iem", "i", "dative plural", False), ("os", "i", "locative plural", False),
        ("ciemā", "ciems", "locative", False), ("ā", "a", "locative", False),
        ("ē", "e", "locative", False), ("ī", "s", "locative", False),
        ("u", "i", "genitive plural", True), ("as", "a", "genitive", True),
        ("es", "e", "genitive", True), ("a", "s", "genitive", True),
    ),
}
LANGUAGE_NAMES = {"LT": "Lithuanian", "LV": "Latvian"}
_LETTERS_OF = {"LT": frozenset("ėįųĖĮŲ"), "LV": frozenset("āēīģķļņĀĒĪĢĶĻŅ")}
_OTHER_LETTERS = frozenset("łóśźżćńŁÓŚŹŻĆŃ")       # Polish: neither language's word


def guess_nominative(word: str, country: str | None = None,
                     genitive: bool = False) -> tuple[str, str] | None:
    """The likely nominative of a Lithuanian or Latvian ``word`` seen inflected, with how it
    was read ("Ivoškų" -> ("Ivoškai", "Lithuanian genitive plural -ų -> -ai")), or None when
    ``word`` does not look inflected. The language comes from the word's letters, else from
    ``country`` (the country its cue or designator suggests); ``genitive``: a designator that
    takes the genitive follows ("X kaime", "X pagastā"), so endings a nominative may also
    have ("-o", "-as") are read as genitive too. A guess: "-ų" is also the genitive of
    "-os", "-ės" and "-ys" names."""
    letters = set(word)
    lang = next((c for c, chars in _LETTERS_OF.items() if letters & chars), None)
    if lang is None and country in GUESSES and not letters & _OTHER_LETTERS:
        lang = country
    if lang is None:
        return None
    for ending, base, case, needs_genitive in GUESSES[lang]:
        if word.endswith(ending) and len(word) - len(ending) >= 3 and \
                (genitive or not needs_genitive):
            return (word[: len(word) - len(ending)] + base,
                    f"{LANGUAGE_NAMES[lang]} {case} -{ending} -> -{base}")
    return None
