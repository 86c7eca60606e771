"""The files imported so far, newest first (one ImportLogEntry each)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from sellerdesk.services.overview import ImportLogEntry
from sellerdesk.ui import labels
from sellerdesk.ui.i18n import pick
from sellerdesk.ui.models.rows_model import Column, RowsModel

_C = "ImportsLogModel"


def _details(e: ImportLogEntry) -> str:
    return QCoreApplication.translate(
        "ImportsLogModel",
        "{path}\nLayout: {layout} · Encoding: {encoding}\nLines added: {lines} · Refunds added: {refunds}"
    ).format(path=e.path, layout=_layout(e), encoding=labels.encoding_name(e.encoding), lines=e.lines_added,
             refunds=e.refunds_added)


def _layout(e: ImportLogEntry) -> str:
    return pick(e.layout_label_zh, e.layout_label_en) or e.layout


def _details_added(e: ImportLogEntry) -> int:
    return (e.lines_added or 0) + (e.refunds_added or 0)


COLUMNS: list[Column[ImportLogEntry]] = [
    Column(_C, QT_TRANSLATE_NOOP("ImportsLogModel", "File"), lambda e: e.file_name, tooltip=_details),
    Column(_C, QT_TRANSLATE_NOOP("ImportsLogModel", "Imported at"), lambda e: e.imported_at[:16],
           lambda e: e.imported_at),
    Column(_C, QT_TRANSLATE_NOOP("ImportsLogModel", "File type"), _layout, tooltip=_details),
    Column(_C, QT_TRANSLATE_NOOP("ImportsLogModel", "Rows read"), lambda e: labels.count(e.rows_read),
           lambda e: e.rows_read or 0, numeric=True),
    Column(_C, QT_TRANSLATE_NOOP("ImportsLogModel", "Orders added"), lambda e: labels.count(e.orders_added),
           lambda e: e.orders_added or 0, numeric=True),
    Column(_C, QT_TRANSLATE_NOOP("ImportsLogModel", "Orders updated"), lambda e: labels.count(e.orders_updated),
           lambda e: e.orders_updated or 0, numeric=True),
    Column(_C, QT_TRANSLATE_NOOP("ImportsLogModel", "Lines / refunds added"), lambda e: labels.count(_details_added(e)),
           _details_added, numeric=True, tooltip=_details),
    Column(_C, QT_TRANSLATE_NOOP("ImportsLogModel", "Rows rejected"), lambda e: labels.count(e.rows_rejected),
           lambda e: e.rows_rejected or 0, numeric=True),
    Column(_C, QT_TRANSLATE_NOOP("ImportsLogModel", "Buyers added"), lambda e: labels.count(e.buyers_added),
           lambda e: e.buyers_added or 0, numeric=True),
]
(FILE, IMPORTED_AT, LAYOUT, ROWS_READ, ORDERS_ADDED, ORDERS_UPDATED, DETAILS_ADDED, ROWS_REJECTED,
 BUYERS_ADDED) = range(len(COLUMNS))


class ImportsLogModel(RowsModel[ImportLogEntry]):
    def __init__(self, entries: Sequence[ImportLogEntry] = (), parent: QObject | None = None):
        super().__init__(COLUMNS, entries, parent)
