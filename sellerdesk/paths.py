"""Where SellerDesk keeps its data on each platform."""

from __future__ import annotations

import os
from pathlib import Path

DB_FILE_NAME = "shop.sqlite"


def data_dir() -> Path:
    """Per-user data folder: %LOCALAPPDATA%\\SellerDesk, ~/Library/Application Support/SellerDesk,
    ~/.local/share/SellerDesk; SELLERDESK_HOME overrides it (tests, portable installs)."""
    override = os.environ.get("SELLERDESK_HOME")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("SellerDesk", appauthor=False, roaming=False))


def default_db_path() -> Path:
    return data_dir() / DB_FILE_NAME
