"""Breaking a festival's sales target down (seed 003, 目标分解): what the shop's past buyers can bring.

Share method (占比测算法): repeat-buyer target = last year's repeat-buyer share of
festival sales x this year's target. Suits shops with a stable history.

State method (状态测算法): last year, of the buyers whose last countable order was
30-60 days before the festival day ('active'), how many bought again in the
festival window? That is the active rate; likewise 61-180 days ('reactivated') and
181-365 days ('awakened'). Rates x this year's pools x the average order value =
the sales returning buyers are likely to bring; set against the target it shows
how much must come from new buyers or from extra win-back work.

Nothing is ever made up: a figure whose history is missing is None and `missing`
says why, in Chinese and English. A rate over an empty pool is None, not 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from math import floor

from sellerdesk.domain.checks import is_whole
from sellerdesk.domain.message_fields import Notice
from sellerdesk.domain.promo import CalendarError

# Days between a buyer's last countable order and the festival's main day (inclusive bounds).
STATE_WINDOWS: dict[str, tuple[int, int]] = {"active": (30, 60), "reactivated": (61, 180), "awakened": (181, 365)}
STATE_NAMES: dict[str, tuple[str, str]] = {
    "active": ("活跃客户", "Active buyers"),
    "reactivated": ("激活客户", "Reactivated buyers"),
    "awakened": ("唤醒客户", "Awakened buyers"),
}


def state_of(days_before: int) -> str | None:
    """The state of a buyer whose last countable order was `days_before` days before the main day."""
    for state, (lo, hi) in STATE_WINDOWS.items():
        if lo <= days_before <= hi:
            return state
    return None


def _round(x: Fraction) -> int:
    """Half up: 2.5 buyers -> 3 (never banker's rounding on money)."""
    return floor(x + Fraction(1, 2))


def _money(value: int | None, zh: str, en: str, allow_zero: bool = True) -> None:
    if value is None:
        return
    if not is_whole(value) or value < (0 if allow_zero else 1):
        low_zh, low_en = ("不能为负数", "cannot be negative") if allow_zero else ("应大于 0", "must be above 0")
        raise CalendarError(f"{zh}应为整数（分），且{low_zh}。", f"{en} must be whole fen and {low_en}.")


@dataclass(frozen=True)
class ShareSplit:
    """The share method: the target split into repeat and new buyers' parts."""

    target_fen: int
    repeat_share: float | None  # last year's repeat buyers' share of festival sales, 0..1
    repeat_fen: int | None
    new_fen: int | None
    missing: tuple[Notice, ...] = ()


def share_method(target_fen: int, last_repeat_share: float | None) -> ShareSplit:
    _money(target_fen, "目标", "The target")
    if target_fen is None:
        raise CalendarError("请先填写目标。", "Enter a target first.")
    if last_repeat_share is None:
        return ShareSplit(target_fen, None, None, None, (Notice(
            "no_share", "没有去年的老客销售占比，无法用占比法拆分。",
            "Last year's repeat-buyer share is unknown, so the share method cannot split the target."),))
    if isinstance(last_repeat_share, bool) or not isinstance(last_repeat_share, (int, float)) \
            or not 0 <= last_repeat_share <= 1:
        raise CalendarError("老客占比应在 0 到 1（0%-100%）之间。", "The repeat-buyer share must be 0 to 1 (0%-100%).")
    repeat = _round(Fraction(str(last_repeat_share)) * target_fen)
    return ShareSplit(target_fen, float(last_repeat_share), repeat, target_fen - repeat)


@dataclass(frozen=True)
class StateCounts:
    """Last year: buyers in a state before the festival day (pool), and how many of them bought in it."""

    state: str
    pool: int
    returned: int


@dataclass(frozen=True)
class StateForecast:
    state: str
    name_zh: str
    name_en: str
    last_pool: int | None  # None: no history for this state
    last_returned: int | None
    rate: float | None  # last_returned / last_pool; None when the pool was 0 or unknown
    pool: int | None  # this year's buyers in the state; None: not counted
    expected_buyers: int | None
    expected_fen: int | None

    def name(self, lang: str = "zh") -> str:
        return self.name_zh if lang == "zh" else self.name_en


@dataclass(frozen=True)
class TargetBreakdown:
    target_fen: int | None
    aov_fen: int | None
    states: tuple[StateForecast, ...]
    expected_buyers: int | None  # sum of the three states' rows; None when any is missing
    expected_fen: int | None
    coverage: float | None  # expected_fen / target_fen
    share: ShareSplit | None  # the share method, when a target was given
    gap_fen: int | None  # repeat target (share method) - expected_fen; > 0 is a shortfall
    buyers_needed: int | None  # returning buyers the repeat target needs at the average order value
    missing: tuple[Notice, ...]

    def reasons(self, lang: str = "zh") -> list[str]:
        return [n.message(lang) for n in self.missing]


def state_rates(counts: Iterable[StateCounts]) -> dict[str, StateCounts]:
    """Check last year's counts: known states, each once, 0 <= returned <= pool."""
    out: dict[str, StateCounts] = {}
    for c in counts:
        if c.state not in STATE_WINDOWS:
            raise CalendarError(f"未知的客户状态：{c.state!r}。", f"Unknown buyer state: {c.state!r}.")
        if c.state in out:
            raise CalendarError(f"客户状态 {c.state} 重复。", f"Buyer state {c.state} is given twice.")
        zh, en = STATE_NAMES[c.state]
        for v in (c.pool, c.returned):
            if not is_whole(v) or v < 0:
                raise CalendarError(f"{zh}的人数应为非负整数。", f"{en}: counts must be whole and not negative.")
        if c.returned > c.pool:
            raise CalendarError(f"{zh}：回购人数（{c.returned}）多于总人数（{c.pool}）。",
                                f"{en}: more returned ({c.returned}) than in the pool ({c.pool}).")
        out[c.state] = c
    return out


def _forecast(state: str, last: StateCounts | None, pool: int | None, aov: int | None,
              missing: list[Notice]) -> StateForecast:
    zh, en = STATE_NAMES[state]
    lo, hi = STATE_WINDOWS[state]
    rate: Fraction | None = None
    if last is None:
        missing.append(Notice(f"no_history_{state}", f"没有去年{zh}（大促前 {lo}-{hi} 天购买）的数据，回购率未知。",
                              f"No history of last year's {en.lower()} (bought {lo}-{hi} days before), "
                              "so their return rate is unknown."))
    elif last.pool == 0:
        missing.append(Notice(f"empty_history_{state}", f"去年{zh}（大促前 {lo}-{hi} 天购买）为 0 人，无法计算回购率。",
                              f"Last year had no {en.lower()} (bought {lo}-{hi} days before), "
                              "so there is no return rate."))
    else:
        rate = Fraction(last.returned, last.pool)
    if pool is None:
        missing.append(Notice(f"no_pool_{state}", f"今年{zh}的人数未统计。", f"This year's {en.lower()} are not counted."))
    elif not is_whole(pool) or pool < 0:
        raise CalendarError(f"今年{zh}的人数应为非负整数。", f"This year's {en.lower()}: the count must be whole and not negative.")
    buyers = _round(rate * pool) if rate is not None and pool is not None else None
    # Sales = the rounded buyers x AOV, so a row reads buyers x AOV = sales.
    money = buyers * aov if buyers is not None and aov is not None else None
    return StateForecast(state, zh, en, last.pool if last else None, last.returned if last else None,
                         float(rate) if rate is not None else None, pool, buyers, money)


def state_method(target_fen: int | None, last_year: Iterable[StateCounts], pools: Mapping[str, int | None],
                 aov_fen: int | None, last_repeat_share: float | None = None) -> TargetBreakdown:
    """Last year's rates applied to this year's pools; with a target, what it implies."""
    _money(target_fen, "目标", "The target")
    _money(aov_fen, "客单价", "The average order value", allow_zero=False)
    last = state_rates(last_year)
    missing: list[Notice] = []
    states = [_forecast(state, last.get(state), pools.get(state), aov_fen, missing) for state in STATE_WINDOWS]
    if aov_fen is None:
        missing.append(Notice("no_aov", "没有客单价，无法把人数换算成销售额。",
                              "No average order value, so buyers cannot be turned into sales."))
    # Totals are the sums of the rounded rows, so the table adds up.
    buyers = [fc.expected_buyers for fc in states]
    money = [fc.expected_fen for fc in states]
    expected_buyers = sum(buyers) if None not in buyers else None
    expected_fen = sum(money) if None not in money else None
    share = coverage = gap = needed = None
    if target_fen is None:
        missing.append(Notice("no_target", "没有填写目标，只给出预计回购。",
                              "No target was entered, so only the expected returns are shown."))
    else:
        share = share_method(target_fen, last_repeat_share)
        missing.extend(share.missing)
        if expected_fen is not None and target_fen > 0:
            coverage = float(Fraction(expected_fen, target_fen))
        if share.repeat_fen is not None:
            if expected_fen is not None:
                gap = share.repeat_fen - expected_fen
            if aov_fen is not None:
                needed = -(-share.repeat_fen // aov_fen)
    return TargetBreakdown(target_fen, aov_fen, tuple(states), expected_buyers, expected_fen,
                           coverage, share, gap, needed, tuple(missing))
