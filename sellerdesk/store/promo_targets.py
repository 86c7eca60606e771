"""The order history a festival's target breakdown reads (seed 003, 目标分解).

Countable orders only (paid, not closed, not fully refunded: domain.orders),
counted per buyer by calendar day. "Days before" is the festival's main day
minus the day of the buyer's last countable order before a cut-off; the
domain (domain.targets) turns day counts into states.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta

from sellerdesk.store.sql_parts import countable

_COUNTABLE = f"o.buyer_id IS NOT NULL AND {countable('o')}"  # a buyer's countable order


@dataclass(frozen=True)
class WindowSales:
    """Countable sales in a festival window, and the part from buyers who had bought before it."""

    orders: int
    paid_fen: int
    repeat_orders: int
    repeat_paid_fen: int


def order_day_range(conn: sqlite3.Connection) -> tuple[date, date] | None:
    """First and last day with a countable order, or None for a shop without one."""
    row = conn.execute(f"SELECT min(o.created_at), max(o.created_at) FROM orders o WHERE {_COUNTABLE} "
                       "AND o.created_at IS NOT NULL").fetchone()
    if not row or row[0] is None:
        return None
    return date.fromisoformat(row[0][:10]), date.fromisoformat(row[1][:10])


def days_before(conn: sqlite3.Connection, before: date, main_day: date, max_days: int,
                returned_from: date | None = None, returned_to: date | None = None) -> dict[int, tuple[int, int]]:
    """{days: (buyers, returned)}: buyers by the days between their last countable order before
    `before` (exclusive) and `main_day`, up to max_days; `returned` counts those with a countable
    order in [returned_from, returned_to] (inclusive days; 0 when no window is given)."""
    lo = (main_day - timedelta(days=max_days)).isoformat()
    sql = f"""
        WITH last AS (
            SELECT o.buyer_id, max(substr(o.created_at, 1, 10)) AS day FROM orders o
            WHERE {_COUNTABLE} AND o.created_at < :before AND o.created_at >= :lo GROUP BY o.buyer_id
        ), back AS (
            SELECT DISTINCT o.buyer_id FROM orders o
            WHERE {_COUNTABLE} AND o.created_at >= :from_day AND o.created_at < :to_next
        )
        SELECT CAST(julianday(:main) - julianday(last.day) AS INTEGER) AS d, count(*), count(back.buyer_id)
        FROM last LEFT JOIN back ON back.buyer_id = last.buyer_id
        GROUP BY d
    """
    window = returned_from is not None and returned_to is not None
    args = {"before": before.isoformat(), "lo": lo, "main": main_day.isoformat(),
            "from_day": returned_from.isoformat() if window else "9999",
            "to_next": (returned_to + timedelta(days=1)).isoformat() if window else "9999"}
    # Orders more than max_days back are not read: a buyer with only such orders has a last
    # order older still, outside every state; any later order is the one max() finds.
    return {d: (n, back) for d, n, back in conn.execute(sql, args) if d <= max_days}


def window_sales(conn: sqlite3.Connection, start: date, end: date) -> WindowSales:
    """Countable orders in [start, end] (inclusive days), and those of buyers who had a countable
    order before `start`."""
    row = conn.execute(f"""
        WITH w AS (
            SELECT o.buyer_id, coalesce(o.paid_fen, 0) AS paid FROM orders o
            WHERE {_COUNTABLE} AND o.created_at >= :start AND o.created_at < :end_next
        ), old AS (
            SELECT DISTINCT o.buyer_id FROM orders o WHERE {_COUNTABLE} AND o.created_at < :start
              AND o.buyer_id IN (SELECT buyer_id FROM w)
        )
        SELECT count(*), coalesce(sum(paid), 0),
               count(old.buyer_id), coalesce(sum(CASE WHEN old.buyer_id IS NOT NULL THEN paid END), 0)
        FROM w LEFT JOIN old ON old.buyer_id = w.buyer_id
    """, {"start": start.isoformat(), "end_next": (end + timedelta(days=1)).isoformat()}).fetchone()
    return WindowSales(*row)
