"""The retrospective report as a printable PDF (reportlab platypus, A4, a Chinese font embedded).

render_pdf renders any ReportDoc (sellerdesk.domain.report_doc); it knows
nothing about campaigns. reportlab is imported only when a PDF is written, so
importing this package costs nothing at start-up.
"""

from __future__ import annotations

import threading
from pathlib import Path

from sellerdesk.domain.report_doc import ReportDoc
from sellerdesk.exporters.pdf.cjk_font import FontChoice, FontNotFound, find_cjk_font

__all__ = ["FontChoice", "FontNotFound", "find_cjk_font", "prepare_pdf", "render_pdf"]


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
    from sellerdesk.exporters.pdf.layout import build

    font_name = prepare_pdf(font)
    pages: list[int] = []
    atomic_write(Path(path), lambda tmp: pages.append(build(doc, tmp, font_name, progress, cancel)))
    return pages[0]


_prepare_lock = threading.Lock()
_default_fonts: dict[str | None, FontChoice] = {}  # by the environment variable's value


def prepare_pdf(font: FontChoice | None = None) -> str:
    """Load reportlab and the Chinese font (the first PDF of a process spends ~0.2 s on them);
    the font name for the styles. Safe from any thread: the report starts it on one while it
    reads its figures, which mostly run inside SQLite without the GIL, so the two overlap.
    Raises FontNotFound (and finds again next time: a font may be installed meanwhile)."""
    import os

    from sellerdesk.exporters.pdf import layout  # noqa: F401  reportlab's platypus, loaded here
    from sellerdesk.exporters.pdf.cjk_font import ENV_VAR, register_cjk_font

    with _prepare_lock:
        if font is None:
            wanted = os.environ.get(ENV_VAR)
            font = _default_fonts.get(wanted)
            if font is None:
                font = _default_fonts[wanted] = find_cjk_font()  # loads each candidate: found once
        return register_cjk_font(font)
