"""Icons from sellerdesk/resources/icons via the "icons:" search path (no generated resource modules)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir
from PySide6.QtGui import QIcon

ICONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"


def icon(name: str) -> QIcon:
    """icon("sellerdesk") -> resources/icons/sellerdesk.svg; a null icon when missing."""
    if str(ICONS_DIR) not in QDir.searchPaths("icons"):
        QDir.addSearchPath("icons", str(ICONS_DIR))
    path = ICONS_DIR / f"{name}.svg"
    return QIcon(f"icons:{name}.svg") if path.is_file() else QIcon()
