"""Group rules (domain.rules.Rule) as SQL over a buyer facts table.

`where(rule, as_of)` gives an SQL expression and its parameters; it reads the
columns of buyer_stats (or the as-of temp table, which has the same columns),
aliased `s`. Every condition is wrapped in coalesce(..., 0) so a missing value
is "no" in SQL exactly as in Rule.matches (tests compare the two on generated
shops). Days since an order become day comparisons, so the indexes serve.
"""

from __future__ import annotations

from datetime import date, timedelta

from sellerdesk.domain.rules import Condition, Field, Op, Rule
from sellerdesk.store.sql_parts import countable

_COLUMNS = {
    Field.ORDERS: "s.countable_orders", Field.PAID: "s.paid_fen", Field.AOV: "s.aov_fen",
    Field.FIRST_ORDER: "s.first_order_day", Field.LAST_ORDER: "s.last_order_day",
    Field.PLATFORM: "b.platform", Field.PROVINCE: "b.province", Field.CITY: "b.city",
}
_DAY_COLUMNS = {Field.DAYS_SINCE_LAST: "s.last_order_day", Field.DAYS_SINCE_FIRST: "s.first_order_day"}
# days since <op> n  <=>  day <flipped op> as_of - n
_FLIPPED = {Op.EQ: Op.EQ, Op.NE: Op.NE, Op.LT: Op.GT, Op.LE: Op.GE, Op.GT: Op.LT, Op.GE: Op.LE}
BOUGHT = f"o.buyer_id = s.buyer_id AND {countable('o')} AND coalesce(o.created_at, '') < ?"

def from_facts(table: str, *sql: str) -> str:
    """The FROM clause for these expressions: the buyers table is joined only when one reads it
    (a 300,000-row join costs more than counting every built-in group)."""
    if any("b." in part for part in sql):
        return f"{table} s JOIN buyers b ON b.id = s.buyer_id"
    return f"{table} s"


def where(rule: Rule, as_of: date, unless: tuple[Rule, ...] = ()) -> tuple[str, list]:
    """SQL for "rule matches and no `unless` rule matches"."""
    sql, params = _rule(rule, as_of)
    for other in unless:
        other_sql, other_params = _rule(other, as_of)
        sql = f"({sql}) AND NOT ({other_sql})"
        params += other_params
    return sql, params


class Atoms:
    """The distinct conditions of many groups, each evaluated once per buyer.

    Built-in groups share most of their conditions (RFM thresholds, order counts),
    so counting all groups evaluates each distinct condition once, packs the
    answers into bit masks and combines them per distinct mask in Python.
    """

    BITS = 62  # per mask column (SQLite integers are signed 64-bit)

    def __init__(self, as_of: date):
        self.as_of = as_of
        self.sql: list[str] = []
        self.params: list[list] = []
        self._index: dict[tuple, int] = {}

    def of_rule(self, rule: Rule) -> tuple[str, tuple[int, ...]]:
        return rule.match, tuple(self._atom(c) for c in rule.conditions)

    def _atom(self, c: Condition) -> int:
        sql, params = _condition(c, self.as_of)
        key = (sql, tuple(params))
        if key not in self._index:
            self._index[key] = len(self.sql)
            self.sql.append(f"coalesce({sql}, 0)")
            self.params.append(params)
        return self._index[key]

    def mask_columns(self) -> tuple[list[str], list]:
        """SQL for the mask columns (atom i is bit i % BITS of column i // BITS) and their parameters."""
        columns, params = [], []
        for start in range(0, max(len(self.sql), 1), self.BITS):
            part = self.sql[start:start + self.BITS]
            columns.append(" + ".join(f"({sql} << {i})" for i, sql in enumerate(part)) or "0")
            for p in self.params[start:start + self.BITS]:
                params += p
        return columns, params

    def bits(self, masks: tuple[int, ...]) -> list[bool]:
        return [bool(masks[i // self.BITS] >> (i % self.BITS) & 1) for i in range(len(self.sql))]


def holds(compiled: tuple[str, tuple[int, ...]], bits: list[bool]) -> bool:
    match, atoms = compiled
    return all(bits[i] for i in atoms) if match == "all" else any(bits[i] for i in atoms)


def _rule(rule: Rule, as_of: date) -> tuple[str, list]:
    if not rule.conditions:
        return ("1" if rule.match == "all" else "0"), []
    parts, params = [], []
    for c in rule.conditions:
        sql, p = _condition(c, as_of)
        parts.append(f"coalesce({sql}, 0)")
        params += p
    joiner = " AND " if rule.match == "all" else " OR "
    return joiner.join(parts), params


def _condition(c: Condition, as_of: date) -> tuple[str, list]:
    until = (as_of + timedelta(days=1)).isoformat()
    if c.field == Field.TAG:
        sql = "s.buyer_id IN (SELECT buyer_id FROM buyer_tags WHERE tag = ?)"
        return (sql if c.op == Op.HAS else f"NOT {sql}"), [c.value]
    if c.field == Field.ITEM_TITLE:
        return (f"(EXISTS (SELECT 1 FROM orders o WHERE {BOUGHT} AND instr(o.title, ?) > 0) OR "
                f"EXISTS (SELECT 1 FROM orders o JOIN order_lines l ON l.platform = o.platform "
                f"AND l.order_no = o.order_no WHERE {BOUGHT} AND instr(l.title, ?) > 0))",
                [until, c.value, until, c.value])
    if c.field == Field.SKU:
        return (f"EXISTS (SELECT 1 FROM orders o JOIN order_lines l ON l.platform = o.platform "
                f"AND l.order_no = o.order_no WHERE {BOUGHT} AND l.sku = ?)", [until, c.value])
    if c.field == Field.HAD_REFUND:
        return ("s.refunded_orders > 0" if c.value else "s.refunded_orders = 0"), []
    if c.field in _DAY_COLUMNS:
        column = _DAY_COLUMNS[c.field]
        if c.op == Op.BETWEEN:  # n1 <= days <= n2  <=>  as_of - n2 <= day <= as_of - n1
            return f"{column} BETWEEN ? AND ?", [_days_before(as_of, c.value2), _days_before(as_of, c.value)]
        return f"{column} {_FLIPPED[c.op].value} ?", [_days_before(as_of, c.value)]
    column = _COLUMNS[c.field]
    if c.op == Op.BETWEEN:
        return f"{column} BETWEEN ? AND ?", [c.value, c.value2]
    if c.op == Op.CONTAINS:
        return f"instr({column}, ?) > 0", [c.value]
    if c.op == Op.NE and column.startswith("b."):  # a missing text differs from any value
        return f"coalesce({column}, '') != ?", [c.value]
    return f"{column} {c.op.value} ?", [c.value]


def _days_before(as_of: date, days: int) -> str:
    return (as_of - timedelta(days=days)).isoformat()
