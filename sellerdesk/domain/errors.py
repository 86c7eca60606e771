"""Errors a user sees: always in Chinese and English, always naming the place."""

from __future__ import annotations

from dataclasses import dataclass


class BilingualError(ValueError):
    """A reason a user reads, in Chinese and English (the base of the app's user-facing errors)."""

    def __init__(self, message_zh: str, message_en: str):
        super().__init__(message_en)
        self.message_zh = message_zh
        self.message_en = message_en

    def message(self, lang: str = "zh") -> str:
        return self.message_zh if lang == "zh" else self.message_en


@dataclass(frozen=True, slots=True)
class RowError:
    """A rejected row: which file, which row (as Excel numbers it), which column."""

    file: str
    row: int
    column: str | None
    reason_zh: str
    reason_en: str
    value: str | None = None

    def message(self, lang: str = "zh") -> str:
        reason = self.reason_zh if lang == "zh" else self.reason_en
        col = f" [{self.column}]" if self.column else ""
        val = f" ({self.value!r})" if self.value not in (None, "") else ""
        row_word = "第 {} 行" if lang == "zh" else "row {}"
        return f"{self.file}: {row_word.format(self.row)}{col}: {reason}{val}"


class FileImportError(Exception):
    """A whole file cannot be imported; the database stays as it was."""

    def __init__(self, file: str, message_zh: str, message_en: str):
        super().__init__(f"{file}: {message_en}")
        self.file = file
        self.message_zh = message_zh
        self.message_en = message_en

    def message(self, lang: str = "zh") -> str:
        return f"{self.file}: {self.message_zh if lang == 'zh' else self.message_en}"


class ImportCancelled(Exception):
    """The user pressed Cancel; the current file's transaction was rolled back."""
