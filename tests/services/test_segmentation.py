"""Customer groups through the services, checked against the domain's own rules buyer by buyer."""

from __future__ import annotations

from datetime import date

import pytest

from sellerdesk.domain.rules import Condition, Field, Op, Rule, RuleError, all_of
from sellerdesk.domain.segments import SegmentSettings
from sellerdesk.services import customers as customer_service
from sellerdesk.services.importing import import_files
from sellerdesk.services.segmentation import (compute_segmentation, count_rule, delete_custom_group,
                                              save_custom_group, save_settings)
from sellerdesk.services.shop import ShopFile
from sellerdesk.store import customers
from sellerdesk.store.buyer_stats import facts_table
from tests.services import taobao_csv as tb
from tests.services.demo_shops import build_once, working_copy

TODAY = date(2025, 12, 1)
BUILTIN_KEYS = {"new", "repeat", "active", "loyal", "general", "dormant_high_value", "second_purchase_window",
                *(f"rfm_{k}" for k in ("important_value", "important_develop", "important_keep",
                                       "important_winback", "general_value", "general_develop", "general_keep",
                                       "general_winback"))}


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    return build_once(tmp_path_factory.mktemp("seg"), buyers=400, seed=5, today=TODAY)


@pytest.fixture
def shop(demo_path, tmp_path):
    return working_copy(demo_path, tmp_path)


def all_facts(shop, as_of):
    store = shop.open()
    try:
        table = facts_table(store.conn, as_of)
        ids = [r[0] for r in store.conn.execute(f"SELECT buyer_id FROM {table}")]
        return customers.facts_for(store.conn, table, ids, with_items=True)
    finally:
        store.close()


@pytest.mark.parametrize("as_of", [TODAY, date(2025, 5, 31)])
def test_every_group_size_equals_its_rule_applied_buyer_by_buyer(shop, as_of):
    seg = compute_segmentation(shop, as_of)
    facts = all_facts(shop, as_of)
    assert BUILTIN_KEYS <= {g.key for g in seg.groups}
    assert seg.buyers == len(facts) > 0
    for g in seg.groups:
        members = [f for f in facts if g.definition.contains(f, as_of)]
        assert g.size == len(members), g.key
        assert g.paid_fen == sum(f.paid_fen for f in members), g.key
    by_key = {g.key: g for g in seg.groups}
    assert by_key["new"].size + by_key["repeat"].size == sum(1 for f in facts if f.countable_orders)
    assert sum(by_key[k].size for k in ("active", "loyal", "general")) == seg.buyers
    assert sum(g.size for g in seg.groups if g.definition.family == "rfm") == by_key["new"].size + by_key["repeat"].size
    assert 0 < by_key["dormant_high_value"].size and 0 < by_key["second_purchase_window"].size or as_of != TODAY


def test_shares_coupons_and_tier_shape(shop):
    seg = compute_segmentation(shop, TODAY)
    repeat = seg.group("repeat")
    assert repeat.share_buyers == pytest.approx(repeat.size / seg.buyers)
    assert repeat.share_revenue == pytest.approx(repeat.paid_fen / seg.paid_fen)
    assert repeat.coupon is not None and repeat.coupon.threshold_fen > repeat.aov_fen
    assert [t.key for t in seg.tiers] == [t.key for t in seg.settings.tiers]
    assert sum(t.count for t in seg.tiers) == seg.group("new").size + seg.group("repeat").size


def test_settings_change_the_groups(shop):
    before = compute_segmentation(shop, TODAY).group("active")
    save_settings(shop, SegmentSettings(active_days=30))
    after = compute_segmentation(shop, TODAY).group("active")
    assert "30" in after.definition.explain_zh and after.size < before.size
    with pytest.raises(RuleError):
        save_settings(shop, SegmentSettings(dormant_top_share_pct=120))


