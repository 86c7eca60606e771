"""Per-buyer figures (domain.buyers.BuyerFacts) kept in buyer_stats.

Customer groups are decided on these, so groups are computed over buyers,
not order lines. The table holds the figures over every order and is
refreshed after each import that changed something. The definitions mirror
domain.orders and the shop summary (store/summary.py): countable = paid, not
closed, not fully refunded; refunded = partial/full refund state or a
successful refund record.

Sort keys: buyer_stats also keeps a copy of the buyer's text columns the
Customers table sorts by (nick, name, phone, platform, city), each indexed, so a
sort by text is an index scan of buyer_stats instead of a join with buyers and a
300,000-string sort. The columns are added here (`ensure_sort_keys`), not by a
migration: like the figures they are derived data, rebuilt by every refresh.

Earlier "as of" dates (`facts_table`): the figures over the orders up to that
day are kept in a table per date (`facts_asof_YYYYMMDD`, listed in
facts_asof_cache, the newest CACHED_DATES kept), so every connection asking for
the same date reuses them; buyer_stats' indexes are copied onto it when a caller
first asks for them (the Customers tab's sorts; the report reads by buyer id). refresh_buyer_stats
drops them all: an import that changed the orders invalidates every date. Only
buyers with an order after the day are recomputed; the others' figures are
buyer_stats' own. Where the cache cannot be written (another writer holds the
file, a read-only file, the caller's transaction), the figures go to a temp table
of the connection as before.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from datetime import date, timedelta
from itertools import islice

from sellerdesk.store.sql_parts import MultiRow, countable

STATS_COLUMNS = ("buyer_id", "orders", "countable_orders", "paid_fen", "aov_fen", "refunded_orders",
                 "first_order_day", "last_order_day", "last_item")
# buyers column -> its copy in buyer_stats (indexed: the Customers table's text sorts)
SORT_KEYS = {c: f"sort_{c}" for c in ("account", "name", "phone", "platform", "city")}
SORT_COLUMNS = tuple(SORT_KEYS.values())
CACHE = "facts_asof_cache"
CACHED_DATES = 2  # as-of days kept: each takes ~30 MB per 100,000 buyers (figures, text copies, indexes)
_CACHE_LOCK_MS = 1000  # how long a reader waits to write the cache before using a temp table
_TABLE_COLUMNS = """buyer_id INTEGER PRIMARY KEY, orders INTEGER NOT NULL, countable_orders INTEGER NOT NULL,
    paid_fen INTEGER NOT NULL, aov_fen INTEGER, refunded_orders INTEGER NOT NULL, first_order_day TEXT,
    last_order_day TEXT, last_item TEXT, """ + ", ".join(f"{c} TEXT" for c in SORT_COLUMNS)

# :until is the first moment not counted ('9999' = everything); {buyers} narrows the
# orders to some buyers, {scan} is NOT INDEXED when it does not: for every buyer a scan and a
# sort of the orders beats reading them through orders_buyer, one row lookup each (1M orders:
# 1.9 s vs 2.8 s). char(31) joins the last countable order's time to its title, so max()
# picks both at once (looking the title up per buyer afterwards was slower: 2.4 s).
_FACTS_SELECT = f"""
WITH r AS (
    SELECT platform, order_no FROM refunds WHERE status = 'success' GROUP BY platform, order_no
), o AS (
    SELECT o.buyer_id, o.created_at, coalesce(o.paid_fen, 0) AS paid_fen, o.title,
           {countable('o')} AS countable,
           (coalesce(o.refund_state, 'none') IN ('partial', 'full') OR r.platform IS NOT NULL) AS refunded
    FROM orders o{{scan}} LEFT JOIN r ON r.platform = o.platform AND r.order_no = o.order_no
    WHERE o.buyer_id IS NOT NULL AND coalesce(o.created_at, '') < :until{{buyers}}
), b AS (
    SELECT buyer_id, count(*) AS orders, sum(countable) AS countable_orders,
           sum(CASE WHEN countable THEN paid_fen ELSE 0 END) AS paid_fen,
           sum(refunded) AS refunded_orders,
           min(CASE WHEN countable THEN created_at END) AS first_at,
           max(CASE WHEN countable THEN coalesce(created_at, '') || char(31) || coalesce(title, '') END) AS last_key
    FROM o GROUP BY buyer_id
)
SELECT buyer_id, orders, countable_orders, paid_fen,
       CASE WHEN countable_orders > 0 THEN (paid_fen * 2 + countable_orders) / (countable_orders * 2) END AS aov_fen,
       refunded_orders, substr(first_at, 1, 10) AS first_order_day,
       nullif(substr(substr(last_key, 1, instr(last_key, char(31)) - 1), 1, 10), '') AS last_order_day,
       nullif(substr(last_key, instr(last_key, char(31)) + 1), '') AS last_item
