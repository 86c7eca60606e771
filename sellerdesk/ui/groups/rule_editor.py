"""The custom-group editor (issue 3, item 4): conditions combined with all/any, a live count, save/delete.

The count runs off the GUI thread (count_rule in a worker, ~150 ms after the
last edit; answers to older rules are dropped), so typing never waits for
SQLite. An invalid value is refused with the reason under the conditions, and
Save stays disabled until it is fixed. Writes go through the window's runner.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QScrollArea, QVBoxLayout, QWidget)

from sellerdesk.domain.rule_text import describe_rule
from sellerdesk.domain.rules import Condition, Field, Op, Rule, RuleError
from sellerdesk.services.customers import all_tags
from sellerdesk.services.segmentation import Segmentation, count_rule, delete_custom_group, save_custom_group
from sellerdesk.services.shop import ShopFile
from sellerdesk.ui.errors import show_failure
from sellerdesk.ui.groups.common import message_label, reason, show_message
from sellerdesk.ui.read_lane import ReadLane
from sellerdesk.ui.groups.condition_row import ConditionRow
from sellerdesk.ui.i18n import lang
from sellerdesk.ui.tasks import Task, TaskRunner

COUNT_DELAY_MS = 150

_TEXTS = {
    "new_title": QT_TRANSLATE_NOOP("RuleEditorDialog", "New customer group"),
    "edit_title": QT_TRANSLATE_NOOP("RuleEditorDialog", "Edit customer group “{name}”"),
    "name": QT_TRANSLATE_NOOP("RuleEditorDialog", "Group name:"),
    "name_hint": QT_TRANSLATE_NOOP("RuleEditorDialog", "for example: Repeat buyers from Zhejiang"),
    "match_pre": QT_TRANSLATE_NOOP("RuleEditorDialog", "Buyers who match"),
    "all": QT_TRANSLATE_NOOP("RuleEditorDialog", "all of these conditions"),
    "any": QT_TRANSLATE_NOOP("RuleEditorDialog", "any of these conditions"),
    "add": QT_TRANSLATE_NOOP("RuleEditorDialog", "Add condition"),
    "save": QT_TRANSLATE_NOOP("RuleEditorDialog", "Save group"),
    "delete": QT_TRANSLATE_NOOP("RuleEditorDialog", "Delete group…"),
    "counting": QT_TRANSLATE_NOOP("RuleEditorDialog", "Counting…"),
    "count": QT_TRANSLATE_NOOP("RuleEditorDialog", "{n} buyers match (as of {date})"),
    "no_count": QT_TRANSLATE_NOOP("RuleEditorDialog", "Fix the rule to see how many buyers match."),
    "count_failed": QT_TRANSLATE_NOOP("RuleEditorDialog", "Could not count the buyers: {error}"),
    "no_name": QT_TRANSLATE_NOOP("RuleEditorDialog", "Give the group a name."),
    "condition_n": QT_TRANSLATE_NOOP("RuleEditorDialog", "Condition {n}: {reason}"),
    "summary": QT_TRANSLATE_NOOP("RuleEditorDialog", "In words: {text}"),
    "saving": QT_TRANSLATE_NOOP("RuleEditorDialog", "Saving…"),
    "failed": QT_TRANSLATE_NOOP("RuleEditorDialog", "The group could not be saved"),
    "delete_title": QT_TRANSLATE_NOOP("RuleEditorDialog", "Delete group"),
    "delete_ask": QT_TRANSLATE_NOOP("RuleEditorDialog", "Delete the group “{name}”? Its buyers are not deleted."),
}


def _tr(key: str) -> str:
    return QCoreApplication.translate("RuleEditorDialog", _TEXTS[key])


class RuleEditorDialog(QDialog):
    """Create a custom group, or edit/delete a saved one (group_key of a custom group in `seg`)."""

    changes_made = Signal(object)  # Changes, after a save or a delete
    saved = Signal(int)  # the saved group's id

    def __init__(self, shop: ShopFile, seg: Segmentation, runner: TaskRunner, group_key: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ruleEditorDialog")
        self.shop, self.seg, self.runner = shop, seg, runner
        self.reads = ReadLane(self)
        self.group_id: int | None = None
        self.last_count: int | None = None
        self.counted_rule: Rule | None = None  # the rule last_count belongs to
        self.rows: list[ConditionRow] = []
        self._tags: list[str] = []
        self._writing = False
        rule = Rule("all", (Condition(Field.ORDERS, Op.GE, 2),))
        name = ""
        group = seg.group(group_key) if group_key else None
        if group is not None and group.custom_id is not None:
            self.group_id, rule, name = group.custom_id, group.definition.rule, group.definition.name_zh

        self.name_label = QLabel(self)
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setObjectName("groupName")
        self.name_label.setBuddy(self.name_edit)
        self.match_label = QLabel(self)
        self.match_combo = QComboBox(self)
        self.match_combo.setObjectName("ruleMatch")
        self.match_combo.addItem("", "all")
        self.match_combo.addItem("", "any")
        self.match_combo.setCurrentIndex(1 if rule.match == "any" else 0)
        self.rows_box = QWidget(self)
        self.rows_layout = QVBoxLayout(self.rows_box)
        self.rows_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.rows_box)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addCondition")
        self.summary = message_label(self, "ruleSummary")
        self.error = message_label(self, "ruleError")
        self.count_label = message_label(self, "ruleCount")
        font = self.count_label.font()
        font.setBold(True)
        self.count_label.setFont(font)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.delete_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.DestructiveRole)
        self.delete_button.setObjectName("deleteGroup")
        self.delete_button.setVisible(self.group_id is not None)

        form = QFormLayout()
        form.addRow(self.name_label, self.name_edit)
        match_row = QHBoxLayout()
        match_row.addWidget(self.match_label)
        match_row.addWidget(self.match_combo)
        match_row.addStretch(1)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(match_row)
        layout.addWidget(scroll, 1)
        layout.addLayout(add_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.count_label)
        layout.addWidget(self.buttons)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(COUNT_DELAY_MS)
        self.timer.timeout.connect(self._count)
        for condition in rule.conditions:
            self.add_condition(condition)
        self.name_edit.textChanged.connect(self._edited)
        self.match_combo.currentIndexChanged.connect(self._edited)
        self.add_button.clicked.connect(lambda: self.add_condition())
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.delete_button.clicked.connect(self.ask_delete)
        self.resize(760, 480)
        self.retranslate_ui()
        self._edited()
        self.reads.start(lambda progress, cancel: all_tags(shop), self._tags_loaded, lambda exc: None, kind="tags")

    # -- conditions -------------------------------------------------------------------------------
    def add_condition(self, condition: Condition | None = None) -> ConditionRow:
        row = ConditionRow(condition, as_of=self.seg.as_of, tags=self._tags, parent=self.rows_box)
        row.changed.connect(self._edited)
        row.remove_requested.connect(self.remove_condition)
        self.rows_layout.insertWidget(len(self.rows), row)
        self.rows.append(row)
        self._edited()
        return row

    def remove_condition(self, row: ConditionRow) -> None:
        self.rows.remove(row)
        self.rows_layout.removeWidget(row)
        row.deleteLater()
        self._edited()

    def _tags_loaded(self, tags: list[tuple[str, int]]) -> None:
        self._tags = [t for t, _ in tags]
        for row in self.rows:
            row.set_tags(self._tags)

    # -- the rule and its problems ----------------------------------------------------------------
    def rule(self) -> Rule:
        """The rule as edited; RuleError (in the UI language) names the first problem."""
        conditions = []
        for i, row in enumerate(self.rows, 1):
            try:
                conditions.append(row.condition())
            except RuleError as exc:
                text = _tr("condition_n").format(n=i, reason=exc.message(lang()))
                raise RuleError(text, text) from exc
        rule = Rule(self.match_combo.currentData(), tuple(conditions))
        rule.validate()
        return rule

    def problem(self) -> str:
        """Why the group cannot be saved as it stands ('' when it can)."""
        try:
            self.rule()
        except RuleError as exc:
            return exc.message(lang())
        return "" if self.name_edit.text().strip() else _tr("no_name")

    def _edited(self) -> None:
        try:
            rule = self.rule()
        except RuleError as exc:
            rule = None
            show_message(self.error, exc.message(lang()))
            self.summary.setText("")
        else:
            show_message(self.error, "" if self.name_edit.text().strip() else _tr("no_name"))
            self.summary.setText(_tr("summary").format(text=describe_rule(rule, lang())))
        self.save_button.setEnabled(not self.problem() and not self._writing)
        if rule is None:
            self.timer.stop()
            self.last_count = self.counted_rule = None
            self.count_label.setText(_tr("no_count"))
        elif rule != self.counted_rule:
            self.count_label.setText(_tr("counting"))
            self.timer.start()

    def _count(self) -> None:
        try:
            rule = self.rule()
        except RuleError:
            return
        shop, as_of = self.shop, self.seg.as_of
        self.reads.start(lambda progress, cancel: count_rule(shop, rule, as_of),
                         lambda n: self._counted(rule, n), self._count_failed, kind="count")

    def _counted(self, rule: Rule, n: int) -> None:
        try:
            if self.rule() != rule:
                return  # the rule changed while counting: its own count is on the way
        except RuleError:
            return
        self.last_count, self.counted_rule = n, rule
        self.count_label.setText(_tr("count").format(n=f"{n:,}", date=self.seg.as_of.isoformat()))

    def _count_failed(self, exc: BaseException) -> None:
        self.last_count = self.counted_rule = None
        self.count_label.setText(_tr("count_failed").format(error=reason(exc) or exc))

    # -- writes -----------------------------------------------------------------------------------
    def save(self) -> Task | None:
        if self.problem() or self._writing:
            return None
        shop, name, rule, group_id = self.shop, self.name_edit.text().strip(), self.rule(), self.group_id
        task = Task(lambda progress, cancel: save_custom_group(shop, name, rule, group_id), self)
        task.succeeded.connect(self._saved)
        task.failed.connect(self._write_failed)
        self._set_writing(True)
        return self.runner.start(task)

    def _saved(self, result: tuple) -> None:
        self._set_writing(False)
        self.group_id, changes = result
        self.changes_made.emit(changes)
        self.saved.emit(self.group_id)
        self.accept()

    def _write_failed(self, exc: BaseException) -> None:
        self._set_writing(False)
        text = reason(exc)
        if text:
            show_message(self.error, text)
        else:
            show_failure(self, _tr("failed"), exc)

    def _set_writing(self, writing: bool) -> None:
        self._writing = writing
        self.save_button.setText(_tr("saving") if writing else _tr("save"))
        self.save_button.setEnabled(not writing and not self.problem())
        self.delete_button.setEnabled(not writing)

    def ask_delete(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, _tr("delete_title"),
                          _tr("delete_ask").format(name=self.name_edit.text().strip()),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(self.delete_group)
        box.open()
        return box

    def delete_group(self) -> Task | None:
        """Delete the saved group being edited (after the question was answered)."""
        if self.group_id is None or self._writing:
            return None
        shop, group_id = self.shop, self.group_id
        task = Task(lambda progress, cancel: delete_custom_group(shop, group_id), self)
        task.succeeded.connect(self._deleted)
        task.failed.connect(self._write_failed)
        self._set_writing(True)
        return self.runner.start(task)

    def _deleted(self, changes: object) -> None:
        self._set_writing(False)
        self.group_id = None
        self.changes_made.emit(changes)
        self.accept()

    # -- lifecycle --------------------------------------------------------------------------------
    def done(self, result: int) -> None:
        self.timer.stop()
        self.reads.stop()
        super().done(result)

    def retranslate_ui(self) -> None:
        name = self.name_edit.text().strip()
        self.setWindowTitle(_tr("edit_title").format(name=name) if self.group_id is not None else _tr("new_title"))
        self.name_label.setText(_tr("name"))
        self.name_edit.setPlaceholderText(_tr("name_hint"))
        self.match_label.setText(_tr("match_pre"))
        self.match_combo.setItemText(0, _tr("all"))
        self.match_combo.setItemText(1, _tr("any"))
        self.add_button.setText(_tr("add"))
        self.save_button.setText(_tr("saving") if self._writing else _tr("save"))
        self.delete_button.setText(_tr("delete"))
        self._edited()
        if self.last_count is not None and self.counted_rule is not None:
            self._counted(self.counted_rule, self.last_count)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

