"""Importing files through the service: idempotence, updates, rollback, clear errors."""

import sqlite3

import pytest

from sellerdesk.services.importing import import_files
from sellerdesk.services.jobs import CancelToken
from sellerdesk.services.overview import load_overview
from sellerdesk.services.shop import ShopFile
from tests.services import taobao_csv as tb


@pytest.fixture
def shop(tmp_path):
    return ShopFile(tmp_path / "shop.sqlite")


def dump(shop):
    """Every data row of the shop, to prove 'nothing changed'."""
    conn = sqlite3.connect(shop.path)
    out = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
           for t in ("orders", "buyers", "order_lines", "refunds", "shop_summary")}
    conn.close()
    return out


def three_orders(tmp_path, name="ExportOrderList202511120000.csv"):
    return tb.write(tmp_path / name, [
        tb.row("35153131473293579", "tb_a", "201.12"),
        tb.row("35153131473293580", "tb_a", "99.00", created="2025-11-12 10:00:00"),
        tb.row("35153131473293581", "tb_b", "50.00", status="买家已付款，等待卖家发货"),
    ])


def test_import_reports_counts_and_figures(shop, tmp_path):
    result = import_files(shop, [three_orders(tmp_path)])
    f = result.files[0]
    assert f.error is None and f.platform == "taobao" and f.encoding == "gb18030"
    assert (f.rows_read, f.rows_rejected) == (3, 0)
    assert (f.counts.orders_added, f.counts.orders_updated, f.counts.buyers_added) == (3, 0, 2)
    total = load_overview(shop).total
    assert (total.orders, total.countable_orders, total.buyers, total.repeat_buyers) == (3, 3, 2, 1)
    assert total.paid_fen == 35012
    assert result.changes.orders and result.changes.buyers


def test_reimporting_the_same_file_changes_nothing(shop, tmp_path):
    path = three_orders(tmp_path)
    import_files(shop, [path])
    before = dump(shop)
    f = import_files(shop, [path]).files[0]
    assert (f.counts.orders_added, f.counts.orders_updated, f.counts.buyers_added) == (0, 0, 0)
    assert dump(shop) == before


def test_newer_export_updates_statuses_and_amounts(shop, tmp_path):
    import_files(shop, [three_orders(tmp_path)])
    newer = tb.write(tmp_path / "ExportOrderList202511200000.csv", [
        tb.row("35153131473293579", "tb_a", "201.12", refund="50.00"),  # partial refund
        tb.row("35153131473293581", "tb_b", "50.00", status="交易关闭", refund="50.00"),  # full refund
        tb.row("35153131473293590", "tb_c", "10.00"),
    ])
    f = import_files(shop, [newer]).files[0]
    assert (f.counts.orders_added, f.counts.orders_updated, f.counts.buyers_added) == (1, 2, 1)
    total = load_overview(shop).total
    assert (total.orders, total.countable_orders, total.refunded_orders) == (4, 3, 2)
    assert total.paid_fen == 20112 + 9900 + 1000
    assert total.net_fen == total.paid_fen - 5000


def test_broken_rows_are_reported_and_good_rows_kept(shop, tmp_path):
    path = tb.write(tmp_path / "orders.csv", [
        tb.row("1001", "a", "10.00"),
        tb.row("1002", "b", "ten yuan"),
        tb.row("1003", "c", "10.00", created="2025-13-45 99:00:00"),
        tb.row("", "d", "10.00"),
        tb.row("1005", "e", "10.00"),
    ])
    f = import_files(shop, [path]).files[0]
    assert f.counts.orders_added == 2 and f.rows_rejected == 3
    assert [(e.row, e.column) for e in f.errors] == [(3, "买家实际支付金额"), (4, "订单创建时间"), (5, "订单编号")]
    assert all(e.file == "orders.csv" and e.reason_zh and e.reason_en for e in f.errors)


def test_cancel_rolls_back_the_whole_file(shop, tmp_path):
    rows = [tb.row(str(10_000 + i), f"nick{i % 300}", "10.00") for i in range(3000)]
    path = tb.write(tmp_path / "big.csv", rows)
    import_files(shop, [three_orders(tmp_path)])
    before = dump(shop)
    token = CancelToken()

    def progress(fraction, message):
        if 0 < fraction < 1:
            token.cancel()

    result = import_files(shop, [path], progress=progress, cancel=token)
    assert result.cancelled and result.files[0].cancelled
    assert dump(shop) == before


def test_a_crash_mid_import_leaves_the_database_as_before(shop, tmp_path, monkeypatch):
    import_files(shop, [three_orders(tmp_path)])
    before = dump(shop)
    from sellerdesk.store import order_writer

    def boom(self):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(order_writer.OrderWriter, "_write_buyers", boom)
    path = tb.write(tmp_path / "more.csv", [tb.row("2001", "new", "1.00")])
    with pytest.raises(RuntimeError):
        import_files(shop, [path])
    monkeypatch.undo()
    assert dump(shop) == before


def test_files_before_a_bad_one_stay_imported(shop, tmp_path):
    bad = tmp_path / "photo.csv"
    bad.write_bytes(b"\xff\xfe\xfd\x00\x01garbage" * 10)
    good = three_orders(tmp_path)
    result = import_files(shop, [good, bad])
    assert result.files[0].imported and result.files[1].error is not None
    assert load_overview(shop).total.orders == 3


