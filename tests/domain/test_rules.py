from datetime import date

import pytest

from sellerdesk.domain.buyers import BuyerFacts
from sellerdesk.domain.rules import Condition, Field, Op, Rule, RuleError, all_of

AS_OF = date(2025, 11, 30)
F, O = Field, Op


def buyer(**kw) -> BuyerFacts:
    return BuyerFacts(1, kw.pop("platform", "taobao"), **kw)


ONE = buyer(countable_orders=1, paid_fen=12_000, first_order_day="2025-09-01", last_order_day="2025-09-01",
            province="浙江省", city="杭州市", titles=("纯棉T恤 白色",), skus=("TS-01",), tags=frozenset({"vip"}))
NOBODY_YET = buyer()  # no countable order: dates and AOV are None


@pytest.mark.parametrize(
    "cond, facts, expected",
    [
        (Condition(F.ORDERS, O.EQ, 1), ONE, True),
        (Condition(F.ORDERS, O.GE, 2), ONE, False),
        (Condition(F.PAID, O.GE, 12_000), ONE, True),  # >= at the exact amount
        (Condition(F.PAID, O.GT, 12_000), ONE, False),
        (Condition(F.AOV, O.LE, 12_000), ONE, True),
        (Condition(F.AOV, O.GE, 0), NOBODY_YET, False),  # missing AOV matches no comparison
        (Condition(F.DAYS_SINCE_LAST, O.LE, 90), ONE, True),  # 2025-09-01 -> 2025-11-30 is 90 days
        (Condition(F.DAYS_SINCE_LAST, O.LE, 89), ONE, False),
        (Condition(F.DAYS_SINCE_LAST, O.GE, 0), NOBODY_YET, False),
        (Condition(F.DAYS_SINCE_FIRST, O.BETWEEN, 90, 90), ONE, True),  # inclusive at both ends
        (Condition(F.LAST_ORDER, O.BETWEEN, "2025-08-31", "2025-09-01"), ONE, True),
        (Condition(F.LAST_ORDER, O.LT, "2025-09-01"), ONE, False),
        (Condition(F.FIRST_ORDER, O.NE, "2025-01-01"), NOBODY_YET, False),
        (Condition(F.PLATFORM, O.EQ, "taobao"), ONE, True),
        (Condition(F.PROVINCE, O.CONTAINS, "浙江"), ONE, True),
        (Condition(F.CITY, O.NE, "杭州市"), ONE, False),
        (Condition(F.CITY, O.NE, "杭州市"), NOBODY_YET, True),  # no city is "not Hangzhou"
        (Condition(F.CITY, O.EQ, "杭州市"), NOBODY_YET, False),
        (Condition(F.ITEM_TITLE, O.CONTAINS, "T恤"), ONE, True),
        (Condition(F.ITEM_TITLE, O.CONTAINS, "T恤"), NOBODY_YET, False),
        (Condition(F.SKU, O.EQ, "TS-01"), ONE, True),
        (Condition(F.SKU, O.EQ, "TS-0"), ONE, False),  # a SKU is matched whole
        (Condition(F.HAD_REFUND, O.IS, False), ONE, True),
        (Condition(F.HAD_REFUND, O.IS, True), buyer(refunded_orders=1), True),
        (Condition(F.TAG, O.HAS, "vip"), ONE, True),
        (Condition(F.TAG, O.HAS_NOT, "vip"), ONE, False),
        (Condition(F.TAG, O.HAS_NOT, "vip"), NOBODY_YET, True),
    ],
)
def test_condition_matches(cond, facts, expected):
    cond.validate()
    assert cond.matches(facts, AS_OF) is expected


@pytest.mark.parametrize(
    "last_day, as_of, days",
    [("2025-01-31", date(2025, 3, 1), 29), ("2024-01-31", date(2024, 3, 1), 30),  # leap year
     ("2024-12-31", date(2025, 1, 1), 1), ("2025-11-30", date(2025, 11, 30), 0)],
)
def test_days_since_across_month_and_year_ends(last_day, as_of, days):
    facts = buyer(countable_orders=1, first_order_day=last_day, last_order_day=last_day)
    assert facts.days_since_last(as_of) == days
    assert Condition(F.DAYS_SINCE_LAST, O.LE, days).matches(facts, as_of)
    assert not Condition(F.DAYS_SINCE_LAST, O.LE, days - 1).matches(facts, as_of)


def test_all_and_any():
    yes, no = Condition(F.ORDERS, O.EQ, 1), Condition(F.ORDERS, O.EQ, 2)
    assert Rule("all", (yes, yes)).matches(ONE, AS_OF)
    assert not Rule("all", (yes, no)).matches(ONE, AS_OF)
    assert Rule("any", (no, yes)).matches(ONE, AS_OF)
    assert not Rule("any", (no, no)).matches(ONE, AS_OF)
    assert Rule("all", ()).matches(ONE, AS_OF)  # the empty 'all' is everyone (and does not validate)
    assert not Rule("any", ()).matches(ONE, AS_OF)


