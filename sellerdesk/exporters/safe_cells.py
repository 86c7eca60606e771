"""Cells a spreadsheet can never run as a formula (CSV / formula injection).

Buyer nicks, names and item titles come from strangers; a nick like
'=HYPERLINK(...)' or '@SUM(...)' must reach Excel or WPS as text. Following
the OWASP CSV-injection guidance, a value whose first character is one of
= + - @ tab CR LF (or their full-width / small forms such as ＝ ＋ － ＠, which
some spreadsheets also accept) gets a single leading quote. The same rule is
applied to leading spaces followed by such a character. The quote is visible
in the cell: that is the price of a rule that holds in every spreadsheet and
in both CSV and xlsx. Phone numbers (digits only) are never changed.

Control characters that xlsx cannot store (and SMS platforms choke on) are
dropped; tab, CR and LF stay.
"""

from __future__ import annotations

import re
import unicodedata

_TRIGGERS = frozenset("=+-@\t\r\n")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _is_trigger(ch: str) -> bool:
    # NFKC maps ＝ ﹦ to '=', ＋ ﹢ to '+', － ﹣ to '-', ＠ ﹫ to '@'.
    return ch in _TRIGGERS or unicodedata.normalize("NFKC", ch) in _TRIGGERS


def needs_quote(text: str) -> bool:
    """True when a spreadsheet might read the text as a formula."""
    if not text:
        return False
    stripped = text.lstrip(" \u3000")
    return _is_trigger(text[0]) or (bool(stripped) and _is_trigger(stripped[0]))


def safe_text(value: object) -> str:
    """The value as cell text: None -> '', formula-looking text -> "'" + text."""
    if value is None:
        return ""
    text = _ILLEGAL.sub("", str(value))
    return "'" + text if needs_quote(text) else text
