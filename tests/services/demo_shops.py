"""A demo shop built once per test module, and a fresh copy of it for each test that writes."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from sellerdesk.services.demo import build_demo_shop
from sellerdesk.services.shop import ShopFile


def build_once(folder: Path, *, buyers: int, seed: int, today: date) -> Path:
    path = folder / "demo.sqlite"
    build_demo_shop(ShopFile(path), buyers=buyers, seed=seed, today=today)
    return path


def working_copy(path: Path, folder: Path) -> ShopFile:
    """A consistent copy (SQLite's backup API), so a test's writes never reach the module's shop."""
    copy = folder / "shop.sqlite"
    src, dst = sqlite3.connect(path), sqlite3.connect(copy)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return ShopFile(copy)
