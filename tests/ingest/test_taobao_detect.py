"""detect() picks the right Taobao layout for each real-shaped Taobao file."""

from __future__ import annotations

from sellerdesk.ingest.registry import detect
from sellerdesk.ingest.table import open_table
from tests.ingest import taobao_files as F
from tests.ingest.test_taobao_items import BYTES as ITEM_BYTES
from tests.ingest.test_taobao_orders import BYTES_2017


def test_detect_picks_each_taobao_layout(tmp_path):
    def raw(name: str, data: bytes):
        path = tmp_path / name
        path.write_bytes(data)
        return path

    files = {
        raw("ExportOrderList201706211030.csv", BYTES_2017): "taobao_orders",
        F.write_orders(tmp_path / "ExportOrderList202101011200.csv", [F.order_row()]): "taobao_orders",
        F.write_orders(tmp_path / "resaved.csv", [F.order_row()], excel=True): "taobao_orders",
        raw("ExportOrderDetailList201706211030.csv", ITEM_BYTES): "taobao_items",
        F.write_items(tmp_path / "items_resaved.csv", [F.item_row()], excel=True): "taobao_items",
        F.write_xlsx(tmp_path / "ExportOrderList24220674019.xlsx", F.SUBORDER_HEADERS, [F.suborder_row("1")]):
            "taobao_suborders",
        F.write_xlsx(tmp_path / "退款报表.xlsx", F.REFUND_HEADERS_42, [F.refund_row()]): "taobao_refunds",
        F.write_xlsx(tmp_path / "退款报表2024.xlsx", F.REFUND_HEADERS_2024, [F.refund_row()]): "taobao_refunds",
        F.write_csv(tmp_path / "退款报表_old.csv", F.REFUND_HEADERS_OLD, [F.refund_row()]): "taobao_refunds",
    }
    found = {}
    for path, _ in files.items():
        with open_table(path) as table:
            found[path.name] = (detect(table).key, detect(table, platform="taobao").key)
    assert found == {path.name: (key, key) for path, key in files.items()}
