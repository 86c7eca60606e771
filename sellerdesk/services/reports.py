"""The retrospective (复盘) report: figures from the store, the document, the PDF and xlsx.

`report_figures` reads every figure of a period in one read transaction (a
snapshot: an import running meanwhile changes nothing in the report);
`build_report_doc` turns them into a ReportDoc in one language;
`write_report` renders it with the PDF and xlsx exporters. Only the buyers'
classes need figures as of the day before the period and its last day: those
tables are kept (store.buyer_stats.facts_table) before the snapshot starts, as
the customer groups keep them; so are the days' headline, items and pairs
(store.report_days), which later reports of any period read instead of the
days' orders. The groups' rules and cut-offs come from
services.segmentation.segmentation_rules: only the period's buyers are counted
into the classes, and only the groups of the period's outreaches for their coupon.
Those distinct-buyer counts are most of the time left: half of them run on a
second connection (store.side_read) while the report's own reads the rest, and
write_report loads reportlab and the font on a third thread meanwhile.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path

from sellerdesk.domain.cases import AT_RISK_WINDOW_DAYS, after_sales_figures
from sellerdesk.domain.promo import TaskStatus
from sellerdesk.domain.report_doc import ReportDoc
from sellerdesk.domain.report_items import stopped_items
from sellerdesk.domain.report_sections import build_report
from sellerdesk.domain.retrospective import (ArmResult, BuyerFigures, BuyerMix,
                                             CrmFigures, DayFigures, GroupCount, ItemFigures, ItemPair, ItemRow,
                                             OpenCaseRow, OutreachReview, RegionRow,
                                             ReportError, ReportFigures, ReportPeriod, TaskReview, Totals,
                                             default_comparison, estimated_parts, offers_in, selling_window,
                                             sms_cost_fen)
from sellerdesk.domain.rfm import RFM_CLASSES
from sellerdesk.domain.scripts import REASONS
from sellerdesk.domain.segments import group_names
from sellerdesk.domain.tiers import tier_member_rules
from sellerdesk.services import report_inputs
from sellerdesk.services.clock import shop_now
from sellerdesk.services.jobs import CancelToken, Progress, no_progress
from sellerdesk.services.segmentation import GroupRules, segmentation_rules
from sellerdesk.services.shop import ShopFile
from sellerdesk.store import promo_calendar, report_days, report_queries as q
from sellerdesk.store import returns as case_rows
from sellerdesk.store.buyer_stats import facts_table, is_current
from sellerdesk.store.db import Store
from sellerdesk.store.side_read import SideRead

__all__ = ["ReportError", "ReportPeriod", "WrittenReport", "build_report_doc", "default_period_for_campaign",
           "period_for_dates", "report_figures", "write_report"]

OUTREACH_CLASSES = ("loyal", "active", "general")


def _parse(text: str) -> datetime:
    """A stored time ('YYYY-MM-DD HH:MM[:SS]'; send times are kept to the minute)."""
    return datetime.fromisoformat(text.strip())


def default_period_for_campaign(shop: ShopFile, campaign_id: int) -> ReportPeriod:
    """A campaign's selling window, compared with the same festival's campaign last year when the
    calendar has one, otherwise with the same number of days right before."""
    store = shop.open()
    try:
        campaign = promo_calendar.get_campaign(store.conn, campaign_id)
        if campaign is None:
            raise ReportError(f"活动 #{campaign_id} 不存在（可能已被删除）。",
                              f"Campaign #{campaign_id} does not exist (it may have been deleted).")
        start, end = selling_window(campaign.phases, campaign.anchor)
        last_year = None
        if campaign.festival_key:
            before = promo_calendar.list_campaigns(store.conn, campaign.year - 1, campaign.festival_key)
            if before:
                last_year = selling_window(before[-1].phases, before[-1].anchor)
        cs, ce = default_comparison(start, end, last_year)
        return ReportPeriod(start, end, cs, ce, campaign_id, campaign.name)
    finally:
        store.close()


def period_for_dates(start: date, end: date, compare_start: date | None = None,
                     compare_end: date | None = None) -> ReportPeriod:
    """A date range's period; without a comparison, the same length right before."""
    if compare_start is None and compare_end is None:
        compare_start, compare_end = default_comparison(start, end) if end >= start else (None, None)
    return ReportPeriod(start, end, compare_start, compare_end)


