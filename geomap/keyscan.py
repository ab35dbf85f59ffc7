r"""Regular expressions searched fast through the literal words they need.

Python's ``re`` tries a pattern such as ``\b(?:january|february|...)`` at every position of a
text, which costs microseconds per character for the long, case-insensitive alternations of
the date and event lexicons. ``Keyed`` reads each pattern once (its parse tree) for the
literal prefixes every match must start with (``january``, ``20``, ...) or, failing that, the
literals every match must contain; one Aho-Corasick pass over the lower-cased text then finds
where a pattern can match at all, and the pattern is tried only there. A literal is made as long
as what must follow it allows (``re``'s parser turns "sitzen|saßen" into "s(?:itzen|aßen)":
the prefixes are the two words, not "s"), so that fewer places are tried. A pattern is
analysed once per process, however many ``Keyed`` hold it:

- ``TextIndex.finditer(i, a, b)`` gives exactly ``patterns[i].finditer(text, a, b)``;
- a pattern without such literals (``\w+ said``) is run as it is.

Exactness: a match starts with one of its pattern's prefixes, so it is found by trying the
pattern (``Pattern.match`` with the same end) at the positions of those prefixes, leftmost
first and never inside the previous match, as ``finditer`` does; a match holding none of a
pattern's literals in a span cannot be in it. Case-insensitive matching is covered by
looking for the lower-cased literals, in each spelling ``re`` folds together (long s, dotless
i, ...), in the lower-cased text; a text whose lower-casing changes its length ("İ") is
searched with the plain patterns. ``\d`` (any Unicode digit) is looked for with ``re``.

The loops over literal hits and candidate positions run compiled (``geomap/_keyscan.c``) when
it is built and ``GEOMAP_PURE_PYTHON`` is not set; ``collect`` and ``scan`` here are the same
loops in Python (tests compare the two). Compiled, several patterns' position lists are merged
as a scan goes (``scan_lists``, ``any_in``); in Python, once per text and set of patterns
(``TextIndex.starts``).
"""
from __future__ import annotations

import bisect
import os
import re
from collections.abc import Iterator, Sequence
from typing import Any
from re import _parser as sre  # type: ignore[attr-defined]  # the stdlib's parse tree

import ahocorasick

try:                                    # letters ``re.IGNORECASE`` folds beyond lower-casing
    from re._casefix import _EXTRA_CASES as _EXTRA
except ImportError:                     # pragma: no cover - older layouts fold nothing extra
    _EXTRA = {}

MAX_VARIANTS = 64                       # spellings of one literal under IGNORECASE
MAX_CHARSET = 40                        # a character class of more letters is "any"
MAX_EXTEND = 64                         # continuations a literal run is lengthened with
SHORT_RUN = 3                           # a run this short is lengthened with whitespace too
_ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}
_NESTED = {sre.SUBPATTERN, sre.BRANCH, sre.MAX_REPEAT, sre.MIN_REPEAT}
DIGIT_KEY = "\\d"                        # the literal standing for ``\\d`` (no text has it folded)
DIGIT = re.compile(r"\d")
# What ``\s`` matches in a str pattern (``str.isspace``): the characters a literal run may be
# lengthened with ("w" before "\s+": "w " and the like, not every word starting with "w").
WHITESPACE = frozenset(chr(c) for c in range(0x3001) if chr(c).isspace())


def _word(ch: str) -> bool:
    """Whether ``re`` counts ``ch`` as a word character (``\\w``)."""
    return ch.isalnum() or ch == "_"


def collect(hits, text: str, found: list[list]) -> None:
    """File the hits ``(end, (size, starting, inside, holding))`` of an Aho-Corasick pass over
    the lower-cased ``text`` per pattern: the start ``s`` to ``found[i]`` for ``i`` in
    ``inside`` when a word character precedes it (a match of a pattern with a leading \\b
    starts no word's inside), else in ``starting``; ``(end + 1, s)`` for ``i`` in ``holding``."""
    for end, (size, starting, inside, holding) in hits:
        s = end + 1 - size
        for i in (inside if s and (text[s - 1].isalnum() or text[s - 1] == "_") else starting):
            found[i].append(s)
        for i in holding:
            found[i].append((end + 1, s))


