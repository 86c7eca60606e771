"""Traffic and spend per channel and day (table channel_stats, schema step 5).

Days are 'YYYY-MM-DD' text, so a period is an index range on the primary key
(day, channel). Writes compare with what is stored and touch only rows whose
figures differ, so saving the same grid or importing the same file twice
changes nothing (not even updated_at).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from sellerdesk.domain.channels import MEASURES, ChannelDay, ChannelTotal, order_key

_COLS = "day, channel, " + ", ".join(MEASURES) + ", source, campaign_id"


@dataclass(frozen=True, slots=True)
class WriteCounts:
    added: int = 0
    updated: int = 0
    removed: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


def _row(r: tuple) -> ChannelDay:
    return ChannelDay(date.fromisoformat(r[0]), *r[1:])


def rows_between(conn: sqlite3.Connection, start: date, end: date) -> list[ChannelDay]:
    """Rows from start to end inclusive, by day then channel display order."""
    rows = [_row(r) for r in conn.execute(
        f"SELECT {_COLS} FROM channel_stats WHERE day BETWEEN ? AND ?", (start.isoformat(), end.isoformat()))]
    rows.sort(key=lambda r: (r.day, order_key(r.channel)))
    return rows


def _stored(conn: sqlite3.Connection, keys: set[tuple[date, str]]) -> dict[tuple[date, str], ChannelDay]:
    if not keys:
        return {}
    days = sorted(d for d, _ in keys)
    return {(r.day, r.channel): r for r in rows_between(conn, days[0], days[-1])}


def write_rows(conn: sqlite3.Connection, rows: list[ChannelDay], now: str, *,
               replace_range: tuple[date, date] | None = None) -> WriteCounts:
    """Upsert rows (validated by the caller) inside the caller's transaction: an empty row
    deletes its day and channel; with replace_range, stored rows in that range that `rows`
    does not name are deleted too (the grid showed them and the user cleared them).

    A row whose figures equal the stored ones is left alone, source and campaign included:
    typing the numbers the import brought does not make them 'typed'."""
    keys = {(r.day, r.channel) for r in rows}
    stored = _stored(conn, keys)
    if replace_range is not None:
        stored.update({(r.day, r.channel): r for r in rows_between(conn, *replace_range)})
    added = updated = removed = 0
    for r in rows:
        old = stored.get((r.day, r.channel))
        if r.is_empty:
            if old is not None:
                _delete(conn, r.day, r.channel)
                removed += 1
            continue
        if old is not None and old.values() == r.values():
            continue
        conn.execute(
            f"INSERT INTO channel_stats ({_COLS}, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (day, channel) DO UPDATE SET spend_fen = excluded.spend_fen, uv = excluded.uv, "
            "pv = excluded.pv, clicks = excluded.clicks, orders = excluded.orders, sales_fen = excluded.sales_fen, "
            "source = excluded.source, campaign_id = coalesce(excluded.campaign_id, campaign_id), "
            "updated_at = excluded.updated_at",
            (r.day.isoformat(), r.channel, *r.values(), r.source, r.campaign_id, now))
        if old is None:
            added += 1
        else:
            updated += 1
    if replace_range is not None:
        for key in set(stored) - keys:
            if replace_range[0] <= key[0] <= replace_range[1]:
                _delete(conn, *key)
                removed += 1
    return WriteCounts(added, updated, removed)


def _delete(conn: sqlite3.Connection, day: date, channel: str) -> None:
    conn.execute("DELETE FROM channel_stats WHERE day = ? AND channel = ?", (day.isoformat(), channel))


def totals_between(conn: sqlite3.Connection, start: date, end: date) -> list[ChannelTotal]:
    """Per channel sums over start..end inclusive, in display order; SUM of no value stays
    NULL, so a figure nobody entered is None rather than 0. One indexed range scan: call it
    inside a report's read transaction."""
    sums = ", ".join(f"sum({m})" for m in MEASURES)
    totals = [ChannelTotal(r[0], *r[1:7], days=r[7]) for r in conn.execute(
        f"SELECT channel, {sums}, count(*) FROM channel_stats WHERE day BETWEEN ? AND ? GROUP BY channel",
        (start.isoformat(), end.isoformat()))]
    totals.sort(key=lambda t: order_key(t.channel))
    return totals


def days_with_data(conn: sqlite3.Connection, start: date, end: date) -> int:
    """How many distinct days of the period have any channel row (a report says 'spend entered
    for 3 of 20 days' rather than showing a partial figure as the whole)."""
    return conn.execute("SELECT count(DISTINCT day) FROM channel_stats WHERE day BETWEEN ? AND ?",
                        (start.isoformat(), end.isoformat())).fetchone()[0]
