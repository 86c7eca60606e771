from collections import Counter

import pytest

from sellerdesk.domain.outreach import (
    Channel,
    OutreachError,
    assign_arms,
    billed_parts,
    holdout_count,
    normalise_phone,
    summarise,
    usable_for_sms,
)
from sellerdesk.domain.rules import RuleError


@pytest.mark.parametrize(
    "raw",
    ["13812341234", " 138 1234 1234 ", "138-1234-1234", "+86 138 1234 1234", "+8613812341234",
     "008613812341234", "8613812341234", "'13812341234", '="13812341234"', "１３８１２３４１２３４",
     "13812341234.0", "(+86)138.1234.1234"],
)
def test_normalise_phone_accepts(raw):
    assert normalise_phone(raw) == "13812341234"
    assert usable_for_sms(raw)


@pytest.mark.parametrize(
    "raw",
    [None, "", "138****1234", "138*****234", "1.38123E+10", "12812341234", "1381234123", "138123412345",
     "17012345678-1234", "18400000000转1234", "0571-88881234", "$3f9a2c1e8b7d#", "13812341234x",
     "AAEAACmBaJU1lNZmNGgMWFhGqkNj6Sfy", "+1 415 555 0100"],
)
def test_normalise_phone_refuses(raw):
    assert normalise_phone(raw) is None
    assert not usable_for_sms(raw)


def test_channel_names():
    assert [c.name_zh for c in Channel] == ["短信", "邮件", "电话回访"]
    assert Channel("sms").label("en") == "SMS"


@pytest.mark.parametrize(
    "n, pct, expected",
    [(0, 10, 0), (1, 10, 0), (5, 10, 0), (15, 10, 2), (25, 10, 2), (10, 10, 1), (100, 10, 10),
     (101, 10, 10), (7, 90, 6), (300_000, 10, 30_000), (50, 0, 0)],
)
def test_holdout_count_is_round(n, pct, expected):
    assert holdout_count(n, pct) == expected == round(n * pct / 100)


@pytest.mark.parametrize("n", [1, 2, 3, 10, 11, 57, 1000])
@pytest.mark.parametrize("pct", [0, 10, 33, 90])
def test_arms_exact_counts(n, pct):
    arms = assign_arms(list(range(1, n + 1)), pct, ab_split=True, seed=7)
    c = Counter(arms.values())
    assert c["holdout"] == round(n * pct / 100)
    assert c["A"] - c["B"] in (0, 1)
    assert len(arms) == n


def test_arms_without_ab_split_are_all_a():
    arms = assign_arms(range(100), 10, ab_split=False, seed=1)
    assert Counter(arms.values()) == {"A": 90, "holdout": 10}


def test_arms_deterministic_and_order_free():
    ids = list(range(500, 0, -3))
    one = assign_arms(ids, 10, True, seed=2025)
    assert one == assign_arms(list(reversed(ids)), 10, True, seed=2025)
    assert one == assign_arms(ids + ids[:5], 10, True, seed=2025)  # duplicates count once
    assert one != assign_arms(ids, 10, True, seed=2026)


def test_empty_group():
    assert assign_arms([], 10, True, seed=1) == {}
    s = summarise({}, Channel.SMS, {})
    assert s.recipients == 0 and "nothing" in s.message(Channel.SMS, "en")


@pytest.mark.parametrize("pct", [-1, 91, 100, 10.0, "10", True, None])
def test_holdout_pct_refused(pct):
    with pytest.raises(OutreachError) as e:
        assign_arms([1, 2, 3], pct, False, seed=1)
    assert isinstance(e.value, RuleError)
    assert "%" in e.value.message("zh") or "整数" in e.value.message("zh")
    assert e.value.message("en")


def test_summary_counts_usable_recipients():
    arms = {1: "A", 2: "B", 3: "holdout", 4: "A"}
    phones = {1: "13812341234", 2: "138****1234", 3: "13900000000", 4: None}
    s = summarise(arms, Channel.SMS, phones)
    assert (s.recipients, s.a, s.b, s.holdout, s.contactable, s.unusable) == (4, 2, 1, 1, 1, 2)
    assert "2 人缺少" in s.message(Channel.SMS) and "holdout 1" in s.message(Channel.SMS, "en")
    email = summarise(arms, Channel.EMAIL, phones, {1: "tb_1", 2: " ", 4: "tb_4"})
    assert email.contactable == 2


def test_billed_parts():
    assert billed_parts(["字" * 70, "字" * 71, ""]) == 3
