"""One line per imported file: layout recognised, encoding, counts, and the outcome."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from sellerdesk.services.importing import FileResult
from sellerdesk.ui import labels
from sellerdesk.ui.i18n import pick
from sellerdesk.ui.models.rows_model import Column, RowsModel

_C = "FileResultsModel"


def outcome(f: FileResult) -> str:
    """Imported / cancelled / needs mapping / the file's error message."""
    if f.cancelled:
        return QCoreApplication.translate("FileResultsModel", "Cancelled: nothing from this file was imported")
    if f.needs_mapping:
        return QCoreApplication.translate("FileResultsModel", "Not imported: the columns were not mapped")
    if f.error is not None:
        return pick(f.error.message_zh, f.error.message_en)
    if f.rows_rejected:
        return QCoreApplication.translate("FileResultsModel", "Imported; some rows were rejected (listed below)")
    return QCoreApplication.translate("FileResultsModel", "Imported")


def _layout(f: FileResult) -> str:
    return pick(f.layout_label_zh, f.layout_label_en) if f.layout else labels.MISSING


def _counted(value) -> Callable:
    return lambda f: str(value(f)) if f.imported else labels.MISSING


COLUMNS: list[Column[FileResult]] = [
    Column(_C, QT_TRANSLATE_NOOP("FileResultsModel", "File"), lambda f: f.file_name, tooltip=lambda f: str(f.path)),
    Column(_C, QT_TRANSLATE_NOOP("FileResultsModel", "Result"), outcome, tooltip=outcome),
    Column(_C, QT_TRANSLATE_NOOP("FileResultsModel", "Recognised as"), _layout),
    Column(_C, QT_TRANSLATE_NOOP("FileResultsModel", "Encoding"),
           lambda f: labels.encoding_name(f.encoding) if f.layout else labels.MISSING),
    Column(_C, QT_TRANSLATE_NOOP("FileResultsModel", "Rows read"), _counted(lambda f: f.rows_read),
           lambda f: f.rows_read, numeric=True),
    Column(_C, QT_TRANSLATE_NOOP("FileResultsModel", "Orders added"), _counted(lambda f: f.counts.orders_added),
           lambda f: f.counts.orders_added, numeric=True),
    Column(_C, QT_TRANSLATE_NOOP("FileResultsModel", "Orders updated"), _counted(lambda f: f.counts.orders_updated),
           lambda f: f.counts.orders_updated, numeric=True),
    Column(_C, QT_TRANSLATE_NOOP("FileResultsModel", "Buyers added"), _counted(lambda f: f.counts.buyers_added),
           lambda f: f.counts.buyers_added, numeric=True),
    Column(_C, QT_TRANSLATE_NOOP("FileResultsModel", "Rows rejected"), _counted(lambda f: f.rows_rejected),
           lambda f: f.rows_rejected, numeric=True),
]
FILE, RESULT, LAYOUT, ENCODING, ROWS_READ, ORDERS_ADDED, ORDERS_UPDATED, BUYERS_ADDED, ROWS_REJECTED = range(
    len(COLUMNS))


class FileResultsModel(RowsModel[FileResult]):
    def __init__(self, files: Sequence[FileResult] = (), parent: QObject | None = None):
        super().__init__(COLUMNS, files, parent)
