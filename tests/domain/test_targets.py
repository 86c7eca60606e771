import pytest

from sellerdesk.domain.promo import CalendarError
from sellerdesk.domain.targets import (
    STATE_WINDOWS, StateCounts, share_method, state_method, state_of, state_rates,
)

LAST = [StateCounts("active", 200, 50), StateCounts("reactivated", 1000, 100), StateCounts("awakened", 2000, 60)]
POOLS = {"active": 300, "reactivated": 1500, "awakened": 2500}


@pytest.mark.parametrize("days, state", [
    (0, None), (29, None), (30, "active"), (60, "active"), (61, "reactivated"), (180, "reactivated"),
    (181, "awakened"), (365, "awakened"), (366, None),
])
def test_state_windows(days, state):
    assert state_of(days) == state


def test_windows_follow_the_seed():
    assert STATE_WINDOWS == {"active": (30, 60), "reactivated": (61, 180), "awakened": (181, 365)}


@pytest.mark.parametrize("target, share, repeat", [
    (1_000_000_00, 0.35, 350_000_00),
    (3, 0.5, 2),  # 1.5 fen rounds half up
    (1_000, 0.0, 0),
    (1_000, 1, 1_000),
    (10, 0.1, 1),  # 0.1 is taken as written, not as 0.1000000000000000055
])
def test_share_method(target, share, repeat):
    split = share_method(target, share)
    assert (split.repeat_fen, split.new_fen, split.missing) == (repeat, target - repeat, ())


def test_share_method_without_history_gives_none_and_says_why():
    split = share_method(500_000, None)
    assert (split.repeat_fen, split.new_fen) == (None, None)
    [reason] = split.missing
    assert reason.code == "no_share" and "占比" in reason.zh and "share" in reason.en


@pytest.mark.parametrize("target, share", [(-1, 0.3), (100, 1.5), (100, -0.1), (100, True), (1.5, 0.3), (None, 0.3)])
def test_share_method_refuses_bad_input(target, share):
    with pytest.raises(CalendarError) as e:
        share_method(target, share)
    assert e.value.message_zh and e.value.message_en


def test_state_method_full_history():
    b = state_method(200_000_00, LAST, POOLS, 150_00, last_repeat_share=0.3)
    assert [(s.state, s.rate, s.expected_buyers, s.expected_fen) for s in b.states] == [
        ("active", 0.25, 75, 75 * 150_00),
        ("reactivated", 0.1, 150, 150 * 150_00),
        ("awakened", 0.03, 75, 75 * 150_00),
    ]
    assert (b.expected_buyers, b.expected_fen) == (300, 45_000_00)
    assert b.coverage == pytest.approx(0.225)
    assert b.share.repeat_fen == 60_000_00
    assert b.gap_fen == 15_000_00  # the repeat target is 150,000 yuan above what returning buyers bring
    assert b.buyers_needed == 400
    assert b.missing == ()


def test_rows_add_up_after_rounding():
    last = [StateCounts(s, 3, 1) for s in STATE_WINDOWS]
    b = state_method(None, last, {s: 10 for s in STATE_WINDOWS}, 99)
    assert [s.expected_buyers for s in b.states] == [3, 3, 3]  # 10/3 each
    assert (b.expected_buyers, b.expected_fen) == (9, 9 * 99)
    assert all(s.expected_fen == s.expected_buyers * 99 for s in b.states)


def codes(b):
    return [n.code for n in b.missing]


def test_missing_state_history_is_none_not_zero():
    b = state_method(100_000_00, LAST[:2], POOLS, 150_00, 0.3)
    awakened = b.states[2]
    assert (awakened.last_pool, awakened.rate, awakened.expected_buyers, awakened.expected_fen) == (None,) * 4
    assert b.states[0].expected_buyers == 75  # the known states still count
    assert (b.expected_buyers, b.expected_fen, b.coverage, b.gap_fen) == (None, None, None, None)
    assert b.buyers_needed == 200  # the share method does not need the state history
    assert codes(b) == ["no_history_awakened"]


def test_empty_pool_last_year_has_no_rate():
    last = [StateCounts("active", 0, 0), *LAST[1:]]
    b = state_method(None, last, POOLS, 150_00)
    assert b.states[0].rate is None and b.states[0].expected_buyers is None
    assert codes(b) == ["empty_history_active", "no_target"]


def test_empty_pool_this_year_is_a_real_zero():
    b = state_method(None, LAST, {**POOLS, "active": 0}, 150_00)
    assert (b.states[0].expected_buyers, b.states[0].expected_fen) == (0, 0)
    assert b.expected_buyers == 225


def test_uncounted_pool_and_missing_aov():
    b = state_method(100_000_00, LAST, {"active": 300, "reactivated": 1500}, None, None)
    assert b.states[2].pool is None and b.states[2].expected_buyers is None
    assert b.states[0].expected_buyers == 75 and b.states[0].expected_fen is None
    assert b.buyers_needed is None and b.share.repeat_fen is None
    assert codes(b) == ["no_pool_awakened", "no_aov", "no_share"]


def test_reasons_are_bilingual():
    b = state_method(None, [], {}, None)
    assert len(b.missing) == 3 + 3 + 2  # no history and no pool per state, no AOV, no target
    for n in b.missing:
        assert n.zh and n.en and n.zh != n.en
    assert b.reasons("en")[0].startswith("No history of last year's active buyers")
    assert "活跃客户" in b.reasons("zh")[0]


@pytest.mark.parametrize("last, pools, aov", [
    ([StateCounts("active", 10, 11)], POOLS, 100),  # more returned than in the pool
    ([StateCounts("active", -1, 0)], POOLS, 100),
    ([StateCounts("dormant", 10, 1)], POOLS, 100),  # unknown state
    ([StateCounts("active", 10, 1), StateCounts("active", 10, 1)], POOLS, 100),
    (LAST, {"active": -5}, 100),
    (LAST, POOLS, 0),  # an average of no orders is missing, not 0
    (LAST, POOLS, -100),
])
def test_bad_counts_are_refused(last, pools, aov):
    with pytest.raises(CalendarError):
        state_method(None, last, pools, aov)


def test_state_rates_keeps_counts():
    assert state_rates(LAST)["reactivated"] == StateCounts("reactivated", 1000, 100)
