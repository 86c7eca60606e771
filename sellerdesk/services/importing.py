"""Import platform export files: one transaction per file, nothing half-done.

For each file: open it (encoding and layout detected), stream its records into
the store inside one transaction, report rejected rows, refresh the shop's
figures, log the import. Cancel or a crash rolls the current file back; files
finished before it stay imported. Unknown layouts use a column mapping given
by the user or remembered for that header set. A first load into an empty shop
builds the order indexes after that commit (derived data, each index committed
on its own while a thread copies the commits into the database file).
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sellerdesk.domain.errors import FileImportError, ImportCancelled, RowError
from sellerdesk.ingest.background import BackgroundParse, ChildUnavailable, worth_it
from sellerdesk.ingest.generic import FIELDS as MAPPING_FIELDS
from sellerdesk.ingest.generic import REQUIRED as MAPPING_REQUIRED
from sellerdesk.ingest.generic import GenericLayout, MappingError, parse_mapping
from sellerdesk.ingest.layout import RESTART, Layout, Record, RowSink
from sellerdesk.ingest.registry import UnknownLayoutError, detect, header_signature
from sellerdesk.ingest.table import Table, open_table
from sellerdesk.services.clock import shop_now
from sellerdesk.services.jobs import CancelToken, Changes, Progress, no_progress
from sellerdesk.services.shop import ShopFile
from sellerdesk.store.buyer_stats import refresh_buyer_stats, write_buyer_stats
from sellerdesk.store.checkpoints import TrailingCheckpoint
from sellerdesk.store.db import Store
from sellerdesk.store.imports_log import finish_import, load_mapping, save_mapping, start_import
from sellerdesk.store.order_indexes import build_order_indexes
from sellerdesk.store.order_writer import (OrderWriter, WriteCounts, WriterThread,
                                          foreign_key_checks_off_for_a_first_load, two_sorters)
from sellerdesk.store.summary import refresh_summary, write_summary

__all__ = [
    "MAPPING_FIELDS", "MAPPING_REQUIRED", "PLATFORMS", "FileResult", "ImportResult", "MappingError",
    "UnknownLayoutError", "import_files", "parse_mapping",
]

PLATFORMS = ("auto", "taobao", "jd", "pdd", "1688", "douyin", "generic")
_CHECK_EVERY = 500  # rows between cancel checks / progress reports


@dataclass
class FileResult:
    path: Path
    platform: str | None = None
    layout: str | None = None
    layout_label_zh: str | None = None
    layout_label_en: str | None = None
    encoding: str | None = None
    rows_read: int = 0
    rows_rejected: int = 0
    errors: list[RowError] = field(default_factory=list)
    counts: WriteCounts = field(default_factory=WriteCounts)
    error: FileImportError | None = None  # the file was not imported at all
    cancelled: bool = False

    @property
    def file_name(self) -> str:
        return self.path.name

    @property
    def imported(self) -> bool:
        return self.error is None and not self.cancelled

    @property
    def needs_mapping(self) -> bool:
        return isinstance(self.error, UnknownLayoutError)


@dataclass
class ImportResult:
    files: list[FileResult]
    changes: Changes

    @property
    def cancelled(self) -> bool:
        return any(f.cancelled for f in self.files)

    @property
    def failed(self) -> list[FileResult]:
        return [f for f in self.files if f.error is not None]


def import_files(
    shop: ShopFile,
    paths: list[str | Path],
    *,
    platform: str = "auto",
    mapping: dict[str, str] | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    now: datetime | None = None,
) -> ImportResult:
    """Import each file in its own transaction. Call from a worker thread."""
    cancel = cancel or CancelToken()
    results: list[FileResult] = []
    changes = Changes()
    store = shop.open()
    try:
        for i, path in enumerate(paths):
            path = Path(path)
            result = FileResult(path=path)
            results.append(result)
            if cancel.cancelled:
                result.cancelled = True
                continue

            def report(fraction: float, i=i, name=path.name) -> None:
                progress((i + fraction) / len(paths), name)

            report(0.0)
            try:
                with gc_paused():
                    _import_one(store, path, result, platform, mapping, report, cancel, now or shop_now())
            except ImportCancelled:
                result.cancelled = True
            except FileImportError as exc:
                result.error = exc
            if result.imported:
                c = result.counts
                changes |= Changes(
                    orders=bool(c.orders_added or c.orders_updated or c.lines_added or c.lines_updated),
                    buyers=bool(c.buyers_added),
                    refunds=bool(c.refunds_added or c.refunds_updated),
                    imports=True,
                )
        progress(1.0, "")
    finally:
        store.close()
    return ImportResult(results, changes)


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection during a bulk import: the import makes millions of
    short-lived containers and no cycles, and collections walking its growing buffers
    cost about 40% of a large import. Restored afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _import_one(store: Store, path: Path, result: FileResult, platform: str, mapping: dict[str, str] | None,
                report, cancel: CancelToken, now: datetime) -> None:
    with open_table(path) as table:
        layout, remember = _layout_for(store, table, platform, mapping)
        result.platform, result.layout = layout.platform, layout.key
        result.layout_label_zh, result.layout_label_en = layout.label_zh, layout.label_en
        result.encoding = table.encoding
        sink = RowSink(path.name)

        def tick() -> None:
            cancel.check()
            report(table.fraction())

        table.watch(_CHECK_EVERY, tick)
        background = BackgroundParse(path, layout.key) if worth_it(layout, path) else None
        try:
            with TrailingCheckpoint(store.conn, store.path) as checkpoint:
                counts = _write_file(store, table, layout, remember, sink, background, report, cancel, now)
                checkpoint.committed()
                # The file is imported: what follows is derived data, never cancelled. A first load
                # dropped the order indexes; each is built and committed while the checkpoint
                # thread copies the commit before it.
                with cancel.finishing(), two_sorters(store.conn):
                    report(1.0)
                    build_order_indexes(store.conn, checkpoint.committed)
        finally:
            if background is not None:
                background.close()
        result.rows_read, result.rows_rejected = sink.rows_read, sink.rejected
        result.errors, result.counts = sink.errors, counts


def _write_file(store: Store, table: Table, layout: Layout, remember: dict[str, str] | None, sink: RowSink,
                background: BackgroundParse | None, report, cancel: CancelToken, now: datetime) -> WriteCounts:
    """The file's one transaction: its records, the figures over them and its line in the imports log."""
    path = table.path
    digest = file_fingerprint(path)
    with foreign_key_checks_off_for_a_first_load(store.conn), store.transaction() as conn:
        import_id = start_import(
            conn, file_name=path.name, path=str(path.resolve()), fingerprint=digest,
            platform=layout.platform, layout=layout.key, encoding=table.encoding,
            imported_at=start_import_time(now), layout_labels=(layout.label_zh, layout.label_en),
        )
        if remember:
            save_mapping(conn, header_signature(table.headers), remember, start_import_time(now))
        # Written on a thread of its own while this one parses; the connection is
        # this thread's again after join() or stop().
        writing = WriterThread(conn, import_id)
        try:
            for record in _parsed(layout, table, sink, background, cancel, report):
                if record is RESTART:  # the layout takes back what it streamed: start again
                    writing.restart()
                else:
                    writing.add(record)
            writer = writing.join()
        finally:
            writing.stop()  # also after an error or a Cancel, before the rollback
        cancel.check()
        if sink.rows_read == 0:
            raise FileImportError(
                path.name, "文件里只有表头，没有数据行。", "The file has a header but no data rows."
            )
        counts = writer.finish()
        cancel.check()
        if counts != WriteCounts():  # a re-import that changed nothing leaves the figures as they are
            with two_sorters(conn):
                _refresh_figures(conn, writer, counts, cancel)
        finish_import(conn, import_id, sink.rows_read, sink.rejected, counts)
        cancel.check()  # the last moment a Cancel still rolls the file back
    return counts


