"""The report workbook: one sheet per section, real numbers with formats, safe text, atomic writes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from sellerdesk.domain.report_doc import Column, Kind, ReportDoc, Section, Table, Text
from sellerdesk.exporters import ExportError
from sellerdesk.exporters.report_xlsx import sheet_name, write_report_xlsx
from tests.exporters.test_report_pdf import LONG_NAME, ODD_TITLE, rich_doc, sparse_doc


def _rows(ws) -> list[tuple]:
    return [tuple(c for c in r) for r in ws.iter_rows(values_only=True)]


def _find(ws, first: object):
    for row in ws.iter_rows():
        if row[0].value == first:
            return row
    raise AssertionError(f"{first!r} not in {ws.title}")


def test_one_sheet_per_section_with_numbers_and_formats(tmp_path):
    doc = rich_doc()
    out = tmp_path / "r.xlsx"
    assert write_report_xlsx(doc, out) == len(doc.sections)
    wb = load_workbook(out)
    assert wb.sheetnames == [s.title for s in doc.sections]
    head = wb["核心数据"]
    assert head["A1"].value == "双11 2026 复盘 · 核心数据"
    paid = _find(head, "支付金额")
    assert paid[1].value == 123456.78 and paid[1].number_format == '"¥"#,##0.00;-"¥"#,##0.00'
    assert paid[2].value == 100000.0
    assert paid[3].value == pytest.approx(0.2345678) and paid[3].number_format == "+0.0%;-0.0%;0.0%"
    assert paid[4].value == 150000.0 and paid[5].value == pytest.approx(12_345_678 / 15_000_000)
    refund = _find(head, "退款率")
    assert refund[1].value == 0.052 and refund[1].number_format == "0.0%"
    assert "对比 2026-09-20 – 2026-10-19" in [r[0] for r in _rows(head)]


def test_tables_keep_totals_titles_and_dates(tmp_path):
    out = tmp_path / "r.xlsx"
    write_report_xlsx(rich_doc(), out)
    wb = load_workbook(out)
    ch = wb["渠道与流量"]
    header = _find(ch, "渠道")
    assert [c.value for c in header][:4] == ["渠道", "花费", "成交", "ROI"]
    total = _find(ch, "合计")
    assert total[1].value == 11000.0 and total[0].font.bold and total[7].number_format == "0.0%"
    items = wb["商品"]
    first = next(r for r in items.iter_rows() if r[1].value == "SKU-0000")
    assert first[0].value == f"{LONG_NAME}0" and first[2].value == 2000  # full names, never shortened
    assert next(r for r in items.iter_rows() if r[1].value == "SKU-0003")[0].value == ODD_TITLE
    daily = wb["每日走势"]
    first_day = _find(daily, datetime(2026, 10, 20))  # chart data: the day as a date, each series, the phase
    assert first_day[0].number_format == "yyyy-mm-dd"
    assert first_day[1].value == 8000.0 and first_day[3].value == "预热"
    assert _find(daily, datetime(2026, 10, 25))[2].value is None  # a day without data stays empty
    buyers = wb["买家"]
    new = _find(buyers, "新客")
    assert new[1].value == 1783 and new[2].value == pytest.approx(1783 / 3876)


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    doc = ReportDoc("=cmd|' /C calc'!A0", "@shop", "p", "", datetime(2026, 1, 1), "zh", (
        Section("items", "商品", (
            Table((Column("商品"), Column("件数", Kind.INT)), (("=HYPERLINK(\"http://x\")", 3), ("+1-2", 4))),
            Text("-1+1 备注"))),))
    out = tmp_path / "f.xlsx"
    write_report_xlsx(doc, out)
    ws = load_workbook(out)["商品"]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert all(not t.startswith(("=", "+", "-", "@")) for t in texts)
    assert "'=HYPERLINK(\"http://x\")" in texts and "'-1+1 备注" in texts
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)


def test_sparse_report_and_odd_section_titles(tmp_path):
    doc = replace(sparse_doc(), sections=(*sparse_doc().sections,
                                          Section("x", "售后/退换[货]:*?", ()), Section("y", "售后/退换[货]:*?", ())))
    out = tmp_path / "s.xlsx"
    assert write_report_xlsx(doc, out) == 8
    wb = load_workbook(out)
    assert wb.sheetnames[-2:] == ["售后_退换_货____", "售后_退换_货____ (2)"]
    assert any("暂无数据：核心数据：本期没有数据" == r[0] for r in _rows(wb["核心数据"]))


def test_sheet_names_are_legal_and_unique():
    taken: set[str] = set()
    long = "很长的章节标题" * 10
    a, b = sheet_name(long, taken), sheet_name(long, taken)
    assert len(a) == len(b) == 31 and a != b and b.endswith("(2)")


def test_failed_write_leaves_no_file_and_says_why(tmp_path, monkeypatch):
    from sellerdesk.exporters import report_xlsx

    with pytest.raises(ExportError) as e:
        write_report_xlsx(sparse_doc(), tmp_path / "missing" / "r.xlsx")
    assert "文件夹不存在" in e.value.message_zh
    out = tmp_path / "r.xlsx"
    out.write_bytes(b"old")

    def half_then_fail(doc, tmp):
        tmp.write_bytes(b"half a workbook")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(report_xlsx, "_write", half_then_fail)
    with pytest.raises(ExportError) as e:
        write_report_xlsx(sparse_doc(), out)
    assert "No space left" in e.value.message_en
    assert out.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["r.xlsx"]


def test_english_headers(tmp_path):
    out = tmp_path / "en.xlsx"
    write_report_xlsx(rich_doc("en"), out)
    header = _find(load_workbook(out)["核心数据"], "Item")
    assert [c.value for c in header] == ["Item", "This period", "Comparison", "Change", "Target", "Reached", "Note"]


def test_dates_in_tables(tmp_path):
    doc = replace(sparse_doc(), sections=(Section("t", "任务", (
        Table((Column("任务"), Column("计划日", Kind.DATE)), (("短信", date(2026, 11, 1)),)),)),))
    out = tmp_path / "d.xlsx"
    write_report_xlsx(doc, out)
    row = _find(load_workbook(out)["任务"], "短信")
    assert row[1].value == datetime(2026, 11, 1) and row[1].number_format == "yyyy-mm-dd"
