"""Per-machine UI state (QSettings) behind one typed wrapper.

Shop data never goes here: only what belongs to this computer's window —
language, geometry, the folders last used in file dialogs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

from sellerdesk.ui.i18n import DEFAULT_LANGUAGE, LANGUAGES

_LANGUAGE = "ui/language"
_GEOMETRY = "window/geometry"
_WINDOW_STATE = "window/state"
_IMPORT_DIR = "dialogs/last_import_dir"
_BACKUP_DIR = "dialogs/last_backup_dir"
_DATABASE_DIR = "dialogs/last_database_dir"


class UiState:
    """Typed access to the few values the window remembers between runs."""

    def __init__(self, settings: QSettings | None = None):
        self._s = settings if settings is not None else QSettings()

    # -- language ------------------------------------------------------
    @property
    def language(self) -> str:
        value = str(self._s.value(_LANGUAGE, DEFAULT_LANGUAGE))
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"unknown language {value!r}")
        self._s.setValue(_LANGUAGE, value)

    # -- folders used in file dialogs ----------------------------------
    @property
    def last_import_dir(self) -> str:
        return self._folder(_IMPORT_DIR)

    @last_import_dir.setter
    def last_import_dir(self, value: str | Path) -> None:
        self._s.setValue(_IMPORT_DIR, str(value))

    @property
    def last_backup_dir(self) -> str:
        return self._folder(_BACKUP_DIR)

    @last_backup_dir.setter
    def last_backup_dir(self, value: str | Path) -> None:
        self._s.setValue(_BACKUP_DIR, str(value))

    @property
    def last_database_dir(self) -> str:
        return self._folder(_DATABASE_DIR)

    @last_database_dir.setter
    def last_database_dir(self, value: str | Path) -> None:
        self._s.setValue(_DATABASE_DIR, str(value))

    def _folder(self, key: str) -> str:
        """The remembered folder if it still exists, else '' (the dialog's default)."""
        value = self._s.value(key, "")
        return str(value) if value and Path(str(value)).is_dir() else ""

    # -- main window ---------------------------------------------------
    def save_window(self, window: QMainWindow) -> None:
        self._s.setValue(_GEOMETRY, window.saveGeometry())
        self._s.setValue(_WINDOW_STATE, window.saveState())

    def restore_window(self, window: QMainWindow) -> bool:
        """True when a saved geometry was applied."""
        geometry = self._s.value(_GEOMETRY)
        state = self._s.value(_WINDOW_STATE)
        if isinstance(state, QByteArray) and not state.isEmpty():
            window.restoreState(state)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            return window.restoreGeometry(geometry)
        return False

    def sync(self) -> None:
        self._s.sync()
