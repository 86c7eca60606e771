"""One condition of a custom group's rule: field, operator and value editor(s) by the field's kind."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Signal
from PySide6.QtWidgets import (QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QSpinBox,
                               QToolButton, QWidget)

from sellerdesk.domain.money import MoneyError, format_fen, parse_fen
from sellerdesk.domain.rule_text import FIELD_LABELS, op_label
from sellerdesk.domain.rules import FIELD_KINDS, FIELD_OPS, Condition, Field, Kind, Op, RuleError
from sellerdesk.ui import labels
from sellerdesk.ui.i18n import lang, pick

SPIN_MIN, SPIN_MAX = -999_999, 9_999_999  # negatives are typed and then refused with the domain's reason


def _refuse(message: str) -> RuleError:
    return RuleError(message, message)  # already in the UI language


class ConditionRow(QWidget):
    """Field combo, operator combo, one or two value editors (BETWEEN) and a remove button."""

    changed = Signal()
    remove_requested = Signal(object)  # self

    def __init__(self, condition: Condition | None = None, *, as_of: date, tags: Sequence[str] = (),
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.as_of = as_of
        self.tags = list(tags)
        self.field_combo = QComboBox(self)
        self.field_combo.setObjectName("conditionField")
        for field in Field:
            self.field_combo.addItem("", field)
        self.op_combo = QComboBox(self)
        self.op_combo.setObjectName("conditionOp")
        self.and_label = QLabel(self)
        self.remove_button = QToolButton(self)
        self.remove_button.setObjectName("removeCondition")
        self.remove_button.setText("✕")
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(self.field_combo, 3)
        self.layout_.addWidget(self.op_combo, 2)
        self.editors: list[QWidget] = []
        self.kind: Kind | None = None
        self.field: Field | None = None
        first = condition or Condition(Field.ORDERS, Op.GE, 2)
        self.field_combo.setCurrentIndex(self.field_combo.findData(first.field))
        self._rebuild(first.field, first.op, first.value, first.value2)
        self.field_combo.currentIndexChanged.connect(self._field_changed)
        self.op_combo.currentIndexChanged.connect(self._op_changed)
        self.retranslate_ui()

    # -- building ---------------------------------------------------------------------------------
    def _rebuild(self, field: Field, op: Op, value: object = None, value2: object = None) -> None:
        for editor in self.editors:
            self.layout_.removeWidget(editor)
            editor.deleteLater()
        self.layout_.removeWidget(self.and_label)
        self.layout_.removeWidget(self.remove_button)
        self.field, self.kind = field, FIELD_KINDS[field]
        self.op_combo.blockSignals(True)
        self.op_combo.clear()
        for candidate in FIELD_OPS[field]:
            self.op_combo.addItem(op_label(field, candidate, lang()), candidate)
        self.op_combo.setCurrentIndex(max(0, self.op_combo.findData(op)))
        self.op_combo.blockSignals(False)
        self.editors = [self._make_editor(field, value), self._make_editor(field, value2)]
        self.editors[0].setObjectName("conditionValue")
        self.editors[1].setObjectName("conditionValue2")
        self.layout_.addWidget(self.editors[0], 3)
        self.layout_.addWidget(self.and_label)
        self.layout_.addWidget(self.editors[1], 3)
        self.layout_.addWidget(self.remove_button)
        self._show_second()

    def _make_editor(self, field: Field, value: object) -> QWidget:
        kind = FIELD_KINDS[field]
        if kind in (Kind.COUNT, Kind.DAYS):
            spin = QSpinBox(self)
            spin.setRange(SPIN_MIN, SPIN_MAX)
            spin.setValue(value if isinstance(value, int) and not isinstance(value, bool) else
                          (2 if kind is Kind.COUNT else 90))
            spin.valueChanged.connect(self.changed)
            return spin
        if kind is Kind.MONEY:
            edit = QLineEdit(self)
            edit.setPlaceholderText("0.00")
            if isinstance(value, int) and not isinstance(value, bool):
                edit.setText(format_fen(value))
            else:
                edit.setText(value if isinstance(value, str) else "100.00")
            edit.textChanged.connect(self.changed)
            return edit
        if kind is Kind.DATE:
            edit = QDateEdit(self)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            day = date.fromisoformat(value) if isinstance(value, str) and _is_iso(value) else self.as_of
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.dateChanged.connect(self.changed)
            return edit
        if kind is Kind.BOOL:
            combo = QComboBox(self)
            combo.addItem("", True)
            combo.addItem("", False)
            combo.setCurrentIndex(0 if value is not False else 1)
            combo.currentIndexChanged.connect(self.changed)
            return combo
        if field == Field.PLATFORM:
            combo = QComboBox(self)
            for key in labels.KNOWN_PLATFORMS:
                combo.addItem(labels.platform_name(key), key)
            if isinstance(value, str) and combo.findData(value) < 0:
                combo.addItem(value, value)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.currentIndexChanged.connect(self.changed)
            return combo
        if kind is Kind.TAG:
            combo = QComboBox(self)
            combo.setEditable(True)
            combo.addItems(self.tags)
            combo.setCurrentText(value if isinstance(value, str) else "")
            combo.currentTextChanged.connect(self.changed)
            return combo
        edit = QLineEdit(self)
        edit.setText(value if isinstance(value, str) else "")
        edit.textChanged.connect(self.changed)
        return edit

    def _field_changed(self) -> None:
        field = Field(self.field_combo.currentData())  # Qt hands enum data back as plain str
        old_kind, op = self.kind, Op(self.op_combo.currentData())
        keep = FIELD_KINDS[field] is old_kind and Field.PLATFORM not in (field, self.field)
        values = (self._raw(self.editors[0], False), self._raw(self.editors[1], False)) if keep else (None, None)
        self._rebuild(field, op if op in FIELD_OPS[field] else FIELD_OPS[field][0], *values)
        self.retranslate_ui()
        self.changed.emit()

    def _op_changed(self) -> None:
        self._show_second()
        self.changed.emit()

    def _show_second(self) -> None:
        between = self.op_combo.currentData() == Op.BETWEEN
        self.and_label.setVisible(between)
        self.editors[1].setVisible(between)

    def set_tags(self, tags: Sequence[str]) -> None:
        self.tags = list(tags)
        if self.kind is Kind.TAG:
            for combo in self.editors:
                text = combo.currentText()
                combo.blockSignals(True)
                combo.clear()
                combo.addItems(self.tags)
                combo.setCurrentText(text)
                combo.blockSignals(False)

    # -- reading ----------------------------------------------------------------------------------
    def _raw(self, editor: QWidget, parse: bool = True) -> object:
        """The editor's value as the rule stores it; money text is kept as text until parsed."""
        if isinstance(editor, QSpinBox):
            return editor.value()
        if isinstance(editor, QDateEdit):
            return editor.date().toString("yyyy-MM-dd")
        if isinstance(editor, QComboBox):
            return editor.currentText().strip() if editor.isEditable() else editor.currentData()
        if isinstance(editor, QLineEdit):
            text = editor.text().strip()
            if self.kind is Kind.MONEY and parse:
                return _fen(text)
            return text
        return None

    def condition(self) -> Condition:
        """The condition as edited, validated: RuleError says why it cannot be used."""
        op = Op(self.op_combo.currentData())
        second = self._raw(self.editors[1]) if op == Op.BETWEEN else None
        c = Condition(self.field, op, self._raw(self.editors[0]), second)
        c.validate()
        return c

    # -- language ---------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        for i in range(self.field_combo.count()):
            self.field_combo.setItemText(i, pick(*FIELD_LABELS[self.field_combo.itemData(i)]))
        for i in range(self.op_combo.count()):
            self.op_combo.setItemText(i, op_label(self.field, self.op_combo.itemData(i), lang()))
        self.and_label.setText(QCoreApplication.translate("ConditionRow", "and"))
        self.remove_button.setToolTip(QCoreApplication.translate("ConditionRow", "Remove this condition"))
        for editor in self.editors:
            if self.kind is Kind.BOOL and isinstance(editor, QComboBox):
                editor.setItemText(0, QCoreApplication.translate("ConditionRow", "yes"))
                editor.setItemText(1, QCoreApplication.translate("ConditionRow", "no"))
            if self.field == Field.PLATFORM and isinstance(editor, QComboBox):
                for i in range(editor.count()):
                    editor.setItemText(i, labels.platform_name(editor.itemData(i)))
            if self.kind is Kind.MONEY and isinstance(editor, QLineEdit):
                editor.setToolTip(QCoreApplication.translate("ConditionRow", "Amount in yuan, such as 129.00"))
        self.field_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _fen(text: str) -> int:
    """Yuan text to integer fen, digit-exact (no float); RuleError with the reason otherwise."""
    if not text:
        raise _refuse(QCoreApplication.translate("ConditionRow", "Enter an amount in yuan, such as 129.00."))
    try:
        return parse_fen(text)
    except (MoneyError, IndexError):
        message = QCoreApplication.translate("ConditionRow", "“{text}” is not an amount in yuan; write it like 129.00.")
        raise _refuse(message.format(text=text)) from None


def _is_iso(text: str) -> bool:
    try:
        return date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False
