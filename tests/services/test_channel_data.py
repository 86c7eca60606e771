"""The retrospective's channel grid and file import through the services, on a real shop file."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sellerdesk.services import channel_data as cd
from sellerdesk.services.channel_data import ChannelDataError, ChannelDay, MappingError
from sellerdesk.services.jobs import Changes

from ..ingest.platform_files import xlsx_rows

NOW = datetime(2026, 11, 13, 9, 0)
D1, D2, D3 = date(2026, 11, 10), date(2026, 11, 11), date(2026, 11, 12)
HEADERS = ["日期", "渠道", "花费", "访客数", "浏览量", "成交金额"]
MAPPING = {"day": "日期", "channel": "渠道", "spend": "花费", "uv": "访客数", "pv": "浏览量", "sales": "成交金额"}


def test_list_channels_per_platform():
    assert [c.key for c in cd.list_channels("jd")] == ["jd_kuaiche", "jd_haitou", "natural", "other"]
    assert len(cd.list_channels(None)) == len(cd.CHANNELS)


def test_the_grid_saves_in_one_go_and_an_unchanged_grid_changes_nothing(tmp_shop):
    grid = [ChannelDay(D1, "ztc", spend_fen=10_000, sales_fen=30_000), ChannelDay(D2, "ztc", spend_fen=20_000),
            ChannelDay(D2, "natural", uv=800, pv=2000, sales_fen=50_000), ChannelDay(D3, "tbk", 0, 0, 0)]
    assert cd.save_channel_rows(tmp_shop, grid, replace_range=(D1, D3), now=NOW) == Changes(reports=True)
    assert cd.channel_rows(tmp_shop, D1, D3) == grid[:3]  # the all-zero row is not kept
    assert cd.save_channel_rows(tmp_shop, grid, replace_range=(D1, D3), now=NOW) == Changes()
    # the user clears D1's row in the grid: replace_range removes it
    assert cd.save_channel_rows(tmp_shop, grid[1:], replace_range=(D1, D3), now=NOW).reports
    totals = cd.channel_totals(tmp_shop, D1, D3)
    assert [(t.channel, t.spend_fen, t.roi, t.pv_per_uv) for t in totals] == [
        ("ztc", 20_000, None, None), ("natural", None, None, 2.5)]
    assert cd.grand_total(totals).sales_fen == 50_000


@pytest.mark.parametrize("bad, en", [
    (ChannelDay(D2, "ztc", uv=9, pv=3), "more visitors"),
    (ChannelDay(D2, "natural", uv=1, pv=1), "appear twice"),
    (ChannelDay(date(2026, 12, 1), "tbk", spend_fen=1), "outside the range"),
])
def test_one_broken_row_saves_nothing(tmp_shop, bad, en):
    cd.save_channel_rows(tmp_shop, [ChannelDay(D1, "ztc", spend_fen=5)], now=NOW)
    rows = [ChannelDay(D1, "ztc", spend_fen=6), ChannelDay(D2, "natural", uv=2, pv=3), bad]
    with pytest.raises(ChannelDataError) as err:
        cd.save_channel_rows(tmp_shop, rows, replace_range=(D1, D3), now=NOW)
    assert en in err.value.message_en and err.value.day == bad.day and err.value.message_zh
    assert cd.channel_rows(tmp_shop, D1, D3) == [ChannelDay(D1, "ztc", spend_fen=5)]


def _file(tmp_path, rows, name="analytics.xlsx"):
    return xlsx_rows(tmp_path / name, HEADERS, rows)


GOOD = [{"日期": "2026-11-11", "渠道": "直通车", "花费": "200.00", "访客数": 300, "浏览量": 700, "成交金额": 1500},
        {"日期": "2026-11-11", "渠道": "钻展", "花费": 50, "访客数": 100, "浏览量": 100, "成交金额": 0},
        {"日期": "2026-11-12", "渠道": "自然流量", "访客数": 5000, "浏览量": 15000, "成交金额": "9,000.00"}]


def test_import_maps_once_remembers_and_a_reimport_changes_nothing(tmp_shop, tmp_path):
    path = _file(tmp_path, GOOD)
    first = cd.preview_channel_file(tmp_shop, path)
    assert first.remembered is None and first.suggested == MAPPING and first.mapping == MAPPING
    assert first.headers == HEADERS and len(first.sample_rows) == 3
    with pytest.raises(MappingError):
        cd.import_channel_file(tmp_shop, path)  # never mapped: the dialog must come first
    result = cd.import_channel_file(tmp_shop, path, first.mapping, now=NOW)
    assert (result.rows_added, result.rows_updated, result.rejected, result.changes) == (3, 0, [], Changes(reports=True))
    assert cd.preview_channel_file(tmp_shop, path).remembered == MAPPING
    again = cd.import_channel_file(tmp_shop, path, now=NOW)  # the remembered mapping
    assert (again.rows_added, again.rows_updated, again.changes, again.refused) == (0, 0, Changes(), False)
    rows = cd.channel_rows(tmp_shop, D2, D3)
    assert [(r.channel, r.spend_fen, r.sales_fen, r.source) for r in rows] == [
        ("ztc", 20_000, 150_000, "imported"), ("ylmf", 5_000, 0, "imported"), ("natural", None, 900_000, "imported")]
    changed = _file(tmp_path, [{**GOOD[0], "花费": "250.00"}], "later.xlsx")
    later = cd.import_channel_file(tmp_shop, changed, now=NOW)
    assert (later.rows_added, later.rows_updated) == (0, 1)
    assert cd.channel_totals(tmp_shop, D2, D2)[0].spend_fen == 25_000


def test_a_broken_row_refuses_the_whole_file(tmp_shop, tmp_path):
    path = _file(tmp_path, [*GOOD, {"日期": "2026-11-12", "渠道": "直通车", "花费": "-3", "访客数": 1, "浏览量": 1}])
    result = cd.import_channel_file(tmp_shop, path, MAPPING, now=NOW)
    assert result.refused and (result.rows_added, result.rows_updated) == (0, 0)
    assert [(e.file, e.row, e.column) for e in result.rejected] == [("analytics.xlsx", 5, "花费")]
    assert "negative" in result.rejected[0].reason_en and result.changes == Changes()
    assert cd.channel_rows(tmp_shop, D1, D3) == []
    assert cd.preview_channel_file(tmp_shop, path).remembered is None  # nothing half-saved, not even the mapping


def test_a_mapping_that_does_not_fit_names_the_file(tmp_shop, tmp_path):
    path = _file(tmp_path, GOOD)
    with pytest.raises(MappingError) as err:
        cd.import_channel_file(tmp_shop, path, {"day": "Date", "spend": "花费", "_channel": "ztc"}, now=NOW)
    assert err.value.file == "analytics.xlsx" and "no column Date" in err.value.message_en
    with pytest.raises(MappingError):
        cd.validate_mapping({"day": "日期"}, HEADERS)


def test_a_reversed_range_is_refused(tmp_shop):
    with pytest.raises(ChannelDataError) as err:
        cd.save_channel_rows(tmp_shop, [], replace_range=(D3, D1))
    assert "ends before it starts" in err.value.message_en
