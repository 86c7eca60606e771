"""What happens to a demo order after it is placed: payment, shipping, refunds, JD splits.

Statuses follow the order's age at export time: unpaid orders close after a
day (Taobao, JD: three days; 1688: a week); paid orders ship within two days (longer at peaks) and
are confirmed 3-10 days later. Refunds are drawn only where the platform's
order export can show them (see shop_model's docstring).
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, time, timedelta

from sellerdesk.demo.pools import CARRIERS
from sellerdesk.demo.seasons import festival_factor
from sellerdesk.domain.orders import OrderStatus, RefundState, RefundStatus

EXPORT_TIME = time(23, 30)
REFUND_TEXT = {
    RefundStatus.SUCCESS: "退款成功",
    RefundStatus.CLOSED: "退款关闭",
    RefundStatus.PENDING: "买家已经申请退款，等待卖家同意",
}
REASONS_BEFORE_SHIPPING = ("拍错/多拍/不想要", "协商一致退款", "未按约定时间发货", "地址/电话信息填写错误")
REASONS_AFTER_SHIPPING = (
    "七天无理由退换货", "不喜欢/效果不好", "尺寸/容量与商品描述不符", "质量问题", "少件/漏发", "发错货",
    "商品破损/有污渍",
)
PRICE_DIFFERENCE = "商品降价（价格保护）"


def run(order, rng: random.Random, now: datetime, ids, gifts) -> None:
    """Payment, shipping, confirmation and refunds of one order, as of `now`."""
    p = order.platform
    created = order.created_at
    window = timedelta(days=7 if p == "1688" else 3 if p in ("taobao", "jd") else 1)
    recent = now - created < window  # carts left unpaid lately still wait (催付 targets)
    if rng.random() < (0.2 if recent else 0.04 if p == "pdd" else 0.06):
        if now - created < window:
            order.status = OrderStatus.UNPAID
        else:
            order.status = OrderStatus.CLOSED
            order.close_reason = rng.choice(("买家未付款", "超时未付款，交易自动关闭", "买家不想买了"))
            order.finished_at = created + window
        return
    order.paid_at = min(created + timedelta(seconds=rng.randint(8, 1200)), now - timedelta(minutes=1))
    if p == "jd" and rng.random() < 0.006:
        order.status = OrderStatus.ON_HOLD  # 锁定: paid, held by the platform
        return
    peak = festival_factor(created.date()) >= 2.0
    shipped = order.paid_at + timedelta(hours=rng.uniform(24, 110) if peak else rng.uniform(3, 46))
    confirmed = shipped + timedelta(days=rng.uniform(2.5, 10))
    if shipped > now:
        order.status = OrderStatus.PAID
    else:
        _ship(order, shipped, rng, ids)
        if confirmed > now:
            order.status = OrderStatus.SHIPPED
        else:
            order.status = OrderStatus.COMPLETED
            order.finished_at = confirmed
    if rng.random() < 0.08:
        order.message = rng.choice(("请尽快发货，谢谢", "送人的，不要放价格单", "麻烦包装结实一点", "周末送货"))
    if p not in ("jd", "1688"):
        _refunds(order, rng, now, ids, peak)


def _ship(order, at: datetime, rng: random.Random, ids) -> None:
    carrier, prefix = rng.choice(CARRIERS)
    order.shipped_at, order.carrier, order.tracking_no = at, carrier, ids.tracking_no(prefix)


def _refunds(order, rng: random.Random, now: datetime, ids, peak: bool) -> None:
    p = order.platform
    r = rng.random()
    full = 0.035 * (1.6 if peak else 1.0)
    partial = full + (0.03 if p in ("taobao", "douyin") else 0.0)
    closed = partial + 0.015
    pending = closed + (0.03 if p in ("taobao", "pdd") and order.status != OrderStatus.COMPLETED else 0.0)
    if r < full:
        _full_refund(order, rng, now, ids)
    elif r < partial:
        _partial_refund(order, rng, now, ids)
    elif r < pending:
        status = RefundStatus.CLOSED if r < closed else RefundStatus.PENDING
        line = rng.choice([ln for ln in order.lines if not ln.gift])
        after_sale = order.shipped_at is not None
        applied = (order.shipped_at or order.paid_at) + timedelta(hours=rng.uniform(2, 90))
        if applied >= now:
            return
        finished = applied + timedelta(hours=rng.uniform(1, 72)) if status == RefundStatus.CLOSED else None
        if finished is not None and finished >= now:
            return
        reasons = REASONS_AFTER_SHIPPING if after_sale else REASONS_BEFORE_SHIPPING
        order.refunds.append(_case(ids, line, line.amount_fen, status, rng.choice(reasons), applied, finished,
                                   after_sale, returned=False))
        line.after_sale = "closed" if status == RefundStatus.CLOSED else "pending"


def _full_refund(order, rng: random.Random, now: datetime, ids) -> None:
    before_shipping = order.shipped_at is None or rng.random() < 0.45
    if before_shipping:
        applied = order.paid_at + timedelta(hours=rng.uniform(0.2, 20))
    else:
        applied = order.shipped_at + timedelta(days=rng.uniform(1, 6))
    finished = applied + timedelta(hours=rng.uniform(0.5, 48))
    if finished >= now:
        return
    if before_shipping:
        order.shipped_at = order.carrier = order.tracking_no = None
    reasons = REASONS_BEFORE_SHIPPING if before_shipping else REASONS_AFTER_SHIPPING
    reason = rng.choice(reasons)
    shipping_left = order.shipping_fen
    for line in order.lines:
        line.closed = True
        if line.gift:
            continue
        amount = line.amount_fen + shipping_left
        shipping_left = 0
        order.refunds.append(_case(ids, line, amount, RefundStatus.SUCCESS, reason, applied, finished,
                                   not before_shipping, returned=not before_shipping))
        line.refund_fen, line.after_sale = amount, "success"
    order.status = OrderStatus.CLOSED
    order.refund_state = RefundState.FULL
    order.finished_at = finished
    order.close_reason = "退款"


def _partial_refund(order, rng: random.Random, now: datetime, ids) -> None:
    if order.shipped_at is None:
        return
    paying = [ln for ln in order.lines if not ln.gift]
    line = rng.choice(paying)
    closes_line = False
    if line.quantity >= 2:
        amount, reason = line.amount_fen // line.quantity, rng.choice(REASONS_AFTER_SHIPPING)
    elif len(paying) >= 2:
        amount, reason, closes_line = line.amount_fen, rng.choice(REASONS_AFTER_SHIPPING), True
    elif order.platform == "taobao" and line.amount_fen > 1100:
        amount, reason = min(line.amount_fen - 100, rng.choice((500, 1000, 2000, 3000))), PRICE_DIFFERENCE
    else:
        return
    applied = order.shipped_at + timedelta(days=rng.uniform(1, 7))
    finished = applied + timedelta(hours=rng.uniform(1, 72))
    if finished >= now or amount <= 0:
        return
    order.refunds.append(_case(ids, line, amount, RefundStatus.SUCCESS, reason, applied, finished, True,
                               returned=closes_line))
    line.refund_fen, line.after_sale, line.closed = amount, "success", closes_line
    order.refund_state = RefundState.PARTIAL


def _case(ids, line, amount: int, status: RefundStatus, reason: str, applied: datetime,
          finished: datetime | None, after_sale: bool, returned: bool):
    from sellerdesk.demo.shop_model import RefundCase

    return RefundCase(ids.refund_no(), line, amount, status, REFUND_TEXT[status], reason, applied, finished,
                      after_sale, returned)


def split_jd(order, rng: random.Random, now: datetime, ids) -> list:
    """Split a paid JD order (拆单): the parent becomes `(删除)...`, its money moves to the children."""
    from sellerdesk.demo.shop_model import Order

    if order.status not in (OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.COMPLETED):
        return []
    k = rng.randint(1, len(order.lines) - 1)
    children = []
    for n, group in enumerate((order.lines[:k], order.lines[k:])):
        child = Order(
            "jd", ids.order_no("jd", order.created_at), order.shop, order.buyer, order.created_at,
            [replace(ln) for ln in group], shipping_fen=order.shipping_fen if n == 0 else 0,
            paid_at=order.paid_at, status=order.status, finished_at=order.finished_at, message=order.message,
        )
        child.discount_fen = child.list_fen - child.goods_fen
        if order.shipped_at is not None:
            _ship(child, order.shipped_at + timedelta(minutes=rng.randint(0, 300)), rng, ids)
            if child.shipped_at > now:
                child.shipped_at = order.shipped_at
        children.append(child)
    order.note = "订单拆分为  " + "    ".join(c.order_no for c in children)
    order.split_status = OrderStatus.PAID
    order.status = OrderStatus.DELETED
    order.shipped_at = order.carrier = order.tracking_no = order.finished_at = None
    return children