@pytest.mark.parametrize(
    "cond, zh, en",
    [
        (Condition(F.ORDERS, O.GE, -1), "订单数不能为负数。", "An order count cannot be negative."),
        (Condition(F.PAID, O.GE, -1), "金额不能为负数。", "An amount cannot be negative."),
        (Condition(F.DAYS_SINCE_LAST, O.LE, -1), "天数不能为负数。", "A number of days cannot be negative."),
        (Condition(F.ORDERS, O.GE, 1.5), "请填写一个整数。", "Enter a whole number."),
        (Condition(F.ORDERS, O.GE, True), "请填写一个整数。", "Enter a whole number."),
        (Condition(F.ORDERS, O.GE, "3"), "请填写一个整数。", "Enter a whole number."),
        (Condition(F.LAST_ORDER, O.GE, "2025/11/11"), "日期格式应为 2025-11-11。", "Dates are written 2025-11-11."),
        (Condition(F.LAST_ORDER, O.GE, "20251111"), "日期格式应为 2025-11-11。", "Dates are written 2025-11-11."),
        (Condition(F.LAST_ORDER, O.GE, "2025-02-30"), "日期格式应为 2025-11-11。", "Dates are written 2025-11-11."),
        (Condition(F.LAST_ORDER, O.GE, None), "日期格式应为 2025-11-11。", "Dates are written 2025-11-11."),
        (Condition(F.HAD_REFUND, O.IS, 1), "请选择是或否。", "Choose yes or no."),
        (Condition(F.CITY, O.EQ, "  "), "请填写要匹配的文字。", "Enter the text to match."),
        (Condition(F.TAG, O.HAS, ""), "请填写要匹配的文字。", "Enter the text to match."),
        (Condition(F.ORDERS, O.BETWEEN, 5, 3), "范围的起点大于终点。", "The start of the range is after its end."),
        (Condition(F.ORDERS, O.BETWEEN, 3, None), "请填写一个整数。", "Enter a whole number."),
        (Condition(F.ORDERS, O.CONTAINS, 3), "“orders”不能用“contains”比较。", "orders cannot be compared with contains."),
        (Condition(F.SKU, O.CONTAINS, "TS"), "“sku”不能用“contains”比较。", "sku cannot be compared with contains."),
    ],
)
def test_condition_validation_messages(cond, zh, en):
    with pytest.raises(RuleError) as err:
        cond.validate()
    assert (err.value.message("zh"), err.value.message("en"), str(err.value)) == (zh, en, en)


@pytest.mark.parametrize(
    "rule, en",
    [(Rule("none", (Condition(F.ORDERS, O.GE, 1),)), "Conditions combine as 'all' or 'any'."),
     (Rule("all", ()), "Add at least one condition."),
     (Rule("any", (Condition(F.ORDERS, O.GE, 1), Condition(F.PAID, O.GE, -5))), "An amount cannot be negative.")],
)
def test_rule_validation(rule, en):
    with pytest.raises(RuleError, match=en.replace(".", r"\.")):
        rule.validate()


def test_boundary_values_are_valid():
    for cond in (Condition(F.ORDERS, O.GE, 0), Condition(F.PAID, O.EQ, 0), Condition(F.DAYS_SINCE_LAST, O.LE, 0),
                 Condition(F.LAST_ORDER, O.BETWEEN, "2024-02-29", "2024-02-29")):
        cond.validate()


@pytest.mark.parametrize(
    "rule",
    [
        all_of(Condition(F.ORDERS, O.GE, 2), Condition(F.PAID, O.BETWEEN, 100, 50_000)),
        Rule("any", (Condition(F.CITY, O.CONTAINS, "杭州"), Condition(F.TAG, O.HAS_NOT, "黑名单"),
                     Condition(F.HAD_REFUND, O.IS, True), Condition(F.LAST_ORDER, O.LT, "2025-11-11"))),
    ],
)
def test_json_round_trip(rule):
    text = rule.to_json()
    back = Rule.from_json(text)
    assert back == rule
    assert back.matches(ONE, AS_OF) == rule.matches(ONE, AS_OF)
    assert all(isinstance(c.field, Field) and isinstance(c.op, Op) for c in back.conditions)


def test_json_keeps_chinese_readable():
    assert "杭州" in Rule("all", (Condition(F.CITY, O.EQ, "杭州"),)).to_json()


@pytest.mark.parametrize(
    "text, en",
    [("not json", "The group rule cannot be read."), ("[1, 2]", "The group rule cannot be read."),
     ('{"conditions": 5}', "The group rule cannot be read."),
     ('{"conditions": [{"field": "colour", "op": "="}]}', "Unreadable condition"),
     ('{"conditions": [{"op": "="}]}', "Unreadable condition"),
     ('{"conditions": ["orders"]}', "Unreadable condition")],
)
def test_unreadable_json(text, en):
    with pytest.raises(RuleError, match=en):
        Rule.from_json(text)


def test_missing_match_defaults_to_all():
    rule = Rule.from_json('{"conditions": [{"field": "orders", "op": ">=", "value": 1}]}')
    assert rule == all_of(Condition(F.ORDERS, O.GE, 1))