FROM b
"""


def _facts_select(buyers: str = "") -> str:
    return _FACTS_SELECT.replace("{buyers}", buyers).replace("{scan}", "" if buyers else " NOT INDEXED")


def refresh_buyer_stats(conn: sqlite3.Connection) -> None:
    """Recompute buyer_stats over every order (inside the caller's transaction).

    The table's indexes are dropped and built again afterwards: building its
    indexes over 300,000 sorted rows is cheaper than keeping them up to date row by row.
    Every cached as-of date is dropped, and the report's kept days emptied (store.report_days):
    they were computed over the old orders.
    """
    _rewrite(conn, lambda columns, copies: conn.execute(
        f"INSERT INTO buyer_stats ({columns}) SELECT f.*, {copies} FROM ({_facts_select()}) f "
        f"LEFT JOIN buyers b ON b.id = f.buyer_id", {"until": "9999"}))


def write_buyer_stats(conn: sqlite3.Connection, rows: Iterable[tuple]) -> None:
    """refresh_buyer_stats with the figures given (domain.buyer_tally, tallied during a first
    load: the same rows the refresh computes, tests check): the sort keys joined from buyers."""
    def fill(columns: str, copies: str) -> None:
        # each row joined to its buyer (every tallied buyer is in buyers), 64 rows a statement:
        # 300,000 buyers 0.38 s, one statement per row 0.6 s
        marks = ", ".join("?" * len(STATS_COLUMNS))
        insert = MultiRow(f"INSERT INTO buyer_stats ({columns}) SELECT v.*, {copies} FROM (VALUES ({marks})) v "
                          f"JOIN buyers b ON b.id = v.column1", len(STATS_COLUMNS), 64)
        pending = iter(rows)
        while block := list(islice(pending, 4096)):  # a few thousand rows held at once
            insert.run(conn, block)

    _rewrite(conn, fill)


def _rewrite(conn: sqlite3.Connection, fill) -> None:
    ensure_sort_columns(conn)
    indexes = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                           "AND tbl_name = 'buyer_stats' AND sql IS NOT NULL").fetchall()
    for name, _ in indexes:
        conn.execute(f"DROP INDEX {name}")
    have = {name for name, _ in indexes}
    indexes += [(f"buyer_stats_{c}", f"CREATE INDEX buyer_stats_{c} ON buyer_stats ({c})")
                for c in SORT_COLUMNS if f"buyer_stats_{c}" not in have]
    conn.execute("DELETE FROM buyer_stats")
    fill(", ".join(STATS_COLUMNS + SORT_COLUMNS), ", ".join(f"b.{c}" for c in SORT_KEYS))
    for _, sql in indexes:
        conn.execute(sql)
    drop_asof_cache(conn)
    from sellerdesk.store import report_days  # (it writes through write_if_free)

    report_days.forget(conn)


def table_columns(conn: sqlite3.Connection, table: str) -> set[str]:
    schema, _, name = table.rpartition(".")
    prefix = f"{schema}." if schema else ""
    return {r[1] for r in conn.execute(f"PRAGMA {prefix}table_info({name})")}


def has_sort_keys(conn: sqlite3.Connection, table: str = "buyer_stats") -> bool:
    """Whether the table carries the text sort keys (a shop whose figures predate them may not yet)."""
    return set(SORT_COLUMNS) <= table_columns(conn, table)


def ensure_sort_columns(conn: sqlite3.Connection) -> None:
    """Add the sort key columns to buyer_stats where missing (inside the caller's transaction)."""
    have = table_columns(conn, "buyer_stats")
    for column in SORT_COLUMNS:
        if column not in have:
            conn.execute(f"ALTER TABLE buyer_stats ADD COLUMN {column} TEXT")


def ensure_sort_keys(conn: sqlite3.Connection) -> bool:
    """Give a shop whose figures were kept before the sort keys existed its keys (once: a refresh,
    ~5 s at 300,000 buyers). False when that cannot happen now (someone else is writing, a
    read-only file, inside the caller's transaction): the sorts then join buyers as before."""
    if has_sort_keys(conn):
        return True
    return write_if_free(conn, lambda c: refresh_buyer_stats(c) or True) is not None


def latest_order_day(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT max(last_order_at) FROM shop_summary").fetchone()
    return row[0][:10] if row and row[0] else None


def facts_table(conn: sqlite3.Connection, as_of: date, *, indexed: bool = False) -> str:
    """The table holding the buyers' figures as of the end of as_of.

    buyer_stats when no order is later than as_of (the usual case: today); otherwise
    the cached table of that date, computed now if no connection has yet. indexed: with
    buyer_stats' indexes (the Customers tab sorts and filters by them); others read by buyer
    id only, and the indexes, ~1.3 s per table at 300,000 buyers, are built when first asked.
    """
    ensure_sort_keys(conn)
    latest = latest_order_day(conn)
    if latest is None or latest <= as_of.isoformat():
        return "buyer_stats"
    cached = _cached(conn, as_of)
    if cached is not None:
        if indexed and _missing_indexes(conn, cached):
            write_if_free(conn, lambda c: _index(c, cached))  # or not now: the queries work without
        return cached
    built = write_if_free(conn, lambda c: _cached(c, as_of) or _build_cached(c, as_of, indexed))
    if built is not None:
        return built
    conn.execute("DROP TABLE IF EXISTS temp.facts_asof")
    conn.execute(f"CREATE TEMP TABLE facts_asof ({_TABLE_COLUMNS})")
    _fill(conn, "temp.facts_asof", as_of)
    return "temp.facts_asof"


def is_current(conn: sqlite3.Connection, table: str) -> bool:
    """Whether a table facts_table gave this connection may still be read: a cached as-of
    table is gone once an import has changed the orders (a connection's temp table stays)."""
    if table == "buyer_stats" or table.startswith("temp."):
        return True
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone() is not None


def cached_dates(conn: sqlite3.Connection) -> list[str]:
    """The as-of days kept, oldest first."""
    try:
        return [r[0] for r in conn.execute(f"SELECT as_of FROM {CACHE} ORDER BY id")]
    except sqlite3.OperationalError:  # no cache table yet
        return []


def drop_asof_cache(conn: sqlite3.Connection) -> None:
    """Forget every cached as-of date, and every measurement kept of buyer_stats or of them
    (store.facts_context), inside the caller's transaction."""
    from sellerdesk.store import facts_context  # (it writes through write_if_free)

    facts_context.forget(conn)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                "AND name GLOB 'facts_asof_[0-9]*'").fetchall():
        conn.execute(f"DROP TABLE {name}")
    conn.execute(f"DROP TABLE IF EXISTS {CACHE}")


def _cached(conn: sqlite3.Connection, as_of: date) -> str | None:
    try:
        row = conn.execute(f"SELECT table_name FROM {CACHE} WHERE as_of = ?", (as_of.isoformat(),)).fetchone()
    except sqlite3.OperationalError:  # no cache table yet
        return None
    return row[0] if row else None


def write_if_free(conn: sqlite3.Connection, work, wait_ms: int = _CACHE_LOCK_MS):
    """work(conn) in its own write transaction, waiting at most wait_ms for the lock;
    None (and nothing written) when it cannot be done now."""
    if conn.in_transaction:
        return None
    timeout = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    conn.execute(f"PRAGMA busy_timeout = {wait_ms}")
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error:
        return None
    finally:
        conn.execute(f"PRAGMA busy_timeout = {timeout}")
    try:
        result = work(conn)
        conn.execute("COMMIT")
        return result
    except sqlite3.Error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        return None


def _build_cached(conn: sqlite3.Connection, as_of: date, indexed: bool) -> str:
    """Compute and keep the figures as of as_of, with buyer_stats' indexes if asked (inside a write
    transaction)."""
    from sellerdesk.store import facts_context

    conn.execute(f"CREATE TABLE IF NOT EXISTS {CACHE} (id INTEGER PRIMARY KEY, as_of TEXT NOT NULL UNIQUE, "
                 f"table_name TEXT NOT NULL)")
    for old_id, old_name in conn.execute(f"SELECT id, table_name FROM {CACHE} ORDER BY id DESC LIMIT -1 OFFSET ?",
                                         (CACHED_DATES - 1,)).fetchall():
        conn.execute(f"DROP TABLE IF EXISTS {old_name}")
        conn.execute(f"DELETE FROM {CACHE} WHERE id = ?", (old_id,))
        facts_context.forget(conn, old_name)
    name = f"facts_asof_{as_of.strftime('%Y%m%d')}"
    conn.execute(f"DROP TABLE IF EXISTS {name}")
    conn.execute(f"CREATE TABLE {name} ({_TABLE_COLUMNS})")
    _fill(conn, name, as_of)
    if indexed:
        _index(conn, name)
    conn.execute(f"INSERT INTO {CACHE} (as_of, table_name) VALUES (?, ?)", (as_of.isoformat(), name))
    return name


def _copied_indexes(conn: sqlite3.Connection, name: str) -> list[tuple[str, str]]:
    """(index name, CREATE INDEX) of buyer_stats' indexes, made for the as-of table `name`."""
    out = []
    for index, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                                   "AND tbl_name = 'buyer_stats' AND sql IS NOT NULL").fetchall():
        own = f"{name}_{index.removeprefix('buyer_stats_')}"
        sql = re.sub(r"\bON\s+\"?buyer_stats\"?\s*\(", f"ON {name} (", sql, count=1)
        out.append((own, sql.replace(f"INDEX {index}", f"INDEX IF NOT EXISTS {own}", 1)))
    return out


def _missing_indexes(conn: sqlite3.Connection, name: str) -> bool:
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?",
                                       (name,))}
    return any(own not in have for own, _ in _copied_indexes(conn, name))


