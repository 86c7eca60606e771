"""Member tiers (会员等级) and the 80/20 shape they should roughly follow (seed 004).

A buyer qualifies for a tier when their paid total reaches its amount OR their
countable orders reach its count; their tier is the highest one they qualify
for. Thresholds are at least 1 (order or fen), so only buyers with a countable
order are members.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from sellerdesk.domain.buyers import BuyerFacts
from sellerdesk.domain.checks import is_whole
from sellerdesk.domain.money import format_yuan
from sellerdesk.domain.rules import Condition, Field, Op, Rule, RuleError

MIN_TIERS, MAX_TIERS = 2, 6
SMALL_SHOP_MEMBERS = 30  # below this, tier shares are noise: one gentle note instead of alarms
ORDINARY_MIN_SHARE = 0.6  # the lowest tier under 60% of members means thresholds are too low
FAR_OFF_FACTOR = 2  # a tier's share above twice or below half its target is far off
FAR_OFF_MIN_BUYERS = 2  # ... and at least this many buyers from its expected count, so one buyer never alarms

_KEY = re.compile(r"^[a-z0-9_]{1,32}$")


@dataclass(frozen=True, slots=True)
class TierRule:
    key: str  # the group key is tier_<key>
    name_zh: str
    name_en: str
    min_paid_fen: int | None = None
    min_orders: int | None = None

    def qualifies(self, facts: BuyerFacts) -> bool:
        return ((self.min_paid_fen is not None and facts.paid_fen >= self.min_paid_fen)
                or (self.min_orders is not None and facts.countable_orders >= self.min_orders))

    def rule(self) -> Rule:
        """Qualifying as a flat 'any' Rule."""
        conditions = []
        if self.min_paid_fen is not None:
            conditions.append(Condition(Field.PAID, Op.GE, self.min_paid_fen))
        if self.min_orders is not None:
            conditions.append(Condition(Field.ORDERS, Op.GE, self.min_orders))
        return Rule("any", tuple(conditions))

    def describe(self) -> tuple[str, str]:
        """'消费 ≥ ¥500.00 或有效订单 ≥ 3 笔' / 'paid at least ¥500.00 or at least 3 orders'."""
        zh, en = [], []
        if self.min_paid_fen is not None:
            zh.append(f"消费 ≥ {format_yuan(self.min_paid_fen)}")
            en.append(f"paid at least {format_yuan(self.min_paid_fen)}")
        if self.min_orders is not None:
            zh.append(f"有效订单 ≥ {self.min_orders} 笔")
            en.append(f"at least {self.min_orders} countable order{'s' if self.min_orders != 1 else ''}")
        return " 或 ".join(zh), " or ".join(en)

    def to_json(self) -> dict:
        return {"key": self.key, "name_zh": self.name_zh, "name_en": self.name_en,
                "min_paid_fen": self.min_paid_fen, "min_orders": self.min_orders}

    @classmethod
    def from_json(cls, data: dict) -> TierRule:
        try:
            return cls(str(data["key"]), str(data.get("name_zh", "")), str(data.get("name_en", "")),
                       data.get("min_paid_fen"), data.get("min_orders"))
        except (KeyError, TypeError, AttributeError) as exc:
            raise RuleError(f"无法读取会员等级：{data!r}", f"Unreadable member tier: {data!r}") from exc


DEFAULT_TIERS: tuple[TierRule, ...] = (
    TierRule("ordinary", "普通会员", "Ordinary", None, 1),
    TierRule("senior", "高级会员", "Senior", 50_000, 3),
    TierRule("vip", "VIP会员", "VIP", 200_000, 6),
    TierRule("supreme", "至尊VIP", "Supreme VIP", 500_000, 10),
)


def validate_tiers(tiers: Sequence[TierRule]) -> None:
    """Raise RuleError (zh, en) for tiers a shop cannot use."""
    if not MIN_TIERS <= len(tiers) <= MAX_TIERS:
        raise RuleError(f"会员等级应有 {MIN_TIERS} 到 {MAX_TIERS} 个。",
                        f"Use {MIN_TIERS} to {MAX_TIERS} member tiers.")
    keys = [t.key for t in tiers]
    if any(not isinstance(k, str) or not _KEY.match(k) for k in keys) or len(set(keys)) != len(keys):
        raise RuleError("等级代码只能用小写字母、数字和下划线，且不能重复。",
                        "Tier keys use lowercase letters, digits and underscores, each once.")
    for t in tiers:
        if not t.name_zh.strip() or not t.name_en.strip():
            raise RuleError("每个等级都需要中文名和英文名。", "Every tier needs a Chinese and an English name.")
        for v in (t.min_paid_fen, t.min_orders):
            if v is not None and not is_whole(v):
                raise RuleError(f"“{t.name_zh}”的门槛应为整数。", f"The thresholds of {t.name_en} must be whole numbers.")
            if v is not None and v < 1:
                raise RuleError(f"“{t.name_zh}”的门槛必须大于 0。", f"The thresholds of {t.name_en} must be above 0.")
        if t.min_paid_fen is None and t.min_orders is None:
            raise RuleError(f"“{t.name_zh}”需要消费金额或订单数门槛。",
                            f"{t.name_en} needs an amount or an order-count threshold.")
    if tiers[0].min_orders != 1 or tiers[0].min_paid_fen is not None:
        raise RuleError("最低等级应为“至少 1 笔有效订单”。", "The lowest tier is 'at least 1 countable order'.")
    for low, high in zip(tiers, tiers[1:]):
        for a, b in ((low.min_paid_fen, high.min_paid_fen), (low.min_orders, high.min_orders)):
            if a is not None and b is not None and b <= a:
                raise RuleError(f"“{high.name_zh}”的门槛必须高于“{low.name_zh}”。",
                                f"The thresholds of {high.name_en} must be above those of {low.name_en}.")


def tier_of(facts: BuyerFacts, tiers: Sequence[TierRule] = DEFAULT_TIERS) -> TierRule | None:
    """The highest tier the buyer qualifies for; None without a countable order."""
    return next((t for t in reversed(tiers) if t.qualifies(facts)), None)


def tier_member_rules(tiers: Sequence[TierRule]) -> list[tuple[TierRule, Rule, tuple[Rule, ...]]]:
    """Per tier: qualifying Rule and the higher tiers' Rules, which take precedence (the 'unless' rules)."""
    rules = [t.rule() for t in tiers]
    return [(t, rules[i], tuple(rules[i + 1:])) for i, t in enumerate(tiers)]


