"""Outreach lists through the service: arms, filled texts, the written file, the record."""

from __future__ import annotations

import csv
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from sellerdesk.domain.outreach import Channel, OutreachError, normalise_phone
from sellerdesk.services.outreach import (ExportError, NothingToExport, OutreachPlan, export_outreach,
                                          list_outreaches, prepare_outreach)
from sellerdesk.domain.rules import Condition, Field, Op, all_of
from sellerdesk.store import outreach_log
from sellerdesk.services.segmentation import compute_segmentation, save_custom_group
from tests.services.demo_shops import build_once, working_copy

TODAY = date(2025, 12, 1)
TEXT = "【茶小铺】{name}您好，老客专享{coupon}，您上次买的{last_item}也在活动中。拒收请回复R"


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    return build_once(tmp_path_factory.mktemp("outreach"), buyers=300, seed=9, today=TODAY)


@pytest.fixture
def shop(demo_path, tmp_path):
    return working_copy(demo_path, tmp_path)


def test_preview_draws_exact_arms_and_fills_every_text(shop):
    seg = compute_segmentation(shop, TODAY)
    group = seg.group("repeat")
    preview = prepare_outreach(shop, seg, OutreachPlan("repeat", Channel.SMS, TEXT, "【茶小铺】{nick}，{coupon}。退订回T",
                                                       holdout_pct=10, seed=42))
    s = preview.summary
    assert s.recipients == group.size and s.holdout == round(group.size * 0.10)
    assert abs(s.a - s.b) <= 1 and s.a + s.b + s.holdout == group.size
    for r in preview.recipients:
        assert "{" not in r.text and "}" not in r.text
        assert (r.text == "") == (r.arm == "holdout")
        assert r.reachable == (normalise_phone(r.phone) is not None)
    assert group.coupon.text_zh in next(r.text for r in preview.recipients if r.arm == "A")
    again = prepare_outreach(shop, seg, OutreachPlan("repeat", Channel.SMS, TEXT, "x", holdout_pct=10, seed=42))
    assert [r.arm for r in again.recipients] == [r.arm for r in preview.recipients]
    assert preview.notices_a == [] and preview.billed_parts >= s.contactable


def test_warnings_for_a_text_without_signature_or_opt_out_sent_at_night(shop):
    seg = compute_segmentation(shop, TODAY)
    preview = prepare_outreach(shop, seg, OutreachPlan("loyal", Channel.SMS, "{name}，双12见 {unknown}",
                                                       send_at=datetime(2025, 12, 11, 23, 30)))
    codes = {n.code for n in preview.notices_a}
    assert {"no_signature", "no_opt_out", "send_time", "unknown_field"} <= codes


def test_export_xlsx_keeps_phones_as_text_and_records_the_outreach(shop, tmp_path):
    seg = compute_segmentation(shop, TODAY)
    preview = prepare_outreach(shop, seg, OutreachPlan("repeat", Channel.SMS, "=HYPERLINK(\"x\") " + TEXT,
                                                       holdout_pct=20, seed=7))
    result = export_outreach(shop, preview, tmp_path / "list.xlsx", now=datetime(2025, 12, 2, 9, 0))
    rows = list(load_workbook(tmp_path / "list.xlsx").active.iter_rows(values_only=True))
    assert rows[0] == ("手机号码", "短信内容")
    assert len(rows) - 1 == result.written == preview.summary.contactable > 0
    for phone, text in rows[1:]:
        assert isinstance(phone, str) and phone.isdigit() and len(phone) == 11
        assert not text.startswith("=")
    entry = list_outreaches(shop)[0]
    assert (entry.id, entry.group_key, entry.channel, entry.holdout_pct, entry.seed) == (
        result.outreach_id, "repeat", "sms", 20, 7)
    assert (entry.recipients, entry.holdout, entry.usable) == (
        preview.summary.recipients, preview.summary.holdout, result.written)
    assert entry.as_of == "2025-12-01" and entry.created_at == "2025-12-02 09:00:00"
    store = shop.open()  # every member is kept with their arm, so a report can compare against the holdout
    try:
        members = outreach_log.members_of(store.conn, result.outreach_id)
    finally:
        store.close()
    assert sorted(members) == sorted((r.buyer_id, r.arm, r.reachable) for r in preview.recipients)


def test_export_csv_is_utf8_bom(shop, tmp_path):
    seg = compute_segmentation(shop, TODAY)
    preview = prepare_outreach(shop, seg, OutreachPlan("repeat", Channel.PHONE, "您好，{name}", seed=1))
    export_outreach(shop, preview, tmp_path / "calls.csv")
    raw = (tmp_path / "calls.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    header = next(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert header[:2] == ["姓名", "手机号码"]


def test_a_group_of_nobody_exports_and_records_nothing(shop, tmp_path):
    group_id, _ = save_custom_group(shop, "无人", all_of(Condition(Field.ORDERS, Op.GE, 999)))
    seg = compute_segmentation(shop, TODAY)
    preview = prepare_outreach(shop, seg, OutreachPlan(f"custom_{group_id}", Channel.SMS, TEXT, seed=3))
    assert preview.summary.recipients == 0 and "没有买家" in preview.summary.message(Channel.SMS, "zh")
    with pytest.raises(NothingToExport):
        export_outreach(shop, preview, tmp_path / "none.csv")
    assert not (tmp_path / "none.csv").exists() and list_outreaches(shop) == []


def test_unwritable_target_records_nothing(shop, tmp_path):
    seg = compute_segmentation(shop, TODAY)
    preview = prepare_outreach(shop, seg, OutreachPlan("repeat", Channel.SMS, TEXT, seed=1))
    with pytest.raises(ExportError):
        export_outreach(shop, preview, tmp_path / "no-such-folder" / "list.xlsx")
    with pytest.raises(ExportError):
        export_outreach(shop, preview, tmp_path / "list.txt")
    assert list_outreaches(shop) == []


def test_holdout_over_90_is_refused(shop):
    seg = compute_segmentation(shop, TODAY)
    with pytest.raises(OutreachError):
        prepare_outreach(shop, seg, OutreachPlan("repeat", Channel.SMS, TEXT, holdout_pct=95))


def test_an_outreach_to_all_buyers_lists_everyone(shop):
    seg = compute_segmentation(shop, TODAY)
    preview = prepare_outreach(shop, seg, OutreachPlan("all", Channel.SMS, TEXT, holdout_pct=10, seed=5))
    assert preview.summary.recipients == seg.buyers == len({r.buyer_id for r in preview.recipients})
    assert (preview.group_name_zh, preview.group_name_en) == ("所有买家", "All buyers")
