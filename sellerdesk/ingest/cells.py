"""Cleaning the cells platforms write, and typed readers for one cell.

The tricks seen in real exports: Taobao's `="35153131473293579"` and `'1392...`
phone prefix, Pinduoduo's lone-tab and tab-prefixed cells, Douyin's `"\\t..."`
cells and `-` for empty, 1688's `¥`, and `--`, `null`, `#NULL!` placeholders.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from operator import itemgetter

from sellerdesk.domain.dates import datetime_from_cell
from sellerdesk.domain.money import fen_from_number, parse_fen

_EMPTY = frozenset({"", "-", "--", "null", "NULL", "None", "#NULL!", "无", "=\"\"", "\"\""})
_TRICK_START = frozenset("=\"'\t \r\n")
_TRICK_END = frozenset(" \t\r\n\"")
# The cleaning rules, defined once: a leading formula/quote/apostrophe and
# blanks, trailing quotes and blanks, and whole-cell placeholders.
_LEAD = re.compile(r'^[ \t\r\n]*(?:="|=|")?[ \t]*\'?')
_TRAIL = re.compile(r'[ \t\r\n"]+$')
_PLACEHOLDER = re.compile(r'^(?:-|--|null|NULL|None|#NULL!|无)$')


def clean(value: object) -> str:
    """Any cell to clean text; '' for empty placeholders."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return _number_text(value)
    if not value:
        return value
    if value[0] in _TRICK_START or value[-1] in _TRICK_END or value in _EMPTY:
        return _clean_text(value)
    return value


def clean_by_rules(value: str) -> str:
    return _PLACEHOLDER.sub("", _TRAIL.sub("", _LEAD.sub("", value)))


def _clean_text(value: str) -> str:
    """clean_by_rules(), with the two tricks of the bulk path done by slicing."""
    if value[:2] == '="' and value[-1] == '"':  # Taobao ids: ="35153131473293579"
        inner = value[2:-1]
        if inner and inner[0] not in _TRICK_START and inner[-1] not in _TRICK_END and inner not in _EMPTY:
            return inner
    elif value[0] == "'" and len(value) > 1:  # Taobao phones: '13925130165
        inner = value[1:]
        if inner[0] not in _TRICK_START and inner[-1] not in _TRICK_END and inner not in _EMPTY:
            return inner
    return clean_by_rules(value)


def needs_no_cleaning(values) -> bool:
    """True when clean() would leave every text cell as it is: no trick at either end of a
    cell and no placeholder. C-level set checks over a whole column (the bulk path)."""
    filled = list(filter(None, values))
    return (_TRICK_START.isdisjoint(map(itemgetter(0), filled))
            and _TRICK_END.isdisjoint(map(itemgetter(-1), filled))
            and _EMPTY.isdisjoint(filled))


def clean_all(values: tuple) -> list[str]:
    """clean() over a row's cells, paying for a call only where a cell needs one."""
    return [
        v if v.__class__ is str and v and v[0] not in _TRICK_START and v[-1] not in _TRICK_END
        and v not in _EMPTY else clean(v)
        for v in values
    ]


def _number_text(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.strftime("%Y-%m-%d")
    return str(value)


def opt_text(value: object) -> str | None:
    v = clean(value)
    return v or None


def fen(value: object) -> int:
    """A required amount; raises ValueError on anything that is not money."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return fen_from_number(value)
    return parse_fen(clean(value))


def opt_fen(value: object) -> int | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return fen_from_number(value)
    v = clean(value)
    return parse_fen(v) if v else None


def opt_datetime(value: object) -> str | None:
    if isinstance(value, (datetime, date)):
        return datetime_from_cell(value)
    v = clean(value)
    return datetime_from_cell(v) if v else None


def opt_int(value: object) -> int | None:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int):
        return value
    v = clean(value).replace(",", "")
    if not v:
        return None
    if v.endswith(".0"):
        v = v[:-2]
    return int(v)
