"""The rows an import rejected: file, row (as Excel numbers it), column, reason, value."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject

from sellerdesk.domain.errors import RowError
from sellerdesk.ui.i18n import pick
from sellerdesk.ui.models.rows_model import Column, RowsModel

_C = "RejectedRowsModel"

COLUMNS: list[Column[RowError]] = [
    Column(_C, QT_TRANSLATE_NOOP("RejectedRowsModel", "File"), lambda e: e.file),
    Column(_C, QT_TRANSLATE_NOOP("RejectedRowsModel", "Row"), lambda e: str(e.row), lambda e: e.row, numeric=True),
    Column(_C, QT_TRANSLATE_NOOP("RejectedRowsModel", "Column"), lambda e: e.column or ""),
    Column(_C, QT_TRANSLATE_NOOP("RejectedRowsModel", "Reason"), lambda e: pick(e.reason_zh, e.reason_en)),
    Column(_C, QT_TRANSLATE_NOOP("RejectedRowsModel", "Value"), lambda e: e.value or ""),
]
FILE, ROW, COLUMN, REASON, VALUE = range(len(COLUMNS))


class RejectedRowsModel(RowsModel[RowError]):
    def __init__(self, errors: Sequence[RowError] = (), parent: QObject | None = None):
        super().__init__(COLUMNS, errors, parent)
