"""The target breakdown from a demo shop's two years of orders, and from an empty shop."""

from __future__ import annotations

from datetime import date

import pytest

from sellerdesk.domain.promo import CalendarError
from sellerdesk.domain.targets import STATE_WINDOWS
from sellerdesk.services.target_breakdown import target_basis, target_breakdown
from sellerdesk.store import promo_targets
from sellerdesk.store.db import open_store
from tests.services.demo_shops import build_once, working_copy

TODAY = date(2026, 10, 20)


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    return build_once(tmp_path_factory.mktemp("targets"), buyers=400, seed=5, today=TODAY)


@pytest.fixture
def shop(demo_path, tmp_path):
    return working_copy(demo_path, tmp_path)


def test_basis_counts_last_years_states_and_this_years_pools(shop):
    basis = target_basis(shop, "1111", 2026, TODAY)
    assert basis.history and basis.last_window == (date(2025, 10, 31), date(2025, 11, 11))
    assert basis.pool_day == TODAY  # planning before the window: the buyers known today
    assert [c.state for c in basis.last_counts] == list(STATE_WINDOWS)
    assert all(0 <= c.returned <= c.pool for c in basis.last_counts)
    assert sum(c.pool for c in basis.last_counts) > 0 and sum(basis.pools.values()) > 0
    assert 0 < basis.repeat_share < 1 and basis.aov_fen > 0
    # the same counts straight from the orders, buyer by buyer
    store = open_store(shop.path)
    try:
        rows = store.conn.execute(
            "SELECT buyer_id, substr(created_at, 1, 10) FROM orders WHERE status IN ('paid', 'shipped', 'completed') "
            "AND coalesce(refund_state, '') != 'full' AND buyer_id IS NOT NULL").fetchall()
    finally:
        store.close()
    last_before, back = {}, set()
    for buyer, day in rows:
        d = date.fromisoformat(day)
        if d < date(2025, 10, 31):
            last_before[buyer] = max(last_before.get(buyer, d), d)
        elif d <= date(2025, 11, 11):
            back.add(buyer)
    for c in basis.last_counts:
        lo, hi = STATE_WINDOWS[c.state]
        members = {b for b, d in last_before.items() if lo <= (date(2025, 11, 11) - d).days <= hi}
        assert (c.pool, c.returned) == (len(members), len(members & back)), c.state


def test_breakdown_with_a_target(shop):
    b = target_breakdown(shop, "1111", 2026, 50_000_00, TODAY)
    assert b.target_fen == 50_000_00 and b.share is not None and b.share.repeat_fen is not None
    assert b.expected_buyers is not None and b.expected_fen is not None
    assert b.gap_fen == b.share.repeat_fen - b.expected_fen
    assert not any(n.code.startswith("no_history") for n in b.missing)


def test_pools_are_counted_the_day_before_the_window_at_the_latest(shop):
    assert target_basis(shop, "1111", 2026, date(2026, 11, 5)).pool_day == date(2026, 10, 30)


def test_an_empty_shop_says_what_is_missing(tmp_shop):
    b = target_breakdown(tmp_shop, "1111", 2026, 50_000_00, TODAY)
    assert b.expected_buyers is None and b.expected_fen is None and b.share.repeat_fen is None
    codes = {n.code for n in b.missing}
    assert {"no_history_active", "no_history_reactivated", "no_history_awakened", "no_aov", "no_share"} <= codes
    assert all(n.zh and n.en for n in b.missing)


def test_a_shop_whose_orders_start_after_last_years_festival_has_no_history(shop):
    b = target_breakdown(shop, "1111", 2025, 50_000_00, date(2025, 10, 1))  # needs 2024's 11.11: partly imported
    store = open_store(shop.path)
    try:
        first, _ = promo_targets.order_day_range(store.conn)
    finally:
        store.close()
    assert (first < date(2024, 10, 31)) == (not any(n.code.startswith("no_history") for n in b.missing))


def test_an_unknown_festival_is_a_calendar_error(tmp_shop):
    with pytest.raises(CalendarError):
        target_breakdown(tmp_shop, "1010", 2026, None, TODAY)
