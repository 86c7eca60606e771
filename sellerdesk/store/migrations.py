"""Schema migrations: one function per version, each run in its own transaction.

Never edit a released step: add a new one. Each step has a test in
tests/store/test_migrations.py.
"""

from __future__ import annotations

from collections.abc import Callable

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where a migration actually runs (Store.db)
    import sqlite_utils


def _v1(db: "sqlite_utils.Database") -> None:
    db.executescript(
        """
        CREATE TABLE imports (
            id INTEGER PRIMARY KEY,
            file_name TEXT NOT NULL,
            path TEXT NOT NULL,
            fingerprint TEXT NOT NULL,  -- size + first/last MiB: recognises the same file again
            platform TEXT NOT NULL,
            layout TEXT NOT NULL,
            layout_label_zh TEXT NOT NULL DEFAULT '',
            layout_label_en TEXT NOT NULL DEFAULT '',
            encoding TEXT,
            imported_at TEXT NOT NULL,
            rows_read INTEGER NOT NULL DEFAULT 0,
            rows_rejected INTEGER NOT NULL DEFAULT 0,
            orders_added INTEGER NOT NULL DEFAULT 0,
            orders_updated INTEGER NOT NULL DEFAULT 0,
            lines_added INTEGER NOT NULL DEFAULT 0,
            lines_updated INTEGER NOT NULL DEFAULT 0,
            refunds_added INTEGER NOT NULL DEFAULT 0,
            refunds_updated INTEGER NOT NULL DEFAULT 0,
            buyers_added INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE buyers (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            buyer_key TEXT NOT NULL,
            account TEXT,
            name TEXT,
            phone TEXT,
            province TEXT,
            city TEXT,
            profile_at TEXT,  -- time of the order the profile fields were taken from
            UNIQUE (platform, buyer_key)
        );
        CREATE TABLE orders (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            order_no TEXT NOT NULL,
            shop TEXT,
            buyer_id INTEGER REFERENCES buyers(id),
            receiver_name TEXT,
            receiver_phone TEXT,
            province TEXT,
            city TEXT,
            address TEXT,
            status TEXT,
            status_text TEXT,
            created_at TEXT,
            paid_at TEXT,
            goods_fen INTEGER,
            shipping_fen INTEGER,
            paid_fen INTEGER,
            refund_fen INTEGER,
            refund_state TEXT,
            item_count INTEGER,
            title TEXT,
            import_id INTEGER REFERENCES imports(id),
            UNIQUE (platform, order_no)
        );
        CREATE TABLE order_lines (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            order_no TEXT NOT NULL,
            line_key TEXT NOT NULL,
            title TEXT,
            item_id TEXT,
            sku TEXT,
            spec TEXT,
            quantity INTEGER,
            unit_price_fen INTEGER,
            amount_fen INTEGER,
            status_text TEXT,
            refund_fen INTEGER,
            import_id INTEGER REFERENCES imports(id),
            UNIQUE (platform, order_no, line_key)
        );
        CREATE TABLE refunds (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            refund_no TEXT NOT NULL,
            order_no TEXT NOT NULL,
            line_key TEXT,
            status TEXT NOT NULL,
            status_text TEXT,
            amount_fen INTEGER,
            title TEXT,
            reason TEXT,
            applied_at TEXT,
            finished_at TEXT,
            import_id INTEGER REFERENCES imports(id),
            UNIQUE (platform, refund_no)
        );
        CREATE INDEX refunds_order ON refunds (platform, order_no);
        CREATE INDEX orders_buyer ON orders (buyer_id, created_at);
        CREATE INDEX orders_created ON orders (created_at);
        CREATE TABLE shop_summary (
            platform TEXT NOT NULL,
            shop TEXT NOT NULL,
            orders INTEGER NOT NULL,
            countable_orders INTEGER NOT NULL,
            buyers INTEGER NOT NULL,
            repeat_buyers INTEGER NOT NULL,
            paid_fen INTEGER NOT NULL,
            net_fen INTEGER,
            refund_fen INTEGER,
            refunded_orders INTEGER,
            first_order_at TEXT,
            last_order_at TEXT,
            PRIMARY KEY (platform, shop)
        );
        CREATE TABLE column_mappings (
            signature TEXT PRIMARY KEY,
            mapping TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT
        );
        """
    )


# Secondary indexes of the orders table: a bulk load into an empty table drops
# them and builds them once at the end (much faster than row-by-row upkeep).
ORDER_INDEXES: dict[str, str] = {
    "orders_buyer": "CREATE INDEX orders_buyer ON orders (buyer_id, created_at)",
    "orders_created": "CREATE INDEX orders_created ON orders (created_at)",
}

MIGRATIONS: list[tuple[int, Callable[["sqlite_utils.Database"], None]]] = [
    (1, _v1),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]
