"""Merging what each file knows, change detection, buyers, and the summary SQL."""

import sqlite3

import pytest

from sellerdesk.domain.orders import LineRecord, OrderRecord, OrderStatus, RefundRecord, RefundState, RefundStatus
from sellerdesk.store.db import open_store
from sellerdesk.store.imports_log import start_import
from sellerdesk.store.order_writer import OrderWriter
from sellerdesk.store.summary import read_summary, refresh_summary


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "shop.sqlite")
    yield s
    s.close()


def write(store, records):
    with store.transaction() as conn:
        import_id = start_import(conn, file_name="f", path="f", fingerprint="x", platform="taobao", layout="t",
                                 encoding=None, imported_at="2025-11-12 00:00:00")
        w = OrderWriter(conn, import_id)
        for r in records:
            w.add(r)
        counts = w.finish()
        refresh_summary(conn)
    return counts


def order(no, buyer="nick", status=OrderStatus.COMPLETED, paid=10000, created="2025-11-11 10:00:00", **kw):
    return OrderRecord("taobao", no, 2, buyer_account=buyer, status=status, paid_fen=paid, created_at=created,
                       paid_at=created, refund_fen=kw.pop("refund_fen", 0),
                       refund_state=kw.pop("refund_state", RefundState.NONE), **kw)


def test_added_then_unchanged_then_updated(store):
    first = write(store, [order("1"), order("2", buyer="b2")])
    assert (first.orders_added, first.orders_updated, first.buyers_added) == (2, 0, 2)
    again = write(store, [order("1"), order("2", buyer="b2")])
    assert (again.orders_added, again.orders_updated, again.buyers_added) == (0, 0, 0)
    newer = write(store, [order("1", status=OrderStatus.CLOSED, refund_state=RefundState.FULL, refund_fen=10000),
                          order("2", buyer="b2"), order("3")])
    assert (newer.orders_added, newer.orders_updated, newer.buyers_added) == (1, 1, 0)


def test_a_file_that_does_not_know_a_field_keeps_the_stored_value(store):
    write(store, [order("1", receiver_name="王小明")])
    lines_only = OrderRecord("taobao", "1", 2, lines=[LineRecord("sku1", title="铸铁锅", quantity=1)])
    counts = write(store, [lines_only])
    assert counts.orders_updated == 0 and counts.lines_added == 1
    row = store.conn.execute("SELECT buyer_id, receiver_name, status, paid_fen FROM orders").fetchone()
    assert row[0] is not None and row[1:] == ("王小明", "completed", 10000)


def test_lines_first_then_the_order_report_fills_the_buyer(store):
    write(store, [OrderRecord("taobao", "9", 2, status=OrderStatus.PAID, paid_fen=500,
                              lines=[LineRecord("s1", title="茶")])])
    total, _ = read_summary(store.conn)
    assert (total.orders, total.buyers) == (1, 0)
    write(store, [order("9", buyer="late_nick", status=OrderStatus.PAID, paid=500)])
    total, _ = read_summary(store.conn)
    assert (total.orders, total.buyers, total.countable_orders) == (1, 1, 1)


def test_summary_follows_the_definitions(store):
    write(store, [
        order("1", buyer="a"), order("2", buyer="a", created="2025-11-12 10:00:00"),  # a: repeat
        order("3", buyer="b", status=OrderStatus.UNPAID, paid=0),  # b: buyer, but no countable order
        order("4", buyer="c", refund_state=RefundState.PARTIAL, refund_fen=2500),  # partial: countable, gross
        order("5", buyer="d", status=OrderStatus.CLOSED, refund_state=RefundState.FULL, refund_fen=10000),
        order("6", buyer="e", status=OrderStatus.DELETED),
    ])
    total, shops = read_summary(store.conn)
    assert total.orders == 6
    assert total.countable_orders == 3
    assert total.buyers == 5
    assert total.repeat_buyers == 1
    assert total.paid_fen == 30000
    assert total.net_fen == 27500
    assert total.refunded_orders == 2
    assert total.refund_fen == 12500
    assert [s.platform for s in shops] == ["taobao"]


def test_refund_figures_are_unknown_when_no_file_shows_refunds(store):
    write(store, [OrderRecord("jd", "1", 2, buyer_account="x", status=OrderStatus.COMPLETED, paid_fen=100)])
    total, _ = read_summary(store.conn)
    assert total.paid_fen == 100
    assert total.net_fen is None and total.refunded_orders is None and total.refund_fen is None


def test_refund_records_count_once_with_the_order_file(store):
    write(store, [order("1", refund_state=RefundState.PARTIAL, refund_fen=3000)])
    write(store, [
        RefundRecord("taobao", "r1", "1", 2, RefundStatus.SUCCESS, amount_fen=3000),
        RefundRecord("taobao", "r2", "1", 3, RefundStatus.CLOSED, amount_fen=5000),  # withdrawn: not a refund
    ])
    total, _ = read_summary(store.conn)
    assert (total.refund_fen, total.net_fen, total.refunded_orders) == (3000, 7000, 1)


