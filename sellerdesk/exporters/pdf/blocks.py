"""Each kind of report block as platypus flowables.

Figures: cards three to a row (label, value, the comparison with ▲/▼ change,
the target with a bar of how much was reached). Tables: a grey header row
repeated on every page, light zebra rows, numbers right-aligned, text in
wrapping cells cut with … after three lines so one 60-character title cannot
push a row across a page. Text: body, note, sub-heading, bullet. NoData: a
boxed notice saying what is missing and how to fill it. Every user string is
escaped before it meets Paragraph markup.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from sellerdesk.domain.report_doc import Chart, Figure, Figures, Kind, NoData, Text
from sellerdesk.domain.report_doc import Table as DocTable
from sellerdesk.exporters.pdf.charts import draw_chart, has_numbers, shorten
from sellerdesk.exporters.pdf.formats import format_change, format_value, words
from sellerdesk.exporters.pdf.styles import (FRAME_W, HEADER_FILL, INK, NOTICE_FILL, RULE_GREY, SERIES_FILLS,
                                             TOTAL_FILL, WHITE, ZEBRA, Styles, esc, grid_style)

CARDS_PER_ROW = 3
CELL_PAD = 4
MAX_TEXT_LINES = 3
LONG_TABLE_ROWS = 12  # up to this many rows a table moves whole to the next page rather than split
NUMERIC = (Kind.MONEY, Kind.INT, Kind.PCT, Kind.RATIO, Kind.CHANGE)


def block_flowables(block, st: Styles, lang: str) -> list[Flowable]:
    if isinstance(block, Figures):
        return figures_flowables(block, st, lang)
    if isinstance(block, DocTable):
        return table_flowables(block, st)
    if isinstance(block, Chart):
        return chart_flowables(block, st, lang)
    if isinstance(block, NoData):
        return [no_data_flowable(block, st, lang)]
    if isinstance(block, Text):
        return text_flowables(block, st)
    raise TypeError(f"not a report block: {block!r}")


# --- figures ---------------------------------------------------------------------------------

def _target_bar(share: float, width: float, font: str) -> Drawing:
    d = Drawing(width, 5, initialFontName=font)
    d.add(Rect(0, 0, width, 4, fillColor=WHITE, strokeColor=RULE_GREY, strokeWidth=0.4))
    d.add(Rect(0, 0, width * max(0.0, min(share, 1.0)), 4, fillColor=SERIES_FILLS[0], strokeColor=None))
    return d


def _arrows(markup: str) -> str:
    """The change arrows a size up: the Chinese face draws ▲▼ small."""
    return markup.replace("▲", '<font size="+1.5">▲</font>').replace("▼", '<font size="+1.5">▼</font>')


def _card(fig: Figure, st: Styles, lang: str, width: float) -> list[Flowable]:
    w = words(lang)
    parts: list[Flowable] = [Paragraph(esc(fig.label), st.card_label),
                             Paragraph(esc(format_value(fig.value, fig.kind)), st.card_value)]
    if fig.compare is not None:
        change = fig.change
        line = f"{w['compare']} {esc(format_value(fig.compare, fig.kind))}"
        if fig.kind == Kind.PCT and isinstance(fig.value, (int, float)) and isinstance(fig.compare, (int, float)):
            # A rate's change reads in percentage points, not as a relative change of a rate.
            pts = (fig.value - fig.compare) * 100
            arrow = "▲ +" if pts > 0.05 else ("▼ " if pts < -0.05 else "")
            line += f"&nbsp;&nbsp;{arrow}{pts:.1f} {'个百分点' if lang == 'zh' else 'pts'}"
        elif change is not None:
            line += f"&nbsp;&nbsp;{esc(format_change(change))}"
        parts.append(Paragraph(_arrows(line), st.card_line))
    if fig.target is not None:
        line = f"{w['target']} {esc(format_value(fig.target, fig.kind))}"
        share = None
        if isinstance(fig.value, (int, float)) and isinstance(fig.target, (int, float)) and fig.target > 0:
            share = fig.value / fig.target
            line += f"&nbsp;&nbsp;{esc(w['reached'].format(pct=f'{share * 100:.1f}%'))}"
        parts.append(Paragraph(line, st.card_line))
        if share is not None:
            parts += [Spacer(1, 2), _target_bar(share, width - 2 * 6, st.font)]
    if fig.note:
        parts.append(Paragraph(esc(fig.note), st.card_note))
    return parts


def figures_flowables(block: Figures, st: Styles, lang: str) -> list[Flowable]:
    if not block.figures:
        return []
    gap = 4 * mm
    card_w = (FRAME_W - gap * (CARDS_PER_ROW - 1)) / CARDS_PER_ROW
    rows, cells = [], [_card(f, st, lang, card_w) for f in block.figures]
    while len(cells) % CARDS_PER_ROW:
        cells.append("")
    for i in range(0, len(cells), CARDS_PER_ROW):
        row = []
        for j, cell in enumerate(cells[i:i + CARDS_PER_ROW]):
            row.append(cell)
            if j < CARDS_PER_ROW - 1:
                row.append("")
        rows.append(row)
    widths = []
    for j in range(CARDS_PER_ROW):
        widths.append(card_w)
        if j < CARDS_PER_ROW - 1:
            widths.append(gap)
    # An empty row between rows of cards, so their boxes do not touch.
    spaced = []
    for r, row in enumerate(rows):
        if r:
            spaced.append([""] * len(widths))
        spaced.append(row)
    heights = [gap if r % 2 else None for r in range(len(spaced))]
    t = Table(spaced, colWidths=widths, rowHeights=heights, hAlign="LEFT")
    cmds = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6), ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 7)]
    for r in range(len(rows)):
        for j in range(CARDS_PER_ROW):
            if r * CARDS_PER_ROW + j < len(block.figures):
                c, rr = j * 2, r * 2
                cmds += [("BOX", (c, rr), (c, rr), 0.6, RULE_GREY), ("LINEABOVE", (c, rr), (c, rr), 2, INK)]
    t.setStyle(grid_style(st.font, cmds))
    out: list[Flowable] = [t]
    if block.compare_label:
        out += [Spacer(1, 2), Paragraph(esc(block.compare_label), st.note)]
    return out


# --- tables ----------------------------------------------------------------------------------

def fit_lines(text: str, font: str, size: float, width: float, lines: int = MAX_TEXT_LINES) -> str:
    """The text shortened with … so it wraps (character by character, as CJK does) in at most `lines`."""
    # Wrapping at character edges wastes a little of each line.
    return shorten(text, font, size, width * lines * 0.94)


def _column_widths(block: DocTable, texts: list[list[str]], st: Styles) -> list[float]:
    """Numbers get their widest value; text columns share the rest in proportion to their content."""
    pad = 2 * CELL_PAD + 2
    n = len(block.columns)
    widths: list[float | None] = []
    for j, col in enumerate(block.columns):
        cells = [row[j] for row in texts]
        widest = max((stringWidth(c, st.font, 8) for c in cells), default=0)
        head = stringWidth(col.title, st.font, 8)
        if col.kind in NUMERIC or col.kind == Kind.DATE:
            widths.append(max(widest, min(head, 28 * mm), 10 * mm) + pad)
        else:
            widths.append(None)
    fixed = sum(w for w in widths if w is not None)
    text_cols = [j for j in range(n) if widths[j] is None]
    if not text_cols:
        scale = min(1.0, FRAME_W / fixed) if fixed else 1.0
        return [w * scale for w in widths]  # type: ignore[misc]
    if fixed > FRAME_W * 0.7:  # many number columns: squeeze them, the headers wrap
        scale = FRAME_W * 0.7 / fixed
        widths = [w * scale if w is not None else None for w in widths]
        fixed = FRAME_W * 0.7
    rest = FRAME_W - fixed
    natural = {j: max(max((stringWidth(row[j], st.font, 8) for row in texts), default=0),
                      stringWidth(block.columns[j].title, st.font, 8), 20 * mm) + pad for j in text_cols}
    need = sum(natural.values())
    for j in text_cols:
        widths[j] = natural[j] if need <= rest else rest * natural[j] / need
    if need < rest:  # the table spans the frame: the slack goes to the text columns
        for j in text_cols:
            widths[j] += (rest - need) / len(text_cols)  # type: ignore[operator]
    return widths  # type: ignore[return-value]


def table_flowables(block: DocTable, st: Styles) -> list[Flowable]:
    kinds = [c.kind for c in block.columns]
    body = [list(r) for r in block.rows] + ([list(block.total)] if block.total is not None else [])
    texts = [[format_value(v, kinds[j]) if j < len(kinds) else "" for j, v in enumerate(row)] for row in body]
    texts = [row + [""] * (len(kinds) - len(row)) for row in texts]
    widths = _column_widths(block, texts, st)
    numeric = [k in NUMERIC for k in kinds]
    head = [Paragraph(esc(c.title), st.head_right if numeric[j] else st.head) for j, c in enumerate(block.columns)]
    data = [head]
    for row in texts:
        cells = []
        for j, text in enumerate(row):
            if numeric[j]:
                cells.append(Paragraph(esc(text), st.cell_right))
            else:
                text = fit_lines(text, st.font, 8, widths[j] - 2 * CELL_PAD)
                cells.append(Paragraph(esc(text), st.cell))
        data.append(cells)
    t = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    last = len(data) - 1
    cmds = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD), ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL), ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, INK), ("LINEBELOW", (0, 0), (-1, 0), 0.6, INK),
            ("LINEBELOW", (0, last), (-1, last), 0.8, INK)]
    if last > 1 or block.total is None:
        end = last - 1 if block.total is not None else last
        if end >= 1:
            cmds.append(("ROWBACKGROUNDS", (0, 1), (-1, end), [WHITE, ZEBRA]))
    if block.total is not None:
        cmds += [("BACKGROUND", (0, last), (-1, last), TOTAL_FILL), ("LINEABOVE", (0, last), (-1, last), 0.6, INK)]
    t.setStyle(grid_style(st.font, cmds))
    t.spaceAfter = 4
    caption = [Paragraph(esc(block.caption), st.caption)] if block.caption else []
    return [*caption, t]


def is_heading(block) -> bool:
    """A sub-heading: the layout keeps it with the block that follows."""
    return isinstance(block, Text) and block.style == "heading"


def is_long(block) -> bool:
    """A table that may run across pages: it starts where a few rows fit instead of moving whole."""
    return isinstance(block, DocTable) and len(block.rows) + (block.total is not None) > LONG_TABLE_ROWS


# --- charts, text, notices ---------------------------------------------------------------------

def chart_flowables(chart: Chart, st: Styles, lang: str) -> list[Flowable]:
    title = Paragraph(esc(chart.title), st.caption) if chart.title else None
    if not has_numbers(chart):  # never an empty chart: say so instead
        notice = no_data_flowable(NoData(chart.title or words(lang)["no_data"], ""), st, lang)
        return [notice]
    drawing = draw_chart(chart, st.font, lang)
    return [f for f in (title, drawing, Spacer(1, 3)) if f is not None]


def text_flowables(block: Text, st: Styles) -> list[Flowable]:
    text = esc(block.text)
    if block.style == "heading":
        return [Paragraph(text, st.heading)]
    if block.style == "note":
        return [Paragraph(text, st.note)]
    if block.style == "bullet":
        return [Paragraph(text, st.bullet, bulletText="•")]
    return [Paragraph(text, st.body)]


def no_data_flowable(block: NoData, st: Styles, lang: str) -> Flowable:
    w = words(lang)
    tag = Paragraph(esc(w["no_data"]), st.notice_how)
    inner: list[Flowable] = [Paragraph(esc(block.what), st.notice_what)]
    if block.how:
        inner.append(Paragraph(esc(w["how"]) + esc(block.how), st.notice_how))
    tag_w = max(stringWidth(w["no_data"], st.font, 8.5) + 22, 18 * mm)
    t = Table([[tag, inner]], colWidths=[tag_w, FRAME_W - tag_w], hAlign="LEFT")
    t.setStyle(grid_style(st.font, [
        ("BOX", (0, 0), (-1, -1), 0.6, RULE_GREY), ("BACKGROUND", (0, 0), (-1, -1), NOTICE_FILL),
        ("LINEBEFORE", (0, 0), (0, 0), 3, RULE_GREY), ("LINEAFTER", (0, 0), (0, 0), 0.4, RULE_GREY),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7), ("LEFTPADDING", (0, 0), (-1, -1), 8),
    ]))
    t.spaceBefore, t.spaceAfter = 3, 5
    return t