def target_shares(n_tiers: int) -> tuple[float, ...]:
    """The 80/20 shape applied recursively: 80% stay in each tier, 20% move up.

    For 4 tiers: 80%, 16%, 3.2%, 0.8%; the top tier keeps the whole last fifth.
    """
    if not MIN_TIERS <= n_tiers <= MAX_TIERS:
        raise ValueError(f"n_tiers must be {MIN_TIERS}..{MAX_TIERS}")
    fifth = Fraction(1, 5)  # exact, so 16% is 0.16 and 'twice the target' has no float fuzz
    shares = [(1 - fifth) * fifth**i for i in range(n_tiers - 1)]
    return tuple(float(s) for s in (*shares, fifth ** (n_tiers - 1)))


@dataclass(frozen=True, slots=True)
class TierShare:
    key: str
    count: int
    share: float  # of all members, 0..1
    target_share: float  # 0..1


def tier_shape(counts: Sequence[tuple[str, int]]) -> list[TierShare]:
    """Actual members per tier (lowest first) against the 80/20 target shape."""
    total = sum(c for _, c in counts)
    targets = target_shares(len(counts))
    return [TierShare(key, c, c / total if total else 0.0, t) for (key, c), t in zip(counts, targets)]


def shape_warnings(shape: Sequence[TierShare], tiers: Sequence[TierRule] = DEFAULT_TIERS) -> list[tuple[str, str]]:
    """(zh, en) warnings where the distribution is far from the 80/20 shape.

    Far off: the lowest tier holds under 60% of members, or a higher tier's
    share is above twice or below half its target while also 2+ buyers away
    from its expected count. Shops under 30 members get one gentle note instead.
    """
    total = sum(s.count for s in shape)
    if total == 0:
        return []
    names = {t.key: (t.name_zh, t.name_en) for t in tiers}
    warnings: list[tuple[str, str]] = []
    for i, s in enumerate(shape):
        zh_name, en_name = names.get(s.key, (s.key, s.key))
        pct, target = f"{s.share:.1%}", f"{s.target_share:.1%}"
        if i == 0:
            if s.share < ORDINARY_MIN_SHARE:
                warnings.append((f"{zh_name}只占 {pct}（目标约 {target}，至少 60%）：更高等级的门槛可能偏低。",
                                 f"{en_name} holds only {pct} of members (target about {target}, at least 60%): "
                                 "the higher tiers' thresholds may be too low."))
            continue
        if abs(s.count - s.target_share * total) < FAR_OFF_MIN_BUYERS:
            continue
        if s.share > s.target_share * FAR_OFF_FACTOR:
            warnings.append((f"{zh_name}占 {pct}，目标约 {target}：门槛可能偏低。",
                             f"{en_name} holds {pct} of members against a target of about {target}: "
                             "its threshold may be too low."))
        elif s.share < s.target_share / FAR_OFF_FACTOR:
            warnings.append((f"{zh_name}只占 {pct}，目标约 {target}：门槛可能偏高。",
                             f"{en_name} holds only {pct} of members against a target of about {target}: "
                             "its threshold may be too high."))
    if warnings and total < SMALL_SHOP_MEMBERS:
        return [(f"目前只有 {total} 位会员，等级分布仅供参考；会员多起来后再对照 80/20 形状调整门槛。",
                 f"With only {total} members the tier shares are not telling yet; "
                 "compare them with the 80/20 shape again once there are more.")]
    return warnings
