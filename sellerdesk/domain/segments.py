"""The built-in customer groups, each a Rule the store compiles to SQL.

Families:
- all: every buyer (with an order by the as-of day), so a promotion can target everyone;
- lifecycle: new (exactly one countable order), repeat (two or more);
- outreach (seed 002): loyal, then active, then general: one class per buyer
  for a promotion round, every buyer in exactly one;
- value: dormant high-value (seed 003), likely second purchase (seed 003);
- rfm: the eight RFM classes (buyers with a countable order);
- tier: one group per member tier.

Membership is `rule matches and no unless-rule matches`. A rule on a missing
figure (days since last order of a buyer with no order) does not match, so
the store must compile `unless` as NOT COALESCE(rule, 0), never bare NOT.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from fractions import Fraction

from sellerdesk.domain import rfm, tiers as tiers_mod
from sellerdesk.domain.buyers import BuyerFacts
from sellerdesk.domain.checks import is_whole
from sellerdesk.domain.money import format_yuan
from sellerdesk.domain.rules import Condition, Field, Op, Rule, RuleError, all_of
from sellerdesk.domain.tiers import DEFAULT_TIERS, TierRule

RFM_MODES = ("quintiles", "cutoffs")
FAMILIES = ("all", "lifecycle", "outreach", "value", "rfm", "tier")
ALL_KEY = "all"  # the group every buyer is in

# A valid rule that matches nobody (no buyers yet, so no RFM cut-offs or dormant threshold).
NOBODY = all_of(Condition(Field.ORDERS, Op.EQ, 0), Condition(Field.ORDERS, Op.GE, 1))


@dataclass(frozen=True, slots=True)
class SegmentSettings:
    """Every number behind the built-in groups: a shop setting with a default."""

    active_days: int = 90  # 近期有消费: a countable order within this many days
    loyal_orders: int = 3  # 忠诚客户: at least this many countable orders
    dormant_days: int = 180  # 沉睡: no countable order for at least this many days
    dormant_top_share_pct: float = 20  # 高价值: in this top share of buyers by paid total
    second_purchase_days: int = 60  # first (and only) order within this many days
    rfm_mode: str = "quintiles"  # 'quintiles' (measured) or 'cutoffs' (the shop's own)
    rfm_r_days: tuple[int, ...] = rfm.DEFAULT_R_DAYS
    rfm_f_orders: tuple[int, ...] = rfm.DEFAULT_F_ORDERS
    rfm_m_fen: tuple[int, ...] = rfm.DEFAULT_M_FEN
    rfm_high_from: int = rfm.DEFAULT_HIGH_FROM
    tiers: tuple[TierRule, ...] = field(default=DEFAULT_TIERS)

    def validate(self) -> None:
        """Raise RuleError (zh, en) naming the first setting a shop cannot use."""
        for value, zh, en in ((self.active_days, "活跃客户的天数", "The active days"),
                              (self.dormant_days, "沉睡天数", "The dormant days"),
                              (self.second_purchase_days, "复购窗口的天数", "The second-purchase days")):
            if not is_whole(value):
                raise RuleError(f"{zh}应为整数。", f"{en} must be a whole number.")
            if value < 0:
                raise RuleError(f"{zh}不能为负数。", f"{en} cannot be negative.")
        k = self.loyal_orders
        if not is_whole(k) or k < 2:
            raise RuleError("忠诚客户至少需要 2 笔订单。", "Loyal buyers need at least 2 orders.")
        pct = self.dormant_top_share_pct
        if isinstance(pct, bool) or not isinstance(pct, (int, float)) or not 0 < pct <= 100:
            raise RuleError("高价值比例应大于 0% 且不超过 100%。", "The high-value share must be above 0% and at most 100%.")
        if self.rfm_mode not in RFM_MODES:
            raise RuleError("RFM 评分方式只能是“五分位”或“自定义分档”。", "RFM scoring is 'quintiles' or 'cutoffs'.")
        rfm.validate_own_cutoffs(self.rfm_r_days, self.rfm_f_orders, self.rfm_m_fen)
        rfm.validate_high_from(self.rfm_high_from)
        tiers_mod.validate_tiers(self.tiers)

    def to_json(self) -> str:
        data = asdict(self)
        data["tiers"] = [t.to_json() for t in self.tiers]
        return json.dumps(data, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> SegmentSettings:
        """Unknown keys are ignored, missing keys take the default; call validate() before use."""
        try:
            data = json.loads(text)
            known = {f.name for f in fields(cls)}
            values = {k: v for k, v in data.items() if k in known}
            for k in ("rfm_r_days", "rfm_f_orders", "rfm_m_fen"):
                if k in values:
                    values[k] = tuple(values[k])
            if "tiers" in values:
                values["tiers"] = tuple(TierRule.from_json(t) for t in values["tiers"])
            return cls(**values)
        except (ValueError, AttributeError, TypeError) as exc:
            if isinstance(exc, RuleError):
                raise
            raise RuleError("无法读取分组设置。", "The group settings cannot be read.") from exc


@dataclass(frozen=True, slots=True)
class GroupContext:
    """What the store measures from the data before the groups are built."""

    as_of: date
    rfm: rfm.RfmCutoffs | None  # None when no buyer has a countable order
    dormant_min_paid_fen: int | None  # paid total of the buyer at dormant_rank; None without buyers

    def to_json(self) -> str:
        """The measurement as kept (store.facts_context); as_of is the key it is kept under."""
        cut = self.rfm
        return json.dumps({"rfm": None if cut is None else [list(cut.r), list(cut.f), list(cut.m)],
                           "dormant_min_paid_fen": self.dormant_min_paid_fen})

    @classmethod
    def from_json(cls, text: str, as_of: date) -> GroupContext:
        data = json.loads(text)
        cut = data["rfm"]
        return cls(as_of, None if cut is None else rfm.RfmCutoffs(*(tuple(x) for x in cut)),
                   data["dormant_min_paid_fen"])


def measure_key(settings: SegmentSettings) -> str:
    """The settings a GroupContext is measured with: a kept measurement is reused only under these."""
    return json.dumps([settings.rfm_mode, list(settings.rfm_r_days), list(settings.rfm_f_orders),
                       list(settings.rfm_m_fen), settings.dormant_top_share_pct])


def dormant_rank(buyer_count: int, pct: float) -> int:
    """How many top buyers (by paid total) `pct`% means: rounded up, at least 1 when there are buyers.

    The store fetches the paid total of the buyer at this rank (1 = highest);
    buyers tied with that one are in too.
    """
    if buyer_count <= 0:
        return 0
    # Fraction(str(pct)): 12.5% of 8 buyers is exactly 1, not 1.0000000000000002.
    return min(buyer_count, max(1, math.ceil(buyer_count * Fraction(str(pct)) / 100)))


def dormant_min_paid(paid_totals: Iterable[int], pct: float) -> int | None:
    """Reference for the store: the paid total at dormant_rank among the given buyers."""
    ranked = sorted(paid_totals, reverse=True)
    rank = dormant_rank(len(ranked), pct)
    return ranked[rank - 1] if rank else None


def context_of(buyers: Sequence[BuyerFacts], as_of: date, settings: SegmentSettings) -> GroupContext:
    """Reference for the store: the context measured over buyers with a countable order."""
    counted = [b for b in buyers if b.countable_orders > 0]
    if settings.rfm_mode == "cutoffs":
        cutoffs = rfm.cutoffs_from_settings(settings.rfm_r_days, settings.rfm_f_orders, settings.rfm_m_fen, as_of)
    else:
        cutoffs = rfm.quintile_rfm_of(counted)
    return GroupContext(as_of, cutoffs if counted else None,
                        dormant_min_paid((b.paid_fen for b in counted), settings.dormant_top_share_pct))


@dataclass(frozen=True, slots=True)
class GroupDef:
    key: str
    family: str
    name_zh: str
    name_en: str
    explain_zh: str  # the one-line rule with the actual numbers
    explain_en: str
    rule: Rule
    unless: tuple[Rule, ...] = ()

    def contains(self, facts: BuyerFacts, as_of: date) -> bool:
        return self.rule.matches(facts, as_of) and not any(u.matches(facts, as_of) for u in self.unless)


def _c(f: Field, op: Op, value: object) -> Condition:
    return Condition(f, op, value)


def builtin_groups(settings: SegmentSettings, ctx: GroupContext) -> list[GroupDef]:
    s, day = settings, ctx.as_of.isoformat()
    n, k = s.active_days, s.loyal_orders
    names = group_names(s)

    def g(key: str, family: str, zh: str, en: str, rule: Rule, unless: tuple[Rule, ...] = ()) -> GroupDef:
        return GroupDef(key, family, *names[key], zh, en, rule, unless)

    groups = [
        g(ALL_KEY, "all", f"所有买家：截至 {day} 至少下过一笔订单的每一位买家（订单是否有效不限）。",
          f"Every buyer: everyone with at least one order by {day}, countable or not.",
          all_of(_c(Field.ORDERS, Op.GE, 0))),
        g("new", "lifecycle", f"恰好 1 笔有效订单（截至 {day}）。", f"Exactly 1 countable order (as of {day}).",
          all_of(_c(Field.ORDERS, Op.EQ, 1))),
        g("repeat", "lifecycle", f"2 笔及以上有效订单（截至 {day}）。", f"2 or more countable orders (as of {day}).",
          all_of(_c(Field.ORDERS, Op.GE, 2))),
        g("loyal", "outreach",
          f"至少 {k} 笔有效订单（截至 {day}）。活动分层时先归入此类，每位买家只属于忠诚、活跃、一般中的一类。",
          f"At least {k} countable orders (as of {day}). The promotion split takes these first; "
          "every buyer is in exactly one of loyal, active and general.",
          all_of(_c(Field.ORDERS, Op.GE, k))),
        g("active", "outreach",
          f"最近 {n} 天内有有效订单（截至 {day}），且不是忠诚客户（少于 {k} 笔）。",
          f"A countable order in the last {n} days (as of {day}) and not loyal (fewer than {k} orders).",
          all_of(_c(Field.DAYS_SINCE_LAST, Op.LE, n), _c(Field.ORDERS, Op.LT, k))),
        g("general", "outreach",
          f"其余所有买家：少于 {k} 笔有效订单，且最近 {n} 天内没有有效订单（截至 {day}），包括没有有效订单的买家。",
          f"Everyone else: fewer than {k} countable orders and none in the last {n} days (as of {day}), "
          "including buyers without a countable order.",
          all_of(_c(Field.ORDERS, Op.LT, k)),
          (all_of(_c(Field.DAYS_SINCE_LAST, Op.LE, n)),)),
        _dormant(g, s, ctx, day),
        g("second_purchase_window", "value",
          f"只有 1 笔有效订单，且首单在最近 {s.second_purchase_days} 天内（截至 {day}）：最可能二次购买。",
          f"Exactly 1 countable order, placed in the last {s.second_purchase_days} days (as of {day}): "
          "the likeliest second purchase.",
          all_of(_c(Field.ORDERS, Op.EQ, 1), _c(Field.DAYS_SINCE_FIRST, Op.LE, s.second_purchase_days))),
    ]
    groups += _rfm_groups(g, s, ctx)
    for tier, rule, higher in tiers_mod.tier_member_rules(s.tiers):
        zh, en = tier.describe()
        groups.append(g(f"tier_{tier.key}", "tier", f"{zh}（截至 {day}），且未达到更高等级。",
                        f"{en[0].upper()}{en[1:]} (as of {day}), and no higher tier.", rule, higher))
    return groups


def _dormant(g, s: SegmentSettings, ctx: GroupContext, day: str) -> GroupDef:
    pct, m = f"{s.dormant_top_share_pct:g}", s.dormant_days
    if ctx.dormant_min_paid_fen is None:
        return g("dormant_high_value", "value", "还没有有效订单的买家，无法计算高价值门槛。",
                 "No buyer has a countable order yet, so there is no high-value threshold.", NOBODY)
    paid = format_yuan(ctx.dormant_min_paid_fen)
    return g("dormant_high_value", "value",
             f"消费额前 {pct}%（至少 {paid}），且已 {m} 天或更久没有有效订单（截至 {day}）。",
             f"Top {pct}% by paid total (at least {paid}) and no countable order for {m} days or more (as of {day}).",
             all_of(_c(Field.ORDERS, Op.GE, 1), _c(Field.PAID, Op.GE, ctx.dormant_min_paid_fen),
                    _c(Field.DAYS_SINCE_LAST, Op.GE, m)))


def _rfm_groups(g, s: SegmentSettings, ctx: GroupContext) -> list[GroupDef]:
    how_zh, how_en = (("按本店五分位评分", "scored by the shop's quintiles") if s.rfm_mode == "quintiles"
                      else ("按本店自定义分档评分", "scored by the shop's own cut-offs"))
    out = []
    for cls in rfm.RFM_CLASSES:
        if ctx.rfm is None:
            out.append(g(cls.key, "rfm", "还没有有效订单的买家。", "No buyer has a countable order yet.", NOBODY))
            continue
        zh, en = rfm.rfm_rule_text(cls, ctx.rfm, s.rfm_high_from)
        out.append(g(cls.key, "rfm", f"{zh}；{how_zh}，{s.rfm_high_from} 分及以上为高（截至 {ctx.as_of}）。",
                     f"{en}; {how_en}, {s.rfm_high_from} or more is high (as of {ctx.as_of}).",
                     rfm.rfm_rule(cls, ctx.rfm, s.rfm_high_from)))
    return out


_FIXED_NAMES: dict[str, tuple[str, str]] = {
    ALL_KEY: ("所有买家", "All buyers"),
    "new": ("新客", "New buyers"),
    "repeat": ("老客", "Repeat buyers"),
    "active": ("活跃客户", "Active buyers"),
    "loyal": ("忠诚客户", "Loyal buyers"),
    "general": ("一般客户", "General buyers"),
    "dormant_high_value": ("沉睡高价值客户", "Dormant high-value buyers"),
    "second_purchase_window": ("复购窗口客户", "Likely second purchase"),
    **{c.key: (c.name_zh, c.name_en) for c in rfm.RFM_CLASSES},
}


def group_names(settings: SegmentSettings | None = None) -> dict[str, tuple[str, str]]:
    """key -> (name_zh, name_en) of every built-in group, without any data."""
    tiers = (settings or SegmentSettings()).tiers
    return {**_FIXED_NAMES, **{f"tier_{t.key}": (t.name_zh, t.name_en) for t in tiers}}


def group_family(key: str) -> str | None:
    """The family of a built-in key, without any data."""
    if key.startswith("tier_"):
        return "tier"
    return {ALL_KEY: "all", "new": "lifecycle", "repeat": "lifecycle", "active": "outreach", "loyal": "outreach",
            "general": "outreach", "dormant_high_value": "value",
            "second_purchase_window": "value"}.get(key, "rfm" if key in rfm.RFM_CLASS_BY_KEY else None)
