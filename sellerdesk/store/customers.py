"""Buyers for the Customers tab and the groups: counts, id lists, pages, details.

Big lists are id lists: the tab sorts and filters in SQL, keeps the ids and
fetches the rows of the visible page only (300,000 buyers never become
300,000 Python objects at once).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sellerdesk.domain.buyers import BuyerFacts
from sellerdesk.domain.rules import Rule
from sellerdesk.store.buyer_rules import BOUGHT, Atoms, from_facts, holds
from sellerdesk.store.buyer_stats import SORT_KEYS, has_sort_keys
from sellerdesk.store.sql_parts import chunks, escape_like

# Sort keys the Customers tab offers -> SQL (ties broken by buyer id).
SORT_COLUMNS = {
    "account": "b.account", "name": "b.name", "phone": "b.phone", "platform": "b.platform",
    "first_order": "s.first_order_day", "last_order": "s.last_order_day",
    "orders": "s.countable_orders", "paid": "s.paid_fen", "aov": "s.aov_fen", "city": "b.city",
}
_FACT_COLUMNS = ("s.buyer_id, b.platform, b.account, b.name, b.phone, b.province, b.city, s.orders, "
                 "s.countable_orders, s.paid_fen, s.refunded_orders, s.first_order_day, s.last_order_day, "
                 "s.last_item")


@dataclass(frozen=True)
class GroupTally:
    size: int
    paid_fen: int  # paid total of the members' countable orders
    countable_orders: int


def group_counts(conn: sqlite3.Connection, table: str, as_of: date,
                 groups: Sequence[tuple[str, Rule, tuple[Rule, ...]]]) -> dict[str, GroupTally]:
    """Size and totals of every (key, rule, unless) in one pass over the buyers.

    Each distinct condition is evaluated once per buyer into a bit mask; buyers are
    tallied per distinct mask (a few hundred), and each group's rule is applied to
    those tallies here. 19 built-in groups on 300,000 buyers: one scan and one small sort.
    """
    atoms = Atoms(as_of)
    compiled = [(key, atoms.of_rule(rule), [atoms.of_rule(u) for u in unless]) for key, rule, unless in groups]
    columns, params = atoms.mask_columns()
    names = [f"m{i}" for i in range(len(columns))]
    inner = (f"SELECT {', '.join(f'{c} AS {n}' for c, n in zip(columns, names))}, s.paid_fen AS paid_fen, "
             f"s.countable_orders AS countable_orders FROM {from_facts(table, *atoms.sql)} LIMIT -1")
    totals = {key: [0, 0, 0] for key, _, _ in compiled}
    for row in conn.execute(f"SELECT {', '.join(names)}, count(*), sum(paid_fen), sum(countable_orders) "
                            f"FROM ({inner}) GROUP BY {', '.join(names)}", params):
        bits = atoms.bits(row[:len(names)])
        n, paid, orders = row[len(names):]
        for key, rule, unless in compiled:
            if holds(rule, bits) and not any(holds(u, bits) for u in unless):
                t = totals[key]
                t[0] += n
                t[1] += paid
                t[2] += orders
    return {key: GroupTally(*t) for key, t in totals.items()}


def count_matching(conn: sqlite3.Connection, table: str, where: str, params: Sequence) -> int:
    """How many buyers one condition set matches (the rule editor's live count)."""
    return conn.execute(f"SELECT count(*) FROM {from_facts(table, where)} WHERE {where}", list(params)).fetchone()[0]


def totals(conn: sqlite3.Connection, table: str) -> tuple[int, int]:
    """(buyers, paid total in fen)."""
    n, paid = conn.execute(f"SELECT count(*), coalesce(sum(paid_fen), 0) FROM {table}").fetchone()
    return n, paid


def counted_buyers(conn: sqlite3.Connection, table: str) -> int:
    """Buyers with at least one countable order."""
    return conn.execute(f"SELECT count(*) FROM {table} WHERE countable_orders > 0").fetchone()[0]


def value_counts(conn: sqlite3.Connection, table: str, column: str) -> list[tuple]:
    """Histogram of one figure over buyers with a countable order, ascending (for quintiles)."""
    assert column in ("countable_orders", "paid_fen", "last_order_day")
    # (column, countable_orders) indexes make this an index-only scan on buyer_stats.
    return conn.execute(f"SELECT {column}, count(*) FROM {table} WHERE countable_orders > 0 "
                        f"GROUP BY {column} ORDER BY {column}").fetchall()


def paid_at_rank(conn: sqlite3.Connection, table: str, rank: int) -> int | None:
    """The paid total of the rank-th biggest spender (1 = the biggest) among buyers with a countable order."""
    row = conn.execute(f"SELECT paid_fen FROM {table} WHERE countable_orders > 0 ORDER BY paid_fen DESC "
                       f"LIMIT 1 OFFSET ?", (max(rank, 1) - 1,)).fetchone()
    return row[0] if row else None


def query_ids(conn: sqlite3.Connection, table: str, *, where: str = "1", params: Sequence = (),
              text: str = "", sort: str = "paid", descending: bool = True) -> list[int]:
    """Buyer ids matching `where` and the search text, in the asked order."""
    sql, args = [f"({where})"], list(params)
    text = text.strip()
    if text:
        like = f"%{escape_like(text)}%"
        platforms = [r[0] for r in conn.execute("SELECT DISTINCT platform FROM buyers")]
        marks = ", ".join("?" * len(platforms)) or "NULL"
        sql.append(f"s.buyer_id IN (SELECT id FROM buyers WHERE account LIKE ? ESCAPE '\\' "
                   f"OR name LIKE ? ESCAPE '\\' OR phone LIKE ? ESCAPE '\\' "
                   f"UNION SELECT buyer_id FROM orders WHERE platform IN ({marks}) AND order_no = ?)")
        args += [like, like, like, *platforms, text]
    direction = "DESC" if descending else "ASC"
    if sort in SORT_KEYS and has_sort_keys(conn, table):
        # The buyer's text kept in the facts table, indexed: the buyers with a value in
        # (value, id) order straight from the index, then those without one by id.
        column, where_sql = f"s.{SORT_KEYS[sort]}", " AND ".join(sql)
        ids = []
        for part, order in ((f"{column} IS NOT NULL", f"{column} {direction}, s.buyer_id {direction}"),
                            (f"{column} IS NULL", f"s.buyer_id {direction}")):
            ids += [r[0] for r in conn.execute(f"SELECT s.buyer_id FROM {from_facts(table, *sql)} "
                                               f"WHERE {where_sql} AND {part} ORDER BY {order}", args)]
        return ids
    column = SORT_COLUMNS[sort]
    # NULLs last either way; ties in buyer order. Written so an index on the column can serve the sort.
    order = f"{column} IS NULL, {column} {direction}, s.buyer_id {direction}"
    rows = conn.execute(f"SELECT s.buyer_id FROM {from_facts(table, column, *sql)} WHERE {' AND '.join(sql)} "
                        f"ORDER BY {order}", args)
    return [r[0] for r in rows]


def facts_for(conn: sqlite3.Connection, table: str, ids: Sequence[int], *, with_tags: bool = True,
              with_items: bool = False, until: str = "9999") -> list[BuyerFacts]:
    """BuyerFacts of the given buyers, in the order of ids (missing ids are left out)."""
    found: dict[int, tuple] = {}
    for chunk in chunks(ids):
        marks = ", ".join("?" * len(chunk))
        for row in conn.execute(f"SELECT {_FACT_COLUMNS} FROM {from_facts(table, 'b.')} "
                                f"WHERE s.buyer_id IN ({marks})", chunk):
            found[row[0]] = row
    tags = tags_of(conn, list(found)) if with_tags else {}
    items = _items_of(conn, list(found), until) if with_items else {}
    result = []
    for buyer_id in ids:
        row = found.get(buyer_id)
        if row is None:
            continue
        titles, skus = items.get(buyer_id, ((), ()))
        result.append(BuyerFacts(*row, titles=titles, skus=skus, tags=frozenset(tags.get(buyer_id, ()))))
    return result


def tags_of(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for chunk in chunks(ids):
        marks = ", ".join("?" * len(chunk))
        for buyer_id, tag in conn.execute(
                f"SELECT buyer_id, tag FROM buyer_tags WHERE buyer_id IN ({marks}) ORDER BY tag", chunk):
            out.setdefault(buyer_id, []).append(tag)
    return out


def _items_of(conn: sqlite3.Connection, ids: Sequence[int], until: str) -> dict[int, tuple[tuple, tuple]]:
    """Titles and SKUs each buyer bought in countable orders (what item rules look at)."""
    out: dict[int, tuple[set, set]] = {}
    for chunk in chunks(ids):
        marks = ", ".join("?" * len(chunk))
        bought = BOUGHT.replace("o.buyer_id = s.buyer_id", f"o.buyer_id IN ({marks})")
        for buyer_id, order_title, line_title, sku in conn.execute(
                f"SELECT o.buyer_id, o.title, l.title, l.sku FROM orders o LEFT JOIN order_lines l "
                f"ON l.platform = o.platform AND l.order_no = o.order_no WHERE {bought}", [*chunk, until]):
            titles, skus = out.setdefault(buyer_id, (set(), set()))
            titles.update(t for t in (order_title, line_title) if t)
            if sku:
                skus.add(sku)
    return {k: (tuple(sorted(t)), tuple(sorted(s))) for k, (t, s) in out.items()}



