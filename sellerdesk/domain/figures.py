"""The shop's headline figures added up in Python as orders stream past.

Used when an import fills an empty shop: every order then passes the writer
exactly once, so the figures can be tallied on the way instead of sorting a
million rows in SQL afterwards. The definitions are those of
sellerdesk.domain.orders; the store's SQL refresh computes the same figures in
every other case, and tests check the two agree.

A bulk batch is tallied column by column (sums over compress/filter, set and
Counter updates: C-level loops, ~0.6 s of CPU per million orders where a call
per order, for its shop and again for the total, cost ~1.7 s), and only per
(platform, shop): the total row is merged from those at the end, which for the
usual one-shop file is the shop's own row.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import compress

from sellerdesk.domain.orders import OrderStatus, RefundState, is_countable

_REFUNDED = frozenset({RefundState.PARTIAL, RefundState.FULL})
# (status, refund state) of a countable order; plain strings match as the enums do (StrEnum)
_COUNTABLE = frozenset((s, r) for s in OrderStatus for r in (None, *RefundState) if is_countable(s, r))


def countable_flags(statuses: Sequence, refund_states: Sequence) -> list[bool]:
    """domain.orders.is_countable over two columns, at C speed."""
    return list(map(_COUNTABLE.__contains__, zip(statuses, refund_states)))


def refunded_flags(refund_states: Sequence) -> list[bool]:
    """A partial or full refund state, per order (a refund record counts too: the callers
    tally only loads without refund records)."""
    return list(map(_REFUNDED.__contains__, refund_states))


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
    buyers: set[int] = field(default_factory=set)  # every buyer with an order
    countable_by_buyer: Counter = field(default_factory=Counter)  # buyers with a countable order

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
            self.buyers.add(buyer_id)
            if countable:
                self.countable_by_buyer[buyer_id] += 1

    def add_columns(self, buyer_ids: Sequence, countable: list[bool], paid: Sequence, refund: Sequence,
                    refund_state: Sequence, created: Sequence) -> None:
        """The same as add() for each row of equally long columns."""
        n = len(countable)
        self.orders += n
        self.countable += sum(countable)
        self.paid += sum(filter(None, compress(paid, countable)))
        self.countable_refund += sum(filter(None, compress(refund, countable)))
        self.refund += sum(filter(None, refund))
        self.refunded += sum(map(_REFUNDED.__contains__, refund_state))
        self.refund_known = self.refund_known or refund_state.count(None) != n
        self._dates([c for c in created if c is not None])
        ids = [b is not None for b in buyer_ids]
        self.buyers.update(compress(buyer_ids, ids))
        self.countable_by_buyer.update(compress(buyer_ids, map(bool.__and__, ids, countable)))

    def _dates(self, dates: Sequence[str]) -> None:
        if dates:
            low, high = min(dates), max(dates)
            if self.first is None or low < self.first:
                self.first = low
            if self.last is None or high > self.last:
                self.last = high

    def merge(self, other: _Tally) -> None:
        for name in ("orders", "countable", "paid", "countable_refund", "refund", "refunded"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.refund_known |= other.refund_known
        self._dates([d for d in (other.first, other.last) if d is not None])
        self.buyers |= other.buyers
        self.countable_by_buyer.update(other.countable_by_buyer)

    def row(self, platform: str, shop: str) -> tuple:
        """(platform, shop, orders, countable, buyers, repeat buyers, paid, net, refunds, refunded, first, last)."""
        known = self.refund_known
        repeat = sum(1 for n in self.countable_by_buyer.values() if n >= 2)
        return (platform, shop, self.orders, self.countable, len(self.buyers), repeat, self.paid,
                self.paid - self.countable_refund if known else None, self.refund if known else None,
                self.refunded if known else None, self.first, self.last)


class FiguresTally:
    """Per (platform, shop) and in total, as shop_summary holds them."""

    def __init__(self) -> None:
        self._shops: dict[tuple[str, str], _Tally] = {}

    def _shop(self, platform: str, shop: str | None) -> _Tally:
        key = (platform, shop or "")
        tally = self._shops.get(key)
        if tally is None:
            tally = self._shops[key] = _Tally()
        return tally

    def add(self, platform: str, shop: str | None, buyer_id: int | None, status, refund_state, paid_fen,
            refund_fen, created_at) -> None:
        countable = (status, refund_state) in _COUNTABLE
        self._shop(platform, shop).add(buyer_id, countable, paid_fen or 0, refund_fen, refund_state in _REFUNDED,
                                       refund_state is not None, created_at)

    def add_batch(self, platform: str, shops: Sequence, buyer_ids: Sequence, countable: list[bool],
                  refund_states: Sequence, paid_fen: Sequence, refund_fen: Sequence, created_at: Sequence) -> None:
        """add() for every order of a batch, given as columns (countable: countable_flags())."""
        columns = (buyer_ids, countable, paid_fen, refund_fen, refund_states, created_at)
        names = set(shops)
        if len(names) == 1:  # the usual batch: one shop
            self._shop(platform, shops[0]).add_columns(*(list(c) for c in columns))
            return
        for name in names:
            rows = [i for i, s in enumerate(shops) if s == name]
            self._shop(platform, name).add_columns(*([c[i] for i in rows] for c in columns))

    def rows(self) -> list[tuple]:
        """One row per (platform, shop), then the total row ('', '')."""
        if len(self._shops) == 1:  # one shop: its row is the total
            total = next(iter(self._shops.values()))
        else:
            total = _Tally()
            for tally in self._shops.values():
                total.merge(tally)
        return [t.row(*key) for key, t in sorted(self._shops.items())] + [total.row("", "")]
