"""Build the demo shop: a fresh database filled by importing real-shaped export files.

The files go through the same import as a user's own (services.importing),
so the Overview's list of imports shows them, and the figures are whatever
the real parsers make of them. Deterministic for (buyers, seed, today).
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path

from sellerdesk.demo import DEFAULT_TODAY, build_shop_model, write_model_exports
from sellerdesk.demo import write_demo_exports as _write_demo_exports
from sellerdesk.demo.bulk import write_taobao_orders_csv as _write_taobao_orders_csv
from sellerdesk.services.importing import ImportResult, import_files
from sellerdesk.services.jobs import CancelToken, Progress, no_progress
from sellerdesk.services.shop import ShopFile

__all__ = ["DEFAULT_TODAY", "build_demo_shop", "write_demo_exports", "write_taobao_orders_csv"]

_WRITE_SHARE = 0.25  # share of the progress bar for building and writing the files


def build_demo_shop(
    shop: ShopFile,
    *,
    buyers: int = 2000,
    seed: int = 7,
    today: date | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    keep_files_in: str | Path | None = None,
) -> ImportResult:
    """Replace the database at shop.path with a demo shop and return the import result.

    The export files are written to keep_files_in (kept) or to a temporary
    folder (removed afterwards). Cancel stops between files; files imported
    before it stay imported.
    """
    cancel = cancel or CancelToken()
    today = today or DEFAULT_TODAY
    _remove_database(Path(shop.path))
    folder = Path(keep_files_in) if keep_files_in is not None else Path(tempfile.mkdtemp(prefix="sellerdesk-demo-"))
    try:
        progress(0.0, "生成演示数据 / building the demo shop")
        model = build_shop_model(buyers, seed, today)
        cancel.check()

        def on_file(i: int, n: int, name: str) -> None:
            cancel.check()
            progress(_WRITE_SHARE * (0.2 + 0.8 * i / max(n, 1)), name)

        paths = write_model_exports(model, folder, on_file)

        def import_progress(fraction: float, message: str) -> None:
            progress(_WRITE_SHARE + (1 - _WRITE_SHARE) * fraction, message)

        return import_files(shop, paths, progress=import_progress, cancel=cancel)
    finally:
        if keep_files_in is None:
            shutil.rmtree(folder, ignore_errors=True)


def write_demo_exports(folder: str | Path, buyers: int = 2000, seed: int = 7,
                       today: date | None = None) -> list[Path]:
    """Only the export files of the demo shop (for tests and benchmarks)."""
    return _write_demo_exports(folder, buyers, seed, today)


def write_taobao_orders_csv(path: str | Path, rows: int, seed: int = 7) -> Path:
    """One big Taobao 订单报表 CSV with `rows` orders, written fast (for benchmarks)."""
    return _write_taobao_orders_csv(path, rows, seed)


def _remove_database(path: Path) -> None:
    """Delete the shop file and its WAL/SHM companions (the demo replaces it)."""
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"),
              path.with_name(path.name + "-journal")):
        try:
            p.unlink()
        except FileNotFoundError:
            pass
