from dataclasses import replace
from datetime import date

import pytest

from sellerdesk.domain.buyers import BuyerFacts
from sellerdesk.domain.rules import RuleError
from sellerdesk.domain.tiers import (
    DEFAULT_TIERS, TierRule, shape_warnings, target_shares, tier_member_rules, tier_of, tier_shape, validate_tiers,
)

AS_OF = date(2025, 11, 30)


def buyer(orders: int, paid_fen: int) -> BuyerFacts:
    day = "2025-11-01" if orders else None
    return BuyerFacts(1, "taobao", countable_orders=orders, paid_fen=paid_fen, first_order_day=day, last_order_day=day)


@pytest.mark.parametrize(
    "orders, paid, tier",
    [
        (0, 0, None),  # no countable order: not a member
        (1, 0, "ordinary"),
        (2, 49_999, "ordinary"),
        (1, 50_000, "senior"),  # ¥500 exactly
        (3, 100, "senior"),  # 3 orders exactly
        (5, 199_999, "senior"),
        (6, 100, "vip"),
        (1, 200_000, "vip"),
        (9, 499_999, "vip"),
        (10, 100, "supreme"),  # many small orders reach the top by count
        (1, 500_000, "supreme"),
    ],
)
def test_default_tier_boundaries(orders, paid, tier):
    got = tier_of(buyer(orders, paid))
    assert (got.key if got else None) == tier


def test_defaults_are_valid_and_named():
    validate_tiers(DEFAULT_TIERS)
    assert [(t.name_zh, t.name_en) for t in DEFAULT_TIERS] == [
        ("普通会员", "Ordinary"), ("高级会员", "Senior"), ("VIP会员", "VIP"), ("至尊VIP", "Supreme VIP")]


# Dimensions that differ from tier to tier: a buyer may qualify for tier 3 and not tier 2.
MIXED = (TierRule("base", "普通", "Base", None, 1), TierRule("spender", "消费达人", "Spender", 100_000, None),
         TierRule("regular", "常客", "Regular", None, 5))


@pytest.mark.parametrize("tiers", [DEFAULT_TIERS, MIXED])
def test_tier_groups_partition_members(tiers):
    validate_tiers(tiers)
    groups = tier_member_rules(tiers)
    for _tier, rule, unless in groups:
        rule.validate()
        for u in unless:
            u.validate()
    for orders in (0, 1, 2, 3, 5, 6, 10, 30):
        for paid in (0, 10_000, 50_000, 100_000, 200_000, 500_000, 900_000):
            if paid and not orders:
                continue
            facts = buyer(orders, paid)
            hits = [t.key for t, r, u in groups
                    if r.matches(facts, AS_OF) and not any(x.matches(facts, AS_OF) for x in u)]
            expected = tier_of(facts, tiers)
            assert hits == ([expected.key] if expected else [])


def test_mixed_tiers_pick_the_highest():
    assert tier_of(buyer(5, 100), MIXED).key == "regular"
    assert tier_of(buyer(2, 100_000), MIXED).key == "spender"
    assert tier_of(buyer(6, 200_000), MIXED).key == "regular"


def test_describe():
    assert DEFAULT_TIERS[1].describe() == ("消费 ≥ ¥500.00 或 有效订单 ≥ 3 笔",
                                           "paid at least ¥500.00 or at least 3 countable orders")
    assert DEFAULT_TIERS[0].describe() == ("有效订单 ≥ 1 笔", "at least 1 countable order")


def _tiers(*specs):
    return tuple(TierRule(f"t{i}", f"等级{i}", f"Tier {i}", p, o) for i, (p, o) in enumerate(specs))


