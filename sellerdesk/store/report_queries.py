"""The retrospective report's SQL: a period's orders, items, buyers and outreach results.

Every query reads one period through the orders_period index (created_at range) or
the members of one outreach through orders_buyer (buyer_id, created_at), and
aggregates in SQL: a 30-day campaign of a 1,000,000-order shop reads its ~100,000
orders, never the whole table. Definitions are domain.orders' and
domain.retrospective's; the SQL mirrors them (tests compute each figure again in
Python over the rows).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sellerdesk.domain.rules import Rule
from sellerdesk.store.buyer_rules import Atoms, from_facts, holds
from sellerdesk.store.outreach_log import OutreachEntry
from sellerdesk.store.sql_parts import FULL_REFUND, chunks, countable

_PERIOD = "o.created_at >= :start AND o.created_at < :end_next"


def span(start: date, end: date) -> dict[str, str]:
    """The parameters of a period of days, both included."""
    return {"start": start.isoformat(), "end_next": (end + timedelta(days=1)).isoformat()}


@contextmanager
def read_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One snapshot for every read of a report (WAL: writers go on, the report sees none of it)."""
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        conn.execute("ROLLBACK")  # nothing was written but temp tables


# --- headline and days -----------------------------------------------------------------------

def fill_success_refunds(conn: sqlite3.Connection) -> None:
    """temp.report_refunds: the orders with a successful refund record and those records' amount,
    so each period's scan looks an order up once in a small table (not twice in refunds)."""
    conn.execute("DROP TABLE IF EXISTS temp.report_refunds")
    conn.execute("CREATE TEMP TABLE report_refunds (platform TEXT, order_no TEXT, amount_fen INTEGER, "
                 "PRIMARY KEY (platform, order_no)) WITHOUT ROWID")
    conn.execute("INSERT INTO temp.report_refunds SELECT platform, order_no, coalesce(sum(amount_fen), 0) "
                 "FROM refunds WHERE status = 'success' GROUP BY platform, order_no")


@dataclass(frozen=True)
class DayTotals:
    paid_fen: int  # of the countable orders
    orders: int  # countable orders
    buyers: int  # distinct buyers with a countable order that day
    paid_orders: int  # countable orders plus the fully refunded
    refunded_orders: int  # of those, with a refund (state partial/full or a successful record)
    refund_fen: int  # of those: the larger of the order file's refund and its successful records


def day_totals(conn: sqlite3.Connection, start: date, end: date) -> dict[date, DayTotals]:
    """{day: DayTotals} for the days of the period with any order, in one scan (needs
    fill_success_refunds first). Paid orders, refunds: store/summary.py's rules. A period's
    totals are these summed, except its buyers (distinct over the period: report_buyers)."""
    return {date.fromisoformat(d): DayTotals(*rest) for d, *rest in conn.execute(f"""
        SELECT d, coalesce(sum(CASE WHEN countable THEN paid_fen END), 0), coalesce(sum(countable), 0),
               count(DISTINCT CASE WHEN countable THEN buyer_id END), coalesce(sum(paid_order), 0),
               coalesce(sum(CASE WHEN paid_order THEN refund_state_says OR success IS NOT NULL END), 0),
               coalesce(sum(CASE WHEN paid_order THEN max(refund_fen, coalesce(success, 0)) END), 0)
        FROM (SELECT substr(o.created_at, 1, 10) AS d, o.buyer_id, coalesce(o.paid_fen, 0) AS paid_fen,
                     {countable()} AS countable,
                     ({countable()} OR coalesce(o.refund_state, '') = '{FULL_REFUND}') AS paid_order,
                     coalesce(o.refund_state, 'none') IN ('partial', 'full') AS refund_state_says,
                     coalesce(o.refund_fen, 0) AS refund_fen, r.amount_fen AS success
              FROM orders o LEFT JOIN temp.report_refunds r ON r.platform = o.platform AND r.order_no = o.order_no
              WHERE {_PERIOD})
        GROUP BY d""", span(start, end))}


# --- items -----------------------------------------------------------------------------------

# Item lines of the period's countable orders, in one scan: an order's lines (those with a title),
# or, for an order imported without lines (an order report), one line of its own title, item
# count and paid amount.
_LINES = f"""
    SELECT o.id AS oid, substr(o.created_at, 1, 10) AS d,
           CASE WHEN l.id IS NULL THEN o.title ELSE l.title END AS title,
           CASE WHEN l.id IS NULL THEN coalesce(o.item_count, 1) ELSE coalesce(l.quantity, 1) END AS units,
           CASE WHEN l.id IS NULL THEN coalesce(o.paid_fen, 0)
                ELSE coalesce(l.amount_fen, l.unit_price_fen * coalesce(l.quantity, 1), 0) END AS sales
    FROM orders o LEFT JOIN order_lines l ON l.platform = o.platform AND l.order_no = o.order_no
    WHERE {_PERIOD} AND {countable()} AND (CASE WHEN l.id IS NULL THEN o.title ELSE l.title END) IS NOT NULL
"""


@dataclass(frozen=True)
class ItemDay:
    title: str
    day: date
    units: int
    sales_fen: int
    orders: int


