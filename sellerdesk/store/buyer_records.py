"""One buyer's records (orders, lines, refunds, note) and the hand-kept parts: tags, notes, phone reveals."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class OrderRow:
    platform: str
    order_no: str
    shop: str | None
    status: str | None
    status_text: str | None
    created_at: str | None
    paid_fen: int | None
    refund_fen: int | None
    refund_state: str | None
    title: str | None
    receiver_name: str | None
    receiver_phone: str | None
    city: str | None


@dataclass(frozen=True)
class LineRow:
    order_no: str
    title: str | None
    sku: str | None
    spec: str | None
    quantity: int | None
    amount_fen: int | None
    status_text: str | None


@dataclass(frozen=True)
class RefundRow:
    order_no: str
    refund_no: str
    status: str
    amount_fen: int | None
    title: str | None
    reason: str | None
    applied_at: str | None


def orders_of(conn: sqlite3.Connection, buyer_id: int) -> list[OrderRow]:
    cols = ", ".join(OrderRow.__dataclass_fields__)
    return [OrderRow(*r) for r in conn.execute(
        f"SELECT {cols} FROM orders WHERE buyer_id = ? ORDER BY created_at DESC, order_no", (buyer_id,))]


def lines_of(conn: sqlite3.Connection, buyer_id: int) -> list[LineRow]:
    return [LineRow(*r) for r in conn.execute(
        "SELECT l.order_no, l.title, l.sku, l.spec, l.quantity, l.amount_fen, l.status_text "
        "FROM orders o JOIN order_lines l ON l.platform = o.platform AND l.order_no = o.order_no "
        "WHERE o.buyer_id = ? ORDER BY o.created_at DESC, l.line_key", (buyer_id,))]


def refunds_of(conn: sqlite3.Connection, buyer_id: int) -> list[RefundRow]:
    return [RefundRow(*r) for r in conn.execute(
        "SELECT r.order_no, r.refund_no, r.status, r.amount_fen, r.title, r.reason, r.applied_at "
        "FROM orders o JOIN refunds r ON r.platform = o.platform AND r.order_no = o.order_no "
        "WHERE o.buyer_id = ? ORDER BY r.applied_at DESC, r.refund_no", (buyer_id,))]


def buyer_exists(conn: sqlite3.Connection, buyer_id: int) -> bool:
    return conn.execute("SELECT 1 FROM buyers WHERE id = ?", (buyer_id,)).fetchone() is not None


def note_of(conn: sqlite3.Connection, buyer_id: int) -> str:
    row = conn.execute("SELECT note FROM buyer_notes WHERE buyer_id = ?", (buyer_id,)).fetchone()
    return row[0] if row else ""


def set_note(conn: sqlite3.Connection, buyer_id: int, note: str, now: str) -> None:
    if note.strip():
        conn.execute("INSERT INTO buyer_notes (buyer_id, note, updated_at) VALUES (?, ?, ?) "
                     "ON CONFLICT (buyer_id) DO UPDATE SET note = excluded.note, updated_at = excluded.updated_at",
                     (buyer_id, note, now))
    else:
        conn.execute("DELETE FROM buyer_notes WHERE buyer_id = ?", (buyer_id,))


def add_tag(conn: sqlite3.Connection, buyer_ids: Sequence[int], tag: str, now: str) -> int:
    """Tag the buyers; returns how many did not have the tag yet."""
    before = conn.total_changes
    conn.executemany("INSERT OR IGNORE INTO buyer_tags (buyer_id, tag, added_at) VALUES (?, ?, ?)",
                     ((i, tag, now) for i in buyer_ids))
    return conn.total_changes - before


def remove_tag(conn: sqlite3.Connection, buyer_ids: Sequence[int], tag: str) -> int:
    before = conn.total_changes
    conn.executemany("DELETE FROM buyer_tags WHERE buyer_id = ? AND tag = ?", ((i, tag) for i in buyer_ids))
    return conn.total_changes - before


def all_tags(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """Every tag in use with its number of buyers."""
    return conn.execute("SELECT tag, count(*) FROM buyer_tags GROUP BY tag ORDER BY tag").fetchall()


def reveal_phone(conn: sqlite3.Connection, buyer_id: int, who: str, now: str) -> str | None:
    """The buyer's full phone; the reveal is logged (who, when) before it is returned."""
    row = conn.execute("SELECT phone FROM buyers WHERE id = ?", (buyer_id,)).fetchone()
    if row is None:
        return None
    conn.execute("INSERT INTO phone_reveals (buyer_id, revealed_by, revealed_at) VALUES (?, ?, ?)",
                 (buyer_id, who, now))
    return row[0]


def phone_reveals(conn: sqlite3.Connection, buyer_id: int) -> list[tuple[str, str]]:
    """(who, when) of every reveal of this buyer's phone, newest first."""
    return conn.execute("SELECT revealed_by, revealed_at FROM phone_reveals WHERE buyer_id = ? "
                        "ORDER BY revealed_at DESC, id DESC", (buyer_id,)).fetchall()
