"""Opening the shop database: pragmas, schema version, migrations, transactions."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sellerdesk.store.migrations import MIGRATIONS, SCHEMA_VERSION

BUSY_TIMEOUT_MS = 15_000


class DatabaseError(Exception):
    """The database cannot be used; message in Chinese and English."""

    def __init__(self, message_zh: str, message_en: str):
        super().__init__(message_en)
        self.message_zh = message_zh
        self.message_en = message_en

    def message(self, lang: str = "zh") -> str:
        return self.message_zh if lang == "zh" else self.message_en


class Store:
    """One connection to the shop file. Each thread opens its own Store."""

    def __init__(self, path: Path, conn: sqlite3.Connection):
        self.path = path
        self.conn = conn
        self._db = None

    @property
    def db(self):
        """sqlite-utils over the same connection, for schema work (migrations, table lists).

        Imported on first use: it pulls in click, pluggy and, where installed,
        pandas, which start-up and the bulk import path do not need."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, ROLLBACK on any exception (including cancel)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def open_store(path: str | Path, *, migrate: bool = True) -> Store:
    """Open (creating if needed) and migrate the shop database at path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    existed = path.exists() and path.stat().st_size > 0
    if existed:
        _check_is_sqlite(path)
    try:
        conn = _connect(path)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            f"无法打开数据库 {path}：{exc}", f"Cannot open the database {path}: {exc}"
        ) from exc
    if version > SCHEMA_VERSION:
        conn.close()
        raise DatabaseError(
            f"数据库 {path.name} 来自更新版本的 SellerDesk（结构版本 {version}，本程序支持到 {SCHEMA_VERSION}）。"
            "请升级 SellerDesk 后再打开；文件没有被改动。",
            f"The database {path.name} was written by a newer SellerDesk (schema {version}; this version "
            f"knows up to {SCHEMA_VERSION}). Please upgrade SellerDesk; the file was not changed.",
        )
    _set_pragmas(conn)
    store = Store(path, conn)
    if migrate and version < SCHEMA_VERSION:
        if existed and version > 0:
            backup_before_migration(store, version)
        _migrate(store, version)
    return store


def _check_is_sqlite(path: Path) -> None:
    with open(path, "rb") as f:
        magic = f.read(16)
    if magic != b"SQLite format 3\x00":
        raise DatabaseError(
            f"{path.name} 不是 SellerDesk 数据库文件。", f"{path.name} is not a SellerDesk database file."
        )


def _set_pragmas(conn: sqlite3.Connection) -> None:
    for attempt in range(50):
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            break
        except sqlite3.OperationalError:  # another process holds a lock right now
            time.sleep(0.1)
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA cache_size = -32768")  # 32 MB


def backup_to(store: Store, target: Path, *, pages: int = -1,
              progress: Callable[[int, int], None] | None = None) -> None:
    """A consistent copy of the database at target, through SQLite's online backup API.

    progress(copied_pages, total_pages) runs between steps and may raise to stop;
    sqlite3 errors come out as DatabaseError.
    """
    def step(status: int, remaining: int, total: int) -> None:
        if progress is not None:
            progress(total - remaining, total)

    dest = sqlite3.connect(target)
    try:
        store.conn.backup(dest, pages=pages, progress=step)
    except sqlite3.Error as exc:
        raise DatabaseError(f"备份失败：{exc}", f"The backup failed: {exc}") from exc
    finally:
        dest.close()


def backup_before_migration(store: Store, version: int) -> Path:
    """Copy the file aside before its structure is upgraded."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = store.path.with_name(f"{store.path.stem}.v{version}-backup-{stamp}{store.path.suffix}")
    backup_to(store, target)
    return target


def _migrate(store: Store, version: int) -> None:
    for target, step in MIGRATIONS:
        if target <= version:
            continue
        with store.transaction():
            # Read the version again under the write lock: another connection (a second window,
            # a background reader opening a freshly created file) may have run this step already.
            if store.schema_version() >= target:
                continue
            step(store.db)
            store.conn.execute(f"PRAGMA user_version = {target}")
