"""The Taobao refund report (退款报表): one row per refund record, its cuts and its statuses."""

from __future__ import annotations

from datetime import datetime

import pytest

from sellerdesk.domain.errors import FileImportError
from sellerdesk.domain.orders import RefundStatus
from sellerdesk.ingest.taobao_orders import TaobaoOrdersCsv
from sellerdesk.ingest.taobao_refunds import TaobaoRefunds, refund_status
from tests.ingest.taobao_files import (
    ORDER_HEADERS_61,
    ORDER_NO,
    REFUND_HEADERS_42,
    REFUND_HEADERS_2024,
    REFUND_HEADERS_OLD,
    errors_by_row,
    parse_file,
    refund_row,
    write_csv,
    write_xlsx,
)

R1, R2, R3 = "80212345678901234", "80212345678901235", "80212345678901236"


def _xlsx(tmp_path, headers, rows, name="退款报表.xlsx"):
    return parse_file(TaobaoRefunds, write_xlsx(tmp_path / name, headers, rows))


def test_42_column_workbook_with_typed_cells(tmp_path):
    typed = refund_row(
        R1, 买家实际支付金额=201.12, 买家退款金额=50.5, 退款的申请时间=datetime(2025, 11, 13, 9, 0),
        退款完结时间=datetime(2025, 11, 15, 10, 30),
    )
    closed = refund_row(R2, "35153131473293580", 退款状态="退款关闭", 买家退款原因="拍错了", 退款完结时间="")
    (first, second), sink = _xlsx(tmp_path, REFUND_HEADERS_42, [typed, closed])
    assert sink.errors == [] and sink.rows_read == 2
    assert (first.platform, first.refund_no, first.order_no, first.row) == ("taobao", R1, ORDER_NO, 2)
    assert (first.status, first.status_text, first.amount_fen, first.paid_fen) == (
        RefundStatus.SUCCESS, "退款成功", 5050, 20112,
    )
    assert (first.title, first.reason) == ("不粘锅炒锅家用", "不想要了")
    assert (first.applied_at, first.finished_at) == ("2025-11-13 09:00:00", "2025-11-15 10:30:00")
    assert first.buyer_account is None  # the 42-column cut has no buyer column
    assert (second.status, second.reason, second.finished_at) == (RefundStatus.CLOSED, "拍错了", None)


def test_older_cut_gbk_csv_with_buyer_and_merchant_code(tmp_path):
    rows = [refund_row(R1), refund_row(R2, 退款状态="卖家拒绝退款", 买家退款金额="30.00元")]
    path = write_csv(tmp_path / "退款报表.csv", REFUND_HEADERS_OLD, rows)
    assert '="35153131473293579"'.encode("gbk") in path.read_bytes()
    (first, second), sink = parse_file(TaobaoRefunds, path)
    assert sink.errors == []
    assert (first.order_no, first.buyer_account, first.amount_fen) == (ORDER_NO, "tb_nick", 20112)
    assert (second.status, second.amount_fen) == (RefundStatus.CLOSED, 3000)


def test_2024_cut_takes_what_went_back_to_the_buyer(tmp_path):
    row = refund_row(R1, 退款总额=210.0, 退给买家金额=201.12, 退给平台金额=8.88, 退款申请时间="2025/11/13 9:00")
    (record,), sink = _xlsx(tmp_path, REFUND_HEADERS_2024, [row])
    assert sink.errors == []
    assert (record.amount_fen, record.applied_at, record.finished_at) == (20112, "2025-11-13 09:00:00", "2025-11-15 10:30:00")


def test_only_a_total_amount(tmp_path):
    headers = [h for h in REFUND_HEADERS_2024 if h not in ("退给买家金额", "退给平台金额")]
    (record,), _ = _xlsx(tmp_path, headers, [refund_row(R1, 退款总额=88.8)])
    assert record.amount_fen == 8880


