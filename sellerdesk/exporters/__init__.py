"""Exporters write files (xlsx, csv, ...) from domain values; they never touch the store or Qt.

Heavy file libraries (openpyxl) are imported inside the functions that write,
so importing an exporter costs nothing at start-up.
"""

from __future__ import annotations

from sellerdesk.domain.errors import BilingualError


class ExportError(BilingualError):
    """A file could not be written; the reason in Chinese and English. Nothing was left behind."""
