"""Traffic channels: names per platform, a day's row checks, totals and their ratios."""

from __future__ import annotations

from datetime import date

import pytest

from sellerdesk.domain.channels import (ALL, CHANNELS, ChannelDataError, ChannelDay, ChannelTotal, channel_by_key,
                                        channel_from_text, channels_for, grand_total, totals, validate_day)
from sellerdesk.domain.report_notes import ReportNotes, ReportNotesError, validate_notes

D = date(2026, 11, 11)


def test_each_platform_lists_its_own_ads_then_organic_and_other():
    assert [c.zh for c in channels_for("taobao")] == ["直通车", "引力魔方/钻展", "淘宝客", "万相台", "自然流量", "其他"]
    assert [c.key for c in channels_for("jd")] == ["jd_kuaiche", "jd_haitou", "natural", "other"]
    assert [c.zh for c in channels_for("pdd")][:2] == ["多多搜索", "多多场景"]
    assert [c.zh for c in channels_for("douyin")][0] == "巨量千川"
    assert [c.zh for c in channels_for("1688")][0] == "诚意赚/网销宝"
    assert channels_for(None) == channels_for("generic") == list(CHANNELS)
    assert len({c.key for c in CHANNELS}) == len(CHANNELS)
    assert all(c.en and c.zh for c in CHANNELS)
    assert not channel_by_key("natural").paid and channel_by_key("ztc").paid


@pytest.mark.parametrize("text, platform, key", [
    ("直通车", None, "ztc"), ("钻展", None, "ylmf"), ("引力魔方", None, "ylmf"), ("ZTC", None, "ztc"),
    ("Organic traffic", None, "natural"), ("千川", None, "qianchuan"), ("网销宝", None, "1688_ads"),
    ("搜索推广", None, "ztc"), ("搜索推广", "pdd", "pdd_search"), (" 其它 ", None, "other"),
    ("天猫国际", None, None), ("", None, None), ("直通车", "jd", None),
])
def test_channel_names_in_files(text, platform, key):
    found = channel_from_text(text, platform)
    assert (found.key if found else None) == key


def test_a_valid_row_passes_and_an_empty_one_is_recognised():
    validate_day(ChannelDay(D, "ztc", spend_fen=12_000, uv=300, pv=900, clicks=400, orders=12, sales_fen=96_000))
    validate_day(ChannelDay(D, "natural", uv=5, pv=5))
    assert ChannelDay(D, "ztc", spend_fen=0, uv=None).is_empty
    assert not ChannelDay(D, "ztc", orders=1).is_empty


@pytest.mark.parametrize("row, field, en", [
    (ChannelDay(D, "nope", uv=1), None, "unknown channel"),
    (ChannelDay(D, "ztc", spend_fen=-1), "spend_fen", "spend cannot be negative"),
    (ChannelDay(D, "ztc", uv=10, pv=9), "uv", "more visitors (UV) than page views (PV)"),
    (ChannelDay(D, "ztc", clicks=1.5), "clicks", "clicks must be a whole number"),
    (ChannelDay(D, "ztc", orders=True), "orders", "orders must be a whole number"),
    (ChannelDay(D, "ztc", sales_fen=10**13), "sales_fen", "sales is implausibly large"),
    (ChannelDay(D, "ztc", uv=1, source="guessed"), None, "unknown source guessed"),
])
def test_a_broken_row_is_refused_naming_day_channel_and_field(row, field, en):
    with pytest.raises(ChannelDataError) as err:
        validate_day(row)
    assert err.value.message_en.startswith("2026-11-11 ") and en in err.value.message_en
    assert err.value.message_zh.startswith("2026-11-11 ")
    assert (err.value.day, err.value.channel, err.value.field) == (D, row.channel, field)
    if row.channel == "ztc":
        assert "直通车" in err.value.message_zh and "Zhitongche" in err.value.message_en


def test_totals_keep_not_entered_apart_from_zero_and_compute_the_ratios():
    rows = [ChannelDay(D, "natural", uv=1000, pv=3500, orders=50, sales_fen=500_000),
            ChannelDay(D, "ztc", spend_fen=20_000, uv=200, pv=500, clicks=250, orders=10, sales_fen=100_000),
            ChannelDay(date(2026, 11, 12), "ztc", spend_fen=30_000, uv=300, pv=700, clicks=250, orders=5),
            ChannelDay(D, "tbk", spend_fen=5_000)]
    ztc, tbk, natural = totals(rows)
    assert (ztc.channel, tbk.channel, natural.channel) == ("ztc", "tbk", "natural")  # display order
    assert ztc == ChannelTotal("ztc", 50_000, 500, 1200, 500, 15, 100_000, days=2)
    assert (ztc.roi, ztc.pv_per_uv, ztc.conversion, ztc.click_conversion, ztc.cost_per_click_fen) == (
        2.0, 2.4, 0.03, 0.03, 100.0)
    assert (tbk.roi, tbk.uv, tbk.pv_per_uv, tbk.conversion) == (None, None, None, None)  # sales not entered
    assert natural.roi is None and natural.spend_fen is None and natural.conversion == 0.05
    everything = grand_total([ztc, tbk, natural])
    assert (everything.channel, everything.spend_fen, everything.sales_fen, everything.days) == (ALL, 55_000, 600_000, 4)
    paid = grand_total([ztc, tbk, natural], paid_only=True)
    assert (paid.sales_fen, paid.uv) == (100_000, 500)
    assert ChannelTotal("ztc", 0, 0, 0, 0, 0, 0, days=1).roi is None


def test_notes_period_and_length_are_checked():
    validate_notes(ReportNotes(D, D, lessons="备货不足"))
    with pytest.raises(ReportNotesError):
        validate_notes(ReportNotes(D, date(2026, 11, 1)))
    with pytest.raises(ReportNotesError) as err:
        validate_notes(ReportNotes(D, D, owners="x" * 20_001))
    assert "Owners" in err.value.message_en
    assert ReportNotes(D, D, lessons="  \n").is_blank and not ReportNotes(D, D, next_actions="提前备货").is_blank
