"""Traffic and spend per channel: the retrospective tab's grid, its totals, and the import of
an analytics or ad-console xlsx.

Order exports do not carry these figures, so the seller types them per day (or one row
for a whole campaign on its first day) or imports them. Every write is one transaction
and touches only rows whose figures changed: saving the same grid or importing the same
file again changes nothing. Writes return Changes(reports=True) when something changed.

The report (services.reports) reads the same numbers inside its own read transaction
through store.channel_stats.totals_between.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sellerdesk.domain.channels import (ALL, CHANNELS, Channel, ChannelDataError, ChannelDay, ChannelTotal,
                                        channel_by_key, channels_for, grand_total, validate_day)
from sellerdesk.domain.errors import RowError
from sellerdesk.ingest.channel_xlsx import FIELDS as FILE_FIELDS
from sellerdesk.ingest.channel_xlsx import MappingError, check_mapping, preview, read_channel_rows, suggest_mapping
from sellerdesk.ingest.registry import header_signature
from sellerdesk.services.clock import shop_now
from sellerdesk.services.jobs import Changes
from sellerdesk.services.shop import ShopFile
from sellerdesk.store import channel_stats as stats
from sellerdesk.store.imports_log import load_mapping, save_mapping

__all__ = [
    "ALL", "CHANNELS", "FILE_FIELDS", "Channel", "ChannelDataError", "ChannelDay", "ChannelFilePreview",
    "ChannelImportResult", "ChannelTotal", "MappingError", "channel_rows", "channel_totals", "grand_total",
    "import_channel_file", "list_channels", "preview_channel_file", "save_channel_rows", "validate_mapping",
]

CHANGED = Changes(reports=True)
PREVIEW_ROWS = 8
_SIGNATURE_PREFIX = "channels:"  # kept apart from the order import's mappings of the same headers


def list_channels(platform: str | None = None) -> list[Channel]:
    """The grid's channels in display order: one platform's ('taobao', 'jd', 'pdd', '1688',
    'douyin') plus organic and other, or all of them for None or any other platform.
    Channel has key, zh, en, platforms, paid (False for organic traffic: no spend, no ROI)
    and name(lang)."""
    return channels_for(platform)


def channel_rows(shop: ShopFile, start: date, end: date) -> list[ChannelDay]:
    """Stored rows from start to end inclusive, by day then channel display order. A figure
    nobody entered is None (show an empty cell, not 0)."""
    store = shop.open()
    try:
        return stats.rows_between(store.conn, start, end)
    finally:
        store.close()


def save_channel_rows(shop: ShopFile, rows: list[ChannelDay], *, replace_range: tuple[date, date] | None = None,
                      now: datetime | None = None) -> Changes:
    """Save the grid in one transaction. Every row is checked before anything is written:
    ChannelDataError (message_zh/en naming the day and channel; .day, .channel, .field for the
    cell to highlight) for an unknown channel, a negative or non-integer figure, more UV than
    PV, a day twice, or a row outside replace_range. A row with every figure zero or None
    removes that day and channel. With replace_range=(start, end) (the days the grid shows),
    stored rows in it that `rows` leaves out are removed too. Rows equal to the stored ones
    are not rewritten (their source stays). Changes(reports=True) when anything changed."""
    if replace_range is not None and replace_range[1] < replace_range[0]:
        raise ChannelDataError("日期范围的结束日早于开始日。", "The range ends before it starts.")
    seen: set[tuple[date, str]] = set()
    for row in rows:
        validate_day(row)
        key = (row.day, row.channel)
        if key in seen:
            ch = channel_by_key(row.channel)  # known: validate_day passed
            raise ChannelDataError(f"{row.day} {ch.zh}：同一天同一渠道出现了两行。",
                                   f"{row.day} {ch.en}: the same day and channel appear twice.",
                                   day=row.day, channel=row.channel)
        seen.add(key)
        if replace_range is not None and not replace_range[0] <= row.day <= replace_range[1]:
            raise ChannelDataError(
                f"{row.day} 不在保存的日期范围 {replace_range[0]}～{replace_range[1]} 内。",
                f"{row.day} is outside the range being saved ({replace_range[0]} to {replace_range[1]}).",
                day=row.day, channel=row.channel)
    store = shop.open()
    try:
        with store.transaction() as conn:
            counts = stats.write_rows(conn, rows, _stamp(now), replace_range=replace_range)
        return CHANGED if counts.changed else Changes()
    finally:
        store.close()


def channel_totals(shop: ShopFile, start: date, end: date) -> list[ChannelTotal]:
    """Per channel sums from start to end inclusive, in display order, only channels with rows.
    ChannelTotal has spend_fen, uv, pv, clicks, orders, sales_fen (None: never entered), days,
    and roi (sales/spend, None without spend), pv_per_uv, conversion (orders/UV),
    click_conversion, cost_per_click_fen. grand_total(totals) sums them all."""
    store = shop.open()
    try:
        return stats.totals_between(store.conn, start, end)
    finally:
        store.close()


@dataclass(frozen=True)
class ChannelFilePreview:
    """What the mapping dialog shows: the file's headers, its first rows as text, a mapping
    guessed from the header names, and the one the user saved for this header set (None the
    first time). Mappings are {field: header} over FILE_FIELDS, plus optional "_channel" (a
    channel key for a file without a channel column) and "_platform"."""

    file: str
    headers: list[str]
    sample_rows: list[list[str]]
    suggested: dict[str, str]
    remembered: dict[str, str] | None

    @property
    def mapping(self) -> dict[str, str]:
        """The mapping to pre-fill: the remembered one, else the suggestion."""
        return dict(self.remembered or self.suggested)


def preview_channel_file(shop: ShopFile, path: str | Path) -> ChannelFilePreview:
    """Read the file's header and first rows (FileImportError when it cannot be read)."""
    path = Path(path)
    headers, sample = preview(path, PREVIEW_ROWS)
    store = shop.open()
    try:
        remembered = load_mapping(store.conn, _signature(headers))
    finally:
        store.close()
    return ChannelFilePreview(path.name, headers, sample, suggest_mapping(headers), remembered)


