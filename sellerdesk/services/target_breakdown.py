"""A festival's target broken down from the shop's own history (seed 003; domain.targets).

Last year: the festival's window (e.g. 11.11: 10-31..11-11) and its main day.
A buyer's state is the days between their last countable order before the
window opened and the main day (active 30-60, reactivated 61-180, awakened
181-365); "returned" means a countable order inside the window. The repeat
share is the part of the window's sales from buyers who had bought before it;
the average order value is that of those returning buyers' window orders (of
all window orders when none returned).

This year: the pools as of the day before the window opens, or `as_of` when
that is earlier (planning in September uses the buyers known today).

History counts as present only when the shop's orders reach from before last
year's window to its end; otherwise the domain reports it missing rather than
treating an unimported year as a year without buyers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sellerdesk.almanac import spring_festival
from sellerdesk.domain.festivals import festival_by_key, festival_window
from sellerdesk.domain.targets import STATE_WINDOWS, StateCounts, TargetBreakdown, state_method, state_of
from sellerdesk.services.shop import ShopFile
from sellerdesk.store import promo_targets

__all__ = ["TargetBasis", "TargetBreakdown", "target_basis", "target_breakdown"]

_MAX_DAYS = max(hi for _, hi in STATE_WINDOWS.values())


@dataclass(frozen=True)
class TargetBasis:
    """What the breakdown was computed from (shown under it, so the figures can be checked)."""

    last_window: tuple[date, date]  # last year's festival window
    last_day: date  # last year's main day
    pool_day: date  # this year's pools: buyers as of the end of this day
    history: bool  # the orders cover last year's window and before it
    last_counts: tuple[StateCounts, ...]
    pools: dict[str, int]
    repeat_share: float | None
    aov_fen: int | None


def _window(festival_key: str, year: int) -> tuple[date, date]:
    return festival_window(festival_key, year, spring_festival(year))


def _bucket(days: dict[int, tuple[int, int]]) -> dict[str, tuple[int, int]]:
    out = {s: (0, 0) for s in STATE_WINDOWS}
    for d, (n, back) in days.items():
        state = state_of(d)
        if state is not None:
            out[state] = (out[state][0] + n, out[state][1] + back)
    return out


def target_basis(shop: ShopFile, festival_key: str, year: int, as_of: date) -> TargetBasis:
    """The counts the breakdown uses (read-only)."""
    festival_by_key(festival_key)  # an unknown festival: CalendarError
    last_start, last_day = _window(festival_key, year - 1)
    start, day = _window(festival_key, year)
    pool_day = min(as_of, start - timedelta(days=1))
    store = shop.open()
    try:
        conn = store.conn
        span = promo_targets.order_day_range(conn)
        history = span is not None and span[0] < last_start and span[1] >= last_day
        pools = {s: n for s, (n, _) in _bucket(promo_targets.days_before(
            conn, pool_day + timedelta(days=1), day, _MAX_DAYS)).items()}
        counts: tuple[StateCounts, ...] = ()
        share = aov = None
        if history:
            last = _bucket(promo_targets.days_before(conn, last_start, last_day, _MAX_DAYS, last_start, last_day))
            counts = tuple(StateCounts(s, n, back) for s, (n, back) in last.items())
            sales = promo_targets.window_sales(conn, last_start, last_day)
            if sales.paid_fen > 0:
                share = sales.repeat_paid_fen / sales.paid_fen
            if sales.repeat_orders:
                aov = round(sales.repeat_paid_fen / sales.repeat_orders) or None
            elif sales.orders:
                aov = round(sales.paid_fen / sales.orders) or None
    finally:
        store.close()
    return TargetBasis((last_start, last_day), last_day, pool_day, history, counts, pools, share, aov)


def target_breakdown(shop: ShopFile, festival_key: str, year: int, target_fen: int | None,
                     as_of: date) -> TargetBreakdown:
    """The share and state methods for `festival_key` in `year` from the shop's history (read-only).
    Missing history is listed in `missing` (zh + en), never filled with a guess."""
    basis = target_basis(shop, festival_key, year, as_of)
    return state_method(target_fen, basis.last_counts, basis.pools, basis.aov_fen, basis.repeat_share)
