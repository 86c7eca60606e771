"""RFM scoring: recency, frequency and monetary scores 1-5, and the eight classes.

Values per buyer with a countable order:
- R: the day of the last countable order, 'YYYY-MM-DD' (later = better);
- F: the number of countable orders;
- M: the paid total in fen.

A dimension's scores come from four thresholds t2..t5 (`cutoffs`):
`score(v) = 1 + (number of thresholds t with v >= t)`. They are either the
shop's quintiles (`quintile_cutoffs`, measured by the store from histograms)
or the shop's own cut-offs (`cutoffs_from_settings`). Because every score is a
`value >= threshold` test, each class is a flat Rule the store compiles to SQL.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from sellerdesk.domain.buyers import BuyerFacts
from sellerdesk.domain.checks import is_whole
from sellerdesk.domain.money import format_yuan
from sellerdesk.domain.rules import Condition, Field, Op, Rule, RuleError, all_of

V = TypeVar("V", int, str)
Cutoffs = tuple[V, V, V, V]

DEFAULT_R_DAYS = (30, 90, 180, 365)  # within 30 days scores 5, beyond 365 scores 1
DEFAULT_F_ORDERS = (2, 3, 5, 8)
DEFAULT_M_FEN = (10_000, 30_000, 100_000, 300_000)  # ¥100, ¥300, ¥1,000, ¥3,000
DEFAULT_HIGH_FROM = 3


@dataclass(frozen=True, slots=True)
class RfmClass:
    key: str
    name_zh: str
    name_en: str
    r_high: bool
    f_high: bool
    m_high: bool


RFM_CLASSES: tuple[RfmClass, ...] = (
    RfmClass("rfm_important_value", "重要价值客户", "Important value", True, True, True),
    RfmClass("rfm_important_develop", "重要发展客户", "Important to develop", True, False, True),
    RfmClass("rfm_important_keep", "重要保持客户", "Important to keep", False, True, True),
    RfmClass("rfm_important_winback", "重要挽留客户", "Important to win back", False, False, True),
    RfmClass("rfm_general_value", "一般价值客户", "General value", True, True, False),
    RfmClass("rfm_general_develop", "一般发展客户", "General to develop", True, False, False),
    RfmClass("rfm_general_keep", "一般保持客户", "General to keep", False, True, False),
    RfmClass("rfm_general_winback", "一般挽留客户", "General to win back", False, False, False),
)
RFM_CLASS_BY_KEY: dict[str, RfmClass] = {c.key: c for c in RFM_CLASSES}


@dataclass(frozen=True, slots=True)
class RfmCutoffs:
    """Thresholds t2..t5 per dimension, ascending (see the module docstring)."""

    r: tuple[str, str, str, str]  # last countable order day
    f: tuple[int, int, int, int]  # countable orders
    m: tuple[int, int, int, int]  # paid total, fen

    def scores(self, facts: BuyerFacts) -> tuple[int, int, int] | None:
        """(R, F, M) scores; None for a buyer without a countable order."""
        if facts.countable_orders <= 0 or facts.last_order_day is None:
            return None
        return (score(facts.last_order_day, self.r), score(facts.countable_orders, self.f),
                score(facts.paid_fen, self.m))


def score(value: V, cutoffs: Cutoffs) -> int:
    return 1 + sum(value >= t for t in cutoffs)


def histogram(values: Iterable[V]) -> list[tuple[V, int]]:
    """Each distinct value with how many buyers have it, ascending: what the store measures."""
    return sorted(Counter(values).items())


def quintile_cutoffs(value_counts: Sequence[tuple[V, int]]) -> Cutoffs | None:
    """Thresholds t2..t5 that give scores 1..5 by quintile; None for an empty histogram.

    A block of tied values gets the score of its mid-rank percentile
    p = (below + equal/2) / n, score = min(5, 1 + floor(5p)), so ties always
    share a score. A score no value reaches gets a threshold nobody reaches:
    max + 1 for ints, the day after the max for dates (both valid Rule values).
    """
    n = sum(c for _, c in value_counts)
    if n <= 0:
        return None
    thresholds: list[V | None] = [None] * 4
    below = 0
    previous = None
    for value, count in value_counts:
        if previous is not None and value <= previous:
            raise ValueError("value_counts must be sorted ascending by value, without repeats")
        previous = value
        if count <= 0:
            continue
        # floor(5 * (below + count/2) / n) in integers: no float near a boundary.
        s = min(5, 1 + (5 * (2 * below + count)) // (2 * n))
        for k in range(2, s + 1):
            if thresholds[k - 2] is None:
                thresholds[k - 2] = value
        below += count
    beyond = _beyond(previous)
    return tuple(beyond if t is None else t for t in thresholds)  # type: ignore[return-value]


def _beyond(top: V) -> V:
    if isinstance(top, str):
        return (date.fromisoformat(top) + timedelta(days=1)).isoformat()
    return top + 1


def quintile_rfm(r_counts: Sequence[tuple[str, int]], f_counts: Sequence[tuple[int, int]],
                 m_counts: Sequence[tuple[int, int]]) -> RfmCutoffs | None:
    """The shop's quintiles from three histograms over buyers with a countable order."""
    r, f, m = quintile_cutoffs(r_counts), quintile_cutoffs(f_counts), quintile_cutoffs(m_counts)
    if r is None or f is None or m is None:
        return None
    return RfmCutoffs(r, f, m)


