"""The Customers table's sorts and the kept as-of figures, against plain-Python references."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from sellerdesk.services.demo import build_demo_shop
from sellerdesk.services.shop import ShopFile
from sellerdesk.store import buyer_stats, customers
from sellerdesk.store.buyer_stats import (SORT_COLUMNS, cached_dates, facts_table, has_sort_keys, is_current,
                                          refresh_buyer_stats)
from tests.store.test_buyer_stats import reference_facts, stored_facts

TODAY = date(2025, 12, 1)
EARLIER = date(2025, 6, 30)
TEXT_SORTS = ("account", "name", "phone", "platform", "city")
NUMERIC_SORTS = ("first_order", "last_order", "orders", "paid", "aov")


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    """A demo shop whose buyers also have missing names, phones and cities, shared names and
    text that SQLite and Python could order differently (case, digits, Chinese, emoji)."""
    shop = ShopFile(tmp_path_factory.mktemp("sorts") / "shop.sqlite")
    build_demo_shop(shop, buyers=300, seed=13, today=TODAY)
    store = shop.open()
    try:
        with store.transaction() as conn:
            conn.execute("UPDATE buyers SET name = NULL WHERE id % 7 = 0")
            conn.execute("UPDATE buyers SET phone = NULL WHERE id % 11 = 0")
            conn.execute("UPDATE buyers SET city = NULL WHERE id % 5 = 0")
            conn.execute("UPDATE buyers SET name = '张伟' WHERE id % 9 = 0")
            for i, text in enumerate(("Bob", "bob", "Ünal", "10号", "9号", "😀茶", "ａ全角", "", " 空格")):
                conn.execute("UPDATE buyers SET account = ? WHERE id = ?", (text, 3 + 4 * i))
            refresh_buyer_stats(conn)
    finally:
        store.close()
    return shop.path


@pytest.fixture
def conn(demo_path, tmp_path):
    copy = tmp_path / "shop.sqlite"
    src, dst = sqlite3.connect(demo_path), sqlite3.connect(copy)
    src.backup(dst)
    src.close()
    dst.close()
    store = ShopFile(copy).open()
    yield store.conn
    store.close()


def _value(f, sort: str):
    return {"account": f.account, "name": f.name, "phone": f.phone, "platform": f.platform, "city": f.city,
            "first_order": f.first_order_day, "last_order": f.last_order_day, "orders": f.countable_orders,
            "paid": f.paid_fen, "aov": f.aov_fen}[sort]


def python_order(facts, sort: str, descending: bool) -> list[int]:
    """Python's sort of the same values: by (value, buyer id), reversed for descending;
    buyers without a value last, by buyer id in the same direction (as the numeric sorts do)."""
    valued = sorted(((_value(f, sort), f.buyer_id) for f in facts if _value(f, sort) is not None),
                    reverse=descending)
    missing = sorted((f.buyer_id for f in facts if _value(f, sort) is None), reverse=descending)
    return [i for _, i in valued] + missing


@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
@pytest.mark.parametrize("sort", TEXT_SORTS + NUMERIC_SORTS)
def test_sorts_equal_pythons_sort(conn, sort, descending):
    facts = stored_facts(conn).values()
    assert customers.query_ids(conn, "buyer_stats", sort=sort, descending=descending) == \
        python_order(facts, sort, descending)
    if sort in ("name", "phone", "city", "aov", "last_order"):  # the comparison above met missing values
        assert any(_value(f, sort) is None for f in facts), sort


@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
@pytest.mark.parametrize("sort", TEXT_SORTS)
def test_text_sorts_within_a_group_a_search_and_an_earlier_day(conn, sort, descending):
    table = facts_table(conn, EARLIER)
    facts = stored_facts(conn, table).values()
    where, params = "s.countable_orders >= ?", [2]
    got = customers.query_ids(conn, table, where=where, params=params, sort=sort, descending=descending)
    assert got == python_order([f for f in facts if f.countable_orders >= 2], sort, descending) != []
    got = customers.query_ids(conn, table, text="1", sort=sort, descending=descending)
    matching = [f for f in facts if any("1" in (v or "") for v in (f.account, f.name, f.phone))]
    assert got == python_order(matching, sort, descending) != []


@pytest.mark.parametrize("sort", TEXT_SORTS)
def test_text_sorts_without_the_kept_keys_join_buyers_in_the_same_order(conn, sort):
    """A facts table without the sort keys (figures kept by an older version) sorts the old way, alike."""
    columns = ", ".join(c for c in buyer_stats.STATS_COLUMNS)
    conn.execute(f"CREATE TEMP TABLE plain AS SELECT {columns} FROM buyer_stats")
    assert not has_sort_keys(conn, "temp.plain")
    for descending in (False, True):
        assert customers.query_ids(conn, "temp.plain", sort=sort, descending=descending) == \
            customers.query_ids(conn, "buyer_stats", sort=sort, descending=descending)


def test_text_sorts_read_an_index(conn):
    for sort, column in zip(TEXT_SORTS, SORT_COLUMNS):
        plan = " ".join(str(r) for r in conn.execute(
            f"EXPLAIN QUERY PLAN SELECT s.buyer_id FROM buyer_stats s WHERE (1) AND s.{column} IS NOT NULL "
            f"ORDER BY s.{column} DESC, s.buyer_id DESC"))
        assert f"buyer_stats_{column}" in plan and "TEMP B-TREE" not in plan, plan


def test_a_shop_without_sort_keys_gets_them_on_first_read(conn):
    before = conn.execute(f"SELECT buyer_id, {', '.join(SORT_COLUMNS)} FROM buyer_stats ORDER BY 1").fetchall()
    for column in SORT_COLUMNS:
        conn.execute(f"DROP INDEX buyer_stats_{column}")
        conn.execute(f"ALTER TABLE buyer_stats DROP COLUMN {column}")
    assert not has_sort_keys(conn)
    assert facts_table(conn, TODAY) == "buyer_stats" and has_sort_keys(conn)
    assert conn.execute(f"SELECT buyer_id, {', '.join(SORT_COLUMNS)} FROM buyer_stats ORDER BY 1").fetchall() == before
    assert stored_facts(conn) == reference_facts(conn)


# -- the kept as-of figures ------------------------------------------------------------------------------

def test_an_earlier_day_is_kept_for_every_connection(conn, demo_path):
    table = facts_table(conn, EARLIER)
    assert table == "facts_asof_20250630" and cached_dates(conn) == [EARLIER.isoformat()]
    assert stored_facts(conn, table) == reference_facts(conn, EARLIER)
    def indexes() -> set[str]:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?",
                                           (table,))}

    assert indexes() == set()  # read by buyer id (the report): no index built yet
    other = sqlite3.connect(conn.execute("PRAGMA database_list").fetchone()[2])
    try:
        assert facts_table(other, EARLIER, indexed=True) == table  # no rebuild: the other connection finds it
        assert other.execute("SELECT count(*) FROM temp.sqlite_master").fetchone()[0] == 0
    finally:
        other.close()
    copied = {r[0].replace("buyer_stats", table) for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'buyer_stats' AND sql IS NOT NULL")}
    assert {f"{table}_{c}" for c in SORT_COLUMNS} <= indexes() == copied  # the sorts' indexes, once asked
    for column in SORT_COLUMNS:
        plan = " ".join(r[3] for r in conn.execute(f"EXPLAIN QUERY PLAN SELECT buyer_id FROM {table} ORDER BY {column}"))
        assert f"{table}_{column}" in plan, plan


def test_only_the_newest_days_are_kept(conn):
    days = [date(2025, m, 1) for m in range(2, 3 + buyer_stats.CACHED_DATES)]
    for day in days:
        facts_table(conn, day)
    assert cached_dates(conn) == [d.isoformat() for d in days[-buyer_stats.CACHED_DATES:]]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE name GLOB 'facts_asof_2*' "
                                         "AND type = 'table'")}
    assert tables == {f"facts_asof_{d.strftime('%Y%m%d')}" for d in days[-buyer_stats.CACHED_DATES:]}


def test_a_refresh_drops_the_kept_days(conn):
    table = facts_table(conn, EARLIER)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE orders SET paid_fen = paid_fen + 100 WHERE created_at < '2025-06-01'")
    refresh_buyer_stats(conn)
    conn.execute("COMMIT")
    assert cached_dates(conn) == [] and not is_current(conn, table)
    again = facts_table(conn, EARLIER)
    assert again == table and is_current(conn, again)
    assert stored_facts(conn, again) == reference_facts(conn, EARLIER)


def test_a_busy_shop_computes_the_day_for_this_connection_only(conn, monkeypatch):
    monkeypatch.setattr(buyer_stats, "_CACHE_LOCK_MS", 50)
    writer = sqlite3.connect(conn.execute("PRAGMA database_list").fetchone()[2], isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # an import holds the file
    try:
        table = facts_table(conn, EARLIER)
        assert table == "temp.facts_asof" and cached_dates(conn) == []
        assert stored_facts(conn, table) == reference_facts(conn, EARLIER)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert facts_table(conn, EARLIER) == "facts_asof_20250630"


def test_inside_a_transaction_the_day_goes_to_a_temp_table(conn):
    conn.execute("BEGIN")
    try:
        assert facts_table(conn, EARLIER) == "temp.facts_asof"
        assert stored_facts(conn, "temp.facts_asof") == reference_facts(conn, EARLIER)
    finally:
        conn.execute("ROLLBACK")
    assert cached_dates(conn) == []
