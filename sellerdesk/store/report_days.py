"""The retrospective report's per-day figures, kept between reports (step 7: report_days,
report_item_days, report_pair_days).

A day's headline (store.report_queries.DayTotals), its items (units, sales and orders
per title) and its pairs (two items in the same order) only change when an import changes the orders, so the first report that needs a
day computes it from the orders (the same queries as before) and keeps it; every later
report of any period covering that day reads a few rows instead of the day's orders.
refresh_buyer_stats, which every import that changed something runs in its own
transaction, empties the tables (`forget`), as it drops the cached as-of figures.

`keep` writes in its own short write transaction before the report's snapshot starts
(store.buyer_stats.write_if_free: not when someone else holds the file for more than a second, a
read-only file, or inside the caller's transaction). `day_totals` and `item_days` read the
kept days inside the snapshot and compute any day not kept (an import emptied the tables
since, or nothing could be written) from the orders there, so a report never depends on
the tables being filled. A day is kept entirely or not at all: its report_days row (zeros
for a day without orders) is written with its items and pairs in one transaction.

What cannot be kept per day is read from the period's orders each time: distinct buyers over
the period (its buyers, new and repeat, their groups) and per province (regions).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date, timedelta

from sellerdesk.store import report_queries as q
from sellerdesk.store.buyer_stats import write_if_free

DAYS = "report_days"
ITEM_DAYS = "report_item_days"
PAIR_DAYS = "report_pair_days"
_TABLES = (DAYS, ITEM_DAYS, PAIR_DAYS)
_DAY_COLUMNS = "paid_fen, orders, buyers, paid_orders, refunded_orders, refund_fen"  # tables: migrations._v7


def _has_tables(conn: sqlite3.Connection) -> bool:
    names = ", ".join(f"'{t}'" for t in _TABLES)
    return conn.execute(f"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ({names})"
                        ).fetchone()[0] == len(_TABLES)


def forget(conn: sqlite3.Connection) -> None:
    """Empty the kept days (inside the caller's transaction): they were computed over the old orders."""
    if _has_tables(conn):
        for table in _TABLES:
            conn.execute(f"DELETE FROM {table}")


def _days(start: date, end: date) -> list[str]:
    return [(start + timedelta(days=i)).isoformat() for i in range((end - start).days + 1)]


def _kept(conn: sqlite3.Connection, start: date, end: date) -> set[str]:
    return {d for (d,) in conn.execute(f"SELECT day FROM {DAYS} WHERE day >= ? AND day <= ?",
                                       (start.isoformat(), end.isoformat()))}


def _missing(conn: sqlite3.Connection, start: date, end: date) -> tuple[date, date] | None:
    """The first and last day of the period not kept (None: every day is)."""
    kept = _kept(conn, start, end)
    missing = [d for d in _days(start, end) if d not in kept]
    return (date.fromisoformat(missing[0]), date.fromisoformat(missing[-1])) if missing else None


def keep(conn: sqlite3.Connection, periods: Iterable[tuple[date, date]]) -> bool:
    """Compute and keep every day of the periods not kept yet (outside any transaction of the
    caller's). False when they could not be written now (the report then reads the orders)."""
    if not _has_tables(conn):
        return False
    periods = list(periods)
    if all(_missing(conn, s, e) is None for s, e in periods):
        return True
    return write_if_free(conn, lambda c: _fill(c, periods) or True) is not None


def _fill(conn: sqlite3.Connection, periods: list[tuple[date, date]]) -> None:
    q.fill_success_refunds(conn)
    for start, end in periods:
        span = _missing(conn, start, end)  # again, under the write lock
        if span is None:
            continue
        kept = _kept(conn, *span)
        days = q.day_totals(conn, *span)
        items = q.item_days(conn, *span)
        todo = [d for d in _days(*span) if d not in kept]
        zero = q.DayTotals(0, 0, 0, 0, 0, 0)
        conn.executemany(f"INSERT INTO {DAYS} (day, {_DAY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
                         [(d, *_values(days.get(date.fromisoformat(d), zero))) for d in todo])
        wanted = set(todo)
        conn.executemany(f"INSERT INTO {ITEM_DAYS} (day, title, units, sales_fen, orders) VALUES (?, ?, ?, ?, ?)",
                         [(r.day.isoformat(), r.title, r.units, r.sales_fen, r.orders) for r in items
                          if r.day.isoformat() in wanted])
        conn.executemany(f"INSERT INTO {PAIR_DAYS} (day, first, second, orders) VALUES (?, ?, ?, ?)",
                         [(d.isoformat(), a, b, n) for d, a, b, n in q.pair_days(conn, *span)
                          if d.isoformat() in wanted])
    conn.execute("DROP TABLE IF EXISTS temp.report_refunds")


def _values(t: q.DayTotals) -> tuple[int, ...]:
    return (t.paid_fen, t.orders, t.buyers, t.paid_orders, t.refunded_orders, t.refund_fen)


def _live_span(conn: sqlite3.Connection, start: date, end: date) -> tuple[set[str], tuple[date, date] | None]:
    """The kept days of the period and the span of those that are not (read from the orders)."""
    if not _has_tables(conn):
        return set(), (start, end)
    kept = _kept(conn, start, end)
    missing = [d for d in _days(start, end) if d not in kept]
    return kept, (date.fromisoformat(missing[0]), date.fromisoformat(missing[-1])) if missing else None


def day_totals(conn: sqlite3.Connection, start: date, end: date) -> dict[date, q.DayTotals]:
    """report_queries.day_totals of the period (the days with any order), kept days read from
    report_days, the others from the orders."""
    kept, live = _live_span(conn, start, end)
    out: dict[date, q.DayTotals] = {}
    if kept:
        for d, *rest in conn.execute(f"SELECT day, {_DAY_COLUMNS} FROM {DAYS} WHERE day >= ? AND day <= ? "
                                     f"ORDER BY day", (start.isoformat(), end.isoformat())):
            if any(rest):  # a kept day without orders is not a day of the period's orders
                out[date.fromisoformat(d)] = q.DayTotals(*rest)
    if live is not None:
        q.fill_success_refunds(conn)
        for d, t in q.day_totals(conn, *live).items():
            if d.isoformat() not in kept:
                out[d] = t
    return dict(sorted(out.items()))


def item_days(conn: sqlite3.Connection, start: date, end: date) -> list[q.ItemDay]:
    """report_queries.item_days of the period (by title, then day), kept days read from
    report_item_days, the others from the orders."""
    kept, live = _live_span(conn, start, end)
    rows: list[q.ItemDay] = []
    if kept:
        rows = [q.ItemDay(t, date.fromisoformat(d), u, s, n) for d, t, u, s, n in conn.execute(
            f"SELECT day, title, units, sales_fen, orders FROM {ITEM_DAYS} WHERE day >= ? AND day <= ?",
            (start.isoformat(), end.isoformat()))]
    if live is not None:
        rows += [r for r in q.item_days(conn, *live) if r.day.isoformat() not in kept]
    rows.sort(key=lambda r: (r.title, r.day))
    return rows


def item_pairs(conn: sqlite3.Connection, start: date, end: date, limit: int = 10) -> list[tuple[str, str, int]]:
    """report_queries.item_pairs of the period, kept days read from report_pair_days, the others
    from the orders."""
    kept, live = _live_span(conn, start, end)
    pairs: list[tuple[date, str, str, int]] = []
    if kept:
        pairs = [(date.fromisoformat(d), a, b, n) for d, a, b, n in conn.execute(
            f"SELECT day, first, second, orders FROM {PAIR_DAYS} WHERE day >= ? AND day <= ?",
            (start.isoformat(), end.isoformat()))]
    if live is not None:
        pairs += [p for p in q.pair_days(conn, *live) if p[0].isoformat() not in kept]
    return q.top_pairs(pairs, limit)