def report_figures(shop: ShopFile, period: ReportPeriod, *, as_of: datetime | None = None,
                   progress: Progress = no_progress, cancel: CancelToken | None = None,
                   meanwhile: Callable[[], None] | None = None) -> ReportFigures:
    """Every figure of the report. as_of: now (task statuses, open after-sales cases).

    Half of the period's distinct-buyer figures are read on a second connection meanwhile
    (_side_buyers). meanwhile: work for a thread of its own while the snapshot's long
    statements run (write_report loads reportlab and the font), started once the days' items
    are read: each of their thousands of fetched rows would wait for the GIL beside it."""
    now = as_of or shop_now()
    store = shop.open()
    started: list[threading.Thread] = []

    def start_meanwhile() -> None:
        if meanwhile is not None and not started:
            started.append(threading.Thread(target=meanwhile, name="report-meanwhile", daemon=True))
            started[0].start()

    try:
        conn = store.conn
        check = cancel.check if cancel else (lambda: None)
        progress(0.0, "")
        before_day = period.start - timedelta(days=1)
        seg = segmentation_rules(shop, before_day, cancel=cancel, store=store)  # classes' rules and cut-offs
        check()
        progress(0.3, "")
        facts_table(conn, period.end)  # kept before the snapshots (it may write the as-of cache)
        report_days.keep(conn, _spans(period))  # the days' headline, items and pairs, likewise
        check()
        defs = {d.key: d for d in seg.definitions}
        classes = [(k, defs[k].rule, defs[k].unless) for k in (*OUTREACH_CLASSES, *(c.key for c in RFM_CLASSES))
                   if k in defs]
        tiers = [(f"tier_{t.key}", rule, higher) for t, rule, higher in tier_member_rules(seg.settings.tiers)]
        with SideRead(shop.open, partial(_side_buyers, period=period, classes=classes, tier_groups=tiers)) as side:
            with q.read_transaction(conn):
                figures = _read(store, period, now, seg, tiers, side, progress, check, start_meanwhile)
        progress(1.0, "")
        return figures
    finally:
        store.close()
        for thread in started:
            thread.join()


def _read(store: Store, period: ReportPeriod, now: datetime, seg: GroupRules, tiers, side: SideRead,
          progress, check, start_meanwhile: Callable[[], None]) -> ReportFigures:
    conn = store.conn
    campaign = promo_calendar.get_campaign(conn, period.campaign_id) if period.campaign_id else None
    days = report_days.day_totals(conn, period.start, period.end)
    compare_days = (report_days.day_totals(conn, period.compare_start, period.compare_end)
                    if period.has_compare else {})
    daily = _daily(days, period.day_list())
    compare_daily = _daily(compare_days, period.compare_day_list())
    check()
    progress(0.4, "")
    items = _items(conn, period, [d.day for d in daily if d.orders])
    start_meanwhile()  # what is left here are long statements and short results
    check()
    progress(0.6, "")
    buyers = _buyers(conn, period, seg, tiers, side)
    current = _totals(days, buyers.mix.buyers)
    compare = _totals(compare_days, buyers.compare_mix.buyers) if period.has_compare else None
    check()
    progress(0.8, "")
    crm = _crm(conn, period, campaign, seg, now)
    after_sales, open_cases = _after_sales(conn, period, now.date())
    channels, compare_channels = report_inputs.channels(conn, period)

    return ReportFigures(
        shop=report_inputs.shop_name(conn), period=period, generated_at=now,
        campaign_name=campaign.name if campaign else None, target_fen=campaign.target_fen if campaign else None,
        current=current, compare=compare, daily=daily, compare_daily=compare_daily,
        phases=campaign.phases if campaign else (), channels=channels, compare_channels=compare_channels,
        items=items, buyers=buyers, crm=crm, after_sales=after_sales, open_cases=open_cases,
        reason_names={r.key: (r.zh, r.en) for r in REASONS})


def _spans(period: ReportPeriod) -> list[tuple[date, date]]:
    return [(period.start, period.end)] + ([(period.compare_start, period.compare_end)] if period.has_compare else [])


def _daily(by_day: dict[date, q.DayTotals], days: list[date]) -> tuple[DayFigures, ...]:
    none = q.DayTotals(0, 0, 0, 0, 0, 0)
    return tuple(DayFigures(d, t.paid_fen, t.orders, t.buyers) for d in days for t in (by_day.get(d, none),))


def _totals(by_day: dict[date, q.DayTotals], buyers: int) -> Totals:
    """A period's headline from its days; buyers: distinct over the period (not the days' sum)."""
    t = list(by_day.values())
    return Totals(sum(x.paid_fen for x in t), sum(x.orders for x in t), buyers, sum(x.paid_orders for x in t),
                  sum(x.refunded_orders for x in t), sum(x.refund_fen for x in t))


def _item_totals(rows) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for r in rows:
        t = out.setdefault(r.title, [0, 0, 0])
        t[0] += r.units
        t[1] += r.sales_fen
        t[2] += r.orders
    return out


