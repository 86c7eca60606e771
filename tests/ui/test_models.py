"""Every table model passes Qt's model tester, empty and with real rows; sorting uses raw values."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt

from sellerdesk.services.importing import import_files
from sellerdesk.services.overview import load_overview
from sellerdesk.ui.models import shop_figures as sf
from sellerdesk.ui.models.file_results import FileResultsModel
from sellerdesk.ui.models.imports_log import ImportsLogModel
from sellerdesk.ui.models.rejected_rows import RejectedRowsModel
from sellerdesk.ui.models.rows_model import SORT_ROLE
from sellerdesk.ui.models.shop_figures import ShopFiguresModel

from .test_summary_dialog import BAD_LINES
from .taobao_csv import Order, write_taobao_csv, small_shop_orders


@pytest.fixture
def imported(tmp_path, tmp_shop):
    a = write_taobao_csv(tmp_path / "a.csv", small_shop_orders(), extra_lines=BAD_LINES)
    generic = tmp_path / "other.csv"
    generic.write_text("单号,金额\nX1,5.00\n", encoding="utf-8")
    result = import_files(tmp_shop, [a, generic])  # the second one needs a column mapping
    import_files(tmp_shop, [generic], mapping={"order_no": "单号", "paid": "金额"})
    big_spenders = [Order(900 + i, f"tb_z{i}", "1000.00") for i in range(3)]
    import_files(tmp_shop, [write_taobao_csv(tmp_path / "b.csv", big_spenders)])
    return result, load_overview(tmp_shop)


def models(imported):
    result, overview = imported
    return [
        RejectedRowsModel([e for f in result.files for e in f.errors]),
        FileResultsModel(result.files),
        ShopFiguresModel(overview.shops),
        ImportsLogModel(overview.imports),
    ]


@pytest.mark.parametrize("index", range(4))
def test_models_pass_the_model_tester(qtmodeltester, imported, index):
    model = models(imported)[index]
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)
    model.set_rows([])
    qtmodeltester.check(model, force_py=True)


def test_sorting_uses_raw_values_not_display_text(imported):
    model = ShopFiguresModel(imported[1].shops)
    paid = {model.cell_text(r, sf.PLATFORM): model.cell_text(r, sf.PAID) for r in range(model.rowCount())}
    assert sorted(paid.values()) == ["¥3,460.40", "¥5.00"]  # as text, 3,460.40 sorts first
    proxy = QSortFilterProxyModel()
    proxy.setSortRole(SORT_ROLE)
    proxy.setSourceModel(model)
    proxy.sort(sf.PAID, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, sf.PAID).data() for r in range(2)] == ["¥5.00", "¥3,460.40"]


def test_shop_model_headers_and_money(imported):
    model = ShopFiguresModel(imported[1].shops)
    assert model.headerData(sf.PAID, Qt.Orientation.Horizontal) in ("Paid total", "实付总额")
    assert model.data(model.index(0, sf.PAID), Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.data(model.index(0, sf.PAID), SORT_ROLE) == imported[1].shops[0].paid_fen
