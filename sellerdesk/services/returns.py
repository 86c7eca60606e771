"""The returns tab's use cases: find the buyer or order, their history, the values a script is
filled with, the case log (with its calendar follow-ups) and the after-sales figures.

Each call opens its own connection (any thread may call it); every write is one
transaction. Names and phones leave here masked (domain.masking) except where the
agent needs the value itself: the receiver's name as the chat greets the buyer.
The script library itself (render, edit, import/export) is services/script_library.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from sellerdesk.domain import rfm
from sellerdesk.domain.cases import (AT_RISK_WINDOW_DAYS, AfterSalesFigures, Case, CaseDraft, CaseError,
                                     CaseStatus, Outcome, after_sales_figures, follow_up_title, with_status)
from sellerdesk.domain.coupons import suggest_coupon
from sellerdesk.domain.masking import mask_name, mask_phone
from sellerdesk.domain.money import format_yuan
from sellerdesk.domain.promo import TaskDraft, TaskStatus
from sellerdesk.domain.tiers import tier_of
from sellerdesk.services.calendar_tasks import check_task
from sellerdesk.services.clock import shop_now, shop_today
from sellerdesk.services.customers import BuyerDetail, buyer_detail
from sellerdesk.services.jobs import Changes
from sellerdesk.services.segmentation import Segmentation, load_coupon_rule, load_settings
from sellerdesk.services.shop import ShopFile
from sellerdesk.store import promo_calendar as task_rows
from sellerdesk.store import returns as rows
from sellerdesk.store.returns import OrderHit

__all__ = [
    "AfterSalesFigures", "BuyerHistory", "Case", "CaseDraft", "CaseError", "CaseStatus", "FOLLOW_UP_AT", "Match",
    "MatchedOrder", "Outcome", "close_case", "describe_buyers", "figures", "get_case", "history", "list_cases",
    "log_case", "lookup", "order_items", "order_values", "reason_faults", "update_case",
]

FOLLOW_UP_AT = time(10, 0)  # a follow-up day's to-do is due at 10:00, after the morning's first chats
CHANGES = Changes(calendar=True)  # a case write may add, move or close its calendar to-do
_PHONE = re.compile(r"^1\d{10}$")


# --- lookup ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class MatchedOrder:
    platform: str
    order_no: str
    created_at: str | None
    paid_fen: int | None
    status_text: str | None
    title: str | None
    receiver_masked: str
    phone_masked: str


@dataclass(frozen=True)
class Match:
    kind: str  # how it was found: 'order' | 'phone' | 'nick' | 'name'
    buyer_id: int | None  # None: an order without a known buyer
    platform: str
    nick: str | None  # the platform nick, as the chat tool shows it
    name_masked: str
    phone_masked: str
    city: str | None
    orders: int
    last_order_day: str | None
    order: MatchedOrder | None = None  # the order the query named (by number or its receiver's phone)


def lookup(shop: ShopFile, query: str, limit: int = 20) -> list[Match]:
    """Buyers and orders for what the agent typed or pasted: an order number (exact), a nick or a
    name (prefix, ASCII case ignored), the last four phone digits, or a whole mobile number.
    Order matches come first, then phones, nicks, names; each buyer once. Nothing found: []."""
    q = clean_query(query)
    if not q or limit <= 0:
        return []
    store = shop.open()
    try:
        conn = store.conn
        found: list[tuple[str, int | None, OrderHit | None]] = []
        seen: set[int] = set()

        def add_orders(kind: str, hits: list[OrderHit]) -> None:
            for h in hits:
                if h.buyer_id is None or h.buyer_id not in seen:
                    found.append((kind, h.buyer_id, h))
                    seen.add(h.buyer_id)

        def add_buyers(kind: str, ids: list[int]) -> None:
            for i in ids:
                if i not in seen:
                    found.append((kind, i, None))
                    seen.add(i)

        add_orders("order", rows.orders_by_number(conn, q, limit))
        if q.isdigit() and (len(q) == 4 or _PHONE.match(q)):
            tail = q[-4:]
            add_orders("phone", [h for h in rows.orders_by_phone_tail(conn, tail, limit)
                                 if len(q) == 4 or _same_phone(h.receiver_phone, q)])
            if len(q) == 4:
                add_buyers("phone", rows.buyers_by_phone_tail(conn, tail, limit))
            else:
                add_buyers("phone", [b.buyer_id for b in rows.buyer_hits(conn, rows.buyers_by_phone_tail(
                    conn, tail, 200)) if _same_phone(b.phone, q)])
        if not (q.isdigit() and len(q) >= 7):  # a long number is an order or a phone, never a nick
            add_buyers("nick", rows.buyers_by_prefix(conn, "account", q, limit))
            add_buyers("name", rows.buyers_by_prefix(conn, "name", q, limit))
        found = found[:limit]
        buyers = {b.buyer_id: b for b in rows.buyer_hits(conn, [i for _, i, _ in found if i is not None])}
        return [_match(kind, buyers.get(i), hit) for kind, i, hit in found]
    finally:
        store.close()


def clean_query(text: str) -> str:
    """What was pasted, without the wrapping spreadsheets and chats add: ="3141..." '3141 and spaces."""
    q = (text or "").strip()
    if q.startswith("="):
        q = q[1:]
    q = q.strip().strip("\"'“”‘’`").strip()
    return q if not q.replace(" ", "").isdigit() else q.replace(" ", "")


