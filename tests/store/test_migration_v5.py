"""Step 5 (channel traffic/spend and report notes) on a version-4 shop with a campaign."""

import sqlite3

import pytest
import sqlite_utils

from sellerdesk.store.db import open_store
from sellerdesk.store.migrations import _v1, _v2, _v3, _v4

NEW_TABLES = {"channel_stats", "report_notes"}


def _v4_shop(path):
    conn = sqlite3.connect(path)
    db = sqlite_utils.Database(conn)
    for step in (_v1, _v2, _v3, _v4):
        step(db)
    conn.execute("INSERT INTO campaigns (id, name, festival_key, year, anchor_day, created_at) "
                 "VALUES (7, '双11 2026', '1111', 2026, '2026-11-11', '2026-10-01 09:00:00')")
    conn.execute("INSERT INTO cases (order_no, reason, created_at) VALUES ('1', 'damaged', '2026-11-12 10:00:00')")
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "shop.sqlite"
    _v4_shop(path)
    s = open_store(path)
    yield s
    s.close()


def test_v4_shop_gets_the_tables_a_backup_and_keeps_its_rows(store, tmp_path):
    assert store.schema_version() >= 5  # later steps run too
    assert NEW_TABLES <= set(store.db.table_names())
    assert store.conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 1
    assert list(tmp_path.glob("shop.v4-backup-*.sqlite"))


def test_one_row_per_day_and_channel_and_a_deleted_campaign_leaves_the_figures(store):
    c = store.conn
    c.execute("INSERT INTO channel_stats (day, channel, spend_fen, campaign_id, updated_at) "
              "VALUES ('2026-11-11', 'ztc', 12000, 7, '2026-11-12 09:00:00')")
    with pytest.raises(sqlite3.IntegrityError):
        c.execute("INSERT INTO channel_stats (day, channel, spend_fen, updated_at) "
                  "VALUES ('2026-11-11', 'ztc', 1, '2026-11-12 09:00:00')")
    c.execute("INSERT INTO report_notes (festival_key, campaign_id, period_start, period_end, lessons, updated_at) "
              "VALUES ('1111', 7, '2026-10-20', '2026-11-13', '备货不足', '2026-11-14 09:00:00')")
    c.execute("DELETE FROM campaigns WHERE id = 7")
    assert c.execute("SELECT spend_fen, campaign_id, source FROM channel_stats").fetchall() == [(12000, None, "typed")]
    assert c.execute("SELECT festival_key, campaign_id, lessons FROM report_notes").fetchall() == [
        ("1111", None, "备货不足")]


def test_a_campaign_has_one_set_of_notes(store):
    c = store.conn
    insert = ("INSERT INTO report_notes (campaign_id, period_start, period_end, updated_at) "
              "VALUES (?, '2026-10-20', '2026-11-13', '2026-11-14 09:00:00')")
    c.execute(insert, (7,))
    with pytest.raises(sqlite3.IntegrityError):
        c.execute(insert, (7,))
    c.execute(insert, (None,))
    c.execute(insert, (None,))  # period notes are matched by the service, not the index


def test_a_period_is_an_index_range_on_day(store):
    plan = " ".join(r[3] for r in store.conn.execute(
        "EXPLAIN QUERY PLAN SELECT * FROM channel_stats WHERE day BETWEEN ? AND ?", ("2026-11-01", "2026-11-11")))
    assert "SEARCH" in plan and "SCAN" not in plan
