"""Back up the shop file: a consistent copy through SQLite's online backup API.

Safe while the window (or another one) keeps working: SQLite copies a
consistent snapshot. The copy is written next to the target and renamed
into place only when complete, so a cancelled or failed backup never
leaves a half-written file under the chosen name.
"""

from __future__ import annotations

import os
from pathlib import Path

from sellerdesk.services.jobs import CancelToken, Progress, no_progress
from sellerdesk.services.shop import DatabaseError, ShopFile
from sellerdesk.store.db import backup_to

_PAGES_PER_STEP = 2048  # 8 MB at the default page size: progress and cancel in between


def backup_shop(shop: ShopFile, target: str | Path, *, progress: Progress = no_progress,
                cancel: CancelToken | None = None) -> Path:
    """Copy the shop database to target (overwriting it). Call from a worker thread."""
    cancel = cancel or CancelToken()
    target = Path(target)
    if target.resolve() == shop.path.resolve():
        raise DatabaseError("不能把数据库备份到它自己上面，请选择另一个文件名。",
                            "A backup cannot overwrite the database itself; choose another file name.")
    partial = target.with_name(target.name + ".part")
    _remove(partial)
    source = shop.open()
    try:
        def step(copied: int, total: int) -> None:
            progress(copied / total if total else 1.0, target.name)
            cancel.check()

        backup_to(source, partial, pages=_PAGES_PER_STEP, progress=step)
        os.replace(partial, target)
    except OSError as exc:
        raise DatabaseError(f"无法写入备份文件 {target}：{exc.strerror or exc}",
                            f"Cannot write the backup file {target}: {exc.strerror or exc}") from exc
    finally:
        source.close()
        _remove(partial)
    progress(1.0, target.name)
    return target


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
