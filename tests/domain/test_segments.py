from dataclasses import replace
from datetime import date, timedelta

import pytest

from sellerdesk.domain import rfm
from sellerdesk.domain.buyers import BuyerFacts
from sellerdesk.domain.rules import RuleError
from sellerdesk.domain.segments import (
    GroupContext, SegmentSettings, builtin_groups, context_of, dormant_min_paid, dormant_rank, group_family,
    group_names,
)
from sellerdesk.domain.tiers import DEFAULT_TIERS, TierRule

AS_OF = date(2025, 11, 30)
DEFAULTS = SegmentSettings()


def buyer(orders: int, paid: int = 0, last_ago: int | None = None, first_ago: int | None = None,
          bid: int = 1, as_of: date = AS_OF) -> BuyerFacts:
    last = None if last_ago is None else (as_of - timedelta(days=last_ago)).isoformat()
    first_ago = last_ago if first_ago is None else first_ago
    first = None if first_ago is None else (as_of - timedelta(days=first_ago)).isoformat()
    return BuyerFacts(bid, "taobao", orders=orders, countable_orders=orders, paid_fen=paid,
                      first_order_day=first, last_order_day=last)


# A shop on a grid of figures, plus buyers whose orders were all cancelled or refunded.
SHOP = [buyer(o, p, d, d + extra, i) for i, (o, p, d, extra) in enumerate(
    (o, p * o, d, extra) for o in (1, 2, 3, 4, 9) for p in (1_000, 20_000, 150_000)
    for d in (0, 59, 60, 61, 90, 91, 179, 180, 400) for extra in (0, 30))] + [
    BuyerFacts(9001, "jd", orders=1), BuyerFacts(9002, "pdd")]


def groups_for(buyers=SHOP, settings=DEFAULTS, as_of=AS_OF):
    ctx = context_of(buyers, as_of, settings)
    return {g.key: g for g in builtin_groups(settings, ctx)}, ctx


def members(group, buyers=SHOP, as_of=AS_OF):
    return {b.buyer_id for b in buyers if group.contains(b, as_of)}


def test_keys_families_and_names():
    groups, _ = groups_for()
    keys = ["all", "new", "repeat", "loyal", "active", "general", "dormant_high_value", "second_purchase_window",
            *[c.key for c in rfm.RFM_CLASSES], *[f"tier_{t.key}" for t in DEFAULT_TIERS]]
    assert sorted(groups) == sorted(keys)
    names = group_names()
    for key, g in groups.items():
        assert (g.name_zh, g.name_en) == names[key]
        assert g.family == group_family(key)
    assert names["rfm_important_value"] == ("重要价值客户", "Important value")
    assert names["tier_vip"] == ("VIP会员", "VIP")
    assert names["all"] == ("所有买家", "All buyers") and group_family("all") == "all"
    assert group_family("nonsense") is None


@pytest.mark.parametrize("buyers", [SHOP, []], ids=["shop", "empty"])
def test_all_is_every_buyer(buyers):
    """'all' (for promotions to everyone) holds every buyer, those without a countable order too."""
    groups, _ = groups_for(buyers)
    everyone = groups["all"]
    assert (everyone.family, everyone.unless) == ("all", ())
    assert members(everyone) == {b.buyer_id for b in SHOP}
    assert {9001, 9002} <= members(everyone)  # cancelled/refunded only, and no order counted at all
    assert "所有买家" in everyone.explain_zh and "Every buyer" in everyone.explain_en
    assert AS_OF.isoformat() in everyone.explain_zh and AS_OF.isoformat() in everyone.explain_en


@pytest.mark.parametrize("buyers", [SHOP, SHOP[:1], []], ids=["shop", "one buyer", "empty"])
@pytest.mark.parametrize("settings", [DEFAULTS, replace(DEFAULTS, rfm_mode="cutoffs")], ids=["quintiles", "cutoffs"])
def test_every_rule_validates(buyers, settings):
    groups, _ = groups_for(buyers, settings)
    for g in groups.values():
        g.rule.validate()
        for u in g.unless:
            u.validate()
        assert g.explain_zh and g.explain_en


@pytest.mark.parametrize("orders, group", [(0, None), (1, "new"), (2, "repeat"), (3, "repeat")])
def test_new_and_repeat(orders, group):
    groups, _ = groups_for()
    facts = buyer(orders, 100 * orders, 10 if orders else None)
    assert [k for k in ("new", "repeat") if groups[k].contains(facts, AS_OF)] == ([group] if group else [])


OUTREACH = ("loyal", "active", "general")


