"""Values of a report as people read them, and the few fixed words the renderer adds itself.

The document keeps raw values (fen, shares 0..1); this is the one place that
turns them into text, so cards, tables and chart labels agree. No reportlab
here: the xlsx writer reads the same words.
"""

from __future__ import annotations

import math
from datetime import date, datetime

from sellerdesk.domain.money import format_yuan
from sellerdesk.domain.report_doc import Kind, Value

NONE = "—"  # no data

WORDS = {
    "zh": {
        "page": "第 {page} 页 / 共 {pages} 页",
        "generated": "生成于 {when}",
        "masked": "个人信息已脱敏",
        "unmasked": "内部资料：含完整个人信息，请勿外传",
        "compare": "对比",
        "target": "目标",
        "reached": "完成 {pct}",
        "reached_col": "完成率",
        "compare_col": "对比期",
        "no_data": "暂无数据",
        "how": "如何补充：",
        "shop": "店铺",
        "period": "统计期",
        "section": "章节",
        "item": "项目",
        "value": "本期",
        "change": "变化",
        "note": "说明",
        "category": "类别",
        "phase": "阶段",
        "text": "文字",
        "progress_build": "排版报告",
        "progress_page": "排版第 {page} 页",
        "progress_save": "保存 PDF",
    },
    "en": {
        "page": "Page {page} of {pages}",
        "generated": "Generated {when}",
        "masked": "Personal data masked",
        "unmasked": "Internal copy: full personal data, do not share",
        "compare": "vs",
        "target": "Target",
        "reached": "{pct} reached",
        "reached_col": "Reached",
        "compare_col": "Comparison",
        "no_data": "No data yet",
        "how": "How to fill it: ",
        "shop": "Shop",
        "period": "Period",
        "section": "Section",
        "item": "Item",
        "value": "This period",
        "change": "Change",
        "note": "Note",
        "category": "Category",
        "phase": "Phase",
        "text": "Text",
        "progress_build": "Laying out the report",
        "progress_page": "Laying out page {page}",
        "progress_save": "Saving the PDF",
    },
}


def words(lang: str) -> dict[str, str]:
    return WORDS["zh" if lang == "zh" else "en"]


def _is_number(value: Value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def format_value(value: Value, kind: Kind) -> str:
    """¥1,234.50, 1,234, 12.3%, 3.25, 2026-11-11, ▲ +12.3%; None: —; text as it is."""
    if value is None:
        return NONE
    if isinstance(value, str):
        return value  # e.g. "not enough data" in a number column
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if not _is_number(value):
        return NONE
    if kind == Kind.MONEY:
        return format_yuan(round(value))
    if kind == Kind.INT:
        return f"{round(value):,}"
    if kind == Kind.PCT:
        return f"{value * 100:.1f}%"
    if kind == Kind.RATIO:
        return f"{value:,.2f}"
    if kind == Kind.CHANGE:
        return format_change(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.2f}"


def format_change(change: float | None) -> str:
    """▲ +12.3% / ▼ -4.0% / 0.0% (the arrow carries the direction in black and white)."""
    if change is None or not _is_number(change):
        return NONE
    pct = change * 100
    if round(pct, 1) == 0:
        return "0.0%"
    return f"▲ +{pct:.1f}%" if pct > 0 else f"▼ {pct:.1f}%"


def compact(value: float, kind: Kind, lang: str) -> str:
    """Short axis and bar labels: 12.3万 / ¥12.3k, 45%, 3.2."""
    if not _is_number(value):
        return ""
    if kind == Kind.PCT:
        return f"{value * 100:.0f}%"
    if kind == Kind.RATIO:
        return f"{value:.1f}"
    amount = value / 100 if kind == Kind.MONEY else value
    sign = "-" if amount < 0 else ""
    a = abs(amount)
    prefix = "¥" if kind == Kind.MONEY else ""
    if lang == "zh":
        for size, unit in ((1e8, "亿"), (1e4, "万")):
            if a >= size:
                return f"{sign}{prefix}{_trim(a / size)}{unit}"
    else:
        for size, unit in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
            if a >= size:
                return f"{sign}{prefix}{_trim(a / size)}{unit}"
    if kind == Kind.MONEY and a < 100 and a != int(a):
        return f"{sign}{prefix}{a:.2f}"
    return f"{sign}{prefix}{a:,.0f}"


def _trim(x: float) -> str:
    text = f"{x:.1f}" if x < 100 else f"{x:.0f}"
    return text[:-2] if text.endswith(".0") else text

