"""The report's free-text notes through the services: per campaign or period, and last year's."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sellerdesk.services import promo_calendar as pc
from sellerdesk.services.jobs import Changes
from sellerdesk.services.report_notes import (ReportNotes, ReportNotesError, notes_for, previous_notes,
                                              save_notes)

NOW = datetime(2026, 11, 20, 9, 0)


@pytest.fixture
def campaigns(tmp_shop):
    """The built-in 11.11 playbook applied for 2025 and 2026."""
    return tmp_shop, *(pc.apply_playbook(tmp_shop, "1111", "1111", year, now=NOW) for year in (2025, 2026))


def test_a_campaigns_notes_carry_its_festival_and_come_back_next_year(campaigns):
    shop, c25, c26 = campaigns
    notes = ReportNotes(c25.start, c25.end, lessons="爆款断货 3 天", owners="小王：备货", next_actions="提前两周备货",
                        campaign_id=c25.id)
    assert save_notes(shop, notes, now=NOW) == Changes(reports=True)
    saved = notes_for(shop, campaign_id=c25.id)
    assert (saved.festival_key, saved.lessons, saved.updated_at) == ("1111", "爆款断货 3 天", NOW)
    assert save_notes(shop, notes, now=NOW) == Changes()  # the same text again
    assert save_notes(shop, ReportNotes(c25.start, c25.end, lessons="改了", campaign_id=c25.id), now=NOW).reports
    assert notes_for(shop, campaign_id=c25.id).id == saved.id and notes_for(shop, campaign_id=c26.id) is None
    last_time = previous_notes(shop, "1111", 2026)
    assert (last_time.lessons, last_time.campaign_id) == ("改了", c25.id)
    assert previous_notes(shop, "1111", 2025) is None and previous_notes(shop, "618", 2027) is None
    pc.delete_campaign(shop, c25.id)  # the lessons stay for next year
    assert previous_notes(shop, "1111", 2026).lessons == "改了"


def test_period_notes_and_blank_notes_remove_them(tmp_shop):
    start, end = date(2026, 9, 1), date(2026, 9, 30)
    assert notes_for(tmp_shop, start=start, end=end) is None
    save_notes(tmp_shop, ReportNotes(start, end, next_actions="换主图"), now=NOW)
    assert notes_for(tmp_shop, start=start, end=end).next_actions == "换主图"
    assert notes_for(tmp_shop, start=start, end=date(2026, 9, 29)) is None
    assert save_notes(tmp_shop, ReportNotes(start, end, lessons=" "), now=NOW) == Changes(reports=True)
    assert notes_for(tmp_shop, start=start, end=end) is None
    assert save_notes(tmp_shop, ReportNotes(start, end), now=NOW) == Changes()
    with pytest.raises(ValueError):
        notes_for(tmp_shop, start=start)


def test_refused_notes(tmp_shop):
    with pytest.raises(ReportNotesError) as err:
        save_notes(tmp_shop, ReportNotes(date(2026, 1, 1), date(2026, 1, 2), lessons="x", campaign_id=99))
    assert "#99" in err.value.message_zh and "does not exist" in err.value.message_en
    with pytest.raises(ReportNotesError):
        save_notes(tmp_shop, ReportNotes(date(2026, 1, 2), date(2026, 1, 1), lessons="x"))