def scan(positions: list, pattern: int, start: int, end: int, matchers: list, text: str,
         first: bool) -> list[tuple[int, re.Match]]:
    """``(i, m)`` for the matches ``matchers[i](text, p, end)`` (``Pattern.match``) at the
    sorted candidate ``positions`` in ``start``..``end``: ints of pattern ``pattern``, or
    ``(p, i)`` when ``pattern`` is -1; a position inside the last match of its pattern is
    skipped, as ``finditer`` does (``first``: the first match only)."""
    out: list[tuple[int, re.Match]] = []
    if pattern >= 0:
        match, last = matchers[pattern], start
        for p in positions[bisect.bisect_left(positions, start):
                           bisect.bisect_left(positions, end)]:
            if p >= last:
                m = match(text, p, end)
                if m is not None:
                    out.append((pattern, m))
                    if first:
                        break
                    last = m.end()
        return out
    seen: dict[int, int] = {}
    for p, i in positions[bisect.bisect_left(positions, (start, -1)):
                          bisect.bisect_left(positions, (end, -1))]:
        if p >= seen.get(i, start):
            m = matchers[i](text, p, end)
            if m is not None:
                out.append((i, m))
                if first:
                    break
                seen[i] = m.end()
    return out


def _compiled():
    if os.environ.get("GEOMAP_PURE_PYTHON"):
        return None
    try:
        from . import _keyscan
    except ImportError:
        return None
    return _keyscan


compiled = _compiled()
_collect = compiled.collect if compiled is not None else collect
_scan = compiled.scan if compiled is not None else scan
# its merging scans (a build from before they were added has none: the lists merged in Python)
_lists = compiled if compiled is not None and hasattr(compiled, "scan_lists") else None


def variants(literal: str) -> set[str]:
    """The lower-cased spellings of ``literal`` that ``re.IGNORECASE`` matches: the letters it
    folds beyond lower-casing (long s, dotless i, ...) each way."""
    out = {""}
    for ch in literal.lower():
        options = [ch, *map(chr, _EXTRA.get(ord(ch), ()))]
        out = {v + o for v in out for o in options}
        if len(out) > MAX_VARIANTS:
            raise ValueError(literal)
    return out


