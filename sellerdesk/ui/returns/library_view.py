"""The script library: enable, reorder, give shortcuts, edit, add tone variants, import and export.

Usage counts show which scripts agents actually use. Edits are small,
quick writes, made as the user clicks, all on the window's write lane (`_do`);
a library file to import is checked whole first and refused whole (with the
line that is wrong).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.domain.scripts import REASON_BY_KEY, Script, ScriptMessage, free_script_key, tone_label
from sellerdesk.services import script_library
from sellerdesk.services.shop import ShopFile
from sellerdesk.ui.errors import show_failure
from sellerdesk.ui.i18n import lang
from sellerdesk.ui.returns.script_editor import ScriptEditor
from sellerdesk.ui.tasks import Task, TaskRunner, delete_when_finished

KeyRole = Qt.ItemDataRole.UserRole + 1
SHORTCUT, TITLE, REASON, TONE, USED, ORIGIN = range(6)


class LibraryView(QWidget):
    library_changed = Signal()  # the page re-reads the scripts for the desk
    status_message = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.shop: ShopFile | None = None
        self.scripts: list[Script] = []
        self.edited: set[str] = set()
        self.dialog: QWidget | None = None
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("libraryTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._item_changed)
        self.table.itemDoubleClicked.connect(lambda _: self.edit_selected())
        self.buttons = {
            name: QPushButton(self) for name in ("new", "edit", "variant", "up", "down", "delete", "import", "export")
        }
        for name, button in self.buttons.items():
            button.setObjectName(f"library_{name}")
        self.buttons["new"].clicked.connect(self.new_script)
        self.buttons["edit"].clicked.connect(self.edit_selected)
        self.buttons["variant"].clicked.connect(self.new_variant)
        self.buttons["up"].clicked.connect(lambda: self.move_selected(-1))
        self.buttons["down"].clicked.connect(lambda: self.move_selected(1))
        self.buttons["delete"].clicked.connect(self.delete_or_reset)
        self.buttons["import"].clicked.connect(self.ask_import)
        self.buttons["export"].clicked.connect(self.ask_export)
        row = QHBoxLayout()
        for name in ("new", "edit", "variant", "delete"):
            row.addWidget(self.buttons[name])
        row.addStretch(1)
        for name in ("up", "down"):
            row.addWidget(self.buttons[name])
        files = QHBoxLayout()  # a second row keeps the tab narrow enough for a small screen
        files.addStretch(1)
        files.addWidget(self.buttons["import"])
        files.addWidget(self.buttons["export"])
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addLayout(files)
        self.retranslate_ui()

    # -- showing ----------------------------------------------------------------------------------
    def set_shop(self, shop: ShopFile) -> None:
        self.shop = shop

    def show_library(self, scripts: list[Script], usage: dict[str, int], edited: set[str]) -> None:
        selected = self.selected()
        self.scripts, self.edited = scripts, edited
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for script in scripts:
            r = self.table.rowCount()
            self.table.insertRow(r)
            title = QTableWidgetItem(script.title(lang()))
            title.setFlags(title.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            title.setCheckState(Qt.CheckState.Checked if script.enabled else Qt.CheckState.Unchecked)
            title.setData(KeyRole, script.key)
            topic = REASON_BY_KEY.get(script.reason)
            origin = (
                (
                    QCoreApplication.translate("LibraryView", "built-in, edited")
                    if script.key in edited
                    else QCoreApplication.translate("LibraryView", "built-in")
                )
                if script.builtin
                else QCoreApplication.translate("LibraryView", "this shop's")
            )
            cells = (
                f"Ctrl+{script.shortcut}" if script.shortcut else "",
                None,
                topic.name(lang()) if topic else script.reason,
                tone_label(script.tone, lang()),
                str(usage.get(script.key, 0)),
                origin,
            )
            for c, text in enumerate(cells):
                self.table.setItem(r, c, title if c == TITLE else QTableWidgetItem(text))
        self.table.blockSignals(False)
        if selected is not None:
            self.select(selected.key)

    def selected(self) -> Script | None:
        row = self.table.currentRow()
        return self.scripts[row] if 0 <= row < len(self.scripts) else None

    def select(self, key: str) -> None:
        for r, script in enumerate(self.scripts):
            if script.key == key:
                self.table.setCurrentCell(r, TITLE)

    # -- changes ----------------------------------------------------------------------------------
    def _do(self, action, title: str | None = None, then=None, failed=None, owner=None) -> Task | None:
        """Run a library write on the window's write lane (an import reads a file of up to 5 MB);
        the page re-reads the scripts when it is done, failures are shown with the service's reason
        (by `failed` when given: a dialog shows it inline). `owner` owns the Task (a dialog that
        waits for its write before it is deleted); the view by default."""
        if self.shop is None:
            return None
        task = Task(lambda progress, cancel: action(), owner or self)
        task.succeeded.connect(lambda result: (self.library_changed.emit(), then(result) if then else None))
        task.failed.connect(failed or (lambda exc: show_failure(
            self, title or QCoreApplication.translate("LibraryView", "Script library"), exc)))
        return self.runner.start(task)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == TITLE and self.shop is not None:
            key, on = item.data(KeyRole), item.checkState() == Qt.CheckState.Checked
            shop = self.shop
            self._do(lambda: script_library.set_enabled(shop, key, on))

    def move_selected(self, step: int) -> None:
        script = self.selected()
        if script is None or self.shop is None:
            return
        keys = [s.key for s in self.scripts]
        i = keys.index(script.key)
        j = i + step
        if 0 <= j < len(keys):
            keys[i], keys[j] = keys[j], keys[i]
            shop = self.shop
            self._do(lambda: script_library.reorder_scripts(shop, keys))

    def _edit(self, script: Script) -> ScriptEditor:
        shop = self.shop
        dialog: ScriptEditor

        def save(edited: Script) -> Task | None:  # on the write lane; the editor shows a refusal inline
            return self._do(lambda: script_library.save_script(shop, edited),
                            then=dialog.saved, failed=dialog.save_failed, owner=dialog)

        dialog = ScriptEditor(script, save, self)
        delete_when_finished(dialog)  # closed while its save runs: deleted once the answer is in
        dialog.open()
        self.dialog = dialog
        return dialog

    def edit_selected(self) -> ScriptEditor | None:
        script = self.selected()
        return self._edit(script) if script is not None and self.shop is not None else None

    def new_script(self) -> ScriptEditor | None:
        if self.shop is None:
            return None
        base = self.selected()
        reason = base.reason if base else "size_colour"
        key = free_script_key(self.scripts, reason, "standard")
        blank = Script(key, reason, "", "", (ScriptMessage("ask", "", ""),), position=len(self.scripts))
        return self._edit(blank)

    def new_variant(self) -> ScriptEditor | None:
        """A copy of the selected script in another tone (warm, brief, the shop's own)."""
        base = self.selected()
        if base is None or self.shop is None:
            return None
        tone = "warm" if base.tone != "warm" else "brief"
        key = free_script_key(self.scripts, base.reason, tone)
        return self._edit(replace(base, key=key, tone=tone, builtin=False, shortcut=None, position=base.position + 1))

    def delete_or_reset(self) -> None:
        script = self.selected()
        if script is None or self.shop is None:
            return
        shop = self.shop
        if script.builtin:
            self._do(lambda: script_library.reset_script(shop, script.key))
        else:
            self._do(lambda: script_library.delete_script(shop, script.key))

    # -- files ------------------------------------------------------------------------------------
    def ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("LibraryView", "Import scripts"),
            "",
            QCoreApplication.translate("LibraryView", "Script library (*.json)"),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> Task | None:
        shop = self.shop
        return self._do(
            lambda: script_library.import_library(shop, path),
            QCoreApplication.translate("LibraryView", "Import scripts"),
            lambda added: self.status_message.emit(QCoreApplication.translate(
                "LibraryView", "{n} script(s) imported from {file}.").format(n=added, file=path.name)),
        )

    def ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("LibraryView", "Export scripts"),
            str(Path.home() / "scripts.json"),
            QCoreApplication.translate("LibraryView", "Script library (*.json)"),
        )
        if path:
            self.export_file(Path(path))

    def export_file(self, path: Path) -> Task | None:
        shop = self.shop
        return self._do(
            lambda: script_library.export_library(shop, path),
            QCoreApplication.translate("LibraryView", "Export scripts"),
            lambda written: self.status_message.emit(QCoreApplication.translate(
                "LibraryView", "{n} script(s) written to {file}.").format(n=written, file=path)),
        )

    # -- language ---------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("LibraryView", "Shortcut"),
                QCoreApplication.translate("LibraryView", "Script (tick: in use)"),
                QCoreApplication.translate("LibraryView", "Reason"),
                QCoreApplication.translate("LibraryView", "Tone"),
                QCoreApplication.translate("LibraryView", "Used"),
                QCoreApplication.translate("LibraryView", "Origin"),
            ]
        )
        texts = {
            "new": QCoreApplication.translate("LibraryView", "New…"),
            "edit": QCoreApplication.translate("LibraryView", "Edit…"),
            "variant": QCoreApplication.translate("LibraryView", "Tone variant…"),
            "up": QCoreApplication.translate("LibraryView", "Move up"),
            "down": QCoreApplication.translate("LibraryView", "Move down"),
            "delete": QCoreApplication.translate("LibraryView", "Delete / reset"),
            "import": QCoreApplication.translate("LibraryView", "Import…"),
            "export": QCoreApplication.translate("LibraryView", "Export…"),
        }
        for name, text in texts.items():
            self.buttons[name].setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
