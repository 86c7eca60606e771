"""A big xlsx read in pieces on a reader thread: the import works on the first rows while calamine
parses the rest.

python-calamine (0.9) parses a whole sheet in one call before it gives the first row: ~3.4 s for a
200,000-row 千牛 export, during which an import could do nothing. Here the sheet's XML is inflated
in slices and cut at row ends (`</row>`); each piece becomes a small stored (uncompressed) workbook
with the original's parts (styles for dates, shared strings, the workbook's date system) and only
those rows. A reader thread cuts the pieces and two loader threads have calamine parse them (from a
temporary file: calamine parses a file without the GIL, a file-like with it) while
the importing thread converts and writes the rows before. At most _AHEAD pieces wait, so memory
stays at a few pieces instead of the whole sheet. Measured at 200,000 rows on two cores: one loader
thread could not keep up with the importing thread, two can.

Rows keep their row numbers in the sheet (each piece's first row is calamine's `start`, which comes
from the rows' r attributes) and cells their column (a piece whose first columns are empty is padded
back), so the rows are what the whole-sheet read gives, except that an empty first column is
kept as empty cells instead of being trimmed away.

Taken only when the file is plainly laid out: the first sheet's part found through workbook.xml and
its relationships, un-prefixed SpreadsheetML with rows that carry their r attribute, and a sheet
big enough to be worth it. Shared strings are parsed again in every piece, so pieces grow with them
(each at least 4x the shared strings). Anything else returns None: the sheet is loaded whole.
"""

from __future__ import annotations

import io
import os
import posixpath
import queue
import re
import tempfile
import threading
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from sellerdesk.domain.errors import FileImportError

PIECE_BYTES = 8 << 20  # sheet XML per piece (~9,000 rows of a 千牛 export)
MIN_PIECES = 2  # a sheet smaller than this many pieces is loaded whole
_AHEAD = 2  # pieces parsed ahead of the rows being used
_LOADERS = 2  # pieces parsed at once (calamine parses without the GIL)
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DROPPED = ("docProps/", "xl/media/", "xl/drawings/", "xl/printerSettings/", "xl/embeddings/", "xl/theme/",
            "customXml/")
_DIMENSION = re.compile(rb"<dimension\b[^>]*/>")
_END = object()


@dataclass(frozen=True)
class _Plan:
    sheet: str  # the first sheet's part name
    sheet_size: int  # its XML's size (uncompressed)
    piece_bytes: int
    keep: tuple[str, ...]  # parts copied into every piece
    stubs: tuple[str, ...]  # the other sheets' parts, written empty


def open_pieces(path: Path, find_header: Callable) -> object | None:
    """The Table of the file's first sheet read in pieces, or None when the sheet should be
    loaded whole (small, unusual layout, or not readable this way: the whole-sheet path then
    reports what is wrong)."""
    from sellerdesk.ingest.table import Table

    try:
        plan = _plan(path)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, EOFError, zlib.error, ElementTree.ParseError):
        return None
    if plan is None:
        return None
    reader = PieceReader(path, plan)
    stream = reader.rows()
    try:
        headers, first_row = find_header(stream, path)
    except BaseException:
        reader.close()
        raise
    return Table(path=path, headers=headers, encoding=None, _rows=stream, _fraction=reader.fraction,
                 _close=reader.close, header_row=first_row)


def _plan(path: Path) -> _Plan | None:
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
            return None
        sheets = ElementTree.fromstring(z.read("xl/workbook.xml")).find(f"{_MAIN}sheets")
        first = None if sheets is None else sheets.find(f"{_MAIN}sheet")
        rid = None if first is None else first.get(f"{_REL}id")
        if rid is None:
            return None
        targets = {}
        for rel in ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels")).iter(f"{_PKG}Relationship"):
            target = rel.get("Target", "")
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
            targets[rel.get("Id")] = (rel.get("Type", ""), part)
        kind, sheet = targets.get(rid, ("", ""))
        if not kind.endswith("/worksheet") or sheet not in names:
            return None
        info = z.getinfo(sheet)
        shared = sum(z.getinfo(n).file_size for n in names if "sharedstrings" in n.lower())
        piece_bytes = max(PIECE_BYTES, 4 * shared)
        if info.file_size < MIN_PIECES * piece_bytes:
            return None
        with z.open(sheet) as f:
            head = f.read(1 << 20)
        start = head.find(b"<sheetData>")
        if start < 0 or not re.match(rb'<row\b[^>]*\br="\d+"', head[start + len(b"<sheetData>"):]):
            return None  # prefixed or empty sheet data, or rows without numbers: loaded whole
        others = tuple(p for _, p in targets.values() if p in names and p != sheet and p.startswith("xl/worksheets/"))
        keep = tuple(sorted(n for n in names if n != sheet and n not in others and not n.endswith("/")
                            and not n.startswith(_DROPPED)))
        return _Plan(sheet, info.file_size, piece_bytes, keep, others)


