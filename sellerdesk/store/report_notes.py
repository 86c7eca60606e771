"""The retrospective's free-text notes (table report_notes, schema step 5).

A campaign has one set of notes (a unique index); notes over plain dates are
found by their exact period. A deleted campaign leaves its notes, with the
festival key, for next year's report.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

from sellerdesk.domain.report_notes import ReportNotes

_COLS = "id, festival_key, campaign_id, period_start, period_end, lessons, owners, next_actions, updated_at"


def _notes(r: tuple | None) -> ReportNotes | None:
    if r is None:
        return None
    return ReportNotes(
        id=r[0], festival_key=r[1], campaign_id=r[2], period_start=date.fromisoformat(r[3]),
        period_end=date.fromisoformat(r[4]), lessons=r[5], owners=r[6], next_actions=r[7],
        updated_at=datetime.fromisoformat(r[8]))


def for_campaign(conn: sqlite3.Connection, campaign_id: int) -> ReportNotes | None:
    return _notes(conn.execute(f"SELECT {_COLS} FROM report_notes WHERE campaign_id = ?",
                               (campaign_id,)).fetchone())


def for_period(conn: sqlite3.Connection, start: date, end: date) -> ReportNotes | None:
    """The notes written for exactly this period without a campaign (the latest, should two
    exist after a campaign was deleted)."""
    return _notes(conn.execute(
        f"SELECT {_COLS} FROM report_notes WHERE period_start = ? AND period_end = ? AND campaign_id IS NULL "
        "ORDER BY updated_at DESC, id DESC LIMIT 1", (start.isoformat(), end.isoformat())).fetchone())


def previous_for_festival(conn: sqlite3.Connection, festival_key: str, before_year: int) -> ReportNotes | None:
    """The latest notes of the festival from a year before `before_year`. The year is the
    campaign's (a 年货节 campaign of 2027 may start in December 2026), else the period's start."""
    return _notes(conn.execute(
        f"SELECT {', '.join('n.' + c.strip() for c in _COLS.split(','))} FROM report_notes n "
        "LEFT JOIN campaigns c ON c.id = n.campaign_id "
        "WHERE n.festival_key = ? AND coalesce(c.year, CAST(substr(n.period_start, 1, 4) AS INTEGER)) < ? "
        "ORDER BY n.period_start DESC, n.id DESC LIMIT 1", (festival_key, before_year)).fetchone())


def save(conn: sqlite3.Connection, notes: ReportNotes, now: datetime) -> int:
    """Insert or update; returns the row id. The row updated is the campaign's notes when the
    notes name a campaign (a campaign has one set), else the row of notes.id when it still
    exists, else the notes of the same period."""
    if notes.campaign_id is not None:
        found = for_campaign(conn, notes.campaign_id)
    elif notes.id is not None and get(conn, notes.id) is not None:
        found = notes
    else:
        found = for_period(conn, notes.period_start, notes.period_end)
    values = (notes.festival_key, notes.campaign_id, notes.period_start.isoformat(), notes.period_end.isoformat(),
              notes.lessons, notes.owners, notes.next_actions, now.strftime("%Y-%m-%d %H:%M:%S"))
    if found is None:
        return conn.execute(
            "INSERT INTO report_notes (festival_key, campaign_id, period_start, period_end, lessons, owners, "
            "next_actions, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", values).lastrowid
    conn.execute(
        "UPDATE report_notes SET festival_key = ?, campaign_id = ?, period_start = ?, period_end = ?, lessons = ?, "
        "owners = ?, next_actions = ?, updated_at = ? WHERE id = ?", (*values, found.id))
    return found.id


def get(conn: sqlite3.Connection, notes_id: int) -> ReportNotes | None:
    return _notes(conn.execute(f"SELECT {_COLS} FROM report_notes WHERE id = ?", (notes_id,)).fetchone())


def delete(conn: sqlite3.Connection, notes_id: int) -> bool:
    return conn.execute("DELETE FROM report_notes WHERE id = ?", (notes_id,)).rowcount > 0
