"""Base-form candidates for inflected place names.

Place names decline in the region's languages: lt "Vilniaus", "Druskininkuose"; pl "Michałowie",
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

# (inflected ending, nominative ending), on folded (diacritic-free, lower-case) words.
LATIN_RULES: tuple[tuple[str, str], ...] = (
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
    ("ami", "e"), ("cz", "cze"), ("ic", "ice"),
    # German genitive
    ("s", ""), ("es", ""), ("ens", "en"),
    # Latvian: genitive/locative/dative of -s/-is (Daugavpilī), plural -i (Pāternieku,
    # Pāterniekos, Pāterniekiem); -a and -e names are covered above (Krāslavas, Zilupes)
    ("i", "s"), ("a", "s"), ("am", "s"), ("im", "is"), ("u", "i"), ("os", "i"), ("iem", "i"),
)

CYRILLIC_RULES: tuple[tuple[str, str], ...] = (
    ("е", ""), ("а", ""), ("у", ""), ("ом", ""), ("е", "о"), ("е", "а"), ("и", "а"),
    ("ы", "а"), ("ой", "а"), ("у", "а"), ("ей", "ь"), ("и", "ь"), ("ю", "ь"), ("и", "я"),
    ("ю", "я"), ("ей", "я"), ("ах", "и"), ("ам", "и"), ("ов", "и"),
    ("ами", "и"), ("ок", "ки"), ("ек", "ки"),        # plural names: под Крынками, из Крынок
    ("а", "о"),                                       # neuter: возле Гродкова (Гродково)
)


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3  # deferred: loading its dictionary takes ~0.4 s

    return pymorphy3.MorphAnalyzer(lang="ru")


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
