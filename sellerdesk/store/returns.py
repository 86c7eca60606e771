"""The returns tab's SQL: finding a buyer or an order as the agent types, and after-sales cases.

Every lookup is an index search bounded by a LIMIT (schema step 4 adds the
indexes), so it answers in milliseconds on 300,000 buyers and a million orders
whatever the agent types. The phone-tail queries must spell the indexed
expression exactly: substr(phone, -4), substr(receiver_phone, -4).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sellerdesk.domain.cases import Case, CaseDraft, CaseStatus, Outcome
from sellerdesk.store.sql_parts import chunks, escape_like

STAMP = "%Y-%m-%d %H:%M:%S"


@dataclass(frozen=True)
class OrderHit:
    platform: str
    order_no: str
    buyer_id: int | None
    shop: str | None
    receiver_name: str | None
    receiver_phone: str | None
    city: str | None
    created_at: str | None
    paid_fen: int | None
    status_text: str | None
    title: str | None


@dataclass(frozen=True)
class BuyerHit:
    buyer_id: int
    platform: str
    account: str | None
    name: str | None
    phone: str | None
    city: str | None
    orders: int  # orders of any status (0 before the figures are refreshed)
    last_order_day: str | None


_ORDER_COLUMNS = ", ".join(OrderHit.__dataclass_fields__)


# Every platform the orders have, each found by one search of the (platform, order_no) key
# (the next platform after the last one found), not by reading the orders.
_ORDER_PLATFORMS = """WITH RECURSIVE p(platform) AS (
    SELECT min(platform) FROM orders
    UNION ALL
    SELECT (SELECT min(platform) FROM orders WHERE platform > p.platform) FROM p WHERE p.platform IS NOT NULL
)"""
_BY_NUMBER = (f"{_ORDER_PLATFORMS} SELECT {_ORDER_COLUMNS} FROM orders "
              f"WHERE platform IN (SELECT platform FROM p) AND order_no = ? ORDER BY created_at DESC LIMIT ?")


def orders_by_number(conn: sqlite3.Connection, order_no: str, limit: int = 20) -> list[OrderHit]:
    """Orders with exactly this number (on any platform), newest first: the (platform, order_no)
    key searched once per platform, as the agent types the number without its platform."""
    return [OrderHit(*r) for r in conn.execute(_BY_NUMBER, (order_no, limit))]


def orders_by_phone_tail(conn: sqlite3.Connection, tail: str, limit: int = 20) -> list[OrderHit]:
    """Orders whose receiver phone ends in these four digits, newest first."""
    return [OrderHit(*r) for r in conn.execute(
        f"SELECT {_ORDER_COLUMNS} FROM orders WHERE substr(receiver_phone, -4) = ? "
        f"ORDER BY created_at DESC LIMIT ?", (tail, limit))]


def buyers_by_phone_tail(conn: sqlite3.Connection, tail: str, limit: int = 20) -> list[int]:
    return [r[0] for r in conn.execute(
        "SELECT id FROM buyers WHERE substr(phone, -4) = ? ORDER BY id DESC LIMIT ?", (tail, limit))]


def buyers_by_prefix(conn: sqlite3.Connection, column: str, prefix: str, limit: int = 20) -> list[int]:
    """Buyers whose nick ('account') or name starts with prefix, ignoring ASCII case; in the
    index's order, so the exact value comes first and the scan stops at the limit."""
    assert column in ("account", "name")
    return [r[0] for r in conn.execute(
        f"SELECT id FROM buyers WHERE {column} LIKE ? ESCAPE '\\' LIMIT ?", (escape_like(prefix) + "%", limit))]


def buyer_hits(conn: sqlite3.Connection, ids: Sequence[int]) -> list[BuyerHit]:
    """The buyers' rows for a match list, in the order of ids (missing ids left out)."""
    found: dict[int, BuyerHit] = {}
    for chunk in chunks(ids):
        marks = ", ".join("?" * len(chunk))
        for r in conn.execute(
                f"SELECT b.id, b.platform, b.account, b.name, b.phone, b.city, coalesce(s.orders, 0), "
                f"s.last_order_day FROM buyers b LEFT JOIN buyer_stats s ON s.buyer_id = b.id "
                f"WHERE b.id IN ({marks})", chunk):
            found[r[0]] = BuyerHit(*r)
    return [found[i] for i in ids if i in found]


