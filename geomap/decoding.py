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
    if b"\x00" in data[:8192]:
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


@lru_cache(maxsize=None)
def _pairs(encodings: tuple[str, ...], letter_leads: bool) -> str:
    """A regex of two characters that look like a two-byte UTF-8 sequence read with one of
    ``encodings``: a lead byte (C2-DF) then a continuation byte (80-BF); leads that are
    letters only if ``letter_leads``."""
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
    return f"[{re.escape(''.join(sorted(leads)))}][{re.escape(''.join(sorted(conts)))}]"


@lru_cache(maxsize=None)
def _pattern(pairs: str) -> re.Pattern:
    return re.compile(pairs)


def repair_dos(text: str) -> str:
    """Repair two-byte UTF-8 characters read as a DOS code page (cp852, cp775, cp866): a
    pair whose first character is no letter (a box-drawing one, "─") and whose bytes in
    that code page are UTF-8 for a letter ("─Ś" -> "ė", "╨У" -> "Г")."""
    def fix(m: re.Match) -> str:
        pair = m.group()
        for enc in DOS_CODEPAGES:
            try:
                ch = pair.encode(enc).decode("utf-8")
            except UnicodeError:
                continue
            if unicodedata.category(ch)[0] == "L":
                return ch
        return pair

    return _pattern(_pairs(DOS_CODEPAGES, False)).sub(fix, text)


def repair(text: str) -> str:
    """``text`` with mojibake repaired (see the module's docstring); text without any is
    returned unchanged (quotes, ligatures, line breaks and normalisation are left alone).
    The search for them runs first on the text's non-ASCII characters alone (most texts
    hold few), then, if a pair turns up there, on the text."""
    if text.isascii():
        return text
    rest = text.encode("utf-8", "surrogatepass").translate(None, ASCII).decode(
        "utf-8", "surrogatepass")
    ftfy_pairs, dos_pairs = _pattern(_pairs(FTFY_CODEPAGES, True)), _pattern(
        _pairs(DOS_CODEPAGES, False))
    if ftfy_pairs.search(rest) and ftfy_pairs.search(text):
        text = _ftfy(text)
    if dos_pairs.search(rest) and dos_pairs.search(text):
        text = repair_dos(text)
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