def test_custom_groups_are_saved_counted_and_deleted(shop):
    rule = all_of(Condition(Field.ORDERS, Op.GE, 2), Condition(Field.DAYS_SINCE_LAST, Op.LE, 120))
    n = count_rule(shop, rule, TODAY)
    group_id, changes = save_custom_group(shop, " 近期老客 ", rule)
    assert changes.groups
    seg = compute_segmentation(shop, TODAY)
    custom = seg.group(f"custom_{group_id}")
    assert (custom.size, custom.definition.name_zh, custom.custom_id) == (n, "近期老客", group_id)
    assert "有效订单数至少 2" in custom.definition.explain_zh
    with pytest.raises(RuleError):
        save_custom_group(shop, "近期老客", rule)  # the name is taken
    with pytest.raises(RuleError):
        save_custom_group(shop, "x", all_of(Condition(Field.DAYS_SINCE_LAST, Op.LE, -1)))
    with pytest.raises(RuleError):
        count_rule(shop, Rule("all", ()), TODAY)
    delete_custom_group(shop, group_id)
    assert compute_segmentation(shop, TODAY).group(f"custom_{group_id}") is None


def test_tags_feed_rules_and_lists(shop):
    seg = compute_segmentation(shop, TODAY)
    loyal_ids = customer_service.list_buyer_ids(shop, seg, group_key="loyal")
    added, _ = customer_service.add_tag(shop, loyal_ids, " 双11 回购 ")
    again, _ = customer_service.add_tag(shop, loyal_ids, "双11 回购")
    assert (added, again) == (len(loyal_ids), 0)
    assert customer_service.all_tags(shop) == [("双11 回购", len(loyal_ids))]
    assert count_rule(shop, all_of(Condition(Field.TAG, Op.HAS, "双11 回购")), TODAY) == len(loyal_ids)
    removed, _ = customer_service.remove_tag(shop, loyal_ids[:3], "双11 回购")
    assert removed == 3
    with pytest.raises(customer_service.TagError):
        customer_service.add_tag(shop, loyal_ids, "   ")


def test_lists_sort_filter_and_pages(shop):
    seg = compute_segmentation(shop, TODAY)
    ids = customer_service.list_buyer_ids(shop, seg, sort="paid", descending=True)
    assert len(ids) == seg.buyers
    reader = customer_service.BuyerReader(shop)
    rows = reader.rows(ids[:50], seg)
    paid = [r.facts.paid_fen for r in rows]
    assert paid == sorted(paid, reverse=True)
    assert all(set(r.groups) >= ({"new"} if r.facts.countable_orders == 1 else set()) for r in rows)
    asc = customer_service.list_buyer_ids(shop, seg, sort="last_order", descending=False)
    days = [r.facts.last_order_day for r in reader.rows(asc[:30], seg)]
    assert days == sorted(days)
    someone = rows[0].facts
    assert customer_service.list_buyer_ids(shop, seg, text=someone.account) == [someone.buyer_id]
    order_no = customer_service.buyer_detail(shop, someone.buyer_id, seg).orders[0].order_no
    assert customer_service.list_buyer_ids(shop, seg, text=order_no) == [someone.buyer_id]
    assert customer_service.list_buyer_ids(shop, seg, text="%") == []  # LIKE wildcards are literal
    reader.close()


def test_buyer_detail_and_logged_phone_reveal(shop):
    seg = compute_segmentation(shop, TODAY)
    buyer_id = customer_service.list_buyer_ids(shop, seg, group_key="repeat")[0]
    detail = customer_service.buyer_detail(shop, buyer_id, seg)
    assert len(detail.orders) >= 2 and "repeat" in detail.groups and detail.rfm_zh and "→" in detail.rfm_zh
    assert detail.reveals == []
    phone = customer_service.reveal_phone(shop, buyer_id, "店长")
    assert phone == detail.facts.phone
    assert [who for who, _ in customer_service.buyer_detail(shop, buyer_id, seg).reveals] == ["店长"]
    customer_service.set_note(shop, buyer_id, "喜欢红茶")
    assert customer_service.buyer_detail(shop, buyer_id, seg).note == "喜欢红茶"
    assert customer_service.buyer_detail(shop, 10**9, seg) is None


