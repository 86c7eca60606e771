"""Orders, lines and refunds as every importer delivers them, and what counts.

Definitions (the numbers the whole app reports):

- **order**: one platform order number (主订单编号). The line rows of one order
  count once.
- **countable order**: paid and not closed, cancelled or fully refunded:
  status PAID, SHIPPED or COMPLETED and refund state not FULL. A partially
  refunded order stays countable at its gross paid amount.
- **buyer**: the platform's buyer account (买家会员名, 下单帐号, ...) where the
  file has one; where it has none (Pinduoduo, Douyin) the receiver name plus
  phone as written (masked or encrypted values are stable per buyer). Buyers
  are per platform: the same nick on Taobao and JD is two buyers.
- **repeat buyer (老客)**: two or more countable orders; **new buyer**: one.
- **paid total**: buyer-paid amount of countable orders, once per order.
- **net total**: paid total less successful refunds, where the files show them.
- **refunded order**: at least one successful refund (full or partial); a
  closed or withdrawn refund request is not a refund.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Platform(StrEnum):
    TAOBAO = "taobao"
    JD = "jd"
    PDD = "pdd"
    ALIBABA_1688 = "1688"
    DOUYIN = "douyin"
    GENERIC = "generic"


class OrderStatus(StrEnum):
    """Every platform's status vocabulary normalised to these."""

    UNPAID = "unpaid"  # 等待买家付款, 待支付, 等待付款
    PAID = "paid"  # paid, waiting to ship: 买家已付款，等待卖家发货, 待发货, 等待出库
    SHIPPED = "shipped"  # 卖家已发货, 已发货, 等待确认收货
    COMPLETED = "completed"  # 交易成功, 完成, 已签收, 已完成
    CLOSED = "closed"  # 交易关闭, 已取消, 已关闭, 交易取消: cancelled or closed
    ON_HOLD = "on_hold"  # JD 锁定/暂停: paid but frozen, not (yet) a sale
    DELETED = "deleted"  # JD (删除)...: a split parent whose money sits on its children


class RefundState(StrEnum):
    NONE = "none"
    PARTIAL = "partial"
    FULL = "full"


class RefundStatus(StrEnum):
    SUCCESS = "success"  # 退款成功: money went back
    CLOSED = "closed"  # 退款关闭 / 卖家拒绝 / 买家撤销: no money moved
    PENDING = "pending"  # any state in between


COUNTABLE_STATUSES: frozenset[OrderStatus] = frozenset(
    {OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.COMPLETED}
)


def is_countable(status: OrderStatus | str | None, refund_state: RefundState | str | None) -> bool:
    """Paid and not closed, cancelled or fully refunded."""
    return status in COUNTABLE_STATUSES and refund_state != RefundState.FULL


@dataclass(slots=True)
class LineRecord:
    """One item line (子订单 / SKU row) of an order."""

    line_key: str  # sub-order number, or a key stable across re-imports of the same file
    title: str | None = None
    item_id: str | None = None
    sku: str | None = None  # merchant code (商家编码)
    spec: str | None = None  # 商品属性 / 规格
    quantity: int | None = None
    unit_price_fen: int | None = None  # list unit price
    amount_fen: int | None = None  # what the buyer paid for this line, where known
    status_text: str | None = None
    refund_fen: int | None = None


@dataclass(slots=True)
class OrderRecord:
    """One order as one file knows it. None means "this file does not say".

    Files that know only part of an order (an item report, an xlsx without a
    buyer column) leave the rest None, and the store keeps what earlier files
    said: a later file fills gaps and updates what it knows.
    """

    platform: str
    order_no: str
    row: int  # first source row (1-based, header = row 1), for messages
    shop: str | None = None
    buyer_account: str | None = None
    receiver_name: str | None = None
    receiver_phone: str | None = None
    province: str | None = None
    city: str | None = None
    address: str | None = None
    status: OrderStatus | None = None
    status_text: str | None = None
    created_at: str | None = None  # ISO 'YYYY-MM-DD HH:MM:SS', local time
    paid_at: str | None = None
    goods_fen: int | None = None
    shipping_fen: int | None = None
    paid_fen: int | None = None  # buyer-paid amount for the whole order
    refund_fen: int | None = None  # successful refunds, None = the file cannot say
    refund_state: RefundState | None = None  # None = the file cannot say
    item_count: int | None = None
    title: str | None = None  # item titles summary
    lines: list[LineRecord] = field(default_factory=list)

    def buyer_key(self) -> str | None:
        return buyer_key(self.buyer_account, self.receiver_name, self.receiver_phone)


_REGIONS = frozenset({"province", "city"})


@dataclass(slots=True)
class OrderBatch:
    """Many orders of one platform as columns: the bulk import's form of OrderRecord.

    Same fields as OrderRecord, one list per field; a field a file does not
    know is absent (None for every order). The orders' lines, if any, are
    columns too: `lines` holds LineRecord's fields plus `order_no`, one list
    per field, each order's lines together and in the batch's order of orders.
    """

    platform: str
    columns: dict[str, list]
    lines: dict[str, list] = field(default_factory=dict)
    # Province and city are split from the address when first asked for (domain.address), not
    # by the parser: a batch parsed in another process then crosses to the writing one without
    # those two columns (the split costs the same on either side).
    regions_from_address: bool = False

    def __len__(self) -> int:
        return len(self.columns["order_no"])

    def column(self, name: str) -> list:
        if self.regions_from_address and name in _REGIONS:
            self._split_regions()
        return self.columns.get(name) or [None] * len(self)

    def _split_regions(self) -> None:
        from sellerdesk.domain.address import split_addresses

        self.columns["province"], self.columns["city"] = split_addresses(self.column("address"))
        self.regions_from_address = False

    def line_column(self, name: str) -> list:
        if name in self.lines:
            return self.lines[name]
        return [None] * len(self.lines.get("order_no", ()))

    def records(self) -> list[OrderRecord]:
        """The same orders as records (what the row-by-row path would have produced)."""
        if self.regions_from_address:
            self._split_regions()
        names = [n for n in OrderRecord.__slots__ if n in self.columns]
        orders = [OrderRecord(platform=self.platform, **dict(zip(names, values)))
                  for values in zip(*(self.columns[n] for n in names))]
        if self.lines:
            by_no = {r.order_no: r for r in orders}
            line_names = LineRecord.__slots__
            for order_no, *values in zip(self.lines["order_no"], *map(self.line_column, line_names)):
                by_no[order_no].lines.append(LineRecord(**dict(zip(line_names, values))))
        return orders


@dataclass(slots=True)
class RefundRecord:
    """One refund request (退款报表 row), per sub-order."""

    platform: str
    refund_no: str
    order_no: str
    row: int
    status: RefundStatus
    status_text: str | None = None
    amount_fen: int | None = None
    line_key: str | None = None
    title: str | None = None
    reason: str | None = None
    applied_at: str | None = None
    finished_at: str | None = None
    paid_fen: int | None = None
    buyer_account: str | None = None


def buyer_key(account: str | None, name: str | None, phone: str | None) -> str | None:
    """The identity of a buyer within one platform, or None when unknown."""
    if account:
        return account
    if name or phone:
        return f"{name or ''}|{phone or ''}"
    return None