@pytest.mark.parametrize(
    "content, expected_en",
    [
        (b"", "empty"),
        ("订单编号,买家会员名,订单状态\r\n".encode("gbk"), "no data rows"),
        ("hello world\r\njust some notes\r\n".encode(), "No header row"),
        ("name,amount\r\nfoo,1\r\n".encode(), "Unknown file layout"),
        (b"\x81\x30\x81\x30" + bytes(range(0x80, 0xFF)) * 4, "encoding"),
    ],
)
def test_bad_files_give_clear_messages_and_change_nothing(shop, tmp_path, content, expected_en):
    import_files(shop, [three_orders(tmp_path)])
    before = dump(shop)
    path = tmp_path / "upload.csv"
    path.write_bytes(content)
    f = import_files(shop, [path]).files[0]
    assert f.error is not None
    assert expected_en.lower() in f.error.message_en.lower(), f.error.message_en
    assert f.error.message_zh and f.error.file == "upload.csv"
    assert dump(shop) == before


def test_a_truncated_xlsx_is_refused_clearly(shop, tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["订单编号", "买家会员名", "订单状态"])
    for i in range(2000):
        wb.active.append([str(i), "nick", "交易成功"])
    full = tmp_path / "full.xlsx"
    wb.save(full)
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(full.read_bytes()[: full.stat().st_size // 2])
    f = import_files(shop, [cut]).files[0]
    assert f.error is not None and "Excel" in f.error.message_en
    assert load_overview(shop).total.orders == 0


def test_unknown_layout_then_mapping_is_remembered(shop, tmp_path):
    path = tmp_path / "kuaishou.csv"
    path.write_text("单号,客户,金额,时间,状态\n"
                    "K1,老王,12.50,2025/11/11 20:00,已完成\n"
                    "K2,老王,7.50,2025/11/12 20:00,已完成\n"
                    "K3,小李,1.00,2025/11/12 21:00,待付款\n", encoding="utf-8-sig")
    first = import_files(shop, [path]).files[0]
    assert first.needs_mapping and "单号" in first.error.headers
    mapping = {"order_no": "单号", "buyer": "客户", "paid": "金额", "created_at": "时间", "status": "状态",
               "_platform": "kuaishou"}
    f = import_files(shop, [path], mapping=mapping).files[0]
    assert f.imported and f.counts.orders_added == 3
    total = load_overview(shop).total
    assert (total.countable_orders, total.repeat_buyers, total.paid_fen) == (2, 1, 2000)
    # Same header set later: no questions asked.
    path2 = tmp_path / "kuaishou2.csv"
    path2.write_text("单号,客户,金额,时间,状态\nK4,小李,3.00,2025/11/13 08:00,已完成\n", encoding="utf-8")
    again = import_files(shop, [path2]).files[0]
    assert again.imported and again.counts.orders_added == 1 and again.platform == "kuaishou"


def test_a_mapping_that_does_not_fit_is_a_clear_error(shop, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("单号,金额\nA,1\n", encoding="utf-8")
    f = import_files(shop, [path], mapping={"order_no": "订单号"}).files[0]
    assert f.error is not None and "订单号" in f.error.message_zh and f.error.file == "x.csv"


def test_order_and_item_reports_together_reimport_without_changes(shop, tmp_path):
    orders = three_orders(tmp_path)
    items = tmp_path / "ExportOrderDetailList202511120000.csv"
    header = '"订单编号","标题","价格","购买数量","外部系统编号","商品属性","套餐信息","备注","订单状态","商家编码"'
    line = '="35153131473293579","铸铁锅 28cm","239.00","1","","颜色分类：黑","","","交易成功","SKU1",'
    items.write_bytes(f"{header}\r\n{line}\r\n".encode("gbk"))
    import_files(shop, [orders, items])
    before = dump(shop)
    again = import_files(shop, [orders, items]).files
    assert [(f.counts.orders_updated, f.counts.lines_updated) for f in again] == [(0, 0), (0, 0)]
    assert dump(shop) == before
    title = sqlite3.connect(shop.path).execute(
        "SELECT title FROM orders WHERE order_no = '35153131473293579'").fetchone()[0]
    assert title == "铸铁锅"  # the order report's 宝贝标题 stays


def test_a_first_load_without_foreign_key_checks_leaves_every_reference_whole(shop, tmp_path, monkeypatch):
    """A load into an empty shop runs with SQLite's foreign key checks off (they cost ~3 s a
    million orders); every order's buyer and import row must still be there, and the checks are
    on again for the next file, which goes through them."""
    from sellerdesk.demo.bulk import write_taobao_orders_csv
    from sellerdesk.services import importing
    from sellerdesk.store import order_writer

    seen = []
    real = order_writer.foreign_key_checks_off_for_a_first_load

    def spy(conn):
        seen.append(conn.execute("PRAGMA foreign_keys").fetchone()[0])
        return real(conn)

    monkeypatch.setattr("sellerdesk.services.importing.foreign_key_checks_off_for_a_first_load", spy)
    during = []
    real_start = importing.start_import

    def start(conn, **kw):
        during.append(conn.execute("PRAGMA foreign_keys").fetchone()[0])
        return real_start(conn, **kw)

    monkeypatch.setattr(importing, "start_import", start)
    big = write_taobao_orders_csv(tmp_path / "ExportOrderList1.csv", 3000, seed=5)
    second = tb.write(tmp_path / "b.csv", [tb.row("35153131473293999", "tb_new", "10.00")])
    result = import_files(shop, [big, second])
    assert [f.imported for f in result.files] == [True, True] and seen == [1, 1] and during == [0, 1]
    conn = sqlite3.connect(shop.path)
    try:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("SELECT count(*) FROM orders o LEFT JOIN buyers b ON b.id = o.buyer_id "
                            "WHERE o.buyer_id IS NOT NULL AND b.id IS NULL").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM orders").fetchone()[0] == 3001
    finally:
        conn.close()
