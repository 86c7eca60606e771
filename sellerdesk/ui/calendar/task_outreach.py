"""A calendar task's outreach: the customer-groups export pre-filled with the task's group, channel and text.

The groups are counted as of the task's day off the GUI thread (seconds at
300,000 buyers); then the outreach dialog opens. When the list is exported,
the outreach is attached to the task and the task is marked done.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from sellerdesk.domain.promo import Task
from sellerdesk.services.segmentation import Segmentation, compute_segmentation
from sellerdesk.ui.errors import show_failure
from sellerdesk.ui.groups.outreach_dialog import OutreachDialog


class TaskOutreach(QObject):
    dialog_opened = Signal(object)  # OutreachDialog (tests drive it)

    def __init__(self, page: QWidget):
        super().__init__(page)
        self.page = page
        self.dialog: OutreachDialog | None = None

    def start(self, task: Task) -> None:
        shop = self.page.shop
        if shop is None or not task.group_key:
            return
        as_of = min(task.starts_at.date(), self.page.clock().date())  # counted on what is known today
        self.page.status_message.emit(
            QCoreApplication.translate("TaskOutreach", "Counting the group for “{title}”…").format(title=task.title)
        )
        self.page.reads.start(
            lambda progress, cancel: compute_segmentation(shop, as_of, cancel=cancel),
            lambda seg: self._open(task, seg),
            lambda exc: show_failure(self.page, QCoreApplication.translate("TaskOutreach", "Outreach list"), exc),
            kind="task-outreach",
        )

    def _open(self, task: Task, seg: Segmentation) -> OutreachDialog | None:
        if seg.group(task.group_key) is None:
            self.page.status_message.emit(
                QCoreApplication.translate(
                    "TaskOutreach", "The group of this task no longer exists: pick another group in the task."
                )
            )
            return None
        dialog = OutreachDialog(self.page.shop, seg, self.page.runner, task.group_key, self.page)
        dialog.prefill(task.channel, task.message, task.starts_at)
        dialog.changes_made.connect(self.page.changes_made)
        dialog.exported.connect(lambda result: self.page.attach_outreach(task.id, result.outreach_id))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog = dialog
        self.dialog_opened.emit(dialog)
        return dialog
