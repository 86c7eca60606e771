"""The groups' measurement (RFM cut-offs, high-value threshold) is kept with its figures table
(store.facts_context): reused under the same table, day and settings, forgotten on import."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from sellerdesk.domain.rfm import RfmCutoffs
from sellerdesk.domain.segments import GroupContext, SegmentSettings, measure_key
from sellerdesk.services import segmentation
from sellerdesk.services.importing import import_files
from sellerdesk.services.segmentation import measure_context
from sellerdesk.services.shop import ShopFile
from sellerdesk.store import customers, facts_context
from sellerdesk.store.buyer_stats import facts_table
from tests.services import taobao_csv as tb

TODAY = date(2025, 12, 1)


@pytest.fixture
def shop(tmp_path):
    shop = ShopFile(tmp_path / "shop.sqlite")
    import_files(shop, [tb.write(tmp_path / "a.csv", [
        tb.row("35153131473293579", "tb_a", "120.00", created="2025-06-01 10:00:00"),
        tb.row("35153131473293580", "tb_b", "80.00", created="2025-11-20 10:00:00"),
        tb.row("35153131473293581", "tb_b", "40.00", created="2025-11-25 10:00:00")])])
    return shop


def _measured_without_reading(monkeypatch) -> list[str]:
    """Record every histogram read (a kept measurement reads none)."""
    reads: list[str] = []
    real = customers.value_counts
    monkeypatch.setattr(customers, "value_counts", lambda conn, table, column: reads.append(column) or
                        real(conn, table, column))
    return reads


def test_a_measurement_is_kept_and_read_back_equal(shop, monkeypatch):
    reads = _measured_without_reading(monkeypatch)
    settings = SegmentSettings()
    store = shop.open()
    try:
        for as_of in (TODAY, date(2025, 7, 1)):  # buyer_stats, then a kept as-of table
            table = facts_table(store.conn, as_of)
            first = measure_context(store.conn, table, settings, as_of)
            assert len(reads) == 3
            assert facts_context.load(store.conn, table, as_of, measure_key(settings)) == first.to_json()
            assert measure_context(store.conn, table, settings, as_of) == first
            assert len(reads) == 3  # not measured again
            reads.clear()
    finally:
        store.close()


def test_other_settings_or_another_day_are_measured_again(shop, monkeypatch):
    reads = _measured_without_reading(monkeypatch)
    settings = SegmentSettings()
    store = shop.open()
    try:
        table = facts_table(store.conn, TODAY)
        measure_context(store.conn, table, settings, TODAY)
        measure_context(store.conn, table, settings, date(2025, 12, 2))
        measure_context(store.conn, table, replace(settings, dormant_top_share_pct=50), TODAY)
        assert len(reads) == 9
        own = replace(settings, rfm_mode="cutoffs")
        kept = measure_context(store.conn, table, own, TODAY)
        assert len(reads) == 9  # the shop's own cut-offs read no histogram
        assert measure_context(store.conn, table, own, TODAY) == kept
    finally:
        store.close()


def test_an_import_forgets_every_measurement(shop, tmp_path, monkeypatch):
    settings = SegmentSettings()
    store = shop.open()
    try:
        before = measure_context(store.conn, facts_table(store.conn, TODAY), settings, TODAY)
    finally:
        store.close()
    import_files(shop, [tb.write(tmp_path / "b.csv", [
        tb.row("35153131473293582", "tb_c", "900.00", created="2025-11-28 10:00:00")])])
    store = shop.open()
    try:
        assert facts_context.load(store.conn, "buyer_stats", TODAY, measure_key(settings)) is None
        after = measure_context(store.conn, facts_table(store.conn, TODAY), settings, TODAY)
    finally:
        store.close()
    assert after != before  # tb_c's 900.00 moves the cut-offs and the high-value threshold
    assert after == segmentation.compute_segmentation(shop, TODAY).context


def test_nothing_is_kept_inside_a_transaction_or_for_a_temp_table(shop):
    settings = SegmentSettings()
    store = shop.open()
    try:
        conn = store.conn
        conn.execute("BEGIN")
        measure_context(conn, "buyer_stats", settings, TODAY)
        conn.execute("ROLLBACK")
        assert facts_context.load(conn, "buyer_stats", TODAY, measure_key(settings)) is None
        conn.execute("CREATE TEMP TABLE facts_asof AS SELECT * FROM buyer_stats")
        measure_context(conn, "temp.facts_asof", settings, TODAY)
        assert facts_context.load(conn, "temp.facts_asof", TODAY, measure_key(settings)) is None
    finally:
        store.close()


@pytest.mark.parametrize("context", [
    GroupContext(TODAY, None, None),
    GroupContext(TODAY, RfmCutoffs(("2025-06-02", "2025-09-01", "2025-11-02", "2025-11-21"), (2, 3, 4, 6),
                                   (8_000, 12_000, 20_000, 90_001)), 12_000),
])
def test_a_measurement_reads_back_as_written(context):
    assert GroupContext.from_json(context.to_json(), TODAY) == context
