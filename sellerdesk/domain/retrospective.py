"""The retrospective (复盘) report's period and figures: plain values, no SQL, no clock.

services.reports reads the figures from the store (one read transaction) into
these dataclasses; domain.report_sections turns them into a ReportDoc in one
language, and domain.highlights writes the good/bad list from them. Money is
integer fen; days are calendar days in shop time; an order belongs to the day it
was created (as everywhere in SellerDesk).

Definitions the report uses (each section states its own in the document):
- paid total, countable orders, buyers: domain.orders (countable = paid, not
  closed, not fully refunded), over orders created in the period;
- refund rate: orders with a successful refund (partial or full) among the
  period's paid orders (countable ones plus the fully refunded), like the
  platforms' 退款率 counted in orders;
- new buyer (新客): a buyer of the period without a countable order before it;
  repeat buyer (老客): one with a countable order before the period's first day.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sellerdesk.domain.cases import AfterSalesFigures
from sellerdesk.domain.errors import BilingualError
from sellerdesk.domain.lift import Lift
from sellerdesk.domain.message_fields import TITLE_LIMIT, render, used_fields
from sellerdesk.domain.money import fen_per
from sellerdesk.domain.promo import Phase
from sellerdesk.domain.sms import sms_parts

# Campaign phases that are about preparing or looking back, not selling: a campaign's report
# covers the selling phases (pre-sale ... thank-you), about a month for the 11.11 playbook.
NON_SELLING_PHASES = frozenset({"pool", "review", "next"})
MAX_PERIOD_DAYS = 400
CONVERSION_DAYS = 7  # orders within this many days of an outreach count as its conversions
SMS_PRICE_LI = 45  # 0.045 yuan per billed SMS part, in li (0.001 yuan): the usual bulk price


class ReportError(BilingualError):
    """A report that cannot be made as asked (a reversed period, an unknown campaign)."""


@dataclass(frozen=True)
class ReportPeriod:
    start: date
    end: date
    compare_start: date | None = None
    compare_end: date | None = None
    campaign_id: int | None = None
    label: str = ""  # "双11 2026"; empty: the dates are the label

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ReportError(f"结束日期 {self.end} 早于开始日期 {self.start}。",
                              f"The end {self.end} is before the start {self.start}.")
        if (self.end - self.start).days >= MAX_PERIOD_DAYS:
            raise ReportError(f"报告期最长 {MAX_PERIOD_DAYS} 天。", f"A report covers at most {MAX_PERIOD_DAYS} days.")
        if (self.compare_start is None) != (self.compare_end is None):
            raise ReportError("对比期需要同时给出开始和结束日期。", "A comparison period needs both a start and an end.")
        if self.compare_start is not None and self.compare_end < self.compare_start:
            raise ReportError(f"对比期结束日期 {self.compare_end} 早于开始日期 {self.compare_start}。",
                              f"The comparison ends ({self.compare_end}) before it starts ({self.compare_start}).")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def has_compare(self) -> bool:
        return self.compare_start is not None

    def day_list(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range(self.days)]

    def compare_day_list(self) -> list[date]:
        if self.compare_start is None:
            return []
        return [self.compare_start + timedelta(days=i) for i in range((self.compare_end - self.compare_start).days + 1)]


def previous_span(start: date, end: date) -> tuple[date, date]:
    """The same number of days right before start."""
    length = (end - start).days + 1
    return start - timedelta(days=length), start - timedelta(days=1)


def default_comparison(start: date, end: date, last_year: tuple[date, date] | None = None) -> tuple[date, date]:
    """The comparison a report takes when none is asked for: the same festival's campaign last
    year when there is one (its selling window), otherwise the same length right before."""
    return last_year if last_year is not None else previous_span(start, end)


def selling_window(phases: Iterable[Phase], anchor: date) -> tuple[date, date]:
    """A campaign's report window: from its first selling phase to its last (the pool, review and
    next-festival phases left out); all its phases when none sells; the anchor day without phases."""
    phases = list(phases)
    selling = [p for p in phases if p.key not in NON_SELLING_PHASES] or phases
    if not selling:
        return anchor, anchor
    return min(p.start for p in selling), max(p.end for p in selling)


# Offers as sellers write them: 满150减10, 20元券, 无门槛5元券, 8.5折, 包邮, 买一送一.
_OFFER = re.compile(r"满\d+元?减\d+元?|无门槛\d*元?[优惠]*券|\d+元[优惠]*券|\d+(?:\.\d)?折|包邮|买[一二三\d]送[一二三\d]")
# Field values of a usual length, so an SMS text's parts can be estimated without each buyer's own.
_TYPICAL = {"name": "王小明", "nick": "tb_12345678", "last_item": "宝" * TITLE_LIMIT, "city": "杭州市",
            "last_order_date": "2025-11-11", "aov": "¥128.00", "paid_total": "¥1,280.00"}


def offers_in(text: str, coupon: str | None = None) -> str | None:
    """The offers an outreach text gave: its {coupon} (the group's coupon) and any written out."""
    found = []
    if coupon and "coupon" in used_fields(text):
        found.append(coupon)
    found += [m for m in _OFFER.findall(text) if m not in found]
    return "、".join(found) or None


def estimated_parts(text: str, coupon: str | None = None, shop: str | None = None) -> int:
    """Billed SMS parts of one message of this text, its fields at a usual length."""
    return sms_parts(render(text, {**_TYPICAL, "coupon": coupon, "shop": shop}))


def sms_cost_fen(parts: int, price_li: int = SMS_PRICE_LI) -> int:
    """parts x price (li, 0.001 yuan) in fen, rounded half up."""
    return (parts * price_li * 2 + 10) // 20


# --- figures ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Totals:
    paid_fen: int  # paid total of countable orders
    orders: int  # countable orders
    buyers: int  # distinct buyers with a countable order
    paid_orders: int  # countable orders plus fully refunded ones (the refund rate's base)
    refunded_orders: int  # of those, with a successful refund (partial or full)
    refund_fen: int  # refunded money of those orders

    @property
    def aov_fen(self) -> int | None:
        """Average order value, rounded half up; None without orders."""
        return fen_per(self.paid_fen, self.orders)

    @property
    def refund_rate(self) -> float | None:
        return self.refunded_orders / self.paid_orders if self.paid_orders else None


@dataclass(frozen=True)
class DayFigures:
    day: date
    paid_fen: int
    orders: int
    buyers: int


@dataclass(frozen=True)
class ChannelRow:
    key: str
    name_zh: str
    name_en: str
    spend_fen: int | None
    sales_fen: int | None
    uv: int | None
    pv: int | None
    clicks: int | None = None
    orders: int | None = None

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en

    @property
    def roi(self) -> float | None:
        """Attributed sales per yuan spent (None without spend)."""
        if not self.spend_fen or self.sales_fen is None:
            return None
        return self.sales_fen / self.spend_fen

    @property
    def depth(self) -> float | None:
        """Visit depth PV/UV (seed 000)."""
        if not self.uv or self.pv is None:
            return None
        return self.pv / self.uv

    @property
    def conversion(self) -> float | None:
        """Orders per visitor."""
        if not self.uv or self.orders is None:
            return None
        return self.orders / self.uv


@dataclass(frozen=True)
class ItemRow:
    title: str
    units: int
    sales_fen: int  # the lines' amounts (or unit price x quantity) in countable orders
    orders: int
    compare_units: int = 0
    compare_sales_fen: int = 0

    @property
    def growth(self) -> float | None:
        """Sales growth against the comparison (None when it sold nothing then)."""
        if not self.compare_sales_fen:
            return None
        return (self.sales_fen - self.compare_sales_fen) / self.compare_sales_fen


@dataclass(frozen=True)
class StoppedItem:
    """An item that sold steadily and then stopped while the shop kept selling: likely sold out."""

    title: str
    units: int
    selling_days: int
    last_sale: date


@dataclass(frozen=True)
class ItemPair:
    first: str
    second: str
    orders: int  # countable orders holding both


@dataclass(frozen=True)
class ItemFigures:
    rows: tuple[ItemRow, ...]  # every item of the period, best sales first
    total_sales_fen: int
    stopped: tuple[StoppedItem, ...] = ()
    pairs: tuple[ItemPair, ...] = ()
    new_in_compare: int = 0  # items of the comparison not sold in the period (for the text)


@dataclass(frozen=True)
class BuyerMix:
    new_buyers: int
    repeat_buyers: int
    new_paid_fen: int
    repeat_paid_fen: int

    @property
    def buyers(self) -> int:
        return self.new_buyers + self.repeat_buyers

    @property
    def repeat_share(self) -> float | None:
        return self.repeat_buyers / self.buyers if self.buyers else None


@dataclass(frozen=True)
class GroupCount:
    key: str
    name_zh: str
    name_en: str
    buyers: int
    paid_fen: int = 0  # their paid total in the period

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en


@dataclass(frozen=True)
class RegionRow:
    province: str  # '' when the orders do not say
    buyers: int
    orders: int
    paid_fen: int


@dataclass(frozen=True)
class BuyerFigures:
    mix: BuyerMix
    compare_mix: BuyerMix | None
    classes_as_of: date  # the day before the period: whom the period's buyers were
    outreach_classes: tuple[GroupCount, ...]  # loyal / active / general, then 'new' (no earlier order)
    rfm_classes: tuple[GroupCount, ...]
    regions: tuple[RegionRow, ...]
    tiers_before: tuple[GroupCount, ...]  # the period's buyers' member tier as of classes_as_of
    tiers_after: tuple[GroupCount, ...]  # ... and as of the period's last day


@dataclass(frozen=True)
class TaskReview:
    """An outreach task of the calendar: planned against done."""

    title: str
    group_name: str
    planned: datetime  # its start
    due: datetime  # the end of its window (late after it)
    status: str  # 'on_time' | 'late' | 'skipped' | 'not_done' | 'open' (not due yet)
    done_at: datetime | None
    outreach_id: int | None


@dataclass(frozen=True)
class ArmResult:
    arm: str  # 'A' | 'B' | 'holdout'
    members: int
    buyers: int  # members with a countable order within the window
    paid_fen: int  # their paid total within the window

    @property
    def rate(self) -> float | None:
        return self.buyers / self.members if self.members else None


@dataclass(frozen=True)
class OutreachReview:
    id: int
    group_key: str
    group_name: str
    channel: str
    sent_at: datetime
    text_a: str
    text_b: str | None
    offer: str | None  # the coupon or offer the text gave, as the buyer read it; None: none found
    planned: int  # the group's size when exported (recipients, holdout included)
    holdout: int
    contacted: int  # reachable and not held out (what was actually sent)
    billed_parts: int  # SMS parts paid for (estimate: each text's parts x its arm's reachable people)
    cost_fen: int
    group_share: float | None  # the group's size as a share of every buyer (too wide?)
    arms: tuple[ArmResult, ...]

    def arm(self, key: str) -> ArmResult | None:
        return next((a for a in self.arms if a.arm == key), None)

    @property
    def treated(self) -> ArmResult:
        """A and B together."""
        arms = [a for a in self.arms if a.arm != "holdout"]
        return ArmResult("treated", sum(a.members for a in arms), sum(a.buyers for a in arms),
                         sum(a.paid_fen for a in arms))

    @property
    def lift(self) -> Lift | None:
        """Contacted (A+B, everyone assigned: intent to treat) against the holdout; None without one."""
        control = self.arm("holdout")
        if control is None or not control.members:
            return None
        t = self.treated
        return Lift(t.members, t.buyers, control.members, control.buyers)

    @property
    def ab(self) -> Lift | None:
        """Text A against text B (B plays the control); None without a B text."""
        a, b = self.arm("A"), self.arm("B")
        if a is None or b is None or not a.members or not b.members:
            return None
        return Lift(a.members, a.buyers, b.members, b.buyers)

    @property
    def fit(self) -> str:
        """Group choice: 'narrow' (too few to learn from), 'wide' (nearly everyone, or many and few
        bought), or 'ok'."""
        t = self.treated
        if t.members < NARROW_BELOW:
            return "narrow"
        if (self.group_share is not None and self.group_share >= WIDE_SHARE) or (
                t.members >= WIDE_MIN_PEOPLE and (t.rate or 0.0) < WIDE_LOW_RATE):
            return "wide"
        return "ok"


NARROW_BELOW = 50  # contacted people: fewer cannot show a difference of a few points
WIDE_SHARE = 0.5  # a group of half the shop or more is not a target, it is everyone
WIDE_MIN_PEOPLE = 500
WIDE_LOW_RATE = 0.01  # ... and with 500+ contacted, under 1% buying means the filter caught the uninterested


@dataclass(frozen=True)
class CrmFigures:
    window_days: int
    sms_price_li: int
    tasks: tuple[TaskReview, ...]
    outreaches: tuple[OutreachReview, ...]


@dataclass(frozen=True)
class NotesView:
    """The owner's free text for the period, and last time's lessons for the same festival."""

    lessons: str = ""
    owners: str = ""
    next_actions: str = ""
    previous_label: str = ""  # "双11 2025"
    previous_lessons: str = ""
    previous_next_actions: str = ""

    @property
    def empty(self) -> bool:
        return not (self.lessons.strip() or self.owners.strip() or self.next_actions.strip())


@dataclass(frozen=True)
class OpenCaseRow:
    """An after-sales case still open past its follow-up day, with the buyer as stored."""

    case_id: int
    order_no: str
    reason: str
    follow_up: date
    buyer_name: str | None
    buyer_phone: str | None


@dataclass(frozen=True)
class ReportFigures:
    shop: str
    period: ReportPeriod
    generated_at: datetime
    campaign_name: str | None
    target_fen: int | None
    current: Totals
    compare: Totals | None
    daily: tuple[DayFigures, ...]
    compare_daily: tuple[DayFigures, ...]
    phases: tuple[Phase, ...]
    channels: tuple[ChannelRow, ...]  # empty: nothing entered for the period
    compare_channels: tuple[ChannelRow, ...]
    items: ItemFigures
    buyers: BuyerFigures
    crm: CrmFigures
    after_sales: AfterSalesFigures | None
    open_cases: tuple[OpenCaseRow, ...] = ()
    reason_names: dict[str, tuple[str, str]] = field(default_factory=dict)  # reason key -> (zh, en)
