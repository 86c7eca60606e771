"""The report's figures on a generated shop, each computed again here from the rows and compared."""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta

import pytest

from sellerdesk.domain.channels import ChannelDay
from sellerdesk.domain.orders import is_countable
from sellerdesk.domain.outreach import Channel
from sellerdesk.domain.report_doc import NoData
from sellerdesk.services.campaigns import apply_playbook, set_campaign_details
from sellerdesk.services.channel_data import save_channel_rows
from sellerdesk.services.outreach import OutreachPlan, export_outreach, prepare_outreach
from sellerdesk.services.reports import (ReportError, build_report_doc, default_period_for_campaign,
                                         period_for_dates, report_figures)
from sellerdesk.services.segmentation import compute_segmentation
from tests.services.demo_shops import build_once, working_copy

TODAY = date(2025, 12, 20)
NOW = datetime(2025, 12, 20, 12, 0)
TEXT = "【茶小铺】{name}您好，老客专享{coupon}，满300减30。拒收请回复R"


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    return build_once(tmp_path_factory.mktemp("reports"), buyers=400, seed=11, today=TODAY)


@pytest.fixture
def shop(demo_path, tmp_path):
    return working_copy(demo_path, tmp_path)


def orders_of(shop, start: date, end: date) -> list[dict]:
    conn = sqlite3.connect(shop.path)
    conn.row_factory = sqlite3.Row
    rows = [dict(r) for r in conn.execute("SELECT * FROM orders WHERE created_at >= ? AND created_at < ?",
                                          (start.isoformat(), (end + timedelta(days=1)).isoformat()))]
    success = {(r[0], r[1]) for r in conn.execute("SELECT platform, order_no FROM refunds WHERE status = 'success'")}
    for r in rows:
        r["countable"] = is_countable(r["status"], r["refund_state"])
        r["refunded"] = r["refund_state"] in ("partial", "full") or (r["platform"], r["order_no"]) in success
    conn.close()
    return rows


def test_headline_days_items_and_buyers_equal_the_rows(shop):
    period = period_for_dates(date(2025, 10, 21), date(2025, 11, 20))
    f = report_figures(shop, period, as_of=NOW)
    rows = orders_of(shop, period.start, period.end)
    good = [r for r in rows if r["countable"]]
    paid_orders = [r for r in rows if r["countable"] or r["refund_state"] == "full"]
    assert f.current.paid_fen == sum(r["paid_fen"] or 0 for r in good) > 0
    assert f.current.orders == len(good)
    assert f.current.buyers == len({r["buyer_id"] for r in good if r["buyer_id"] is not None})
    assert (f.current.paid_orders, f.current.refunded_orders) == (len(paid_orders),
                                                                  sum(r["refunded"] for r in paid_orders))
    assert period.compare_start == date(2025, 9, 20) and f.compare.orders == sum(
        r["countable"] for r in orders_of(shop, period.compare_start, period.compare_end))
    by_day = Counter(r["created_at"][:10] for r in good)
    assert len(f.daily) == 31 and all(d.orders == by_day.get(d.day.isoformat(), 0) for d in f.daily)
    assert sum(d.paid_fen for d in f.daily) == f.current.paid_fen

    conn = sqlite3.connect(shop.path)
    units, sales = Counter(), Counter()
    for r in good:
        lines = conn.execute("SELECT title, quantity, amount_fen, unit_price_fen FROM order_lines "
                             "WHERE platform = ? AND order_no = ?", (r["platform"], r["order_no"])).fetchall()
        if not lines and r["title"]:
            lines = [(r["title"], r["item_count"], r["paid_fen"], None)]
        for title, qty, amount, unit in lines:
            if title:
                units[title] += qty or 1
                sales[title] += amount if amount is not None else (unit or 0) * (qty or 1)
    assert {i.title: (i.units, i.sales_fen) for i in f.items.rows} == {t: (units[t], sales[t]) for t in units}
    assert f.items.total_sales_fen == sum(sales.values())

    earlier = {b for (b,) in conn.execute(
        "SELECT DISTINCT buyer_id FROM orders WHERE created_at < ? AND status IN ('paid', 'shipped', 'completed') "
        "AND coalesce(refund_state, '') != 'full'", (period.start.isoformat(),))}
    buyers = {r["buyer_id"] for r in good if r["buyer_id"] is not None}
    assert f.buyers.mix.repeat_buyers == len(buyers & earlier) and f.buyers.mix.new_buyers == len(buyers - earlier)
    assert sum(g.buyers for g in f.buyers.outreach_classes) == len(buyers)
    assert sum(g.buyers for g in f.buyers.tiers_before) == sum(g.buyers for g in f.buyers.tiers_after) == len(buyers)
    assert next(g for g in f.buyers.tiers_after if g.key == "none").buyers == 0  # every period buyer has an order
    provinces = Counter((r["province"] or "").strip() for r in good)
    assert {r.province: r.orders for r in f.buyers.regions} == dict(provinces)
    conn.close()


