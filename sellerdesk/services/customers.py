"""The Customers tab's use cases: buyer lists (ids, then pages), one buyer's records, tags, notes, phone reveals.

Lists are id lists sorted and filtered in SQL (`list_buyer_ids`, run off the
GUI thread); `BuyerReader` fetches the rows of the visible page on its own
connection. Every write is one transaction and returns its Changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sellerdesk.domain.buyers import BuyerFacts
from sellerdesk.domain.errors import BilingualError
from sellerdesk.domain.rules import Field
from sellerdesk.domain.segments import ALL_KEY
from sellerdesk.services.clock import shop_now, shop_today
from sellerdesk.services.jobs import Changes
from sellerdesk.services.segmentation import Segmentation
from sellerdesk.services.shop import ShopFile
from sellerdesk.store import buyer_records, customers
from sellerdesk.store.buyer_records import LineRow, OrderRow, RefundRow
from sellerdesk.store.buyer_rules import where
from sellerdesk.store.buyer_stats import facts_table, is_current
from sellerdesk.store.db import Store

__all__ = [
    "SORT_KEYS", "BuyerDetail", "BuyerReader", "BuyerRow", "LineRow", "OrderRow", "RefundRow", "add_tag",
    "all_tags", "buyer_detail", "list_buyer_ids", "remove_tag", "reveal_phone", "set_note",
]

SORT_KEYS = tuple(customers.SORT_COLUMNS)
MAX_TAG_LENGTH = 20


@dataclass(frozen=True)
class BuyerRow:
    facts: BuyerFacts
    groups: list[str]  # keys of the groups the buyer is in (segmentation order)


@dataclass(frozen=True)
class BuyerDetail:
    facts: BuyerFacts
    groups: list[str]
    rfm_zh: str | None
    rfm_en: str | None
    orders: list[OrderRow]
    lines: list[LineRow]
    refunds: list[RefundRow]
    note: str
    reveals: list[tuple[str, str]]  # (who, when)


def list_buyer_ids(shop: ShopFile, seg: Segmentation | None = None, *, group_key: str | None = None,
                   text: str = "", sort: str = "paid", descending: bool = True) -> list[int]:
    """Ids of the buyers in a group (or all) whose nick, name, phone or order number matches text."""
    as_of = seg.as_of if seg else shop_today()
    store = shop.open()
    try:
        table = facts_table(store.conn, as_of, indexed=True)  # sorts and filters read its indexes
        sql, params = "1", []
        if group_key:
            group = seg.group(group_key) if seg else None
            if group is None:
                return []
            if group.key != ALL_KEY:  # every buyer of the table: no condition for the planner to weigh
                sql, params = where(group.definition.rule, as_of, group.definition.unless)
        return customers.query_ids(store.conn, table, where=sql, params=params, text=text, sort=sort,
                                   descending=descending)
    finally:
        store.close()


class BuyerReader:
    """Pages of buyer rows for one thread (the GUI's): its own connection, opened on first use."""

    def __init__(self, shop: ShopFile):
        self.shop = shop
        self._store: Store | None = None
        self._table: tuple[date, str] | None = None

    def rows(self, ids: Sequence[int], seg: Segmentation | None) -> list[BuyerRow]:
        store = self._open()
        as_of = seg.as_of if seg else shop_today()
        if self._table is None or self._table[0] != as_of or not is_current(store.conn, self._table[1]):
            self._table = (as_of, facts_table(store.conn, as_of))
        facts = customers.facts_for(store.conn, self._table[1], ids, with_items=_needs_items(seg),
                                    until=(as_of + timedelta(days=1)).isoformat())
        return [BuyerRow(f, [g.key for g in seg.memberships(f)] if seg else []) for f in facts]

    def refresh(self) -> None:
        """After a change: an as-of table computed before it is stale."""
        self._table = None

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def _open(self) -> Store:
        if self._store is None:
            self._store = self.shop.open()
        return self._store


def _needs_items(seg: Segmentation | None) -> bool:
    """Item rules (title contains, SKU) need each buyer's bought items: fetched only when a group uses them."""
    return bool(seg) and any(c.field in (Field.ITEM_TITLE, Field.SKU)
                             for g in seg.groups for r in (g.definition.rule, *g.definition.unless)
                             for c in r.conditions)


def buyer_detail(shop: ShopFile, buyer_id: int, seg: Segmentation | None = None) -> BuyerDetail | None:
    as_of = seg.as_of if seg else shop_today()
    store = shop.open()
    try:
        conn = store.conn
        table = facts_table(conn, as_of)
        found = customers.facts_for(conn, table, [buyer_id], with_items=True,
                                    until=(as_of + timedelta(days=1)).isoformat())
        if not found:
            if not buyer_records.buyer_exists(conn, buyer_id):
                return None
            found = customers.facts_for(conn, "buyer_stats", [buyer_id])  # no order yet on the as-of day
        facts = found[0]
        groups = [g.key for g in seg.memberships(facts)] if seg else []
        return BuyerDetail(
            facts, groups, seg.rfm_explanation(facts, "zh") if seg else None,
            seg.rfm_explanation(facts, "en") if seg else None, buyer_records.orders_of(conn, buyer_id),
            buyer_records.lines_of(conn, buyer_id), buyer_records.refunds_of(conn, buyer_id),
            buyer_records.note_of(conn, buyer_id), buyer_records.phone_reveals(conn, buyer_id))
    finally:
        store.close()


def reveal_phone(shop: ShopFile, buyer_id: int, who: str, now: datetime | None = None) -> str | None:
    """The full phone number, logged (who, when) in the same transaction."""
    store = shop.open()
    try:
        with store.transaction() as conn:
            return buyer_records.reveal_phone(conn, buyer_id, who or "?", _stamp(now))
    finally:
        store.close()


def clean_tag(tag: str) -> str:
    """A tag as stored: trimmed, inner whitespace folded; TagError when unusable."""
    tag = " ".join(tag.split())
    if not tag:
        raise TagError("标签不能为空。", "A tag cannot be empty.")
    if len(tag) > MAX_TAG_LENGTH:
        raise TagError(f"标签最长 {MAX_TAG_LENGTH} 个字。", f"A tag has at most {MAX_TAG_LENGTH} characters.")
    return tag


class TagError(BilingualError):
    """A tag that cannot be stored (empty, too long)."""


def add_tag(shop: ShopFile, buyer_ids: Sequence[int], tag: str, now: datetime | None = None) -> tuple[int, Changes]:
    """Tag many buyers in one transaction; returns how many were newly tagged."""
    tag = clean_tag(tag)
    store = shop.open()
    try:
        with store.transaction() as conn:
            added = buyer_records.add_tag(conn, buyer_ids, tag, _stamp(now))
        return added, Changes(groups=True)
    finally:
        store.close()


def remove_tag(shop: ShopFile, buyer_ids: Sequence[int], tag: str) -> tuple[int, Changes]:
    store = shop.open()
    try:
        with store.transaction() as conn:
            removed = buyer_records.remove_tag(conn, buyer_ids, tag)
        return removed, Changes(groups=True)
    finally:
        store.close()


def all_tags(shop: ShopFile) -> list[tuple[str, int]]:
    store = shop.open()
    try:
        return buyer_records.all_tags(store.conn)
    finally:
        store.close()


def set_note(shop: ShopFile, buyer_id: int, note: str, now: datetime | None = None) -> Changes:
    store = shop.open()
    try:
        with store.transaction() as conn:
            buyer_records.set_note(conn, buyer_id, note, _stamp(now))
        return Changes(groups=True)
    finally:
        store.close()


def _stamp(now: datetime | None) -> str:
    return (now or shop_now()).strftime("%Y-%m-%d %H:%M:%S")