@dataclass
class ChannelImportResult:
    """rows_added/rows_updated: day-and-channel rows written (0 and 0 for a re-import of the
    same file). rejected: the broken rows (file, row as Excel numbers it, column, reason) --
    when there are any the whole file was refused and nothing was saved."""

    file: str
    rows_read: int = 0
    rows_added: int = 0
    rows_updated: int = 0
    rejected: list[RowError] = field(default_factory=list)
    rejected_count: int = 0  # all broken rows (rejected keeps the first few thousand)
    changes: Changes = field(default_factory=Changes)

    @property
    def refused(self) -> bool:
        return bool(self.rejected_count)


def import_channel_file(shop: ShopFile, path: str | Path, mapping: dict[str, str] | None = None, *,
                        now: datetime | None = None) -> ChannelImportResult:
    """Import an xlsx/CSV of figures per channel and day, all or nothing. Without a mapping the
    one remembered for the file's header set is used (MappingError when there is none: show
    the mapping dialog). A file with a broken row is refused whole (result.rejected lists
    every such row); otherwise its rows replace the stored figures of the same days and
    channels in one transaction and the mapping is remembered. Rows of the same day and
    channel in the file are added up. Raises FileImportError (unreadable or empty file) and
    MappingError (the mapping does not fit), both bilingual and naming the file."""
    path = Path(path)
    if mapping is None:
        headers, _ = preview(path, 0)
        store = shop.open()
        try:
            mapping = load_mapping(store.conn, _signature(headers))
        finally:
            store.close()
        if mapping is None:
            raise MappingError(path.name, "这个表格的列还没有对应过：请先选择每一列的含义。",
                               "The columns of this table have not been mapped yet: choose what each column holds.")
    read = read_channel_rows(path, mapping)
    result = ChannelImportResult(read.file, rows_read=read.rows_read, rejected=read.errors,
                                 rejected_count=read.rejected)
    if read.rejected:
        return result
    store = shop.open()
    try:
        with store.transaction() as conn:
            counts = stats.write_rows(conn, read.rows, _stamp(now))
            signature = _signature(read.headers)
            if load_mapping(conn, signature) != mapping:
                save_mapping(conn, signature, mapping, _stamp(now))
    finally:
        store.close()
    result.rows_added, result.rows_updated = counts.added, counts.updated
    result.changes = CHANGED if counts.changed else Changes()
    return result


def validate_mapping(mapping: dict[str, str], headers: list[str]) -> None:
    """MappingError (bilingual) when the mapping lacks the date, the channel or any figure, or
    names a column the file does not have: for the dialog's OK button."""
    check_mapping(mapping, headers)


def _signature(headers: list[str]) -> str:
    return _SIGNATURE_PREFIX + header_signature(headers)


def _stamp(now: datetime | None) -> str:
    return (now or shop_now()).strftime("%Y-%m-%d %H:%M:%S")
