"""The shop file a window or a command works on."""

from __future__ import annotations

from pathlib import Path

from sellerdesk.paths import default_db_path
from sellerdesk.store.db import DatabaseError, Store, open_store
from sellerdesk.store.order_indexes import build_missing_order_indexes

__all__ = ["DatabaseError", "ShopFile"]


class ShopFile:
    """A handle to one shop database. Each call opens its own connection, so any
    thread may use it (SQLite connections must not cross threads)."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else default_db_path()

    def open(self) -> Store:
        return open_store(self.path)

    def ensure(self) -> None:
        """Create or migrate the file now (so errors show before any work), and build the order
        indexes a crash after a first load's commit left unbuilt (they are derived data)."""
        store = self.open()
        try:
            build_missing_order_indexes(store.conn)
        finally:
            store.close()

    def __repr__(self) -> str:
        return f"ShopFile({str(self.path)!r})"
