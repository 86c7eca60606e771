"""One buyer's figures as of a date: what every customer group is decided on.

The store keeps these per buyer (table buyer_stats), refreshed after every
import, and computes them again for an earlier "as of" date when asked.
Only orders created on or before the as-of date count. First and last order
are the days of the first and last *countable* order (see domain.orders).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sellerdesk.domain.money import fen_per


@dataclass(frozen=True, slots=True)
class BuyerFacts:
    buyer_id: int
    platform: str
    account: str | None = None
    name: str | None = None
    phone: str | None = None
    province: str | None = None
    city: str | None = None
    orders: int = 0  # orders of any status
    countable_orders: int = 0
    paid_fen: int = 0  # paid total of the countable orders
    refunded_orders: int = 0  # orders with at least one successful refund
    first_order_day: str | None = None  # 'YYYY-MM-DD' of the first countable order
    last_order_day: str | None = None  # 'YYYY-MM-DD' of the last countable order
    last_item: str | None = None  # item title of the last countable order
    # Used only where a rule asks for them (custom groups on items and tags):
    titles: tuple[str, ...] = ()
    skus: tuple[str, ...] = ()
    tags: frozenset[str] = field(default_factory=frozenset)

    @property
    def aov_fen(self) -> int | None:
        """Average order value (客单价), rounded half up to the fen; None with no countable order."""
        return aov_fen(self.paid_fen, self.countable_orders)

    def days_since_last(self, as_of: date) -> int | None:
        return None if self.last_order_day is None else (as_of - date.fromisoformat(self.last_order_day)).days

    def days_since_first(self, as_of: date) -> int | None:
        return None if self.first_order_day is None else (as_of - date.fromisoformat(self.first_order_day)).days


def aov_fen(paid_fen: int, countable_orders: int) -> int | None:
    """The same rounding as BuyerFacts.aov_fen, for totals of a group."""
    return fen_per(paid_fen, countable_orders)
