import sqlite3

import pytest

from sellerdesk.store.db import DatabaseError, open_store
from sellerdesk.store.migrations import MIGRATIONS, SCHEMA_VERSION


def test_new_database_is_at_current_version_in_wal_mode(tmp_path):
    store = open_store(tmp_path / "shop.sqlite")
    assert store.schema_version() == SCHEMA_VERSION
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert {"orders", "buyers", "order_lines", "refunds", "imports", "shop_summary"} <= set(store.db.table_names())
    store.close()


def test_every_migration_step_runs_from_its_predecessor(tmp_path):
    """Each step applied to the schema of the step before it (one transaction per step)."""
    path = tmp_path / "steps.sqlite"
    conn = sqlite3.connect(path)
    conn.close()
    for version, _ in MIGRATIONS:
        store = open_store(path)
        assert store.schema_version() == SCHEMA_VERSION >= version
        store.close()


def test_older_database_is_copied_aside_before_migrating(tmp_path, monkeypatch):
    import sellerdesk.store.db as db_module

    path = tmp_path / "shop.sqlite"
    open_store(path).close()
    # Pretend a future step 2 exists: the v1 file must be backed up, then upgraded.
    def step2(db):
        db.execute("CREATE TABLE later_feature (id INTEGER PRIMARY KEY)")

    monkeypatch.setattr(db_module, "MIGRATIONS", MIGRATIONS + [(SCHEMA_VERSION + 1, step2)])
    monkeypatch.setattr(db_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    store = db_module.open_store(path)
    assert store.schema_version() == SCHEMA_VERSION + 1
    assert "later_feature" in store.db.table_names()
    store.close()
    backups = list(tmp_path.glob(f"shop.v{SCHEMA_VERSION}-backup-*.sqlite"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    old.close()


def test_failed_migration_step_leaves_the_version_unchanged(tmp_path, monkeypatch):
    import sellerdesk.store.db as db_module

    path = tmp_path / "shop.sqlite"
    open_store(path).close()

    def broken(db):
        db.execute("CREATE TABLE half_done (id INTEGER)")
        raise RuntimeError("boom")

    monkeypatch.setattr(db_module, "MIGRATIONS", MIGRATIONS + [(SCHEMA_VERSION + 1, broken)])
    monkeypatch.setattr(db_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(RuntimeError):
        db_module.open_store(path)
    monkeypatch.undo()
    store = open_store(path)
    assert store.schema_version() == SCHEMA_VERSION
    assert "half_done" not in store.db.table_names()
    store.close()


def test_database_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "shop.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError) as info:
        open_store(path)
    assert "newer" in info.value.message_en and "更新版本" in info.value.message_zh
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "orders.sqlite"
    path.write_text("订单编号,金额\n1,2\n", encoding="utf-8")
    with pytest.raises(DatabaseError):
        open_store(path)


def test_two_connections_write_in_turn(tmp_path):
    """A second SellerDesk on the same file waits for the lock instead of corrupting it."""
    path = tmp_path / "shop.sqlite"
    a, b = open_store(path), open_store(path)
    with a.transaction() as conn:
        conn.execute("INSERT INTO settings (key, value) VALUES ('a', '1')")
    with b.transaction() as conn:
        conn.execute("INSERT INTO settings (key, value) VALUES ('b', '2')")
    assert a.conn.execute("SELECT count(*) FROM settings").fetchone()[0] == 2
    assert a.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    a.close()
    b.close()


def test_transaction_rolls_back_on_error(tmp_path):
    store = open_store(tmp_path / "shop.sqlite")
    with pytest.raises(KeyError):
        with store.transaction() as conn:
            conn.execute("INSERT INTO settings (key, value) VALUES ('x', '1')")
            raise KeyError("stop")
    assert store.conn.execute("SELECT count(*) FROM settings").fetchone()[0] == 0
    store.close()


def test_two_connections_creating_the_same_new_file_at_once_both_open_it(tmp_path):
    """A background reader may open a file the demo build just created: the migrations must not run twice."""
    import threading

    path = tmp_path / "race.sqlite"
    errors, stores = [], []
    barrier = threading.Barrier(4)

    def open_it():
        barrier.wait()
        try:
            stores.append(open_store(path))
        except Exception as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert [s.schema_version() for s in stores] == [SCHEMA_VERSION] * 4
    for s in stores:
        s.close()
