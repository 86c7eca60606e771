"""How values read on screen: platform names, money, shares, dates, missing figures."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from sellerdesk.domain.money import format_yuan

MISSING = "—"  # a figure the imported files cannot show

_PLATFORMS = {
    "taobao": QT_TRANSLATE_NOOP("Platform", "Taobao/Tmall"),
    "jd": QT_TRANSLATE_NOOP("Platform", "JD"),
    "pdd": QT_TRANSLATE_NOOP("Platform", "Pinduoduo"),
    "1688": QT_TRANSLATE_NOOP("Platform", "1688"),
    "douyin": QT_TRANSLATE_NOOP("Platform", "Douyin"),
    "generic": QT_TRANSLATE_NOOP("Platform", "Other"),
}
# Offered in the column-mapping dialog as the source of a mapped file.
KNOWN_PLATFORMS = tuple(_PLATFORMS)


def platform_name(key: str | None) -> str:
    """Taobao/Tmall for 'taobao'; a name the user typed is shown as typed."""
    if not key:
        return ""
    source = _PLATFORMS.get(key)
    return QCoreApplication.translate("Platform", source) if source else key


def shop_name(name: str | None) -> str:
    return name or QCoreApplication.translate("Labels", "(no shop name in the files)")


def money(fen: int | None) -> str:
    return MISSING if fen is None else format_yuan(fen)


def count(n: int | None) -> str:
    return MISSING if n is None else f"{n:,}"


def share(part: int, whole: int) -> str:
    return MISSING if not whole else percent(part / whole)


def percent(fraction: float | None, decimals: int = 1) -> str:
    """0.123 -> 12.3%; None (no data) -> —."""
    return MISSING if fraction is None else f"{100 * fraction:.{decimals}f}%"


def day(timestamp: str | None) -> str:
    """2025-11-11 from '2025-11-11 20:01:02'."""
    return timestamp[:10] if timestamp else MISSING


def date_range(first: str | None, last: str | None) -> str:
    if not first and not last:
        return MISSING
    return f"{day(first)} – {day(last)}"


def encoding_name(encoding: str | None) -> str:
    """Text files name their encoding; spreadsheets have none."""
    if encoding is None:
        return QCoreApplication.translate("Labels", "Excel workbook")
    return {"gb18030": "GBK/GB18030", "utf-8-sig": "UTF-8 (BOM)"}.get(encoding.lower(), encoding.upper())


def refunds_unknown_tip() -> str:
    return QCoreApplication.translate(
        "Labels",
        "The imported files do not show refunds, so this figure cannot be worked out. "
        "Import an order report that has the refund amount column, or the platform's refund export.",
    )
