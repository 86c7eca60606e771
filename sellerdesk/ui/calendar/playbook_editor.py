"""Edit a playbook in the app: its phases and its tasks as two small tables.

Days count from the festival's main day (0 = the day, -10 = ten days
before). The title, message and phase names edited are those of the UI
language; the other language's text is kept. Saving validates the whole
playbook (services parse it exactly as a file would be read) and shows the
reason inline; a built-in playbook edited here can be reset.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.services import playbook_library
from sellerdesk.services.shop import ShopFile
from sellerdesk.ui.errors import show_failure
from sellerdesk.ui.groups.common import ERROR_STYLE, OK_STYLE, message_label, reason, show_message
from sellerdesk.ui.i18n import lang

PHASE_FIELDS = ("key", "name", "from", "to")
TASK_FIELDS = ("key", "phase", "day", "days", "time", "until", "title", "group", "channel", "message")
_LOCALISED = {"name", "title", "message"}  # stored as <field>_zh / <field>_en
_NUMBERS = {"from", "to", "day", "days"}


def _headers() -> tuple[list[str], list[str]]:
    phases = [
        QCoreApplication.translate("PlaybookEditor", "Key"),
        QCoreApplication.translate("PlaybookEditor", "Name"),
        QCoreApplication.translate("PlaybookEditor", "From day"),
        QCoreApplication.translate("PlaybookEditor", "To day"),
    ]
    tasks = [
        QCoreApplication.translate("PlaybookEditor", "Key"),
        QCoreApplication.translate("PlaybookEditor", "Phase"),
        QCoreApplication.translate("PlaybookEditor", "Day"),
        QCoreApplication.translate("PlaybookEditor", "Days"),
        QCoreApplication.translate("PlaybookEditor", "Time"),
        QCoreApplication.translate("PlaybookEditor", "Until"),
        QCoreApplication.translate("PlaybookEditor", "Title"),
        QCoreApplication.translate("PlaybookEditor", "Group"),
        QCoreApplication.translate("PlaybookEditor", "Channel"),
        QCoreApplication.translate("PlaybookEditor", "Message"),
    ]
    return phases, tasks


def _table(parent: QWidget, name: str, columns: int) -> QTableWidget:
    table = QTableWidget(0, columns, parent)
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class PlaybookEditor(QDialog):
    def __init__(self, parent: QWidget, shop: ShopFile):
        super().__init__(parent)
        self.setObjectName("playbookEditor")
        self.shop = shop
        self.data: dict | None = None
        self.key: str | None = None
        self.infos: list = []  # the playbooks as last listed
        self.list = QListWidget(self)
        self.list.setObjectName("playbookList")
        self.phases = _table(self, "playbookPhases", len(PHASE_FIELDS))
        self.tasks = _table(self, "playbookTasks", len(TASK_FIELDS))
        self.add_button, self.remove_button = QPushButton(self), QPushButton(self)
        self.save_button, self.reset_button = QPushButton(self), QPushButton(self)
        self.save_button.setObjectName("playbookSave")
        self.reset_button.setObjectName("playbookReset")
        self.message = message_label(self, "playbookMessage")
        self.phases_label, self.tasks_label = QLabel(self), QLabel(self)
        self.help = message_label(self, "playbookHelp")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.save_button)
        right = QWidget(self)
        layout = QVBoxLayout(right)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.help)
        layout.addWidget(self.phases_label)
        layout.addWidget(self.phases, 1)
        layout.addWidget(self.tasks_label)
        layout.addWidget(self.tasks, 3)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 4)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(splitter, 1)
        outer.addWidget(close)
        self.list.currentItemChanged.connect(lambda item, _: self.load(item.data(256)) if item else None)
        self.add_button.clicked.connect(self.add_task)
        self.remove_button.clicked.connect(self.remove_tasks)
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(self.reset)
        self.retranslate_ui()
        self.resize(1200, 720)
        self.fill_list()

    # -- loading ----------------------------------------------------------------------------------
    def fill_list(self, select: str | None = None) -> None:
        infos = self.infos = playbook_library.list_playbooks(self.shop)
        self.list.blockSignals(True)
        self.list.clear()
        for info in infos:
            name = info.name_zh if lang() == "zh" else info.name_en
            mark = QCoreApplication.translate("PlaybookEditor", " (edited)") if info.edited else ""
            item = QListWidgetItem(name + mark, self.list)
            item.setData(256, info.key)
        self.list.blockSignals(False)
        keys = [i.key for i in infos]
        row = keys.index(select) if select in keys else 0
        if keys:
            self.list.setCurrentRow(row)
            self.load(keys[row])

    def load(self, key: str) -> None:
        self.key = key
        self.data = json.loads(playbook_library.playbook_json(self.shop, key))
        suffix = "_zh" if lang() == "zh" else "_en"
        self._fill(self.phases, self.data.get("phases", []), PHASE_FIELDS, suffix)
        self._fill(self.tasks, self.data.get("tasks", []), TASK_FIELDS, suffix)
        info = next((i for i in self.infos if i.key == key), None)  # as listed by fill_list
        self.reset_button.setEnabled(bool(info and info.builtin and info.edited))
        self.message.setVisible(False)

    @staticmethod
    def _fill(table: QTableWidget, rows: list[dict], fields: tuple[str, ...], suffix: str) -> None:
        table.setRowCount(0)
        for row in rows:
            r = table.rowCount()
            table.insertRow(r)
            for c, name in enumerate(fields):
                value = row.get(name + suffix if name in _LOCALISED else name)
                if name in ("from", "to") and value is None:
                    value = row.get({"from": "start", "to": "end"}[name])
                item = QTableWidgetItem("" if value is None else str(value))
                item.setData(256, row)  # the whole original row: fields not shown are kept
                table.setItem(r, c, item)

    # -- editing ----------------------------------------------------------------------------------
    def add_task(self) -> None:
        r = self.tasks.rowCount()
        self.tasks.insertRow(r)
        defaults = {
            "key": f"task{r + 1}",
            "day": "0",
            "days": "1",
            "time": "10:00",
            "title": QCoreApplication.translate("PlaybookEditor", "New task"),
        }
        for c, name in enumerate(TASK_FIELDS):
            self.tasks.setItem(r, c, QTableWidgetItem(defaults.get(name, "")))
        self.tasks.scrollToBottom()
        self.tasks.setCurrentCell(r, TASK_FIELDS.index("title"))

    def remove_tasks(self) -> None:
        for r in sorted({i.row() for i in self.tasks.selectedIndexes()}, reverse=True):
            self.tasks.removeRow(r)

    def _rows(self, table: QTableWidget, fields: tuple[str, ...], suffix: str) -> list[dict]:
        out = []
        for r in range(table.rowCount()):
            first = table.item(r, 0)
            row = dict(first.data(256) or {}) if first is not None else {}
            for c, name in enumerate(fields):
                item = table.item(r, c)
                text = item.text().strip() if item is not None else ""
                target = name + suffix if name in _LOCALISED else name
                if not text:
                    row.pop(target, None)
                    continue
                if name in _NUMBERS:
                    try:
                        row[target] = int(text)
                    except ValueError:
                        row[target] = text  # the service names the task and the field that is wrong
                else:
                    row[target] = text
            other = "_en" if suffix == "_zh" else "_zh"
            for name in _LOCALISED:  # a new row: the other language starts as a copy
                if name + suffix in row and name + other not in row and name in fields:
                    row[name + other] = row[name + suffix]
            out.append(row)
        return out

    def edited(self) -> dict:
        suffix = "_zh" if lang() == "zh" else "_en"
        data = dict(self.data or {})
        data["phases"] = self._rows(self.phases, PHASE_FIELDS, suffix)
        data["tasks"] = self._rows(self.tasks, TASK_FIELDS, suffix)
        return data

    def save(self) -> bool:
        if self.key is None:
            return False
        try:
            playbook_library.save_playbook_json(self.shop, self.key, json.dumps(self.edited(), ensure_ascii=False))
        except Exception as exc:  # noqa: BLE001 - a CalendarError says which task and field
            text = reason(exc)
            if text is None:
                show_failure(self, QCoreApplication.translate("PlaybookEditor", "Playbooks"), exc)
                return False
            show_message(self.message, text, ERROR_STYLE)
            return False
        self.fill_list(select=self.key)
        show_message(
            self.message,
            QCoreApplication.translate("PlaybookEditor", "Saved. Campaigns applied from now on use it."),
            OK_STYLE,
        )
        return True

    def reset(self) -> None:
        if self.key is not None:
            playbook_library.reset_playbook(self.shop, self.key)
            self.fill_list(select=self.key)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("PlaybookEditor", "Playbooks"))
        phases, tasks = _headers()
        self.phases.setHorizontalHeaderLabels(phases)
        self.tasks.setHorizontalHeaderLabels(tasks)
        self.phases_label.setText(QCoreApplication.translate("PlaybookEditor", "Phases"))
        self.tasks_label.setText(QCoreApplication.translate("PlaybookEditor", "Tasks"))
        self.help.setText(
            QCoreApplication.translate(
                "PlaybookEditor",
                "Days count from the festival's main day: 0 is the day, -10 ten days "
                "before, 3 three days after. Time and Until as 20:00. Groups: "
                "active, loyal, general, new, repeat, dormant_high_value, "
                "second_purchase_window, all. Channels: sms, email, phone.",
            )
        )
        self.add_button.setText(QCoreApplication.translate("PlaybookEditor", "Add task"))
        self.remove_button.setText(QCoreApplication.translate("PlaybookEditor", "Remove selected"))
        self.save_button.setText(QCoreApplication.translate("PlaybookEditor", "Save playbook"))
        self.reset_button.setText(QCoreApplication.translate("PlaybookEditor", "Reset to built-in"))
