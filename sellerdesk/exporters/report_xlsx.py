"""The retrospective report as an xlsx workbook: one sheet per section, real numbers in every cell.

Each sheet starts with the report's title and period, then the section's
blocks top to bottom, a blank row between them:
- headline figures as a table (figure, this period, comparison, change, target,
  reached, note);
- tables with their own columns, a bold header and the total row in bold;
- a chart's data as a table (a category column, one column per series, and
  the phase of each day for a line with phase bands);
- texts and no-data notices as one cell each.
Numbers stay numbers with a number format (money in yuan as ¥#,##0.00, shares
as 0.0%, dates as dates), so the seller can sum and sort them. Every text cell
goes through safe_text (no formula from a buyer's nick or an item title), and
the file is written next to the target and moved into place.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from sellerdesk.domain.report_doc import Chart, ChartKind, Figures, Kind, NoData, ReportDoc, Table, Text, Value
from sellerdesk.exporters.atomic_file import atomic_write
from sellerdesk.exporters.pdf.formats import words
from sellerdesk.exporters.safe_cells import safe_text

FORMATS = {
    Kind.MONEY: '"¥"#,##0.00;-"¥"#,##0.00',
    Kind.INT: "#,##0",
    Kind.PCT: "0.0%",
    Kind.RATIO: "0.00",
    Kind.DATE: "yyyy-mm-dd",
    Kind.CHANGE: "+0.0%;-0.0%;0.0%",
}
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")
FIRST_COL_WIDTH = 34
COL_WIDTH = 15


def sheet_name(title: str, taken: set[str]) -> str:
    """A legal, unique sheet name: at most 31 characters, none of []:*?/\\ (Excel refuses them)."""
    base = _SHEET_BAD.sub("_", title).strip("'") or "Sheet"
    base = base[:31]
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name = base[:31 - len(suffix)] + suffix
        n += 1
    taken.add(name.lower())
    return name


def cell_value(value: Value, kind: Kind) -> object:
    """What goes into a cell: money in yuan as a number, dates as dates, text made safe."""
    if value is None:
        return None
    if isinstance(value, bool):
        return safe_text(value)
    if isinstance(value, (int, float)):
        if kind == Kind.MONEY:
            return round(value / 100, 2)
        return value
    if isinstance(value, (date, datetime)):
        return value
    return safe_text(value)


def write_report_xlsx(doc: ReportDoc, path: str | Path) -> int:
    """Write the workbook at path; the number of sheets (one per section, at least one)."""
    count: list[int] = []
    atomic_write(Path(path), lambda tmp: count.append(_write(doc, tmp)))
    return count[0]


def _write(doc: ReportDoc, tmp: Path) -> int:
    from openpyxl import Workbook  # lazily: start-up must not load openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    bold, title_font, grey = Font(bold=True), Font(bold=True, size=14), Font(color="666666")
    head_fill = PatternFill("solid", fgColor="DDDDDD")
    wrap = Alignment(wrap_text=True, vertical="top")
    w = words(doc.lang)
    wb = Workbook()
    wb.remove(wb.active)
    taken: set[str] = set()
    sections = doc.sections or ()
    if not sections:  # a workbook needs a sheet: the title page alone
        ws = wb.create_sheet(sheet_name(doc.title, taken))
        ws.append([safe_text(doc.title)])
        ws.append([safe_text(f"{doc.shop} · {doc.period}")])
    for section in sections:
        ws = wb.create_sheet(sheet_name(section.title, taken))
        ws.column_dimensions["A"].width = FIRST_COL_WIDTH
        for col in range(2, 12):
            ws.column_dimensions[get_column_letter(col)].width = COL_WIDTH
        ws.append([safe_text(f"{doc.title} · {section.title}")])
        ws.cell(ws.max_row, 1).font = title_font
        ws.append([safe_text(f"{doc.shop} · {doc.period}" + (f" · {doc.compare}" if doc.compare else ""))])
        ws.cell(ws.max_row, 1).font = grey

        def header(titles: list[str]) -> None:
            ws.append([safe_text(t) for t in titles])
            for c in range(1, len(titles) + 1):
                cell = ws.cell(ws.max_row, c)
                cell.font, cell.fill = bold, head_fill
                cell.alignment = Alignment(wrap_text=True, vertical="bottom")

        def row(values: list[tuple[Value, Kind]], strong: bool = False) -> None:
            ws.append([cell_value(v, k) for v, k in values])
            r = ws.max_row
            for c, (v, k) in enumerate(values, start=1):
                cell = ws.cell(r, c)
                if k in FORMATS and isinstance(v, (int, float, date)):
                    cell.number_format = FORMATS[k]
                elif isinstance(v, str):
                    cell.data_type = "s"  # text always: safe_text already ruled out formulas
                if strong:
                    cell.font = bold

        for block in section.blocks:
            ws.append([])
            if isinstance(block, Figures):
                labels = [w["item"], w["value"], w["compare_col"], w["change"], w["target"], w["reached_col"],
                          w["note"]]
                header(labels)
                for f in block.figures:
                    reached = (f.value / f.target if isinstance(f.value, (int, float))
                               and isinstance(f.target, (int, float)) and f.target else None)
                    row([(f.label, Kind.TEXT), (f.value, f.kind), (f.compare, f.kind), (f.change, Kind.CHANGE),
                         (f.target, f.kind), (reached, Kind.PCT), (f.note or None, Kind.TEXT)])
                if block.compare_label:
                    ws.append([safe_text(block.compare_label)])
                    ws.cell(ws.max_row, 1).font = grey
            elif isinstance(block, Table):
                if block.caption:
                    ws.append([safe_text(block.caption)])
                    ws.cell(ws.max_row, 1).font = bold
                header([c.title for c in block.columns])
                kinds = [c.kind for c in block.columns]
                for values in block.rows:
                    row([(v, kinds[i] if i < len(kinds) else Kind.TEXT) for i, v in enumerate(values)])
                if block.total is not None:
                    row([(v, kinds[i] if i < len(kinds) else Kind.TEXT) for i, v in enumerate(block.total)],
                        strong=True)
            elif isinstance(block, Chart):
                _chart_rows(block, ws, header, row, w)
            elif isinstance(block, NoData):
                ws.append([safe_text(f"{w['no_data']}：{block.what}" if doc.lang == "zh"
                                     else f"{w['no_data']}: {block.what}")])
                ws.cell(ws.max_row, 1).font = bold
                if block.how:
                    ws.append([safe_text(w["how"] + block.how)])
                    ws.cell(ws.max_row, 1).alignment = wrap
            elif isinstance(block, Text):
                ws.append([safe_text(("• " if block.style == "bullet" else "") + block.text)])
                cell = ws.cell(ws.max_row, 1)
                cell.alignment = wrap
                if block.style == "heading":
                    cell.font = bold
                elif block.style == "note":
                    cell.font = grey
    wb.save(tmp)
    return len(wb.sheetnames)


def _chart_rows(chart: Chart, ws, header, row, w: dict[str, str]) -> None:
    from openpyxl.styles import Font

    if chart.title:
        ws.append([safe_text(chart.title)])
        ws.cell(ws.max_row, 1).font = Font(bold=True)
    phases = {}
    for band in chart.bands:
        for i in range(max(0, band.start), band.end + 1):
            phases.setdefault(i, band.label)
    titles = [w["category"], *(s.name for s in chart.series)]
    if chart.bands:
        titles.append(w["phase"])
    if chart.kind == ChartKind.PIE and chart.series:
        titles.append("%")
    header(titles)
    total = sum(v for v in chart.series[0].values if v) if chart.kind == ChartKind.PIE and chart.series else 0
    for i, category in enumerate(chart.categories):
        cells: list[tuple[Value, Kind]] = [(_category(category), Kind.DATE if _is_day(category) else Kind.TEXT)]
        for s in chart.series:
            cells.append((s.values[i] if i < len(s.values) else None, chart.unit))
        if chart.bands:
            cells.append((phases.get(i), Kind.TEXT))
        if chart.kind == ChartKind.PIE and chart.series:
            v = chart.series[0].values[i] if i < len(chart.series[0].values) else None
            cells.append((v / total if v and total else None, Kind.PCT))
        row(cells)


def _is_day(text: str) -> bool:
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", text))


def _category(text: str) -> Value:
    """A day's category as a real date (Excel sorts and filters it), anything else as text."""
    if _is_day(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            return text
    return text
