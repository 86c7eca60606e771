"""The report as an A4 PDF: title block, numbered sections, running header and footer.

Every page carries the shop, the report's title and period at the top, and the
generation time, whether personal data is masked, and "page X of Y" at the
bottom. Y is known only at the end, so each page's drawing is kept until the
document is saved (the usual reportlab two-step canvas), then the footers are
drawn with the total. A heading never ends a page: it moves with the block
below it (see story).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, Frame, KeepTogether, PageTemplate, Paragraph, Spacer, Table
from reportlab.platypus.doctemplate import BaseDocTemplate

from sellerdesk.domain.report_doc import ReportDoc
from sellerdesk.exporters.pdf.blocks import block_flowables, is_heading, is_long
from sellerdesk.exporters.pdf.formats import words
from sellerdesk.exporters.pdf.styles import (FRAME_W, INK, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PAGE_H, PAGE_W,
                                             RULE_GREY, TEXT_GREY, Styles, esc, grid_style, make_styles)

Progress = Callable[[float, str], None]
LONG_TABLE_ROOM = 45 * mm  # headings, a table's header row and its first rows


class Cancel(Protocol):
    """The services' CancelToken: check() raises when the user pressed Cancel."""

    def check(self) -> None: ...


def _running_text(canvas: Canvas, doc: ReportDoc, font: str, page: int, pages: int) -> None:
    w = words(doc.lang)
    canvas.saveState()
    canvas.setFillColor(TEXT_GREY)
    canvas.setStrokeColor(RULE_GREY)
    canvas.setLineWidth(0.5)
    top = PAGE_H - 13 * mm
    canvas.setFont(font, 8)
    canvas.drawString(MARGIN_X, top, _clip(doc.shop, font, 8, FRAME_W * 0.45))
    canvas.drawRightString(PAGE_W - MARGIN_X, top, _clip(f"{doc.title}  ·  {doc.period}", font, 8, FRAME_W * 0.53))
    canvas.line(MARGIN_X, top - 3 * mm, PAGE_W - MARGIN_X, top - 3 * mm)
    bottom = 10 * mm
    canvas.line(MARGIN_X, bottom + 4 * mm, PAGE_W - MARGIN_X, bottom + 4 * mm)
    when = doc.generated_at.strftime("%Y-%m-%d %H:%M")
    left = f"{w['generated'].format(when=when)}  ·  {w['masked'] if doc.masked else w['unmasked']}"
    canvas.drawString(MARGIN_X, bottom, left)
    canvas.setFillColor(INK)
    canvas.drawRightString(PAGE_W - MARGIN_X, bottom, w["page"].format(page=page, pages=pages))
    canvas.restoreState()


def _clip(text: str, font: str, size: float, width: float) -> str:
    from sellerdesk.exporters.pdf.charts import shorten

    return shorten(text, font, size, width)


def _canvas_class(doc: ReportDoc, font: str, pages_out: list[int]) -> type[Canvas]:
    class ReportCanvas(Canvas):
        """Keeps each page until save() so the footer can say how many pages there are."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._kept: list[dict] = []

        def showPage(self):  # noqa: N802 (reportlab's name)
            self._kept.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._kept)
            pages_out.append(total)
            for number, state in enumerate(self._kept, start=1):
                self.__dict__.update(state)
                _running_text(self, doc, font, number, total)
                super().showPage()
            super().save()

    return ReportCanvas


class _ReportTemplate(BaseDocTemplate):
    """Reports progress and honours Cancel between flowables (layout is where the time goes)."""

    def __init__(self, filename: str, *, total: int, progress: Progress, cancel: Cancel | None, lang: str, **kw):
        super().__init__(filename, **kw)
        self._total, self._done = max(total, 1), 0
        self._progress, self._cancel, self._lang = progress, cancel, lang

    def afterFlowable(self, flowable):  # noqa: N802 (reportlab's name)
        self._done += 1
        if self._cancel is not None:
            self._cancel.check()
        if self._done % 5 == 0:
            message = words(self._lang)["progress_page"].format(page=self.page)
            self._progress(0.05 + 0.9 * min(self._done / self._total, 1.0), message)


def title_block(doc: ReportDoc, st: Styles) -> list[Flowable]:
    w = words(doc.lang)
    when = doc.generated_at.strftime("%Y-%m-%d %H:%M")
    lines = [Paragraph(esc(doc.title), st.title),
             Paragraph(esc(f"{doc.shop}  ·  {doc.period}"), st.subtitle)]
    meta = [m for m in (doc.compare, w["generated"].format(when=when),
                        w["masked"] if doc.masked else w["unmasked"]) if m]
    lines.append(Paragraph("  ·  ".join(esc(m) for m in meta), st.meta))
    t = Table([[lines]], colWidths=[FRAME_W], hAlign="LEFT")
    t.setStyle(grid_style(st.font, [("LINEBELOW", (0, 0), (-1, -1), 2, INK), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 8), ("TOPPADDING", (0, 0), (-1, -1), 0)]))
    return [t, Spacer(1, 6 * mm)]


def section_heading(number: int, title: str, st: Styles) -> Flowable:
    t = Table([[Paragraph(str(number), st.section), Paragraph(esc(title), st.section)]],
              colWidths=[9 * mm, FRAME_W - 9 * mm], hAlign="LEFT")
    t.setStyle(grid_style(st.font, [("LINEBELOW", (0, 0), (-1, -1), 0.8, INK), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 1), ("TOPPADDING", (0, 0), (-1, -1), 0),
                           ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    t.spaceAfter = 2.5 * mm
    return t


def story(doc: ReportDoc, st: Styles) -> list[Flowable]:
    """The flowables: each heading (section or sub-heading) kept with the block after it.

    A block and its headings move to the next page together, except a long table:
    it starts on this page when its headings, header row and a few rows fit.
    """
    out = title_block(doc, st)
    for number, section in enumerate(doc.sections, start=1):
        if number > 1:
            out.append(Spacer(1, 5 * mm))
        sticky: list[Flowable] = [section_heading(number, section.title, st)]
        for block in section.blocks:
            flowables = block_flowables(block, st, doc.lang)
            if is_heading(block):
                sticky += flowables
            elif is_long(block):
                out += [CondPageBreak(LONG_TABLE_ROOM), *sticky, *flowables]
                sticky = []
            else:
                out.append(KeepTogether([*sticky, *flowables]))
                sticky = []
        out += sticky
    return out


def build(doc: ReportDoc, target: Path, font_name: str, progress: Progress, cancel: Cancel | None) -> int:
    """Lay the document out into target; the number of pages."""
    st = make_styles(font_name)
    progress(0.02, words(doc.lang)["progress_build"])
    flowables = story(doc, st)
    pages: list[int] = []
    template = _ReportTemplate(
        str(target), total=len(flowables), progress=progress, cancel=cancel, lang=doc.lang, pagesize=(PAGE_W, PAGE_H),
        leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
        initialFontName=font_name,  # else an unembedded Helvetica is listed on every page
        title=doc.title, author=doc.shop, subject=doc.period, creator="SellerDesk",
    )
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_W, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    template.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    template.build(flowables, canvasmaker=_canvas_class(doc, font_name, pages))
    progress(1.0, words(doc.lang)["progress_save"])
    return pages[-1] if pages else 0
