"""After-sales cases (售后记录) and the figures a shop watches on a peak day.

A case is one buyer's problem with one order: the reason (a key of the script
library's taxonomy), what the agent offered, the outcome, what it cost the
shop, its status and an optional follow-up day. The figures are pure functions
of the cases and the units sold, so the window, the command line and a report
read the same numbers. `today` and every time are passed in (no clock here).

Who is at fault per reason ('seller' | 'buyer' | 'neutral') is the script
taxonomy's knowledge; the figures take it as a mapping so this module does not
depend on how the library is written.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import Enum

from sellerdesk.domain.checks import is_whole
from sellerdesk.domain.errors import BilingualError
from sellerdesk.domain.money import fen_per

AT_RISK_WINDOW_DAYS = 90  # problems this recent are still on the buyer's mind when they rate the shop
AT_RISK_REPEATS = 2  # two problems in the window make a bad review likely
MAX_NOTES = 2000
MAX_OFFERED = 500


class CaseError(BilingualError):
    """A case that cannot be stored as given (no reason, a negative cost, closed without an outcome ...)."""


class Outcome(str, Enum):
    EXCHANGED = "exchanged"
    REFUNDED = "refunded"
    PARTIAL_REFUND = "partial_refund"
    GIFT_SENT = "gift_sent"
    KEPT_WITH_COMPENSATION = "kept_with_compensation"
    WITHDRAWN = "withdrawn"

    def label(self, lang: str = "zh") -> str:
        zh, en = _OUTCOME_LABELS[self]
        return zh if lang == "zh" else en


_OUTCOME_LABELS = {
    Outcome.EXCHANGED: ("已换货", "Exchanged"),
    Outcome.REFUNDED: ("已退款", "Refunded"),
    Outcome.PARTIAL_REFUND: ("部分退款", "Partial refund"),
    Outcome.GIFT_SENT: ("已送小礼物", "Gift sent"),
    Outcome.KEPT_WITH_COMPENSATION: ("补偿后保留", "Kept with compensation"),
    Outcome.WITHDRAWN: ("买家撤销", "Withdrawn"),
}


class CaseStatus(str, Enum):
    OPEN = "open"
    WAITING_BUYER = "waiting_buyer"
    RESOLVED = "resolved"

    def label(self, lang: str = "zh") -> str:
        zh, en = _STATUS_LABELS[self]
        return zh if lang == "zh" else en


_STATUS_LABELS = {
    CaseStatus.OPEN: ("处理中", "Open"),
    CaseStatus.WAITING_BUYER: ("等买家回复", "Waiting for the buyer"),
    CaseStatus.RESOLVED: ("已解决", "Resolved"),
}


@dataclass(frozen=True)
class CaseDraft:
    """A case as the agent fills it in, before it is stored."""

    order_no: str
    reason: str  # a reason key of the script taxonomy (wrong_item, size_colour ...)
    platform: str | None = None  # known once the order is found in the shop
    buyer_id: int | None = None
    script_key: str | None = None  # the script the agent used, if any
    offered: str = ""  # what was offered, in the agent's words (小礼物, 退5元 ...)
    outcome: Outcome | None = None
    cost_fen: int = 0  # the gift's or concession's cost to the shop
    status: CaseStatus = CaseStatus.OPEN
    follow_up: date | None = None  # a day to look at it again: becomes a calendar to-do
    notes: str = ""
    item_title: str | None = None
    sku: str | None = None

    def validate(self) -> None:
        """Raise CaseError unless the case can be stored."""
        if not self.order_no.strip():
            raise CaseError("请填写订单号。", "Enter the order number.")
        if not self.reason.strip():
            raise CaseError(f"订单 {self.order_no}：请选择售后原因。",
                            f"Order {self.order_no}: choose the reason of the case.")
        if not is_whole(self.cost_fen) or self.cost_fen < 0:
            raise CaseError(f"订单 {self.order_no}：补偿金额不能为负数。",
                            f"Order {self.order_no}: the compensation cannot be negative.")
        if self.status is CaseStatus.RESOLVED and self.outcome is None:
            raise CaseError(f"订单 {self.order_no}：结案前请选择处理结果。",
                            f"Order {self.order_no}: choose the outcome before closing the case.")
        if len(self.offered) > MAX_OFFERED or len(self.notes) > MAX_NOTES:
            raise CaseError(f"订单 {self.order_no}：方案最多 {MAX_OFFERED} 字，备注最多 {MAX_NOTES} 字。",
                            f"Order {self.order_no}: at most {MAX_OFFERED} characters offered and "
                            f"{MAX_NOTES} of notes.")

    @property
    def is_open(self) -> bool:
        return self.status is not CaseStatus.RESOLVED


@dataclass(frozen=True)
class Case(CaseDraft):
    """A stored case."""

    id: int = 0
    created_at: datetime = datetime(1970, 1, 1)
    closed_at: datetime | None = None
    task_id: int | None = None  # the calendar to-do of its follow-up day

    def draft(self) -> CaseDraft:
        return CaseDraft(**{f: getattr(self, f) for f in CaseDraft.__dataclass_fields__})


def with_status(case: Case, status: CaseStatus, now: datetime, outcome: Outcome | None = None) -> Case:
    """The case moved to `status`: closing stamps closed_at (kept if it was already closed),
    reopening clears it. An outcome given here replaces the stored one."""
    outcome = outcome or case.outcome
    if status is CaseStatus.RESOLVED:
        closed_at = case.closed_at if case.status is CaseStatus.RESOLVED and case.closed_at else now
    else:
        closed_at = None
    changed = replace(case, status=status, outcome=outcome, closed_at=closed_at)
    changed.validate()
    return changed


def follow_up_title(order_no: str) -> str:
    """The calendar to-do's title: both languages, since the task list shows stored titles as they are."""
    return f"跟进售后：订单 {order_no} / Follow up return: order {order_no}"


