"""Bulk writing of one file's records: upserts that merge, never duplicate.

Every incoming value that is None means "this file does not say" and keeps
what the store has (COALESCE); a row is rewritten only when a known value
differs, so re-importing the same file writes nothing. Buyers are resolved in
memory; each batch's new buyers are inserted just before its orders, and a
buyer's profile (name, phone, region) follows their latest order.
This is the million-row path: it uses the raw connection and executemany.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import repeat
from operator import attrgetter

from sellerdesk.domain.buyer_tally import BuyerTally
from sellerdesk.domain.figures import FiguresTally, countable_flags, refunded_flags
from sellerdesk.domain.orders import OrderBatch, OrderRecord, RefundRecord, buyer_key
from sellerdesk.store.migrations import ORDER_INDEXES
from sellerdesk.store.sql_parts import MultiRow

# Record attributes stored as they are (one attrgetter call per record), then
# the two the writer adds.
ORDER_FIELDS = (
    "platform", "order_no", "shop", "receiver_name", "receiver_phone", "province", "city", "address",
    "status", "status_text", "created_at", "paid_at", "goods_fen", "shipping_fen", "paid_fen",
    "refund_fen", "refund_state", "item_count", "title",
)
ORDER_COLUMNS = (*ORDER_FIELDS, "buyer_id", "import_id")
_order_values = attrgetter(*ORDER_FIELDS)
LINE_COLUMNS = (
    "platform", "order_no", "line_key", "title", "item_id", "sku", "spec", "quantity", "unit_price_fen",
    "amount_fen", "status_text", "refund_fen", "import_id",
)
LINE_FIELDS = LINE_COLUMNS[1:-1]  # what a batch's line columns give (platform and import_id are the writer's)
REFUND_COLUMNS = (
    "platform", "refund_no", "order_no", "line_key", "status", "status_text", "amount_fen", "title",
    "reason", "applied_at", "finished_at", "import_id",
)


def _upsert_sql(table: str, columns: tuple[str, ...], key: tuple[str, ...]) -> str:
    merged = [c for c in columns if c not in key and c != "import_id"]
    sets = ", ".join(f"{c} = coalesce(excluded.{c}, {table}.{c})" for c in merged)
    changed = " OR ".join(f"(excluded.{c} IS NOT NULL AND excluded.{c} IS NOT {table}.{c})" for c in merged)
    marks = ", ".join("?" * len(columns))
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}) "
        f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {sets}, import_id = excluded.import_id "
        f"WHERE {changed}"
    )


ORDER_UPSERT = _upsert_sql("orders", ORDER_COLUMNS, ("platform", "order_no"))
LINE_UPSERT = _upsert_sql("order_lines", LINE_COLUMNS, ("platform", "order_no", "line_key"))
REFUND_UPSERT = _upsert_sql("refunds", REFUND_COLUMNS, ("platform", "refund_no"))
BUYER_INSERT = ("INSERT INTO buyers (id, platform, buyer_key, account, name, phone, province, city, profile_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
BATCH = 5000
# Rows per statement (sql_parts.MultiRow): needed by the writer thread, whose executemany() of
# single rows took 2.3x as long beside the parsing thread.
ROWS_PER_STATEMENT = 32


_STATEMENTS = {
    "orders": MultiRow(ORDER_UPSERT, len(ORDER_COLUMNS), ROWS_PER_STATEMENT),
    "order_lines": MultiRow(LINE_UPSERT, len(LINE_COLUMNS), ROWS_PER_STATEMENT),
    "refunds": MultiRow(REFUND_UPSERT, len(REFUND_COLUMNS), ROWS_PER_STATEMENT),
    "buyers": MultiRow(BUYER_INSERT, 9, ROWS_PER_STATEMENT),
}


@dataclass
class WriteCounts:
    orders_added: int = 0
    orders_updated: int = 0
    lines_added: int = 0
    lines_updated: int = 0
    refunds_added: int = 0
    refunds_updated: int = 0
    buyers_added: int = 0


class OrderWriter:
    """Writes records of one import inside the caller's transaction."""

    def __init__(self, conn: sqlite3.Connection, import_id: int):
        self.conn = conn
        self.import_id = import_id
        self._orders: list[tuple] = []
        self._lines: list[tuple] = []
        self._refunds: list[tuple] = []
        self._max = {t: self._max_id(t) for t in ("orders", "order_lines", "refunds")}
        self._bulk = self._max["orders"] == 0  # an empty shop: ids start at 1
        if self._bulk:
            for name in ORDER_INDEXES:
                conn.execute(f"DROP INDEX IF EXISTS {name}")
        # Into an empty shop every order passes here once: its figures are tallied on the way.
        self._tally = FiguresTally() if self._bulk else None
        self._changes = {"orders": 0, "order_lines": 0, "refunds": 0}
        self._buyer_ids: dict[str, dict[str, int]] = {}
        self._next_buyer = self._max_id("buyers") + 1
        self._first_new_buyer = self._next_buyer
        # ...and, where every buyer is new too (ids from 1), the buyers' figures (buyer_stats)
        self._buyer_tally = BuyerTally() if self._bulk and self._next_buyer == 1 else None
        self._orders_seen = 0
        self._new_buyers: list[tuple] = []  # allocated, not yet inserted
        # buyer id -> (profile_at, account, name, phone, province, city), the latest seen
        self._profiles: dict[int, tuple] = {}
        self._stale: set[int] = set()  # buyers whose stored profile may be older than the latest seen

    def _max_id(self, table: str) -> int:
        return self.conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]

    def add(self, record: OrderRecord | RefundRecord | OrderBatch) -> None:
        if isinstance(record, OrderBatch):
            self._add_batch(record)
        elif isinstance(record, RefundRecord):
            self._add_refund(record)
        else:
            self._add_order(record)
        if len(self._orders) >= BATCH or len(self._lines) >= BATCH or len(self._refunds) >= BATCH:
            self.flush()

    def _add_order(self, r: OrderRecord) -> None:
        self._orders_seen += 1
        buyer_id = self._buyer_id(r)
        self._orders.append((*_order_values(r), buyer_id, self.import_id))
        if self._tally is not None:
            self._tally.add(r.platform, r.shop, buyer_id, r.status, r.refund_state, r.paid_fen, r.refund_fen,
                            r.created_at)
        if self._buyer_tally is not None:
            self._buyer_tally.add_columns((buyer_id,), countable_flags((r.status,), (r.refund_state,)), (r.paid_fen,),
                                          refunded_flags((r.refund_state,)), (r.created_at,), (r.title,))
        for ln in r.lines:
            self._lines.append((
                r.platform, r.order_no, ln.line_key, ln.title, ln.item_id, ln.sku, ln.spec, ln.quantity,
                ln.unit_price_fen, ln.amount_fen, ln.status_text, ln.refund_fen, self.import_id,
            ))

    def _add_batch(self, b: OrderBatch) -> None:
        """The columnar twin of _add_order (lines too): the same rows, built with C-level zips."""
        n = len(b)
        self._orders_seen += n
        columns = [b.column(f) for f in ORDER_FIELDS[1:]]
        buyer_ids = self._batch_buyer_ids(b, n)
        self._orders.extend(zip(repeat(b.platform, n), *columns, buyer_ids, repeat(self.import_id, n)))
        if self._tally is not None or self._buyer_tally is not None:
            states = b.column("refund_state")
            countable = countable_flags(b.column("status"), states)
            if self._tally is not None:
                self._tally.add_batch(b.platform, b.column("shop"), buyer_ids, countable, states, b.column("paid_fen"),
                                      b.column("refund_fen"), b.column("created_at"))
            if self._buyer_tally is not None:
                self._buyer_tally.add_columns(buyer_ids, countable, b.column("paid_fen"), refunded_flags(states),
                                              b.column("created_at"), b.column("title"))
        if b.lines:
            lines = [b.line_column(f) for f in LINE_FIELDS]
            k = len(lines[0])
            self._lines.extend(zip(repeat(b.platform, k), *lines, repeat(self.import_id, k)))

    def _batch_buyer_ids(self, b: OrderBatch, n: int) -> list[int | None]:
        accounts, names, phones = b.column("buyer_account"), b.column("receiver_name"), b.column("receiver_phone")
        return self._resolve_buyers(b.platform, map(buyer_key, accounts, names, phones), b.column("created_at"),
                                    b.column("paid_at"), accounts, names, phones, b.column("province"),
                                    b.column("city"))

    def _add_refund(self, r: RefundRecord) -> None:
        self._refunds.append((
            r.platform, r.refund_no, r.order_no, r.line_key, r.status, r.status_text, r.amount_fen,
            r.title, r.reason, r.applied_at, r.finished_at, self.import_id,
        ))

    def _buyer_id(self, r: OrderRecord) -> int | None:
        return self._resolve_buyers(r.platform, (r.buyer_key(),), (r.created_at,), (r.paid_at,), (r.buyer_account,),
                                    (r.receiver_name,), (r.receiver_phone,), (r.province,), (r.city,))[0]

    def _ids(self, platform: str) -> dict[str, int]:
        """The platform's buyer ids by key, loaded on first use."""
        ids = self._buyer_ids.get(platform)
        if ids is None:
            ids = self._buyer_ids[platform] = dict(
                self.conn.execute("SELECT buyer_key, id FROM buyers WHERE platform = ?", (platform,))
            )
        return ids

    def _resolve_buyers(self, platform: str, keys, created, paid_at, accounts, names, phones, provinces,
                        cities) -> list[int | None]:
        """Each order's buyer id (a new buyer gets the next one; None without a buyer key), given
        as columns, remembering the profile of each buyer's latest order: one loop, no method
        call per order (a million of them per big import)."""
        ids, profiles, stale, new = self._ids(platform), self._profiles, self._stale, self._new_buyers
        next_id = self._next_buyer
        out: list[int | None] = []
        append = out.append
        for key, made, paid, account, name, phone, province, city in zip(
                keys, created, paid_at, accounts, names, phones, provinces, cities):
            if key is None:
                append(None)
                continue
            at = made or paid or ""
            buyer_id = ids.get(key)
            if buyer_id is None:
                buyer_id = ids[key] = next_id
                next_id += 1
                new.append((buyer_id, platform, key, account, name, phone, province, city, at or None))  # as first seen
            else:
                seen = profiles.get(buyer_id)
                if seen is not None and at < seen[0]:
                    append(buyer_id)
                    continue
                stale.add(buyer_id)
            profiles[buyer_id] = (at, account, name, phone, province, city)
            append(buyer_id)
        self._next_buyer = next_id
        return out

    def flush(self) -> None:
        if self._new_buyers:  # parents first: the orders below refer to them
            _STATEMENTS["buyers"].run(self.conn, self._new_buyers)
            self._new_buyers.clear()
        for table, rows in (("orders", self._orders), ("order_lines", self._lines), ("refunds", self._refunds)):
            if rows:
                before = self.conn.total_changes
                _STATEMENTS[table].run(self.conn, rows)
                self._changes[table] += self.conn.total_changes - before
                rows.clear()

    def finish(self) -> WriteCounts:
        """Flush, write buyers, and count what was added and what was updated. A bulk load's
        secondary indexes are left for build_order_indexes() after the commit (the figures read
        every order first, which the indexes would only make slower)."""
        self.flush()
        self._write_buyers()
        # Nothing more is added: let go of the buyers' keys and profiles before the index builds
        # and the figures' sorts, where a big import peaks (1M orders: 403 -> 364 MB).
        self._buyer_ids, self._profiles, self._stale = {}, {}, set()
        counts = WriteCounts(buyers_added=self._next_buyer - self._first_new_buyer)
        for table, prefix in (("orders", "orders"), ("order_lines", "lines"), ("refunds", "refunds")):
            # into an empty table, count(*) alone: SQLite counts the smallest index's entries
            # instead of reading every new row (1M orders: ~0.1 s)
            since = " WHERE id > ?" if self._max[table] else ""
            args = (self._max[table],) if since else ()
            added = self.conn.execute(f"SELECT count(*) FROM {table}{since}", args).fetchone()[0]
            setattr(counts, f"{prefix}_added", added)
            setattr(counts, f"{prefix}_updated", self._changes[table] - added)
        return counts

    def tallied_summary(self, counts: WriteCounts) -> list[tuple] | None:
        """The shop_summary rows tallied during a load into an empty shop, when exact (_exact);
        None otherwise: the caller refreshes the summary in SQL. Asked once: the tally is let go."""
        tally, self._tally = self._tally, None
        return tally.rows() if tally is not None and self._exact(counts) else None

    def tallied_buyer_stats(self, counts: WriteCounts) -> Iterator[tuple] | None:
        """buyer_stats' figure rows tallied during a first load (every buyer new), when exact;
        None otherwise: the caller refreshes buyer_stats in SQL. Asked once: the tally is let go."""
        tally, self._buyer_tally = self._buyer_tally, None
        return tally.rows() if tally is not None and self._exact(counts) else None

    def _exact(self, counts: WriteCounts) -> bool:
        """Whether figures tallied on the way are the store's: no refund records to join, and every
        order seen stored once (no order repeated in the file)."""
        return not self._max["refunds"] and not counts.refunds_added and counts.orders_added == self._orders_seen

    def _write_buyers(self) -> None:
        """Give each buyer the profile of their latest order, where it is newer than the stored one.
        A buyer added by this import whose first order seen was their latest (every buyer of an
        export sorted newest first) is already stored so, and is not asked again."""
        profiles = self._profiles
        self.conn.executemany(
            "UPDATE buyers SET account = coalesce(?2, account), name = coalesce(?3, name), "
            "phone = coalesce(?4, phone), province = coalesce(?5, province), city = coalesce(?6, city), "
            "profile_at = ?1 "
            "WHERE id = ?7 AND (profile_at IS NULL OR profile_at < ?1)",
            ((at or None, *rest, bid) for bid in self._stale for at, *rest in (profiles[bid],)),
        )