def _charset(items, space: bool = False) -> set[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            out.add(chr(av))
        elif op is sre.CATEGORY and av is sre.CATEGORY_SPACE and space:
            out |= WHITESPACE
        elif op is sre.RANGE and av[1] - av[0] < MAX_CHARSET:
            out.update(map(chr, range(av[0], av[1] + 1)))
        elif op is sre.CATEGORY and av is sre.CATEGORY_DIGIT:
            out.add(DIGIT_KEY)                  # any Unicode digit: found by ``DIGIT``
        else:
            return None
    return out if len(out) <= MAX_CHARSET else None


def _nullable(items) -> bool:
    """Whether the item sequence can match the empty string (conservatively True)."""
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op in (sre.LITERAL, sre.IN, sre.ANY, sre.NOT_LITERAL):
            return False
        if op is sre.SUBPATTERN:
            if not _nullable(av[3]):
                return False
        elif op is sre.BRANCH:
            if not any(_nullable(alt) for alt in av[1]):
                return False
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            if av[0] > 0 and not _nullable(av[2]):
                return False
        else:
            return True
    return True


def _starts(items, rest=(), extend: bool = True, space: bool = False, grow: bool = True
            ) -> set[str] | None:
    """Literal prefixes one of which every match of ``items`` then ``rest`` starts with (None:
    not known); ``extend``: a literal run as long as what follows it allows; ``grow``: a run
    of up to ``SHORT_RUN`` characters also with the whitespace that must follow it ("w\\s+":
    "w " and the like, not every word starting with "w"), unless that makes too many;
    ``space``: a prefix may be a whitespace character (where it lengthens a literal run)."""
    items = items.data if isinstance(items, sre.SubPattern) else list(items)
    for i, (op, av) in enumerate(items):
        if op in _ZERO_WIDTH:
            continue
        after = [*items[i + 1:], *rest] if op in _NESTED else ()
        if op is sre.LITERAL or (op is sre.IN and extend and not space):
            # a run the parser factored out of a branch ("s(?:itzen|aßen)"), or a short word
            # before a space ("(?:w|we)\\s+", also as the class "[вwуў]\\s+"): longer with
            # what must follow it, so that fewer places of the text are tried
            runs: set[str] | None
            if op is sre.LITERAL:
                size = next((n for n, (op2, _) in enumerate(items[i:]) if op2 is not sre.LITERAL),
                            len(items) - i)
                runs = {"".join(chr(av2) for _, av2 in items[i:i + size])}
            else:
                size, runs = 1, _charset(av)
                if not runs or DIGIT_KEY in runs:
                    return runs
            short = grow and min(map(len, runs)) <= SHORT_RUN
            for g in ((True, False) if short else (False,)) if extend else ():
                more = _starts([*items[i + size:], *rest], (), extend, g, g)
                if more and DIGIT_KEY not in more and len(more) <= MAX_EXTEND:
                    return {r + m for r in runs for m in more}
            return runs
        if op is sre.IN:
            return _charset(av, space)
        if op is sre.SUBPATTERN:
            return _join(_starts(av[3], after, extend, space, grow), av[3], after,
                         extend=extend, space=space, grow=grow)
        if op is sre.BRANCH:
            out: set[str] = set()
            for alt in av[1]:
                got = _starts(alt, after, extend, space, grow)
                if got is None:
                    return None
                out |= got
            return out
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            inner = _starts(av[2], (), extend, space, grow)
            if av[0] > 0 and not _nullable(av[2]):
                return inner
            return _join(inner, (), after, optional=True, extend=extend, space=space,
                         grow=grow)
        return None
    return _starts(rest, (), extend, space, grow) if rest else None    # nothing consumed


def _join(first: set[str] | None, items, after, optional: bool = False, extend: bool = True,
          space: bool = False, grow: bool = True) -> set[str] | None:
    """``first`` (the prefixes of a group), with the prefixes of what follows it when the group
    can match nothing."""
    if first is None:
        return None
    if optional or _nullable(items):
        more = _starts(after, (), extend, space, grow) if after else None
        return None if more is None else first | more
    return first


def _contains(items) -> set[str] | None:
    """Literals one of which every match of ``items`` contains (None: not known): the best
    (longest shortest literal) of its parts that must match."""
    best: set[str] | None = None
    items = list(items)
    for i, (op, av) in enumerate(items):
        got: set[str] | None = None
        if op in (sre.LITERAL, sre.IN):
            got = _starts(items[i:])
        elif op is sre.SUBPATTERN and not _nullable(av[3]):
            got = _contains(av[3])
        elif op is sre.BRANCH:
            parts = [_contains(alt) for alt in av[1]]
            got = None if any(p is None for p in parts) else set().union(*filter(None, parts))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] > 0:
            got = _contains(av[2])
        if got and (best is None or min(map(len, got)) > min(map(len, best))):
            best = got
    return best


def _bounded(items) -> bool:
    """Whether every match of ``items`` starts with a ``\\b`` (conservatively False)."""
    items = list(items)
    for i, (op, av) in enumerate(items):
        rest = items[i + 1:]
        if op is sre.AT and av is sre.AT_BOUNDARY:
            return True
        if op in _ZERO_WIDTH:
            continue
        if op is sre.SUBPATTERN:
            return _bounded([*av[3], *rest])
        if op is sre.BRANCH:
            return all(_bounded([*alt, *rest]) for alt in av[1])
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            return _bounded([*av[2], *rest]) and (av[0] > 0 or _bounded(rest))
        return False
    return False


# per (pattern, flags): its ``literals`` and ``bounded`` (a pattern is parsed once per process,
# also when several ``Keyed`` hold it: the date patterns are in those of dates and of events)
_ANALYSED: dict[tuple[str, int], tuple[tuple[str, set[str] | None], bool]] = {}


def _analysis(pattern: re.Pattern) -> tuple[tuple[str, set[str] | None], bool]:
    key = (pattern.pattern, pattern.flags)
    got = _ANALYSED.get(key)
    if got is None:
        try:
            items = list(sre.parse(pattern.pattern, pattern.flags))
        except Exception:               # pragma: no cover - a pattern re itself compiled
            got = ("any", None), False
        else:
            got = _literals(pattern, items), (not pattern.flags & re.ASCII
                                              and _bounded(items))
        _ANALYSED[key] = got
    return got


