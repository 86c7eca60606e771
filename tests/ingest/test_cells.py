"""Cell cleaning: the whole-row fast path must agree with the per-cell rules."""

import random
from datetime import datetime

import pytest

from sellerdesk.ingest.cells import clean, clean_all, clean_by_rules, opt_fen, opt_int

TRICKY = ['="', '"', "'", "\t", " ", "=", "-", "--", "null", "#NULL!", "无", "元", "a", "1", "0", ".", ",",
          "张", "\r", "\n", "*", "##"]


@pytest.mark.parametrize(
    "raw, text",
    [
        ('="35153131473293579"', "35153131473293579"),
        ("'13925130165", "13925130165"),
        ("\t6917926768823643751", "6917926768823643751"),
        ('"\t辣丝丝"', "辣丝丝"),
        ("-", ""),
        ('=""', ""),
        ("#NULL!", ""),
        (" 交易成功 ", "交易成功"),
        (3.5153131473293576e16, "35153131473293576"),
        (12.5, "12.5"),
        (datetime(2025, 11, 11, 20, 0), "2025-11-11 20:00:00"),
        (None, ""),
    ],
)
def test_clean(raw, text):
    assert clean(raw) == text


def test_fast_paths_agree_with_the_rules():
    rng = random.Random(1)
    for _ in range(5000):
        row = tuple("".join(rng.choice(TRICKY) for _ in range(rng.randint(0, 5))) for _ in range(8))
        assert clean_all(row) == [clean(v) for v in row] == [clean_by_rules(v) for v in row], row


def test_typed_rows_fall_back_to_per_cell_cleaning():
    assert clean_all(("a", 1.0, None, datetime(2025, 1, 2))) == ["a", "1", "", "2025-01-02 00:00:00"]


def test_typed_money_and_counts():
    assert opt_fen(201.12) == 20112 and opt_fen("") is None and opt_fen("1,299.00") == 129900
    assert opt_int(2.0) == 2 and opt_int("3") == 3 and opt_int("") is None