def test_buyer_profile_follows_the_latest_order(store):
    write(store, [order("1", receiver_name="旧名", city="广州市", created="2025-01-01 00:00:00")])
    write(store, [order("2", receiver_name="新名", city="深圳市", created="2025-06-01 00:00:00")])
    write(store, [order("0", receiver_name="更旧", city="佛山市", created="2024-01-01 00:00:00")])
    assert store.conn.execute("SELECT name, city FROM buyers").fetchall() == [("新名", "深圳市")]


@pytest.mark.parametrize("newest_first", [True, False])
def test_within_one_file_the_profile_is_the_latest_orders_whatever_the_row_order(store, newest_first):
    orders = [order("1", receiver_name="旧名", city="广州市", created="2025-01-01 00:00:00"),
              order("2", receiver_name="新名", city="深圳市", created="2025-06-01 00:00:00"),
              order("3", buyer="b2", receiver_name="乙", city="杭州市", created="2025-03-01 00:00:00")]
    write(store, sorted(orders, key=lambda o: o.created_at, reverse=newest_first))
    assert store.conn.execute("SELECT account, name, city, profile_at FROM buyers ORDER BY account").fetchall() == [
        ("b2", "乙", "杭州市", "2025-03-01 00:00:00"), ("nick", "新名", "深圳市", "2025-06-01 00:00:00")]


def test_same_nick_on_two_platforms_is_two_buyers(store):
    jd = OrderRecord("jd", "1", 2, buyer_account="nick", status=OrderStatus.COMPLETED, paid_fen=1)
    counts = write(store, [order("1", buyer="nick"), jd])
    assert counts.buyers_added == 2


def assert_written_alike(tmp_path, records, batch, tables):
    """The records written one by one and the batch written as columns leave the same tables."""
    def read(path):
        conn = sqlite3.connect(path)
        out = [conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in tables]
        conn.close()
        return out

    one, two = open_store(tmp_path / "records.sqlite"), open_store(tmp_path / "batch.sqlite")
    assert write(one, records) == write(two, [batch])
    one.close()
    two.close()
    assert read(tmp_path / "records.sqlite") == read(tmp_path / "batch.sqlite")


def test_a_column_batch_writes_exactly_what_its_records_write(tmp_path):
    from sellerdesk.domain.orders import OrderBatch

    records = [
        order("1", buyer="a", receiver_name="旧", city="广州市", created="2025-01-01 00:00:00"),
        order("2", buyer="a", receiver_name="新", city="深圳市", created="2025-06-01 00:00:00"),
        order("3", buyer=None, receiver_name="张三", receiver_phone="138****0000"),
        order("4", buyer=None),  # no identity at all: unknown buyer
        order("5", buyer="b", status=OrderStatus.CLOSED, refund_state=RefundState.FULL, refund_fen=10000),
    ]
    names = [n for n in OrderRecord.__slots__ if n not in ("platform", "lines")]
    batch = OrderBatch("taobao", {n: [getattr(r, n) for r in records] for n in names})
    assert batch.records() == records

    assert_written_alike(tmp_path, records, batch, ("orders", "buyers", "shop_summary"))


def test_a_column_batch_with_lines_writes_exactly_what_its_records_write(tmp_path):
    from sellerdesk.domain.orders import OrderBatch

    lines = {
        "1": [LineRecord("11", title="锅", quantity=1, unit_price_fen=23900, amount_fen=20112, status_text="交易成功",
                         refund_fen=0)],
        "2": [LineRecord("21", title="铲", quantity=2, amount_fen=3000, refund_fen=3000, status_text="交易关闭"),
              LineRecord("22", title=None, sku="SPATULA", spec="颜色分类：红")],
        "3": [],
    }
    records = [
        OrderRecord("taobao", no, 2, status=OrderStatus.COMPLETED, paid_fen=100, created_at="2025-11-11 10:00:00",
                    refund_fen=0, refund_state=RefundState.NONE, lines=lines[no])
        for no in ("1", "2", "3")
    ]
    names = [n for n in OrderRecord.__slots__ if n not in ("platform", "lines")]
    line_names = LineRecord.__slots__
    line_columns = {"order_no": [r.order_no for r in records for _ in r.lines]}
    line_columns |= {n: [getattr(ln, n) for r in records for ln in r.lines] for n in line_names}
    batch = OrderBatch("taobao", {n: [getattr(r, n) for r in records] for n in names}, line_columns)
    assert batch.records() == records

    assert_written_alike(tmp_path, records, batch, ("orders", "order_lines", "shop_summary"))


def test_a_countable_order_without_a_time_gives_its_item_but_no_day(store):
    """Both ways of keeping buyer_stats read the last order's day from its time alone."""
    from sellerdesk.domain.buyer_tally import BuyerTally
    from sellerdesk.store.buyer_stats import refresh_buyer_stats

    write(store, [order("1", created=None, title="铸铁锅")])
    with store.transaction() as conn:
        refresh_buyer_stats(conn)
    assert store.conn.execute("SELECT first_order_day, last_order_day, last_item FROM buyer_stats").fetchall() == [
        (None, None, "铸铁锅")]
    tally = BuyerTally()
    tally.add_columns([1], [True], [10000], [False], [None], ["铸铁锅"])
    assert [r[6:] for r in tally.rows()] == [(None, None, "铸铁锅")]
