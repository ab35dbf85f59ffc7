"""Bytes to text: UTF-8, byte-order marks, the region's code pages by detection, mojibake repair.

A file that is not UTF-8 is decoded with the code page that ``charset-normalizer`` finds most
plausible among the ones texts of the region are written in (``REGION_CODEPAGES``). Mojibake,
UTF-8 that was decoded with a single-byte code page upstream and saved again ("Ð“Ñ€Ð¾Ð´Ð½Ð¾"
for "Гродно"), is repaired by ``ftfy`` for the Windows and ISO code pages it knows, and by
``repair_dos`` for the DOS code pages it does not (cp852, cp775, cp866: "Pabrad─Ś" for
"Pabradė"). The libraries are imported on first use only.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache

from .errors import InputError

# Tried, in this order of preference, when a file is not UTF-8: Baltic, Central European and
# Cyrillic Windows code pages, KOI8-R, and their ISO counterparts.
REGION_CODEPAGES = ("cp1257", "cp1250", "cp1251", "koi8_r", "iso8859_13", "iso8859_2",
                    "iso8859_5")
LATIN_CODEPAGES = ("cp1257", "cp1250", "iso8859-13", "iso8859-2")
# The letters of the Lithuanian, Latvian, Polish and German alphabets beyond ASCII, and the
# punctuation the Windows code pages share.
LATIN_REGION = frozenset("ąčęėįšųūžāēģīķļņłńóśźćäöüõß" "ĄČĘĖĮŠŲŪŽĀĒĢĪĶĻŅŁŃÓŚŹĆÄÖÜÕ"
                         "„“”‘’–—«»…\u00a0°§€•·")
# Code pages whose mojibake ftfy repairs (UTF-8 bytes read with them), and DOS code pages that
# it does not know (repaired by ``repair_dos``).
FTFY_CODEPAGES = ("cp1252", "latin_1", "cp1250", "cp1251", "cp1257", "iso8859_2", "cp437")
DOS_CODEPAGES = ("cp852", "cp775", "cp866")
# What the two bytes of a two-byte UTF-8 character (lead C2-DF, continuation 80-BF) look
# like when read with a code page of FTFY_CODEPAGES, or of DOS_CODEPAGES (leads that are
# letters left out there); derived from Python's codecs (tests/test_decoding.py checks).
FTFY_LEADS = frozenset(
    "\xc2\xc3\xc4\xc5\xc6\xc7\xc8\xc9\xca\xcb\xcc\xcd\xce\xcf\xd0\xd1\xd2\xd3\xd4\xd5\xd6"
    "\xd7\xd8\xd9\xda\xdb\xdc\xdd\xde\xdf\u0100\u0102\u0106\u010c\u010e\u0110\u0112\u0116"
    "\u0118\u011a\u0122\u012a\u0136\u0139\u013b\u0141\u0143\u0145\u0147\u014c\u0150\u0158"
    "\u015a\u0160\u0162\u016a\u016e\u0170\u0172\u0179\u017b\u017d\u0412\u0413\u0414\u0415"
    "\u0416\u0417\u0418\u0419\u041a\u041b\u041c\u041d\u041e\u041f\u0420\u0421\u0422\u0423"
    "\u0424\u0425\u0426\u0427\u0428\u0429\u042a\u042b\u042c\u042d\u042e\u042f\u2500\u250c"
    "\u2518\u251c\u252c\u253c\u2550\u2552\u2553\u2554\u2558\u2559\u255a\u255e\u255f\u2560"
    "\u2564\u2565\u2566\u2567\u2568\u2569\u256a\u256b\u256c\u2580\u2584\u2588\u258c\u2590")
FTFY_CONTS = frozenset(
    "\x80\x81\x82\x83\x84\x85\x86\x87\x88\x89\x8a\x8b\x8c\x8d\x8e\x8f\x90\x91\x92\x93\x94"
    "\x95\x96\x97\x98\x99\x9a\x9b\x9c\x9d\x9e\x9f\xa0\xa1\xa2\xa3\xa4\xa5\xa6\xa7\xa8\xa9"
    "\xaa\xab\xac\xad\xae\xaf\xb0\xb1\xb2\xb3\xb4\xb5\xb6\xb7\xb8\xb9\xba\xbb\xbc\xbd\xbe"
    "\xbf\xc4\xc5\xc6\xc7\xc9\xd1\xd6\xd8\xdc\xe0\xe1\xe2\xe4\xe5\xe6\xe7\xe8\xe9\xea\xeb"
    "\xec\xed\xee\xef\xf1\xf2\xf3\xf4\xf6\xf8\xf9\xfa\xfb\xfc\xff\u0104\u0105\u013d\u013e"
    "\u0141\u0142\u0152\u0153\u0156\u0157\u015a\u015b\u015e\u015f\u0160\u0161\u0164\u0165"
    "\u0178\u0179\u017a\u017b\u017c\u017d\u017e\u0192\u02c6\u02c7\u02d8\u02db\u02dc\u02dd"
    "\u0401\u0402\u0403\u0404\u0405\u0406\u0407\u0408\u0409\u040a\u040b\u040c\u040e\u040f"
    "\u0451\u0452\u0453\u0454\u0455\u0456\u0457\u0458\u0459\u045a\u045b\u045c\u045e\u045f"
    "\u0490\u0491\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026"
    "\u2030\u2039\u203a\u20a7\u20ac\u2116\u2122\u2310\u2502\u2510\u2524\u2551\u2555\u2556"
    "\u2557\u255b\u255c\u255d\u2561\u2562\u2563\u2591\u2592\u2593")
DOS_LEADS = frozenset(
    "\xa4\u2500\u250c\u2518\u251c\u252c\u253c\u2550\u2552\u2553\u2554\u2558\u2559\u255a"
    "\u255e\u255f\u2560\u2564\u2565\u2566\u2567\u2568\u2569\u256a\u256b\u256c\u2580\u2584"
    "\u2588\u258c\u2590")
DOS_CONTS = frozenset(
    "\xa2\xa3\xa4\xa6\xa9\xab\xac\xae\xbb\xbc\xbd\xc1\xc2\xc4\xc5\xc6\xc7\xc9\xd6\xd7\xd8"
    "\xdc\xe1\xe2\xe4\xe5\xe6\xe7\xe9\xeb\xed\xee\xf3\xf4\xf6\xf8\xfa\xfc\u0100\u0101"
    "\u0104\u0105\u0106\u0107\u010c\u010d\u0113\u0116\u0118\u0119\u011a\u0122\u0123\u012a"
    "\u012b\u012e\u0139\u013a\u013d\u013e\u0141\u0142\u014d\u0150\u0151\u0156\u0157\u015a"
    "\u015b\u015e\u015f\u0160\u0164\u0165\u016f\u0179\u017a\u017b\u017c\u017d\u017e\u0410"
    "\u0411\u0412\u0413\u0414\u0415\u0416\u0417\u0418\u0419\u041a\u041b\u041c\u041d\u041e"
    "\u041f\u0420\u0421\u0422\u0423\u0424\u0425\u0426\u0427\u0428\u0429\u042a\u042b\u042c"
    "\u042d\u042e\u042f\u0430\u0431\u0432\u0433\u0434\u0435\u0436\u0437\u0438\u0439\u043a"
    "\u043b\u043c\u043d\u043e\u043f\u201d\u2502\u2510\u2524\u2551\u2555\u2556\u2557\u255b"
    "\u255c\u255d\u2561\u2562\u2563\u2591\u2592\u2593")
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"))
# Control characters other than tab, line feed, vertical tab, form feed and carriage return.
ASCII = bytes(range(128))
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode_bytes(data: bytes, label: str, encoding: str | None = None) -> tuple[str, str]:
    """The text of ``data`` and the encoding used: ``encoding`` when given, else the one a
    byte-order mark names, else UTF-8, else the best of ``REGION_CODEPAGES``. Binary data
    (NUL bytes without a UTF-16/32 mark, or many control characters) is refused."""
    if encoding:
        try:
            return data.decode(encoding), codecs.lookup(encoding).name
        except UnicodeDecodeError as exc:
            raise InputError(f"{label}: not valid {encoding} (byte {exc.start})") from None
    for bom, name in BOMS:
        if data.startswith(bom):
            try:   # a UTF-8 mark stays in the text (offset 0), as open(..., "utf-8") keeps it
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise InputError(f"{label}: not valid {name} (byte {exc.start})") from None
    if data.find(b"\x00", 0, 8192) >= 0:
        raise InputError(f"{label}: binary file (contains NUL bytes), not a text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        bad = exc.start
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(REGION_CODEPAGES)).best()
    if best is None:
        raise InputError(f"{label}: not a text (not UTF-8 at byte {bad}, nor a code page "
                         "of the region)")
    text, name = str(best), codecs.lookup(best.encoding).name
    if name in LATIN_CODEPAGES:
        text, name = _latin(data, text, name)
    if len(CONTROL.findall(text[:8192])) > max(2, len(text[:8192]) // 200):
        raise InputError(f"{label}: binary file (control characters), not a text")
    return text, name


def _latin(data: bytes, text: str, name: str) -> tuple[str, str]:
    """Among the Latin code pages of the region, the decoding with the fewest characters
    foreign to the region's Latin alphabets (``text``/``name``, the detector's choice, on a
    tie): on a short text the detector may take cp1250 for cp1257, "ninkř" for "ninkų"."""
    best = (_foreign(text), text, name)
    for enc in LATIN_CODEPAGES:
        if enc == name:
            continue
        try:
            other = data.decode(enc)
        except UnicodeDecodeError:
            continue
        best = min(best, (_foreign(other), other, enc), key=lambda t: t[0])
    return best[1], best[2]


def _foreign(text: str) -> int:
    return sum(1 for ch in text if not ch.isascii() and ch not in LATIN_REGION)


def pair_classes(encodings: tuple[str, ...], letter_leads: bool) -> tuple[str, str]:
    """The characters that UTF-8 lead bytes (C2-DF) and continuation bytes (80-BF) become
    when read with ``encodings`` (leads that are letters only if ``letter_leads``), sorted."""
    leads, conts = set(), set()
    for enc in encodings:
        for b in range(0x80, 0xE0):
            try:
                ch = bytes([b]).decode(enc)
            except UnicodeDecodeError:
                continue
            if b < 0xC0:
                conts.add(ch)
            elif b >= 0xC2 and (letter_leads or not ch.isalpha()):
                leads.add(ch)
    return "".join(sorted(leads)), "".join(sorted(conts))


def _has_pair(text: str, pairs: re.Pattern, encodings: tuple[str, ...]) -> bool:
    """True when ``text`` holds two characters matching ``pairs`` that are, in one of
    ``encodings``, the UTF-8 of a letter ("Å¡" is "š"; Belarusian "Ві" is not)."""
    return any(_as_letter(m.group(), encodings) for m in pairs.finditer(text))


@lru_cache(maxsize=None)
def _pairs(leads: frozenset[str], conts: frozenset[str]) -> re.Pattern:
    return re.compile(f"[{re.escape(''.join(sorted(leads)))}]"
                      f"[{re.escape(''.join(sorted(conts)))}]")


@lru_cache(maxsize=1 << 16)
def _as_letter(pair: str, encodings: tuple[str, ...]) -> str | None:
    """The letter whose UTF-8 bytes ``pair`` is in one of ``encodings``, or None (memoised:
    the pairs are two characters of a few hundred each, for one of two sets of code pages)."""
    for enc in encodings:
        try:
            ch = pair.encode(enc).decode("utf-8")
        except UnicodeError:
            continue
        if unicodedata.category(ch)[0] == "L":
            return ch
    return None


def repair_dos(text: str) -> str:
    """Repair two-byte UTF-8 characters read as a DOS code page (cp852, cp775, cp866): a
    pair whose first character is no letter (a box-drawing one, "─") and whose bytes in
    that code page are UTF-8 for a letter ("─Ś" -> "ė", "╨У" -> "Г")."""
    return _pairs(DOS_LEADS, DOS_CONTS).sub(
        lambda m: _as_letter(m.group(), DOS_CODEPAGES) or m.group(), text)


def repair(text: str) -> str:
    """``text`` with mojibake repaired (see the module's docstring); text without any is
    returned unchanged (quotes, ligatures, line breaks and normalisation are left alone).
    The search for them runs first on the text's non-ASCII characters alone (most texts
    hold few), then, if a pair turns up there, on the text."""
    if text.isascii():
        return text
    rest = text.encode("utf-8", "surrogatepass").translate(None, ASCII).decode(
        "utf-8", "surrogatepass")
    for leads, conts, encodings, fix in ((FTFY_LEADS, FTFY_CONTS, FTFY_CODEPAGES, _ftfy),
                                         (DOS_LEADS, DOS_CONTS, DOS_CODEPAGES, repair_dos)):
        if leads.isdisjoint(rest):
            continue
        pairs = _pairs(leads, conts)
        if _has_pair(rest, pairs, encodings) and _has_pair(text, pairs, encodings):
            text = fix(text)
    return text


def _ftfy(text: str) -> str:
    """ftfy's encoding repair alone."""
    import ftfy

    return ftfy.fix_text(text, _ftfy_config())


@lru_cache(maxsize=1)
def _ftfy_config():
    from ftfy import TextFixerConfig

    return TextFixerConfig(unescape_html=False, remove_terminal_escapes=False,
                           fix_latin_ligatures=False, fix_character_width=False,
                           uncurl_quotes=False, fix_line_breaks=False,
                           remove_control_chars=False, normalization=None, explain=False)
