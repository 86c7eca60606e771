"""channel_stats and report_notes in the store: upserts that skip equal rows, ranges, totals in SQL."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sellerdesk.domain.channels import ChannelDay, totals
from sellerdesk.domain.report_notes import ReportNotes
from sellerdesk.store import channel_stats as cs
from sellerdesk.store import report_notes as rn
from sellerdesk.store.db import open_store

D1, D2, D3 = date(2026, 11, 10), date(2026, 11, 11), date(2026, 11, 12)
NOW = "2026-11-13 09:00:00"


@pytest.fixture
def conn(tmp_path):
    store = open_store(tmp_path / "shop.sqlite")
    yield store.conn
    store.close()


def _updated_at(conn):
    return dict(((d, c), u) for d, c, u in conn.execute("SELECT day, channel, updated_at FROM channel_stats"))


def test_write_adds_updates_skips_equal_rows_and_removes_empty_ones(conn):
    rows = [ChannelDay(D1, "ztc", spend_fen=100, uv=3, pv=5), ChannelDay(D2, "ztc", spend_fen=200),
            ChannelDay(D2, "natural", uv=10, pv=20)]
    assert cs.write_rows(conn, rows, NOW) == cs.WriteCounts(added=3)
    assert cs.write_rows(conn, rows, "2026-11-14 09:00:00") == cs.WriteCounts()  # nothing rewritten
    assert set(_updated_at(conn).values()) == {NOW}
    # the same figures arriving from a file leave the typed row as it was
    assert cs.write_rows(conn, [ChannelDay(D1, "ztc", 100, 3, 5, source="imported")], NOW) == cs.WriteCounts()
    changed = [ChannelDay(D1, "ztc", spend_fen=150, uv=3, pv=5, source="imported"),
               ChannelDay(D2, "ztc", spend_fen=0, uv=None), ChannelDay(D3, "tbk")]
    assert cs.write_rows(conn, changed, NOW) == cs.WriteCounts(updated=1, removed=1)
    assert cs.rows_between(conn, D1, D3) == [ChannelDay(D1, "ztc", 150, 3, 5, source="imported"),
                                             ChannelDay(D2, "natural", uv=10, pv=20)]


def test_replace_range_removes_rows_the_grid_left_out_and_only_there(conn):
    cs.write_rows(conn, [ChannelDay(d, "ztc", spend_fen=100) for d in (D1, D2, D3)], NOW)
    counts = cs.write_rows(conn, [ChannelDay(D2, "ztc", spend_fen=100)], NOW, replace_range=(D1, D2))
    assert counts == cs.WriteCounts(removed=1)
    assert [r.day for r in cs.rows_between(conn, D1, D3)] == [D2, D3]


def test_rows_are_ordered_by_day_then_display_order_and_keep_their_campaign(conn):
    conn.execute("INSERT INTO campaigns (id, name, year, anchor_day, created_at) "
                 "VALUES (7, 'x', 2026, '2026-11-11', '2026-10-01 00:00:00')")
    cs.write_rows(conn, [ChannelDay(D2, "other", uv=1, pv=1), ChannelDay(D2, "ztc", spend_fen=1, campaign_id=7),
                         ChannelDay(D1, "natural", uv=1, pv=1)], NOW)
    assert [(r.day, r.channel) for r in cs.rows_between(conn, D1, D2)] == [
        (D1, "natural"), (D2, "ztc"), (D2, "other")]
    cs.write_rows(conn, [ChannelDay(D2, "ztc", spend_fen=2)], NOW)  # edited outside the campaign's grid
    assert cs.rows_between(conn, D2, D2)[0].campaign_id == 7


def test_sql_totals_equal_the_domain_sums(conn):
    rows = [ChannelDay(D1, "ztc", spend_fen=100, uv=10, pv=30, orders=1, sales_fen=900),
            ChannelDay(D2, "ztc", spend_fen=300, uv=20, pv=30, clicks=5),
            ChannelDay(D2, "natural", uv=100, pv=400, orders=4, sales_fen=4000),
            ChannelDay(D3, "ztc", spend_fen=999)]
    cs.write_rows(conn, rows, NOW)
    assert cs.totals_between(conn, D1, D2) == totals(rows[:3])
    assert cs.totals_between(conn, D1, D2)[0].clicks == 5 and cs.totals_between(conn, D1, D1)[0].clicks is None
    assert cs.days_with_data(conn, D1, D3) == 3 and cs.totals_between(conn, date(2027, 1, 1), date(2027, 1, 2)) == []


def test_notes_by_campaign_period_and_festival_year(conn):
    conn.execute("INSERT INTO campaigns (id, name, festival_key, year, anchor_day, created_at) "
                 "VALUES (3, '年货节 2027', 'nianhuo', 2027, '2027-01-20', '2026-12-01 00:00:00')")
    at = datetime(2027, 2, 1, 9, 0)
    first = rn.save(conn, ReportNotes(date(2026, 12, 28), date(2027, 1, 25), lessons="a", campaign_id=3,
                                      festival_key="nianhuo"), at)
    assert rn.save(conn, ReportNotes(date(2026, 12, 28), date(2027, 1, 25), lessons="b", campaign_id=3,
                                     festival_key="nianhuo"), at) == first
    assert rn.for_campaign(conn, 3).lessons == "b" and rn.for_campaign(conn, 3).updated_at == at
    # the 2027 campaign started in 2026, yet it is the 2027 festival: not "before 2027"
    assert rn.previous_for_festival(conn, "nianhuo", 2027) is None
    assert rn.previous_for_festival(conn, "nianhuo", 2028).lessons == "b"
    period = rn.save(conn, ReportNotes(D1, D3, owners="小王"), at)
    assert rn.for_period(conn, D1, D3).id == period != first and rn.for_period(conn, D1, D2) is None
    assert rn.delete(conn, period) and rn.for_period(conn, D1, D3) is None
