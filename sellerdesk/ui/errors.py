"""Showing a failure: the service's own message in the UI language, or the technical details."""

from __future__ import annotations

import traceback

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from sellerdesk.ui.i18n import pick


def failure_text(exc: BaseException) -> tuple[str, str]:
    """(message for people, technical details or '')."""
    zh, en = getattr(exc, "message_zh", None), getattr(exc, "message_en", None)
    if zh or en:
        file = getattr(exc, "file", "")
        text = pick(zh, en)
        return (f"{file}: {text}" if file else text), ""
    if isinstance(exc, OSError):
        return QCoreApplication.translate("Errors", "Could not use the file {file}: {error}").format(
            file=exc.filename or "", error=exc.strerror or exc), ""
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return QCoreApplication.translate(
        "Errors", "Something went wrong that SellerDesk did not expect. Nothing was half-saved: the current "
                  "step was undone. The details below help us fix it."), details


def show_failure(parent: QWidget | None, title: str, exc: BaseException) -> QMessageBox:
    """A non-blocking warning box (open(), not exec(): tests and the event loop keep running)."""
    text, details = failure_text(exc)
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("failureBox")
    if details:
        box.setDetailedText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
