import pytest

from sellerdesk.domain.buyers import BuyerFacts
from sellerdesk.domain.coupons import CouponRule, CouponRuleError, group_aov_fen, suggest_coupon
from sellerdesk.domain.rules import RuleError


@pytest.mark.parametrize(
    "aov_yuan, zh, en, rate",
    [
        (120, "满150减10", "¥10 off orders of ¥150+", "6.7%"),  # seed 004
        (50, "满70减5", "¥5 off orders of ¥70+", "7.1%"),
        (199, "满250减16", "¥16 off orders of ¥250+", "6.4%"),  # 248.75 -> 250
        (800, "满1000减65", "¥65 off orders of ¥1,000+", "6.5%"),  # raw 1000: 50-step, exact
        (2400, "满3000减195", "¥195 off orders of ¥3,000+", "6.5%"),
    ],
)
def test_default_rule_examples(aov_yuan, zh, en, rate):
    s = suggest_coupon(aov_yuan * 100, CouponRule())
    assert (s.text_zh, s.text_en, s.rate_text) == (zh, en, rate)
    assert s.threshold_fen > s.aov_fen


def test_seed_example_in_fen():
    s = suggest_coupon(12000)
    assert (s.threshold_fen, s.discount_fen, s.rate_permille) == (15000, 1000, 67)
    assert s.text("en") == "¥10 off orders of ¥150+"


@pytest.mark.parametrize(
    "aov_fen, threshold_yuan",
    [
        (23999, 300),  # raw 299.99 -> 10-yuan step -> 300
        (24001, 350),  # raw 300.01 -> 50-yuan step
        (79999, 1000),  # raw 999.99 -> 50-yuan step
        (80001, 1100),  # raw 1000.01 -> 100-yuan step
        (1, 10),  # a one-fen AOV still gets a printable threshold
    ],
)
def test_threshold_step_boundaries(aov_fen, threshold_yuan):
    assert suggest_coupon(aov_fen).threshold_fen == threshold_yuan * 100


def test_discount_steps_and_floor():
    # 300 x 6.5% = 19.5 -> 20 (raw below 20: whole yuan, half up)
    assert suggest_coupon(24000).text_zh == "满300减20"
    # 350 x 6.5% = 22.75 -> 5-yuan steps -> 25
    assert suggest_coupon(28000).text_zh == "满350减25"
    # tiny rate never gives 减0
    assert suggest_coupon(1000, CouponRule(125, 1)).discount_fen == 100
    # 50% of a 10-yuan threshold stays below the threshold
    s = suggest_coupon(100, CouponRule(101, 500))
    assert 0 < s.discount_fen < s.threshold_fen


def test_no_aov_no_coupon():
    assert suggest_coupon(None) is None
    assert suggest_coupon(0) is None


@pytest.mark.parametrize(
    "factor, permille",
    [(100, 65), (301, 65), (125, 0), (125, 501), (125, -5), (True, 65), (125.0, 65), ("125", 65)],
)
def test_rule_validation(factor, permille):
    with pytest.raises(CouponRuleError) as e:
        CouponRule(factor, permille)
    assert isinstance(e.value, RuleError)
    assert e.value.message("zh") and e.value.message("en")


def test_rule_round_trip():
    r = CouponRule(150, 80)
    assert CouponRule.from_dict(r.to_dict()) == r
    assert CouponRule.from_dict({}) == CouponRule()
    with pytest.raises(CouponRuleError):
        CouponRule.from_dict({"discount_permille": 900})


def test_group_aov_is_total_over_orders():
    buyers = [
        BuyerFacts(1, "taobao", countable_orders=1, paid_fen=10000),
        BuyerFacts(2, "taobao", countable_orders=3, paid_fen=38000),
        BuyerFacts(3, "taobao"),
    ]
    assert group_aov_fen(buyers) == 12000
    assert group_aov_fen([BuyerFacts(3, "taobao")]) is None
    assert suggest_coupon(group_aov_fen(buyers)).text_zh == "满150减10"
