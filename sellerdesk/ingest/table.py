"""Open a CSV or spreadsheet export as a table: header + numbered raw rows.

Encoding is detected without asking: UTF-8 (with or without BOM), UTF-16
(Excel's "Unicode text"), else GB18030 (a superset of GBK/GB2312). Rows are
streamed, so a million-line CSV never sits in memory; progress is the share
of bytes read. Row numbers are what the user sees in Excel (header = row 1
when it is the first line).
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sellerdesk.domain.errors import FileImportError

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
_SAMPLE = 256 * 1024
_HEADER_SCAN = 10  # rows searched for the header (title rows above it are skipped)
csv.field_size_limit(16 * 1024 * 1024)


class _CountingReader(io.RawIOBase):
    """A binary reader that remembers how many bytes went through it."""

    def __init__(self, raw):
        self._raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = self._raw.readinto(buffer)
        self.count += n or 0
        return n

    def close(self) -> None:
        self._raw.close()
        super().close()


@dataclass
class Table:
    """A header and a stream of (row number, raw cells)."""

    path: Path
    headers: list[str]  # stripped
    encoding: str | None  # None for spreadsheets
    _rows: Iterator[tuple[int, list]] = field(repr=False)
    _fraction: Callable[[], float] = field(repr=False)
    _close: Callable[[], None] = field(repr=False, default=lambda: None)
    header_row: int = 1

    @property
    def name(self) -> str:
        return self.path.name

    def rows(self) -> Iterator[tuple[int, list]]:
        return self._rows

    def watch(self, every: int, callback: Callable[[], None]) -> None:
        """Call callback every `every` rows read (it may raise to stop the import)."""
        inner = self._rows

        def watched() -> Iterator[tuple[int, list]]:
            for n, item in enumerate(inner, 1):
                if n % every == 0:
                    callback()
                yield item

        self._rows = watched()

    def fraction(self) -> float:
        """Share of the file read so far, 0..1."""
        return self._fraction()

    def close(self) -> None:
        self._close()

    def index(self, *names: str) -> int | None:
        """Column index of the first header that matches one of names."""
        for name in names:
            try:
                return self.headers.index(name)
            except ValueError:
                continue
        return None

    def __enter__(self) -> Table:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_table(path: str | os.PathLike) -> Table:
    path = Path(path)
    if not path.exists():
        raise FileImportError(path.name, "文件不存在。", "The file does not exist.")
    if path.stat().st_size == 0:
        raise FileImportError(path.name, "文件是空的。", "The file is empty.")
    with open(path, "rb") as f:
        head = f.read(8)
    if path.suffix.lower() in SPREADSHEET_SUFFIXES or head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        return _open_spreadsheet(path)
    return _open_csv(path)


def detect_encoding(sample: bytes, complete: bool) -> str | None:
    """'utf-8-sig', 'utf-16', 'utf-8', 'gb18030' or None when nothing fits."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    for enc in ("utf-8", "gb18030"):
        try:
            codecs.getincrementaldecoder(enc)().decode(sample, final=complete)
            return enc
        except UnicodeDecodeError:
            continue
    return None


def _open_csv(path: Path) -> Table:
    size = path.stat().st_size
    with open(path, "rb") as f:
        sample = f.read(_SAMPLE)
    if b"\x00" in sample and not sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise FileImportError(
            path.name,
            "这不是文本格式的导出文件（CSV），也不是 Excel 表格。",
            "This is neither a text (CSV) export nor an Excel workbook.",
        )
    encoding = detect_encoding(sample, complete=len(sample) < _SAMPLE)
    if encoding is None:
        raise FileImportError(
            path.name,
            "无法识别文件编码：应为 UTF-8 或 GBK/GB18030。",
            "Unknown text encoding: expected UTF-8 or GBK/GB18030.",
        )
    counter = _CountingReader(open(path, "rb", buffering=0))
    text = io.TextIOWrapper(io.BufferedReader(counter, 1 << 20), encoding=encoding, newline="")
    delimiter = _sniff_delimiter(sample, encoding)
    reader = csv.reader(text, delimiter=delimiter)
    numbered = _numbered_csv_rows(reader, path, encoding)
    headers, first_row = _find_header(numbered, path)

    table = Table(
        path=path,
        headers=headers,
        encoding=encoding,
        _rows=numbered,
        _fraction=lambda: min(1.0, counter.count / size) if size else 1.0,
        _close=text.close,
        header_row=first_row,
    )
    return table


