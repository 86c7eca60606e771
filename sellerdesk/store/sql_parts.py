"""SQL pieces every store module writes alike: a countable order (domain.orders.is_countable)
as a condition, IN lists cut under SQLite's parameter limit, LIKE patterns taken literally, and
rows sent many to a statement (MultiRow)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from itertools import chain

from sellerdesk.domain.orders import COUNTABLE_STATUSES, RefundState

_STATUSES = ", ".join(f"'{s.value}'" for s in sorted(COUNTABLE_STATUSES))
FULL_REFUND = RefundState.FULL.value
CHUNK = 900  # ids per IN (...) list: under SQLite's parameter limit everywhere
_MAX_VARIABLES = 32766 if sqlite3.sqlite_version_info >= (3, 32) else 999


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


class MultiRow:
    """A statement with one VALUES (?, ...) group, and its twin with the group repeated `per` times
    (fewer under SQLite's parameter limit). run() sends whole groups of rows through the twin and
    the rest one by one: the same rows in the same order, each as the single-row statement would
    run it (upserts included), crossing from Python into SQLite once per `per` rows. executemany()
    takes the GIL back for every statement; beside a busy thread each hand-over waits."""

    def __init__(self, sql: str, columns: int, per: int):
        self.one = sql
        self.per = max(1, min(per, _MAX_VARIABLES // columns))
        group = sql[sql.index("VALUES (") + len("VALUES "):]
        group = group[:group.index(")") + 1]
        self.many = sql.replace(group, ", ".join([group] * self.per), 1)

    def run(self, conn: sqlite3.Connection, rows: list[tuple]) -> None:
        whole = len(rows) - len(rows) % self.per
        if whole:
            groups = zip(*[iter(rows[:whole])] * self.per)
            conn.executemany(self.many, map(tuple, map(chain.from_iterable, groups)))
        if whole < len(rows):
            conn.executemany(self.one, rows[whole:])


__all__ = ["CHUNK", "FULL_REFUND", "MultiRow", "chunks", "countable", "escape_like"]
