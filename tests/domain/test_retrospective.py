"""The retrospective's pure part: periods, item rules, highlights and the document, on hand-made figures."""

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from sellerdesk.domain.cases import AfterSalesFigures, ItemRate
from sellerdesk.domain.highlights import highlights
from sellerdesk.domain.report_doc import Chart, ChartKind, NoData, Table, Text
from sellerdesk.domain.report_items import dark_horses, stopped_items
from sellerdesk.domain.report_sections import build_report
from sellerdesk.domain.retrospective import (ArmResult, BuyerFigures, BuyerMix, ChannelRow, CrmFigures, DayFigures,
                                             GroupCount, ItemFigures, ItemRow, NotesView, OpenCaseRow,
                                             OutreachReview, Phase, ReportError, ReportFigures, ReportPeriod,
                                             TaskReview, Totals, default_comparison, estimated_parts, offers_in,
                                             previous_span, selling_window, sms_cost_fen)

START, END = date(2026, 10, 21), date(2026, 11, 14)


def test_period_checks_and_default_comparison():
    with pytest.raises(ReportError):
        ReportPeriod(END, START)
    with pytest.raises(ReportError):
        ReportPeriod(START, END, START, None)
    assert previous_span(date(2026, 11, 1), date(2026, 11, 10)) == (date(2026, 10, 22), date(2026, 10, 31))
    last = (date(2025, 10, 21), date(2025, 11, 14))
    assert default_comparison(START, END, last) == last
    assert ReportPeriod(START, END).days == 25


def test_selling_window_leaves_out_pool_review_and_next():
    phases = [Phase("pool", "", "", date(2026, 9, 1), date(2026, 10, 20)),
              Phase("presale", "", "", date(2026, 10, 21), date(2026, 10, 31)),
              Phase("day", "", "", date(2026, 11, 11), date(2026, 11, 11)),
              Phase("thanks", "", "", date(2026, 11, 12), date(2026, 11, 21)),
              Phase("next", "", "", date(2026, 11, 15), date(2026, 12, 1))]
    assert selling_window(phases, date(2026, 11, 11)) == (date(2026, 10, 21), date(2026, 11, 21))
    assert selling_window([], date(2026, 11, 11)) == (date(2026, 11, 11), date(2026, 11, 11))


def test_offers_parts_and_cost():
    text = "【茶小铺】{name}您好，老客专享{coupon}，另有满300减30，全场包邮。拒收请回复R"
    assert offers_in(text, "满150减10") == "满150减10、满300减30、包邮"
    assert offers_in("【茶小铺】新品上架。退订回T") is None
    assert estimated_parts("短" * 70) == 1 and estimated_parts("短" * 71) == 2
    assert sms_cost_fen(1000) == 4500 and sms_cost_fen(3) == 14  # 0.135 yuan -> 13.5 fen, half up


def test_totals_aov_and_refund_rate():
    t = Totals(10001, 2, 2, 4, 1, 500)
    assert t.aov_fen == 5001 and t.refund_rate == 0.25
    assert Totals(0, 0, 0, 0, 0, 0).aov_fen is None and Totals(0, 0, 0, 0, 0, 0).refund_rate is None


def test_stopped_items_and_dark_horses():
    days = [START + timedelta(days=i) for i in range(10)]
    steady = {d: 3 for d in days[:8]}  # sold every day, nothing on the last two
    late_starter = {d: 5 for d in days[6:]}  # still selling at the end
    rare = {days[0]: 20}  # one big day is not "steady"
    found = stopped_items({"steady": steady, "late": late_starter, "rare": rare}, days)
    assert [(s.title, s.units, s.selling_days, s.last_sale) for s in found] == [("steady", 24, 8, days[7])]
    rows = [ItemRow("grew", 10, 30000, 10, 5, 10000), ItemRow("flat", 10, 60000, 10, 10, 59000),
            ItemRow("new", 3, 9000, 3), ItemRow("tiny", 1, 100, 1, 0, 10)]
    assert [r.title for r in dark_horses(rows, 99100)] == ["grew", "new"]


def figures(**over) -> ReportFigures:
    period = ReportPeriod(START, END, date(2025, 10, 21), date(2025, 11, 14), None, "双11 2026")
    days = tuple(DayFigures(d, 10000, 2, 2) for d in period.day_list())
    mix = BuyerMix(30, 20, 300000, 200000)
    groups = (GroupCount("loyal", "忠诚客户", "Loyal buyers", 12, 150000), GroupCount("new", "新客", "New", 30, 300000))
    tiers = (GroupCount("tier_vip", "VIP会员", "VIP", 5), GroupCount("none", "非会员/新客", "No tier yet", 45))
    buyers = BuyerFigures(mix, BuyerMix(20, 30, 200000, 300000), START - timedelta(days=1), groups, (), (), tiers, tiers)
    arms = (ArmResult("A", 400, 40, 400000), ArmResult("B", 400, 20, 200000), ArmResult("holdout", 200, 4, 40000))
    outreach = OutreachReview(1, "repeat", "老客", "sms", datetime(2026, 11, 1, 10), "【店】{coupon}<&>", "B 文案",
                              "满150减10", 1000, 200, 780, 780, 3510, 0.2, arms)
    task = TaskReview("老客短信", "老客", datetime(2026, 11, 1, 10), datetime(2026, 11, 1, 12), "late",
                      datetime(2026, 11, 1, 15), 1)
    base = dict(
        shop="茶小铺", period=period, generated_at=datetime(2026, 11, 20, 9), campaign_name="双11 2026",
        target_fen=400000, current=Totals(500000, 50, 50, 52, 2, 3000), compare=Totals(400000, 40, 40, 42, 1, 100),
        daily=days, compare_daily=days[:5], phases=(Phase("day", "爆发日", "The day", date(2026, 11, 11),
                                                                date(2026, 11, 11)),),
        channels=(ChannelRow("ztc", "直通车", "Zhitongche", 90000, 20000, 1000, 2500, 300, 20),
                  ChannelRow("tbk", "淘宝客", "Taobaoke", 10000, 60000, 500, 900, 100, 30)), compare_channels=(),
        items=ItemFigures((ItemRow("<b>茶&壶</b>", 10, 50000, 9, 5, 20000),), 50000), buyers=buyers,
        crm=CrmFigures(7, 45, (task,), (outreach,)),
        after_sales=AfterSalesFigures(START, END, 3, [("damaged", 2), ("size", 1)], [ItemRate("茶壶", 2, 1, 8)], 1, 1,
                                      2000),
        open_cases=(OpenCaseRow(9, "T123", "damaged", date(2026, 11, 12), "王小明", "13812341234"),),
        reason_names={"damaged": ("破损", "Damaged")})
    base.update(over)
    return ReportFigures(**base)