def test_campaign_period_target_channels_and_outreach_against_the_holdout(shop, tmp_path):
    campaign = apply_playbook(shop, "1111", "1111", 2025, now=datetime(2025, 8, 1, 9))
    set_campaign_details(shop, campaign.id, target_fen=5_000_000)
    period = default_period_for_campaign(shop, campaign.id)
    assert (period.start, period.end) == (date(2025, 10, 21), date(2025, 11, 21))  # pre-sale .. thank-you
    assert (period.compare_start, period.compare_end) == (date(2025, 9, 19), date(2025, 10, 20))
    seg = compute_segmentation(shop, date(2025, 10, 31))
    preview = prepare_outreach(shop, seg, OutreachPlan("repeat", Channel.SMS, TEXT, "【茶小铺】{coupon}。退订回T",
                                                       holdout_pct=20, seed=3, send_at=datetime(2025, 11, 1, 10)))
    result = export_outreach(shop, preview, tmp_path / "list.xlsx", now=datetime(2025, 11, 1, 9))
    save_channel_rows(shop, [ChannelDay(date(2025, 11, 11), "ztc", 80_000, 900, 2_000, 300, 12, 150_000),
                             ChannelDay(date(2025, 11, 11), "natural", None, 3_000, 9_000, None, 40, None)])
    f = report_figures(shop, period, as_of=NOW)
    assert f.target_fen == 5_000_000 and f.campaign_name == campaign.name and f.phases
    ztc = next(c for c in f.channels if c.key == "ztc")
    assert (ztc.spend_fen, ztc.sales_fen, ztc.roi, ztc.depth) == (80_000, 150_000, 150_000 / 80_000, 2000 / 900)

    review = next(o for o in f.crm.outreaches if o.id == result.outreach_id)
    conn = sqlite3.connect(shop.path)
    members = conn.execute("SELECT buyer_id, arm FROM outreach_members WHERE outreach_id = ?",
                           (result.outreach_id,)).fetchall()
    bought = defaultdict(int)
    for b, status, refund_state, paid in conn.execute(
            "SELECT buyer_id, status, refund_state, paid_fen FROM orders WHERE created_at >= '2025-11-01 10:00:00' "
            "AND created_at < '2025-11-08 10:00:00'"):
        if is_countable(status, refund_state):
            bought[b] += paid or 0
    conn.close()
    for arm in ("A", "B", "holdout"):
        ids = [b for b, a in members if a == arm]
        got = review.arm(arm)
        assert (got.members, got.buyers, got.paid_fen) == (len(ids), sum(b in bought for b in ids),
                                                            sum(bought.get(b, 0) for b in ids))
    assert review.planned == preview.summary.recipients and review.holdout == preview.summary.holdout
    assert review.offer.startswith(seg.group("repeat").coupon.text_zh) and "满300减30" in review.offer
    assert review.lift is not None and review.cost_fen > 0

    doc = build_report_doc(shop, period, "en", as_of=NOW)
    channels = next(s for s in doc.sections if s.key == "channels")
    assert not isinstance(channels.blocks[0], NoData)
    assert doc.title == f"{campaign.name} retrospective"


def test_an_empty_shop_still_makes_a_clean_report(tmp_shop):
    doc = build_report_doc(tmp_shop, period_for_dates(date(2026, 11, 1), date(2026, 11, 11)), "zh", as_of=NOW)
    assert all(isinstance(s.blocks[0], NoData) for s in doc.sections if s.key not in ("crm", "highlights"))
    with pytest.raises(ReportError):
        default_period_for_campaign(tmp_shop, 99)


