"""What the retrospective reads besides orders: the shop's name, the report settings, the channel
figures the user typed or imported, and the owner's notes (with last time's lessons).

Channel figures and notes are kept by store.channel_stats and store.report_notes (the
retrospective tab writes them); here they are read on the report's own connection, inside
its snapshot, and turned into the report's plain values.
"""

from __future__ import annotations

from dataclasses import dataclass

from sellerdesk.domain.channels import channel_by_key
from sellerdesk.domain.retrospective import CONVERSION_DAYS, SMS_PRICE_LI, ChannelRow, NotesView, ReportPeriod
from sellerdesk.services.shop import ShopFile
from sellerdesk.store import channel_stats, promo_calendar
from sellerdesk.store import report_notes as notes_rows
from sellerdesk.store.settings import get_setting
from sellerdesk.store.summary import read_summary

WINDOW_KEY = "report_conversion_days"  # orders within this many days of an outreach count
PRICE_KEY = "report_sms_price_li"  # price of one SMS part in li (0.001 yuan)


@dataclass(frozen=True)
class CrmSettings:
    window_days: int = CONVERSION_DAYS
    sms_price_li: int = SMS_PRICE_LI


def crm_settings(conn) -> CrmSettings:
    """The shop's conversion window and SMS price; the defaults where unset or unreadable."""
    def number(key: str, default: int, lo: int, hi: int) -> int:
        try:
            value = int(get_setting(conn, key) or default)
        except ValueError:
            return default
        return value if lo <= value <= hi else default
    return CrmSettings(number(WINDOW_KEY, CONVERSION_DAYS, 1, 60), number(PRICE_KEY, SMS_PRICE_LI, 0, 10_000))


def shop_name(conn) -> str:
    """The shop names of the orders, the busiest first ('' for a shop without named orders)."""
    _, shops = read_summary(conn)
    named = sorted((s for s in shops if s.shop), key=lambda s: -s.orders)
    return " / ".join(dict.fromkeys(s.shop for s in named[:3]))


def _rows(totals) -> tuple[ChannelRow, ...]:
    out = []
    for t in totals:
        ch = channel_by_key(t.channel)
        zh, en = (ch.zh, ch.en) if ch else (t.channel, t.channel)
        out.append(ChannelRow(t.channel, zh, en, t.spend_fen, t.sales_fen, t.uv, t.pv, t.clicks, t.orders))
    return tuple(out)


def channels(conn, period: ReportPeriod) -> tuple[tuple[ChannelRow, ...], tuple[ChannelRow, ...]]:
    """Per channel totals of the period and of the comparison (empty where nothing was entered)."""
    current = _rows(channel_stats.totals_between(conn, period.start, period.end))
    compare = (_rows(channel_stats.totals_between(conn, period.compare_start, period.compare_end))
               if period.has_compare else ())
    return current, compare


def notes(shop: ShopFile, period: ReportPeriod) -> NotesView:
    """The notes of the campaign (or of exactly this period), and the same festival's latest
    notes from an earlier year."""
    store = shop.open()
    try:
        conn = store.conn
        campaign = promo_calendar.get_campaign(conn, period.campaign_id) if period.campaign_id else None
        own = (notes_rows.for_campaign(conn, campaign.id) if campaign is not None
               else notes_rows.for_period(conn, period.start, period.end))
        festival = campaign.festival_key if campaign is not None else (own.festival_key if own else None)
        year = campaign.year if campaign is not None else period.start.year
        before = notes_rows.previous_for_festival(conn, festival, year) if festival else None
    finally:
        store.close()
    label = ""
    if before is not None:
        label = f"{before.period_start.isoformat()} – {before.period_end.isoformat()}"
    return NotesView(own.lessons if own else "", own.owners if own else "", own.next_actions if own else "",
                     label, before.lessons if before else "", before.next_actions if before else "")
