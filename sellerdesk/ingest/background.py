"""Parsing a big export in a second process, so reading and writing use both cores.

The writer (SQLite, in the importing process) and the parser (CSV decoding
and the column-by-column conversion) each take about half the work of a
million-row import; in one process they add up, in two they overlap. The
child only reads the file: it never opens the database, so killing it
(Cancel) or losing it (a crash) leaves nothing half-done, and the importing
process rolls its transaction back as always.

Used for layouts that produce OrderBatch columns (cheap to send) and files
large enough to repay starting a process; everything else parses in-process.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterator
from pathlib import Path

from sellerdesk.domain.errors import FileImportError
from sellerdesk.domain.orders import OrderBatch, OrderStatus, RefundState
from sellerdesk.ingest.layout import Layout, Record, RowSink
from sellerdesk.ingest.table import open_table

MIN_BYTES = 16 * 1024 * 1024  # below this, starting a process costs more than it saves
_ITEMS_PER_MESSAGE = 1  # one batch (2048 orders) per message: progress moves, Cancel answers
_AHEAD = 16  # messages the parser may run ahead of the writer
_ENUM_COLUMNS = ("status", "refund_state")
_REPEATING_COLUMNS = ("shop", "status_text", "title")


def worth_it(layout: Layout, path: Path) -> bool:
    return layout.batches and path.stat().st_size >= MIN_BYTES


class ChildUnavailable(Exception):
    """The child ended before sending anything (e.g. a script without a __main__ guard
    re-imported under spawn): nothing was parsed, so the caller parses in-process."""


class BackgroundParse:
    """Iterate over layout.parse(path) run in a child process; then read .sink.

    Close it (or use it as a context manager) to stop the child early.
    """

    def __init__(self, path: Path, layout_key: str):
        import multiprocessing  # loaded by the first big import, not by every user of this module

        context = multiprocessing.get_context("spawn")  # never fork a process that runs Qt threads
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_child, args=(send, str(path), layout_key), daemon=True)
        self._process.start()
        send.close()
        self.path = path
        self.fraction = 0.0
        self.sink = RowSink(path.name)

    def __iter__(self) -> Iterator[Record]:
        received = False
        while True:
            try:
                kind, *payload = self._receive.recv()
            except EOFError:
                if not received:
                    raise ChildUnavailable() from None
                raise FileImportError(self.path.name, "读取文件的子进程意外退出。",
                                      "The process reading the file stopped unexpectedly.") from None
            received = True
            if kind == "items":
                self.fraction, items = payload
                yield from items
            elif kind == "done":
                self.sink.rows_read, self.sink.rejected, self.sink.errors = payload
                return
            elif kind == "error":
                raise FileImportError(*payload)
            else:  # "crash": a bug, not bad input; keep its traceback
                raise RuntimeError(f"parsing {self.path.name} failed in the child process:\n{payload[0]}")

    def close(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join(timeout=5)
        self._receive.close()

    def __enter__(self) -> BackgroundParse:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _child(send, path: str, layout_key: str) -> None:
    import gc
    import queue
    import threading

    from sellerdesk.ingest.registry import layout_by_key

    gc.disable()  # a short-lived process that makes no cycles: collections only cost time
    # A sender thread with a queue lets parsing run up to _AHEAD messages ahead of
    # the importing process: its writes come in bursts, and a bare pipe (64 KB)
    # would make each side wait for the other.
    outbox: queue.Queue = queue.Queue(maxsize=_AHEAD)

    def sender() -> None:
        while (message := outbox.get()) is not None:
            send.send(message)

    thread = threading.Thread(target=sender, daemon=True)
    thread.start()
    try:
        with open_table(path) as table:
            layout = layout_by_key(layout_key)
            sink = RowSink(table.name)
            pending: list = []
            for item in layout.parse(table, sink):
                pending.append(_plain(item))
                if len(pending) >= _ITEMS_PER_MESSAGE:
                    outbox.put(("items", table.fraction(), pending))
                    pending = []
            outbox.put(("items", 1.0, pending))
            outbox.put(("done", sink.rows_read, sink.rejected, list(sink.errors)))
    except FileImportError as exc:
        outbox.put(("error", exc.file, exc.message_zh, exc.message_en))
    except BaseException:  # noqa: BLE001 - reported to the parent, which raises it
        outbox.put(("crash", traceback.format_exc()))
    finally:
        outbox.put(None)
        thread.join()
        send.close()


# Every enum member a batch's enum columns hold, to its plain value (StrEnum members are equal
# to, and hash as, their values): one dict lookup per cell instead of the .value descriptor.
_PLAIN = {None: None, **{m: m.value for m in (*OrderStatus, *RefundState)}}


def _plain(item: Record) -> Record:
    """Enum cells as their plain values (a tenth of the pickling cost, equal on arrival), and each
    text that repeats down a column as one object, which pickle then sends once per message:
    a batch of 2,048 orders has a couple of shops, a handful of status texts and a few dozen
    titles (200,000 orders: half the unpickling time of the importing process)."""
    if isinstance(item, OrderBatch):
        for name in _ENUM_COLUMNS:
            column = item.columns.get(name)
            if column is not None:
                item.columns[name] = list(map(_PLAIN.__getitem__, column))
        for name in _REPEATING_COLUMNS:
            column = item.columns.get(name)
            if column is not None:
                seen: dict = {}
                item.columns[name] = list(map(seen.setdefault, column, column))
    return item


__all__ = ["BackgroundParse", "ChildUnavailable", "MIN_BYTES", "worth_it"]
