"""detect() picks the JD, Pinduoduo, 1688 and Douyin layouts for their files, and only for them."""

from __future__ import annotations

import pytest

from sellerdesk.ingest.alibaba1688 import Alibaba1688Orders
from sellerdesk.ingest.douyin import DouyinOrders
from sellerdesk.ingest.jd import JdOrders
from sellerdesk.ingest.pdd import PddOrders
from sellerdesk.ingest.registry import all_layouts, detect
from sellerdesk.ingest.table import open_table

from .platform_files import (
    DOUYIN_HEADERS,
    JD_HEADERS,
    JD_LATER,
    PDD_HEADERS,
    alibaba_line,
    alibaba_order,
    alibaba_xlsx,
    douyin_csv,
    douyin_row,
    jd_csv,
    jd_row,
    pdd_csv,
    pdd_csv_bytes,
    pdd_row,
    xlsx_rows,
)


def _detected(path):
    with open_table(path) as table:
        return type(detect(table))


def _full_width_pdd(folder):
    path = folder / "pdd_fw.csv"
    headers = [h.replace("(", "（").replace(")", "）") for h in PDD_HEADERS]
    row = {h.replace("(", "（").replace(")", "）"): v for h, v in pdd_row().items()}
    path.write_bytes(pdd_csv_bytes([row], headers=headers))
    return path


FIXTURES = {
    "jd_csv": (lambda p: jd_csv(p / "jd.csv", [jd_row()]), JdOrders),
    "jd_csv_later_cut": (lambda p: jd_csv(p / "jd2.csv", [jd_row()], headers=JD_HEADERS + JD_LATER), JdOrders),
    "jd_xlsx": (lambda p: xlsx_rows(p / "jd.xlsx", JD_HEADERS, [jd_row()]), JdOrders),
    "pdd_csv": (lambda p: pdd_csv(p / "pdd.csv", [pdd_row()]), PddOrders),
    "pdd_full_width": (_full_width_pdd, PddOrders),
    "pdd_minimal": (lambda p: pdd_csv(p / "pdd3.csv", [pdd_row()], headers=[
        "订单号", "订单状态", "用户实付金额(元)", "商品数量(件)"]), PddOrders),
    "douyin_csv": (lambda p: douyin_csv(p / "dy.csv", [douyin_row()]), DouyinOrders),
    "douyin_xlsx": (lambda p: xlsx_rows(p / "dy.xlsx", DOUYIN_HEADERS, [douyin_row()]), DouyinOrders),
    "1688_xlsx": (lambda p: alibaba_xlsx(p / "a.xlsx", [(alibaba_order(), [alibaba_line()])]), Alibaba1688Orders),
    "1688_merged": (lambda p: alibaba_xlsx(p / "m.xlsx", [(alibaba_order(), [alibaba_line(), alibaba_line()])],
                                           merge=True), Alibaba1688Orders),
}


@pytest.mark.parametrize("name", FIXTURES)
def test_detect_picks_the_platform_layout(tmp_path, name):
    make, expected = FIXTURES[name]
    path = make(tmp_path)
    assert _detected(path) is expected
    # and the detected layout reads the file without errors
    from .platform_files import parse

    records, sink = parse(expected(), path)
    assert records and sink.errors == []


@pytest.mark.parametrize("name", FIXTURES)
def test_no_other_layout_scores_as_high(tmp_path, name):
    make, expected = FIXTURES[name]
    with open_table(make(tmp_path)) as table:
        headers = {h for h in table.headers if h}
        is_sheet = table.encoding is None
    scores = {layout: layout.score(headers, is_sheet) for layout in all_layouts()}
    best = scores.pop(expected)
    assert all(s < best for s in scores.values()), scores


@pytest.mark.parametrize(
    ("platform", "expected"),
    [("jd", JdOrders), ("pdd", PddOrders), ("1688", Alibaba1688Orders), ("douyin", DouyinOrders)],
)
def test_layout_keys_and_platforms(platform, expected):
    assert expected.platform == platform and expected.kind == "orders"
    assert expected.key == f"{platform}_orders"
    assert expected.label_zh and expected.label_en