def test_refunds_pairs_regions_and_the_comparison_mix_equal_the_rows(shop):
    """The figures read in one scan per period (refunds looked up once per order, repeat buyers
    from buyer_stats, items and pairs from the lines) against the rows."""
    period = period_for_dates(date(2025, 10, 21), date(2025, 11, 20))
    f = report_figures(shop, period, as_of=NOW)
    conn = sqlite3.connect(shop.path)
    success = defaultdict(int)
    for platform, order_no, amount in conn.execute(
            "SELECT platform, order_no, amount_fen FROM refunds WHERE status = 'success'"):
        success[(platform, order_no)] += amount or 0
    for start, end, totals in ((period.start, period.end, f.current),
                               (period.compare_start, period.compare_end, f.compare)):
        paid = [r for r in orders_of(shop, start, end) if r["countable"] or r["refund_state"] == "full"]
        assert totals.refund_fen == sum(max(r["refund_fen"] or 0, success.get((r["platform"], r["order_no"]), 0))
                                        for r in paid) > 0

    rows = orders_of(shop, period.start, period.end)
    good = [r for r in rows if r["countable"]]
    titles = defaultdict(set)
    for r in good:
        for (title,) in conn.execute("SELECT title FROM order_lines WHERE platform = ? AND order_no = ? "
                                     "AND title IS NOT NULL", (r["platform"], r["order_no"])):
            titles[r["id"]].add(title)
    pairs = Counter((a, b) for ts in titles.values() for a in ts for b in ts if a < b)
    expected = sorted(((a, b, n) for (a, b), n in pairs.items()), key=lambda p: (-p[2], p[0], p[1]))[:10]
    assert [(p.first, p.second, p.orders) for p in f.items.pairs] == expected and expected

    by_province = defaultdict(lambda: [set(), 0, 0])
    for r in good:
        p = by_province[(r["province"] or "").strip()]
        p[0] |= {r["buyer_id"]} - {None}
        p[1] += 1
        p[2] += r["paid_fen"] or 0
    assert {r.province: (r.buyers, r.orders, r.paid_fen) for r in f.buyers.regions} == {
        k: (len(b), n, paid) for k, (b, n, paid) in by_province.items()}

    before = {b for (b,) in conn.execute(
        "SELECT DISTINCT buyer_id FROM orders WHERE created_at < ? AND status IN ('paid', 'shipped', 'completed') "
        "AND coalesce(refund_state, '') != 'full'", (period.compare_start.isoformat(),))}
    compare_paid = defaultdict(int)
    for r in orders_of(shop, period.compare_start, period.compare_end):
        if r["countable"] and r["buyer_id"] is not None:
            compare_paid[r["buyer_id"]] += r["paid_fen"] or 0
    mix = f.buyers.compare_mix
    assert (mix.new_buyers, mix.repeat_buyers) == (len(compare_paid.keys() - before), len(compare_paid.keys() & before))
    assert mix.repeat_paid_fen == sum(v for b, v in compare_paid.items() if b in before)
    assert f.compare.buyers == mix.buyers == len(compare_paid)
    conn.close()


def test_kept_days_and_group_rules_change_no_figure(shop, monkeypatch):
    """The report reads its days from store.report_days once kept, and its groups' rules without
    counting every group: the same figures as read from the orders with every group counted."""
    from sellerdesk.services import reports
    from sellerdesk.store import report_days

    campaign = apply_playbook(shop, "1111", "1111", 2025, now=datetime(2025, 8, 1, 9))
    period = default_period_for_campaign(shop, campaign.id)
    seg = compute_segmentation(shop, period.start - timedelta(days=1))
    with monkeypatch.context() as m:  # nothing can be kept: every day from the orders
        m.setattr(report_days, "keep", lambda conn, periods: False)
        unkept = report_figures(shop, period, as_of=NOW)
    store = shop.open()
    try:
        assert store.conn.execute("SELECT count(*) FROM report_days").fetchone()[0] == 0
    finally:
        store.close()
    first = report_figures(shop, period, as_of=NOW)  # keeps the days
    again = report_figures(shop, period, as_of=NOW)  # reads them
    assert first == unkept and again == unkept
    store = shop.open()
    try:
        assert store.conn.execute("SELECT count(*) FROM report_days").fetchone()[0] == period.days + (
            (period.compare_end - period.compare_start).days + 1)
    finally:
        store.close()
    rules = reports.segmentation_rules(shop, seg.as_of)
    assert [d.key for d in rules.definitions] == [g.key for g in seg.groups]
    assert rules.context == seg.context and rules.coupon_rule == seg.coupon_rule
    store = shop.open()
    try:
        counted = rules.figures(store.conn, [g.key for g in seg.groups])
    finally:
        store.close()
    assert [counted[g.key] for g in seg.groups] == seg.groups


def test_a_side_read_that_saw_another_snapshot_changes_no_figure(shop, monkeypatch):
    """Half of the buyers' figures come from a second connection (store.side_read); when its
    snapshot is not the report's, the report's connection reads them itself, with equal figures."""
    import threading

    from sellerdesk.store import side_read

    campaign = apply_playbook(shop, "1111", "1111", 2025, now=datetime(2025, 8, 1, 9))
    period = default_period_for_campaign(shop, campaign.id)
    expected = report_figures(shop, period, as_of=NOW)
    seen: list[str] = []
    real = side_read.imports_mark

    def another_state_on_the_side(conn):
        seen.append(threading.current_thread().name)
        return (-1, -1) if threading.current_thread().name == "side-read" else real(conn)

    monkeypatch.setattr(side_read, "imports_mark", another_state_on_the_side)
    assert report_figures(shop, period, as_of=NOW) == expected
    assert "side-read" in seen and len(set(seen)) == 2


def test_a_campaign_is_compared_with_last_years_campaign_of_the_same_festival(shop):
    last = apply_playbook(shop, "1111", "1111", 2024, now=datetime(2024, 8, 1, 9))
    this = apply_playbook(shop, "1111", "1111", 2025, now=datetime(2025, 8, 1, 9))
    period = default_period_for_campaign(shop, this.id)
    before = default_period_for_campaign(shop, last.id)
    assert (period.compare_start, period.compare_end) == (before.start, before.end)
    assert before.start.year == 2024 and period.start.year == 2025
