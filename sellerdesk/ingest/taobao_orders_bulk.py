"""The Taobao order report's bulk path: a chunk of rows converted column by column.

A million-row export is mostly well-formed, so a chunk of rows is transposed
into columns and each column is checked and converted with C-level work
(set checks over a column's first and last characters, regexes over the
joined column, map() with builtins and dict lookups) instead of a Python
call per cell. The moment any check fails the
chunk is handed back (None) and the row-by-row path parses it, reporting
broken rows exactly as always: that path defines the rules, this one only
recognises the common case faster (tests/ingest/test_taobao_orders_bulk.py
checks that both give the same orders).
"""

from __future__ import annotations

import re
from collections import deque
from datetime import datetime
from operator import itemgetter, methodcaller

from sellerdesk.domain.orders import OrderBatch
from sellerdesk.ingest.cells import clean, needs_no_cleaning
from sellerdesk.ingest.taobao_status import TAOBAO_STATUS

_SEP = "\x1f"


def _whole_column(cell: str) -> re.Pattern:
    """A pattern for a whole column joined by _SEP, each cell empty or matching `cell`."""
    return re.compile(f"(?:{cell})?(?:\x1f(?:{cell})?)*")


_ISO = _whole_column(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}")
_MONEY = _whole_column(r"[0-9]+\.[0-9]{2}元?")
_COUNT = _whole_column(r"[0-9]+")
_MONEY_FIELDS = ("goods", "shipping", "paid", "refund", "settled")
_to_full_width_comma = methodcaller("replace", ",", "，")


class _Fallback(Exception):
    """This chunk needs the row-by-row path."""


def parse_chunk(chunk: list[tuple[int, list]], positions: dict[str, int], width: int,
                refund_rule) -> OrderBatch | None:
    """Orders for a chunk of (row number, cells), or None when the chunk needs the row path.

    positions: field key -> column index for the columns the file has;
    refund_rule(status, paid_at, paid, refund, settled) -> (refund_fen, refund_state).
    """
    try:
        return _parse(chunk, positions, width, refund_rule)
    except _Fallback:
        return None


def _parse(chunk, positions, width, refund_rule) -> OrderBatch:
    if min(map(len, map(itemgetter(1), chunk))) < width:
        raise _Fallback  # short rows: blank, totals or broken lines
    keys = list(positions)
    picked = list(map(itemgetter(*positions.values()), map(itemgetter(1), chunk)))
    raw = dict(zip(keys, zip(*picked)))
    n = len(chunk)
    col = {k: _clean_column(v) for k, v in raw.items()}
    blank = [""] * n

    def get(key: str) -> list[str]:
        return col.get(key, blank)

    order_no = get("order_no")
    digits = "".join(order_no)
    if "" in order_no or not (digits.isdigit() and digits.isascii()):
        raise _Fallback  # missing ids, totals rows, ids Excel turned into numbers: the row path decides
    status_text = get("status")
    statuses = list(map(TAOBAO_STATUS.get, map(_to_full_width_comma, status_text)))
    if None in statuses:
        raise _Fallback
    created, paid_at = _datetimes(get("created")), _datetimes(get("paid_at"))
    money = {k: _fen_column(get(k)) for k in _MONEY_FIELDS}
    quantity = _count_column(get("quantity"))
    refunds = list(map(refund_rule, statuses, paid_at, money["paid"], money["refund"], money["settled"]))
    refund_fen, refund_state = (list(x) for x in zip(*refunds))
    address = _none_if_empty(get("address"))
    phone = [p or t or None for p, t in zip(get("phone"), get("tel"))]
    return OrderBatch("taobao", {
        "order_no": list(order_no),
        "row": list(map(itemgetter(0), chunk)),
        "shop": _none_if_empty(get("shop")),
        "buyer_account": _none_if_empty(get("account")),
        "receiver_name": _none_if_empty(get("name")),
        "receiver_phone": phone,
        "address": address,
        "status": statuses,
        "status_text": list(status_text),
        "created_at": created,
        "paid_at": paid_at,
        "goods_fen": money["goods"],
        "shipping_fen": money["shipping"],
        "paid_fen": money["paid"],
        "refund_fen": refund_fen,
        "refund_state": refund_state,
        "item_count": quantity,
        "title": _none_if_empty(get("title")),
    }, regions_from_address=True)


_PREFIXES = (('="', '"'), ("'", ""))  # Taobao ids ="351...", phones '139...


def _clean_column(values: tuple[str, ...]) -> list[str] | tuple[str, ...]:
    """clean() of every cell, with C-level checks and prefix slicing for whole columns."""
    if needs_no_cleaning(values):
        return values
    filled = list(filter(None, values))
    for prefix, suffix in _PREFIXES:
        if all(map(methodcaller("startswith", prefix), filled)) and (
                not suffix or all(map(methodcaller("endswith", suffix), filled))):
            cut = slice(len(prefix), -len(suffix) or None)
            sliced = [v[cut] if v else v for v in values]
            if all(sliced) == all(values) and needs_no_cleaning(sliced):
                return sliced
    return list(map(clean, values))


def _none_if_empty(values) -> list:
    return [v or None for v in values]


def _datetimes(values) -> list[str | None]:
    """The platform's own 'YYYY-MM-DD HH:MM:SS' (validated by the C parser); anything else falls back."""
    if not _ISO.fullmatch(_SEP.join(values)):
        raise _Fallback
    try:
        deque(map(datetime.fromisoformat, filter(None, values)), maxlen=0)
    except ValueError:
        raise _Fallback from None
    return _none_if_empty(values)


def _fen_column(values) -> list[int | None]:
    """'201.12' / '159.00元' / '' as fen; any other shape falls back to the row path."""
    joined = _SEP.join(values)
    if not _MONEY.fullmatch(joined):
        raise _Fallback
    digits = joined.replace("元", "").replace(".", "").split(_SEP)  # '201.12' -> '20112': the fen
    if "" in values:
        return [int(v) if v else None for v in digits]
    return list(map(int, digits))


def _count_column(values) -> list[int | None]:
    if not _COUNT.fullmatch(_SEP.join(values)):
        raise _Fallback
    if "" in values:
        return [int(v) if v else None for v in values]
    return list(map(int, values))

