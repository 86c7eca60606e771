"""The retrospective report as a document: sections of headline figures, tables, charts and notes.

The report's figures are computed once (services.reports) and turned into
this plain document (domain.retrospective builds it, in one language); the
PDF and xlsx exporters render any such document without knowing what a
campaign is. Tables and charts keep raw values (money in fen, shares 0..1),
so each renderer formats them its own way and the xlsx keeps real numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum


class Kind(str, Enum):
    """How a value is shown: the renderer formats it (¥1,234.50, 12.3%, 2026-11-11, 1,234)."""

    TEXT = "text"
    MONEY = "money"  # int fen
    INT = "int"
    PCT = "pct"  # float 0..1 (a share, a rate)
    RATIO = "ratio"  # float, shown with two decimals (ROI 3.25, PV/UV 2.10)
    DATE = "date"
    CHANGE = "change"  # float: relative change, -0.12 -> -12.0% (with an arrow)


Value = str | int | float | date | None  # None: no data (shown as —)


@dataclass(frozen=True)
class Column:
    title: str
    kind: Kind = Kind.TEXT


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[tuple[Value, ...], ...]
    caption: str = ""
    total: tuple[Value, ...] | None = None  # a last, bold row


@dataclass(frozen=True)
class Figure:
    """A headline number with the comparison period's value beside it."""

    label: str
    kind: Kind
    value: Value
    compare: Value = None
    target: Value = None  # e.g. the campaign's sales target
    note: str = ""

    @property
    def change(self) -> float | None:
        """Relative change against the comparison (None when either is missing or the base is 0)."""
        if not isinstance(self.value, (int, float)) or not isinstance(self.compare, (int, float)):
            return None
        if self.compare == 0:
            return None
        return (self.value - self.compare) / abs(self.compare)


@dataclass(frozen=True)
class Figures:
    figures: tuple[Figure, ...]
    compare_label: str = ""  # "vs 2025-10-01 – 2025-10-30"


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]  # one per category; None: no data that day


@dataclass(frozen=True)
class Band:
    """A marked stretch of a line chart's categories (a campaign phase): start..end inclusive."""

    label: str
    start: int
    end: int


class ChartKind(str, Enum):
    BAR = "bar"  # vertical bars, grouped when several series
    HBAR = "hbar"  # horizontal bars (long category names: items, channels)
    LINE = "line"  # day by day
    PIE = "pie"  # one series; a share is the point


@dataclass(frozen=True)
class Chart:
    kind: ChartKind
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: Kind = Kind.INT  # how the values read (axis labels, value labels)
    bands: tuple[Band, ...] = ()


@dataclass(frozen=True)
class Text:
    text: str
    style: str = "body"  # 'body' | 'note' | 'heading' | 'bullet'


@dataclass(frozen=True)
class NoData:
    """A part without data: what is missing and how the user can fill it (never an empty chart)."""

    what: str
    how: str


Block = Figures | Table | Chart | Text | NoData


@dataclass(frozen=True)
class Section:
    key: str  # stable: 'headline', 'daily', 'channels', 'items', 'buyers', 'crm', 'after_sales', 'notes'
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class ReportDoc:
    title: str  # "双11 2026 复盘"
    shop: str  # shop name(s) shown on every page
    period: str  # "2026-10-31 – 2026-11-14"
    compare: str  # "对比 2026-10-16 – 2026-10-30"
    generated_at: datetime
    lang: str  # 'zh' | 'en': the language of every text in it
    sections: tuple[Section, ...] = field(default_factory=tuple)
    masked: bool = True  # personal data masked (False: an internal copy with full values)
