"""Rules in words: field and operator labels, and a one-line description of a rule."""

from __future__ import annotations

from sellerdesk.domain.money import format_yuan
from sellerdesk.domain.rules import FIELD_KINDS, Condition, Field, Kind, Op, Rule

FIELD_LABELS: dict[Field, tuple[str, str]] = {
    Field.ORDERS: ("有效订单数", "Countable orders"),
    Field.PAID: ("消费总额", "Paid total"),
    Field.AOV: ("客单价", "Average order value"),
    Field.FIRST_ORDER: ("首单日期", "First order date"),
    Field.LAST_ORDER: ("最近下单日期", "Last order date"),
    Field.DAYS_SINCE_LAST: ("距最近下单天数", "Days since last order"),
    Field.DAYS_SINCE_FIRST: ("距首单天数", "Days since first order"),
    Field.PLATFORM: ("平台", "Platform"),
    Field.PROVINCE: ("省份", "Province"),
    Field.CITY: ("城市", "City"),
    Field.ITEM_TITLE: ("买过的商品标题", "Bought item title"),
    Field.SKU: ("买过的商家编码", "Bought SKU"),
    Field.HAD_REFUND: ("有过退款", "Had a refund"),
    Field.TAG: ("标签", "Tag"),
}

OP_LABELS: dict[Op, tuple[str, str]] = {
    Op.EQ: ("等于", "is"), Op.NE: ("不等于", "is not"), Op.LT: ("小于", "less than"),
    Op.LE: ("不超过", "at most"), Op.GT: ("大于", "more than"), Op.GE: ("至少", "at least"),
    Op.BETWEEN: ("介于", "between"), Op.CONTAINS: ("包含", "contains"), Op.IS: ("是", "is"),
    Op.HAS: ("有", "has"), Op.HAS_NOT: ("没有", "has not"),
}

_DATE_OPS: dict[Op, tuple[str, str]] = {
    Op.LT: ("早于", "before"), Op.LE: ("不晚于", "on or before"), Op.GT: ("晚于", "after"),
    Op.GE: ("不早于", "on or after"),
}


def op_label(field: Field, op: Op, lang: str = "zh") -> str:
    pair = _DATE_OPS.get(op) if FIELD_KINDS[field] is Kind.DATE else None
    pair = pair or OP_LABELS[op]
    return pair[0] if lang == "zh" else pair[1]


def format_value(field: Field, value: object, lang: str = "zh") -> str:
    kind = FIELD_KINDS[field]
    if kind is Kind.MONEY and isinstance(value, int):
        return format_yuan(value)
    if kind is Kind.DAYS:
        return f"{value} 天" if lang == "zh" else f"{value} days"
    if kind is Kind.BOOL:
        return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")
    if kind in (Kind.TEXT, Kind.TAG):
        return f"“{value}”"
    return str(value)


def describe_condition(c: Condition, lang: str = "zh") -> str:
    field = FIELD_LABELS[c.field][0 if lang == "zh" else 1]
    if c.field == Field.HAD_REFUND:
        if lang == "zh":
            return "有过退款" if c.value else "没有退款"
        return "had a refund" if c.value else "no refund"
    if c.field == Field.TAG:
        word = op_label(c.field, c.op, lang)
        return f"{word}标签{format_value(c.field, c.value, lang)}" if lang == "zh" else \
            f"{word} tag {format_value(c.field, c.value, lang)}"
    op = op_label(c.field, c.op, lang)
    if c.op == Op.BETWEEN:
        lo, hi = format_value(c.field, c.value, lang), format_value(c.field, c.value2, lang)
        return f"{field}{op} {lo} 和 {hi} 之间" if lang == "zh" else f"{field} {op} {lo} and {hi}"
    sep = "" if lang == "zh" else " "
    return f"{field}{sep}{op} {format_value(c.field, c.value, lang)}"


def describe_rule(rule: Rule, lang: str = "zh") -> str:
    if not rule.conditions:
        return "所有买家" if lang == "zh" else "every buyer"
    joiner = {("all", "zh"): "，且", ("any", "zh"): "，或", ("all", "en"): "; and ", ("any", "en"): "; or "}
    return joiner[(rule.match, "zh" if lang == "zh" else "en")].join(describe_condition(c, lang)
                                                                      for c in rule.conditions)
