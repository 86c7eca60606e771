"""The secondary indexes of the orders and buyers tables (migrations.ORDER_INDEXES), built after
a first load dropped them, or after a crash left them unbuilt."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from sellerdesk.store.migrations import ORDER_INDEXES


def build_order_indexes(conn: sqlite3.Connection, committed: Callable[[], None] = lambda: None) -> list[str]:
    """Build each secondary index of ORDER_INDEXES the database lacks, in a transaction of its
    own, calling committed() after each (store.checkpoints copies it meanwhile); the names built.

    A bulk load into an empty shop drops them in its transaction and commits the file's orders
    without them; they are built here, after that commit. A crash in between leaves a whole
    import without some indexes, which the next import or the next opening of the shop builds
    (services.shop.ShopFile.ensure). Until then the queries they serve scan instead."""
    if conn.in_transaction:
        raise RuntimeError("build_order_indexes commits each index: call it outside a transaction")
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    built = []
    for name, sql in ORDER_INDEXES.items():
        if name not in have:
            conn.execute(sql.replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS"))  # autocommits
            committed()
            built.append(name)
    return built


def build_missing_order_indexes(conn: sqlite3.Connection) -> list[str]:
    """build_order_indexes when a shop is opened (after a crash between a first load's commit and
    its indexes); nothing when another connection is writing (a first load in progress builds
    them itself, or the next opening does) or the file is read-only."""
    busy = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        return build_order_indexes(conn)
    except sqlite3.OperationalError:
        return []
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(busy)}")
