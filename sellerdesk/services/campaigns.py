"""Campaigns: a playbook laid on one festival of one year, moved when the platform changes dates.

Applying a playbook stores the campaign, its phases and every task in one
transaction; a task the checks refuse stores nothing. Writes return or come
with Changes(calendar=True) (calendar_tasks.CHANGES).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from sellerdesk.almanac import spring_festival
from sellerdesk.domain.checks import is_whole
from sellerdesk.domain.festivals import festival_by_key, festival_day
from sellerdesk.domain.playbooks import expand
from sellerdesk.domain.promo import Campaign, CalendarError, Task
from sellerdesk.services.calendar_tasks import CHANGES, check_task, require_campaign
from sellerdesk.services.clock import shop_now
from sellerdesk.services.jobs import Changes
from sellerdesk.services.playbook_library import load_playbook
from sellerdesk.services.shop import ShopFile
from sellerdesk.store import promo_calendar as rows

__all__ = ["apply_playbook", "campaign_tasks", "delete_campaign", "festival_anchor", "get_campaign",
           "list_campaigns", "move_campaign", "set_campaign_details"]

MAX_MOVE_DAYS = 366


def festival_anchor(festival_key: str, year: int) -> date:
    """The festival's main day in `year` (年货节: from that year's Spring Festival)."""
    festival_by_key(festival_key)  # an unknown key: CalendarError
    return festival_day(festival_key, year, spring_festival(year))


def list_campaigns(shop: ShopFile, year: int | None = None) -> list[Campaign]:
    """Campaigns (with their phases) by anchor day, optionally only those of one year."""
    store = shop.open()
    try:
        return rows.list_campaigns(store.conn, year)
    finally:
        store.close()


def get_campaign(shop: ShopFile, campaign_id: int) -> Campaign | None:
    """One campaign with its phases; None when it no longer exists."""
    store = shop.open()
    try:
        return rows.get_campaign(store.conn, campaign_id)
    finally:
        store.close()


def campaign_tasks(shop: ShopFile, campaign_id: int) -> list[Task]:
    """A campaign's tasks by start time."""
    store = shop.open()
    try:
        return rows.tasks_of_campaign(store.conn, campaign_id)
    finally:
        store.close()


def apply_playbook(shop: ShopFile, playbook_key: str, festival_key: str, year: int, *,
                   allow_duplicate: bool = False, lang: str = "zh", now: datetime | None = None) -> Campaign:
    """Create the campaign of a playbook for a festival and year: its phases and dated tasks
    (texts in `lang`), anchored on the festival's main day. A second campaign of the same
    festival and year is refused (CalendarError) unless allow_duplicate. Changes: CHANGES."""
    pb = load_playbook(shop, playbook_key)
    festival = festival_by_key(festival_key)
    anchor = festival_anchor(festival_key, year)
    phases, drafts = expand(pb, anchor, lang)
    name = f"{festival.name(lang)} {year}"
    store = shop.open()
    try:
        with store.transaction() as conn:
            if not allow_duplicate and rows.list_campaigns(conn, year, festival_key):
                raise CalendarError(f"{year} 年的「{festival.name_zh}」已有活动；要再建一个请确认。",
                                    f"{year} already has a '{festival.name_en}' campaign; confirm to add another.")
            stamp = now or shop_now()
            campaign = Campaign(0, name, festival_key, year, anchor, pb.key, phases=phases)
            campaign_id = rows.insert_campaign(conn, campaign, stamp)
            stored = replace(campaign, id=campaign_id)  # read once, not once per task
            for draft in drafts:
                check_task(conn, draft, stored)
                rows.insert_task(conn, draft, campaign_id, stamp)
            return rows.get_campaign(conn, campaign_id)
    finally:
        store.close()


def move_campaign(shop: ShopFile, campaign_id: int, days: int) -> Changes:
    """Shift a campaign by whole days (the platform announced other dates): its anchor, phases
    and every task (times, windows, snoozes) move together; their fired reminders are forgotten
    so the new times remind."""
    if not is_whole(days) or abs(days) > MAX_MOVE_DAYS:
        raise CalendarError(f"移动天数应在 ±{MAX_MOVE_DAYS} 之内：{days}",
                            f"A campaign moves by at most {MAX_MOVE_DAYS} days: {days}")
    store = shop.open()
    try:
        with store.transaction() as conn:
            campaign = require_campaign(conn, campaign_id)
            if days:
                rows.update_campaign(conn, campaign.shifted(days))
                rows.shift_campaign_tasks(conn, campaign_id, days)
        return CHANGES
    finally:
        store.close()


def set_campaign_details(shop: ShopFile, campaign_id: int, *, name: str | None = None,
                         target_fen: int | None = None, notes: str | None = None) -> Changes:
    """Rename a campaign, set its sales target (fen) or notes; None leaves a field as it is."""
    if name is not None and not name.strip():
        raise CalendarError("活动名称不能为空。", "A campaign needs a name.")
    if target_fen is not None and target_fen < 0:
        raise CalendarError("目标销售额不能为负数。", "The sales target cannot be negative.")
    store = shop.open()
    try:
        with store.transaction() as conn:
            c = require_campaign(conn, campaign_id)
            rows.update_campaign(conn, replace(
                c, name=c.name if name is None else name.strip(),
                target_fen=c.target_fen if target_fen is None else target_fen,
                notes=c.notes if notes is None else notes))
        return CHANGES
    finally:
        store.close()


def delete_campaign(shop: ShopFile, campaign_id: int) -> Changes:
    """Remove a campaign with its phases, tasks and their reminders."""
    store = shop.open()
    try:
        with store.transaction() as conn:
            rows.delete_campaign(conn, campaign_id)
        return CHANGES
    finally:
        store.close()