def _same_phone(stored: str | None, typed: str) -> bool:
    """A full mobile number against a stored one, which platforms often mask (138****5678)."""
    if not stored:
        return False
    stored = stored.strip()
    if "*" in stored:
        return stored[:3] == typed[:3] and stored[-4:] == typed[-4:]
    return stored == typed


def _match(kind: str, b: rows.BuyerHit | None, hit: OrderHit | None) -> Match:
    order = None if hit is None else MatchedOrder(
        hit.platform, hit.order_no, hit.created_at, hit.paid_fen, hit.status_text, hit.title,
        mask_name(hit.receiver_name), mask_phone(hit.receiver_phone))
    if b is None:  # an order whose buyer is unknown: show what the order says about its receiver
        return Match(kind, None, hit.platform, None, mask_name(hit.receiver_name), mask_phone(hit.receiver_phone),
                     hit.city, 0, None, order)
    return Match(kind, b.buyer_id, b.platform, b.account, mask_name(b.name), mask_phone(b.phone), b.city,
                 b.orders, b.last_order_day, order)


def describe_buyers(shop: ShopFile, buyer_ids: list[int]) -> dict[int, Match]:
    """Nick, masked name and phone, city and order count of these buyers (the figures' at-risk list
    names buyers by id); kind 'buyer', no order."""
    store = shop.open()
    try:
        return {b.buyer_id: _match("buyer", b, None) for b in rows.buyer_hits(store.conn, buyer_ids)}
    finally:
        store.close()


def order_items(shop: ShopFile, order_no: str) -> list[tuple[str, str | None]]:
    """(title, sku) of the order's items, for the case form's item choice; the order's own title
    when it was imported without lines; [] for an order the shop does not have."""
    store = shop.open()
    try:
        hits = rows.orders_by_number(store.conn, clean_query(order_no), 1)
        if not hits:
            return []
        lines = [(t, sku) for t, sku in rows.order_lines(store.conn, hits[0].platform, hits[0].order_no) if t]
        return lines or ([(hits[0].title, None)] if hits[0].title else [])
    finally:
        store.close()


# --- history ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class BuyerHistory:
    """One buyer's records for the agent. detail holds the raw rows (orders, lines, refunds,
    note) as the Customers tab shows them: show its names and phones through the masked fields
    here, and reveal a full phone only through services.customers.reveal_phone (logged)."""

    detail: BuyerDetail
    cases: list[Case]  # earlier after-sales cases, newest first
    repeat: bool  # two or more countable orders (老客)
    tier_zh: str | None
    tier_en: str | None
    rfm_key: str | None
    rfm_zh: str | None  # the class's name, e.g. 重要价值客户
    rfm_en: str | None
    name_masked: str
    phone_masked: str

    def tier(self, lang: str = "zh") -> str | None:
        return self.tier_zh if lang == "zh" else self.tier_en

    def rfm_class(self, lang: str = "zh") -> str | None:
        return self.rfm_zh if lang == "zh" else self.rfm_en


