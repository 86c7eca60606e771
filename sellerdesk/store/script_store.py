"""The shop's side of the script library: its own or edited scripts, their arrangement, usage per day.

The built-in scripts are read from resources by the services; only the shop's
changes live here (schema step 4): script_overrides holds whole scripts as
library JSON, script_prefs how the shop arranged every script (position,
enabled, shortcut), script_usage how often each was used per day.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True)
class ScriptPrefs:
    position: int | None = None  # None: the script's own position
    enabled: bool = True
    shortcut: int | None = None  # 1-9; 0: none (a built-in's own number taken away); None: the script's own


def overrides(conn: sqlite3.Connection) -> dict[str, str]:
    """key -> the script's JSON, for every script the shop added or edited."""
    return dict(conn.execute("SELECT key, json FROM script_overrides ORDER BY key"))


def set_override(conn: sqlite3.Connection, key: str, text: str, now: str) -> None:
    conn.execute("INSERT INTO script_overrides (key, json, updated_at) VALUES (?, ?, ?) "
                 "ON CONFLICT (key) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at",
                 (key, text, now))


def delete_override(conn: sqlite3.Connection, key: str) -> bool:
    return conn.execute("DELETE FROM script_overrides WHERE key = ?", (key,)).rowcount > 0


def prefs(conn: sqlite3.Connection) -> dict[str, ScriptPrefs]:
    return {key: ScriptPrefs(position, bool(enabled), shortcut)
            for key, position, enabled, shortcut in conn.execute(
                "SELECT key, position, enabled, shortcut FROM script_prefs")}


def set_prefs(conn: sqlite3.Connection, key: str, p: ScriptPrefs) -> None:
    conn.execute("INSERT INTO script_prefs (key, position, enabled, shortcut) VALUES (?, ?, ?, ?) "
                 "ON CONFLICT (key) DO UPDATE SET position = excluded.position, enabled = excluded.enabled, "
                 "shortcut = excluded.shortcut", (key, p.position, int(p.enabled), p.shortcut))


def delete_prefs(conn: sqlite3.Connection, key: str) -> None:
    conn.execute("DELETE FROM script_prefs WHERE key = ?", (key,))


def add_use(conn: sqlite3.Connection, key: str, day: str, n: int = 1) -> None:
    conn.execute("INSERT INTO script_usage (key, day, count) VALUES (?, ?, ?) "
                 "ON CONFLICT (key, day) DO UPDATE SET count = count + excluded.count", (key, day, n))


def usage_counts(conn: sqlite3.Connection, since: str | None = None) -> dict[str, int]:
    """Uses per script key, over every day or from `since` ('YYYY-MM-DD') on."""
    return dict(conn.execute("SELECT key, sum(count) FROM script_usage WHERE day >= ? GROUP BY key",
                             (since or "",)))


def forget_usage(conn: sqlite3.Connection, key: str) -> None:
    conn.execute("DELETE FROM script_usage WHERE key = ?", (key,))
