"""Reading traffic and spend per channel and day from an xlsx (or CSV) the seller filled or
exported from an ad console or analytics page (生意参谋, 直通车报表, 京东商智, 千川 ...).

Those files differ by platform and change between versions, so columns are mapped
by the user once ({field: header}, e.g. {"day": "日期", "spend": "花费(元)"}) and the
mapping is remembered per header set by the service, like the generic order import.
Special keys: "_channel" gives the channel key of a file without a channel column
(a 直通车 report is all 直通车), "_platform" decides names two platforms share
('搜索推广').

Rows of the same day and channel are added up (a report per plan or per unit has
several); summary rows (合计, 总计, 汇总 in the date or channel column) and blank rows
are skipped. Any other broken
row is reported with its row number and column, and the service then refuses the
whole file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from sellerdesk.domain.channels import (MEASURES, ChannelDataError, ChannelDay, channel_by_key, channel_from_text,
                                        validate_day)
from sellerdesk.domain.dates import parse_datetime
from sellerdesk.domain.errors import FileImportError, RowError
from sellerdesk.ingest import cells as C
from sellerdesk.ingest.generic import MappingError
from sellerdesk.ingest.layout import RowSink
from sellerdesk.ingest.table import open_table

__all__ = ["FIELDS", "ChannelFileRows", "MappingError", "check_mapping", "preview", "read_channel_rows",
           "suggest_mapping"]

# field -> (Chinese label, English label), in the order a mapping dialog lists them
FIELDS: dict[str, tuple[str, str]] = {
    "day": ("日期", "Date"),
    "channel": ("渠道", "Channel"),
    "spend": ("花费", "Spend"),
    "uv": ("访客数（UV）", "Visitors (UV)"),
    "pv": ("浏览量（PV）", "Page views (PV)"),
    "clicks": ("点击量", "Clicks"),
    "orders": ("成交笔数", "Orders"),
    "sales": ("成交金额", "Sales"),
}
_TO_MEASURE = {"spend": "spend_fen", "uv": "uv", "pv": "pv", "clicks": "clicks", "orders": "orders",
               "sales": "sales_fen"}
_MONEY = ("spend", "sales")
# Header names the platforms' reports use, for the suggested mapping (compared without units
# in brackets, case-insensitively).
GUESSES: dict[str, tuple[str, ...]] = {
    "day": ("日期", "统计日期", "时间", "日期时间", "date", "day"),
    "channel": ("渠道", "推广渠道", "推广工具", "营销工具", "流量来源", "流量渠道", "来源", "channel"),
    "spend": ("花费", "消耗", "总花费", "推广花费", "消耗金额", "spend", "cost"),
    "uv": ("访客数", "uv", "访客", "独立访客数", "visitors"),
    "pv": ("浏览量", "pv", "浏览次数", "页面浏览量", "page views"),
    "clicks": ("点击量", "点击数", "点击次数", "clicks"),
    "orders": ("成交笔数", "支付订单数", "总成交笔数", "成交订单数", "支付笔数", "订单数", "orders"),
    "sales": ("成交金额", "支付金额", "总成交金额", "销售额", "gmv", "sales"),
}
_UNITS = re.compile(r"[（(][^）)]*[）)]")
_SUMMARY = ("合计", "总计", "汇总", "小计", "total", "sum")
_EIGHT_DIGITS = re.compile(r"^(\d{4})(\d{2})(\d{2})$")  # 生意参谋 writes 20261111


def _plain(header: str) -> str:
    return _UNITS.sub("", header).strip().lower()


def suggest_mapping(headers: list[str]) -> dict[str, str]:
    """{field: header} for the headers that look like a known field (each header used once)."""
    plain = {h: _plain(h) for h in headers if h}
    mapping: dict[str, str] = {}
    for fld, names in GUESSES.items():
        for name in names:
            hit = next((h for h, p in plain.items() if p == name and h not in mapping.values()), None)
            if hit:
                mapping[fld] = hit
                break
    return mapping


def check_mapping(mapping: dict[str, str], headers: list[str], file: str = "") -> None:
    """MappingError unless the mapping names the date, a channel (column or "_channel") and at
    least one figure, with headers the file has."""
    problems_zh: list[str] = []
    problems_en: list[str] = []
    for key, header in mapping.items():
        if key.startswith("_"):
            continue
        if key not in FIELDS:
            problems_zh.append(f"未知字段 {key}")
            problems_en.append(f"unknown field {key}")
        elif header and header not in headers:
            problems_zh.append(f"没有列 {header}")
            problems_en.append(f"no column {header}")
    if not mapping.get("day"):
        problems_zh.append("必须指定日期列")
        problems_en.append("the date column is required")
    if not mapping.get("channel") and channel_by_key(mapping.get("_channel") or "") is None:
        problems_zh.append("请指定渠道列，或为整个文件选一个渠道")
        problems_en.append("map the channel column or choose one channel for the whole file")
    if not any(mapping.get(k) for k in _TO_MEASURE):
        problems_zh.append("至少对应一个数据列（花费、访客数……）")
        problems_en.append("map at least one figure (spend, visitors ...)")
    if problems_zh:
        raise MappingError(file, "列对应不适用于这个文件：" + "、".join(problems_zh),
                           "The column mapping does not fit this file: " + ", ".join(problems_en))


def preview(path: str | Path, limit: int = 8) -> tuple[list[str], list[list[str]]]:
    """The file's headers and its first `limit` data rows as clean text (for the mapping dialog)."""
    rows: list[list[str]] = []
    with open_table(path) as table:
        for _, cells in table.rows() if limit > 0 else ():
            text = [C.clean(c) for c in cells]
            if any(text):
                rows.append(text)
            if len(rows) >= limit:
                break
        return table.headers, rows


