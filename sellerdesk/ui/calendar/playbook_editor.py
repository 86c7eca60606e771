"""Edit a playbook in the app: its phases and its tasks as two small tables.

Days count from the festival's main day (0 = the day, -10 = ten days
before). The title, message and phase names edited are those of the UI
language; the other language's text is kept. Saving validates the whole
playbook (services parse it exactly as a file would be read) and shows the
reason inline; a built-in playbook edited here can be reset.

Nothing here touches the shop file on the GUI thread: the list and the
playbook shown are read on the dialog's ReadLane, a save or a reset runs on
the window's write lane (it may wait while an import holds the file); the
buttons are disabled meanwhile and a refusal is shown inline.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, Qt, Signal
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

from sellerdesk.domain.playbooks import parse_playbook
from sellerdesk.services import playbook_library
from sellerdesk.services.shop import ShopFile
from sellerdesk.ui.errors import show_failure
from sellerdesk.ui.groups.common import ERROR_STYLE, OK_STYLE, message_label, reason, show_message
from sellerdesk.ui.i18n import lang
from sellerdesk.ui.read_lane import ReadLane
from sellerdesk.ui.tasks import Task, TaskRunner

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
    loaded = Signal(str)  # a playbook's key: it is in the tables (tests wait for it)

    def __init__(self, parent: QWidget, shop: ShopFile, runner: TaskRunner):
        super().__init__(parent)
        self.setObjectName("playbookEditor")
        self.shop = shop
        self.runner = runner
        self.reads = ReadLane(self, threads=1)
        self.data: dict | None = None
        self.key: str | None = None  # the playbook in the tables (None while one is being read)
        self.infos: list = []  # the playbooks as last listed
        self._writing = False
        self._closed = False
        self._notice: tuple[str, str] | None = None  # shown once the playbook is read again (after a save)
        self.list = QListWidget(self)
        self.list.setObjectName("playbookList")
        self.phases = _table(self, "playbookPhases", len(PHASE_FIELDS))
        self.tasks = _table(self, "playbookTasks", len(TASK_FIELDS))
        self._edit_triggers = self.tasks.editTriggers()
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
        self._enable()
        self.fill_list()

    # -- loading ----------------------------------------------------------------------------------
    def fill_list(self, select: str | None = None) -> None:
        """List the playbooks (off the GUI thread), then show `select` (or the first)."""
        shop = self.shop
        self.reads.start(
            lambda progress, cancel: playbook_library.list_playbooks(shop),
            lambda infos: self._listed(infos, select),
            self._read_failed,
            kind="list",
        )

    def _listed(self, infos: list, select: str | None) -> None:
        self.infos = infos
        self.list.blockSignals(True)
        self.list.clear()
        for info in infos:
            name = info.name_zh if lang() == "zh" else info.name_en
            mark = QCoreApplication.translate("PlaybookEditor", " (edited)") if info.edited else ""
            item = QListWidgetItem(name + mark, self.list)
            item.setData(256, info.key)
        keys = [i.key for i in infos]
        row = keys.index(select) if select in keys else 0
        if keys:
            self.list.setCurrentRow(row)  # signals still blocked: read once, here
        self.list.blockSignals(False)
        if keys:
            self.load(keys[row])

    def load(self, key: str) -> None:
        """Read the playbook's JSON off the GUI thread; the tables show it when it arrives."""
        self.key = None  # nothing to save until it is in the tables
        self._enable()
        shop = self.shop
        self.reads.start(
            lambda progress, cancel: playbook_library.playbook_json(shop, key),
            lambda text: self._loaded(key, text),
            self._read_failed,
            kind="playbook",
        )

    def _loaded(self, key: str, text: str) -> None:
        self.key = key
        self.data = json.loads(text)
        suffix = "_zh" if lang() == "zh" else "_en"
        self._fill(self.phases, self.data.get("phases", []), PHASE_FIELDS, suffix)
        self._fill(self.tasks, self.data.get("tasks", []), TASK_FIELDS, suffix)
        notice, self._notice = self._notice, None
        if notice is not None:
            show_message(self.message, *notice)
        else:
            self.message.setVisible(False)
        self._enable()
        self.loaded.emit(key)

    def _read_failed(self, exc: BaseException) -> None:
        text = reason(exc)
        if text is None:
            show_failure(self, QCoreApplication.translate("PlaybookEditor", "Playbooks"), exc)
        else:
            show_message(self.message, text, ERROR_STYLE)

    def _enable(self) -> None:
        """Buttons and the list follow what is shown and whether a write runs."""
        ready = self.key is not None and not self._writing
        info = next((i for i in self.infos if i.key == self.key), None)  # as listed by fill_list
        for button in (self.add_button, self.remove_button, self.save_button):
            button.setEnabled(ready)
        self.reset_button.setEnabled(ready and bool(info and info.builtin and info.edited))
        self.list.setEnabled(not self._writing)  # the playbook being saved stays the one shown
        for table in (self.phases, self.tasks):  # read-only while its text is being stored
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if self._writing
                                  else self._edit_triggers)

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

    # -- writing (the window's write lane) ---------------------------------------------------------
    def save(self) -> Task | None:
        """Check the edited playbook here (domain rules, no file access), then store it on the
        write lane. None when nothing was started (the reason is shown inline)."""
        if self.key is None or self._writing:
            return None
        key, data = self.key, self.edited()
        try:
            parse_playbook(data, f"{key}.json")  # what the service checks first: said at once
        except Exception as exc:  # noqa: BLE001 - a CalendarError says which task and field
            self._write_failed(exc)
            return None
        shop, text = self.shop, json.dumps(data, ensure_ascii=False)
        return self._write(lambda: playbook_library.save_playbook_json(shop, key, text), lambda: self._saved(key))

    def _saved(self, key: str) -> None:
        self._notice = (
            QCoreApplication.translate("PlaybookEditor", "Saved. Campaigns applied from now on use it."),
            OK_STYLE,
        )
        self.fill_list(select=key)

    def reset(self) -> Task | None:
        if self.key is None or self._writing:
            return None
        shop, key = self.shop, self.key
        return self._write(lambda: playbook_library.reset_playbook(shop, key), lambda: self.fill_list(select=key))

    def _write(self, fn, then) -> Task:
        task = Task(lambda progress, cancel: fn(), self)  # the dialog's child: it is deleted once this is done
        task.succeeded.connect(lambda _: self._written(then))
        task.failed.connect(self._write_failed)
        self._set_writing(True)
        return self.runner.start(task)

    def _written(self, then) -> None:
        self._set_writing(False)
        if not self._closed:  # closed meanwhile: nothing to show, no read to start
            then()

    def _write_failed(self, exc: BaseException) -> None:
        self._set_writing(False)
        text = reason(exc)
        if text is None:
            show_failure(self, QCoreApplication.translate("PlaybookEditor", "Playbooks"), exc)
        else:
            show_message(self.message, text, ERROR_STYLE)

    def _set_writing(self, writing: bool) -> None:
        self._writing = writing
        self._enable()

    def done(self, result: int) -> None:
        self._closed = True
        self.reads.stop()
        super().done(result)

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
