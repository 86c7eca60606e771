"""The shop's headline figures, materialised after every import.

The definitions are in sellerdesk.domain.orders; the SQL below mirrors them
(tests/store/test_summary.py checks both agree on generated shops):
countable = status in COUNTABLE_STATUSES and refund_state is not 'full';
an order's refund = the larger of what the order file says and the sum of
successful refund records (they describe the same money); net total =
sum over countable orders of paid - refund. Figures no imported file can
show (refunds from files without refund information) stay NULL.
Start-up reads this small table instead of scanning a million orders.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from sellerdesk.store.sql_parts import countable


_PER_ORDER = f"""
WITH r AS (
    SELECT platform, order_no,
           sum(CASE WHEN status = 'success' THEN coalesce(amount_fen, 0) ELSE 0 END) AS ok_fen,
           sum(status = 'success') AS ok_n
    FROM refunds GROUP BY platform, order_no
), o AS (
    SELECT o.platform, coalesce(o.shop, '') AS shop, o.buyer_id, o.created_at,
           coalesce(o.paid_fen, 0) AS paid_fen,
           {countable('o')} AS countable,
           CASE WHEN o.refund_fen IS NULL AND r.ok_fen IS NULL THEN NULL
                ELSE max(coalesce(o.refund_fen, 0), coalesce(r.ok_fen, 0)) END AS refund_fen,
           (coalesce(o.refund_state, 'none') IN ('partial', 'full') OR coalesce(r.ok_n, 0) > 0) AS refunded,
           (o.refund_state IS NOT NULL OR r.platform IS NOT NULL) AS refund_known
    FROM orders o LEFT JOIN r ON r.platform = o.platform AND r.order_no = o.order_no
)
"""

_SHOP_FIGURES = """
    sum(orders), sum(countable), count(buyer_id), sum(buyer_id IS NOT NULL AND countable >= 2), sum(paid_fen),
    CASE WHEN max(refund_known) THEN sum(paid_fen) - sum(countable_refund_fen) END,
    CASE WHEN max(refund_known) THEN sum(refund_fen) END,
    CASE WHEN max(refund_known) THEN sum(refunded) END,
    min(first_order_at), max(last_order_at)
"""
_COLUMNS = """(platform, shop, orders, countable_orders, buyers, repeat_buyers, paid_fen, net_fen, refund_fen,
               refunded_orders, first_order_at, last_order_at)"""


def refresh_summary(conn: sqlite3.Connection) -> None:
    """Recompute shop_summary: one row per (platform, shop) and a total row ('', '').

    One sorted pass aggregates the orders per (shop, buyer); the shop rows and
    the total come from that much smaller table (a buyer may buy in two shops:
    the total counts them once).
    """
    conn.execute("DELETE FROM shop_summary")
    conn.execute("DROP TABLE IF EXISTS temp.buyer_facts")
    conn.execute(
        f"""CREATE TEMP TABLE buyer_facts AS {_PER_ORDER}
        SELECT platform, shop, buyer_id, count(*) AS orders, coalesce(sum(countable), 0) AS countable,
               sum(CASE WHEN countable THEN paid_fen ELSE 0 END) AS paid_fen,
               sum(CASE WHEN countable THEN coalesce(refund_fen, 0) ELSE 0 END) AS countable_refund_fen,
               sum(coalesce(refund_fen, 0)) AS refund_fen, sum(refunded) AS refunded,
               max(refund_known) AS refund_known,
               min(created_at) AS first_order_at, max(created_at) AS last_order_at
        FROM o GROUP BY platform, shop, buyer_id"""
    )
    conn.execute(f"INSERT INTO shop_summary {_COLUMNS} "
                 f"SELECT platform, shop, {_SHOP_FIGURES} FROM buyer_facts GROUP BY platform, shop")
    conn.execute(
        f"""INSERT INTO shop_summary {_COLUMNS}
        SELECT '', '', sum(orders), sum(countable), count(DISTINCT buyer_id),
            (SELECT count(*) FROM (SELECT 1 FROM buyer_facts WHERE buyer_id IS NOT NULL
                                   GROUP BY buyer_id HAVING sum(countable) >= 2)),
            coalesce(sum(paid_fen), 0),
            CASE WHEN max(refund_known) THEN sum(paid_fen) - sum(countable_refund_fen) END,
            CASE WHEN max(refund_known) THEN sum(refund_fen) END,
            CASE WHEN max(refund_known) THEN sum(refunded) END,
            min(first_order_at), max(last_order_at)
        FROM buyer_facts"""
    )
    conn.execute("DROP TABLE temp.buyer_facts")


def write_summary(conn: sqlite3.Connection, rows: list[tuple]) -> None:
    """Replace shop_summary with rows tallied elsewhere (FiguresTally), in _COLUMNS order."""
    conn.execute("DELETE FROM shop_summary")
    conn.executemany(f"INSERT INTO shop_summary {_COLUMNS} VALUES ({', '.join('?' * 12)})", rows)


@dataclass(frozen=True)
class SummaryRow:
    platform: str  # '' on the total row
    shop: str
    orders: int
    countable_orders: int
    buyers: int
    repeat_buyers: int
    paid_fen: int
    net_fen: int | None
    refund_fen: int | None
    refunded_orders: int | None
    first_order_at: str | None
    last_order_at: str | None


def read_summary(conn: sqlite3.Connection) -> tuple[SummaryRow, list[SummaryRow]]:
    """(total, per platform/shop rows); an empty shop gives a zero total."""
    cols = ", ".join(SummaryRow.__dataclass_fields__)
    rows = [SummaryRow(*r) for r in conn.execute(f"SELECT {cols} FROM shop_summary ORDER BY platform, shop")]
    total = next((r for r in rows if r.platform == "" and r.shop == ""), None)
    if total is None:
        total = SummaryRow("", "", 0, 0, 0, 0, 0, None, None, None, None, None)
    return total, [r for r in rows if r.platform != ""]
