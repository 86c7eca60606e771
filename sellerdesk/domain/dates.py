"""Dates and times as the exports write them, normalised to ISO text.

Stored values are naive local China time (Asia/Shanghai) as ISO strings
'YYYY-MM-DD HH:MM:SS': they sort and compare as text in SQLite and cost
nothing to keep. Excel re-saves dates as '2025/11/11 20:00' or '2025/1/5 9:03:07';
both forms are accepted.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

SHOP_ZONE = ZoneInfo("Asia/Shanghai")  # the stored times' zone (and the platforms' festivals')
_SLASHED = re.compile(
    r"^(\d{4})[/.\-年](\d{1,2})[/.\-月](\d{1,2})日?"
    r"(?:[ T]+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?(?:\.\d+)?)?$"
)


def parse_datetime(text: str) -> str:
    """Return 'YYYY-MM-DD HH:MM:SS' or raise ValueError."""
    # Fast path: the platform's own form, validated by the C parser.
    if len(text) == 19 and text[4] == "-" and text[10] == " ":
        datetime.fromisoformat(text)
        return text
    m = _SLASHED.match(text.strip())
    if not m:
        raise ValueError(text)
    y, mo, d, h, mi, s = (int(g) if g else 0 for g in m.groups())
    return datetime(y, mo, d, h, mi, s).strftime("%Y-%m-%d %H:%M:%S")


def datetime_from_cell(value: object) -> str:
    """A typed spreadsheet cell (datetime/date) or text to ISO text."""
    if isinstance(value, datetime):
        return value.replace(microsecond=0).strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.strftime("%Y-%m-%d 00:00:00")
    return parse_datetime(str(value))


def day_of(iso: str) -> str:
    """'2025-11-11 20:00:00' -> '2025-11-11'."""
    return iso[:10]


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # after CR/LF were turned into LF


def plain_text(text: str | None) -> str:
    """Text without control characters, line breaks as LF ('' for None): a calendar file's fields."""
    if not text:
        return ""
    return _CONTROL.sub("", str(text).replace("\r\n", "\n").replace("\r", "\n"))


def one_line(text: str | None) -> str:
    """plain_text on one line (a title, an owner, a checklist item): line breaks become spaces."""
    return plain_text(text).replace("\n", " ").strip()