def test_new_data_refreshes_the_groups(tmp_path):
    shop = ShopFile(tmp_path / "shop.sqlite")
    import_files(shop, [tb.write(tmp_path / "a.csv", [tb.row("35153131473293579", "tb_a", "120.00",
                                                          created="2025-11-01 10:00:00")])])
    first = compute_segmentation(shop, TODAY)
    assert (first.group("new").size, first.group("repeat").size) == (1, 0)
    import_files(shop, [tb.write(tmp_path / "b.csv", [tb.row("35153131473293580", "tb_a", "80.00",
                                                          created="2025-11-20 10:00:00")])])
    second = compute_segmentation(shop, TODAY)
    assert (second.group("new").size, second.group("repeat").size) == (0, 1)
    assert second.group("repeat").aov_fen == 10000


def test_an_empty_shop_has_empty_groups(tmp_shop):
    seg = compute_segmentation(tmp_shop, TODAY)
    assert seg.buyers == 0 and all(g.size == 0 for g in seg.groups)
    assert customer_service.list_buyer_ids(tmp_shop, seg, group_key="loyal") == []


@pytest.mark.parametrize("as_of", [TODAY, date(2025, 5, 31)])
def test_all_buyers_group_lists_and_counts_everyone(shop, as_of):
    seg = compute_segmentation(shop, as_of)
    everyone = seg.group("all")
    assert (everyone.size, everyone.paid_fen, everyone.share_buyers) == (seg.buyers, seg.paid_fen, 1.0)
    assert everyone.definition.family == "all" and everyone.definition.name_zh == "所有买家"
    ids = customer_service.list_buyer_ids(shop, seg, group_key="all", sort="name", descending=True)
    assert ids == customer_service.list_buyer_ids(shop, seg, sort="name", descending=True)
    assert sorted(ids) == sorted(f.buyer_id for f in all_facts(shop, as_of))
    rows = customer_service.BuyerReader(shop).rows(ids[:20], seg)
    assert rows and all("all" not in r.groups for r in rows)  # every buyer's: not repeated in each row


def test_an_earlier_day_is_kept_until_an_import_changes_the_orders(tmp_path):
    shop = ShopFile(tmp_path / "shop.sqlite")
    import_files(shop, [tb.write(tmp_path / "a.csv", [
        tb.row("35153131473293579", "tb_a", "120.00", created="2025-06-01 10:00:00"),
        tb.row("35153131473293580", "tb_b", "80.00", created="2025-11-20 10:00:00")])])
    as_of = date(2025, 7, 1)
    first = compute_segmentation(shop, as_of)
    assert (first.buyers, first.group("all").size, first.group("new").size) == (1, 1, 1)
    store = shop.open()
    try:
        assert facts_table(store.conn, as_of) == "facts_asof_20250701"  # kept: the next call reads it
    finally:
        store.close()
    reader = customer_service.BuyerReader(shop)
    assert [r.facts.account for r in reader.rows(customer_service.list_buyer_ids(shop, first), first)] == ["tb_a"]
    import_files(shop, [tb.write(tmp_path / "b.csv", [  # an order before the day, by a new buyer and tb_a
        tb.row("35153131473293581", "tb_c", "50.00", created="2025-05-01 10:00:00"),
        tb.row("35153131473293582", "tb_a", "30.00", created="2025-06-20 10:00:00")])])
    second = compute_segmentation(shop, as_of)
    assert (second.buyers, second.group("all").size, second.group("new").size,
            second.group("repeat").size) == (2, 2, 1, 1)
    assert second.group("repeat").paid_fen == 15000
    ids = customer_service.list_buyer_ids(shop, second, sort="account", descending=False)
    assert [(r.facts.account, r.facts.countable_orders) for r in reader.rows(ids, second)] == [("tb_a", 2), ("tb_c", 1)]
    reader.close()


def test_the_default_day_is_the_shops_not_the_computers(tmp_shop, monkeypatch):
    """On a computer set to another zone, 'today' is still Beijing's (services.clock)."""
    from sellerdesk.services import segmentation

    monkeypatch.setattr(segmentation, "shop_today", lambda: date(2031, 1, 2))
    assert compute_segmentation(tmp_shop).as_of == date(2031, 1, 2)
