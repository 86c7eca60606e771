"""Group rules: conditions on a buyer's figures, combined with all/any.

Built-in groups and the user's custom groups are both Rules. The store turns a
Rule into SQL over buyer_stats (store/buyer_rules.py); `Rule.matches` here is
the reference the SQL is tested against, and what explains "why is this buyer
here". Values are plain JSON types: money in fen, dates as 'YYYY-MM-DD'.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sellerdesk.domain.buyers import BuyerFacts
from sellerdesk.domain.checks import is_whole
from sellerdesk.domain.errors import BilingualError


class Kind(StrEnum):
    COUNT = "count"  # whole number >= 0
    MONEY = "money"  # fen >= 0
    DAYS = "days"  # whole days >= 0
    DATE = "date"  # 'YYYY-MM-DD'
    TEXT = "text"
    BOOL = "bool"
    TAG = "tag"


class Field(StrEnum):
    ORDERS = "orders"  # countable orders
    PAID = "paid"  # paid total, fen
    AOV = "aov"  # average order value, fen
    FIRST_ORDER = "first_order"  # day of the first countable order
    LAST_ORDER = "last_order"  # day of the last countable order
    DAYS_SINCE_LAST = "days_since_last"  # days from the last countable order to the as-of date
    DAYS_SINCE_FIRST = "days_since_first"
    PLATFORM = "platform"
    PROVINCE = "province"
    CITY = "city"
    ITEM_TITLE = "item_title"  # bought an item whose title contains the text
    SKU = "sku"  # bought this merchant code (商家编码)
    HAD_REFUND = "had_refund"  # at least one order with a successful refund
    TAG = "tag"


class Op(StrEnum):
    EQ = "="
    NE = "!="
    LT = "<"
    LE = "<="
    GT = ">"
    GE = ">="
    BETWEEN = "between"  # inclusive at both ends
    CONTAINS = "contains"
    IS = "is"  # booleans
    HAS = "has"  # tags
    HAS_NOT = "has_not"


_ORDERED = (Op.EQ, Op.NE, Op.LT, Op.LE, Op.GT, Op.GE, Op.BETWEEN)

FIELD_KINDS: dict[Field, Kind] = {
    Field.ORDERS: Kind.COUNT, Field.PAID: Kind.MONEY, Field.AOV: Kind.MONEY,
    Field.FIRST_ORDER: Kind.DATE, Field.LAST_ORDER: Kind.DATE,
    Field.DAYS_SINCE_LAST: Kind.DAYS, Field.DAYS_SINCE_FIRST: Kind.DAYS,
    Field.PLATFORM: Kind.TEXT, Field.PROVINCE: Kind.TEXT, Field.CITY: Kind.TEXT,
    Field.ITEM_TITLE: Kind.TEXT, Field.SKU: Kind.TEXT, Field.HAD_REFUND: Kind.BOOL, Field.TAG: Kind.TAG,
}

FIELD_OPS: dict[Field, tuple[Op, ...]] = {
    **{f: _ORDERED for f, k in FIELD_KINDS.items() if k in (Kind.COUNT, Kind.MONEY, Kind.DAYS, Kind.DATE)},
    Field.PLATFORM: (Op.EQ, Op.NE), Field.PROVINCE: (Op.EQ, Op.NE, Op.CONTAINS),
    Field.CITY: (Op.EQ, Op.NE, Op.CONTAINS), Field.ITEM_TITLE: (Op.CONTAINS,), Field.SKU: (Op.EQ,),
    Field.HAD_REFUND: (Op.IS,), Field.TAG: (Op.HAS, Op.HAS_NOT),
}


class RuleError(BilingualError):
    """A rule a user cannot save: the reason in Chinese and English."""


@dataclass(frozen=True, slots=True)
class Condition:
    field: Field
    op: Op
    value: Any = None
    value2: Any = None  # the upper end of BETWEEN

    def validate(self) -> None:
        """Raise RuleError when the condition cannot be used as it stands."""
        if self.op not in FIELD_OPS[self.field]:
            raise RuleError(f"“{self.field}”不能用“{self.op}”比较。", f"{self.field} cannot be compared with {self.op}.")
        kind = FIELD_KINDS[self.field]
        values = [self.value] + ([self.value2] if self.op == Op.BETWEEN else [])
        for v in values:
            _check_value(kind, v)
        if self.op == Op.BETWEEN and values[0] > values[1]:
            raise RuleError("范围的起点大于终点。", "The start of the range is after its end.")

    def matches(self, facts: BuyerFacts, as_of: date) -> bool:
        kind = FIELD_KINDS[self.field]
        if kind is Kind.TAG:
            has = self.value in facts.tags
            return has if self.op == Op.HAS else not has
        if self.field == Field.ITEM_TITLE:
            return any(self.value in t for t in facts.titles)
        if self.field == Field.SKU:
            return self.value in facts.skus
        actual = _FACT_VALUES[self.field](facts, as_of)
        if kind is Kind.BOOL:
            return bool(actual) == bool(self.value)
        if actual is None:
            return self.op == Op.NE and kind is Kind.TEXT
        if self.op == Op.CONTAINS:
            return str(self.value) in actual
        if self.op == Op.BETWEEN:
            return self.value <= actual <= self.value2
        return _COMPARE[self.op](actual, self.value)

    def to_json(self) -> dict:
        data = {"field": self.field.value, "op": self.op.value, "value": self.value}
        if self.op == Op.BETWEEN:
            data["value2"] = self.value2
        return data

    @classmethod
    def from_json(cls, data: dict) -> Condition:
        try:
            return cls(Field(data["field"]), Op(data["op"]), data.get("value"), data.get("value2"))
        except (KeyError, ValueError, TypeError) as exc:
            raise RuleError(f"无法读取条件：{data!r}", f"Unreadable condition: {data!r}") from exc


@dataclass(frozen=True, slots=True)
class Rule:
    match: str = "all"  # 'all' or 'any'
    conditions: tuple[Condition, ...] = ()

    def validate(self) -> None:
        if self.match not in ("all", "any"):
            raise RuleError("条件组合只能是“全部满足”或“任一满足”。", "Conditions combine as 'all' or 'any'.")
        if not self.conditions:
            raise RuleError("请至少添加一个条件。", "Add at least one condition.")
        for c in self.conditions:
            c.validate()

    def matches(self, facts: BuyerFacts, as_of: date) -> bool:
        hits = (c.matches(facts, as_of) for c in self.conditions)
        return all(hits) if self.match == "all" else any(hits)

    def to_json(self) -> str:
        return json.dumps({"match": self.match, "conditions": [c.to_json() for c in self.conditions]},
                          ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Rule:
        try:
            data = json.loads(text)
            return cls(data.get("match", "all"), tuple(Condition.from_json(c) for c in data.get("conditions", [])))
        except (ValueError, AttributeError, TypeError) as exc:
            if isinstance(exc, RuleError):
                raise
            raise RuleError("无法读取分组规则。", "The group rule cannot be read.") from exc


def all_of(*conditions: Condition) -> Rule:
    return Rule("all", tuple(conditions))


def _check_value(kind: Kind, v: Any) -> None:
    if kind in (Kind.COUNT, Kind.MONEY, Kind.DAYS):
        if not is_whole(v):
            raise RuleError("请填写一个整数。", "Enter a whole number.")
        if v < 0:
            word = {Kind.COUNT: ("订单数", "An order count"), Kind.MONEY: ("金额", "An amount"),
                    Kind.DAYS: ("天数", "A number of days")}[kind]
            raise RuleError(f"{word[0]}不能为负数。", f"{word[1]} cannot be negative.")
    elif kind is Kind.DATE:
        try:
            # Exactly 'YYYY-MM-DD': dates compare as text, and Python 3.11 also accepts '20251111'.
            ok = date.fromisoformat(v).isoformat() == v
        except (TypeError, ValueError):
            ok = False
        if not ok:
            raise RuleError("日期格式应为 2025-11-11。", "Dates are written 2025-11-11.") from None
    elif kind is Kind.BOOL:
        if not isinstance(v, bool):
            raise RuleError("请选择是或否。", "Choose yes or no.")
    elif not isinstance(v, str) or not v.strip():
        raise RuleError("请填写要匹配的文字。", "Enter the text to match.")


_FACT_VALUES: dict[Field, Callable[[BuyerFacts, date], Any]] = {
    Field.ORDERS: lambda f, d: f.countable_orders,
    Field.PAID: lambda f, d: f.paid_fen,
    Field.AOV: lambda f, d: f.aov_fen,
    Field.FIRST_ORDER: lambda f, d: f.first_order_day,
    Field.LAST_ORDER: lambda f, d: f.last_order_day,
    Field.DAYS_SINCE_LAST: lambda f, d: f.days_since_last(d),
    Field.DAYS_SINCE_FIRST: lambda f, d: f.days_since_first(d),
    Field.PLATFORM: lambda f, d: f.platform,
    Field.PROVINCE: lambda f, d: f.province,
    Field.CITY: lambda f, d: f.city,
    Field.HAD_REFUND: lambda f, d: f.refunded_orders > 0,
}

_COMPARE: dict[Op, Callable[[Any, Any], bool]] = {
    Op.EQ: lambda a, b: a == b, Op.NE: lambda a, b: a != b, Op.LT: lambda a, b: a < b,
    Op.LE: lambda a, b: a <= b, Op.GT: lambda a, b: a > b, Op.GE: lambda a, b: a >= b,
}
