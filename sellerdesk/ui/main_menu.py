"""The main window's actions and menus (File, View, Help), translatable live."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from sellerdesk.ui.i18n import LANGUAGE_NAMES, LANGUAGES



class MainMenu:
    """Builds the menu bar of a QMainWindow; the window connects the actions."""

    def __init__(self, window: QMainWindow):
        bar = window.menuBar()

        def action(name: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
            a = QAction(window)
            a.setObjectName(name)
            if shortcut is not None:
                a.setShortcut(QKeySequence(shortcut))
            return a

        self.import_files = action("actionImport", "Ctrl+I")
        self.open_database = action("actionOpenDatabase", QKeySequence.StandardKey.Open)
        self.backup_database = action("actionBackupDatabase")
        self.quit = action("actionQuit", "Ctrl+Q")
        self.about = action("actionAbout")
        self.about_qt = action("actionAboutQt")
        self.languages = QActionGroup(window)
        self.languages.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for code in LANGUAGES:
            a = action(f"actionLanguage_{code}")
            a.setText(LANGUAGE_NAMES[code])  # always in its own language
            a.setCheckable(True)
            a.setData(code)
            self.languages.addAction(a)
            self.language_actions[code] = a

        self.file_menu = QMenu(bar)
        for a in (self.import_files, None, self.open_database, self.backup_database, None, self.quit):
            self.file_menu.addSeparator() if a is None else self.file_menu.addAction(a)
        self.view_menu = QMenu(bar)
        self.language_menu = QMenu(self.view_menu)
        self.language_menu.addActions(list(self.language_actions.values()))
        self.view_menu.addMenu(self.language_menu)
        self.help_menu = QMenu(bar)
        self.help_menu.addAction(self.about)
        self.help_menu.addAction(self.about_qt)
        for menu in (self.file_menu, self.view_menu, self.help_menu):
            bar.addMenu(menu)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.file_menu.setTitle(QCoreApplication.translate("MainMenu", "&File"))
        self.import_files.setText(QCoreApplication.translate("MainMenu", "&Import files…"))
        self.import_files.setStatusTip(QCoreApplication.translate(
            "MainMenu", "Import order exports (CSV or Excel); you can also drag files onto the window"))
        self.open_database.setText(QCoreApplication.translate("MainMenu", "&Open shop database…"))
        self.open_database.setStatusTip(QCoreApplication.translate("MainMenu", "Work on another shop file"))
        self.backup_database.setText(QCoreApplication.translate("MainMenu", "&Back up shop database…"))
        self.backup_database.setStatusTip(
            QCoreApplication.translate("MainMenu", "Save a complete copy of this shop file"))
        self.quit.setText(QCoreApplication.translate("MainMenu", "&Quit"))
        self.view_menu.setTitle(QCoreApplication.translate("MainMenu", "&View"))
        # Both languages, so someone who cannot read the current one still finds it.
        self.language_menu.setTitle(QCoreApplication.translate("MainMenu", "&Language / 语言"))
        self.help_menu.setTitle(QCoreApplication.translate("MainMenu", "&Help"))
        self.about.setText(QCoreApplication.translate("MainMenu", "&About SellerDesk"))
        self.about_qt.setText(QCoreApplication.translate("MainMenu", "About &Qt"))

    def check_language(self, code: str) -> None:
        if code in self.language_actions:
            self.language_actions[code].setChecked(True)

    def set_busy(self, busy: bool) -> None:
        """While a task writes, no second import, no switching or copying the file."""
        for a in (self.import_files, self.open_database, self.backup_database):
            a.setEnabled(not busy)
