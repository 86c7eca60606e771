"""The demo shop's work around its orders: campaigns on the calendar, typed ad spend, after-sales cases.

So a seller trying `sellerdesk --demo` finds every tab in use: last 11.11's
campaign mostly done (a few tasks skipped or late), the next festival's
campaign planned, the spend and traffic a shop types from its ad tools, and
the cases its agents logged. Deterministic for (seed, today); made through
the same services as the window's actions.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sellerdesk.domain.cases import CaseDraft, CaseStatus, Outcome
from sellerdesk.domain.channels import ChannelDay
from sellerdesk.domain.festivals import FESTIVALS
from sellerdesk.domain.promo import TaskStatus
from sellerdesk.services import calendar_tasks, campaigns, channel_data, returns
from sellerdesk.services.jobs import Changes
from sellerdesk.services.shop import ShopFile
from sellerdesk.store.returns import recent_orders

# (channel, share of a day's sales it brings, spend as a share of the sales it brings)
_CHANNELS = (("ztc", 0.22, 0.28), ("ylmf", 0.08, 0.45), ("tbk", 0.12, 0.20), ("natural", 0.45, 0.0))
_CASE_REASONS = ("size_colour", "size_colour", "no_longer_wanted", "quality", "logistics_delay", "wrong_item",
                 "damaged", "size_colour", "late_shipment", "return_shipping", "no_longer_wanted", "missing_item")


@dataclass(frozen=True)
class DemoActivity:
    campaigns: int
    channel_rows: int
    cases: int
    changes: Changes = Changes(calendar=True, reports=True)


def add_demo_activity(shop: ShopFile, today: date, seed: int = 7) -> DemoActivity:
    """Campaigns, channel figures and cases for a demo shop whose orders end on `today`."""
    rng = random.Random(seed)
    made = []
    last = _last_1111(today)
    past = campaigns.apply_playbook(shop, "1111", "1111", last.year, allow_duplicate=True)
    made.append(past)
    now = datetime.combine(today, time(9, 0))
    for i, task in enumerate(campaigns.campaign_tasks(shop, past.id)):
        if task.due_end >= now:
            continue
        roll = rng.random()
        if roll < 0.82:
            calendar_tasks.set_task_status(shop, task.id, TaskStatus.DONE, min(task.due_end, now))
        elif roll < 0.9:
            calendar_tasks.set_task_status(shop, task.id, TaskStatus.SKIPPED, now)
        # else left to do: shown late, as in a real shop
    upcoming = _next_festival(today)
    if upcoming is not None:
        key, year = upcoming
        made.append(campaigns.apply_playbook(shop, key, key, year, allow_duplicate=True))
    rows = _channel_rows(shop, past, rng)
    channel_data.save_channel_rows(shop, rows)
    cases = _cases(shop, today, rng)
    return DemoActivity(len(made), len(rows), cases)


def _last_1111(today: date) -> date:
    this_year = date(today.year, 11, 11)
    return this_year if this_year <= today else date(today.year - 1, 11, 11)


def _next_festival(today: date) -> tuple[str, int] | None:
    """The next of 618, 11.11 and 12.12 after today (the festivals the built-in playbooks are for)."""
    for year in (today.year, today.year + 1):
        for key, month, day in (("618", 6, 18), ("1111", 11, 11), ("1212", 12, 12)):
            if key in FESTIVALS and date(year, month, day) > today + timedelta(days=7):
                return key, year
    return None


def _channel_rows(shop: ShopFile, campaign, rng: random.Random) -> list[ChannelDay]:
    """Plausible ad figures for the campaign's selling days, scaled to the shop's own daily sales."""
    from sellerdesk.services.reports import default_period_for_campaign, report_figures

    period = default_period_for_campaign(shop, campaign.id)
    daily = {d.day: d.paid_fen for d in report_figures(shop, period).daily}
    rows = []
    for day, paid in sorted(daily.items()):
        base = max(paid, 20_000)
        for channel, share, cost in _CHANNELS:
            sales = int(base * share * rng.uniform(0.7, 1.3))
            uv = max(int(sales / 100 / rng.uniform(8, 20)), 5)
            pv = int(uv * rng.uniform(1.6, 3.2))
            spend = int(sales * cost * rng.uniform(0.8, 1.25)) if cost else None
            rows.append(ChannelDay(day, channel, spend_fen=spend, uv=uv, pv=pv, clicks=int(uv * 0.9) if cost else None,
                                   orders=max(int(uv * rng.uniform(0.01, 0.04)), 0), sales_fen=sales,
                                   campaign_id=campaign.id))
    return rows


def _cases(shop: ShopFile, today: date, rng: random.Random) -> int:
    """A dozen after-sales cases on recent orders, most resolved, a few still open."""
    start = today - timedelta(days=20)
    store = shop.open()
    try:
        found = recent_orders(store.conn, start, today, len(_CASE_REASONS))
    finally:
        store.close()
    for i, (order_no, created) in enumerate(found):
        reason = _CASE_REASONS[i]
        buyer_reason = reason in ("size_colour", "no_longer_wanted", "return_shipping")
        outcome = (Outcome.EXCHANGED if rng.random() < 0.6 else Outcome.REFUNDED) if buyer_reason else \
            rng.choice((Outcome.GIFT_SENT, Outcome.PARTIAL_REFUND, Outcome.KEPT_WITH_COMPENSATION))
        open_case = i % 5 == 4
        draft = CaseDraft(
            order_no=order_no, reason=reason, script_key=f"{reason}.standard",
            offered="换货包邮" if buyer_reason else "道歉并补偿 5 元",
            outcome=None if open_case else outcome, cost_fen=0 if buyer_reason else 500,
            status=CaseStatus.WAITING_BUYER if open_case else CaseStatus.RESOLVED,
            follow_up=today + timedelta(days=1) if open_case else None,
        )
        returns.log_case(shop, draft, datetime.combine(min(created + timedelta(days=3), today), time(15, 0)))
    return len(found)
