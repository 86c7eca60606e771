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