@contextmanager
def foreign_key_checks_off_for_a_first_load(conn: sqlite3.Connection) -> Iterator[None]:
    """Around an import's transaction: when the shop has no orders yet, SQLite's foreign key
    checks are off for it. Every order's buyer and import row are then written
    by the same OrderWriter in the same transaction, so the checks cannot fail; they cost a
    lookup of each order's buyer and import (~3 s of 1,000,000 orders' ~9 s of writing). The
    pragma only acts outside a transaction, hence the check before it starts; tests run
    PRAGMA foreign_key_check after such loads."""
    empty = conn.execute("SELECT 1 FROM orders LIMIT 1").fetchone() is None
    was_on = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    if empty and was_on:
        conn.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        if empty and was_on:
            conn.execute("PRAGMA foreign_keys = ON")


@contextmanager
def two_sorters(conn: sqlite3.Connection) -> Iterator[None]:
    """For the sorts after a load (the index builds, the figures' GROUP BYs): a second sorting
    thread, each with half the page cache (16 MB instead of 32), so the machine's other core,
    idle once the parsing process is done, merges too. 1M orders: ~0.45 s of ~8 s saved, the
    peak unchanged; the second thread with the whole cache took ~65 MB more, the smaller cache
    alone gave half the gain."""
    threads = conn.execute("PRAGMA threads").fetchone()[0]
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute("PRAGMA threads = 2")
    conn.execute("PRAGMA cache_size = -16384")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA threads = {int(threads)}")
        conn.execute(f"PRAGMA cache_size = {int(cache)}")


