"""buyer_stats and the rule SQL against plain-Python references on a generated shop."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest

from sellerdesk.domain.buyers import BuyerFacts
from sellerdesk.domain.orders import is_countable
from sellerdesk.domain.rules import Condition, Field, Op, Rule, all_of
from sellerdesk.services.demo import build_demo_shop
from sellerdesk.services.shop import ShopFile
from sellerdesk.store import customers
from sellerdesk.store.buyer_rules import from_facts, where
from sellerdesk.store.buyer_stats import facts_table, refresh_buyer_stats

TODAY = date(2025, 12, 1)


@pytest.fixture(scope="module")
def shop(tmp_path_factory):
    shop = ShopFile(tmp_path_factory.mktemp("groups") / "shop.sqlite")
    build_demo_shop(shop, buyers=400, seed=11, today=TODAY)
    return shop


@pytest.fixture
def conn(shop):
    store = shop.open()
    yield store.conn
    store.close()


def reference_facts(conn: sqlite3.Connection, as_of: date | None = None) -> dict[int, BuyerFacts]:
    """Each buyer's figures computed row by row in Python from orders and refunds."""
    until = (as_of + timedelta(days=1)).isoformat() if as_of else "9999"
    refunded = {(p, o) for p, o in conn.execute("SELECT platform, order_no FROM refunds WHERE status = 'success'")}
    buyers = {r[0]: r for r in conn.execute("SELECT id, platform, account, name, phone, province, city FROM buyers")}
    acc: dict[int, dict] = {}
    for platform, order_no, buyer_id, status, refund_state, created, paid, title in conn.execute(
            "SELECT platform, order_no, buyer_id, status, refund_state, created_at, paid_fen, title FROM orders "
            "WHERE buyer_id IS NOT NULL"):
        if (created or "") >= until:
            continue
        a = acc.setdefault(buyer_id, {"orders": 0, "countable": 0, "paid": 0, "refunded": 0, "days": []})
        a["orders"] += 1
        a["refunded"] += refund_state in ("partial", "full") or (platform, order_no) in refunded
        if is_countable(status, refund_state):
            a["countable"] += 1
            a["paid"] += paid or 0
            a["days"].append((created or "", title))
    out = {}
    for buyer_id, a in acc.items():
        days = sorted(a["days"])
        b = buyers[buyer_id]
        out[buyer_id] = BuyerFacts(
            buyer_id, b[1], b[2], b[3], b[4], b[5], b[6], a["orders"], a["countable"], a["paid"], a["refunded"],
            days[0][0][:10] if days else None, days[-1][0][:10] if days else None,
            (days[-1][1] or None) if days else None)
    return out


def stored_facts(conn, table="buyer_stats") -> dict[int, BuyerFacts]:
    ids = [r[0] for r in conn.execute(f"SELECT buyer_id FROM {table}")]
    return {f.buyer_id: f for f in customers.facts_for(conn, table, ids, with_tags=False)}


def test_buyer_stats_equal_the_reference(conn):
    stored, ref = stored_facts(conn), reference_facts(conn)
    assert len(stored) == len(ref) > 300
    assert stored == ref
    assert any(f.refunded_orders for f in ref.values()) and any(f.countable_orders >= 3 for f in ref.values())


def test_aov_column_matches_the_domain_rounding(conn):
    for buyer_id, aov in conn.execute("SELECT buyer_id, aov_fen FROM buyer_stats"):
        assert aov == stored_facts(conn)[buyer_id].aov_fen
        break


def test_an_earlier_as_of_counts_only_orders_until_that_day(conn):
    as_of = date(2025, 6, 30)
    table = facts_table(conn, as_of)
    assert table == "facts_asof_20250630"  # kept for every connection until the orders change
    assert stored_facts(conn, table) == reference_facts(conn, as_of)
    assert facts_table(conn, TODAY) == "buyer_stats"


