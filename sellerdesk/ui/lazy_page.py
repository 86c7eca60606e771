"""A tab whose page is built the first time the tab is shown or the page is asked for.

Start-up builds, and imports, only what the first paint needs: the Overview. Each
working tab's page (and the modules behind it, ~0.1 s for the calendar alone) waits
until the user opens the tab. Until then the placeholder keeps the shop the window
opened and lets Changes pass (a page reads everything when it is built).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyPage(QWidget):
    def __init__(self, build: Callable[[QWidget], QWidget], parent: QWidget | None = None):
        """build(parent) makes the page; it is called once, with this placeholder as the parent."""
        super().__init__(parent)
        self._build = build
        self._page: QWidget | None = None
        self._shop = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._page is not None

    def page(self) -> QWidget:
        if self._page is None:
            page = self._build(self)
            self._page = page
            self._layout.addWidget(page)
            if self._shop is not None:
                page.set_shop(self._shop)
            if self.isVisible():
                page.show()  # now, not when Qt gets round to it: its showEvent reads what it shows
        return self._page

    def holds(self, widget: QWidget) -> bool:
        return widget is self or widget is self._page

    def set_shop(self, shop) -> None:
        self._shop = shop
        if self._page is not None:
            self._page.set_shop(shop)

    def apply_changes(self, changes) -> None:
        if self._page is not None:
            self._page.apply_changes(changes)

    def shut_down(self) -> None:
        if self._page is not None:
            self._page.shut_down()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.page()
