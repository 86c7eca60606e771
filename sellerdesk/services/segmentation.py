"""Customer groups as of a date: built-in and saved groups with their sizes and shares.

`compute_segmentation` measures what the groups need from the data (RFM
cut-offs, the high-value threshold), builds every group's rules
(domain.segments) and counts all groups in one pass over the buyers. The
result carries the group definitions, so lists, memberships and exports
made from it use the same numbers the user saw.

`segmentation_rules` is the same up to the counting: the groups' definitions,
the measured context (`measure_context`) and the coupon rule, for a caller
that counts only some buyers or some groups itself (the retrospective report);
`GroupRules.figures` counts the groups it is asked for exactly as
compute_segmentation counts them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sellerdesk.domain import rfm
from sellerdesk.domain.buyers import BuyerFacts, aov_fen
from sellerdesk.domain.coupons import CouponRule, CouponSuggestion, suggest_coupon
from sellerdesk.domain.rule_text import describe_rule
from sellerdesk.domain.rules import Rule, RuleError
from sellerdesk.domain.segments import (ALL_KEY, GroupContext, GroupDef, SegmentSettings, builtin_groups,
                                        dormant_rank, measure_key)
from sellerdesk.domain.tiers import TierShare, shape_warnings, tier_shape
from sellerdesk.services.clock import shop_now, shop_today
from sellerdesk.services.jobs import CancelToken, Changes
from sellerdesk.services.shop import ShopFile
from sellerdesk.store import customers, facts_context, saved_groups
from sellerdesk.store.buyer_rules import where
from sellerdesk.store.buyer_stats import facts_table
from sellerdesk.store.db import Store
from sellerdesk.store.settings import get_setting, set_setting

__all__ = [
    "GroupFigures", "GroupRules", "RuleError", "Segmentation", "compute_segmentation", "count_rule",
    "delete_custom_group", "load_coupon_rule", "load_settings", "measure_context", "save_coupon_rule",
    "save_custom_group", "save_settings", "segmentation_rules",
]

SETTINGS_KEY = "segments"
COUPON_KEY = "coupon_rule"


@dataclass(frozen=True)
class GroupFigures:
    definition: GroupDef
    size: int
    paid_fen: int
    countable_orders: int
    share_buyers: float  # 0..1 of all buyers
    share_revenue: float  # 0..1 of the shop's paid total
    coupon: CouponSuggestion | None
    custom_id: int | None = None  # a saved group's id

    @property
    def key(self) -> str:
        return self.definition.key

    @property
    def aov_fen(self) -> int | None:
        return aov_fen(self.paid_fen, self.countable_orders)

    def name(self, lang: str = "zh") -> str:
        return self.definition.name_zh if lang == "zh" else self.definition.name_en

    def explanation(self, lang: str = "zh") -> str:
        return self.definition.explain_zh if lang == "zh" else self.definition.explain_en


@dataclass(frozen=True)
class Segmentation:
    as_of: date
    settings: SegmentSettings
    context: GroupContext
    coupon_rule: CouponRule
    groups: list[GroupFigures]
    buyers: int
    paid_fen: int
    tiers: list[TierShare]
    tier_warnings: list[tuple[str, str]]

    def group(self, key: str) -> GroupFigures | None:
        return next((g for g in self.groups if g.key == key), None)

    def memberships(self, facts: BuyerFacts) -> list[GroupFigures]:
        """The groups a buyer is in (the buyer's facts as of the same date), leaving out 'all',
        which every buyer is in (it would only repeat itself in every row)."""
        return [g for g in self.groups if g.key != ALL_KEY and g.definition.contains(facts, self.as_of)]

    def rfm_explanation(self, facts: BuyerFacts, lang: str = "zh") -> str | None:
        if self.context.rfm is None or facts.countable_orders <= 0:
            return None
        zh, en = rfm.explain(facts, self.context.rfm, self.as_of, self.settings.rfm_high_from)
        return zh if lang == "zh" else en


@dataclass(frozen=True)
class GroupRules:
    """Every built-in and saved group's definition as of a day, with what they were built from
    (settings, measured context, coupon rule), nothing counted."""

    as_of: date
    settings: SegmentSettings
    context: GroupContext
    coupon_rule: CouponRule
    definitions: list[GroupDef]
    custom_ids: dict[str, int]  # a saved group's key -> its id
    table: str  # the as-of figures' table the context was measured on (store.buyer_stats.facts_table)

    def definition(self, key: str) -> GroupDef | None:
        return next((d for d in self.definitions if d.key == key), None)

    def figures(self, conn, keys, table: str | None = None) -> dict[str, GroupFigures]:
        """{key: GroupFigures} of the groups asked for (unknown keys left out), counted over every
        buyer as compute_segmentation counts them (one pass for all of them). table: the as-of
        figures to count on (default the one measured on; a caller in a later snapshot passes
        the one it holds)."""
        wanted = set(keys)
        defs = [d for d in self.definitions if d.key in wanted]
        if not defs:
            return {}
        table = table or self.table
        tallies = customers.group_counts(conn, table, self.as_of, [(d.key, d.rule, d.unless) for d in defs])
        buyers, paid = customers.totals(conn, table)
        return {d.key: _figures(d, tallies[d.key], buyers, paid, self.coupon_rule, self.custom_ids.get(d.key))
                for d in defs}


def _figures(d: GroupDef, t, buyers: int, paid: int, coupon_rule: CouponRule, custom_id: int | None) -> GroupFigures:
    return GroupFigures(
        d, t.size, t.paid_fen, t.countable_orders, t.size / buyers if buyers else 0.0,
        t.paid_fen / paid if paid else 0.0, suggest_coupon(aov_fen(t.paid_fen, t.countable_orders), coupon_rule),
        custom_id)


def segmentation_rules(shop: ShopFile, as_of: date | None = None, *, cancel: CancelToken | None = None,
                       store: Store | None = None) -> GroupRules:
    """The groups' definitions as of the end of as_of (default today), measured as
    compute_segmentation measures them, without counting any group. Read-only."""
    as_of = as_of or shop_today()
    own = store is None
    store = store or shop.open()
    try:
        return _rules(store, as_of, cancel)
    finally:
        if own:
            store.close()


def _rules(store: Store, as_of: date, cancel: CancelToken | None, indexed: bool = False) -> GroupRules:
    conn = store.conn
    settings, coupon_rule = load_settings(store), load_coupon_rule(store)
    table = facts_table(conn, as_of, indexed=indexed)
    context = measure_context(conn, table, settings, as_of)
    if cancel:
        cancel.check()
    defs = builtin_groups(settings, context)
    custom_ids: dict[str, int] = {}
    for saved in saved_groups.list_saved(conn):
        try:
            rule = Rule.from_json(saved.rule_json)
        except RuleError:
            continue  # written by a newer version: left out rather than guessed
        defs.append(GroupDef(saved.key, "custom", saved.name, saved.name, *_custom_text(rule), rule))
        custom_ids[saved.key] = saved.id
    return GroupRules(as_of, settings, context, coupon_rule, defs, custom_ids, table)


def compute_segmentation(shop: ShopFile, as_of: date | None = None, *, cancel: CancelToken | None = None,
                         store: Store | None = None) -> Segmentation:
    """Every built-in and saved group as of the end of as_of (default today). Read-only."""
    as_of = as_of or shop_today()
    own = store is None
    store = store or shop.open()
    try:
        conn = store.conn
        rules = _rules(store, as_of, cancel, indexed=True)  # the Customers tab sorts the table next
        settings, table, defs = rules.settings, rules.table, rules.definitions
        tallies = customers.group_counts(conn, table, as_of, [(d.key, d.rule, d.unless) for d in defs])
        buyers, paid = customers.totals(conn, table)
        groups = [_figures(d, tallies[d.key], buyers, paid, rules.coupon_rule, rules.custom_ids.get(d.key))
                  for d in defs]
        shape = tier_shape([(t.key, tallies[f"tier_{t.key}"].size) for t in settings.tiers])
        return Segmentation(as_of, settings, rules.context, rules.coupon_rule, groups, buyers, paid, shape,
                            shape_warnings(shape, settings.tiers))
    finally:
        if own:
            store.close()


def measure_context(conn, table: str, settings: SegmentSettings, as_of: date) -> GroupContext:
    """RFM cut-offs and the high-value threshold as of as_of, from the buyers with a countable
    order in `table` (the as-of figures: store.buyer_stats.facts_table). The one definition of
    the measurement: the groups, the report and the returns tab's RFM class all use it. Kept
    with the table (store.facts_context) until an import changes the orders."""
    key = measure_key(settings)
    kept = facts_context.load(conn, table, as_of, key)
    if kept is not None:
        return GroupContext.from_json(kept, as_of)
    context = _measure(conn, table, settings, as_of)
    facts_context.keep(conn, table, as_of, key, context.to_json())
    return context


def _measure(conn, table: str, settings: SegmentSettings, as_of: date) -> GroupContext:
    counted = customers.counted_buyers(conn, table)
    if counted == 0:
        return GroupContext(as_of, None, None)
    if settings.rfm_mode == "cutoffs":
        cutoffs = rfm.cutoffs_from_settings(settings.rfm_r_days, settings.rfm_f_orders, settings.rfm_m_fen, as_of)
    else:
        cutoffs = rfm.quintile_rfm(customers.value_counts(conn, table, "last_order_day"),
                                   customers.value_counts(conn, table, "countable_orders"),
                                   customers.value_counts(conn, table, "paid_fen"))
    rank = dormant_rank(counted, settings.dormant_top_share_pct)
    return GroupContext(as_of, cutoffs, customers.paid_at_rank(conn, table, rank))


def _custom_text(rule: Rule) -> tuple[str, str]:
    return describe_rule(rule, "zh"), describe_rule(rule, "en")


def count_rule(shop: ShopFile, rule: Rule, as_of: date | None = None, *, store: Store | None = None) -> int:
    """How many buyers a rule being edited matches (validated first: RuleError says why not)."""
    rule.validate()
    as_of = as_of or shop_today()
    own = store is None
    store = store or shop.open()
    try:
        table = facts_table(store.conn, as_of)
        return customers.count_matching(store.conn, table, *where(rule, as_of))
    finally:
        if own:
            store.close()


def save_custom_group(shop: ShopFile, name: str, rule: Rule, group_id: int | None = None,
                      now: datetime | None = None) -> tuple[int, Changes]:
    """Save (or update) a custom group; a blank or taken name and an invalid rule raise RuleError."""
    name = name.strip()
    if not name:
        raise RuleError("请给分组起个名字。", "Give the group a name.")
    rule.validate()
    store = shop.open()
    try:
        with store.transaction() as conn:
            if saved_groups.name_taken(conn, name, group_id):
                raise RuleError(f"已有名为“{name}”的分组。", f"A group named “{name}” already exists.")
            stamp = (now or shop_now()).strftime("%Y-%m-%d %H:%M:%S")
            group_id = saved_groups.save_group(conn, name, rule.to_json(), stamp, group_id)
        return group_id, Changes(groups=True)
    finally:
        store.close()


def delete_custom_group(shop: ShopFile, group_id: int) -> Changes:
    store = shop.open()
    try:
        with store.transaction() as conn:
            saved_groups.delete_group(conn, group_id)
        return Changes(groups=True)
    finally:
        store.close()


def load_settings(store: Store) -> SegmentSettings:
    text = get_setting(store.conn, SETTINGS_KEY)
    if not text:
        return SegmentSettings()
    try:
        settings = SegmentSettings.from_json(text)
        settings.validate()
        return settings
    except RuleError:
        return SegmentSettings()  # unreadable: the defaults, and the editor shows them


def save_settings(shop: ShopFile, settings: SegmentSettings) -> Changes:
    settings.validate()
    store = shop.open()
    try:
        with store.transaction() as conn:
            set_setting(conn, SETTINGS_KEY, settings.to_json())
        return Changes(settings=True, groups=True)
    finally:
        store.close()


def load_coupon_rule(store: Store) -> CouponRule:
    text = get_setting(store.conn, COUPON_KEY)
    try:
        return CouponRule.from_dict(json.loads(text)) if text else CouponRule()
    except (ValueError, RuleError):
        return CouponRule()


def save_coupon_rule(shop: ShopFile, rule: CouponRule) -> Changes:
    rule.validate()
    store = shop.open()
    try:
        with store.transaction() as conn:
            set_setting(conn, COUPON_KEY, json.dumps(rule.to_dict()))
        return Changes(settings=True, groups=True)
    finally:
        store.close()
