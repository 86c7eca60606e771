"""The demo shop: deterministic, realistic, real-shaped files, and the key end-to-end check:
the figures the store reports equal the figures computed straight from the model."""

from __future__ import annotations

import codecs
import csv
import sqlite3
from collections import Counter
from datetime import date, timedelta

import pytest
from python_calamine import CalamineWorkbook

from sellerdesk.demo import build_shop_model, expected_figures, write_model_exports, write_taobao_orders_csv
from sellerdesk.demo.figures import spend_share_of_top
from sellerdesk.demo.pools import KITCHEN_SHOP, TEA_SHOP
from sellerdesk.demo.shop_model import DORMANT_AFTER_DAYS
from sellerdesk.domain.orders import OrderStatus, RefundState
from sellerdesk.services.demo import build_demo_shop, write_demo_exports
from sellerdesk.services.importing import import_files
from sellerdesk.services.overview import load_overview
from sellerdesk.services.shop import ShopFile

BUYERS, SEED = 300, 11


@pytest.fixture(scope="module")
def model():
    return build_shop_model(BUYERS, SEED)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """(shop, import result, files) of one demo build, shared by the import tests."""
    folder = tmp_path_factory.mktemp("demo")
    shop = ShopFile(folder / "demo.sqlite")
    result = build_demo_shop(shop, buyers=BUYERS, seed=SEED, keep_files_in=folder / "files")
    return shop, result, sorted((folder / "files").iterdir())


def figures_of(row) -> dict:
    return {
        "orders": row.orders, "countable_orders": row.countable_orders, "buyers": row.buyers,
        "repeat_buyers": row.repeat_buyers, "paid_fen": row.paid_fen, "refunded_orders": row.refunded_orders,
        "net_fen": row.net_fen,
    }


def table_counts(shop) -> dict:
    conn = sqlite3.connect(shop.path)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("orders", "order_lines", "refunds", "buyers")}
    finally:
        conn.close()


# --- determinism -------------------------------------------------------------------------

def test_same_seed_same_shop_and_files(tmp_path, model):
    again = build_shop_model(BUYERS, SEED)
    assert expected_figures(again) == expected_figures(model)
    assert [o.order_no for o in again.orders] == [o.order_no for o in model.orders]
    a = write_demo_exports(tmp_path / "a", 120, 5)
    b = write_demo_exports(tmp_path / "b", 120, 5)
    assert [p.name for p in a] == [p.name for p in b]
    for x, y in zip(a, b):
        if x.suffix == ".csv":
            assert x.read_bytes() == y.read_bytes(), x.name
        else:  # xlsx carry a save time in their properties: compare the cells
            assert _sheet(x) == _sheet(y), x.name


def test_another_seed_or_day_gives_another_shop(model):
    assert expected_figures(build_shop_model(BUYERS, SEED + 1)) != expected_figures(model)
    later = build_shop_model(BUYERS, SEED, today=date(2026, 6, 30))
    assert max(o.created_at for o in later.orders).date() == date(2026, 6, 30)


# --- realism -------------------------------------------------------------------------------

def test_the_shop_looks_like_a_shop(model):
    orders = model.orders
    assert {o.platform for o in orders} == {"taobao", "jd", "pdd", "douyin", "1688"}
    assert {o.shop for o in model.orders_of("taobao")} == {KITCHEN_SHOP, TEA_SHOP}
    assert 30 <= len({i.code for i in model.items}) <= 60
    first, last = min(o.created_at for o in orders), max(o.created_at for o in orders)
    assert (last - first).days >= 700 and last.date() == model.today
    # peaks: the big days are far busier than an average day
    per_day = Counter(o.created_at.date() for o in orders)
    average = len(orders) / 731
    for month, day in ((11, 11), (6, 18)):
        busiest = max(n for d, n in per_day.items() if (d.month, d.day) == (month, day))
        assert busiest > 5 * average, (month, day)
    statuses = Counter((o.status, o.refund_state) for o in orders)
    for status in (OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.COMPLETED, OrderStatus.CLOSED):
        assert any(s == status for s, _ in statuses), status
    assert any(o.paid_at is None for o in orders)  # never paid: waiting, or closed unpaid
    assert statuses[(OrderStatus.CLOSED, RefundState.FULL)] > 0
    assert statuses[(OrderStatus.COMPLETED, RefundState.PARTIAL)] > 0
    assert any(o.status == OrderStatus.DELETED and o.note.startswith("订单拆分为") for o in orders)
    assert 0.65 <= spend_share_of_top(model) <= 0.92  # about 80/20


def test_buyer_kinds(model):
    by_buyer: dict[int, list] = {}
    for o in model.orders:
        by_buyer.setdefault(o.buyer.id, []).append(o)
    dormant = [b for b in model.buyers if b.segment == "dormant"]
    cutoff = model.today - timedelta(days=DORMANT_AFTER_DAYS)
    assert dormant
    for b in dormant:
        assert all(o.created_at.date() < cutoff for o in by_buyer[b.id])
    assert sum(len(by_buyer[b.id]) for b in dormant) / len(dormant) >= 3
    one_time = [b for b in model.buyers if b.segment == "one_time"]
    assert all(len(by_buyer[b.id]) == 1 for b in one_time)
    assert expected_figures(model).repeat_buyers >= len(model.buyers) // 5
    names = [o.receiver()[0] for o in model.orders_of("taobao")]
    assert any("*" in n for n in names) and any("*" not in n for n in names)  # masked and full