def buyer_aov(conn: sqlite3.Connection, buyer_id: int) -> int | None:
    """The buyer's average order value from the kept figures (None before any countable order)."""
    row = conn.execute("SELECT aov_fen FROM buyer_stats WHERE buyer_id = ?", (buyer_id,)).fetchone()
    return row[0] if row else None


def order_lines(conn: sqlite3.Connection, platform: str, order_no: str) -> list[tuple[str | None, str | None]]:
    """(title, sku) of an order's lines in line order."""
    return conn.execute("SELECT title, sku FROM order_lines WHERE platform = ? AND order_no = ? ORDER BY line_key",
                        (platform, order_no)).fetchall()


def units_sold(conn: sqlite3.Connection, items: Iterable[str], start: date, end: date) -> dict[str, int]:
    """Units of each item title in paid orders created from start to end (days, both included):
    the order lines' quantities, or for an order imported without lines (an order report) its
    title and item count. Orders are read by day (CROSS JOIN keeps that order), never all lines."""
    items = sorted(set(items))
    sold: dict[str, int] = {}
    span = (start.isoformat(), _day_after(end))
    for chunk in chunks(items):
        marks = ", ".join("?" * len(chunk))
        for title, units in conn.execute(
                f"SELECT title, sum(units) FROM ("
                f" SELECT l.title AS title, coalesce(l.quantity, 1) AS units FROM orders o "
                f" CROSS JOIN order_lines l ON l.platform = o.platform AND l.order_no = o.order_no "
                f" WHERE o.created_at >= ? AND o.created_at < ? AND coalesce(o.paid_fen, 0) > 0 "
                f" AND l.title IN ({marks})"
                f" UNION ALL"
                f" SELECT o.title, coalesce(o.item_count, 1) FROM orders o "
                f" WHERE o.created_at >= ? AND o.created_at < ? AND coalesce(o.paid_fen, 0) > 0 "
                f" AND o.title IN ({marks}) AND NOT EXISTS (SELECT 1 FROM order_lines l "
                f"  WHERE l.platform = o.platform AND l.order_no = o.order_no)"
                f") GROUP BY title", (*span, *chunk, *span, *chunk)):
            sold[title] = units
    return sold


# --- cases -----------------------------------------------------------------------------------

_CASE_FIELDS = ("order_no", "platform", "buyer_id", "reason", "script_key", "offered", "outcome", "cost_fen",
                "status", "follow_up", "notes", "item_title", "sku", "task_id", "created_at", "closed_at")
_CASE_SELECT = f"SELECT id, {', '.join(_CASE_FIELDS)} FROM cases"


def insert_case(conn: sqlite3.Connection, draft: CaseDraft, now: datetime, task_id: int | None = None) -> int:
    values = _case_values(draft) | {"task_id": task_id, "created_at": now.strftime(STAMP),
                                    "closed_at": now.strftime(STAMP) if not draft.is_open else None}
    cur = conn.execute(f"INSERT INTO cases ({', '.join(_CASE_FIELDS)}) VALUES ({', '.join('?' * len(_CASE_FIELDS))})",
                       [values[f] for f in _CASE_FIELDS])
    return cur.lastrowid


def update_case(conn: sqlite3.Connection, case: Case) -> None:
    values = _case_values(case) | {"task_id": case.task_id, "created_at": case.created_at.strftime(STAMP),
                                   "closed_at": case.closed_at.strftime(STAMP) if case.closed_at else None}
    conn.execute(f"UPDATE cases SET {', '.join(f'{f} = ?' for f in _CASE_FIELDS)} WHERE id = ?",
                 [*(values[f] for f in _CASE_FIELDS), case.id])


