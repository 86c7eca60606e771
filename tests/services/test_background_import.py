"""Big files parse in a child process: same result, and Cancel or a bad file still loses nothing."""

import sqlite3

import pytest

from sellerdesk.demo.bulk import write_taobao_orders_csv
from sellerdesk.ingest import background
from sellerdesk.services.importing import import_files
from sellerdesk.services.jobs import CancelToken
from sellerdesk.services.shop import ShopFile


def rows_of(path):
    conn = sqlite3.connect(path)
    out = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
           for t in ("orders", "buyers", "shop_summary")}
    conn.close()
    return out


@pytest.fixture
def export(tmp_path):
    return write_taobao_orders_csv(tmp_path / "ExportOrderList9.csv", 6000, seed=9)


def test_the_child_process_gives_the_same_shop(tmp_path, export, monkeypatch):
    here = ShopFile(tmp_path / "here.sqlite")
    import_files(here, [export])
    monkeypatch.setattr(background, "MIN_BYTES", 0)
    there = ShopFile(tmp_path / "there.sqlite")
    progress = []
    result = import_files(there, [export], progress=lambda f, m: progress.append(f))
    f = result.files[0]
    assert f.imported and f.rows_read == 6000 and f.counts.orders_added == 6000
    assert rows_of(here.path) == rows_of(there.path)
    assert 0 < len([p for p in progress if 0 < p < 1])


def test_cancel_stops_the_child_and_rolls_back(tmp_path, export, monkeypatch):
    monkeypatch.setattr(background, "MIN_BYTES", 0)
    shop = ShopFile(tmp_path / "shop.sqlite")
    token = CancelToken()

    def progress(fraction, message):
        if 0 < fraction < 1:
            token.cancel()

    result = import_files(shop, [export], progress=progress, cancel=token)
    assert result.cancelled
    assert rows_of(shop.path)["orders"] == []


def test_a_broken_file_reports_from_the_child(tmp_path, export, monkeypatch):
    monkeypatch.setattr(background, "MIN_BYTES", 0)
    data = export.read_bytes()
    export.write_bytes(data[: len(data) // 2] + b"\xff\xff\xff\xff" + data[len(data) // 2:])
    shop = ShopFile(tmp_path / "shop.sqlite")
    f = import_files(shop, [export]).files[0]
    assert f.error is not None and "GB18030" in f.error.message_en.upper()
    assert rows_of(shop.path)["orders"] == []


def test_when_the_child_cannot_start_the_file_is_parsed_here(tmp_path, export, monkeypatch):
    monkeypatch.setattr(background, "MIN_BYTES", 0)

    def unavailable(self):
        raise background.ChildUnavailable()
        yield  # a generator, like the real one

    monkeypatch.setattr(background.BackgroundParse, "__iter__", unavailable)
    f = import_files(ShopFile(tmp_path / "shop.sqlite"), [export]).files[0]
    assert f.imported and f.counts.orders_added == 6000
