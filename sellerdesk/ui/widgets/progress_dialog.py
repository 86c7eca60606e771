"""A progress dialog that does not flash: it appears only if the task runs ~500 ms.

Cancel answers at once: it sets the task's token and says "Cancelling…";
the dialog closes when the worker has rolled back and finished. While the
worker finishes a step that is already saved (CancelToken.finishing), Cancel
is disabled and the dialog says so.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout, QWidget

from sellerdesk.ui.tasks import Task

SHOW_AFTER_MS = 500
_STEPS = 1000


class TaskProgressDialog(QDialog):
    """Follows one Task: progress bar, current file, Cancel. `title` is called
    again on a language switch, so pass a function that translates."""

    def __init__(self, task: Task, title: Callable[[], str], parent: QWidget | None = None, *,
                 show_after_ms: int = SHOW_AFTER_MS):
        super().__init__(parent)
        self.setObjectName("taskProgressDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.setMinimumWidth(420)
        self._task = task
        self._title = title
        self._message = ""

        self.heading = QLabel(self)
        self.detail = QLabel(self)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setMinimumHeight(2 * self.detail.fontMetrics().lineSpacing())  # a wrapped message fits
        self.bar = QProgressBar(self)
        self.bar.setRange(0, _STEPS)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.clicked.connect(self.request_cancel)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.bar)
        layout.addWidget(self.detail)
        layout.addWidget(self.buttons)

        task.progressed.connect(self.on_progress)
        task.done.connect(self.finish)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_if_running)
        self._timer.start(show_after_ms)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        title = self._title()
        self.setWindowTitle(title)
        self.heading.setText(title)
        self.cancel_button.setText(QCoreApplication.translate("TaskProgressDialog", "Cancel"))
        self._show_detail()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def on_progress(self, fraction: float, message: str) -> None:
        self.bar.setValue(round(fraction * _STEPS))
        if message:
            self._message = message
        # a step past undoing (its work is committed) cannot be cancelled; the next one can
        self.cancel_button.setEnabled(not self._task.cancelled and not self._task.token.is_finishing)
        self._show_detail()

    def _show_detail(self) -> None:
        if self._task.token.is_finishing:
            self.detail.setText(QCoreApplication.translate(
                "TaskProgressDialog", "Finishing {step}: it is saved; this last part cannot be cancelled."
            ).format(step=self._message))
        elif self._task.cancelled:
            self.detail.setText(QCoreApplication.translate(
                "TaskProgressDialog", "Cancelling… the current step is being undone, nothing half-done is kept."))
        else:
            self.detail.setText(self._message)

    def request_cancel(self) -> None:
        self._task.cancel()
        self.cancel_button.setEnabled(False)
        self._show_detail()

    def reject(self) -> None:  # Esc means Cancel; the dialog stays until the worker is done
        if not self._task.finished:
            self.request_cancel()
        else:
            super().reject()

    def _show_if_running(self) -> None:
        if not self._task.finished:
            self.show()

    def finish(self) -> None:
        self._timer.stop()
        self.hide()
        self.deleteLater()