_DONE = object()


class WriterThread:
    """An OrderWriter fed from a thread of its own, so the parsing thread goes on converting
    while SQLite writes the previous batches (SQLite runs without the GIL).

    add() hands a record over (at most _AHEAD wait); join() returns the writer (for finish())
    once every record handed over is written, and raises what the writer raised. restart()
    forgets every record written so far (a layout took its records back) and starts again.
    The connection is the writer thread's until join() or stop(): the caller must not use it
    meanwhile. stop() (after an error or a Cancel) drops what is still waiting and returns once
    the thread has let go of the connection; the caller's transaction then rolls back.
    """

    _AHEAD = 4

    def __init__(self, conn: sqlite3.Connection, import_id: int):
        self.conn, self.import_id = conn, import_id
        conn.execute("SAVEPOINT import_records")
        self._start()

    def _start(self) -> None:
        import queue
        import threading

        self.writer = OrderWriter(self.conn, self.import_id)
        self._queue: queue.Queue = queue.Queue(self._AHEAD)
        self._error: BaseException | None = None
        self._discard = False
        self._thread = threading.Thread(target=self._run, name="order-writer", daemon=True)
        self._thread.start()

    def add(self, record: OrderRecord | RefundRecord | OrderBatch) -> None:
        if self._error is not None:
            self._raise()
        self._queue.put(record)

    def restart(self) -> None:
        self.stop()
        self.conn.execute("ROLLBACK TO import_records")
        self._start()

    def join(self) -> OrderWriter:
        if self._thread.is_alive():
            self._queue.put(_DONE)
            self._thread.join()
        if self._error is not None:
            self._raise()
        self.conn.execute("RELEASE import_records")
        return self.writer

    def stop(self) -> None:
        self._discard = True
        if self._thread.is_alive():
            self._queue.put(_DONE)
            self._thread.join()

    def _raise(self) -> None:
        error, self._error = self._error, None
        self._discard = True
        raise error  # type: ignore[misc]

    def _run(self) -> None:
        while True:
            record = self._queue.get()
            if record is _DONE:
                return
            if self._discard or self._error is not None:
                continue
            try:
                self.writer.add(record)
            except BaseException as exc:  # noqa: BLE001  raised in the adding thread by its next add() or join()
                self._error = exc
