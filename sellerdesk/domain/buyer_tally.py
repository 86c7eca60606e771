"""Each buyer's figures (domain.buyers.BuyerFacts' counts, as buyer_stats keeps them) added up
as a first load streams past.

The twin of domain.figures for buyers: when an import fills an empty shop, every order passes
the writer once, and the buyer ids it hands out run 1, 2, 3..., so the figures are kept in
flat arrays indexed by id while the orders are written, instead of a sort of every order by
buyer afterwards (1,000,000 orders: ~2.2 s of SQL after the load, against ~1 s of Python
during it, when the other core is busy parsing anyway). The definitions are the store's
(store/buyer_stats.py); tests check the two give the same table.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence

from sellerdesk.domain.money import fen_per


class BuyerTally:
    """Orders, countable orders, paid, refunded orders, first and last countable order per buyer id.

    Memory matters (it lives through a million-order load): counts in arrays of machine
    integers, first days as one shared string per day, the last order's time as the string
    the buyer's profile also holds, titles shared down a column by the parsing process."""

    def __init__(self) -> None:
        self.orders = array("q")
        self.countable = array("q")
        self.paid = array("q")
        self.refunded = array("q")
        self.first: list[str | None] = []  # the day of the first countable order
        self.last_at: list[str | None] = []  # the latest countable order's time ('' when it has none)
        self.last_title: list[str] = []  # ...and its title ('' when none); on a tie in time, the greatest
        self._days: dict[str, str] = {}

    def _grow(self, top: int) -> None:
        more = top - len(self.orders)
        if more > 0:
            zeros = array("q", bytes(8 * more))
            for a in (self.orders, self.countable, self.paid, self.refunded):
                a.extend(zeros)
            self.first.extend([None] * more)
            self.last_at.extend([None] * more)
            self.last_title.extend([""] * more)

    def add_columns(self, buyer_ids: Sequence[int | None], countable: Sequence[bool], paid: Sequence[int | None],
                    refunded: Sequence[bool], created: Sequence[str | None], titles: Sequence[str | None]) -> None:
        """One batch of orders as columns (buyer ids of 1 and up; None: no buyer, not counted)."""
        ids = [b for b in buyer_ids if b is not None]
        if not ids:
            return
        self._grow(max(ids))
        orders, counted, paid_sum, refunds = self.orders, self.countable, self.paid, self.refunded
        first, last_at, last_title, days = self.first, self.last_at, self.last_title, self._days
        for buyer_id, is_countable, fen, is_refunded, at, title in zip(
                buyer_ids, countable, paid, refunded, created, titles):
            if buyer_id is None:
                continue
            i = buyer_id - 1
            orders[i] += 1
            if is_refunded:
                refunds[i] += 1
            if not is_countable:
                continue
            counted[i] += 1
            if fen:
                paid_sum[i] += fen
            if at is not None:
                day = at[:10]
                seen = first[i]
                if seen is None or day < seen:
                    first[i] = days.setdefault(day, day)
            # the store's max(coalesce(time, '') || char(31) || coalesce(title, ''))
            at, title = at or "", title or ""
            seen = last_at[i]
            if seen is None or at > seen or (at == seen and title > last_title[i]):
                last_at[i], last_title[i] = at, title

    def rows(self) -> Iterator[tuple]:
        """(buyer_id, orders, countable_orders, paid_fen, aov_fen, refunded_orders, first_order_day,
        last_order_day, last_item) for each buyer with an order, by id: buyer_stats' figure columns
        (made as they are written: a list of them all would cost ~50 MB at 300,000 buyers)."""
        for i, n in enumerate(self.orders):
            if not n:
                continue
            counted, paid, at, title = self.countable[i], self.paid[i], self.last_at[i], self.last_title[i]
            day = item = None
            if at is not None:  # as the store reads its key: the time's day and the title, '' as None
                day, item = at[:10] or None, title or None
            yield (i + 1, n, counted, paid, fen_per(paid, counted),
                   self.refunded[i], self.first[i], day, item)
