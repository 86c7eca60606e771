"""What an empty shop shows: how to get the first orders in."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from sellerdesk.ui.icons import icon



_BODY_WIDTH = 600


class EmptyState(QWidget):
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.icon = QLabel(self)
        app_icon = icon("sellerdesk")
        self.icon.setPixmap(app_icon.pixmap(72, 72))
        self.icon.setVisible(not app_icon.isNull())
        self.title = QLabel(self)
        self.title.setObjectName("emptyTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.body = QLabel(self)
        self.body.setObjectName("emptyBody")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setFixedWidth(_BODY_WIDTH)
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("emptyImportButton")
        self.import_button.clicked.connect(self.import_requested)

        layout = QVBoxLayout(self)
        layout.addStretch(2)
        for widget in (self.icon, self.title, self.body, self.import_button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.setSpacing(16)
        layout.addStretch(3)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        shortcut = QKeySequence("Ctrl+I").toString(QKeySequence.SequenceFormat.NativeText)
        self.title.setText(QCoreApplication.translate("EmptyState", "No orders in this shop yet"))
        steps = [
            QCoreApplication.translate(
                "EmptyState", "Export your orders from the platform's seller back end (for Taobao/Tmall: 千牛 → "
                              "已卖出的宝贝 → 批量导出)."),
            QCoreApplication.translate(
                "EmptyState", "Drag the exported file (CSV or Excel) onto this window, or press {shortcut} to "
                              "choose it. You can drop several files at once.").format(shortcut=shortcut),
            QCoreApplication.translate(
                "EmptyState", "SellerDesk recognises Taobao/Tmall, JD, Pinduoduo, 1688 and Douyin order exports. "
                              "For any other table you show it once which column is which."),
        ]
        items = "".join(f"<li style='margin-bottom:6px'>{s}</li>" for s in steps)
        self.body.setText(f"<ol style='text-align:left'>{items}</ol>")
        # A wrapped label in a centring layout gets no height of its own: give it one.
        self.body.setFixedHeight(self.body.heightForWidth(_BODY_WIDTH))
        self.import_button.setText(QCoreApplication.translate("EmptyState", "Import files…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