@dataclass
class ChannelFileRows:
    """What one file holds: rows summed per day and channel, and the broken rows."""

    file: str
    headers: list[str]
    rows: list[ChannelDay] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    rows_read: int = 0
    rejected: int = 0


class _Bad(ValueError):
    def __init__(self, fld: str, zh: str, en: str, value: object = None):
        super().__init__(en)
        self.field, self.zh, self.en, self.value = fld, zh, en, value


def read_channel_rows(path: str | Path, mapping: dict[str, str]) -> ChannelFileRows:
    """Every data row of the file as ChannelDay (source 'imported'), validated; FileImportError
    when the file cannot be read, MappingError when the mapping does not fit it."""
    path = Path(path)
    with open_table(path) as table:
        check_mapping(mapping, table.headers, table.name)
        index = {k: table.headers.index(h) for k, h in mapping.items() if not k.startswith("_") and h}
        fixed = channel_by_key(mapping.get("_channel") or "")
        platform = mapping.get("_platform") or None
        result = ChannelFileRows(table.name, table.headers)
        sink = RowSink(table.name)
        merged: dict[tuple[date, str], tuple[int, ChannelDay]] = {}
        for row_no, cells in table.rows():
            values = {k: (cells[i] if i < len(cells) else None) for k, i in index.items()}
            if not any(C.clean(v) for v in values.values()) or _is_summary(values.get("day")) \
                    or _is_summary(values.get("channel")):  # a day's or the file's total: summing it counts twice
                continue
            sink.rows_read += 1
            try:
                day = _day(values.get("day"))
                channel = fixed if "channel" not in index else _channel(values.get("channel"), platform)
                figures = {_TO_MEASURE[k]: _figure(k, values.get(k)) for k in _TO_MEASURE if k in index}
                row = ChannelDay(day, channel.key, source="imported", **figures)
                validate_day(row)
            except _Bad as bad:
                sink.reject(row_no, mapping.get(bad.field), bad.zh, bad.en, bad.value)
                continue
            except ChannelDataError as err:
                sink.reject(row_no, _header(mapping, err.field), err.message_zh, err.message_en)
                continue
            key = (row.day, row.channel)
            first_no, before = merged.get(key, (row_no, None))
            merged[key] = (first_no, row if before is None else _added(before, row))
        for row_no, row in merged.values():
            try:
                validate_day(row)  # a sum of valid rows can still be too large
            except ChannelDataError as err:
                sink.reject(row_no, _header(mapping, err.field), err.message_zh, err.message_en)
                continue
            result.rows.append(row)
        if sink.rows_read == 0:
            raise FileImportError(table.name, "文件里只有表头，没有数据行。", "The file has a header but no data rows.")
        result.rows.sort(key=lambda r: (r.day, r.channel))
        result.errors, result.rows_read, result.rejected = sink.errors, sink.rows_read, sink.rejected
        return result


def _header(mapping: dict[str, str], measure: str | None) -> str | None:
    if measure is None:
        return None
    fld = next((k for k, m in _TO_MEASURE.items() if m == measure), measure)
    return mapping.get(fld)


def _is_summary(value: object) -> bool:
    text = C.clean(value).lower()
    return any(text.startswith(w) for w in _SUMMARY)


def _day(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = C.clean(value)
    if not text:
        raise _Bad("day", "缺少日期", "the date is missing")
    m = _EIGHT_DIGITS.match(text)
    try:
        if m:
            return date(int(m[1]), int(m[2]), int(m[3]))
        return date.fromisoformat(parse_datetime(text)[:10])
    except ValueError:
        raise _Bad("day", "日期格式不对", "not a date", text) from None


def _channel(value: object, platform: str | None):
    text = C.clean(value)
    if not text:
        raise _Bad("channel", "缺少渠道", "the channel is missing")
    channel = channel_from_text(text, platform)
    if channel is None:
        raise _Bad("channel", "未知渠道（可在“其他”中合并填写）", "unknown channel (enter it under 'Other')", text)
    return channel


def _figure(fld: str, value: object) -> int | None:
    try:
        if fld in _MONEY:
            return C.opt_fen(value)
        return C.opt_int(value)
    except (ValueError, TypeError, OverflowError):
        if fld in _MONEY:
            raise _Bad(fld, "金额格式不对", "not an amount of money", C.clean(value)) from None
        raise _Bad(fld, "不是整数", "not a whole number", C.clean(value)) from None


def _added(a: ChannelDay, b: ChannelDay) -> ChannelDay:
    def add(x: int | None, y: int | None) -> int | None:
        return y if x is None else x + (y or 0)

    return replace(a, **{m: add(getattr(a, m), getattr(b, m)) for m in MEASURES})
