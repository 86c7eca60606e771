"""The buyer table model: ids plus pages read on demand; and the buyer record tables."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from sellerdesk.services.customers import BuyerReader, buyer_detail, list_buyer_ids
from sellerdesk.services.demo import build_demo_shop
from sellerdesk.services.segmentation import compute_segmentation
from sellerdesk.ui.models.buyer_records import BuyerLinesModel, BuyerOrdersModel, BuyerRefundsModel
from sellerdesk.ui.models.buyer_table import (COLUMNS, GROUPS, PAGE_SIZE, PAID, PHONE, BuyerTableModel,
                                               short_group_name)

TODAY = date(2025, 12, 20)


@pytest.fixture(scope="module")
def demo_shop(tmp_path_factory):
    from sellerdesk.services.shop import ShopFile

    shop = ShopFile(tmp_path_factory.mktemp("customers-models") / "shop.sqlite")
    build_demo_shop(shop, buyers=450, seed=3, today=TODAY)
    return shop


@pytest.fixture
def model(qapp, demo_shop):
    seg = compute_segmentation(demo_shop, TODAY)
    reader = BuyerReader(demo_shop)
    m = BuyerTableModel()
    m.set_reader(reader)
    m.set_ids(list_buyer_ids(demo_shop, seg), seg)
    yield m
    reader.close()


def test_model_passes_qtmodeltester(qtmodeltester, model):
    qtmodeltester.check(model)


def test_pages_are_read_only_for_rows_asked(model):
    assert model.rowCount() == 450 and model.pages_read == 0
    model.data(model.index(0, PAID))
    assert model.pages_read == 1
    model.data(model.index(PAGE_SIZE - 1, PAID))
    assert model.pages_read == 1
    model.data(model.index(PAGE_SIZE + 3, PAID))
    assert model.pages_read == 2


def test_cells_are_masked_and_formatted(model, demo_shop):
    detail = buyer_detail(demo_shop, model.buyer_id(0), model.segmentation)
    phone = model.data(model.index(0, PHONE))
    assert "****" in phone and phone != detail.facts.phone
    assert model.data(model.index(0, PAID)).startswith("¥")
    names = model.data(model.index(0, GROUPS))
    assert names and all(short_group_name(model.segmentation, k) in names for k in detail.groups)


def test_sort_asks_for_sql_and_ignores_unsortable_columns(model, qtbot):
    with qtbot.assertNotEmitted(model.sort_requested):
        model.sort(GROUPS, Qt.SortOrder.AscendingOrder)
    with qtbot.waitSignal(model.sort_requested) as asked:
        model.sort(COLUMNS.index(next(c for c in COLUMNS if c.sort_key == "last_order")),
                   Qt.SortOrder.AscendingOrder)
    assert asked.args == ["last_order", False]


def test_record_models_pass_qtmodeltester(qtmodeltester, demo_shop, model):
    detail = buyer_detail(demo_shop, model.buyer_id(0), model.segmentation)
    for record_model, rows in ((BuyerOrdersModel(), detail.orders), (BuyerLinesModel(), detail.lines),
                               (BuyerRefundsModel(), detail.refunds)):
        record_model.set_rows(rows)
        qtmodeltester.check(record_model)