@pytest.mark.parametrize(
    "facts, cls",
    [
        (buyer(2, 100, 90), "active"),  # day N
        (buyer(2, 100, 91), "general"),  # day N + 1
        (buyer(3, 100, 0), "loyal"),  # exactly K orders, and recent: loyal comes first
        (buyer(3, 100, 900), "loyal"),
        (buyer(2, 100, 0), "active"),
        (buyer(1, 100, 400), "general"),
        (BuyerFacts(5, "jd", orders=3), "general"),  # no countable order
    ],
)
def test_outreach_boundaries(facts, cls):
    groups, _ = groups_for()
    assert [k for k in OUTREACH if groups[k].contains(facts, AS_OF)] == [cls]


@pytest.mark.parametrize("settings", [DEFAULTS, replace(DEFAULTS, active_days=0, loyal_orders=2),
                                      replace(DEFAULTS, active_days=365, loyal_orders=9)])
def test_outreach_classes_partition_all_buyers(settings):
    groups, _ = groups_for(settings=settings)
    for b in SHOP:
        assert sum(groups[k].contains(b, AS_OF) for k in OUTREACH) == 1, b


def test_active_across_a_month_end():
    as_of = date(2025, 3, 1)
    groups, _ = groups_for(settings=replace(DEFAULTS, active_days=30), as_of=as_of)
    on_edge = BuyerFacts(1, "taobao", countable_orders=1, last_order_day="2025-01-30", first_order_day="2025-01-30")
    assert groups["active"].contains(on_edge, as_of)
    assert not groups["active"].contains(replace(on_edge, last_order_day="2025-01-29"), as_of)
    assert "最近 30 天内有有效订单（截至 2025-03-01）" in groups["active"].explain_zh


@pytest.mark.parametrize(
    "n, pct, rank",
    [(0, 20, 0), (1, 20, 1), (4, 20, 1), (5, 20, 1), (6, 20, 2), (10, 20, 2), (11, 20, 3), (8, 12.5, 1),
     (3, 100, 3), (1000, 0.1, 1), (300_000, 20, 60_000)],
)
def test_dormant_rank(n, pct, rank):
    assert dormant_rank(n, pct) == rank


def test_dormant_min_paid_takes_ties_in():
    assert dormant_min_paid([], 20) is None
    assert dormant_min_paid([5, 100, 100, 100, 7, 1, 1, 1, 1, 1], 20) == 100  # rank 2; all three 100s are in
    assert dormant_min_paid([300], 20) == 300


@pytest.mark.parametrize(
    "facts, dormant",
    [(buyer(2, 50_000, 180), True), (buyer(2, 50_000, 179), False), (buyer(2, 49_999, 400), False),
     (BuyerFacts(7, "jd", orders=1), False)],
)
def test_dormant_high_value_boundaries(facts, dormant):
    ctx = GroupContext(AS_OF, None, 50_000)
    group = {g.key: g for g in builtin_groups(DEFAULTS, ctx)}["dormant_high_value"]
    assert group.contains(facts, AS_OF) is dormant
    assert group.explain_zh == "消费额前 20%（至少 ¥500.00），且已 180 天或更久没有有效订单（截至 2025-11-30）。"


def test_dormant_on_the_measured_shop():
    groups, ctx = groups_for()
    counted = [b for b in SHOP if b.countable_orders]
    top = sorted((b.paid_fen for b in counted), reverse=True)[dormant_rank(len(counted), 20) - 1]
    assert ctx.dormant_min_paid_fen == top
    expected = {b.buyer_id for b in counted if b.paid_fen >= top and b.days_since_last(AS_OF) >= 180}
    assert members(groups["dormant_high_value"]) == expected != set()


@pytest.mark.parametrize(
    "facts, window",
    [(buyer(1, 100, 60), True), (buyer(1, 100, 61), False), (buyer(1, 100, 0), True),
     (buyer(2, 100, 10), False), (BuyerFacts(8, "jd", orders=1), False)],
)
def test_second_purchase_window(facts, window):
    groups, _ = groups_for()
    assert groups["second_purchase_window"].contains(facts, AS_OF) is window


@pytest.mark.parametrize("settings", [DEFAULTS, replace(DEFAULTS, rfm_mode="cutoffs"),
                                      replace(DEFAULTS, rfm_high_from=5), replace(DEFAULTS, rfm_high_from=2)])
def test_rfm_groups_partition_buyers_with_a_countable_order(settings):
    groups, ctx = groups_for(settings=settings)
    rfm_keys = [c.key for c in rfm.RFM_CLASSES]
    for b in SHOP:
        hits = [k for k in rfm_keys if groups[k].contains(b, AS_OF)]
        cls = rfm.rfm_class(b, ctx.rfm, settings.rfm_high_from)
        assert hits == ([cls.key] if cls else [])