def get_case(conn: sqlite3.Connection, case_id: int) -> Case | None:
    row = conn.execute(f"{_CASE_SELECT} WHERE id = ?", (case_id,)).fetchone()
    return _case(row) if row else None


def cases_between(conn: sqlite3.Connection, start: date, end: date) -> list[Case]:
    """Cases created from start to end (days, both included), newest first."""
    return [_case(r) for r in conn.execute(
        f"{_CASE_SELECT} WHERE created_at >= ? AND created_at < ? ORDER BY created_at DESC, id DESC",
        (start.isoformat(), _day_after(end)))]


def cases_for_figures(conn: sqlite3.Connection, start: date, end: date, since: date) -> list[Case]:
    """What domain.cases.after_sales_figures needs: the period's cases, those created since `since`
    (the at-risk window) and every open case, each once."""
    return [_case(r) for r in conn.execute(
        f"{_CASE_SELECT} WHERE (created_at >= ? AND created_at < ?) OR status != 'resolved' ORDER BY created_at, id",
        (min(start, since).isoformat(), _day_after(end)))]


def cases_of_buyer(conn: sqlite3.Connection, buyer_id: int) -> list[Case]:
    return [_case(r) for r in conn.execute(
        f"{_CASE_SELECT} WHERE buyer_id = ? ORDER BY created_at DESC, id DESC", (buyer_id,))]


def cases_of_orders(conn: sqlite3.Connection, order_nos: Sequence[str]) -> list[Case]:
    """Cases naming any of these orders (also those logged before the order was imported)."""
    found: list[Case] = []
    for chunk in chunks(list(order_nos)):
        marks = ", ".join("?" * len(chunk))
        found += [_case(r) for r in conn.execute(f"{_CASE_SELECT} WHERE order_no IN ({marks})", chunk)]
    return sorted(found, key=lambda c: (c.created_at, c.id), reverse=True)


def _case_values(d: CaseDraft) -> dict:
    return {"order_no": d.order_no.strip(), "platform": d.platform, "buyer_id": d.buyer_id, "reason": d.reason,
            "script_key": d.script_key, "offered": d.offered.strip(),
            "outcome": d.outcome.value if d.outcome else None, "cost_fen": d.cost_fen, "status": d.status.value,
            "follow_up": d.follow_up.isoformat() if d.follow_up else None, "notes": d.notes,
            "item_title": d.item_title, "sku": d.sku}


def _case(row: tuple) -> Case:
    (case_id, order_no, platform, buyer_id, reason, script_key, offered, outcome, cost_fen, status, follow_up,
     notes, item_title, sku, task_id, created_at, closed_at) = row
    return Case(order_no=order_no, reason=reason, platform=platform, buyer_id=buyer_id, script_key=script_key,
                offered=offered, outcome=Outcome(outcome) if outcome else None, cost_fen=cost_fen,
                status=CaseStatus(status), follow_up=date.fromisoformat(follow_up) if follow_up else None,
                notes=notes, item_title=item_title, sku=sku, id=case_id,
                created_at=datetime.strptime(created_at, STAMP),
                closed_at=datetime.strptime(closed_at, STAMP) if closed_at else None, task_id=task_id)


def _day_after(day: date) -> str:
    return date.fromordinal(day.toordinal() + 1).isoformat()


def recent_orders(conn: sqlite3.Connection, start: date, end: date, limit: int) -> list[tuple[str, date]]:
    """Countable-looking orders placed from start to end (a buyer known, money paid), newest first:
    (order number, day placed). For the demo shop's cases."""
    rows = conn.execute(
        "SELECT order_no, substr(created_at, 1, 10) FROM orders WHERE created_at >= ? AND created_at < ? "
        "AND buyer_id IS NOT NULL AND paid_fen > 0 ORDER BY created_at DESC LIMIT ?",
        (start.isoformat(), (end + timedelta(days=1)).isoformat(), limit)).fetchall()
    return [(no, date.fromisoformat(day)) for no, day in rows]
