"""Writing a file all at once: into a temporary file beside it, then moved over the target.

A crash, a cancel or a full disk leaves the old file (or none) behind, never
half a report or half an outreach list that a user might send on.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from sellerdesk.exporters import ExportError


def atomic_write(path: Path, write: Callable[[Path], object]) -> None:
    """Call write(tmp) on a temporary file in path's folder, then move it to path (ExportError on failure)."""
    parent = path.parent
    if not parent.is_dir():
        raise ExportError(f"文件夹不存在：{parent}", f"The folder does not exist: {parent}")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=parent)
    except OSError as e:
        raise _unwritable(path, e) from e
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.replace(tmp, path)
    except OSError as e:
        raise _unwritable(path, e) from e
    finally:
        if tmp.exists():
            tmp.unlink()


def _unwritable(path: Path, e: OSError) -> ExportError:
    return ExportError(
        f"无法写入 {path}：{e.strerror or e}。请检查文件夹权限，或关闭正在打开该文件的 Excel/WPS。",
        f"Cannot write {path}: {e.strerror or e}. Check the folder's permissions, or close the file in Excel/WPS.",
    )