def _items(conn, period: ReportPeriod, selling: list[date]) -> ItemFigures:
    """Items of the period; selling: its days with a countable order (for "stopped selling")."""
    days = report_days.item_days(conn, period.start, period.end)
    cur = _item_totals(days)
    old = (_item_totals(report_days.item_days(conn, period.compare_start, period.compare_end))
           if period.has_compare else {})
    rows = tuple(sorted((ItemRow(t, u, s, n, *(old.get(t, [0, 0])[:2])) for t, (u, s, n) in cur.items()),
                        key=lambda r: (-r.sales_fen, -r.units, r.title)))
    by_item: dict[str, dict[date, int]] = {}
    for r in days:
        by_item.setdefault(r.title, {})[r.day] = r.units
    pairs = tuple(ItemPair(*p) for p in report_days.item_pairs(conn, period.start, period.end))
    return ItemFigures(rows, sum(r.sales_fen for r in rows), tuple(stopped_items(by_item, selling)), pairs,
                       sum(1 for t in old if t not in cur))


def _buyers(conn, period: ReportPeriod, seg: GroupRules, tier_groups, side: SideRead) -> BuyerFigures:
    """The period's buyers: the compared period's new vs repeat and the regions here, the rest on
    the side connection meanwhile (_side_buyers)."""
    compare_mix = None
    if period.has_compare:
        q.fill_period_buyers(conn, period.compare_start, period.compare_end)
        compare_mix = BuyerMix(*q.buyer_mix(conn, period.compare_start, period.compare_end))
    regions = tuple(RegionRow(*r) for r in q.regions(conn, period.start, period.end))
    mix, counts, after = side.result(conn)
    names = group_names(seg.settings)
    defs = {d.key: d for d in seg.definitions}
    new = GroupCount("new", "新客（此前未购买）", "New (no earlier order)", mix.new_buyers, mix.new_paid_fen)

    def group(key: str) -> GroupCount:
        n, paid = counts.get(key, (0, 0))
        return GroupCount(key, *names.get(key, (key, key)), n, paid)

    outreach = tuple(group(k) for k in OUTREACH_CLASSES if k in defs) + (new,)
    rfm = tuple(group(c.key) for c in RFM_CLASSES if c.key in defs)
    tiers_before = tuple(group(k) for k, _, _ in reversed(tier_groups))
    none_before = mix.buyers - sum(g.buyers for g in tiers_before)
    tiers_before += (GroupCount("none", "非会员/新客", "No tier yet", none_before),)
    tiers_after = tuple(GroupCount(k, *names.get(k, (k, k)), *after[k]) for k, _, _ in reversed(tier_groups))
    tiers_after += (GroupCount("none", "非会员/新客", "No tier yet", mix.buyers - sum(g.buyers for g in tiers_after)),)
    before_day = period.start - timedelta(days=1)
    return BuyerFigures(mix, compare_mix, before_day, outreach, rfm, regions, tiers_before, tiers_after)


def _side_buyers(conn, *, period: ReportPeriod, classes, tier_groups):
    """(the period's new vs repeat, its buyers' classes and tiers as of the day before, their tiers
    as of its last day): read on a connection of their own (store.side_read) while the report's
    reads the rest, or on the report's if the two snapshots differ. Uses the connection's own
    temp.report_buyers."""
    q.fill_period_buyers(conn, period.start, period.end)
    mix = BuyerMix(*q.buyer_mix(conn, period.start, period.end))
    before_day = period.start - timedelta(days=1)
    before = q.group_counts_of_period_buyers(conn, _table(conn, before_day), before_day, classes + tier_groups)
    after = q.group_counts_of_period_buyers(conn, _table(conn, period.end), period.end, tier_groups)
    return mix, before, after


def _table(conn, day: date) -> str:
    """The as-of figures' table kept before the snapshot (or, if an import dropped it since, the
    connection's own temp copy: computed now, used at once)."""
    table = facts_table(conn, day)
    return table if is_current(conn, table) else facts_table(conn, day)


def _task_status(task, now: datetime) -> str:
    if task.status is TaskStatus.SKIPPED:
        return "skipped"
    if task.status is TaskStatus.DONE:
        return "late" if task.done_at is not None and task.done_at > task.due_end else "on_time"
    return "not_done" if now > task.due_end else "open"


