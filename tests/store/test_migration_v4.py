"""Step 4 (returns and exchanges) on a version-3 shop that already has buyers, orders and a task."""

import sqlite3

import sqlite_utils

from sellerdesk.store.db import open_store
from sellerdesk.store.migrations import LOOKUP_INDEXES, _v1, _v2, _v3

RETURNS_TABLES = {"cases", "script_overrides", "script_prefs", "script_usage"}


def _v3_shop(path):
    conn = sqlite3.connect(path)
    db = sqlite_utils.Database(conn)
    for step in (_v1, _v2, _v3):
        step(db)
    conn.execute("INSERT INTO buyers (id, platform, buyer_key, account, name, phone) "
                 "VALUES (1, 'taobao', 'tb_Alice', 'tb_Alice', '王小明', '13812345678')")
    conn.execute("INSERT INTO orders (platform, order_no, buyer_id, receiver_phone, created_at) "
                 "VALUES ('taobao', '3141592653', 1, '139****4321', '2026-11-11 00:01:00')")
    conn.execute("INSERT INTO tasks (id, title, starts_at, created_at) "
                 "VALUES (9, '催付', '2026-11-11 10:00:00', '2026-11-01 09:00:00')")
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()


def _plan(conn, sql, *args):
    return " ".join(r[3] for r in conn.execute(f"EXPLAIN QUERY PLAN {sql}", args))


def test_v3_shop_gets_the_returns_tables_a_backup_and_keeps_its_rows(tmp_path):
    path = tmp_path / "shop.sqlite"
    _v3_shop(path)
    store = open_store(path)
    assert store.schema_version() >= 4  # later steps run too
    assert RETURNS_TABLES <= set(store.db.table_names())
    assert store.conn.execute("SELECT count(*) FROM orders").fetchone()[0] == 1
    store.close()
    assert list(tmp_path.glob("shop.v3-backup-*.sqlite"))


def test_lookups_are_index_searches_not_scans(tmp_path):
    path = tmp_path / "shop.sqlite"
    _v3_shop(path)
    store = open_store(path)
    c = store.conn
    names = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert set(LOOKUP_INDEXES) <= names
    # (step 4's orders_order_no is dropped by step 9: the (platform, order_no) key serves it)
    assert "INDEX sqlite_autoindex_orders_1 (platform=? AND order_no=?)" in _plan(
        c, "SELECT id FROM orders WHERE platform IN ('jd', 'taobao') AND order_no = ?", "3141592653")
    assert "orders_phone_tail" in _plan(c, "SELECT id FROM orders WHERE substr(receiver_phone, -4) = ?", "4321")
    assert "buyers_phone_tail" in _plan(c, "SELECT id FROM buyers WHERE substr(phone, -4) = ?", "5678")
    # a case-insensitive prefix: LIKE served by the NOCASE index as a range
    plan = _plan(c, "SELECT id FROM buyers WHERE account LIKE ? ESCAPE '\\'", "TB\\_a%")
    assert "buyers_account_nocase" in plan and "SCAN" not in plan
    assert c.execute("SELECT id FROM buyers WHERE account LIKE ? ESCAPE '\\'", ("TB\\_a%",)).fetchall() == [(1,)]
    assert "buyers_name_nocase" in _plan(c, "SELECT id FROM buyers WHERE name LIKE ?", "王%")
    assert c.execute("SELECT id FROM orders WHERE substr(receiver_phone, -4) = '4321'").fetchall() == [(1,)]
    store.close()


def test_a_case_outlives_its_deleted_task_and_buyer_links(tmp_path):
    path = tmp_path / "shop.sqlite"
    _v3_shop(path)
    store = open_store(path)
    c = store.conn
    c.execute("INSERT INTO cases (id, order_no, platform, buyer_id, reason, task_id, created_at) "
              "VALUES (1, '3141592653', 'taobao', 1, 'damaged', 9, '2026-11-11 09:00:00')")
    c.execute("DELETE FROM tasks WHERE id = 9")
    assert c.execute("SELECT task_id, status FROM cases").fetchone() == (None, "open")
    c.execute("DELETE FROM orders")
    c.execute("DELETE FROM buyers WHERE id = 1")
    assert c.execute("SELECT buyer_id, order_no FROM cases").fetchone() == (None, "3141592653")
    store.close()


def test_usage_is_one_row_per_script_and_day(tmp_path):
    store = open_store(tmp_path / "new.sqlite")
    c = store.conn
    c.execute("INSERT INTO script_usage VALUES ('damaged_standard', '2026-11-11', 3)")
    try:
        c.execute("INSERT INTO script_usage VALUES ('damaged_standard', '2026-11-11', 1)")
    except sqlite3.IntegrityError:
        pass
    else:
        raise AssertionError("a second row for the same script and day was accepted")
    store.close()
