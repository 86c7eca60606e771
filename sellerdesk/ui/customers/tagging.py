"""Tagging buyers: ask which tag (non-blocking dialog), then add or remove it on the write lane.

The tags in use (offered in the dialog) are read on the page's ReadLane; the
dialog opens when they arrive. One Task per action (sellerdesk/ui/tasks.py);
the outcome goes to the status bar and the Changes to the window, which
re-broadcasts them so the table's tags column and the group counts refresh.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QInputDialog, QWidget

from sellerdesk.services.customers import add_tag, all_tags, list_buyer_ids, remove_tag
from sellerdesk.services.segmentation import Segmentation
from sellerdesk.services.shop import ShopFile
from sellerdesk.ui.errors import show_failure
from sellerdesk.ui.i18n import lang
from sellerdesk.ui.read_lane import ReadLane
from sellerdesk.ui.tasks import Task, TaskRunner


class Tagger(QObject):
    changes_made = Signal(object)  # Changes
    status_message = Signal(str)
    dialog_opened = Signal(object)  # the "which tag" dialog, open once the tags in use were read

    def __init__(self, parent: QWidget, runner: TaskRunner, reads: ReadLane):
        super().__init__(parent)
        self._parent = parent
        self.runner = runner
        self.reads = reads  # the page's
        self.dialog: QInputDialog | None = None  # the open "which tag" dialog (tests fill it in)

    # -- asking --------------------------------------------------------
    def ask(self, shop: ShopFile, adding: bool, who: str, on_tag: Callable[[str], None]) -> Task:
        """Read the tags in use off the GUI thread, then open the tag prompt (see _open).
        A newer request replaces one still reading."""
        return self.reads.start(
            lambda progress, cancel: all_tags(shop),
            lambda tags: self._open([tag for tag, _ in tags], adding, who, on_tag)
            if getattr(self._parent, "shop", shop) is shop else None,  # another shop was opened meanwhile
            lambda exc: show_failure(self._parent, QCoreApplication.translate("Tagging", "Tags"), exc),
            kind="tag-menu",
        )

    def _open(self, existing: list[str], adding: bool, who: str, on_tag: Callable[[str], None]) -> QInputDialog:
        """A non-modal-blocking tag prompt: existing tags offered, a new one typed when adding."""
        dialog = QInputDialog(self._parent)
        dialog.setObjectName("tagDialog")
        dialog.setWindowTitle(QCoreApplication.translate("Tagging", "Add a tag") if adding
                              else QCoreApplication.translate("Tagging", "Remove a tag"))
        dialog.setLabelText(who)
        dialog.setComboBoxItems(existing)
        dialog.setComboBoxEditable(adding)
        dialog.setTextValue("" if adding else (existing[0] if existing else ""))
        dialog.textValueSelected.connect(lambda text: on_tag(text) if text.strip() else None)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog = dialog
        self.dialog_opened.emit(dialog)
        return dialog

    def tag_buyers(self, shop: ShopFile, ids: Sequence[int], adding: bool) -> Task | None:
        ids = list(ids)
        if not ids:
            self.status_message.emit(QCoreApplication.translate("Tagging", "Select buyers in the table first."))
            return None
        who = (QCoreApplication.translate("Tagging", "Tag {n} selected buyers with:") if adding
               else QCoreApplication.translate("Tagging", "Remove from {n} selected buyers the tag:"))
        return self.ask(shop, adding, who.format(n=f"{len(ids):,}"),
                        lambda tag: self.run(shop, adding, tag, lambda: ids))

    def tag_group(self, shop: ShopFile, seg: Segmentation, key: str | None, adding: bool) -> Task:
        group = seg.group(key) if key else None
        name = group.name(lang()) if group else QCoreApplication.translate("Tagging", "All buyers")
        size = group.size if group else seg.buyers
        who = (QCoreApplication.translate("Tagging", "Tag all {n} buyers in “{group}” with:") if adding
               else QCoreApplication.translate("Tagging", "Remove from all {n} buyers in “{group}” the tag:"))
        return self.ask(shop, adding, who.format(n=f"{size:,}", group=name),
                        lambda tag: self.run(shop, adding, tag, lambda: list_buyer_ids(shop, seg, group_key=key)))

    # -- doing ---------------------------------------------------------
    def run(self, shop: ShopFile, adding: bool, tag: str, ids: Callable[[], list[int]]) -> Task:
        """On the write lane: the ids (a group's are listed there too), then one transaction."""
        action = add_tag if adding else remove_tag
        task = Task(lambda progress, cancel: (*action(shop, ids(), tag), tag.strip()), self)
        task.succeeded.connect(lambda result: self._done(adding, *result))
        task.failed.connect(lambda exc: show_failure(self._parent, QCoreApplication.translate("Tagging", "Tags"), exc))
        return self.runner.start(task)

    def _done(self, adding: bool, n: int, changes: object, tag: str) -> None:
        text = (QCoreApplication.translate("Tagging", "Tag “{tag}” added to {n} buyers.") if adding
                else QCoreApplication.translate("Tagging", "Tag “{tag}” removed from {n} buyers."))
        self.status_message.emit(text.format(tag=tag, n=f"{n:,}"))
        self.changes_made.emit(changes)