def item_days(conn: sqlite3.Connection, start: date, end: date) -> list[ItemDay]:
    """Units, sales and orders per item title and day."""
    return [ItemDay(t, date.fromisoformat(d), u, s, n) for t, d, u, s, n in conn.execute(
        f"SELECT title, d, sum(units), sum(sales), count(DISTINCT oid) FROM ({_LINES}) GROUP BY title, d",
        span(start, end))]


def pair_days(conn: sqlite3.Connection, start: date, end: date) -> list[tuple[date, str, str, int]]:
    """(day, title, title, orders) of every two items in the same countable order, per day (an order
    belongs to one day, so a period's pairs are its days' summed: item_pairs).

    Only orders with lines can hold two titles (one imported without lines stands as one line)."""
    conn.execute("DROP TABLE IF EXISTS temp.report_order_items")
    conn.execute("CREATE TEMP TABLE report_order_items (oid INTEGER, d TEXT, title TEXT, PRIMARY KEY (oid, title)) "
                 "WITHOUT ROWID")
    conn.execute(f"""
        INSERT OR IGNORE INTO temp.report_order_items
        SELECT o.id, substr(o.created_at, 1, 10), l.title
        FROM orders o CROSS JOIN order_lines l ON l.platform = o.platform AND l.order_no = o.order_no
        WHERE {_PERIOD} AND {countable()} AND l.title IS NOT NULL""", span(start, end))
    rows = conn.execute(
        "SELECT a.d, a.title, b.title, count(*) FROM temp.report_order_items a "
        "JOIN temp.report_order_items b ON b.oid = a.oid AND b.title > a.title "
        "GROUP BY a.d, a.title, b.title").fetchall()
    conn.execute("DROP TABLE temp.report_order_items")
    return [(date.fromisoformat(d), a, b, n) for d, a, b, n in rows]


def top_pairs(pairs, limit: int = 10) -> list[tuple[str, str, int]]:
    """The `limit` pairs in the most orders, of (day, title, title, orders) summed over the days."""
    total: dict[tuple[str, str], int] = {}
    for _, a, b, n in pairs:
        total[(a, b)] = total.get((a, b), 0) + n
    return sorted(((a, b, n) for (a, b), n in total.items()), key=lambda p: (-p[2], p[0], p[1]))[:limit]


def item_pairs(conn: sqlite3.Connection, start: date, end: date, limit: int = 10) -> list[tuple[str, str, int]]:
    """(title, title, orders) of the items most often in the same countable order in the period."""
    return top_pairs(pair_days(conn, start, end), limit)


# --- buyers ----------------------------------------------------------------------------------

def fill_period_buyers(conn: sqlite3.Connection, start: date, end: date) -> None:
    """temp.report_buyers: each buyer with a countable order in the period and their paid total there.

    Summed into the buyer's row as the period's orders are read (an upsert per order: cheaper
    than sorting the period's orders by buyer)."""
    conn.execute("DROP TABLE IF EXISTS temp.report_buyers")
    conn.execute("CREATE TEMP TABLE report_buyers (buyer_id INTEGER PRIMARY KEY, paid_fen INTEGER NOT NULL)")
    conn.execute(f"""
        INSERT INTO temp.report_buyers
        SELECT o.buyer_id, coalesce(o.paid_fen, 0) FROM orders o
        WHERE {_PERIOD} AND {countable()} AND o.buyer_id IS NOT NULL
        ON CONFLICT (buyer_id) DO UPDATE SET paid_fen = paid_fen + excluded.paid_fen""", span(start, end))


def buyer_mix(conn: sqlite3.Connection, start: date, end: date) -> tuple[int, int, int, int]:
    """(new buyers, repeat buyers, new buyers' paid, repeat buyers' paid) of temp.report_buyers,
    filled for the period start..end: a repeat buyer had a countable order before it.

    Read from buyer_stats (refreshed in every import's transaction, so in this snapshot, with a
    row for every buyer who has an order): a buyer of the period is new when their first
    countable order's day is in it. Those are found by a range of buyer_stats_first, so only
    the new buyers are looked up; the repeat buyers are the rest."""
    total, paid = conn.execute("SELECT count(*), coalesce(sum(paid_fen), 0) FROM temp.report_buyers").fetchone()
    new, new_paid = conn.execute(
        "SELECT count(*), coalesce(sum(rb.paid_fen), 0) FROM buyer_stats s CROSS JOIN temp.report_buyers rb "
        "WHERE s.first_order_day >= ? AND s.first_order_day <= ? AND rb.buyer_id = s.buyer_id",
        (start.isoformat(), end.isoformat())).fetchone()
    return new, total - new, new_paid, paid - new_paid


