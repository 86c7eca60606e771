"""Custom groups the user saved: a name and a rule (domain.rules.Rule as JSON)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True)
class SavedGroup:
    id: int
    name: str
    rule_json: str
    created_at: str
    updated_at: str

    @property
    def key(self) -> str:
        return f"custom_{self.id}"


def list_saved(conn: sqlite3.Connection) -> list[SavedGroup]:
    return [SavedGroup(*r) for r in conn.execute(
        "SELECT id, name, rule, created_at, updated_at FROM saved_groups ORDER BY name")]


def save_group(conn: sqlite3.Connection, name: str, rule_json: str, now: str, group_id: int | None = None) -> int:
    """Insert (group_id None) or update a saved group; names are unique (sqlite3.IntegrityError)."""
    if group_id is None:
        cur = conn.execute("INSERT INTO saved_groups (name, rule, created_at, updated_at) VALUES (?, ?, ?, ?)",
                           (name, rule_json, now, now))
        return cur.lastrowid
    conn.execute("UPDATE saved_groups SET name = ?, rule = ?, updated_at = ? WHERE id = ?",
                 (name, rule_json, now, group_id))
    return group_id


def delete_group(conn: sqlite3.Connection, group_id: int) -> None:
    conn.execute("DELETE FROM saved_groups WHERE id = ?", (group_id,))


def name_taken(conn: sqlite3.Connection, name: str, except_id: int | None = None) -> bool:
    row = conn.execute("SELECT id FROM saved_groups WHERE name = ?", (name,)).fetchone()
    return row is not None and row[0] != except_id