RULES = [
    all_of(Condition(Field.ORDERS, Op.GE, 2)),
    all_of(Condition(Field.ORDERS, Op.EQ, 1), Condition(Field.DAYS_SINCE_FIRST, Op.LE, 60)),
    all_of(Condition(Field.DAYS_SINCE_LAST, Op.LE, 90)),
    all_of(Condition(Field.DAYS_SINCE_LAST, Op.GT, 180), Condition(Field.PAID, Op.GE, 50000)),
    all_of(Condition(Field.DAYS_SINCE_LAST, Op.BETWEEN, 30, 120)),
    all_of(Condition(Field.DAYS_SINCE_LAST, Op.NE, 30)),
    all_of(Condition(Field.AOV, Op.BETWEEN, 5000, 20000)),
    all_of(Condition(Field.AOV, Op.LT, 8000)),
    all_of(Condition(Field.LAST_ORDER, Op.GE, "2025-11-01"), Condition(Field.FIRST_ORDER, Op.LT, "2025-01-01")),
    Rule("any", (Condition(Field.PLATFORM, Op.EQ, "jd"), Condition(Field.HAD_REFUND, Op.IS, True))),
    all_of(Condition(Field.PLATFORM, Op.NE, "taobao"), Condition(Field.HAD_REFUND, Op.IS, False)),
    all_of(Condition(Field.PROVINCE, Op.CONTAINS, "广东")),
    all_of(Condition(Field.CITY, Op.NE, "杭州市")),
    all_of(Condition(Field.TAG, Op.HAS, "vip")),
    all_of(Condition(Field.TAG, Op.HAS_NOT, "vip"), Condition(Field.ORDERS, Op.GE, 1)),
]


@pytest.mark.parametrize("as_of", [TODAY, date(2025, 6, 30)])
def test_rule_sql_agrees_with_rule_matches(conn, as_of):
    ids = [r[0] for r in conn.execute("SELECT buyer_id FROM buyer_stats ORDER BY buyer_id LIMIT 40")]
    conn.executemany("INSERT OR IGNORE INTO buyer_tags VALUES (?, 'vip', '2025-01-01')", [(i,) for i in ids])
    table = facts_table(conn, as_of)
    facts = {f.buyer_id: f for f in customers.facts_for(
        conn, table, [r[0] for r in conn.execute(f"SELECT buyer_id FROM {table}")])}
    for rule in RULES:
        sql, params = where(rule, as_of)
        got = {r[0] for r in conn.execute(f"SELECT s.buyer_id FROM {from_facts(table, sql)} WHERE {sql}",
                                          params)}
        expected = {i for i, f in facts.items() if rule.matches(f, as_of)}
        assert got == expected, rule
        if as_of == TODAY:  # every rule splits the shop: the comparison above tested something
            assert 0 < len(expected) < len(facts), rule


def test_item_rules_agree_with_bought_titles_and_skus(conn):
    title = conn.execute("SELECT title FROM orders WHERE title IS NOT NULL LIMIT 1").fetchone()[0]
    word = title[:4]
    sku = conn.execute("SELECT sku FROM order_lines WHERE sku IS NOT NULL LIMIT 1").fetchone()
    rules = [all_of(Condition(Field.ITEM_TITLE, Op.CONTAINS, word))]
    if sku:
        rules.append(all_of(Condition(Field.SKU, Op.EQ, sku[0])))
    ids = [r[0] for r in conn.execute("SELECT buyer_id FROM buyer_stats")]
    facts = customers.facts_for(conn, "buyer_stats", ids, with_items=True)
    for rule in rules:
        sql, params = where(rule, TODAY)
        got = {r[0] for r in conn.execute(f"SELECT s.buyer_id FROM {from_facts('buyer_stats', sql)} "
                                          f"WHERE {sql}", params)}
        assert got == {f.buyer_id for f in facts if rule.matches(f, TODAY)} != set()


def test_unless_rules_remove_members(conn):
    repeat = all_of(Condition(Field.ORDERS, Op.GE, 2))
    recent = all_of(Condition(Field.DAYS_SINCE_LAST, Op.LE, 90))
    counts = customers.group_counts(conn, "buyer_stats", TODAY, [("x", recent, (repeat,))])
    facts = stored_facts(conn).values()
    expected = [f for f in facts if recent.matches(f, TODAY) and not repeat.matches(f, TODAY)]
    assert counts["x"] == customers.GroupTally(len(expected), sum(f.paid_fen for f in expected),
                                               sum(f.countable_orders for f in expected))


def test_refresh_is_repeatable(conn):
    before = conn.execute("SELECT * FROM buyer_stats ORDER BY buyer_id").fetchall()
    refresh_buyer_stats(conn)
    assert conn.execute("SELECT * FROM buyer_stats ORDER BY buyer_id").fetchall() == before
