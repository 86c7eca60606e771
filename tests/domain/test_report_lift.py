"""The lift's interval against published values (Newcombe 1998; Wilson 1927 as tabulated there)."""

import pytest

from sellerdesk.domain.lift import MIN_ARM, Lift, newcombe, wilson


def test_wilson_matches_newcombes_table():
    lo, hi = wilson(81, 263)
    assert (round(lo, 4), round(hi, 4)) == (0.2553, 0.3662)
    lo, hi = wilson(0, 10)
    assert lo == 0.0 and round(hi, 4) == 0.2775


@pytest.mark.parametrize("x1,n1,x2,n2,expected", [
    (56, 70, 48, 80, (0.0524, 0.3339)),  # Newcombe 1998, table II example (a), method 10
    (9, 10, 3, 10, (0.1705, 0.8090)),  # example (b)
])
def test_newcombe_hybrid_score_interval(x1, n1, x2, n2, expected):
    lo, hi = newcombe(x1, n1, x2, n2)
    assert (round(lo, 4), round(hi, 4)) == expected


def test_lift_says_not_enough_below_the_minimum_arm():
    small = Lift(MIN_ARM - 1, 5, 100, 1)
    assert small.interval is None and small.verdict == "not_enough" and small.difference is not None
    big = Lift(1000, 80, 200, 6)
    lo, hi = big.interval
    assert lo > 0 and big.verdict == "up" and lo < big.difference < hi
    assert Lift(500, 10, 500, 11).verdict == "unclear"
    assert Lift(1000, 10, 1000, 60).verdict == "down"
    assert big.relative == pytest.approx((0.08 - 0.03) / 0.03)