def _sniff_delimiter(sample: bytes, encoding: str) -> str:
    try:
        first = sample.decode(encoding, errors="ignore").splitlines()[0]
    except IndexError:
        return ","
    return "\t" if first.count("\t") > first.count(",") else ","


def _numbered_csv_rows(reader, path: Path, encoding: str) -> Iterator[tuple[int, list]]:
    """(line number, cells); broken quoting and undecodable bytes become clear file errors."""
    try:
        for cells in reader:
            yield reader.line_num, cells
    except csv.Error as exc:
        raise FileImportError(
            path.name,
            f"第 {reader.line_num} 行附近的 CSV 格式损坏：{exc}",
            f"Broken CSV near line {reader.line_num}: {exc}",
        ) from exc
    except UnicodeDecodeError as exc:
        raise FileImportError(
            path.name,
            f"文件中途出现无法按 {encoding} 解码的字节（约第 {reader.line_num + 1} 行）：文件可能已损坏或混用了编码。",
            f"Bytes that are not valid {encoding} near line {reader.line_num + 1}: "
            "the file may be damaged or mix encodings.",
        ) from exc


def _find_header(numbered: Iterator[tuple[int, list]], path: Path) -> tuple[list[str], int]:
    """The header is the first row with at least two filled cells (title rows above are skipped)."""
    for _ in range(_HEADER_SCAN):
        try:
            row_no, cells = next(numbered)
        except StopIteration:
            break
        filled = [c for c in cells if str(c).strip()]
        if len(filled) >= 2:
            return [_header_text(c) for c in cells], row_no
    raise FileImportError(
        path.name,
        "文件里没有表头行，不像是平台导出的订单文件。",
        "No header row found: this does not look like a platform order export.",
    )


def _header_text(cell: object) -> str:
    text = "" if cell is None else str(cell)
    return text.replace("\ufeff", "").strip().strip('="\'\t ').strip()


def _open_spreadsheet(path: Path) -> Table:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from sellerdesk.ingest.xlsx_pieces import open_pieces

        table = open_pieces(path, _find_header)
        if table is not None:
            return table
    return _open_whole_sheet(path)


def _open_whole_sheet(path: Path) -> Table:
    """The first sheet loaded by calamine in one call, then its rows."""
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        sheet = workbook.get_sheet_by_index(0)
        height = max(sheet.height, 1)
        # sheet.start says where data begins; whether iter_rows trims the empty rows
        # above it depends on the version (0.9 does not), so the first row decides below
        first_row_offset = (sheet.start or (0, 0))[0]
        row_iter = sheet.iter_rows()
    except (CalamineError, zipfile.BadZipFile, OSError, ValueError) as exc:
        raise FileImportError(
            path.name,
            f"无法读取 Excel 文件（可能已损坏或未下载完整）：{exc}",
            f"Cannot read the Excel workbook (damaged or incompletely downloaded): {exc}",
        ) from exc
    state = {"done": 0}

    def numbered() -> Iterator[tuple[int, list]]:
        try:
            offset = None
            for i, cells in enumerate(row_iter):
                if offset is None:  # trimmed: the first row holds data; untrimmed: it is empty
                    offset = first_row_offset if any(str(c).strip() for c in cells) else 0
                state["done"] = i + 1
                yield offset + i + 1, cells
        except CalamineError as exc:
            raise FileImportError(
                path.name,
                f"Excel 文件读到一半出错（可能已损坏）：{exc}",
                f"The Excel workbook broke off while reading (damaged?): {exc}",
            ) from exc

    stream = numbered()
    headers, first_row = _find_header(stream, path)
    table = Table(
        path=path,
        headers=headers,
        encoding=None,
        _rows=stream,
        _fraction=lambda: min(1.0, state["done"] / height),
        _close=workbook.close,
        header_row=first_row,
    )
    return table
