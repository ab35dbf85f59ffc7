"""Name folding shared by the gazetteer index and the matcher.

``fold`` removes case and diacritics ("Šalčininkų" -> "salcininku", "Białystok" -> "bialystok",
"Минске" -> "минске"); ``key`` also turns every run of non-letters into one space, so
"Bruzgi–Kuźnica" and "Bruzgi Kuznica" share the key "bruzgi kuznica".
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPECIAL = str.maketrans({
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "ẞ": "SS", "đ": "d", "Đ": "D",
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "ё": "е", "Ё": "Е",
})
_NON_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case ``text`` and strip its diacritics (Latin and Cyrillic alike)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """The index key of a name: folded, with every run of non-letters replaced by a space."""
    return _NON_WORD.sub(" ", fold(text)).strip()


def is_cyrillic(text: str) -> bool:
    """True when the first letter of ``text`` is Cyrillic."""
    for ch in text:
        if ch.isalpha():
            return "CYRILLIC" in unicodedata.name(ch, "")
    return False