def bounded(pattern: re.Pattern) -> bool:
    """Whether every match of ``pattern`` starts at a word boundary (``\\b`` first)."""
    return _analysis(pattern)[1]


def literals(pattern: re.Pattern) -> tuple[str, set[str] | None]:
    """How ``pattern`` can be found: ("start", prefixes every match starts with),
    ("contains", literals every match contains) or ("any", None)."""
    mode, lits = _analysis(pattern)[0]
    return mode, None if lits is None else set(lits)


def _literals(pattern: re.Pattern, items: list) -> tuple[str, set[str] | None]:
    folds = bool(pattern.flags & re.I) or "(?i" in pattern.pattern
    if not _nullable(items):
        # the next only when one fails (too many spellings of a long literal: shorter ones)
        for mode, find in (("start", _starts), ("start", lambda x: _starts(x, (), False)),
                           ("contains", _contains)):
            got = find(items)
            if got and all(got):
                try:
                    return mode, {v for k in got for v in (
                        {k} if k == DIGIT_KEY else variants(k) if folds else {k.lower()})}
                except ValueError:
                    continue
    return "any", None


class Keyed:
    """Several patterns, searched in a text through their literals (module docstring)."""

    def __init__(self, patterns: Sequence[re.Pattern]):
        self.patterns = list(patterns)
        self.modes: list[str] = []
        self.digits: list[int] = []          # patterns with a digit among their literals
        # "start" patterns whose matches start at a word boundary: a prefix inside a word
        # ("in" of "within") is no start
        self.bounded = [bounded(rx) for rx in self.patterns]
        keys: dict[str, list[int]] = {}
        for i, rx in enumerate(self.patterns):
            mode, lits = literals(rx)
            self.modes.append(mode)
            for k in lits or ():
                if k == DIGIT_KEY:
                    self.digits.append(i)
                else:
                    keys.setdefault(k, []).append(i)
        # by identity: hashing a compiled pattern reads its whole program
        self.position = {id(rx): i for i, rx in reversed(list(enumerate(self.patterns)))}
        self.matchers = [rx.match for rx in self.patterns]
        self.automaton = None
        if keys:
            self.automaton = ahocorasick.Automaton()
            for k, ids in keys.items():
                # per literal: the "start" patterns it starts at a word's start, the "start"
                # patterns it starts inside a word (those without a leading \b, when the
                # literal starts with a word character) and the "contains" patterns
                starting = tuple(i for i in ids if self.modes[i] == "start")
                inside = tuple(i for i in starting if not (self.bounded[i] and _word(k[0])))
                holding = tuple(i for i in ids if self.modes[i] == "contains")
                self.automaton.add_word(k, (len(k), starting, inside, holding))
            self.automaton.make_automaton()

    def index(self, text: str) -> "TextIndex":
        """Where in ``text`` each pattern's literals stand."""
        return TextIndex(self, text)


