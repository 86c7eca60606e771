"""Step 3 (promo calendar) on a version-2 shop that already has an outreach record."""

import sqlite3

import sqlite_utils

from sellerdesk.store.db import open_store
from sellerdesk.store.migrations import _v1, _v2

CALENDAR_TABLES = {"user_events", "campaigns", "campaign_phases", "tasks", "task_checklist",
                   "reminders_fired", "playbooks"}


def _v2_shop(path):
    conn = sqlite3.connect(path)
    db = sqlite_utils.Database(conn)
    _v1(db)
    _v2(db)
    conn.execute("INSERT INTO outreaches (id, created_at, group_key, group_name, as_of, channel, text_a, "
                 "holdout_pct, seed, recipients, holdout, usable, file_name) "
                 "VALUES (7, '2026-11-01 10:00:00', 'loyal', '忠诚老客', '2026-11-01', 'sms', 'hi', 0, 1, 3, 0, 3, "
                 "'loyal.csv')")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()


def test_v2_shop_gets_the_calendar_tables_and_a_backup(tmp_path):
    path = tmp_path / "shop.sqlite"
    _v2_shop(path)
    store = open_store(path)
    assert store.schema_version() >= 3  # later steps run too
    assert CALENDAR_TABLES <= set(store.db.table_names())
    assert store.conn.execute("SELECT count(*) FROM outreaches").fetchone()[0] == 1
    store.close()
    assert list(tmp_path.glob("shop.v2-backup-*.sqlite"))


def test_deleting_a_campaign_takes_its_phases_tasks_checklists_and_fired_reminders(tmp_path):
    store = open_store(tmp_path / "shop.sqlite")
    c = store.conn
    c.execute("INSERT INTO campaigns (id, name, festival_key, year, anchor_day, created_at) "
              "VALUES (1, '双11 2026', '1111', 2026, '2026-11-11', '2026-09-01 09:00:00')")
    c.execute("INSERT INTO campaign_phases VALUES (1, 'day', '当天', 'The day', '2026-11-11', '2026-11-11')")
    c.execute("INSERT INTO tasks (id, campaign_id, title, starts_at, created_at) "
              "VALUES (5, 1, '催付', '2026-11-11 10:00:00', '2026-09-01 09:00:00')")
    c.execute("INSERT INTO task_checklist VALUES (5, 0, '导出未付款订单', 0)")
    c.execute("INSERT INTO reminders_fired VALUES (5, '2026-11-11 10:00:00', '2026-11-11 10:00:01')")
    c.execute("DELETE FROM campaigns WHERE id = 1")
    for table in ("campaign_phases", "tasks", "task_checklist", "reminders_fired"):
        assert c.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    store.close()


def test_a_deleted_outreach_leaves_its_task_without_a_link(tmp_path):
    path = tmp_path / "shop.sqlite"
    _v2_shop(path)
    store = open_store(path)
    c = store.conn
    c.execute("INSERT INTO tasks (id, title, starts_at, outreach_id, status, created_at) "
              "VALUES (1, '第一轮短信', '2026-11-01 12:00:00', 7, 'done', '2026-10-01 09:00:00')")
    c.execute("DELETE FROM outreaches WHERE id = 7")
    assert c.execute("SELECT outreach_id, status FROM tasks").fetchone() == (None, "done")
    store.close()
