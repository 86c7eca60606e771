"""The groups' measurement kept beside the figures it was measured on.

services.segmentation.measure_context reads three histograms and a rank over
every buyer of a figures table (buyer_stats or a kept as-of table): ~60 ms at
300,000 buyers, on every groups refresh, every report and every returns lookup
that shows an RFM class. The result depends only on that table, the day and a
few settings, so it is kept here under the three. refresh_buyer_stats forgets
it with the tables themselves (an import changed the orders); a connection's
temp table is never kept. Like the as-of tables this is derived data, created
on first use rather than by a migration.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from sellerdesk.store.buyer_stats import write_if_free

TABLE = "facts_context"


def load(conn: sqlite3.Connection, table: str, as_of: date, key: str) -> str | None:
    """The measurement kept for the table, day and settings key, or None."""
    try:
        row = conn.execute(f"SELECT value FROM {TABLE} WHERE table_name = ? AND as_of = ? AND settings = ?",
                           (table, as_of.isoformat(), key)).fetchone()
    except sqlite3.OperationalError:  # nothing kept yet
        return None
    return row[0] if row else None


def keep(conn: sqlite3.Connection, table: str, as_of: date, key: str, value: str) -> bool:
    """Keep a measurement, in a short write transaction of its own; False (nothing kept) inside
    the caller's transaction, on a read-only file or while someone else writes (no waiting:
    the next reader measures again)."""
    if table.startswith("temp."):
        return False

    def write(c: sqlite3.Connection) -> bool:
        c.execute(f"CREATE TABLE IF NOT EXISTS {TABLE} (table_name TEXT NOT NULL, as_of TEXT NOT NULL, "
                  f"settings TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (table_name, as_of, settings))")
        c.execute(f"INSERT OR REPLACE INTO {TABLE} VALUES (?, ?, ?, ?)", (table, as_of.isoformat(), key, value))
        return True

    return write_if_free(conn, write, wait_ms=0) is not None


def forget(conn: sqlite3.Connection, table: str | None = None) -> None:
    """Forget what was kept for one table, or for all (inside the caller's transaction)."""
    if table is None:
        conn.execute(f"DROP TABLE IF EXISTS {TABLE}")
        return
    try:
        conn.execute(f"DELETE FROM {TABLE} WHERE table_name = ?", (table,))
    except sqlite3.OperationalError:  # nothing kept yet
        pass


__all__ = ["forget", "keep", "load"]
