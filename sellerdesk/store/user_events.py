"""The shop's own calendar events (an anniversary, a platform campaign it signed up for)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class UserEvent:
    id: int
    title: str
    start: date
    end: date  # inclusive
    yearly: bool  # repeats on the same month/day every year
    notes: str = ""


def list_events(conn: sqlite3.Connection) -> list[UserEvent]:
    return [UserEvent(i, t, date.fromisoformat(s), date.fromisoformat(e), bool(y), n) for i, t, s, e, y, n in
            conn.execute("SELECT id, title, start_day, end_day, yearly, notes FROM user_events "
                         "ORDER BY start_day, id")]


def get_event(conn: sqlite3.Connection, event_id: int) -> UserEvent | None:
    row = conn.execute("SELECT id, title, start_day, end_day, yearly, notes FROM user_events WHERE id = ?",
                       (event_id,)).fetchone()
    if row is None:
        return None
    i, t, s, e, y, n = row
    return UserEvent(i, t, date.fromisoformat(s), date.fromisoformat(e), bool(y), n)


def insert_event(conn: sqlite3.Connection, title: str, start: date, end: date, yearly: bool, notes: str) -> int:
    return conn.execute("INSERT INTO user_events (title, start_day, end_day, yearly, notes) VALUES (?, ?, ?, ?, ?)",
                        (title, start.isoformat(), end.isoformat(), int(yearly), notes)).lastrowid


def update_event(conn: sqlite3.Connection, event: UserEvent) -> bool:
    return conn.execute("UPDATE user_events SET title = ?, start_day = ?, end_day = ?, yearly = ?, notes = ? "
                        "WHERE id = ?", (event.title, event.start.isoformat(), event.end.isoformat(),
                                         int(event.yearly), event.notes, event.id)).rowcount > 0


def delete_event(conn: sqlite3.Connection, event_id: int) -> bool:
    return conn.execute("DELETE FROM user_events WHERE id = ?", (event_id,)).rowcount > 0


def event_days(conn: sqlite3.Connection) -> set[tuple[str, date, date]]:
    """(title, start, end) of every event, read at once: an .ics import imported twice adds each
    event once, without one scan of the table (title and days have no index) per event."""
    return {(t, date.fromisoformat(s), date.fromisoformat(e))
            for t, s, e in conn.execute("SELECT title, start_day, end_day FROM user_events")}
