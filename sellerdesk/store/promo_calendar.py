"""Campaigns, their phases, tasks with checklists, and the reminders already fired.

Rows in, domain values out (domain.promo). Days are stored as 'YYYY-MM-DD' and
times as 'YYYY-MM-DD HH:MM:SS' (naive Asia/Shanghai), so text order is time
order and SQL compares them directly. Every write runs in the caller's
transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date, datetime

from sellerdesk.domain.promo import Campaign, ChecklistItem, Phase, Task, TaskDraft, TaskStatus
from sellerdesk.store.sql_parts import chunks

TIME_FORMAT = "%Y-%m-%d %H:%M:%S"

_TASK_COLUMNS = ("id, campaign_id, title, starts_at, ends_at, phase, owner, notes, group_key, channel, "
                 "message, lead_minutes, source_key, status, snoozed_until, outreach_id, done_at")


def stamp(t: datetime | None) -> str | None:
    return None if t is None else t.strftime(TIME_FORMAT)


def _time(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


# --- campaigns and phases ---------------------------------------------------------------------

def insert_campaign(conn: sqlite3.Connection, campaign: Campaign, created_at: datetime) -> int:
    """Store a campaign (its id is ignored) with its phases; returns the new id."""
    cur = conn.execute(
        "INSERT INTO campaigns (name, festival_key, year, anchor_day, playbook_key, target_fen, notes, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (campaign.name, campaign.festival_key, campaign.year, campaign.anchor.isoformat(), campaign.playbook_key,
         campaign.target_fen, campaign.notes, stamp(created_at)))
    campaign_id = cur.lastrowid
    _write_phases(conn, campaign_id, campaign.phases)
    return campaign_id


def update_campaign(conn: sqlite3.Connection, campaign: Campaign) -> None:
    """Write back name, anchor, target, notes and phases (the phases are replaced)."""
    conn.execute("UPDATE campaigns SET name = ?, festival_key = ?, year = ?, anchor_day = ?, playbook_key = ?, "
                 "target_fen = ?, notes = ? WHERE id = ?",
                 (campaign.name, campaign.festival_key, campaign.year, campaign.anchor.isoformat(),
                  campaign.playbook_key, campaign.target_fen, campaign.notes, campaign.id))
    conn.execute("DELETE FROM campaign_phases WHERE campaign_id = ?", (campaign.id,))
    _write_phases(conn, campaign.id, campaign.phases)


def _write_phases(conn: sqlite3.Connection, campaign_id: int, phases: Iterable[Phase]) -> None:
    conn.executemany(
        "INSERT INTO campaign_phases (campaign_id, key, name_zh, name_en, start_day, end_day) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(campaign_id, p.key, p.name_zh, p.name_en, p.start.isoformat(), p.end.isoformat()) for p in phases])


def delete_campaign(conn: sqlite3.Connection, campaign_id: int) -> bool:
    """Remove a campaign; its phases, tasks, checklists and fired reminders go with it (ON DELETE CASCADE)."""
    return conn.execute("DELETE FROM campaigns WHERE id = ?", (campaign_id,)).rowcount > 0


def list_campaigns(conn: sqlite3.Connection, year: int | None = None,
                   festival_key: str | None = None) -> list[Campaign]:
    """Campaigns in anchor order, optionally of one year and/or one festival."""
    sql, args = ("SELECT id, name, festival_key, year, anchor_day, playbook_key, target_fen, notes "
                 "FROM campaigns WHERE 1 = 1"), []
    if year is not None:
        sql += " AND year = ?"
        args.append(year)
    if festival_key is not None:
        sql += " AND festival_key = ?"
        args.append(festival_key)
    rows = conn.execute(sql + " ORDER BY anchor_day, id", args).fetchall()
    phases = _phases_of(conn, [r[0] for r in rows])
    return [Campaign(r[0], r[1], r[2], r[3], date.fromisoformat(r[4]), r[5], r[6], r[7], phases.get(r[0], ()))
            for r in rows]


def get_campaign(conn: sqlite3.Connection, campaign_id: int) -> Campaign | None:
    row = conn.execute("SELECT id, name, festival_key, year, anchor_day, playbook_key, target_fen, notes "
                       "FROM campaigns WHERE id = ?", (campaign_id,)).fetchone()
    if row is None:
        return None
    phases = _phases_of(conn, [campaign_id]).get(campaign_id, ())
    return Campaign(row[0], row[1], row[2], row[3], date.fromisoformat(row[4]), row[5], row[6], row[7], phases)


def _phases_of(conn: sqlite3.Connection, ids: list[int]) -> dict[int, tuple[Phase, ...]]:
    out: dict[int, list[Phase]] = {}
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    for cid, key, zh, en, start, end in conn.execute(
            f"SELECT campaign_id, key, name_zh, name_en, start_day, end_day FROM campaign_phases "
            f"WHERE campaign_id IN ({marks}) ORDER BY campaign_id, start_day, end_day, key", ids):
        out.setdefault(cid, []).append(Phase(key, zh, en, date.fromisoformat(start), date.fromisoformat(end)))
    return {cid: tuple(ps) for cid, ps in out.items()}


def shift_campaign_tasks(conn: sqlite3.Connection, campaign_id: int, days: int) -> int:
    """Move every task of a campaign by whole days (starts, ends, snoozes); returns how many.

    Their fired reminders are forgotten: the times they were for no longer exist.
    """
    modifier = f"{days:+d} days"
    conn.execute("DELETE FROM reminders_fired WHERE task_id IN (SELECT id FROM tasks WHERE campaign_id = ?)",
                 (campaign_id,))
    return conn.execute(
        "UPDATE tasks SET starts_at = datetime(starts_at, :m), ends_at = datetime(ends_at, :m), "
        "snoozed_until = datetime(snoozed_until, :m) WHERE campaign_id = :c",
        {"m": modifier, "c": campaign_id}).rowcount


# --- tasks ------------------------------------------------------------------------------------

def insert_task(conn: sqlite3.Connection, draft: TaskDraft, campaign_id: int | None, created_at: datetime) -> int:
    """Store a new to-do task with its checklist; returns its id."""
    cur = conn.execute(
        "INSERT INTO tasks (campaign_id, title, starts_at, ends_at, phase, owner, notes, group_key, channel, "
        "message, lead_minutes, source_key, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (campaign_id, draft.title, stamp(draft.starts_at), stamp(draft.ends_at), draft.phase, draft.owner,
         draft.notes, draft.group_key, draft.channel, draft.message, draft.lead_minutes, draft.source_key,
         TaskStatus.TODO.value, stamp(created_at)))
    task_id = cur.lastrowid
    _write_checklist(conn, task_id, draft.checklist)
    return task_id


def update_task(conn: sqlite3.Connection, task: Task) -> bool:
    """Write back every field of a stored task (the checklist is replaced); False if it is gone."""
    cur = conn.execute(
        "UPDATE tasks SET campaign_id = ?, title = ?, starts_at = ?, ends_at = ?, phase = ?, owner = ?, notes = ?, "
        "group_key = ?, channel = ?, message = ?, lead_minutes = ?, source_key = ?, status = ?, snoozed_until = ?, "
        "outreach_id = ?, done_at = ? WHERE id = ?",
        (task.campaign_id, task.title, stamp(task.starts_at), stamp(task.ends_at), task.phase, task.owner,
         task.notes, task.group_key, task.channel, task.message, task.lead_minutes, task.source_key,
         _stored_status(task.status), stamp(task.snoozed_until), task.outreach_id, stamp(task.done_at), task.id))
    if cur.rowcount == 0:
        return False
    conn.execute("DELETE FROM task_checklist WHERE task_id = ?", (task.id,))
    _write_checklist(conn, task.id, task.checklist)
    return True


def _stored_status(status: TaskStatus) -> str:
    # 'late' is computed from the time, never stored: a late task is still a to-do
    return TaskStatus.TODO.value if status is TaskStatus.LATE else status.value


def _write_checklist(conn: sqlite3.Connection, task_id: int, items: Iterable[ChecklistItem]) -> None:
    conn.executemany("INSERT INTO task_checklist (task_id, pos, text, done) VALUES (?, ?, ?, ?)",
                     [(task_id, pos, item.text, int(item.done)) for pos, item in enumerate(items)])


def set_checklist_item(conn: sqlite3.Connection, task_id: int, pos: int, done: bool) -> bool:
    return conn.execute("UPDATE task_checklist SET done = ? WHERE task_id = ? AND pos = ?",
                        (int(done), task_id, pos)).rowcount > 0


def delete_task(conn: sqlite3.Connection, task_id: int) -> bool:
    return conn.execute("DELETE FROM tasks WHERE id = ?", (task_id,)).rowcount > 0


def get_task(conn: sqlite3.Connection, task_id: int) -> Task | None:
    tasks = _select_tasks(conn, "WHERE id = ?", [task_id])
    return tasks[0] if tasks else None


def tasks_between(conn: sqlite3.Connection, start: datetime, end: datetime) -> list[Task]:
    """Tasks whose time or window overlaps [start, end): a point task at exactly `start` is in."""
    return _select_tasks(conn, "WHERE starts_at < ? AND coalesce(ends_at, starts_at) >= ?",
                         [stamp(end), stamp(start)])


def tasks_of_campaign(conn: sqlite3.Connection, campaign_id: int) -> list[Task]:
    return _select_tasks(conn, "WHERE campaign_id = ?", [campaign_id])


def all_tasks(conn: sqlite3.Connection) -> list[Task]:
    return _select_tasks(conn, "", [])


def todo_tasks_since(conn: sqlite3.Connection, since: datetime) -> list[Task]:
    """To-do tasks that start, end or are snoozed to after `since` (the reminder candidates)."""
    s = stamp(since)
    return _select_tasks(conn, "WHERE status = 'todo' AND (starts_at > ? OR coalesce(ends_at, '') > ? "
                               "OR coalesce(snoozed_until, '') > ?)", [s, s, s])


def todo_tasks_until(conn: sqlite3.Connection, until: datetime) -> list[Task]:
    """To-do tasks starting before `until` (overdue ones and today's, for the start-up agenda)."""
    return _select_tasks(conn, "WHERE status = 'todo' AND starts_at < ?", [stamp(until)])


def _select_tasks(conn: sqlite3.Connection, where: str, args: list) -> list[Task]:
    rows = conn.execute(f"SELECT {_TASK_COLUMNS} FROM tasks {where} ORDER BY starts_at, id", args).fetchall()
    checklists = _checklists(conn, [r[0] for r in rows])
    return [_task(r, checklists.get(r[0], ())) for r in rows]


def _checklists(conn: sqlite3.Connection, ids: list[int]) -> dict[int, tuple[ChecklistItem, ...]]:
    out: dict[int, list[ChecklistItem]] = {}
    for chunk in chunks(ids):
        for task_id, text, done in conn.execute(
                f"SELECT task_id, text, done FROM task_checklist WHERE task_id IN ({', '.join('?' * len(chunk))}) "
                "ORDER BY task_id, pos", chunk):
            out.setdefault(task_id, []).append(ChecklistItem(text, bool(done)))
    return {k: tuple(v) for k, v in out.items()}


def _task(r: tuple, checklist: tuple[ChecklistItem, ...]) -> Task:
    (task_id, campaign_id, title, starts_at, ends_at, phase, owner, notes, group_key, channel, message,
     lead_minutes, source_key, status, snoozed_until, outreach_id, done_at) = r
    return Task(title=title, starts_at=_time(starts_at), ends_at=_time(ends_at), phase=phase, owner=owner,
                checklist=checklist, notes=notes, group_key=group_key, channel=channel, message=message,
                lead_minutes=lead_minutes, source_key=source_key, id=task_id, campaign_id=campaign_id,
                status=TaskStatus(status), snoozed_until=_time(snoozed_until), outreach_id=outreach_id,
                done_at=_time(done_at))


# --- reminders --------------------------------------------------------------------------------

def fired_of(conn: sqlite3.Connection, task_ids: list[int]) -> set[tuple[int, datetime]]:
    """(task_id, fire_at) of every reminder recorded as fired for these tasks."""
    out: set[tuple[int, datetime]] = set()
    for chunk in chunks(task_ids):
        out.update((task_id, datetime.fromisoformat(t)) for task_id, t in conn.execute(
            f"SELECT task_id, fire_at FROM reminders_fired WHERE task_id IN ({', '.join('?' * len(chunk))})",
            chunk))
    return out


def mark_fired(conn: sqlite3.Connection, marks: Iterable[tuple[int, datetime]], fired_at: datetime) -> None:
    conn.executemany("INSERT OR IGNORE INTO reminders_fired (task_id, fire_at, fired_at) VALUES (?, ?, ?)",
                     [(task_id, stamp(t), stamp(fired_at)) for task_id, t in marks])


def outreach_exists(conn: sqlite3.Connection, outreach_id: int) -> bool:
    return conn.execute("SELECT 1 FROM outreaches WHERE id = ?", (outreach_id,)).fetchone() is not None
