"""Per-buyer figures (domain.buyers.BuyerFacts) kept in buyer_stats.

Customer groups are decided on these, so groups are computed over buyers,
not order lines. The table holds the figures over every order and is
refreshed after each import that changed something; for an earlier "as of"
date the same query runs again over the orders up to that day into a temp
table (`facts_table`). The definitions mirror domain.orders and the shop
summary (store/summary.py): countable = paid, not closed, not fully refunded;
refunded = partial/full refund state or a successful refund record.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from sellerdesk.domain.orders import COUNTABLE_STATUSES, RefundState

_COUNTABLE = ", ".join(f"'{s.value}'" for s in sorted(COUNTABLE_STATUSES))
STATS_COLUMNS = ("buyer_id", "orders", "countable_orders", "paid_fen", "aov_fen", "refunded_orders",
                 "first_order_day", "last_order_day", "last_item")

# :until is the first moment not counted ('9999' = everything). char(31) joins
# the last countable order's time to its title, so max() picks both at once.
_FACTS_SELECT = f"""
WITH r AS (
    SELECT platform, order_no FROM refunds WHERE status = 'success' GROUP BY platform, order_no
), o AS (
    SELECT o.buyer_id, o.created_at, coalesce(o.paid_fen, 0) AS paid_fen, o.title,
           (o.status IN ({_COUNTABLE}) AND coalesce(o.refund_state, '') != '{RefundState.FULL.value}') AS countable,
           (coalesce(o.refund_state, 'none') IN ('partial', 'full') OR r.platform IS NOT NULL) AS refunded
    FROM orders o LEFT JOIN r ON r.platform = o.platform AND r.order_no = o.order_no
    WHERE o.buyer_id IS NOT NULL AND coalesce(o.created_at, '') < :until
), b AS (
    SELECT buyer_id, count(*) AS orders, sum(countable) AS countable_orders,
           sum(CASE WHEN countable THEN paid_fen ELSE 0 END) AS paid_fen,
           sum(refunded) AS refunded_orders,
           min(CASE WHEN countable THEN created_at END) AS first_at,
           max(CASE WHEN countable THEN coalesce(created_at, '') || char(31) || coalesce(title, '') END) AS last_key
    FROM o GROUP BY buyer_id
)
SELECT buyer_id, orders, countable_orders, paid_fen,
       CASE WHEN countable_orders > 0 THEN (paid_fen * 2 + countable_orders) / (countable_orders * 2) END AS aov_fen,
       refunded_orders, substr(first_at, 1, 10) AS first_order_day,
       nullif(substr(last_key, 1, 10), '') AS last_order_day,
       nullif(substr(last_key, instr(last_key, char(31)) + 1), '') AS last_item
FROM b
"""


def refresh_buyer_stats(conn: sqlite3.Connection) -> None:
    """Recompute buyer_stats over every order (inside the caller's transaction).

    The table's indexes are dropped and built again afterwards: building five
    indexes over 300,000 sorted rows is cheaper than keeping them up to date row by row.
    """
    indexes = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                           "AND tbl_name = 'buyer_stats' AND sql IS NOT NULL").fetchall()
    for name, _ in indexes:
        conn.execute(f"DROP INDEX {name}")
    conn.execute("DELETE FROM buyer_stats")
    conn.execute(f"INSERT INTO buyer_stats ({', '.join(STATS_COLUMNS)}) {_FACTS_SELECT}", {"until": "9999"})
    for _, sql in indexes:
        conn.execute(sql)


def latest_order_day(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT max(last_order_at) FROM shop_summary").fetchone()
    return row[0][:10] if row and row[0] else None


def facts_table(conn: sqlite3.Connection, as_of: date) -> str:
    """The table holding the buyers' figures as of the end of as_of.

    buyer_stats when no order is later than as_of (the usual case: today);
    otherwise a temp table computed over the orders up to that day.
    """
    latest = latest_order_day(conn)
    if latest is None or latest <= as_of.isoformat():
        return "buyer_stats"
    conn.execute("DROP TABLE IF EXISTS temp.facts_asof")
    conn.execute(f"CREATE TEMP TABLE facts_asof AS {_FACTS_SELECT}",
                 {"until": (as_of + timedelta(days=1)).isoformat()})
    return "temp.facts_asof"
