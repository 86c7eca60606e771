"""The composition root: `sellerdesk [--db PATH] [--lang zh|en] [--demo]` opens the window.

The one place that wires the application: QApplication, settings, the
translators, the shop file, the main window.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from sellerdesk import __version__
from sellerdesk.paths import data_dir, default_db_path
from sellerdesk.services.shop import ShopFile
from sellerdesk.ui.i18n import LANGUAGES, Translations
from sellerdesk.ui.icons import icon
from sellerdesk.ui.main_window import MainWindow
from sellerdesk.ui.shop_lock import held_elsewhere
from sellerdesk.ui.ui_state import UiState

ORGANISATION = "SellerDesk"
APPLICATION = "SellerDesk"
DEMO_FILE_NAME = "demo.sqlite"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sellerdesk", description="SellerDesk 店铺客户运营台",
        epilog="commands: sellerdesk import FILE... | stats | demo  (sellerdesk COMMAND --help for details)")
    parser.add_argument("--db", type=Path, help="shop database (default: the per-user data folder)")
    parser.add_argument("--lang", choices=LANGUAGES, help="UI language for this run (default: as last chosen, "
                                                          "else zh)")
    parser.add_argument("--demo", action="store_true",
                        help=f"open a freshly generated demo shop ({DEMO_FILE_NAME} in the data folder)")
    parser.add_argument("--demo-buyers", type=int, default=2000, help=argparse.SUPPRESS)
    parser.add_argument("--version", action="version", version=f"SellerDesk {__version__}")
    return parser


def create_application(argv: list[str]) -> QApplication:
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app_icon = icon("sellerdesk")
    if not app_icon.isNull():
        app.setWindowIcon(app_icon)
    # No font is forced: Qt's platform font and its fallback render Chinese everywhere.
    return app


def demo_path() -> Path:
    return data_dir() / DEMO_FILE_NAME


def reset_demo_file(path: Path) -> bool:
    """Delete the previous demo shop so --demo starts fresh; False when another window uses it."""
    if held_elsewhere(path):
        return False
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return True


def start(args: argparse.Namespace, app: QApplication) -> MainWindow | None:
    """Settings, language, shop file, window; None when the shop file cannot be opened."""
    state = UiState()
    translations = Translations(app)
    translations.switch(args.lang or state.language)
    path = args.db or (demo_path() if args.demo else default_db_path())
    rebuild_demo = args.demo and reset_demo_file(path)
    window = MainWindow(state, translations)
    if not window.open_shop(ShopFile(path)):
        window.deleteLater()
        return None
    window.show()
    if rebuild_demo:
        window.build_demo(buyers=args.demo_buyers)
    return window


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if args.demo and args.db:
        parser.error("--demo uses its own file and cannot be combined with --db")
    app = create_application([])
    window = start(args, app)
    if window is None:
        return 1
    return app.exec()