class TextIndex:
    """A text's literal positions per pattern of a ``Keyed``; ``finditer`` as ``re``'s."""

    def __init__(self, keyed: Keyed, text: str):
        self.keyed, self.text = keyed, text
        n = len(keyed.patterns)
        # per pattern: the sorted starts of its prefixes ("start"), or the sorted (end, start)
        # of the literals it contains ("contains"); None: the pattern is run as it is
        self.found: list[list | None] = [None] * n
        self._merged: dict[tuple[int, ...], list[tuple[int, int]]] = {}
        self._listable: dict[tuple[int, ...], bool] = {}
        self.memo: dict[str, Any] = {}      # what users of the index find once per text
        low = text.lower()
        if len(low) != len(text):
            return
        found: list[list] = [[] for _ in range(n)]
        if keyed.automaton is not None:
            _collect(keyed.automaton.iter(low), text, found)
        if keyed.digits:
            digits = [m.start() for m in DIGIT.finditer(text)]
            first = [p for p in digits if not (p and _word(text[p - 1]))]  # a word's start
            for i in keyed.digits:
                if keyed.modes[i] == "start":
                    found[i] += first if keyed.bounded[i] else digits
                else:
                    found[i] += [(p + 1, p) for p in digits]
        for i, mode in enumerate(keyed.modes):
            if mode != "any":
                found[i].sort()
                self.found[i] = found[i]

    def starts(self, ids: Sequence[int]) -> list[tuple[int, int]] | None:
        """The sorted ``(position, i)`` where a match of ``patterns[i]`` (``i`` in ``ids``) may
        start, or None when one of them is not found through its prefixes."""
        key = tuple(ids)
        merged = self._merged.get(key)
        if merged is None:
            if any(self.keyed.modes[i] != "start" or self.found[i] is None for i in ids):
                return None
            merged = sorted((p, i) for i in ids for p in self.found[i] or ())
            self._merged[key] = merged
        return merged

    def _listed(self, ids: Sequence[int]) -> tuple[int, ...] | None:
        """``ids`` as a tuple when each of their patterns is found through its prefixes."""
        key = ids if isinstance(ids, tuple) else tuple(ids)
        ok = self._listable.get(key)
        if ok is None:
            ok = self._listable[key] = all(self.keyed.modes[i] == "start"
                                           and self.found[i] is not None for i in key)
        return key if ok else None

    def may_match(self, ids: Sequence[int], start: int, end: int) -> bool:
        """False when no pattern of ``ids`` can match in ``text[start:end]`` (no prefix of one
        starts there); True when one may."""
        if _lists is not None:                  # the lists looked up as they are
            key = self._listed(ids)
            return key is None or _lists.any_in(self.found, key, start, end)
        merged = self.starts(ids)
        if merged is None:
            return True
        i = bisect.bisect_left(merged, (start, -1))
        return i < len(merged) and merged[i][0] < end

    def find_many(self, ids: Sequence[int], start: int, end: int
                  ) -> list[tuple[int, re.Match]]:
        """``(i, m)`` for each ``m`` of ``patterns[i].finditer(text, start, end)``, ``i`` in
        ``ids``, patterns in order of their literals (one look-up for all of them)."""
        if _lists is not None:                  # their lists merged as the scan goes
            key = self._listed(ids)
            if key is not None:
                return _lists.scan_lists(self.found, key, start, end, self.keyed.matchers,
                                         self.text, False)
        merged = self.starts(ids)
        if merged is None:
            return [(i, m) for i in ids for m in self.finditer(i, start, end)]
        return _scan(merged, -1, start, end, self.keyed.matchers, self.text, False)

    def find(self, pattern: re.Pattern, start: int = 0, end: int | None = None
             ) -> Iterator[re.Match]:
        """``pattern.finditer(self.text, start, end)``: found fast when it is one of the
        ``Keyed`` patterns."""
        i = self.keyed.position.get(id(pattern))
        if i is None:
            return pattern.finditer(self.text, start, len(self.text) if end is None else end)
        return self.finditer(i, start, end)

    def search(self, pattern: re.Pattern, start: int = 0, end: int | None = None
               ) -> re.Match | None:
        """``pattern.search(self.text, start, end)``, found fast (see ``find``)."""
        i = self.keyed.position.get(id(pattern))
        if i is None:
            return pattern.search(self.text, start, len(self.text) if end is None else end)
        got = self._matches(i, start, end, True)
        return got[0] if got else None

    def finditer(self, i: int, start: int = 0, end: int | None = None) -> Iterator[re.Match]:
        """``self.keyed.patterns[i].finditer(self.text, start, end)``, found fast."""
        return iter(self._matches(i, start, end, False))

    def _matches(self, i: int, start: int, end: int | None, first: bool) -> list[re.Match]:
        """``finditer``'s matches (``first``: only the first one)."""
        rx, text, found = self.keyed.patterns[i], self.text, self.found[i]
        end = len(text) if end is None else min(end, len(text))
        if found is not None and self.keyed.modes[i] == "start":
            return [m for _, m in _scan(found, i, start, end, self.keyed.matchers, text, first)]
        if found is not None:
            # a match inside text[start:end] holds one of the literals inside it
            j = bisect.bisect_left(found, (start, -1))
            while j < len(found) and found[j][0] <= end and found[j][1] < start:
                j += 1
            if j == len(found) or found[j][0] > end:
                return []
        if first:
            m = rx.search(text, start, end)
            return [] if m is None else [m]
        return list(rx.finditer(text, start, end))