def quintile_rfm_of(buyers: Iterable[BuyerFacts]) -> RfmCutoffs | None:
    """Reference for the store's measurement: quintiles of the buyers with a countable order."""
    counted = [b for b in buyers if b.countable_orders > 0 and b.last_order_day]
    return quintile_rfm(histogram(b.last_order_day for b in counted),
                        histogram(b.countable_orders for b in counted), histogram(b.paid_fen for b in counted))


def validate_own_cutoffs(r_days: Sequence[int], f_orders: Sequence[int], m_fen: Sequence[int]) -> None:
    """The shop's own cut-offs: four whole numbers each, non-negative, strictly ascending."""
    for values, zh, en in ((r_days, "R 的天数", "The R day counts"), (f_orders, "F 的订单数", "The F order counts"),
                           (m_fen, "M 的金额", "The M amounts")):
        if len(values) != 4 or not all(map(is_whole, values)):
            raise RuleError(f"{zh}需要 4 个整数。", f"{en} need 4 whole numbers.")
        if any(v < 0 for v in values):
            raise RuleError(f"{zh}不能为负数。", f"{en} cannot be negative.")
        if any(a >= b for a, b in zip(values, values[1:])):
            raise RuleError(f"{zh}必须从小到大排列，且各不相同。", f"{en} must rise from one to the next.")


def cutoffs_from_settings(r_days: Sequence[int], f_orders: Sequence[int], m_fen: Sequence[int],
                          as_of: date) -> RfmCutoffs:
    """The shop's own cut-offs as thresholds.

    R is given as day counts like (30, 90, 180, 365): a last order at most 30
    days before as_of scores 5, at most 90 scores 4, ..., more than 365 scores 1.
    """
    validate_own_cutoffs(r_days, f_orders, m_fen)
    r = tuple((as_of - timedelta(days=d)).isoformat() for d in reversed(r_days))
    return RfmCutoffs(r, tuple(f_orders), tuple(m_fen))  # type: ignore[arg-type]


def validate_high_from(high_from: int) -> None:
    if not is_whole(high_from) or not 2 <= high_from <= 5:
        raise RuleError("“高”的起点分数应在 2 到 5 之间。", "'High' must start at a score from 2 to 5.")


