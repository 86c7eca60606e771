"""Noticing a second SellerDesk on the same shop file (a QLockFile next to it).

The lock is advisory: SQLite's busy timeout keeps the data safe either way;
the notice only tells the user that another window works on the same file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class ShopLock:
    def __init__(self, db_path: Path):
        self.path = lock_path(db_path)
        self._lock = QLockFile(str(self.path))
        # A live process keeps its lock however old it is; a crashed one's lock is
        # recognised by its dead process id and taken over.
        self._lock.setStaleLockTime(0)

    def acquire(self) -> bool:
        """True when this window now holds the lock; False when another SellerDesk does."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        return self._lock.tryLock(0)

    @property
    def held(self) -> bool:
        return self._lock.isLocked()

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()

    def owner(self) -> str:
        """'host, process 1234' of the other window, when Qt can tell."""
        ok, pid, host, app = self._lock.getLockInfo()
        return f"{host}, {app} {pid}" if ok else ""


def held_elsewhere(db_path: Path) -> bool:
    """Is another SellerDesk using this file right now?"""
    probe = ShopLock(db_path)
    if probe.acquire():
        probe.release()
        return False
    return True
