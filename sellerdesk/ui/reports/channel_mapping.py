"""Map the columns of a spend/traffic file once: which column is the date, the channel, each figure.

Remembered by the service for files with the same columns. A file without a
channel column (one file per channel, as most ad tools export) names its
channel here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.services.channel_data import (
    FILE_FIELDS,
    ChannelFilePreview,
    list_channels,
    validate_mapping,
)
from sellerdesk.ui.groups.common import ERROR_STYLE, message_label, reason, show_message
from sellerdesk.ui.i18n import lang, pick


class ChannelMappingDialog(QDialog):
    def __init__(self, preview: ChannelFilePreview, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("channelMappingDialog")
        self.preview = preview
        self.setWindowTitle(QCoreApplication.translate("ChannelMapping", "Columns of {file}").format(file=preview.file))
        start = preview.mapping
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        for field, (zh, en) in FILE_FIELDS.items():
            combo = QComboBox(self)
            combo.setObjectName(f"map_{field}")
            combo.addItem(QCoreApplication.translate("ChannelMapping", "(not in this file)"), None)
            for header in preview.headers:
                combo.addItem(header, header)
            combo.setCurrentIndex(max(0, combo.findData(start.get(field))))
            self.combos[field] = combo
            form.addRow(pick(zh, en), combo)
        self.channel = QComboBox(self)
        self.channel.setObjectName("map_channel_fixed")
        self.channel.addItem(QCoreApplication.translate("ChannelMapping", "(from the channel column)"), None)
        for channel in list_channels(start.get("_platform")):
            self.channel.addItem(channel.name(lang()), channel.key)
        self.channel.setCurrentIndex(max(0, self.channel.findData(start.get("_channel"))))
        form.addRow(QCoreApplication.translate("ChannelMapping", "Whole file is the channel"), self.channel)
        self.error = message_label(self, "channelMappingError")
        self.error.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        sample = "\n".join(" | ".join(row) for row in preview.sample_rows[:4])
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                QCoreApplication.translate(
                    "ChannelMapping",
                    "Choose the column of each figure; SellerDesk remembers it for files with the same columns.",
                ),
                self,
            )
        )
        layout.addLayout(form)
        hint = QLabel(sample, self)
        hint.setStyleSheet("color: #666; font-family: monospace;")
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def mapping(self) -> dict[str, str]:
        chosen = {field: combo.currentData() for field, combo in self.combos.items() if combo.currentData()}
        if self.channel.currentData():
            chosen["_channel"] = self.channel.currentData()
        return chosen

    def accept(self) -> None:
        try:
            validate_mapping(self.mapping(), self.preview.headers)
        except Exception as exc:  # noqa: BLE001 - MappingError says what is missing, in both languages
            text = reason(exc)
            if text is None:
                raise
            show_message(self.error, text, ERROR_STYLE)
            return
        super().accept()
