"""Every outreach list exported: what was sent to whom, and who was held out."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class OutreachEntry:
    id: int
    created_at: str
    group_key: str
    group_name: str
    as_of: str
    channel: str
    text_a: str
    text_b: str | None
    holdout_pct: int
    seed: int
    recipients: int
    holdout: int
    usable: int
    send_at: str | None
    file_name: str


_COLUMNS = [f for f in OutreachEntry.__dataclass_fields__ if f != "id"]


def record_outreach(conn: sqlite3.Connection, entry: OutreachEntry,
                    members: Iterable[tuple[int, str, bool]]) -> int:
    """Store the outreach and its members (buyer_id, arm, usable); returns its id."""
    values = [getattr(entry, c) for c in _COLUMNS]
    cur = conn.execute(f"INSERT INTO outreaches ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})",
                       values)
    outreach_id = cur.lastrowid
    conn.executemany("INSERT INTO outreach_members (outreach_id, buyer_id, arm, usable) VALUES (?, ?, ?, ?)",
                     ((outreach_id, b, arm, int(usable)) for b, arm, usable in members))
    return outreach_id


def list_outreaches(conn: sqlite3.Connection) -> list[OutreachEntry]:
    cols = ", ".join(OutreachEntry.__dataclass_fields__)
    return [OutreachEntry(*r) for r in conn.execute(f"SELECT {cols} FROM outreaches ORDER BY id DESC")]


def members_of(conn: sqlite3.Connection, outreach_id: int) -> list[tuple[int, str, bool]]:
    return [(b, arm, bool(u)) for b, arm, u in conn.execute(
        "SELECT buyer_id, arm, usable FROM outreach_members WHERE outreach_id = ? ORDER BY buyer_id",
        (outreach_id,))]
