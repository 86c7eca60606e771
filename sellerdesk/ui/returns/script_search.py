"""Ctrl+K: find a script by words or pinyin initials ('fch' for 发错货) and take it with Enter."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from sellerdesk.almanac import pinyin
from sellerdesk.domain.scripts import REASON_BY_KEY, Script, search_scripts
from sellerdesk.ui.i18n import lang

KeyRole = Qt.ItemDataRole.UserRole + 1
SHOWN = 30


class ScriptSearch(QDialog):
    chosen = Signal(str)  # script key

    def __init__(self, scripts: list[Script], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("scriptSearch")
        self.scripts = scripts
        self.field = QLineEdit(self)
        self.field.setObjectName("scriptSearchField")
        self.results = QListWidget(self)
        self.results.setObjectName("scriptSearchResults")
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.results, 1)
        self.field.textChanged.connect(self.search)
        self.field.installEventFilter(self)
        self.results.itemActivated.connect(self._take)
        self.resize(560, 420)
        self.setWindowTitle(QCoreApplication.translate("ScriptSearch", "Find a script"))
        self.field.setPlaceholderText(
            QCoreApplication.translate(
                "ScriptSearch", "Words or pinyin initials, e.g. 尺码, size, fch (发错货), thyf (退货运费)"
            )
        )
        self.search("")

    def search(self, text: str) -> None:
        found = search_scripts(self.scripts, text, lang(), pinyin.initials, spelled=pinyin.spelled)
        self.results.clear()
        for script in found[:SHOWN]:
            topic = REASON_BY_KEY.get(script.reason)
            where = f"  ·  {topic.name(lang())}" if topic else ""
            shortcut = f"Ctrl+{script.shortcut}  " if script.shortcut else ""
            item = QListWidgetItem(f"{shortcut}{script.title(lang())}{where}", self.results)
            item.setData(KeyRole, script.key)
        if self.results.count():
            self.results.setCurrentRow(0)

    def eventFilter(self, watched, event) -> bool:
        # Up/Down move in the results while typing; Enter takes the highlighted one.
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                row = self.results.currentRow() + (1 if key == Qt.Key.Key_Down else -1)
                self.results.setCurrentRow(max(0, min(row, self.results.count() - 1)))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                item = self.results.currentItem()
                if item is not None:
                    self._take(item)
                return True
        return super().eventFilter(watched, event)

    def _take(self, item: QListWidgetItem) -> None:
        key = item.data(KeyRole)
        self.accept()
        self.chosen.emit(key)
