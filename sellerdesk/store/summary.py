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

from sellerdesk.domain.orders import COUNTABLE_STATUSES, RefundState

_COUNTABLE = ", ".join(f"'{s.value}'" for s in sorted(COUNTABLE_STATUSES))

_PER_ORDER = f"""
WITH r AS (
    SELECT platform, order_no,
           sum(CASE WHEN status = 'success' THEN coalesce(amount_fen, 0) ELSE 0 END) AS ok_fen,
           sum(status = 'success') AS ok_n
    FROM refunds GROUP BY platform, order_no
), o AS (
    SELECT o.platform, coalesce(o.shop, '') AS shop, o.buyer_id, o.created_at,
           coalesce(o.paid_fen, 0) AS paid_fen,
           (o.status IN ({_COUNTABLE}) AND coalesce(o.refund_state, '') != '{RefundState.FULL.value}') AS countable,
           CASE WHEN o.refund_fen IS NULL AND r.ok_fen IS NULL THEN NULL
                ELSE max(coalesce(o.refund_fen, 0), coalesce(r.ok_fen, 0)) END AS refund_fen,
           (coalesce(o.refund_state, 'none') IN ('partial', 'full') OR coalesce(r.ok_n, 0) > 0) AS refunded,
           (o.refund_state IS NOT NULL OR r.platform IS NOT NULL) AS refund_known
    FROM orders o LEFT JOIN r ON r.platform = o.platform AND r.order_no = o.order_no
)
"""

_FIGURES = """
    count(*) AS orders,
    coalesce(sum(countable), 0) AS countable_orders,
    count(DISTINCT buyer_id) AS buyers,
    coalesce(sum(CASE WHEN countable THEN paid_fen ELSE 0 END), 0) AS paid_fen,
    CASE WHEN max(refund_known) THEN sum(CASE WHEN countable THEN paid_fen - coalesce(refund_fen, 0) ELSE 0 END) END AS net_fen,
    CASE WHEN max(refund_known) THEN sum(coalesce(refund_fen, 0)) END AS refund_fen,
    CASE WHEN max(refund_known) THEN sum(refunded) END AS refunded_orders,
    min(created_at) AS first_order_at,
    max(created_at) AS last_order_at
"""


def refresh_summary(conn: sqlite3.Connection) -> None:
    """Recompute shop_summary: one row per (platform, shop) and a total row ('', '')."""
    conn.execute("DELETE FROM shop_summary")
    conn.execute("DROP TABLE IF EXISTS temp.order_facts")
    conn.execute(f"CREATE TEMP TABLE order_facts AS {_PER_ORDER} SELECT * FROM o")
    conn.execute(
        f"""INSERT INTO shop_summary
            (platform, shop, orders, countable_orders, buyers, paid_fen, net_fen, refund_fen,
             refunded_orders, first_order_at, last_order_at, repeat_buyers)
        SELECT platform, shop, {_FIGURES},
               (SELECT count(*) FROM (SELECT 1 FROM order_facts f WHERE f.platform = g.platform
                  AND f.shop = g.shop AND f.countable AND f.buyer_id IS NOT NULL
                  GROUP BY f.buyer_id HAVING count(*) >= 2))
        FROM order_facts g GROUP BY platform, shop"""
    )
    conn.execute(
        f"""INSERT INTO shop_summary
            (platform, shop, orders, countable_orders, buyers, paid_fen, net_fen, refund_fen,
             refunded_orders, first_order_at, last_order_at, repeat_buyers)
        SELECT '', '', {_FIGURES},
               (SELECT count(*) FROM (SELECT 1 FROM order_facts f WHERE f.countable AND f.buyer_id IS NOT NULL
                  GROUP BY f.buyer_id HAVING count(*) >= 2))
        FROM order_facts"""
    )
    conn.execute("DROP TABLE temp.order_facts")


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
