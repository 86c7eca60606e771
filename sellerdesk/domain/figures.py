"""The shop's headline figures added up in Python as orders stream past.

Used when an import fills an empty shop: every order then passes the writer
exactly once, so the figures can be tallied on the way (a dict update per
order) instead of sorting a million rows in SQL afterwards. The definitions
are those of sellerdesk.domain.orders; the store's SQL refresh computes the
same figures in every other case, and tests check the two agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sellerdesk.domain.orders import COUNTABLE_STATUSES, RefundState

_REFUNDED = frozenset({RefundState.PARTIAL, RefundState.FULL})


@dataclass
class _Tally:
    orders: int = 0
    countable: int = 0
    paid: int = 0
    countable_refund: int = 0
    refund: int = 0
    refunded: int = 0
    refund_known: bool = False
    first: str | None = None
    last: str | None = None
    countable_by_buyer: dict[int, int] = field(default_factory=dict)

    def add(self, buyer_id, countable: bool, paid: int, refund: int | None, refunded: bool, known: bool,
            created: str | None) -> None:
        self.orders += 1
        if countable:
            self.countable += 1
            self.paid += paid
            self.countable_refund += refund or 0
        self.refund += refund or 0
        self.refunded += refunded
        self.refund_known |= known
        if created is not None:
            if self.first is None or created < self.first:
                self.first = created
            if self.last is None or created > self.last:
                self.last = created
        if buyer_id is not None:
            by_buyer = self.countable_by_buyer
            by_buyer[buyer_id] = by_buyer.get(buyer_id, 0) + countable

    def row(self, platform: str, shop: str) -> tuple:
        """(platform, shop, orders, countable, buyers, repeat buyers, paid, net, refunds, refunded, first, last)."""
        known = self.refund_known
        repeat = sum(1 for n in self.countable_by_buyer.values() if n >= 2)
        return (platform, shop, self.orders, self.countable, len(self.countable_by_buyer), repeat, self.paid,
                self.paid - self.countable_refund if known else None, self.refund if known else None,
                self.refunded if known else None, self.first, self.last)


class FiguresTally:
    """Per (platform, shop) and in total, as shop_summary holds them."""

    def __init__(self) -> None:
        self._shops: dict[tuple[str, str], _Tally] = {}
        self._total = _Tally()

    @property
    def orders(self) -> int:
        return self._total.orders

    def add(self, platform: str, shop: str | None, buyer_id: int | None, status, refund_state, paid_fen,
            refund_fen, created_at) -> None:
        countable = status in COUNTABLE_STATUSES and refund_state != RefundState.FULL
        values = (buyer_id, countable, paid_fen or 0, refund_fen, refund_state in _REFUNDED,
                  refund_state is not None, created_at)
        key = (platform, shop or "")
        tally = self._shops.get(key)
        if tally is None:
            tally = self._shops[key] = _Tally()
        tally.add(*values)
        self._total.add(*values)

    def rows(self) -> list[tuple]:
        """One row per (platform, shop), then the total row ('', '')."""
        return [t.row(*key) for key, t in sorted(self._shops.items())] + [self._total.row("", "")]
