"""The main window: menus, drag and drop, the five tabs, reminders above them, and the shop file it works on.

Start-up builds the Overview; each working tab's page is built when the tab is first opened.

Every write runs on the TaskRunner's lane; when it commits, the window
re-broadcasts its Changes through `changes_made` and each view refreshes
what it shows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (QApplication, QFileDialog, QLabel, QMainWindow, QMessageBox, QSystemTrayIcon,
                               QTabWidget, QVBoxLayout, QWidget)

from sellerdesk.services.clock import shop_now
from sellerdesk.services.jobs import Changes
from sellerdesk.services.shop import DatabaseError, ShopFile
from sellerdesk.ui import about, shop_files
from sellerdesk.ui.calendar.reminder_desk import ReminderDesk
from sellerdesk.ui.errors import show_failure
from sellerdesk.ui.i18n import Translations, lang, pick
from sellerdesk.ui.importing.import_controller import ImportController
from sellerdesk.ui.lazy_page import LazyPage
from sellerdesk.ui.main_menu import MainMenu
from sellerdesk.ui.overview.overview_page import OverviewPage
from sellerdesk.ui.shop_lock import ShopLock
from sellerdesk.ui.tasks import Task, TaskRunner
from sellerdesk.ui.ui_state import UiState
from sellerdesk.ui.widgets.progress_dialog import TaskProgressDialog

if TYPE_CHECKING:  # each working tab's page is imported when the tab is first opened (ui.lazy_page)
    from sellerdesk.ui.calendar.calendar_page import CalendarPage
    from sellerdesk.ui.customers.customers_page import CustomersPage
    from sellerdesk.ui.reports.reports_page import ReportsPage
    from sellerdesk.ui.returns.returns_page import ReturnsPage

IMPORT_SUFFIXES = (".csv", ".txt", ".xlsx", ".xlsm", ".xls")


def importable(urls: list[QUrl]) -> list[Path]:
    paths = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
    return [p for p in paths if p.suffix.lower() in IMPORT_SUFFIXES and p.is_file()]


class MainWindow(QMainWindow):
    changes_made = Signal(object)  # Changes, re-broadcast to every view
    shop_changed = Signal(object)  # the ShopFile now open

    def __init__(self, state: UiState, translations: Translations, runner: TaskRunner | None = None,
                 clock: Callable[[], datetime] = shop_now):
        """`clock` gives the shop's current time (tests pass a fake one)."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.state = state
        self.translations = translations
        self.runner = runner or TaskRunner(self)
        self.clock = clock
        self.shop: ShopFile | None = None
        self.lock: ShopLock | None = None
        self.setAcceptDrops(True)

        self.menu = MainMenu(self)
        self.menu.check_language(translations.language)
        self.menu.import_files.triggered.connect(self.choose_and_import)
        self.menu.open_database.triggered.connect(self.choose_database)
        self.menu.backup_database.triggered.connect(self.backup_database)
        self.menu.quit.triggered.connect(self.close)
        self.menu.about.triggered.connect(lambda: about.show_about(self, self.shop))
        self.menu.about_qt.triggered.connect(QApplication.aboutQt)
        self.menu.languages.triggered.connect(lambda a: self.set_language(a.data()))
        self.runner.busy_changed.connect(self.menu.set_busy)

        self.overview = OverviewPage(self)
        self.overview.import_requested.connect(self.choose_and_import)
        self.changes_made.connect(self.overview.apply_changes)
        self.reminder_desk = ReminderDesk(clock, lambda: self.calendar, self.notify, self)
        self.changes_made.connect(self.reminder_desk.apply_changes)
        self.customers_tab = LazyPage(self._build_customers, self)
        self.calendar_tab = LazyPage(self._build_calendar, self)
        self.returns_tab = LazyPage(self._build_returns, self)
        self.reports_tab = LazyPage(self._build_reports, self)
        for tab in self._working_tabs():
            self.changes_made.connect(tab.apply_changes)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.overview, "")
        for tab in self._working_tabs():
            self.tabs.addTab(tab, "")
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.reminder_desk.banner)  # reminders show above whichever tab is open
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(self.windowIcon() if not self.windowIcon().isNull()
                                        else QApplication.windowIcon(), self)
            self.tray.messageClicked.connect(self._tray_clicked)
            self.tray.show()

        self.importer = ImportController(self, self.runner)
        self.importer.changes_made.connect(self.changes_made)
        self.importer.status_message.connect(lambda text: self.statusBar().showMessage(text, 15000))

        self.shared_notice = QLabel(self)
        self.shared_notice.setObjectName("sharedNotice")
        self.shared_notice.setVisible(False)
        self.statusBar().addPermanentWidget(self.shared_notice)
        self.resize(1180, 760)
        self.state.restore_window(self)
        self.retranslate_ui()

    # -- the working tabs, built when first opened -------------------------------------
    def _working_tabs(self) -> tuple[LazyPage, ...]:
        return self.customers_tab, self.calendar_tab, self.returns_tab, self.reports_tab

    @property
    def customers(self) -> CustomersPage:
        return self.customers_tab.page()

    @property
    def calendar(self) -> CalendarPage:
        return self.calendar_tab.page()

    @property
    def returns(self) -> ReturnsPage:
        return self.returns_tab.page()

    @property
    def reports(self) -> ReportsPage:
        return self.reports_tab.page()

    def _connect_page(self, page: QWidget, status: bool = True) -> QWidget:
        page.changes_made.connect(self.changes_made)
        if status:
            page.status_message.connect(lambda text: self.statusBar().showMessage(text, 15000))
        return page

    def _build_customers(self, parent: QWidget) -> CustomersPage:
        from sellerdesk.ui.customers.customers_page import CustomersPage

        return self._connect_page(CustomersPage(self.runner, self.clock, parent))

    def _build_calendar(self, parent: QWidget) -> CalendarPage:
        from sellerdesk.ui.calendar.calendar_page import CalendarPage

        return self._connect_page(CalendarPage(self.runner, self.clock, self.reminder_desk, parent))

    def _build_returns(self, parent: QWidget) -> ReturnsPage:
        from sellerdesk.ui.returns.returns_page import ReturnsPage

        return self._connect_page(ReturnsPage(self.runner, self.clock, parent))

    def _build_reports(self, parent: QWidget) -> ReportsPage:
        from sellerdesk.ui.reports.reports_page import ReportsPage

        return self._connect_page(ReportsPage(self.runner, self.clock, parent), status=False)

    # -- the shop file ---------------------------------------------------
    def open_shop(self, shop: ShopFile) -> bool:
        """Open (create or migrate) the shop file; False when it cannot be used."""
        lock = ShopLock(shop.path)
        shared = not lock.acquire()
        if shared and not self._continue_shared(shop):
            return False
        try:
            shop.ensure()
        except DatabaseError as exc:
            lock.release()
            QMessageBox.critical(self, QCoreApplication.translate("MainWindow", "Cannot open the shop database"),
                                 pick(exc.message_zh, exc.message_en))
            return False
        if self.lock is not None:
            self.lock.release()
        self.shop, self.lock = shop, (None if shared else lock)
        self.shared_notice.setVisible(shared)
        self.overview.set_shop(shop)
        self.reminder_desk.set_shop(shop)
        for tab in self._working_tabs():
            tab.set_shop(shop)
        self.retranslate_ui()
        self.shop_changed.emit(shop)
        return True

    def _continue_shared(self, shop: ShopFile) -> bool:
        answer = QMessageBox.warning(
            self, QCoreApplication.translate("MainWindow", "Already open in another SellerDesk window"),
            QCoreApplication.translate(
                "MainWindow", "{file} is already open in another SellerDesk window.\n\nYou can still work on it "
                              "here: SQLite keeps the data safe, and an import started in one window waits for the "
                              "other one to finish. Figures in the other window update when it next refreshes."
                              "\n\nOpen it here too?").format(file=shop.path),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Open

    def choose_database(self) -> None:
        path = shop_files.ask_database_path(self, self.state, self.shop)
        if path is not None and (self.shop is None or path.resolve() != self.shop.path.resolve()):
            self.open_shop(ShopFile(path))

    def backup_database(self) -> None:
        if self.shop is not None and not self.runner.busy:
            shop_files.backup_interactively(self, self.runner, self.state, self.shop)

    # -- importing ---------------------------------------------------------
    def import_paths(self, paths: list[Path]) -> bool:
        if self.shop is None or not paths:
            return False
        if self.runner.busy or self.importer.active:
            self.statusBar().showMessage(QCoreApplication.translate(
                "MainWindow", "Please wait: SellerDesk is still working on the previous task."), 8000)
            return False
        self.importer.export_dir = str(paths[0].parent)
        return self.importer.start(self.shop, paths)

    def choose_and_import(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, QCoreApplication.translate("MainWindow", "Import order exports"), self.state.last_import_dir,
            QCoreApplication.translate("MainWindow", "Platform exports (*.csv *.xlsx *.xls *.txt);;All files (*)"))
        if paths:
            self.state.last_import_dir = str(Path(paths[0]).parent)
            self.import_paths([Path(p) for p in paths])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and importable(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasUrls() and importable(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = importable(event.mimeData().urls()) if event.mimeData().hasUrls() else []
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_paths(paths)

    # -- demo shop ---------------------------------------------------------
    def build_demo(self, buyers: int = 2000, seed: int = 7) -> Task | None:
        """Fill the (fresh) shop with generated orders, off the GUI thread."""
        if self.shop is None or self.runner.busy:
            return None
        try:
            from sellerdesk.services.demo import build_demo_shop
            from sellerdesk.services.demo_activity import add_demo_activity
        except ImportError as exc:
            show_failure(self, QCoreApplication.translate("MainWindow", "Demo shop"), exc)
            return None
        shop = self.shop
        today = self.clock().date()  # the demo's two years end today, so "recent" means recent
        def build(progress, cancel):
            result = build_demo_shop(shop, buyers=buyers, seed=seed, today=today, progress=progress, cancel=cancel)
            add_demo_activity(shop, today, seed)  # campaigns, ad spend, cases: every tab in use
            return result

        task = Task(build, self)
        task.succeeded.connect(self._demo_built)
        task.failed.connect(lambda exc: self._demo_failed(task, exc))
        TaskProgressDialog(task, lambda: QCoreApplication.translate("MainWindow", "Building the demo shop…"), self)
        return self.runner.start(task)

    def _demo_built(self, result: object) -> None:
        everything = Changes(orders=True, buyers=True, refunds=True, imports=True, calendar=True, reports=True)
        self.changes_made.emit(getattr(result, "changes", Changes()) | everything)
        self.statusBar().showMessage(QCoreApplication.translate(
            "MainWindow", "Demo shop ready: the orders are made up, try anything."), 15000)

    def _demo_failed(self, task: Task, exc: BaseException) -> None:
        if task.cancelled:
            self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Demo shop cancelled."), 15000)
        else:
            show_failure(self, QCoreApplication.translate("MainWindow", "Demo shop"), exc)

    # -- reminders ---------------------------------------------------------
    def notify(self, tasks: list) -> None:
        """A desktop notification for due tasks where the system has a tray; the banner shows them anyway."""
        if self.tray is None or not tasks:
            return
        title = QCoreApplication.translate("MainWindow", "SellerDesk reminder")
        body = "\n".join(f"{t.starts_at:%H:%M} {t.title}" for t in tasks[:3])
        if len(tasks) > 3:
            body += "\n" + QCoreApplication.translate("MainWindow", "and {n} more").format(n=len(tasks) - 3)
        self.tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, 15000)

    def _tray_clicked(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def show_tab(self, page: QWidget) -> None:
        """Bring a page's tab forward (a working page sits in its LazyPage)."""
        self.tabs.setCurrentWidget(next((t for t in self._working_tabs() if t.holds(page)), page))

    # -- language ----------------------------------------------------------
    def set_language(self, code: str) -> None:
        self.state.language = code
        self.translations.switch(code)
        self.menu.check_language(code)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.menu.retranslate_ui()
        self.menu.check_language(lang())
        app_name = QCoreApplication.translate("MainWindow", "SellerDesk")
        if self.shop is not None:
            self.setWindowTitle(f"{app_name} — {self.shop.path.name} ({self.shop.path.parent})")
        else:
            self.setWindowTitle(app_name)
        self.shared_notice.setText(QCoreApplication.translate("MainWindow", "Also open in another SellerDesk window"))
        self.tabs.setTabText(self.tabs.indexOf(self.overview), QCoreApplication.translate("MainWindow", "Overview"))
        self.tabs.setTabText(self.tabs.indexOf(self.customers_tab),
                             QCoreApplication.translate("MainWindow", "Customer groups"))
        self.tabs.setTabText(self.tabs.indexOf(self.calendar_tab),
                             QCoreApplication.translate("MainWindow", "Promo calendar"))
        self.tabs.setTabText(self.tabs.indexOf(self.returns_tab),
                             QCoreApplication.translate("MainWindow", "Returns and exchanges"))
        self.tabs.setTabText(self.tabs.indexOf(self.reports_tab),
                             QCoreApplication.translate("MainWindow", "Retrospective report"))

    # -- closing -----------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.runner.busy:
            self.runner.cancel_all()  # the worker rolls back its current step
            self.runner.wait()
        self.reminder_desk.shut_down()
        for tab in self._working_tabs():
            tab.shut_down()
        if self.tray is not None:
            self.tray.hide()
        self.state.save_window(self)
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        super().closeEvent(event)
