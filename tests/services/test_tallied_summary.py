"""Figures tallied while loading an empty shop equal the SQL summary, file by file."""

import sqlite3

import pytest

from sellerdesk.demo.bulk import write_taobao_orders_csv
from sellerdesk.demo.writers import write_demo_exports
from sellerdesk.services.importing import import_files
from sellerdesk.services.shop import ShopFile
from sellerdesk.store.summary import refresh_summary


def summary_rows(conn):
    return conn.execute("SELECT * FROM shop_summary ORDER BY platform, shop").fetchall()


def assert_tally_equals_sql(shop_path):
    conn = sqlite3.connect(shop_path, isolation_level=None)
    tallied = summary_rows(conn)
    conn.execute("BEGIN")
    refresh_summary(conn)
    recomputed = summary_rows(conn)
    conn.execute("ROLLBACK")
    conn.close()
    assert tallied == recomputed
    return tallied


@pytest.fixture(scope="module")
def demo_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    return [p for p in write_demo_exports(folder, buyers=300, seed=4) if "退款" not in p.name]


def test_each_demo_order_file_alone(tmp_path, demo_files):
    for i, path in enumerate(demo_files):
        shop = ShopFile(tmp_path / f"shop{i}.sqlite")
        assert import_files(shop, [path]).files[0].imported
        rows = assert_tally_equals_sql(shop.path)
        assert rows and rows[0][:2] == ("", "")  # the total row sorts first


def test_a_big_report_through_the_bulk_path(tmp_path):
    path = write_taobao_orders_csv(tmp_path / "ExportOrderList7.csv", 5000, seed=7)
    shop = ShopFile(tmp_path / "shop.sqlite")
    import_files(shop, [path])
    assert_tally_equals_sql(shop.path)


def test_an_order_repeated_in_the_file_falls_back_to_sql(tmp_path):
    path = write_taobao_orders_csv(tmp_path / "ExportOrderList8.csv", 300, seed=8)
    lines = path.read_bytes().decode("gb18030").rstrip("\r\n").split("\r\n")
    path.write_bytes("\r\n".join(lines + lines[1:4]).encode("gb18030") + b"\r\n")
    shop = ShopFile(tmp_path / "shop.sqlite")
    import_files(shop, [path])
    rows = assert_tally_equals_sql(shop.path)
    assert rows[0][2] == 300  # the total row: each order once


def assert_buyer_stats_equal_sql(shop_path):
    from sellerdesk.store.buyer_stats import refresh_buyer_stats

    conn = sqlite3.connect(shop_path, isolation_level=None)
    tallied = conn.execute("SELECT * FROM buyer_stats ORDER BY buyer_id").fetchall()
    conn.execute("BEGIN")
    refresh_buyer_stats(conn)
    recomputed = conn.execute("SELECT * FROM buyer_stats ORDER BY buyer_id").fetchall()
    conn.execute("ROLLBACK")
    conn.close()
    assert tallied == recomputed
    return tallied


def _tally_must_be_used(monkeypatch):
    def refused(conn):
        raise AssertionError("a first load without refund records tallies buyer_stats")

    monkeypatch.setattr("sellerdesk.services.importing.refresh_buyer_stats", refused)


def test_buyer_stats_tallied_in_a_big_first_load_equal_the_sql(tmp_path, monkeypatch):
    path = write_taobao_orders_csv(tmp_path / "ExportOrderList7.csv", 5000, seed=7)
    shop = ShopFile(tmp_path / "shop.sqlite")
    _tally_must_be_used(monkeypatch)
    assert import_files(shop, [path]).files[0].imported
    rows = assert_buyer_stats_equal_sql(shop.path)
    assert len(rows) > 1000 and any(r[3] > 0 for r in rows)


def test_buyer_stats_tallied_from_each_demo_order_file_equal_the_sql(tmp_path, demo_files, monkeypatch):
    for i, path in enumerate(demo_files):
        shop = ShopFile(tmp_path / f"shop{i}.sqlite")
        assert import_files(shop, [path]).files[0].imported
        assert_buyer_stats_equal_sql(shop.path)


def test_a_tie_in_time_and_a_closed_order_follow_the_sql(tmp_path, monkeypatch):
    """The latest countable order decides the last item; on a tie in time, the greatest title
    (甲 U+7532 after 乙 U+4E59), as the SQL's max(time || title) does; a closed order counts
    as an order, not as a countable one."""
    from tests.services import taobao_csv as tb

    def titled(title, *args, **kw):
        r = tb.row(*args, **kw)
        r[10] = title  # 宝贝标题
        return r

    rows = [titled("乙款", "35153131473290001", "tb_a", "10.00", created="2025-11-01 10:00:00"),
            titled("甲款", "35153131473290002", "tb_a", "20.00", created="2025-11-01 10:00:00"),
            titled("丙款", "35153131473290003", "tb_b", "30.00", created="2025-10-01 10:00:00"),
            titled("丁款", "35153131473290004", "tb_b", "40.00", created="2025-09-01 10:00:00", status="交易关闭")]
    shop = ShopFile(tmp_path / "shop.sqlite")
    _tally_must_be_used(monkeypatch)
    assert import_files(shop, [tb.write(tmp_path / "a.csv", rows)]).files[0].imported
    stats = assert_buyer_stats_equal_sql(shop.path)
    assert [(r[1], r[2], r[3], r[8]) for r in stats] == [(2, 2, 3000, "甲款"), (2, 1, 3000, "丙款")]