def test_highlights_follow_the_thresholds():
    found = {h.text_en for h in highlights(figures())}
    assert "Sales rose 25% (¥4,000.00 → ¥5,000.00)." in found
    assert "Reached 125% of the sales target (¥4,000.00)." in found
    assert "Repeat buyers' share fell from 60% to 40%." in found
    assert "Zhitongche (search ads)" not in found and "Zhitongche spent 90% of the budget for 25% of sales." in found
    assert any(h.startswith("Outreach to '老客' made +5.5 points more") for h in found)
    assert "1 outreach task(s) were late or not done: the rhythm fell behind the platform's." in found
    kinds = [h.kind for h in highlights(figures())]
    assert kinds == sorted(kinds, key=lambda k: k != "good")
    quiet = figures(current=Totals(400000, 40, 40, 42, 1, 100), target_fen=None, channels=(),
                    crm=CrmFigures(7, 45, (), ()), buyers=replace(figures().buyers, compare_mix=BuyerMix(30, 20, 1, 1)))
    assert highlights(quiet) == []


def test_document_in_both_languages_masks_by_default():
    doc = build_report(figures(), NotesView("备货不足", "小王", "提前补货"), "zh")
    assert [s.key for s in doc.sections] == ["headline", "daily", "channels", "items", "buyers", "crm", "after_sales",
                                             "highlights", "notes"]
    assert doc.title == "双11 2026 复盘" and doc.compare == "对比 2025-10-21 – 2025-11-14" and doc.masked
    daily = next(s for s in doc.sections if s.key == "daily")
    chart = next(b for b in daily.blocks if isinstance(b, Chart))
    assert chart.kind is ChartKind.LINE and chart.bands[0].start == chart.bands[0].end == 21
    assert len(chart.series[1].values) == 25 and chart.series[1].values[5] is None
    after = next(s for s in doc.sections if s.key == "after_sales")
    cells = [c for b in after.blocks if isinstance(b, Table) for row in b.rows for c in row]
    assert "王** 138****1234" in cells and "破损" in cells
    assert ("茶壶", 2, 1, 8, 0.125) in [row for b in after.blocks if isinstance(b, Table) for row in b.rows]
    full = build_report(figures(), None, "en", masked=False)
    after = next(s for s in full.sections if s.key == "after_sales")
    assert "王小明 13812341234" in [c for b in after.blocks if isinstance(b, Table) for row in b.rows for c in row]
    crm = next(s for s in full.sections if s.key == "crm")
    texts = [b.text for b in crm.blocks if isinstance(b, Text)]
    assert any("against the holdout: +5.5 points (95% CI" in t for t in texts)
    assert any("text A against text B: +5.0 points" in t for t in texts)
    assert full.sections[-1].blocks[0] == NoData("No lessons written down yet.", full.sections[-1].blocks[0].how)


def test_a_shop_without_data_gets_no_data_notices_not_empty_charts():
    empty = figures(current=Totals(0, 0, 0, 0, 0, 0), compare=None, target_fen=None,
                    daily=tuple(DayFigures(d, 0, 0, 0) for d in ReportPeriod(START, END).day_list()),
                    compare_daily=(), channels=(), items=ItemFigures((), 0),
                    buyers=BuyerFigures(BuyerMix(0, 0, 0, 0), None, START, (), (), (), (), ()),
                    crm=CrmFigures(7, 45, (), ()), after_sales=None, open_cases=())
    doc = build_report(empty, None, "zh")
    for key in ("headline", "daily", "channels", "items", "buyers", "after_sales", "notes"):
        section = next(s for s in doc.sections if s.key == key)
        assert isinstance(section.blocks[0], NoData) and section.blocks[0].how, key
    assert not any(isinstance(b, (Chart, Table)) for s in doc.sections for b in s.blocks)
    crm = next(s for s in doc.sections if s.key == "crm")
    assert sum(isinstance(b, NoData) for b in crm.blocks) == 2


def test_an_outreach_that_did_worse_than_its_holdout_says_by_how_much_without_a_minus():
    worse = replace(figures().crm.outreaches[0], arms=(
        ArmResult("A", 400, 20, 200000), ArmResult("B", 400, 20, 200000), ArmResult("holdout", 200, 60, 600000)))
    found = [h for h in highlights(figures(crm=CrmFigures(7, 45, (), (worse,)))) if "holdout" in h.text_en]
    assert len(found) == 1 and found[0].kind == "bad"
    assert "bought 25.0 points less than the holdout" in found[0].text_en and "低 25.0 个百分点" in found[0].text_zh
