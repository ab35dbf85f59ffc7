"""Comparisons shared by detection (inside a document) and merging (across documents):
place ranks, date and place agreement, compatible event types."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from ..geodesy import BORDER_COUNTRIES, haversine_km
from ..model import Mention, Place

BORDER_GROUP = frozenset({"pushback", "crossing", "border_violation"})
PRECISION_DAYS = {"day": 1, "week": 6, "month": 31}
PRECISIONS = ("day", "week", "month")
KIND_RANK = {"crossing": 0, "camp": 0, "village": 0, "airport": 0, "town": 1, "city": 1, "other": 1,
             "district": 2, "capital": 2, "region": 3, "country": 4}
PRIORITY = ("death", "border_violation", "pushback", "detention", "crossing",
            "statement_or_order", "other")

When = tuple[dt.date | None, str | None]


def kind_rank(p: Place) -> int:
    """0 a site or village, 1 a town or city, 2 a district or capital, 3 a region, 4 a country."""
    return KIND_RANK.get(p.kind, 1)


def best_place(mentions: list[Mention]) -> Mention | None:
    """The most specific mention: border countries first, then the finest kind, the place
    named most often, the earliest."""
    if not mentions:
        return None
    counts = Counter(m.place.id for m in mentions if m.place)

    def key(m: Mention) -> tuple:
        p = m.place
        assert p is not None
        return (p.country not in BORDER_COUNTRIES, kind_rank(p), -counts[p.id], m.start)

    return min(mentions, key=key)


def dates_ok(a: When, b: When, day_tol: int = 1) -> bool:
    """Whether two (date, precision) agree: within a day (``day_tol``), 6 days for a week,
    31 for a month (the coarser precision counts); an unknown date agrees with any."""
    if a[0] is None or b[0] is None:
        return True
    tol = max(PRECISION_DAYS[a[1] or "day"], PRECISION_DAYS[b[1] or "day"])
    tol = day_tol if tol == 1 else tol
    return abs((a[0] - b[0]).days) <= tol


def places_ok(a: Place | None, b: Place | None, km: float) -> bool:
    """Whether two places can be one event's: the same country and within ``km`` (40 km for
    a district, a city and its airport); a region or country agrees with its places."""
    if a is None or b is None or a.id == b.id:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    ranks = sorted((kind_rank(a), kind_rank(b)))
    if ranks[1] >= 3:
        return True
    limit = 40.0 if ranks[1] == 2 or "airport" in (a.kind, b.kind) else km   # city vs its airport
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= limit


def types_ok(a: Iterable[tuple[str, str | None]], b: Iterable[tuple[str, str | None]]) -> bool:
    """Whether some kinds of ``a`` and ``b`` agree (the border family counts as one type)."""
    b = list(b)
    return any(ka == kb or (ka[0] in BORDER_GROUP and kb[0] in BORDER_GROUP)
               for ka in a for kb in b)


def main_kind(kinds: list[tuple[str, str | None]]) -> tuple[str, str | None]:
    """The most frequent kind, ties broken by ``PRIORITY``."""
    votes = Counter(kinds)
    return max(votes, key=lambda k: (votes[k], -PRIORITY.index(k[0])))