def _index(conn: sqlite3.Connection, name: str) -> bool:
    """Give an as-of table buyer_stats' indexes (inside a write transaction)."""
    for _, sql in _copied_indexes(conn, name):
        conn.execute(sql)
    return True


def _fill(conn: sqlite3.Connection, target: str, as_of: date) -> None:
    """Insert the figures as of as_of into target: buyer_stats' rows of the buyers without a
    later order, the others recomputed over their orders up to that day."""
    until = (as_of + timedelta(days=1)).isoformat()
    conn.execute("DROP TABLE IF EXISTS temp.asof_changed")
    conn.execute("CREATE TEMP TABLE asof_changed (buyer_id INTEGER PRIMARY KEY)")
    conn.execute("INSERT OR IGNORE INTO temp.asof_changed SELECT buyer_id FROM orders "
                 "WHERE created_at >= ? AND buyer_id IS NOT NULL ORDER BY buyer_id", (until,))
    columns = ", ".join(STATS_COLUMNS + SORT_COLUMNS)
    stats = ", ".join(f"s.{c}" for c in STATS_COLUMNS)
    if has_sort_keys(conn):  # the sort keys are buyer_stats' own
        copies, join = ", ".join(f"s.{c}" for c in SORT_COLUMNS), ""
    else:
        copies, join = ", ".join(f"b.{c}" for c in SORT_KEYS), " LEFT JOIN buyers b ON b.id = s.buyer_id"
    conn.execute(f"INSERT INTO {target} ({columns}) SELECT {stats}, {copies} FROM buyer_stats s{join} "
                 f"WHERE s.buyer_id NOT IN (SELECT buyer_id FROM temp.asof_changed)")
    conn.execute(f"INSERT INTO {target} ({columns}) SELECT f.*, {', '.join(f'b.{c}' for c in SORT_KEYS)} FROM "
                 f"({_facts_select(' AND o.buyer_id IN (SELECT buyer_id FROM temp.asof_changed)')}) f "
                 f"LEFT JOIN buyers b ON b.id = f.buyer_id", {"until": until})
    conn.execute("DROP TABLE temp.asof_changed")