def history(shop: ShopFile, buyer_id: int, seg: Segmentation | None = None) -> BuyerHistory | None:
    """The buyer's orders with items, refunds, earlier cases, repeat/new, member tier and RFM class;
    None when there is no such buyer. Pass the window's Segmentation when there is one: without it
    the RFM cut-offs are measured here (three index scans)."""
    detail = buyer_detail(shop, buyer_id, seg)
    if detail is None:
        return None
    store = shop.open()
    try:
        conn = store.conn
        settings = seg.settings if seg else load_settings(store)
        cutoffs = seg.context.rfm if seg else _measure_rfm(conn, settings, detail)
        cases = rows.cases_of_buyer(conn, buyer_id)
        known = {c.id for c in cases}
        cases += [c for c in rows.cases_of_orders(conn, [o.order_no for o in detail.orders]) if c.id not in known]
    finally:
        store.close()
    facts = detail.facts
    tier = tier_of(facts, settings.tiers)
    cls = rfm.rfm_class(facts, cutoffs, settings.rfm_high_from) if cutoffs and facts.countable_orders else None
    return BuyerHistory(
        detail, sorted(cases, key=lambda c: (c.created_at, c.id), reverse=True), facts.countable_orders >= 2,
        tier.name_zh if tier else None, tier.name_en if tier else None, cls.key if cls else None,
        cls.name_zh if cls else None, cls.name_en if cls else None, mask_name(facts.name), mask_phone(facts.phone))


def _measure_rfm(conn, settings, detail: BuyerDetail):
    """The shop's RFM cut-offs as the Customers tab measures them (same code, so the same class)."""
    if not detail.facts.countable_orders:
        return None
    from sellerdesk.services.segmentation import measure_context  # the one definition of the measurement
    from sellerdesk.store.buyer_stats import facts_table

    as_of = shop_today()
    return measure_context(conn, facts_table(conn, as_of), settings, as_of).rfm


# --- script values ---------------------------------------------------------------------------

def order_values(shop: ShopFile, order_no: str, lang: str = "zh",
                 today: date | None = None) -> dict[str, str | None] | None:
    """The values a script is filled with for this order ({name} {nick} {item} {order} {amount}
    {coupon} {shop} {city} {days}), raw: domain.scripts dresses them (shortens the item,
    writes 3 as 3天); None for an order the shop does not have. A value the order
    lacks is None, and rendering falls back to neutral wording. {name} is the receiver's name
    (the chat greets the buyer by it); {days} counts from the order's creation (the exports carry
    no delivery day)."""
    q = clean_query(order_no)
    store = shop.open()
    try:
        conn = store.conn
        hits = rows.orders_by_number(conn, q, 1) if q else []
        if not hits:
            return None
        o = hits[0]
        lines = rows.order_lines(conn, o.platform, o.order_no)
        buyer = rows.buyer_hits(conn, [o.buyer_id]) if o.buyer_id is not None else []
        aov = rows.buyer_aov(conn, o.buyer_id) if o.buyer_id is not None else None
        coupon = suggest_coupon(aov or o.paid_fen, load_coupon_rule(store))
    finally:
        store.close()
    title = next((t for t, _ in lines if t), None) or o.title
    days = None
    if o.created_at:
        days = max(((today or shop_now().date()) - date.fromisoformat(o.created_at[:10])).days, 0)
    return {
        "name": o.receiver_name or (buyer[0].name if buyer else None),
        "nick": buyer[0].account if buyer else None,
        "item": title,
        "order": o.order_no,
        "amount": format_yuan(o.paid_fen) if o.paid_fen is not None else None,
        "coupon": coupon.text(lang) if coupon else None,
        "shop": o.shop,
        "city": o.city,
        "days": str(days) if days is not None else None,
    }


# --- cases -----------------------------------------------------------------------------------

def log_case(shop: ShopFile, draft: CaseDraft, now: datetime | None = None) -> Case:
    """Store a case, filling platform, buyer and item from the order when the shop has it. A
    follow-up day on an open case becomes a calendar to-do due that day at FOLLOW_UP_AT, in the same
    transaction, linked both ways (the case keeps its id, the task's source_key is 'case:<id>').
    Changes: CHANGES."""
    now = now or shop_now()
    draft.validate()
    store = shop.open()
    try:
        with store.transaction() as conn:
            draft = _with_order_facts(conn, draft)
            case_id = rows.insert_case(conn, draft, now)
            case = rows.get_case(conn, case_id)
            case = _sync_task(conn, case, now)
            return case
    finally:
        store.close()


def update_case(shop: ShopFile, case: Case, now: datetime | None = None) -> Case:
    """Write back an edited case (status changes stamp or clear closed_at). Its to-do follows:
    a new or moved follow-up day creates or moves it, a removed one deletes it, and closing the
    case marks a pending one done. Changes: CHANGES."""
    now = now or shop_now()
    store = shop.open()
    try:
        with store.transaction() as conn:
            stored = _require(conn, case.id)
            case = with_status(replace(case, created_at=stored.created_at, closed_at=stored.closed_at,
                                       task_id=stored.task_id, status=stored.status), case.status, now, case.outcome)
            rows.update_case(conn, case)
            return _sync_task(conn, case, now)
    finally:
        store.close()


