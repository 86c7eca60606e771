"""domain.figures: a batch tallied column by column equals the same orders added one by one."""

from __future__ import annotations

import random

from sellerdesk.domain.figures import FiguresTally, countable_flags
from sellerdesk.domain.orders import OrderStatus, RefundState

STATUSES = [*OrderStatus, "paid", "closed"]  # the child process sends plain values
REFUNDS = [None, *RefundState, "full"]


def _orders(seed: int, n: int) -> list[tuple]:
    rnd = random.Random(seed)
    return [(rnd.choice(["天猫店", "淘宝店", None, ""]), rnd.choice([None, *range(1, 40)]), rnd.choice(STATUSES),
             rnd.choice(REFUNDS), rnd.choice([None, 0, rnd.randrange(1, 50_000)]),
             rnd.choice([None, 0, rnd.randrange(1, 9_000)]),
             rnd.choice([None, f"2025-11-{rnd.randrange(1, 30):02d} 1{rnd.randrange(10)}:00:00"]))
            for _ in range(n)]


def _by_columns(batches: list[list[tuple]]) -> list[tuple]:
    tally = FiguresTally()
    for batch in batches:
        shops, buyers, statuses, refund_states, paid, refund, created = (list(c) for c in zip(*batch))
        tally.add_batch("taobao", shops, buyers, countable_flags(statuses, refund_states), refund_states, paid, refund,
                        created)
    return tally.rows()


def _one_by_one(batches: list[list[tuple]]) -> list[tuple]:
    tally = FiguresTally()
    for batch in batches:
        for order in batch:
            tally.add("taobao", *order)
    return tally.rows()


def test_columns_and_single_orders_give_the_same_rows():
    for seed in range(20):
        orders = _orders(seed, 300)
        batches = [orders[i:i + 64] for i in range(0, len(orders), 64)]
        assert _by_columns(batches) == _one_by_one(batches)


def test_the_rows_follow_the_definitions():
    rows = _one_by_one([[
        ("A", 1, "paid", None, 10_000, None, "2025-11-01 10:00:00"),
        ("A", 1, "completed", "partial", 5_000, 1_000, "2025-11-03 10:00:00"),
        ("A", 2, "closed", None, 7_000, None, "2025-10-30 10:00:00"),  # a buyer without a countable order
        ("B", 1, "shipped", "full", 3_000, 3_000, None),  # fully refunded: not countable
        ("B", 3, "paid", "none", 2_000, None, "2025-11-05 10:00:00"),
    ]])
    assert rows == [
        ("taobao", "A", 3, 2, 2, 1, 15_000, 14_000, 1_000, 1, "2025-10-30 10:00:00", "2025-11-03 10:00:00"),
        ("taobao", "B", 2, 1, 2, 0, 2_000, 2_000, 3_000, 1, "2025-11-05 10:00:00", "2025-11-05 10:00:00"),
        ("", "", 5, 3, 3, 1, 17_000, 16_000, 4_000, 2, "2025-10-30 10:00:00", "2025-11-05 10:00:00"),
    ]


def test_one_shop_is_its_own_total():
    rows = _by_columns([[("A", 1, "paid", None, 100, None, "2025-11-01 10:00:00")]])
    assert rows[0][2:] == rows[1][2:] and rows[1][:2] == ("", "")
