"""The retrospective report as a printable PDF (reportlab platypus, A4, a Chinese font embedded).

render_pdf renders any ReportDoc (sellerdesk.domain.report_doc); it knows
nothing about campaigns. reportlab is imported only when a PDF is written, so
importing this package costs nothing at start-up.
"""

from __future__ import annotations

from pathlib import Path

from sellerdesk.domain.report_doc import ReportDoc
from sellerdesk.exporters.pdf.cjk_font import FontChoice, FontNotFound, find_cjk_font

__all__ = ["FontChoice", "FontNotFound", "find_cjk_font", "render_pdf"]


def _no_progress(fraction: float, message: str) -> None:
    pass


def render_pdf(doc: ReportDoc, path: str | Path, *, font: FontChoice | None = None, progress=_no_progress,
               cancel=None) -> int:
    """Write the document as a PDF at path; the number of pages.

    font: the Chinese font to embed (None: the first usable one on this machine,
    or FontNotFound saying what to install). progress(fraction, message) is called
    as pages are laid out; cancel.check() (a services CancelToken) is called between
    blocks and raises to stop. The file is written next to the target and moved into
    place, so a failure or a cancel never leaves half a PDF (or clobbers the old one).
    """
    from sellerdesk.exporters.atomic_file import atomic_write
    from sellerdesk.exporters.pdf.cjk_font import register_cjk_font
    from sellerdesk.exporters.pdf.layout import build

    font_name = register_cjk_font(font or find_cjk_font())
    pages: list[int] = []
    atomic_write(Path(path), lambda tmp: pages.append(build(doc, tmp, font_name, progress, cancel)))
    return pages[0]
