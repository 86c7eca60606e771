"""Outreach lists: a group's buyers with their filled texts, previewed, exported and recorded.

`prepare_outreach` draws the holdout and A/B arms, fills each text and counts
who can be reached (off the GUI thread: a group may hold 300,000 buyers).
`export_outreach` writes the file and records the outreach (group, as-of date,
channel, texts, every member's arm) in one transaction: if the file cannot be
written, nothing is recorded; if recording fails, the file is removed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sellerdesk.domain.message_fields import Notice, buyer_values, check_template, render
from sellerdesk.domain import outreach as outreach_rules
from sellerdesk.domain.outreach import (ARM_B, HOLDOUT, Channel, OutreachSummary, assign_arms,
                                        check_holdout_pct, is_contactable, summarise)
from sellerdesk.domain.sms import sms_length, sms_parts, sms_warnings
from sellerdesk.exporters import ExportError
from sellerdesk.exporters.outreach_files import NothingToExport, OutreachRow, write_outreach
from sellerdesk.services.customers import list_buyer_ids
from sellerdesk.services.clock import shop_now
from sellerdesk.services.jobs import CancelToken, Changes, Progress, no_progress
from sellerdesk.services.segmentation import Segmentation
from sellerdesk.services.shop import ShopFile
from sellerdesk.store import customers, outreach_log
from sellerdesk.store.buyer_stats import facts_table
from sellerdesk.store.outreach_log import OutreachEntry
from sellerdesk.store.summary import read_summary

__all__ = ["Channel", "ExportError", "NothingToExport", "OutreachPlan", "OutreachPreview", "OutreachResult",
           "Recipient", "export_outreach", "list_outreaches", "prepare_outreach"]


@dataclass(frozen=True)
class OutreachPlan:
    group_key: str
    channel: Channel
    text_a: str
    text_b: str | None = None  # a second text: the contacted buyers are split A/B
    holdout_pct: int = 0
    seed: int | None = None  # None: drawn now and recorded, so the split can be reproduced
    send_at: datetime | None = None
    shop_name: str | None = None  # {shop}; default: the shop with the most orders


@dataclass(frozen=True)
class Recipient:
    buyer_id: int
    arm: str
    phone: str | None
    name: str | None
    account: str | None
    last_item: str | None
    text: str  # filled in; '' for the holdout
    reachable: bool


@dataclass(frozen=True)
class OutreachPreview:
    plan: OutreachPlan
    seed: int
    as_of: str
    group_name_zh: str
    group_name_en: str
    recipients: list[Recipient]
    summary: OutreachSummary
    notices_a: list[Notice]
    notices_b: list[Notice] = field(default_factory=list)

    @property
    def billed_parts(self) -> int:
        """SMS parts the reachable recipients' texts cost."""
        return outreach_rules.billed_parts(r.text for r in self.recipients if r.reachable and r.arm != HOLDOUT)

    def longest(self) -> tuple[int, int]:
        """(characters, parts) of the longest filled text."""
        n = max((sms_length(r.text) for r in self.recipients if r.arm != HOLDOUT), default=0)
        return n, (sms_parts("x" * n) if n else 0)


@dataclass(frozen=True)
class OutreachResult:
    outreach_id: int
    path: Path
    written: int
    changes: Changes


def prepare_outreach(shop: ShopFile, seg: Segmentation, plan: OutreachPlan, *,
                     progress: Progress = no_progress, cancel: CancelToken | None = None) -> OutreachPreview:
    """Every member of the group with their arm and filled text. Raises OutreachError for a bad holdout."""
    holdout_pct = check_holdout_pct(plan.holdout_pct)
    group = seg.group(plan.group_key)
    if group is None:
        raise KeyError(plan.group_key)
    seed = plan.seed if plan.seed is not None else random.SystemRandom().randrange(1, 2**31)
    ids = list_buyer_ids(shop, seg, group_key=plan.group_key, sort="paid")
    arms = assign_arms(ids, holdout_pct, bool(plan.text_b), seed)
    coupon = group.coupon.text_zh if group.coupon else None
    store = shop.open()
    try:
        shop_name = plan.shop_name or _main_shop(store.conn)
        table = facts_table(store.conn, seg.as_of)
        recipients: list[Recipient] = []
        for start in range(0, len(ids), 2000):
            if cancel:
                cancel.check()
            progress(start / max(len(ids), 1), "")
            for f in customers.facts_for(store.conn, table, ids[start:start + 2000], with_tags=False):
                arm = arms[f.buyer_id]
                template = plan.text_b if arm == ARM_B else plan.text_a
                text = "" if arm == HOLDOUT else render(template, buyer_values(f, shop=shop_name, coupon=coupon))
                recipients.append(Recipient(f.buyer_id, arm, f.phone, f.name, f.account, f.last_item, text,
                                            is_contactable(plan.channel, f.phone, f.account)))
    finally:
        store.close()
    summary = summarise(arms, plan.channel, {r.buyer_id: r.phone for r in recipients},
                        {r.buyer_id: r.account for r in recipients})
    return OutreachPreview(plan, seed, seg.as_of.isoformat(), group.definition.name_zh, group.definition.name_en,
                           recipients, summary, _notices(plan.text_a, plan),
                           _notices(plan.text_b, plan) if plan.text_b else [])


def _notices(template: str, plan: OutreachPlan) -> list[Notice]:
    notices = check_template(template)
    if plan.channel == Channel.SMS:
        notices += sms_warnings(template, plan.send_at)
    return notices


def _main_shop(conn) -> str | None:
    _, shops = read_summary(conn)
    named = [s for s in shops if s.shop]
    return max(named, key=lambda s: s.orders).shop if named else None


def export_outreach(shop: ShopFile, preview: OutreachPreview, path: str | Path,
                    now: datetime | None = None) -> OutreachResult:
    """Write the list (.xlsx or .csv) and record the outreach. NothingToExport when nobody is reachable."""
    path = Path(path)
    plan = preview.plan
    rows = [OutreachRow(r.buyer_id, r.phone, r.name, r.account, r.text, r.last_item, r.arm)
            for r in preview.recipients]
    stamp = (now or shop_now()).strftime("%Y-%m-%d %H:%M:%S")
    store = shop.open()
    try:
        written = 0
        try:
            with store.transaction() as conn:
                written = write_outreach(path, plan.channel, rows)
                entry = OutreachEntry(
                    0, stamp, plan.group_key, preview.group_name_zh, preview.as_of, plan.channel.value,
                    plan.text_a, plan.text_b, plan.holdout_pct, preview.seed, preview.summary.recipients,
                    preview.summary.holdout, written,
                    plan.send_at.strftime("%Y-%m-%d %H:%M") if plan.send_at else None, path.name)
                outreach_id = outreach_log.record_outreach(
                    conn, entry, ((r.buyer_id, r.arm, r.reachable) for r in preview.recipients))
        except BaseException:
            if written:  # the file was written but the record was not: do not leave an unrecorded list
                path.unlink(missing_ok=True)
            raise
        return OutreachResult(outreach_id, path, written, Changes(groups=True))
    finally:
        store.close()


def list_outreaches(shop: ShopFile) -> list[OutreachEntry]:
    store = shop.open()
    try:
        return outreach_log.list_outreaches(store.conn)
    finally:
        store.close()
