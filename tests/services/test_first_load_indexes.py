"""A first load into an empty shop commits the file, then builds the order indexes it dropped,
each in a commit of its own while a thread copies the commits into the database file."""

import sqlite3

import pytest

from sellerdesk.services import importing
from sellerdesk.services.importing import import_files
from sellerdesk.services.jobs import CancelToken
from sellerdesk.services.shop import ShopFile
from sellerdesk.store.checkpoints import TrailingCheckpoint
from sellerdesk.store.migrations import ORDER_INDEXES
from sellerdesk.store.order_indexes import build_missing_order_indexes
from tests.services import taobao_csv as tb


@pytest.fixture
def shop(tmp_path):
    return ShopFile(tmp_path / "shop.sqlite")


def orders_file(tmp_path, name="ExportOrderList1.csv", first=35153131473293500, count=3):
    return tb.write(tmp_path / name, [tb.row(str(first + i), f"tb_{i}", "10.00") for i in range(count)])


def indexes(path):
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        conn.close()


def orders_in_database_file(path):
    """What the database file alone holds, without its WAL: the import's pages were copied."""
    conn = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM orders").fetchone()[0]
    finally:
        conn.close()


def count_commits(monkeypatch):
    seen = []
    real = TrailingCheckpoint.committed

    def committed(self):
        seen.append(indexes(self._path) & set(ORDER_INDEXES))
        real(self)

    monkeypatch.setattr(TrailingCheckpoint, "committed", committed)
    return seen


def test_a_first_load_commits_the_file_then_each_index_and_ends_copied(shop, tmp_path, monkeypatch):
    commits = count_commits(monkeypatch)
    f = import_files(shop, [orders_file(tmp_path)]).files[0]
    assert f.imported and f.counts.orders_added == 3
    # the file's commit has no order index; then one more with each commit after it
    assert [len(names) for names in commits] == list(range(len(ORDER_INDEXES) + 1))
    assert set(ORDER_INDEXES) <= indexes(shop.path)
    assert orders_in_database_file(shop.path) == 3  # nothing left only in the WAL

    commits.clear()
    second = import_files(shop, [orders_file(tmp_path, "ExportOrderList2.csv", first=35153131473293600)]).files[0]
    assert second.counts.orders_added == 3 and len(commits) == 1  # the indexes were kept: one commit
    assert orders_in_database_file(shop.path) == 6


def test_a_cancel_after_the_files_commit_neither_undoes_nor_stops_it(shop, tmp_path, monkeypatch):
    cancel = CancelToken()
    finishing = []
    real = TrailingCheckpoint.committed

    def committed(self):
        finishing.append(cancel.is_finishing)
        cancel.cancel()  # the user clicks Cancel while the indexes are being built
        real(self)

    monkeypatch.setattr(TrailingCheckpoint, "committed", committed)
    first, second = orders_file(tmp_path), orders_file(tmp_path, "ExportOrderList2.csv", first=35153131473293600)
    f, g = import_files(shop, [first, second], cancel=cancel).files
    assert f.imported and not f.cancelled and f.counts.orders_added == 3
    assert g.cancelled and not g.imported  # the Cancel stops the files after it
    assert set(ORDER_INDEXES) <= indexes(shop.path)
    # the file's own commit is before the finishing part; each index commit is inside it
    assert finishing == [False] + [True] * len(ORDER_INDEXES)
    assert not cancel.is_finishing


def test_a_crash_before_the_indexes_leaves_the_file_whole_and_opening_builds_them(shop, tmp_path, monkeypatch):
    def crash(conn, committed):
        raise SystemExit("the process died after the file's commit")

    monkeypatch.setattr(importing, "build_order_indexes", crash)
    with pytest.raises(SystemExit):
        import_files(shop, [orders_file(tmp_path)])
    assert not set(ORDER_INDEXES) & indexes(shop.path)
    conn = sqlite3.connect(shop.path)
    assert conn.execute("SELECT count(*) FROM orders").fetchone()[0] == 3  # the import is whole
    assert conn.execute("SELECT count(*) FROM buyer_stats").fetchone()[0] == 3
    conn.close()
    monkeypatch.undo()
    shop.ensure()  # the window opening the shop
    assert set(ORDER_INDEXES) <= indexes(shop.path)


def test_the_next_import_builds_indexes_a_crash_left_out(shop, tmp_path, monkeypatch):
    monkeypatch.setattr(importing, "build_order_indexes", lambda conn, committed: [])
    import_files(shop, [orders_file(tmp_path)])
    assert not set(ORDER_INDEXES) & indexes(shop.path)
    monkeypatch.undo()
    import_files(shop, [orders_file(tmp_path, "ExportOrderList2.csv", first=35153131473293600)])
    assert set(ORDER_INDEXES) <= indexes(shop.path)


def test_opening_leaves_them_while_another_connection_writes(shop, tmp_path, monkeypatch):
    monkeypatch.setattr(importing, "build_order_indexes", lambda conn, committed: [])
    import_files(shop, [orders_file(tmp_path)])
    writer = sqlite3.connect(shop.path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # e.g. another SellerDesk's import, which builds them itself
    store = shop.open()
    try:
        assert build_missing_order_indexes(store.conn) == []
        writer.execute("ROLLBACK")
        assert build_missing_order_indexes(store.conn) == list(ORDER_INDEXES)
        assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0  # restored
    finally:
        store.close()
        writer.close()
