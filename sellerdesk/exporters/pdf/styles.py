"""The report's look: page geometry, greys, paragraph styles.

Printed on an office laser printer in black and white, so everything is a
grey level, a line or a pattern; nothing relies on colour. One Chinese face
has no bold: hierarchy comes from size, grey and rules. No style keeps with
next: the layout groups headings with their block itself (reportlab's
keepWithNext never groups with a KeepTogether and moves long tables whole).
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

PAGE_W, PAGE_H = A4
MARGIN_X = 16 * mm
MARGIN_TOP = 22 * mm  # room for the running header
MARGIN_BOTTOM = 18 * mm  # room for the footer
FRAME_W = PAGE_W - 2 * MARGIN_X

INK = colors.black
TEXT_GREY = colors.Color(0.35, 0.35, 0.35)
RULE_GREY = colors.Color(0.55, 0.55, 0.55)
HEADER_FILL = colors.Color(0.86, 0.86, 0.86)
ZEBRA = colors.Color(0.95, 0.95, 0.95)
TOTAL_FILL = colors.Color(0.89, 0.89, 0.89)
NOTICE_FILL = colors.Color(0.965, 0.965, 0.965)
WHITE = colors.white

# Chart series: grey levels far enough apart to tell in a photocopy; the second is hatched too.
SERIES_FILLS = (colors.Color(0.22, 0.22, 0.22), colors.Color(0.72, 0.72, 0.72),
                colors.Color(0.48, 0.48, 0.48), colors.Color(0.9, 0.9, 0.9))
SERIES_HATCHED = (False, True, False, True)
# Lines: (grey, width, dash, marker) so two lines differ even where they cross.
LINE_STYLES = ((colors.Color(0.0, 0.0, 0.0), 1.6, None, "FilledCircle"),
               (colors.Color(0.45, 0.45, 0.45), 1.2, (4, 2), "Square"),
               (colors.Color(0.25, 0.25, 0.25), 1.0, (1, 1.5), "FilledTriangle"),
               (colors.Color(0.6, 0.6, 0.6), 1.0, (6, 2, 1, 2), "Diamond"))
BAND_FILLS = (colors.Color(0.92, 0.92, 0.92), colors.Color(0.85, 0.85, 0.85))


@dataclass(frozen=True)
class Styles:
    font: str
    title: ParagraphStyle
    subtitle: ParagraphStyle
    meta: ParagraphStyle
    section: ParagraphStyle
    caption: ParagraphStyle
    body: ParagraphStyle
    note: ParagraphStyle
    heading: ParagraphStyle
    bullet: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    head: ParagraphStyle
    head_right: ParagraphStyle
    card_label: ParagraphStyle
    card_value: ParagraphStyle
    card_line: ParagraphStyle
    card_note: ParagraphStyle
    notice_what: ParagraphStyle
    notice_how: ParagraphStyle


def make_styles(font: str) -> Styles:
    def style(name: str, size: float, leading: float | None = None, **kw) -> ParagraphStyle:
        kw.setdefault("textColor", INK)
        kw.setdefault("bulletFontName", font)  # the default bullet font, Helvetica, is not embedded
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or size * 1.4,
                              wordWrap="CJK", alignment=kw.pop("alignment", TA_LEFT), **kw)

    return Styles(
        font=font,
        title=style("title", 22, 28, spaceAfter=4),
        subtitle=style("subtitle", 11.5, 16, textColor=TEXT_GREY),
        meta=style("meta", 8.5, 12, textColor=TEXT_GREY),
        section=style("section", 14, 18, spaceBefore=10, spaceAfter=6),
        caption=style("caption", 9.5, 13, spaceBefore=6, spaceAfter=3),
        body=style("body", 9.5, 14.5, spaceAfter=4),
        note=style("note", 8, 11.5, textColor=TEXT_GREY, spaceAfter=4),
        heading=style("heading", 11, 15, spaceBefore=6, spaceAfter=3),
        bullet=style("bullet", 9.5, 14.5, leftIndent=12, bulletIndent=2, spaceAfter=2),
        cell=style("cell", 8, 10.5),
        cell_right=style("cell_right", 8, 10.5, alignment=TA_RIGHT),
        head=style("head", 8, 10.5),
        head_right=style("head_right", 8, 10.5, alignment=TA_RIGHT),
        card_label=style("card_label", 8.5, 11, textColor=TEXT_GREY),
        card_value=style("card_value", 17, 21),
        card_line=style("card_line", 8, 11),
        card_note=style("card_note", 7, 9.5, textColor=TEXT_GREY),
        notice_what=style("notice_what", 9.5, 13.5),
        notice_how=style("notice_how", 8.5, 12.5, textColor=TEXT_GREY),
    )


def esc(text: object) -> str:
    """User text safe inside Paragraph markup (<, & and > are markup there); line breaks kept."""
    return escape(str(text)).replace("\n", "<br/>")


def grid_style(font: str, commands: list) -> TableStyle:
    """A table style whose cells use the report's font (a table's default, Helvetica, is not embedded)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), font), *commands])