def _crm(conn, period: ReportPeriod, campaign, seg: GroupRules, now: datetime) -> CrmFigures:
    settings = report_inputs.crm_settings(conn)
    if campaign is not None:
        tasks = promo_calendar.tasks_of_campaign(conn, campaign.id)
    else:
        tasks = promo_calendar.tasks_between(conn, datetime.combine(period.start, datetime.min.time()),
                                             datetime.combine(period.end + timedelta(days=1), datetime.min.time()))
    tasks = [t for t in tasks if t.channel or t.group_key or t.outreach_id]
    names = {d.key: d.name_zh for d in seg.definitions}
    reviews = tuple(TaskReview(t.title, names.get(t.group_key or "", t.group_key or ""), t.starts_at, t.due_end,
                               _task_status(t, now), t.done_at, t.outreach_id) for t in tasks)
    shop = report_inputs.shop_name(conn)
    all_buyers = q.buyer_count(conn)
    outs = []
    sent_list = q.outreaches_sent(conn, period.start, period.end, [t.outreach_id for t in tasks if t.outreach_id])
    # the coupon each outreach's group had as of the day before the period (only those groups counted)
    groups = seg.figures(conn, {e.group_key for e in sent_list}, _table(conn, seg.as_of)) if sent_list else {}
    for e in sent_list:
        sent = _parse(e.send_at or e.created_at)
        arms = q.arm_results(conn, e.id, sent, sent + timedelta(days=settings.window_days))
        group = groups.get(e.group_key)
        coupon = group.coupon.text_zh if group is not None and group.coupon else None
        reach = {arm: usable for arm, _, usable, _, _ in arms}
        parts = (estimated_parts(e.text_a, coupon, shop) * reach.get("A", 0)
                 + (estimated_parts(e.text_b, coupon, shop) * reach.get("B", 0) if e.text_b else 0))
        offer = offers_in(e.text_a + "\n" + (e.text_b or ""), coupon)
        outs.append(OutreachReview(
            e.id, e.group_key, e.group_name, e.channel, sent, e.text_a, e.text_b, offer, e.recipients, e.holdout,
            e.usable, parts, sms_cost_fen(parts, settings.sms_price_li),
            e.recipients / all_buyers if all_buyers else None,
            tuple(ArmResult(arm, n, bought, paid) for arm, n, _, bought, paid in arms)))
    return CrmFigures(settings.window_days, settings.sms_price_li, reviews, tuple(outs))


def _after_sales(conn, period: ReportPeriod, today: date):
    cases = case_rows.cases_for_figures(conn, period.start, max(period.end, today),
                                        today - timedelta(days=AT_RISK_WINDOW_DAYS))
    if not cases:
        return None, ()
    items = {c.item_title for c in cases if c.item_title and period.start <= c.created_at.date() <= period.end}
    sold = case_rows.units_sold(conn, items, period.start, period.end)
    figures = after_sales_figures(cases, sold, period.start, period.end, today, {r.key: r.fault for r in REASONS})
    late = figures.open_past_follow_up
    contacts = q.buyer_contacts(conn, [c.buyer_id for c in late if c.buyer_id is not None])
    open_rows = tuple(OpenCaseRow(c.id, c.order_no, c.reason, c.follow_up, *contacts.get(c.buyer_id, (None, None)))
                      for c in late)
    return figures, open_rows


def build_report_doc(shop: ShopFile, period: ReportPeriod, lang: str = "zh", masked: bool = True, *,
                     as_of: datetime | None = None, progress: Progress = no_progress,
                     cancel: CancelToken | None = None, meanwhile: Callable[[], None] | None = None) -> ReportDoc:
    """The report as a document in `lang` ('zh' | 'en'), personal data masked unless masked=False."""
    figures = report_figures(shop, period, as_of=as_of, progress=progress, cancel=cancel, meanwhile=meanwhile)
    return build_report(figures, report_inputs.notes(shop, period), lang, masked)


@dataclass(frozen=True)
class WrittenReport:
    doc: ReportDoc
    pdf_path: Path
    pages: int
    xlsx_path: Path | None
    sheets: int


def write_report(shop: ShopFile, period: ReportPeriod, pdf_path: str | Path, xlsx_path: str | Path | None = None,
                 lang: str = "zh", masked: bool = True, *, as_of: datetime | None = None,
                 progress: Progress = no_progress, cancel: CancelToken | None = None) -> WrittenReport:
    """Compute, build and write the PDF (and the xlsx workbook when xlsx_path is given)."""
    from sellerdesk.exporters.pdf import prepare_pdf, render_pdf

    # reportlab and the font load while the figures are read (mostly SQLite, without the GIL);
    # a font that is not found is raised by render_pdf below, in this thread.
    doc = build_report_doc(shop, period, lang, masked, as_of=as_of, progress=lambda x, m: progress(x * 0.6, m),
                           cancel=cancel, meanwhile=partial(_quietly, prepare_pdf))
    pages = render_pdf(doc, Path(pdf_path), progress=lambda x, m: progress(0.6 + x * 0.35, m), cancel=cancel)
    sheets = 0
    if xlsx_path:
        from sellerdesk.exporters.report_xlsx import write_report_xlsx

        sheets = write_report_xlsx(doc, Path(xlsx_path))
    progress(1.0, "")
    return WrittenReport(doc, Path(pdf_path), pages, Path(xlsx_path) if xlsx_path else None, sheets)


def _quietly(work) -> None:
    try:
        work()
    except Exception:  # noqa: BLE001  the same call is made again where its error is reported
        pass
