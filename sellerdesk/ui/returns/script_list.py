"""The script library as the agent scans it: by reason, seller's fault first, care messages last.

Numbered scripts show their shortcut (Ctrl+1 … Ctrl+9). Usage counts come
from the shop (which scripts agents actually use) and show beside titles.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from sellerdesk.domain.scripts import Script, group_by_reason, tone_label
from sellerdesk.ui.i18n import lang

KeyRole = Qt.ItemDataRole.UserRole + 1
_FAULT_COLOUR = {"seller": "#b3261e", "buyer": "#1565c0", "neutral": "#555555"}


def fault_name(fault: str) -> str:
    return {
        "seller": QCoreApplication.translate("ScriptList", "seller's fault"),
        "buyer": QCoreApplication.translate("ScriptList", "buyer's reason"),
    }.get(fault, QCoreApplication.translate("ScriptList", "care / other"))


class ScriptList(QTreeWidget):
    script_chosen = Signal(str)  # key: clicked or Enter

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("scriptList")
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)
        self.scripts: list[Script] = []
        self.usage: dict[str, int] = {}

    def set_scripts(self, scripts: list[Script], usage: dict[str, int]) -> None:
        current = self.current_key()
        self.scripts, self.usage = [s for s in scripts if s.enabled], usage
        self.clear()
        for reason, members in group_by_reason(self.scripts):
            head = QTreeWidgetItem(self, [f"{reason.name(lang())}  ·  {fault_name(reason.fault)}"])
            head.setForeground(0, QBrush(QColor(_FAULT_COLOUR.get(reason.fault, "#555555"))))
            head.setFlags(head.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            for script in members:
                item = QTreeWidgetItem(head, [self._label(script)])
                item.setData(0, KeyRole, script.key)
                item.setToolTip(0, script.resolution(lang()))
            head.setExpanded(True)
        if current:
            self.select_key(current)

    def _label(self, script: Script) -> str:
        shortcut = f"Ctrl+{script.shortcut}  " if script.shortcut else ""
        label = tone_label(script.tone, lang())
        title = script.title(lang())
        tone = f"  [{label}]" if script.tone != "standard" and label not in title else ""
        used = self.usage.get(script.key, 0)
        count = "  " + QCoreApplication.translate("ScriptList", "(used {n}×)").format(n=used) if used else ""
        return f"{shortcut}{title}{tone}{count}"

    def by_shortcut(self, number: int) -> Script | None:
        return next((s for s in self.scripts if s.shortcut == number), None)

    def by_key(self, key: str) -> Script | None:
        return next((s for s in self.scripts if s.key == key), None)

    def current_key(self) -> str | None:
        item = self.currentItem()
        return item.data(0, KeyRole) if item is not None else None

    def select_key(self, key: str) -> None:
        for i in range(self.topLevelItemCount()):
            head = self.topLevelItem(i)
            for j in range(head.childCount()):
                if head.child(j).data(0, KeyRole) == key:
                    self.setCurrentItem(head.child(j))
                    return

    def _activated(self, item: QTreeWidgetItem) -> None:
        key = item.data(0, KeyRole)
        if key:
            self.script_chosen.emit(key)
