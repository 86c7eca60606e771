"""The report's kept days (store.report_days) against the same figures read from the orders:
nothing kept, some days kept, every day kept, days without orders, and an import's refresh."""

from __future__ import annotations

from datetime import date

import pytest

from sellerdesk.store import report_days
from sellerdesk.store import report_queries as q
from sellerdesk.store.buyer_stats import refresh_buyer_stats
from tests.services.demo_shops import build_once, working_copy

TODAY = date(2025, 12, 20)
START, END = date(2025, 10, 21), date(2025, 11, 20)


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    return build_once(tmp_path_factory.mktemp("report_days"), buyers=300, seed=4, today=TODAY)


@pytest.fixture
def store(demo_path, tmp_path):
    store = working_copy(demo_path, tmp_path).open()
    yield store
    store.close()


def from_orders(conn, start, end):
    q.fill_success_refunds(conn)
    days = {d: t for d, t in q.day_totals(conn, start, end).items() if t != q.DayTotals(0, 0, 0, 0, 0, 0)}
    return days, q.item_days(conn, start, end), q.item_pairs(conn, start, end)


def kept(conn, start, end):
    return (report_days.day_totals(conn, start, end), report_days.item_days(conn, start, end),
            report_days.item_pairs(conn, start, end))


def kept_count(conn) -> int:
    return conn.execute("SELECT count(*) FROM report_days").fetchone()[0]


def test_kept_days_equal_the_days_read_from_the_orders(store):
    conn = store.conn
    expected = from_orders(conn, START, END)
    assert expected[0] and expected[1] and expected[2] and len({r.title for r in expected[1]}) > 1
    assert kept(conn, START, END) == expected and kept_count(conn) == 0  # nothing kept: all from the orders
    assert report_days.keep(conn, [(date(2025, 11, 1), date(2025, 11, 10))])
    assert kept_count(conn) == 10
    assert kept(conn, START, END) == expected  # ten kept, the rest from the orders
    assert report_days.keep(conn, [(START, END), (date(2025, 11, 5), date(2025, 11, 6))])
    assert kept_count(conn) == 31
    assert conn.execute("SELECT count(*) FROM report_pair_days").fetchone()[0] > 0
    assert kept(conn, START, END) == expected  # every day kept
    assert kept(conn, date(2025, 11, 3), date(2025, 11, 3)) == from_orders(conn, date(2025, 11, 3), date(2025, 11, 3))


def test_days_without_orders_are_kept_as_nothing(store):
    conn = store.conn
    assert report_days.keep(conn, [(date(2026, 3, 1), date(2026, 3, 5))])
    assert kept_count(conn) == 5
    assert kept(conn, date(2026, 3, 1), date(2026, 3, 5)) == ({}, [], [])


def test_a_refresh_after_an_import_forgets_the_kept_days(store):
    conn = store.conn
    assert report_days.keep(conn, [(START, END)])
    day, before = next(iter(from_orders(conn, START, END)[0].items()))
    with store.transaction() as c:  # an import that changed an order's amount
        changed = c.execute("UPDATE orders SET paid_fen = paid_fen + 100 WHERE id = (SELECT min(id) FROM orders "
                            "WHERE created_at >= ? AND created_at < ? AND status = 'completed' "
                            "AND coalesce(refund_state, 'none') = 'none')", (day.isoformat(), f"{day.isoformat()}~"))
        assert changed.rowcount == 1
        refresh_buyer_stats(c)
    assert kept_count(conn) == 0
    assert conn.execute("SELECT count(*) FROM report_item_days").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM report_pair_days").fetchone()[0] == 0
    now = kept(conn, START, END)
    assert now == from_orders(conn, START, END) and now[0][day].paid_fen == before.paid_fen + 100


def test_nothing_is_kept_inside_the_callers_transaction(store):
    conn = store.conn
    conn.execute("BEGIN")
    try:
        assert report_days.keep(conn, [(START, END)]) is False
    finally:
        conn.execute("ROLLBACK")
    assert kept_count(conn) == 0