def group_counts_of_period_buyers(conn: sqlite3.Connection, table: str, as_of: date,
                                  groups: Sequence[tuple[str, Rule, tuple[Rule, ...]]]) -> dict[str, tuple[int, int]]:
    """{key: (buyers, their paid total in the period)} for the buyers of temp.report_buyers who had a
    countable order by as_of, by their figures in `table` (buyer_stats or an as-of table).

    The same bit-mask tally as store.customers.group_counts, over the period's buyers only."""
    atoms = Atoms(as_of)
    compiled = [(key, atoms.of_rule(rule), [atoms.of_rule(u) for u in unless]) for key, rule, unless in groups]
    columns, params = atoms.mask_columns()
    names = [f"m{i}" for i in range(len(columns))] or ["m0"]
    cols = columns or ["0"]
    inner = (f"SELECT {', '.join(f'{c} AS {n}' for c, n in zip(cols, names))}, rb.paid_fen AS paid_fen "
             f"FROM temp.report_buyers rb CROSS JOIN {from_facts(table, *atoms.sql)} "
             f"WHERE s.buyer_id = rb.buyer_id AND s.countable_orders > 0 LIMIT -1")
    totals = {key: [0, 0] for key, _, _ in compiled}
    for row in conn.execute(f"SELECT {', '.join(names)}, count(*), sum(paid_fen) FROM ({inner}) "
                            f"GROUP BY {', '.join(names)}", params):
        bits = atoms.bits(row[:len(names)]) if columns else []
        n, paid = row[len(names):]
        for key, rule, unless in compiled:
            if holds(rule, bits) and not any(holds(u, bits) for u in unless):
                totals[key][0] += n
                totals[key][1] += paid
    return {key: (n, paid) for key, (n, paid) in totals.items()}


def counted_period_buyers(conn: sqlite3.Connection, table: str) -> tuple[int, int]:
    """(buyers, paid in the period) of temp.report_buyers with a countable order in `table`."""
    row = conn.execute(f"SELECT count(*), coalesce(sum(rb.paid_fen), 0) FROM temp.report_buyers rb "
                       f"CROSS JOIN {table} s WHERE s.buyer_id = rb.buyer_id AND s.countable_orders > 0").fetchone()
    return tuple(row)


def regions(conn: sqlite3.Connection, start: date, end: date) -> list[tuple[str, int, int, int]]:
    """(province or '', buyers, countable orders, paid_fen) by the orders' receiving province, most paid first."""
    return [tuple(r) for r in conn.execute(f"""
        SELECT coalesce(nullif(trim(o.province), ''), '') AS p, count(DISTINCT o.buyer_id), count(*),
               sum(coalesce(o.paid_fen, 0)) AS paid
        FROM orders o WHERE {_PERIOD} AND {countable()} GROUP BY p ORDER BY paid DESC, p""", span(start, end))]


# --- outreach --------------------------------------------------------------------------------

_OUTREACH_COLUMNS = ", ".join(OutreachEntry.__dataclass_fields__)


def outreaches_sent(conn: sqlite3.Connection, start: date, end: date, extra_ids: Sequence[int] = ()
                    ) -> list[OutreachEntry]:
    """Outreaches sent (send time, or export time without one) in the period, and the given ones
    (linked to the campaign's tasks), in send order."""
    marks = ", ".join("?" * len(extra_ids)) or "NULL"
    p = span(start, end)
    return [OutreachEntry(*r) for r in conn.execute(
        f"SELECT {_OUTREACH_COLUMNS} FROM outreaches WHERE (coalesce(send_at, created_at) >= ? "
        f"AND coalesce(send_at, created_at) < ?) OR id IN ({marks}) ORDER BY coalesce(send_at, created_at), id",
        [p["start"], p["end_next"], *extra_ids])]


def arm_results(conn: sqlite3.Connection, outreach_id: int, since: datetime, until: datetime
                ) -> list[tuple[str, int, int, int, int]]:
    """(arm, members, reachable members, members with a countable order in [since, until), their paid)."""
    return [tuple(r) for r in conn.execute(f"""
        WITH m AS (SELECT buyer_id, arm, usable FROM outreach_members WHERE outreach_id = :id),
        c AS (SELECT o.buyer_id, sum(coalesce(o.paid_fen, 0)) AS paid FROM orders o
              WHERE o.buyer_id IN (SELECT buyer_id FROM m) AND o.created_at >= :since AND o.created_at < :until
                AND {countable()} GROUP BY o.buyer_id)
        SELECT m.arm, count(*), coalesce(sum(m.usable), 0), count(c.buyer_id), coalesce(sum(c.paid), 0)
        FROM m LEFT JOIN c ON c.buyer_id = m.buyer_id GROUP BY m.arm ORDER BY m.arm""",
        {"id": outreach_id, "since": since.strftime("%Y-%m-%d %H:%M:%S"),
         "until": until.strftime("%Y-%m-%d %H:%M:%S")})]


def buyer_count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM buyers").fetchone()[0]


# --- after-sales, names ----------------------------------------------------------------------

def buyer_contacts(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, tuple[str | None, str | None]]:
    """{buyer id: (name, phone)} as stored (the report masks them)."""
    out: dict[int, tuple[str | None, str | None]] = {}
    for chunk in chunks(ids):
        for b, name, phone in conn.execute(
                f"SELECT id, name, phone FROM buyers WHERE id IN ({', '.join('?' * len(chunk))})", chunk):
            out[b] = (name, phone)
    return out