def close_case(shop: ShopFile, case_id: int, outcome: Outcome, now: datetime | None = None) -> Case:
    """Resolve a case with its outcome (a pending follow-up to-do is marked done)."""
    store = shop.open()
    try:
        case = _require(store.conn, case_id)
    finally:
        store.close()
    return update_case(shop, replace(case, status=CaseStatus.RESOLVED, outcome=outcome), now)


def get_case(shop: ShopFile, case_id: int) -> Case | None:
    store = shop.open()
    try:
        return rows.get_case(store.conn, case_id)
    finally:
        store.close()


def list_cases(shop: ShopFile, start: date, end: date) -> list[Case]:
    """Cases logged from start to end (days, both included), newest first."""
    store = shop.open()
    try:
        return rows.cases_between(store.conn, start, end)
    finally:
        store.close()


def figures(shop: ShopFile, start: date, end: date, today: date | None = None) -> AfterSalesFigures:
    """The after-sales figures of the days start..end (a day, or a campaign's span): cases by reason,
    return rate per item against the units sold in those days, exchange save rate, compensation per
    case; and as of today, open cases past their follow-up day and buyers at risk."""
    today = today or shop_now().date()
    store = shop.open()
    try:
        conn = store.conn
        cases = rows.cases_for_figures(conn, start, max(end, today), today - timedelta(days=AT_RISK_WINDOW_DAYS))
        items = {c.item_title for c in cases if c.item_title and start <= c.created_at.date() <= end}
        sold = rows.units_sold(conn, items, start, end)
    finally:
        store.close()
    return after_sales_figures(cases, sold, start, end, today, reason_faults())


def reason_faults() -> dict[str, str]:
    """Reason key -> 'seller' | 'buyer' | 'neutral', from the script taxonomy."""
    from sellerdesk.domain.scripts import REASONS

    return {r.key: r.fault for r in REASONS}


def _require(conn, case_id: int) -> Case:
    case = rows.get_case(conn, case_id)
    if case is None:
        raise CaseError(f"售后记录 #{case_id} 不存在（可能已被删除）。",
                        f"Case #{case_id} does not exist (it may have been deleted).")
    return case


def _with_order_facts(conn, draft: CaseDraft) -> CaseDraft:
    """Platform, buyer, and the first item of the order when the agent did not pick one."""
    hits = rows.orders_by_number(conn, clean_query(draft.order_no), 1)
    if not hits:
        return replace(draft, order_no=clean_query(draft.order_no))
    o = hits[0]
    title, sku = draft.item_title, draft.sku
    if not title:  # the agent picked no item: the order's first line (most orders have one)
        title, sku = next(iter(rows.order_lines(conn, o.platform, o.order_no)), (o.title, None))
    return replace(draft, order_no=o.order_no, platform=draft.platform or o.platform,
                   buyer_id=draft.buyer_id if draft.buyer_id is not None else o.buyer_id,
                   item_title=title or o.title, sku=sku)


def _sync_task(conn, case: Case, now: datetime) -> Case:
    """Bring the case's calendar to-do in line with its follow-up day and status."""
    task = task_rows.get_task(conn, case.task_id) if case.task_id else None
    if case.follow_up is None:
        if task is not None and task.status is TaskStatus.TODO:
            task_rows.delete_task(conn, task.id)
        if case.task_id is not None and (task is None or task.status is TaskStatus.TODO):
            case = replace(case, task_id=None)
            rows.update_case(conn, case)
        return case
    due = datetime.combine(case.follow_up, FOLLOW_UP_AT)
    if task is None:
        if not case.is_open:
            return case  # closed on the spot: nothing to follow up
        draft = TaskDraft(title=follow_up_title(case.order_no), starts_at=due, notes=case.notes,
                          source_key=f"case:{case.id}")
        check_task(conn, draft, None)
        case = replace(case, task_id=task_rows.insert_task(conn, draft, None, now))
        rows.update_case(conn, case)
        return case
    if case.is_open:
        if task.starts_at != due:  # a new day: a fresh to-do (done or snoozed no longer applies)
            task_rows.update_task(conn, replace(task, starts_at=due, ends_at=None, status=TaskStatus.TODO,
                                                done_at=None, snoozed_until=None))
    elif task.status is TaskStatus.TODO:
        task_rows.update_task(conn, replace(task, status=TaskStatus.DONE, done_at=now))
    return case
