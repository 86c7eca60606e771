"""Exporters write files (xlsx, csv, ...) from domain values; they never touch the store or Qt.

Heavy file libraries (openpyxl) are imported inside the functions that write,
so importing an exporter costs nothing at start-up.
"""

from __future__ import annotations


class ExportError(Exception):
    """A file could not be written; the reason in Chinese and English. Nothing was left behind."""

    def __init__(self, message_zh: str, message_en: str):
        super().__init__(message_en)
        self.message_zh = message_zh
        self.message_en = message_en

    def message(self, lang: str = "zh") -> str:
        return self.message_zh if lang == "zh" else self.message_en