def _refresh_figures(conn, writer: OrderWriter, counts: WriteCounts, cancel: CancelToken) -> None:
    """The shop's figures and the buyers' (customer groups are computed over these): tallied
    during a first load where they can be, else recomputed from every order."""
    for tallied, write, refresh in ((writer.tallied_summary(counts), write_summary, refresh_summary),
                                    (writer.tallied_buyer_stats(counts), write_buyer_stats, refresh_buyer_stats)):
        if tallied is not None:
            write(conn, tallied)
        else:
            refresh(conn)
        cancel.check()


def _parsed(layout: Layout, table: Table, sink: RowSink, background: BackgroundParse | None,
            cancel: CancelToken, report) -> Iterator[Record]:
    """The file's records, parsed here (the table reports progress) or by the background process."""
    if background is not None:
        try:
            for record in background:  # batches of 2048 orders: check Cancel after each
                cancel.check()
                report(background.fraction)
                yield record
        except ChildUnavailable:  # nothing came: parse here instead
            pass
        else:
            sink.rows_read, sink.rejected, sink.errors = (
                background.sink.rows_read, background.sink.rejected, background.sink.errors)
            return
    if layout.restartable:
        yield from layout.parse(table, sink, restartable=True)
    else:
        yield from layout.parse(table, sink)


def _layout_for(store: Store, table: Table, platform: str,
                mapping: dict[str, str] | None) -> tuple[Layout, dict[str, str] | None]:
    """The layout, and the mapping to remember for this header set (saved with the import)."""
    if platform not in PLATFORMS:
        raise ValueError(f"unknown platform {platform!r}")
    if platform != "generic" and mapping is None:
        try:
            return detect(table, platform), None
        except UnknownLayoutError:
            pass
    if mapping is None:
        mapping = load_mapping(store.conn, header_signature(table.headers))
        if mapping is None:
            raise UnknownLayoutError(table.name, table.headers)
    try:
        return GenericLayout(mapping, table.headers), mapping
    except MappingError as exc:
        raise MappingError(table.name, exc.message_zh, exc.message_en) from None


def start_import_time(now: datetime) -> str:
    return now.strftime("%Y-%m-%d %H:%M:%S")


def file_fingerprint(path: Path) -> str:
    """Identifies a file again (size, first and last MiB) without reading all of a large export."""
    size = path.stat().st_size
    h = hashlib.sha256(str(size).encode())
    with open(path, "rb") as f:
        h.update(f.read(1 << 20))
        if size > 2 << 20:
            f.seek(-(1 << 20), 2)
            h.update(f.read())
    return h.hexdigest()
