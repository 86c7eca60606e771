"""Playbooks the user wrote or edited (JSON text); they overlay the built-in ones by key."""

from __future__ import annotations

import sqlite3
from datetime import datetime


def list_user_playbooks(conn: sqlite3.Connection) -> dict[str, str]:
    """key -> JSON text."""
    return dict(conn.execute("SELECT key, json FROM playbooks ORDER BY key"))


def get_user_playbook(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT json FROM playbooks WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def put_user_playbook(conn: sqlite3.Connection, key: str, text: str, now: datetime) -> None:
    conn.execute("INSERT INTO playbooks (key, json, updated_at) VALUES (?, ?, ?) "
                 "ON CONFLICT (key) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at",
                 (key, text, now.strftime("%Y-%m-%d %H:%M:%S")))


def delete_user_playbook(conn: sqlite3.Connection, key: str) -> bool:
    return conn.execute("DELETE FROM playbooks WHERE key = ?", (key,)).rowcount > 0
