"""The retrospective's free-text section: lessons, owners, next actions.

Notes are kept with a campaign (one set each; the festival key is taken from the
campaign) or with a plain period, and shown again the next time the same festival
comes round (previous_notes). Saving blank notes removes them. Writes return
Changes(reports=True).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from sellerdesk.domain.report_notes import ReportNotes, ReportNotesError, validate_notes
from sellerdesk.services.clock import shop_now
from sellerdesk.services.jobs import Changes
from sellerdesk.services.shop import ShopFile
from sellerdesk.store import promo_calendar
from sellerdesk.store import report_notes as rows

__all__ = ["ReportNotes", "ReportNotesError", "notes_for", "previous_notes", "save_notes"]

CHANGED = Changes(reports=True)


def notes_for(shop: ShopFile, *, campaign_id: int | None = None, start: date | None = None,
              end: date | None = None) -> ReportNotes | None:
    """The notes of a campaign, or (without campaign_id) of exactly the period start..end
    written without a campaign. None when nothing was written yet."""
    if campaign_id is None and (start is None or end is None):
        raise ValueError("notes_for needs a campaign_id or both start and end")
    store = shop.open()
    try:
        if campaign_id is not None:
            return rows.for_campaign(store.conn, campaign_id)
        return rows.for_period(store.conn, start, end)
    finally:
        store.close()


def save_notes(shop: ShopFile, notes: ReportNotes, *, now: datetime | None = None) -> Changes:
    """Save the notes (a campaign's replace its earlier ones; period notes replace those of the
    same period, or of notes.id). With a campaign, its festival key is stored too so next
    year's report finds them. Blank notes (all three fields empty) remove the stored ones.
    ReportNotesError: the campaign is gone, the period is reversed, a field is too long."""
    validate_notes(notes)
    store = shop.open()
    try:
        with store.transaction() as conn:
            if notes.campaign_id is not None:
                campaign = promo_calendar.get_campaign(conn, notes.campaign_id)
                if campaign is None:
                    raise ReportNotesError(f"活动 #{notes.campaign_id} 不存在（可能已被删除）。",
                                           f"Campaign #{notes.campaign_id} does not exist (it may have been deleted).")
                if notes.festival_key is None:
                    notes = replace(notes, festival_key=campaign.festival_key)
                stored = rows.for_campaign(conn, notes.campaign_id)
            else:
                stored = (rows.get(conn, notes.id) if notes.id is not None else None) \
                    or rows.for_period(conn, notes.period_start, notes.period_end)
            if notes.is_blank:
                return CHANGED if stored is not None and rows.delete(conn, stored.id) else Changes()
            if stored is not None and _same_text(stored, notes):
                return Changes()
            rows.save(conn, notes, now or shop_now())
        return CHANGED
    finally:
        store.close()


def previous_notes(shop: ShopFile, festival_key: str, before_year: int) -> ReportNotes | None:
    """The latest notes of the same festival from an earlier year (the campaign's year, else
    the period's start year): last time's lessons, shown when the festival comes round."""
    store = shop.open()
    try:
        return rows.previous_for_festival(store.conn, festival_key, before_year)
    finally:
        store.close()


def _same_text(a: ReportNotes, b: ReportNotes) -> bool:
    return (a.lessons, a.owners, a.next_actions, a.period_start, a.period_end, a.festival_key, a.campaign_id) == \
        (b.lessons, b.owners, b.next_actions, b.period_start, b.period_end, b.festival_key, b.campaign_id)