class PieceReader:
    """Reads the pieces on a daemon thread; rows() gives (row number, cells) in sheet order."""

    def __init__(self, path: Path, plan: _Plan):
        self.path, self.plan = path, plan
        self._queue: queue.Queue = queue.Queue(_AHEAD)
        self._stop = threading.Event()
        self._done = 0  # XML bytes of the pieces handed out
        self._thread = threading.Thread(target=self._run, name="xlsx-pieces", daemon=True)
        self._thread.start()

    def fraction(self) -> float:
        return min(1.0, self._done / self.plan.sheet_size)

    def close(self) -> None:
        self._stop.set()
        try:  # a reader waiting to hand over a piece sees the stop at once
            while True:
                self._queue.get_nowait()
        except queue.Empty:
            pass

    def rows(self) -> Iterator[tuple[int, list]]:
        first = True
        while True:
            item = self._queue.get()
            if item is _END:
                return
            try:
                if isinstance(item, BaseException):
                    raise item
                size, loaded = item
                start, rows = loaded.result()
            except BaseException as exc:
                self.close()
                error = self._error(exc, first)
                if error is exc:
                    raise
                raise error from exc
            first = False
            if rows:
                row0, col0 = start
                if col0:
                    pad = [""] * col0
                    rows = [pad + cells for cells in rows]
                yield from zip(range(row0 + 1, row0 + 1 + len(rows)), rows)
            self._done += size

    def _error(self, exc: BaseException, first: bool) -> BaseException:
        """A damaged workbook as the whole-sheet read words it; anything else as it is."""
        from python_calamine import CalamineError

        if not isinstance(exc, (CalamineError, zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error)):
            return exc
        if first:
            return FileImportError(
                self.path.name,
                f"无法读取 Excel 文件（可能已损坏或未下载完整）：{exc}",
                f"Cannot read the Excel workbook (damaged or incompletely downloaded): {exc}",
            )
        return FileImportError(
            self.path.name,
            f"Excel 文件读到一半出错（可能已损坏）：{exc}",
            f"The Excel workbook broke off while reading (damaged?): {exc}",
        )

    # --- the reader thread ---

    def _put(self, item) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _run(self) -> None:
        from concurrent.futures import ThreadPoolExecutor

        try:
            with tempfile.TemporaryDirectory(prefix="sellerdesk-xlsx-") as folder, \
                    ThreadPoolExecutor(_LOADERS, thread_name_prefix="xlsx-piece") as pool:
                for n, (size, blob) in enumerate(self._pieces()):
                    if self._stop.is_set():
                        return
                    loaded = pool.submit(_load, os.path.join(folder, f"{n}.xlsx"), blob)
                    del blob
                    if not self._put((size, loaded)):
                        return
                self._put(_END)
        except BaseException as exc:  # noqa: BLE001  handed to the reading thread, which raises it
            self._put(exc)

    def _pieces(self) -> Iterator[tuple[int, bytes]]:
        """(XML bytes of the sheet covered, a stored workbook holding those rows), in order."""
        plan = self.plan
        with zipfile.ZipFile(self.path) as z:
            parts = {n: z.read(n) for n in plan.keep}
            with z.open(plan.sheet) as f:
                buffer = b""
                while (at := buffer.find(b"<sheetData>")) < 0:
                    data = f.read(1 << 20)
                    if not data:
                        raise ValueError("no sheetData in the first sheet")
                    buffer += data
                at += len(b"<sheetData>")
                head, buffer = _DIMENSION.sub(b"", buffer[:at]), buffer[at:]
                covered = at
                while True:
                    data = f.read(plan.piece_bytes)
                    buffer += data
                    if data:
                        cut = buffer.rfind(b"</row>")
                        if cut < 0 or len(buffer) < plan.piece_bytes // 2:
                            continue
                        cut += len(b"</row>")
                    else:
                        end = buffer.find(b"</sheetData>")
                        cut = end if end >= 0 else len(buffer)
                    body, buffer = buffer[:cut], buffer[cut:]
                    covered += len(body)
                    yield (len(body) if data else plan.sheet_size - covered + len(body)), _workbook(
                        parts, plan, head + body + b"</sheetData></worksheet>")
                    if not data:
                        return


def _load(path: str, blob: bytes) -> tuple[tuple[int, int] | None, list[list]]:
    """(calamine's start, the rows) of one piece. From a file, not a file-like: calamine then
    parses without the GIL (with a file-like it holds it, and the importing thread waits)."""
    from python_calamine import CalamineWorkbook

    with open(path, "wb") as f:
        f.write(blob)
    del blob
    try:
        workbook = CalamineWorkbook.from_path(path)
        try:
            sheet = workbook.get_sheet_by_index(0)
            start = sheet.start
            return start, (sheet.to_python(skip_empty_area=True) if start is not None else [])
        finally:
            workbook.close()
    finally:
        os.unlink(path)


def _workbook(parts: dict[str, bytes], plan: _Plan, sheet_xml: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as w:
        for name, data in parts.items():
            w.writestr(name, data)
        for name in plan.stubs:
            w.writestr(name, b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                             b"<sheetData/></worksheet>")
        w.writestr(plan.sheet, sheet_xml)
    return out.getvalue()


__all__ = ["PIECE_BYTES", "PieceReader", "open_pieces"]