@pytest.mark.parametrize(
    "tiers, en",
    [
        (_tiers((None, 1)), "Use 2 to 6 member tiers."),
        (_tiers((None, 1), *[(100 * i, i + 1) for i in range(1, 7)]), "Use 2 to 6 member tiers."),
        ((TierRule("a", "甲", "A", None, 1), TierRule("a", "乙", "B", 100, 2)),
         "Tier keys use lowercase letters, digits and underscores, each once."),
        ((TierRule("a", "甲", "A", None, 1), TierRule("B-2", "乙", "B", 100, 2)),
         "Tier keys use lowercase letters, digits and underscores, each once."),
        ((TierRule("a", "甲", "A", None, 1), TierRule("b", " ", "B", 100, 2)),
         "Every tier needs a Chinese and an English name."),
        ((TierRule("a", "甲", "A", None, 1), TierRule("b", "乙", "", 100, 2)),
         "Every tier needs a Chinese and an English name."),
        (_tiers((None, 1), (-100, 2)), "The thresholds of Tier 1 must be above 0."),
        (_tiers((None, 1), (0, 2)), "The thresholds of Tier 1 must be above 0."),
        (_tiers((None, 1), (100, 2.5)), "The thresholds of Tier 1 must be whole numbers."),
        (_tiers((None, 1), (None, None)), "Tier 1 needs an amount or an order-count threshold."),
        (_tiers((100, None), (200, 2)), "The lowest tier is 'at least 1 countable order'."),
        (_tiers((None, 2), (200, 3)), "The lowest tier is 'at least 1 countable order'."),
        (_tiers((None, 1), (50_000, 3), (50_000, 6)), "The thresholds of Tier 2 must be above those of Tier 1."),
        (_tiers((None, 1), (50_000, 3), (90_000, 2)), "The thresholds of Tier 2 must be above those of Tier 1."),
    ],
)
def test_validation_messages(tiers, en):
    with pytest.raises(RuleError) as err:
        validate_tiers(tiers)
    assert err.value.message_en == en
    assert err.value.message_zh


def test_json_round_trip():
    for t in DEFAULT_TIERS:
        assert TierRule.from_json(t.to_json()) == t
    with pytest.raises(RuleError, match="Unreadable member tier"):
        TierRule.from_json({"name_zh": "无代码"})


# --- the 80/20 shape -------------------------------------------------------------

@pytest.mark.parametrize(
    "n, shares",
    [(2, (0.8, 0.2)), (3, (0.8, 0.16, 0.04)), (4, (0.8, 0.16, 0.032, 0.008)),
     (5, (0.8, 0.16, 0.032, 0.0064, 0.0016)), (6, (0.8, 0.16, 0.032, 0.0064, 0.00128, 0.00032))],
)
def test_target_shares(n, shares):
    assert target_shares(n) == pytest.approx(shares)
    assert sum(target_shares(n)) == pytest.approx(1)


@pytest.mark.parametrize("n", [1, 7])
def test_target_shares_need_2_to_6_tiers(n):
    with pytest.raises(ValueError):
        target_shares(n)


def test_tier_shape():
    shape = tier_shape([("ordinary", 75), ("senior", 20), ("vip", 4), ("supreme", 1)])
    assert [(s.key, s.count, s.share) for s in shape] == [
        ("ordinary", 75, 0.75), ("senior", 20, 0.2), ("vip", 4, 0.04), ("supreme", 1, 0.01)]
    assert [s.target_share for s in shape] == pytest.approx([0.8, 0.16, 0.032, 0.008])
    assert [s.share for s in tier_shape([("a", 0), ("b", 0)])] == [0.0, 0.0]


def _warn(*counts):
    return shape_warnings(tier_shape(list(zip([t.key for t in DEFAULT_TIERS], counts))))


@pytest.mark.parametrize(
    "counts, expected_en",
    [
        ((0, 0, 0, 0), []),
        ((800, 160, 32, 8), []),  # the target itself
        ((600, 320, 64, 16), []),  # 60% ordinary and exactly twice the targets: not yet far off
        ((80, 16, 3, 1), []),
        ((80, 16, 4, 0), []),  # top tier empty, but its expected count is under 2 buyers
        ((599, 321, 64, 16), ["Ordinary holds only 59.9%", "Senior holds 32.1%"]),
        ((80, 14, 0, 6), ["VIP holds only 0.0%", "Supreme VIP holds 6.0%"]),
        ((950, 45, 4, 1), ["Senior holds only 4.5%", "VIP holds only 0.4%", "Supreme VIP holds only 0.1%"]),
        ((10, 5, 3, 2), ["With only 20 members"]),  # a small shop: one gentle note
        ((20, 4, 1, 0), []),  # small and fine: nothing
    ],
)
def test_shape_warnings(counts, expected_en):
    warnings = _warn(*counts)
    assert len(warnings) == len(expected_en)
    for (zh, en), start in zip(warnings, expected_en):
        assert en.startswith(start) and zh


def test_warning_texts():
    zh, en = _warn(80, 14, 0, 6)[1]
    assert zh == "至尊VIP占 6.0%，目标约 0.8%：门槛可能偏低。"
    assert en == "Supreme VIP holds 6.0% of members against a target of about 0.8%: its threshold may be too low."
    renamed = replace(DEFAULT_TIERS[0], name_en="Member")  # names come from the shop's tiers
    warnings = shape_warnings(tier_shape([("ordinary", 5), ("senior", 95)]), (renamed, DEFAULT_TIERS[1]))
    assert [en.split(" of ")[0] for _, en in warnings] == ["Member holds only 5.0%", "Senior holds 95.0%"]
