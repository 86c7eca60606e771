"""The log of imported files, and the column mappings users saved."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the bulk writer is not needed to list imports at start-up
    from sellerdesk.store.order_writer import WriteCounts


@dataclass(frozen=True)
class ImportLogEntry:
    id: int
    file_name: str
    path: str
    platform: str
    layout: str
    layout_label_zh: str
    layout_label_en: str
    encoding: str | None
    imported_at: str
    rows_read: int
    rows_rejected: int
    orders_added: int
    orders_updated: int
    lines_added: int
    refunds_added: int
    buyers_added: int


def start_import(conn: sqlite3.Connection, *, file_name: str, path: str, fingerprint: str, platform: str,
                 layout: str, encoding: str | None, imported_at: str,
                 layout_labels: tuple[str, str] = ("", "")) -> int:
    cur = conn.execute(
        "INSERT INTO imports (file_name, path, fingerprint, platform, layout, layout_label_zh, layout_label_en, "
        "encoding, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (file_name, path, fingerprint, platform, layout, *layout_labels, encoding, imported_at),
    )
    return cur.lastrowid


def finish_import(conn: sqlite3.Connection, import_id: int, rows_read: int, rows_rejected: int,
                  counts: "WriteCounts") -> None:
    values = {f.name: getattr(counts, f.name) for f in fields(counts)}
    sets = ", ".join(f"{k} = :{k}" for k in values)
    conn.execute(
        f"UPDATE imports SET rows_read = :rows_read, rows_rejected = :rows_rejected, {sets} WHERE id = :id",
        {**values, "rows_read": rows_read, "rows_rejected": rows_rejected, "id": import_id},
    )


def list_imports(conn: sqlite3.Connection, limit: int = 200) -> list[ImportLogEntry]:
    cols = ", ".join(f.name for f in fields(ImportLogEntry))
    return [ImportLogEntry(*r) for r in conn.execute(
        f"SELECT {cols} FROM imports ORDER BY id DESC LIMIT ?", (limit,))]


def load_mapping(conn: sqlite3.Connection, signature: str) -> dict[str, str] | None:
    row = conn.execute("SELECT mapping FROM column_mappings WHERE signature = ?", (signature,)).fetchone()
    return json.loads(row[0]) if row else None


def save_mapping(conn: sqlite3.Connection, signature: str, mapping: dict[str, str], now: str) -> None:
    conn.execute(
        "INSERT INTO column_mappings (signature, mapping, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT (signature) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at",
        (signature, json.dumps(mapping, ensure_ascii=False), now),
    )


def imports_mark(conn: sqlite3.Connection) -> tuple[int, int]:
    """(newest import id, imports): equal in two snapshots when no import committed between
    them (services.side_read compares two connections' snapshots with it)."""
    return tuple(conn.execute("SELECT coalesce(max(id), 0), count(*) FROM imports").fetchone())