def rfm_class(facts: BuyerFacts, cutoffs: RfmCutoffs, high_from: int = DEFAULT_HIGH_FROM) -> RfmClass | None:
    """The buyer's class; None for a buyer without a countable order."""
    scores = cutoffs.scores(facts)
    if scores is None:
        return None
    r, f, m = (s >= high_from for s in scores)
    return next(c for c in RFM_CLASSES if (c.r_high, c.f_high, c.m_high) == (r, f, m))


def rfm_rule(cls: RfmClass, cutoffs: RfmCutoffs, high_from: int = DEFAULT_HIGH_FROM) -> Rule:
    """The class as a flat Rule: a countable order, then one >= or < test per dimension."""
    i = high_from - 2
    return all_of(
        Condition(Field.ORDERS, Op.GE, 1),
        Condition(Field.LAST_ORDER, Op.GE if cls.r_high else Op.LT, cutoffs.r[i]),
        Condition(Field.ORDERS, Op.GE if cls.f_high else Op.LT, cutoffs.f[i]),
        Condition(Field.PAID, Op.GE if cls.m_high else Op.LT, cutoffs.m[i]),
    )


def rfm_rule_text(cls: RfmClass, cutoffs: RfmCutoffs, high_from: int = DEFAULT_HIGH_FROM) -> tuple[str, str]:
    """One line with the actual numbers, for the group list."""
    i = high_from - 2
    r_t, f_t, m_t = cutoffs.r[i], cutoffs.f[i], format_yuan(cutoffs.m[i])
    r_op, f_op, m_op = (("≥", ">=") if high else ("<", "<") for high in (cls.r_high, cls.f_high, cls.m_high))
    zh = "、".join((
        f"R {r_op[0]} {high_from}（最近一次下单{f'在 {r_t} 或之后' if cls.r_high else f'早于 {r_t}'}）",
        f"F {f_op[0]} {high_from}（{'至少' if cls.f_high else '少于'} {f_t} 单）",
        f"M {m_op[0]} {high_from}（消费{'至少' if cls.m_high else '少于'} {m_t}）",
    ))
    orders_en = f"{f_t} order{'' if f_t == 1 else 's'}"
    en = "; ".join((
        f"R {r_op[1]} {high_from} (last order {'on or after' if cls.r_high else 'before'} {r_t})",
        f"F {f_op[1]} {high_from} ({'at least' if cls.f_high else 'fewer than'} {orders_en})",
        f"M {m_op[1]} {high_from} (paid {'at least' if cls.m_high else 'less than'} {m_t})",
    ))
    return zh, en


def explain(facts: BuyerFacts, cutoffs: RfmCutoffs, as_of: date,
            high_from: int = DEFAULT_HIGH_FROM) -> tuple[str, str]:
    """Why this buyer is in their class: each score, the figure behind it, high or low."""
    scores = cutoffs.scores(facts)
    cls = rfm_class(facts, cutoffs, high_from)
    if scores is None or cls is None:
        return "没有有效订单，不参与 RFM 分类。", "No countable order, so no RFM class."
    r, f, m = scores
    days = facts.days_since_last(as_of) or 0
    orders = facts.countable_orders
    paid = format_yuan(facts.paid_fen)

    def hl(s: int, zh: bool) -> str:
        return ("高" if s >= high_from else "低") if zh else ("high" if s >= high_from else "low")

    when_zh = "最近一次下单在今天" if days == 0 else f"最近一次下单 {days} 天前"
    when_en = "last order today" if days == 0 else f"last order {days} day{'s' if days != 1 else ''} ago"
    zh = (f"R {r}（{when_zh}）{hl(r, True)} · F {f}（{orders} 单）{hl(f, True)} · "
          f"M {m}（{paid}）{hl(m, True)} → {cls.name_zh}")
    en = (f"R {r} ({when_en}) {hl(r, False)} · F {f} ({orders} order{'s' if orders != 1 else ''}) "
          f"{hl(f, False)} · M {m} ({paid}) {hl(m, False)} → {cls.name_en}")
    return zh, en
