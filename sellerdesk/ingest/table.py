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
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from sellerdesk.domain.errors import FileImportError

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
_SAMPLE = 256 * 1024
_HEADER_SCAN = 10  # rows searched for the header (title rows above it are skipped)
LAZY_MIN_BYTES = 4 * 1024 * 1024  # an xlsx this big has its header peeked and its sheet loaded on first read
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
    if path.stat().st_size >= LAZY_MIN_BYTES:
        peeked = peek_xlsx_header(path)
        if peeked is not None:
            return _lazy_spreadsheet(path, *peeked)
    return _loaded_spreadsheet(path)


def _lazy_spreadsheet(path: Path, headers: list[str], header_row: int) -> Table:
    """A big xlsx whose header was peeked: calamine loads the sheet (a few seconds for 200,000
    rows) only when its rows are read, so a parent process that only detects the layout
    (while a child parses: ingest/background.py) never loads it."""
    state: dict = {"table": None}

    def rows() -> Iterator[tuple[int, list]]:
        state["table"] = loaded = _loaded_spreadsheet(path)
        found = [h for h in loaded.headers]
        while found and not found[-1]:
            found.pop()
        if (found, loaded.header_row) != (headers, header_row):  # a bug in peek_xlsx_header, never the file
            raise RuntimeError(f"{path.name}: the header read ahead {headers} at row {header_row} is not "
                               f"calamine's {found} at row {loaded.header_row}")
        yield from loaded.rows()

    def fraction() -> float:
        return state["table"].fraction() if state["table"] is not None else 0.0

    def close() -> None:
        if state["table"] is not None:
            state["table"].close()

    return Table(path=path, headers=headers, encoding=None, _rows=rows(), _fraction=fraction, _close=close,
                 header_row=header_row)


_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CELL_COLUMN = re.compile(r"([A-Z]+)([0-9]+)")


def peek_xlsx_header(path: Path) -> tuple[list[str], int] | None:
    """The header row as _loaded_spreadsheet finds it (the first of the first rows with two filled
    cells) and its row number, read from the start of the first sheet's XML without loading the
    sheet; None for anything but the plain case (then calamine decides, as for every small file):
    not an xlsx, a header past row _HEADER_SCAN or not starting in column A, a header cell that
    is not text, rich/phonetic or escaped text."""
    try:
        with zipfile.ZipFile(path) as z:
            return _peek(z)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, ElementTree.ParseError):
        return None


def _peek(z: zipfile.ZipFile) -> tuple[list[str], int] | None:
    workbook = ElementTree.fromstring(z.read("xl/workbook.xml"))
    first_sheet = workbook.find(f"{_MAIN_NS}sheets/{_MAIN_NS}sheet")
    if first_sheet is None:
        return None
    rels = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{_PKG_NS}Relationship")}
    types = {r.get("Type", "").rsplit("/", 1)[-1]: r.get("Target", "") for r in rels.iter(f"{_PKG_NS}Relationship")}

    def part(target: str) -> str:
        return target.lstrip("/") if target.startswith("/") else f"xl/{target}"

    rows = _first_rows(z, part(targets[first_sheet.get(f"{_REL_NS}id")]))
    if rows is None:
        return None
    shared = _shared_strings(z, part(types["sharedStrings"]), rows) if "sharedStrings" in types else []
    for number, cells in rows:
        texts: dict[int, str | None] = {}
        for column, kind, value in cells:
            if kind == "s":
                value = shared[int(value)] if int(value) < len(shared) else None
            elif kind not in ("inlineStr", "str"):
                value = None if value.strip() else ""  # a number, bool, error or date: not peeked
            texts[column] = value
        filled = [t for t in texts.values() if t is None or t.strip()]
        if len(filled) < 2:
            continue
        if None in texts.values() or min(texts) != 0 or any("_x" in t for t in texts.values()):
            return None
        headers = [_header_text(texts.get(i, "")) for i in range(max(texts) + 1)]
        while headers and not headers[-1]:
            headers.pop()
        return headers, number
    return None


def _first_rows(z: zipfile.ZipFile, sheet: str) -> list[tuple[int, list[tuple[int, str, str]]]] | None:
    """(row number, [(column index, cell type, raw value)]) of the sheet's rows up to row
    _HEADER_SCAN, streamed from the start of the XML; None when the layout is not the plain one."""
    parser = ElementTree.XMLPullParser(events=("end",))
    rows: list = []
    with z.open(sheet) as f:
        while chunk := f.read(64 * 1024):
            parser.feed(chunk)
            for _, element in parser.read_events():
                if element.tag == f"{_MAIN_NS}row":
                    number = int(element.get("r") or len(rows) + 1)
                    if number > _HEADER_SCAN:
                        return rows
                    cells = []
                    for c in element.iter(f"{_MAIN_NS}c"):
                        match = _CELL_COLUMN.fullmatch(c.get("r") or "")
                        if match is None or c.find(f"{_MAIN_NS}is/{_MAIN_NS}r") is not None:
                            return None  # no cell reference, or rich inline text
                        kind = c.get("t", "n")
                        if kind == "inlineStr":
                            value = "".join(t.text or "" for t in c.iter(f"{_MAIN_NS}t"))
                        else:
                            value = c.findtext(f"{_MAIN_NS}v") or ""
                        cells.append((_column_index(match.group(1)), kind, value))
                    rows.append((number, cells))
                elif element.tag == f"{_MAIN_NS}sheetData":
                    return rows
    return rows


def _shared_strings(z: zipfile.ZipFile, part: str, rows: list) -> list[str | None]:
    """The shared strings up to the highest index the first rows use (None: rich or phonetic text)."""
    wanted = max((int(v) for _, cells in rows for _, kind, v in cells if kind == "s"), default=-1)
    strings: list[str | None] = []
    if wanted < 0:
        return strings
    parser = ElementTree.XMLPullParser(events=("end",))
    with z.open(part) as f:
        while chunk := f.read(64 * 1024):
            parser.feed(chunk)
            for _, element in parser.read_events():
                if element.tag == f"{_MAIN_NS}si":
                    plain = element.find(f"{_MAIN_NS}r") is None and element.find(f"{_MAIN_NS}rPh") is None
                    strings.append(element.findtext(f"{_MAIN_NS}t") if plain else None)
                    element.clear()
                    if len(strings) > wanted:
                        return strings
    return strings


def _column_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _loaded_spreadsheet(path: Path) -> Table:
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
