"""Map the columns of a file SellerDesk does not know: one combo per field.

The result is the `mapping` import_files takes: {field: header, "_platform":
name, "_amounts": "order" | "line"}. The service remembers it for files with
the same header set, so the user maps a layout once.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QLabel, QRadioButton, QScrollArea,
    QVBoxLayout, QWidget,
)

from sellerdesk.services.importing import MAPPING_FIELDS, MAPPING_REQUIRED
from sellerdesk.ui import labels
from sellerdesk.ui.i18n import pick

# Marked for lupdate here, translated when shown (see _tr).
_TEXTS = {
    "title": QT_TRANSLATE_NOOP("ColumnMappingDialog", "Map the columns of {file}"),
    "intro": QT_TRANSLATE_NOOP(
        "ColumnMappingDialog", "SellerDesk does not recognise the layout of “{file}”. Choose which column holds "
                               "each piece of information; leave a field empty when the file does not have it. "
                               "Fields marked * are required. SellerDesk remembers this for files with the same "
                               "columns."),
    "columns": QT_TRANSLATE_NOOP("ColumnMappingDialog", "Columns"),
    "none": QT_TRANSLATE_NOOP("ColumnMappingDialog", "(not in this file)"),
    "source": QT_TRANSLATE_NOOP("ColumnMappingDialog", "Source"),
    "platform": QT_TRANSLATE_NOOP("ColumnMappingDialog", "Platform or shop system:"),
    "per_order": QT_TRANSLATE_NOOP(
        "ColumnMappingDialog", "Amounts are per order (repeated on every row of an order: count once)"),
    "per_line": QT_TRANSLATE_NOOP("ColumnMappingDialog", "Amounts are per row (one row per item: add them up)"),
    "ok": QT_TRANSLATE_NOOP("ColumnMappingDialog", "Import with these columns"),
    "skip": QT_TRANSLATE_NOOP("ColumnMappingDialog", "Skip this file"),
}


def _tr(key: str) -> str:
    return QCoreApplication.translate("ColumnMappingDialog", _TEXTS[key])


def guess_mapping(headers: list[str]) -> dict[str, str]:
    """Preselect the obvious: a header named like the field (中文 or English)."""
    guess: dict[str, str] = {}
    taken: set[str] = set()
    for field, (zh, en) in MAPPING_FIELDS.items():
        exact = [h for h in headers if h.lower() in (zh.lower(), en.lower())]
        loose = [h for h in headers if zh in h]
        found = exact or (loose if len(loose) == 1 else [])
        if found and found[0] not in taken:
            guess[field] = found[0]
            taken.add(found[0])
    return guess


class ColumnMappingDialog(QDialog):
    def __init__(self, file_name: str, headers: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("columnMappingDialog")
        self.file_name = file_name
        self.headers = list(dict.fromkeys(h for h in headers if h))  # no blanks, no duplicates
        guess = guess_mapping(self.headers)

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.fields_box = QGroupBox(self)
        form = QFormLayout(self.fields_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.combos: dict[str, QComboBox] = {}
        self.field_labels: dict[str, QLabel] = {}
        for field in MAPPING_FIELDS:
            combo = QComboBox(self.fields_box)
            combo.setObjectName(f"map_{field}")
            combo.addItem("", "")
            for header in self.headers:
                combo.addItem(header, header)
            if field in guess:
                combo.setCurrentIndex(combo.findData(guess[field]))
            combo.currentIndexChanged.connect(self._update_ok)
            label = QLabel(self.fields_box)
            label.setBuddy(combo)
            form.addRow(label, combo)
            self.combos[field], self.field_labels[field] = combo, label
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.fields_box)

        self.source_box = QGroupBox(self)
        source_form = QFormLayout(self.source_box)
        self.platform_label = QLabel(self.source_box)
        self.platform = QComboBox(self.source_box)
        self.platform.setObjectName("map_platform")
        self.platform.setEditable(True)
        self.platform_label.setBuddy(self.platform)
        source_form.addRow(self.platform_label, self.platform)
        self.per_order = QRadioButton(self.source_box)
        self.per_line = QRadioButton(self.source_box)
        self.per_order.setChecked(True)
        self.amounts = QButtonGroup(self)
        self.amounts.addButton(self.per_order)
        self.amounts.addButton(self.per_line)
        source_form.addRow(self.per_order)
        source_form.addRow(self.per_line)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.source_box)
        layout.addWidget(self.buttons)
        self.resize(560, 720)
        self.retranslate_ui()
        self._update_ok()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_tr("title").format(file=self.file_name))
        self.intro.setText(_tr("intro").format(file=self.file_name))
        self.fields_box.setTitle(_tr("columns"))
        none = _tr("none")
        for field, (zh, en) in MAPPING_FIELDS.items():
            required = " *" if field in MAPPING_REQUIRED else ""
            self.field_labels[field].setText(pick(zh, en) + required)
            self.combos[field].setItemText(0, none)
        self.source_box.setTitle(_tr("source"))
        self.platform_label.setText(_tr("platform"))
        current = self.platform_key()
        self.platform.clear()
        for key in labels.KNOWN_PLATFORMS:
            self.platform.addItem(labels.platform_name(key), key)
        self._set_platform(current)
        self.per_order.setText(_tr("per_order"))
        self.per_line.setText(_tr("per_line"))
        self.ok_button.setText(_tr("ok"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_tr("skip"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def platform_key(self) -> str:
        """A known platform's key, or the name the user typed ('generic' when empty)."""
        text = self.platform.currentText().strip()
        index = self.platform.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return self.platform.itemData(index)
        return text or "generic"

    def _set_platform(self, key: str) -> None:
        index = self.platform.findData(key)
        if index >= 0:
            self.platform.setCurrentIndex(index)
        else:
            self.platform.setEditText(key)

    def set_field(self, field: str, header: str) -> None:
        combo = self.combos[field]
        combo.setCurrentIndex(max(0, combo.findData(header)))

    def mapping(self) -> dict[str, str]:
        chosen = {f: c.currentData() for f, c in self.combos.items() if c.currentData()}
        chosen["_platform"] = self.platform_key()
        chosen["_amounts"] = "line" if self.per_line.isChecked() else "order"
        return chosen

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(all(self.combos[f].currentData() for f in MAPPING_REQUIRED))
