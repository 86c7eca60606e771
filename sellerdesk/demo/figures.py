"""The shop's headline figures computed straight from the model, by domain/orders.py's definitions.

Independent of ingest and store: the demo tests compare these with what the
store reports after importing the export files, which checks the whole
import path (writers, parsers, writer, summary) end to end.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sellerdesk.domain.orders import RefundState, RefundStatus, is_countable

# Platforms whose order exports say nothing about refunds (their figures stay unknown).
NO_REFUND_INFO = frozenset({"jd", "1688"})


@dataclass(frozen=True)
class Figures:
    orders: int
    countable_orders: int
    buyers: int
    repeat_buyers: int
    paid_fen: int
    refunded_orders: int | None  # None where no file can say (JD, 1688 alone)
    net_fen: int | None  # paid total less the refunds whose amounts the files show

    def as_dict(self) -> dict[str, int]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def expected_figures(model, platform: str | None = None, shop: str | None = None) -> Figures:
    """Figures over all orders, or one platform / one (platform, shop)."""
    orders = [o for o in model.orders
              if (platform is None or o.platform == platform) and (shop is None or o.shop == shop)]
    buyers: set[tuple[str, str]] = set()
    countable_per_buyer: Counter[tuple[str, str]] = Counter()
    countable = paid = refunded = refunds_shown = 0
    for o in orders:
        key = o.buyer_key()
        if key is not None:
            buyers.add((o.platform, key))
        ok = is_countable(o.status, o.refund_state)
        if ok:
            countable += 1
            paid += o.paid_fen
            refunds_shown += refund_shown_fen(o)
            if key is not None:
                countable_per_buyer[(o.platform, key)] += 1
        if o.refund_state in (RefundState.PARTIAL, RefundState.FULL) or any(
                r.status == RefundStatus.SUCCESS for r in o.refunds):
            refunded += 1
    refunds_known = any(o.platform not in NO_REFUND_INFO for o in orders)
    return Figures(
        orders=len(orders),
        countable_orders=countable,
        buyers=len(buyers),
        repeat_buyers=sum(1 for n in countable_per_buyer.values() if n >= 2),
        paid_fen=paid,
        refunded_orders=refunded if refunds_known else None,
        net_fen=paid - refunds_shown if refunds_known else None,
    )


def refund_shown_fen(order) -> int:
    """The refunded amount an order's export files show.

    Taobao shows every amount (退款金额, 退款报表). Douyin shows none, but a
    line that reads 已关闭 + 退款成功 was refunded in full, so its amount is
    known; a line refunded in part (still 已完成) leaves the order's refund
    unknown. Pinduoduo shows full refunds only (by status), JD and 1688 none.
    """
    if order.platform == "taobao":
        return order.refund_fen
    if order.platform == "douyin":
        refunded = [ln for ln in order.lines if ln.after_sale == "success"]
        if refunded and all(ln.closed for ln in refunded):
            return sum(ln.amount_fen for ln in refunded)
    return 0


def spend_share_of_top(model, share: float = 0.2) -> float:
    """Share of the paid total spent by the top `share` of buyers (the 80/20 check)."""
    spend: Counter[tuple[str, str]] = Counter()
    for o in model.orders:
        key = o.buyer_key()
        if key is not None and is_countable(o.status, o.refund_state):
            spend[(o.platform, key)] += o.paid_fen
    values = sorted(spend.values(), reverse=True)
    top = values[: max(1, round(len(values) * share))]
    return sum(top) / max(sum(values), 1)
