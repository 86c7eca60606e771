"""The item part of the retrospective: what sold, what stopped selling, what grew.

SellerDesk does not know the shop's stock (no export carries it), so "sold out or
near it" is read from the sales themselves: an item that sold on most days and
then sold nothing over the period's last STOP_DAYS days while the shop itself
kept selling has most likely run out (or been taken down), and is a restock
candidate for the next festival. The report says so in these words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from sellerdesk.domain.retrospective import ItemRow, StoppedItem

STOP_DAYS = 2  # no sale on the period's last this many shop-selling days
STOP_MIN_UNITS = 10  # ... after at least this many units
STOP_MIN_DAY_SHARE = 0.5  # ... sold on at least half of the shop's selling days before
DARK_MIN_GROWTH = 0.5  # a dark horse grew its sales by 50% or more against the comparison
DARK_MIN_SHARE = 0.02  # ... and holds at least 2% of the period's item sales
TOP_ITEMS = 10


def best_sellers(rows: Sequence[ItemRow], limit: int = TOP_ITEMS) -> list[ItemRow]:
    return sorted(rows, key=lambda r: (-r.sales_fen, -r.units, r.title))[:limit]


def dark_horses(rows: Sequence[ItemRow], total_sales_fen: int, limit: int = 5) -> list[ItemRow]:
    """Items that grew most against the comparison: +DARK_MIN_GROWTH or more in sales (or new,
    selling nothing then), each with at least DARK_MIN_SHARE of the period's item sales; the
    biggest growth first, new items after the growing ones by sales."""
    if total_sales_fen <= 0:
        return []
    big = [r for r in rows if r.sales_fen / total_sales_fen >= DARK_MIN_SHARE]
    grown = [r for r in big if r.growth is not None and r.growth >= DARK_MIN_GROWTH]
    new = [r for r in big if r.compare_sales_fen == 0 and r.compare_units == 0]
    grown.sort(key=lambda r: (-r.growth, -r.sales_fen, r.title))
    new.sort(key=lambda r: (-r.sales_fen, r.title))
    return (grown + new)[:limit]


def stopped_items(units_by_item_day: Mapping[str, Mapping[date, int]], selling_days: Iterable[date]
                  ) -> list[StoppedItem]:
    """Items that stopped selling at the end of the period (see the module's note).

    selling_days: the days of the period on which the shop had a countable order.
    """
    days = sorted(set(selling_days))
    if len(days) <= STOP_DAYS:
        return []
    tail, before = set(days[-STOP_DAYS:]), days[:-STOP_DAYS]
    found = []
    for title, by_day in units_by_item_day.items():
        sold_days = [d for d, n in by_day.items() if n > 0]
        units = sum(by_day.values())
        if not sold_days or units < STOP_MIN_UNITS or any(d in tail for d in sold_days):
            continue
        on = sum(1 for d in before if by_day.get(d, 0) > 0)
        if on / len(before) >= STOP_MIN_DAY_SHARE:
            found.append(StoppedItem(title, units, on, max(sold_days)))
    found.sort(key=lambda s: (-s.units, s.title))
    return found