# --- figures ---------------------------------------------------------------------------------

BUYER_REASON = "buyer"
SELLER_FAULT = "seller"
RETURNED = frozenset({Outcome.EXCHANGED, Outcome.REFUNDED})  # outcomes where the goods come back


@dataclass(frozen=True)
class ItemRate:
    item: str
    cases: int  # after-sales cases about the item in the period
    returns: int  # of which the goods came back (exchanged or refunded)
    sold: int  # units sold in the period

    @property
    def return_rate(self) -> float | None:
        return self.returns / self.sold if self.sold else None


@dataclass(frozen=True)
class AtRiskBuyer:
    """A buyer likely to leave a bad review: several recent problems, or a seller-fault case still open."""

    buyer_id: int | None  # None: the order is not in the shop yet (the case names only the order)
    case_ids: tuple[int, ...]
    order_nos: tuple[str, ...]
    recent_problems: int  # cases in the last AT_RISK_WINDOW_DAYS days (withdrawn ones left out)
    seller_fault_open: bool


@dataclass(frozen=True)
class AfterSalesFigures:
    day_start: date
    day_end: date
    cases: int  # logged in the period
    cases_by_reason: list[tuple[str, int]]  # most frequent first
    return_rate_by_item: list[ItemRate]  # most cases first
    exchanges: int  # buyer-reason cases kept as an exchange
    refunds: int  # buyer-reason cases refunded
    compensation_fen: int  # total cost of gifts and concessions in the period
    open_past_follow_up: list[Case] = field(default_factory=list)  # any period: the work still to do
    at_risk_buyers: list[AtRiskBuyer] = field(default_factory=list)

    @property
    def exchange_save_rate(self) -> float | None:
        """换货挽留率: buyer-reason cases kept as an exchange instead of a refund; None before any."""
        decided = self.exchanges + self.refunds
        return self.exchanges / decided if decided else None

    @property
    def compensation_per_case_fen(self) -> int | None:
        """Compensation spent per case logged in the period (rounded half up); None without cases."""
        return fen_per(self.compensation_fen, self.cases)


def after_sales_figures(cases: Iterable[Case], lines_sold_by_item: Mapping[str, int], day_start: date,
                        day_end: date, today: date, faults: Mapping[str, str]) -> AfterSalesFigures:
    """The period's figures (cases created from day_start to day_end, both included), the open
    cases past their follow-up day as of today, and the buyers at risk as of today.

    `cases` should hold the period's cases plus every case that is still open or was created in
    the AT_RISK_WINDOW_DAYS before today (the store asks for exactly that); `faults` maps a
    reason key to 'seller' | 'buyer' | 'neutral' (an unknown reason counts as neutral).
    """
    cases = list(cases)
    period = [c for c in cases if day_start <= c.created_at.date() <= day_end]
    by_reason = Counter(c.reason for c in period)
    item_cases: Counter[str] = Counter()
    item_returns: Counter[str] = Counter()
    for c in period:
        if c.item_title:
            item_cases[c.item_title] += 1
            item_returns[c.item_title] += c.outcome in RETURNED
    rates = [ItemRate(item, n, item_returns[item], int(lines_sold_by_item.get(item, 0)))
             for item, n in item_cases.items()]
    rates.sort(key=lambda r: (-r.cases, -(r.return_rate or 0.0), r.item))
    buyer_reason = [c for c in period if faults.get(c.reason) == BUYER_REASON]
    return AfterSalesFigures(
        day_start, day_end, len(period), sorted(by_reason.items(), key=lambda kv: (-kv[1], kv[0])), rates,
        sum(c.outcome is Outcome.EXCHANGED for c in buyer_reason),
        sum(c.outcome is Outcome.REFUNDED for c in buyer_reason),
        sum(c.cost_fen for c in period),
        past_follow_up(cases, today), at_risk_buyers(cases, today, faults))


def past_follow_up(cases: Iterable[Case], today: date) -> list[Case]:
    """Open cases whose follow-up day has passed (today's are not late yet), the most overdue first."""
    late = [c for c in cases if c.is_open and c.follow_up is not None and c.follow_up < today]
    return sorted(late, key=lambda c: (c.follow_up, c.id))


def at_risk_buyers(cases: Iterable[Case], today: date, faults: Mapping[str, str]) -> list[AtRiskBuyer]:
    """Buyers with AT_RISK_REPEATS or more problem cases in the last AT_RISK_WINDOW_DAYS days, or a
    seller-fault case still open. A case without a known buyer stands for a buyer of its own."""
    since = today - timedelta(days=AT_RISK_WINDOW_DAYS)
    by_buyer: dict[object, list[Case]] = defaultdict(list)
    for c in cases:
        by_buyer[c.buyer_id if c.buyer_id is not None else ("order", c.order_no)].append(c)
    found = []
    for key, own in by_buyer.items():
        recent = [c for c in own if since < c.created_at.date() <= today and c.outcome is not Outcome.WITHDRAWN]
        seller_open = any(c.is_open and faults.get(c.reason) == SELLER_FAULT for c in own)
        if len(recent) >= AT_RISK_REPEATS or seller_open:
            own.sort(key=lambda c: (c.created_at, c.id))
            found.append(AtRiskBuyer(key if isinstance(key, int) else None, tuple(c.id for c in own),
                                     tuple(dict.fromkeys(c.order_no for c in own)), len(recent), seller_open))
    found.sort(key=lambda b: (not b.seller_fault_open, -b.recent_problems, b.case_ids))
    return found
