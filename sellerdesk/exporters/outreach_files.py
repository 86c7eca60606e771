"""Outreach lists as files an SMS / email platform or a phone team takes.

Layouts (headers in Chinese, as the platforms' import templates expect):
- sms:   手机号码, 短信内容  (the two-column bulk-send layout)
- email: 买家账号, 收件人, 邮件内容
- phone: 姓名, 手机号码, 买家账号, 最近购买, 通话话术

Which rows are written (exportable_rows, also for the dialog's counts):
- holdout rows never, whatever the caller passed;
- sms and phone: only rows whose phone is a whole mainland mobile number,
  written normalised (13812341234); masked or encrypted phones are left out,
  never written as if they could be texted; one row per phone number, so a
  person with two accounts is texted once;
- email: only rows with a buyer account, one row per account.
An empty result raises NothingToExport instead of writing an empty file.

Files: .xlsx (phones as text cells with format '@', never 1.38E+10) or .csv
(UTF-8 with BOM, which Chinese SMS platforms and Excel both read; plain
digits for phones: the CSV is for the platform, the xlsx for people). Every
cell goes through safe_text. The file is written next to the target and moved
into place with os.replace, so a failed export never leaves half a file; it
keeps the temp file's owner-only permissions (it holds personal data).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from sellerdesk.domain.outreach import HOLDOUT, Channel, normalise_phone
from sellerdesk.exporters import ExportError
from sellerdesk.exporters.atomic_file import atomic_write
from sellerdesk.exporters.safe_cells import safe_text


@dataclass(frozen=True, slots=True)
class OutreachRow:
    buyer_id: int
    phone: str | None
    name: str | None
    account: str | None
    text: str  # the rendered message or call script
    last_item: str | None = None
    arm: str = "A"  # 'A', 'B' or 'holdout'


class NothingToExport(ExportError):
    """No row survived the filters: the group is empty or nobody is reachable on this channel."""


# (header, width in characters); the phone column is the one kept as text.
COLUMNS: dict[Channel, tuple[tuple[str, int], ...]] = {
    Channel.SMS: (("手机号码", 16), ("短信内容", 80)),
    Channel.EMAIL: (("买家账号", 22), ("收件人", 12), ("邮件内容", 80)),
    Channel.PHONE: (("姓名", 12), ("手机号码", 16), ("买家账号", 22), ("最近购买", 28), ("通话话术", 80)),
}
PHONE_HEADER = "手机号码"
SUFFIXES = (".xlsx", ".csv")


def _cells(channel: Channel, row: OutreachRow) -> tuple[str | None, ...]:
    if channel == Channel.SMS:
        return (row.phone, row.text)
    if channel == Channel.EMAIL:
        return (row.account, row.name, row.text)
    return (row.name, row.phone, row.account, row.last_item, row.text)


def exportable_rows(channel: Channel, rows: Sequence[OutreachRow]) -> list[OutreachRow]:
    """The rows write_outreach writes, in the given order, phones normalised."""
    out: list[OutreachRow] = []
    seen: set[str] = set()
    for row in rows:
        if row.arm == HOLDOUT:
            continue
        if channel == Channel.EMAIL:
            key = (row.account or "").strip()
            row = replace(row, account=key)
        else:
            key = normalise_phone(row.phone) or ""
            row = replace(row, phone=key)
        if not key or key in seen:
            continue
        seen.add(key)
        out.append(row)
    return out


def write_outreach(path: Path, channel: Channel, rows: Sequence[OutreachRow]) -> int:
    """Write the list by the path's suffix (.xlsx or .csv); return the number of recipients written."""
    path = Path(path)
    channel = Channel(channel)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ExportError(
            f"不支持的文件类型“{path.suffix or '（无扩展名）'}”：请保存为 .xlsx 或 .csv。",
            f"Unsupported file type '{path.suffix or '(none)'}': save as .xlsx or .csv.",
        )
    keep = exportable_rows(channel, rows)
    if not keep:
        raise NothingToExport(
            f"没有可导出的收件人：分组为空、全部在对照组，或没有可用于{channel.name_zh}的联系方式。未写入文件。",
            f"No recipients to export: the group is empty, all held out, or nobody is reachable by "
            f"{channel.name_en.lower()}. No file was written.",
        )
    header = [h for h, _ in COLUMNS[channel]]
    body = [[safe_text(v) for v in _cells(channel, r)] for r in keep]
    atomic_write(path, lambda tmp: (_write_xlsx if suffix == ".xlsx" else _write_csv)(tmp, channel, header, body))
    return len(keep)


def _write_csv(tmp: Path, channel: Channel, header: list[str], body: list[list[str]]) -> None:
    with open(tmp, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)  # Excel dialect: CRLF, quotes only where needed
        w.writerow(header)
        w.writerows(body)


def _write_xlsx(tmp: Path, channel: Channel, header: list[str], body: list[list[str]]) -> None:
    from openpyxl import Workbook  # lazily: start-up must not load openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)  # streams rows: 300,000 recipients fit in little memory
    ws = wb.create_sheet(channel.name_zh)
    ws.freeze_panes = "A2"
    for i, (_, width) in enumerate(COLUMNS[channel], start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    bold = Font(bold=True)
    head = []
    for h in header:
        c = WriteOnlyCell(ws, value=h)
        c.font = bold
        head.append(c)
    ws.append(head)
    phone_col = header.index(PHONE_HEADER) if PHONE_HEADER in header else -1
    for values in body:
        cells = []
        for i, v in enumerate(values):
            c = WriteOnlyCell(ws, value=v)
            c.data_type = "s"  # text always; safe_text already ruled out formulas
            if i == phone_col:
                c.number_format = "@"
            cells.append(c)
        ws.append(cells)
    wb.save(tmp)