def test_empty_shop_matches_nobody():
    groups, ctx = groups_for([])
    assert ctx == GroupContext(AS_OF, None, None)
    lone = buyer(1, 100, 3)
    for key in ["dormant_high_value", *(c.key for c in rfm.RFM_CLASSES)]:
        assert not groups[key].contains(lone, AS_OF)


def test_one_buyer_shop():
    lone = buyer(1, 8_000, 3)
    groups, ctx = groups_for([lone])
    assert ctx.rfm.scores(lone) == (3, 3, 3) and ctx.dormant_min_paid_fen == 8_000
    hits = {k for k, g in groups.items() if g.contains(lone, AS_OF)}
    assert hits == {"all", "new", "active", "second_purchase_window", "rfm_important_value", "tier_ordinary"}


def test_tier_groups_follow_the_settings():
    tiers = (TierRule("member", "会员", "Member", None, 1), TierRule("gold", "金卡", "Gold", 100_000, 4))
    groups, _ = groups_for(settings=replace(DEFAULTS, tiers=tiers))
    assert [k for k in groups if k.startswith("tier_")] == ["tier_member", "tier_gold"]
    assert groups["tier_gold"].contains(buyer(4, 100, 5), AS_OF)
    assert not groups["tier_member"].contains(buyer(4, 100, 5), AS_OF)
    assert groups["tier_member"].contains(buyer(3, 99_999, 5), AS_OF)
    assert groups["tier_gold"].explain_zh.startswith("消费 ≥ ¥1,000.00 或 有效订单 ≥ 4 笔（截至 2025-11-30）")
    assert group_names(replace(DEFAULTS, tiers=tiers))["tier_gold"] == ("金卡", "Gold")


@pytest.mark.parametrize(
    "change, en",
    [
        (dict(active_days=-1), "The active days cannot be negative."),
        (dict(dormant_days=-30), "The dormant days cannot be negative."),
        (dict(second_purchase_days=1.5), "The second-purchase days must be a whole number."),
        (dict(loyal_orders=1), "Loyal buyers need at least 2 orders."),
        (dict(dormant_top_share_pct=0), "The high-value share must be above 0% and at most 100%."),
        (dict(dormant_top_share_pct=100.5), "The high-value share must be above 0% and at most 100%."),
        (dict(rfm_mode="deciles"), "RFM scoring is 'quintiles' or 'cutoffs'."),
        (dict(rfm_r_days=(90, 30, 180, 365)), "The R day counts must rise from one to the next."),
        (dict(rfm_high_from=6), "'High' must start at a score from 2 to 5."),
        (dict(tiers=DEFAULT_TIERS[:1]), "Use 2 to 6 member tiers."),
    ],
)
def test_settings_validation(change, en):
    with pytest.raises(RuleError) as err:
        replace(DEFAULTS, **change).validate()
    assert err.value.message_en == en and err.value.message_zh


def test_settings_edges_are_valid():
    DEFAULTS.validate()
    replace(DEFAULTS, active_days=0, dormant_top_share_pct=100, loyal_orders=2).validate()
    replace(DEFAULTS, dormant_top_share_pct=0.5).validate()


def test_settings_json():
    custom = replace(DEFAULTS, active_days=30, dormant_top_share_pct=12.5, rfm_mode="cutoffs",
                     rfm_m_fen=(1, 2, 3, 4), tiers=DEFAULT_TIERS[:2])
    assert SegmentSettings.from_json(custom.to_json()) == custom
    assert SegmentSettings.from_json(DEFAULTS.to_json()) == DEFAULTS
    assert SegmentSettings.from_json('{"loyal_orders": 5, "colour": "red"}') == replace(DEFAULTS, loyal_orders=5)
    assert SegmentSettings.from_json("{}") == DEFAULTS
    assert "普通会员" in DEFAULTS.to_json()


@pytest.mark.parametrize("text", ["nope", "[1]", '{"tiers": 5}', '{"tiers": [{"name_zh": "x"}]}',
                                  '{"rfm_r_days": 30}'])
def test_unreadable_settings(text):
    with pytest.raises(RuleError):
        SegmentSettings.from_json(text)


def test_explanations_carry_the_numbers():
    groups, _ = groups_for(settings=replace(DEFAULTS, loyal_orders=4, second_purchase_days=45))
    assert groups["active"].explain_zh == "最近 90 天内有有效订单（截至 2025-11-30），且不是忠诚客户（少于 4 笔）。"
    assert "At least 4 countable orders (as of 2025-11-30)" in groups["loyal"].explain_en
    assert "exactly one of loyal, active and general" in groups["loyal"].explain_en
    assert "including buyers without a countable order" in groups["general"].explain_en
    assert "最近 45 天内" in groups["second_purchase_window"].explain_zh
    assert "scored by the shop's quintiles, 3 or more is high" in groups["rfm_general_keep"].explain_en
