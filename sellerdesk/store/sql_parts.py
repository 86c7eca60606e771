"""SQL pieces every store module writes alike: a countable order (domain.orders.is_countable)
as a condition, IN lists cut under SQLite's parameter limit, LIKE patterns taken literally."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sellerdesk.domain.orders import COUNTABLE_STATUSES, RefundState

_STATUSES = ", ".join(f"'{s.value}'" for s in sorted(COUNTABLE_STATUSES))
FULL_REFUND = RefundState.FULL.value
CHUNK = 900  # ids per IN (...) list: under SQLite's parameter limit everywhere


def countable(alias: str = "o") -> str:
    """The condition that an orders row (as `alias`) is a countable order."""
    return f"({alias}.status IN ({_STATUSES}) AND coalesce({alias}.refund_state, '') != '{FULL_REFUND}')"


def chunks(items: Sequence) -> Iterator[Sequence]:
    """items in slices of at most CHUNK, one IN (...) list each."""
    items = list(items)
    for i in range(0, len(items), CHUNK):
        yield items[i:i + CHUNK]


def escape_like(text: str) -> str:
    """text matched literally by LIKE ... ESCAPE '\\'."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


__all__ = ["CHUNK", "FULL_REFUND", "chunks", "countable", "escape_like"]
