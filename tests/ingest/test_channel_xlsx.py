"""Reading channel traffic and spend from an analytics/ad-console xlsx with a user mapping."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sellerdesk.domain.channels import ChannelDay
from sellerdesk.domain.errors import FileImportError
from sellerdesk.ingest.channel_xlsx import MappingError, check_mapping, preview, read_channel_rows, suggest_mapping

from .platform_files import xlsx_rows

HEADERS = ["日期", "推广工具", "花费(元)", "访客数", "浏览量", "点击量", "成交笔数", "成交金额(元)", "点击率"]
MAPPING = {"day": "日期", "channel": "推广工具", "spend": "花费(元)", "uv": "访客数", "pv": "浏览量",
           "clicks": "点击量", "orders": "成交笔数", "sales": "成交金额(元)"}


def row(day: object = datetime(2026, 11, 11), channel: str = "直通车", **changes) -> dict:
    values = {"日期": day, "推广工具": channel, "花费(元)": 120.5, "访客数": 300, "浏览量": 900, "点击量": 410,
              "成交笔数": 12, "成交金额(元)": "¥1,234.00", "点击率": "3.2%"}
    values.update(changes)
    return values


def test_headers_suggest_a_mapping_without_units_or_unknown_columns():
    assert suggest_mapping(HEADERS) == MAPPING
    assert suggest_mapping(["统计日期", "流量来源", "UV", "PV", "支付金额"]) == {
        "day": "统计日期", "channel": "流量来源", "uv": "UV", "pv": "PV", "sales": "支付金额"}


def test_rows_are_read_typed_summed_per_day_and_channel_and_totals_skipped(tmp_path):
    path = xlsx_rows(tmp_path / "report.xlsx", HEADERS, [
        row(), row(day="20261111", **{"花费(元)": "79.50", "访客数": "1,000", "浏览量": 2000}),
        row(day="2026/11/12", channel="自然流量", **{"花费(元)": None, "成交金额(元)": 0}),
        {}, row(day="合计"), row(day=date(2026, 11, 12), channel="汇总")])
    read = read_channel_rows(path, MAPPING)
    assert read.errors == [] and read.rows_read == 3
    assert read.rows == [
        ChannelDay(date(2026, 11, 11), "ztc", 20_000, 1300, 2900, 820, 24, 246_800, source="imported"),
        ChannelDay(date(2026, 11, 12), "natural", None, 300, 900, 410, 12, 0, source="imported")]


def test_a_file_of_one_channel_gets_it_from_the_mapping(tmp_path):
    path = xlsx_rows(tmp_path / "ztc.xlsx", ["日期", "消耗", "点击"], [{"日期": "2026-11-11", "消耗": 5, "点击": 7}])
    read = read_channel_rows(path, {"day": "日期", "spend": "消耗", "clicks": "点击", "_channel": "ztc"})
    assert read.rows == [ChannelDay(date(2026, 11, 11), "ztc", spend_fen=500, clicks=7, source="imported")]


def test_broken_rows_name_the_row_and_column(tmp_path):
    path = xlsx_rows(tmp_path / "bad.xlsx", HEADERS, [
        row(), row(day="11月11日"), row(channel="神秘渠道"), row(**{"花费(元)": "十元"}),
        row(**{"访客数": 5000}), row(**{"成交笔数": -1}), row(**{"点击量": 1.5})])
    read = read_channel_rows(path, MAPPING)
    assert [(e.file, e.row, e.column) for e in read.errors] == [
        ("bad.xlsx", 3, "日期"), ("bad.xlsx", 4, "推广工具"), ("bad.xlsx", 5, "花费(元)"), ("bad.xlsx", 6, "访客数"),
        ("bad.xlsx", 7, "成交笔数"), ("bad.xlsx", 8, "点击量")]
    assert read.rejected == 6 and read.errors[2].reason_en == "not an amount of money"
    assert "page views" in read.errors[3].reason_en and read.errors[1].value == "神秘渠道"


def test_mapping_must_fit_the_file(tmp_path):
    with pytest.raises(MappingError) as err:
        check_mapping({"channel": "推广工具", "spend": "花费"}, HEADERS, "r.xlsx")
    assert "no column 花费" in err.value.message_en and "date column" in err.value.message_en
    assert err.value.file == "r.xlsx"
    with pytest.raises(MappingError) as err:
        check_mapping({"day": "日期", "spend": "花费(元)"}, HEADERS)
    assert "channel" in err.value.message_en
    with pytest.raises(MappingError):
        check_mapping({"day": "日期", "channel": "推广工具"}, HEADERS)  # no figure at all
    check_mapping({"day": "日期", "spend": "花费(元)", "_channel": "tbk"}, HEADERS)


def test_preview_and_a_file_without_rows(tmp_path):
    path = xlsx_rows(tmp_path / "r.xlsx", HEADERS, [row(), row(channel="钻展")])
    headers, sample = preview(path)
    assert headers == HEADERS and [r[1] for r in sample] == ["直通车", "钻展"]
    assert sample[0][0] == "2026-11-11" and preview(path, 1)[1] == sample[:1] and preview(path, 0)[1] == []
    empty = xlsx_rows(tmp_path / "empty.xlsx", HEADERS, [row(day="合计")])
    with pytest.raises(FileImportError) as err:
        read_channel_rows(empty, MAPPING)
    assert "no data rows" in err.value.message_en