@pytest.mark.parametrize(
    "text, status",
    [
        ("退款成功", RefundStatus.SUCCESS),
        ("退款关闭", RefundStatus.CLOSED),
        ("卖家拒绝退款", RefundStatus.CLOSED),
        ("买家撤销", RefundStatus.CLOSED),
        ("买家已经申请退款，等待卖家同意", RefundStatus.PENDING),
        ("买家已经申请退款,等待卖家同意", RefundStatus.PENDING),
        ("卖家已经同意退款，等待买家退货", RefundStatus.PENDING),
        ("买家已经退货，等待卖家确认收货", RefundStatus.PENDING),
        ("退款中", RefundStatus.PENDING),
    ],
)
def test_refund_statuses(tmp_path, text, status):
    assert refund_status(text) == status
    (record,), _ = _xlsx(tmp_path, REFUND_HEADERS_42, [refund_row(R1, 退款状态=text)])
    assert (record.status, record.status_text) == (status, text)


@pytest.mark.parametrize(
    "changes, column, reason",
    [
        ({"退款的申请时间": "2025-11-32 09:00:00"}, "退款的申请时间", "not a date/time"),
        ({"退款完结时间": "下周"}, "退款完结时间", "not a date/time"),
        ({"买家退款金额": "五十"}, "买家退款金额", "not an amount of money"),
        ({"买家实际支付金额": "1.234"}, "买家实际支付金额", "not an amount of money"),
        ({"退款编号": ""}, "退款编号", "required value is missing"),
        ({"订单编号": "--"}, "订单编号", "order number is missing"),
        ({"退款状态": ""}, "退款状态", "required value is missing"),
    ],
)
def test_broken_rows_rejected_good_rows_kept(tmp_path, changes, column, reason):
    rows = [refund_row(R1), refund_row(R2, **changes), refund_row(R3)]
    path = write_csv(tmp_path / "refunds.csv", REFUND_HEADERS_42, rows)
    records, sink = parse_file(TaobaoRefunds, path)
    assert [r.refund_no for r in records] == [R1, R3]
    assert errors_by_row(sink) == {3: (column, reason)}


def test_refund_number_stored_as_a_number_is_refused(tmp_path):
    rows = [refund_row(R1), refund_row(float(R2))]
    records, sink = _xlsx(tmp_path, REFUND_HEADERS_42, rows)
    assert [r.refund_no for r in records] == [R1]
    assert sink.errors[0].column == "退款编号" and "lost its last digits" in sink.errors[0].reason_en


def test_excel_resave_utf8_bom(tmp_path):
    path = write_csv(tmp_path / "refunds.csv", REFUND_HEADERS_42, [refund_row(R1)], excel=True)
    (record,), sink = parse_file(TaobaoRefunds, path)
    assert sink.errors == []
    assert (record.order_no, record.applied_at) == (ORDER_NO, "2025-11-13 09:00:00")


def test_summary_row_is_not_a_refund(tmp_path):
    total = ["合计", None, None, None, None, None, 402.24, None, 201.12]
    records, sink = _xlsx(tmp_path, REFUND_HEADERS_42, [refund_row(R1), refund_row(R2), total])
    assert len(records) == 2 and sink.errors == [] and sink.rows_read == 2


def test_header_only_and_empty_files(tmp_path):
    records, sink = _xlsx(tmp_path, REFUND_HEADERS_42, [])
    assert records == [] and sink.errors == []
    empty = tmp_path / "empty.xls"
    empty.write_bytes(b"")
    with pytest.raises(FileImportError):
        parse_file(TaobaoRefunds, empty)


def test_refund_and_order_reports_do_not_match_each_other():
    orders = {h.strip() for h in ORDER_HEADERS_61}
    for headers in (REFUND_HEADERS_42, REFUND_HEADERS_OLD, REFUND_HEADERS_2024):
        for sheet in (True, False):
            assert TaobaoRefunds.score(set(headers), sheet) > 0
            assert TaobaoOrdersCsv.score(set(headers), sheet) == 0
    assert TaobaoRefunds.score(orders, False) == 0