# --- the files --------------------------------------------------------------------------

def test_files_have_the_platform_shapes(tmp_path, model):
    paths = {p.name: p for p in write_model_exports(model, tmp_path)}
    orders_csv = next(p for n, p in paths.items() if n.startswith("ExportOrderList"))
    raw = orders_csv.read_bytes()
    assert not raw.startswith(codecs.BOM_UTF8) and b"\r\n" in raw
    text = raw.decode("gbk")
    header, first = text.split("\r\n")[:2]
    assert '"收货地址 "' in header and '"订单付款时间 "' in header and header.startswith('"订单编号"')
    assert first.startswith('="') and ',="",' in first and '元",' in first and "\"'" in first
    rows = list(csv.reader(text.splitlines()))
    assert {len(r) for r in rows} == {61}
    items = next(p for n, p in paths.items() if n.startswith("ExportOrderDetailList")).read_bytes().decode("gbk")
    assert all(line.endswith(",") for line in items.split("\r\n")[1:] if line)
    jd = next(p for n, p in paths.items() if n.startswith("京东")).read_bytes().decode("gbk")
    assert all(line.endswith(",") for line in jd.split("\r\n") if line)
    assert "(删除)" in jd and "订单拆分为" in jd
    pdd = next(p for n, p in paths.items() if "orders_export" in n).read_bytes()
    assert pdd.startswith(codecs.BOM_UTF8) and b",\t," in pdd and b",\t1" in pdd
    douyin = next(p for n, p in paths.items() if n.startswith("抖店")).read_bytes()
    assert douyin.startswith(codecs.BOM_UTF8) and b'"\t##' in douyin and b'"\t$$' in douyin and b",-," in douyin
    sheet = _sheet(next(p for n, p in paths.items() if n.startswith("1688")))
    assert sheet[0][0] == "订单编号" and len(sheet[0]) == 49
    assert any(row[0] == "" and row[18] for row in sheet[1:])  # continuation rows of multi-line orders


def test_big_taobao_csv_is_importable(tmp_path):
    path = write_taobao_orders_csv(tmp_path / "ExportOrderList202512200000.csv", 400, seed=3)
    rows = list(csv.reader(path.read_bytes().decode("gbk").splitlines()))
    assert len(rows) == 401 and {len(r) for r in rows} == {61}
    shop = ShopFile(tmp_path / "big.sqlite")
    result = import_files(shop, [path])
    f = result.files[0]
    assert f.error is None and f.rows_read == 400 and f.rows_rejected == 0
    total = load_overview(shop).total
    assert total.orders == 400 and total.buyers == 120 and total.repeat_buyers > 0


# --- the import path end to end ---------------------------------------------------------

def test_every_file_imports_cleanly(demo):
    _, result, files = demo
    assert len(result.files) == len(files) >= 10
    for f in result.files:
        assert f.imported and f.rows_rejected == 0, (f.file_name, f.error, f.errors[:3])
    layouts = {f.layout for f in result.files}
    assert {"taobao_orders", "taobao_items", "taobao_refunds"} <= layouts and len(layouts) == 7


def test_store_figures_equal_the_model(demo, model):
    """The key check: what the store reports is what the definitions say the shop holds."""
    shop, _, _ = demo
    overview = load_overview(shop)
    assert figures_of(overview.total) == expected_figures(model).as_dict()
    for row in overview.shops:
        expected = expected_figures(model, row.platform, row.shop or None)
        assert figures_of(row) == expected.as_dict(), (row.platform, row.shop)
    assert len(overview.imports) == len(demo[2])


def test_reimport_changes_nothing(demo, tmp_path):
    shop, _, files = demo
    before, counts = load_overview(shop).total, table_counts(shop)
    result = import_files(shop, list(reversed(files)))
    for f in result.files:
        c = f.counts
        assert f.imported and (c.orders_added, c.orders_updated, c.lines_added, c.lines_updated,
                               c.refunds_added, c.refunds_updated, c.buyers_added) == (0,) * 7, f.file_name
    assert load_overview(shop).total == before and table_counts(shop) == counts
    assert not (result.changes.orders or result.changes.buyers or result.changes.refunds)


def test_build_replaces_an_old_database(tmp_path):
    path = tmp_path / "shop.sqlite"
    path.write_bytes(b"not a database at all")
    (tmp_path / "shop.sqlite-wal").write_bytes(b"stale")
    result = build_demo_shop(ShopFile(path), buyers=40, seed=2)
    assert not result.failed and load_overview(ShopFile(path)).total.buyers == 40
    assert not any(p.name.startswith("sellerdesk-demo-") for p in tmp_path.iterdir())


def test_cli_demo_command(tmp_path, capsys):
    from sellerdesk.cli import main

    assert main(["demo", "--db", str(tmp_path / "d.sqlite"), "--buyers", "30", "--seed", "4"]) == 0
    assert "demo shop ready" in capsys.readouterr().out
    assert load_overview(ShopFile(tmp_path / "d.sqlite")).total.buyers == 30


def _sheet(path) -> list[list]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
