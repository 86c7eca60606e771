import math
import random
from datetime import date, timedelta
from fractions import Fraction

import pytest

from sellerdesk.domain import rfm
from sellerdesk.domain.buyers import BuyerFacts
from sellerdesk.domain.rfm import RfmCutoffs, quintile_cutoffs, score
from sellerdesk.domain.rules import RuleError

AS_OF = date(2025, 11, 30)


def buyer(orders: int, paid_fen: int, days_ago: int | None, bid: int = 1) -> BuyerFacts:
    day = None if days_ago is None else (AS_OF - timedelta(days=days_ago)).isoformat()
    return BuyerFacts(bid, "taobao", countable_orders=orders, paid_fen=paid_fen, first_order_day=day,
                      last_order_day=day)


@pytest.mark.parametrize(
    "hist, cutoffs, scores",
    [
        ([(500, 1)], (500, 500, 501, 501), [3]),  # one buyer: 3 on every dimension
        ([(7, 100)], (7, 7, 8, 8), [3]),  # everyone tied: everyone 3
        ([(1, 1), (2, 1), (3, 1), (4, 1), (5, 1)], (2, 3, 4, 5), [1, 2, 3, 4, 5]),
        ([(v, 1) for v in range(10)], (2, 4, 6, 8), [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]),
        # a big tie block sits at its mid-rank: 8 of 10 buyers with 1 order are at p = 0.4 -> 3
        ([(1, 8), (2, 1), (3, 1)], (1, 1, 2, 2), [3, 5, 5]),
        ([(0, 2), (9, 2)], (0, 9, 9, 10), [2, 4]),  # p = 1/4 -> 2, p = 3/4 -> 4; nobody scores 5
        ([(1, 3), (5, 0), (9, 1)], (1, 9, 9, 9), [2, 5]),  # zero counts are skipped
    ],
)
def test_quintile_cutoffs(hist, cutoffs, scores):
    got = quintile_cutoffs(hist)
    assert got == cutoffs
    assert [score(v, got) for v, c in hist if c] == scores


@pytest.mark.parametrize("hist", [[], [(3, 0)]])
def test_empty_histogram_has_no_cutoffs(hist):
    assert quintile_cutoffs(hist) is None


@pytest.mark.parametrize(
    "top, beyond",
    [("2025-01-31", "2025-02-01"), ("2024-02-28", "2024-02-29"), ("2025-02-28", "2025-03-01"),
     ("2025-12-31", "2026-01-01")],
)
def test_date_sentinel_is_the_next_day(top, beyond):
    assert quintile_cutoffs([(top, 1)]) == (top, top, beyond, beyond)


def test_unsorted_histogram_is_refused():
    with pytest.raises(ValueError):
        quintile_cutoffs([(3, 1), (2, 1)])
    with pytest.raises(ValueError):
        quintile_cutoffs([(3, 1), (3, 1)])


@pytest.mark.parametrize("seed", range(25))
def test_cutoffs_reproduce_the_mid_rank_scores(seed):
    rng = random.Random(seed)
    values = [rng.choice([rng.randint(0, 5), rng.randint(0, 50_000)]) for _ in range(rng.randint(1, 60))]
    hist = rfm.histogram(values)
    cuts = quintile_cutoffs(hist)
    n, below = len(values), 0
    for v, c in hist:
        expected = min(5, 1 + math.floor(5 * Fraction(2 * below + c, 2 * n)))
        assert score(v, cuts) == expected
        below += c
    assert list(cuts) == sorted(cuts)


# --- the shop's own cut-offs --------------------------------------------------

def test_cutoffs_from_settings_across_month_ends():
    cuts = rfm.cutoffs_from_settings((30, 90, 180, 365), (2, 3, 5, 8), (100, 200, 300, 400), date(2025, 3, 1))
    assert cuts.r == ("2024-03-01", "2024-09-02", "2024-12-01", "2025-01-30")
    assert (cuts.f, cuts.m) == ((2, 3, 5, 8), (100, 200, 300, 400))


@pytest.mark.parametrize("days_ago, r", [(0, 5), (30, 5), (31, 4), (90, 4), (91, 3), (180, 3), (181, 2),
                                         (365, 2), (366, 1)])
def test_own_recency_cutoffs_at_their_boundaries(days_ago, r):
    cuts = rfm.cutoffs_from_settings(rfm.DEFAULT_R_DAYS, rfm.DEFAULT_F_ORDERS, rfm.DEFAULT_M_FEN, AS_OF)
    assert cuts.scores(buyer(1, 1, days_ago))[0] == r


@pytest.mark.parametrize("orders, f", [(1, 1), (2, 2), (3, 3), (4, 3), (5, 4), (7, 4), (8, 5), (80, 5)])
def test_own_frequency_cutoffs(orders, f):
    cuts = rfm.cutoffs_from_settings(rfm.DEFAULT_R_DAYS, (2, 3, 5, 8), rfm.DEFAULT_M_FEN, AS_OF)
    assert cuts.scores(buyer(orders, 1, 0))[1] == f


@pytest.mark.parametrize(
    "r, f, m, en",
    [((30, 90, 180), (2, 3, 5, 8), (1, 2, 3, 4), "The R day counts need 4 whole numbers."),
     ((30, 90, 180, 365), (2, 3, 5, 8.5), (1, 2, 3, 4), "The F order counts need 4 whole numbers."),
     ((30, 90, 180, 365), (2, 3, 5, 8), (1, 2, 3, True), "The M amounts need 4 whole numbers."),
     ((-1, 90, 180, 365), (2, 3, 5, 8), (1, 2, 3, 4), "The R day counts cannot be negative."),
     ((30, 90, 90, 365), (2, 3, 5, 8), (1, 2, 3, 4), "The R day counts must rise from one to the next."),
     ((30, 90, 180, 365), (2, 3, 5, 8), (4, 3, 2, 1), "The M amounts must rise from one to the next.")],
)
def test_own_cutoffs_validation(r, f, m, en):
    with pytest.raises(RuleError) as err:
        rfm.cutoffs_from_settings(r, f, m, AS_OF)
    assert err.value.message_en == en
    assert err.value.message_zh.startswith(("R ", "F ", "M "))


@pytest.mark.parametrize("bad", [1, 6, True, "3", 2.5])
def test_high_from_validation(bad):
    with pytest.raises(RuleError, match="'High' must start at a score from 2 to 5."):
        rfm.validate_high_from(bad)


# --- classes -----------------------------------------------------------------

SHOP = [buyer(o, p, d, i) for i, (o, p, d) in enumerate(
    (o, p, d) for o in (1, 2, 3, 7) for p in (0, 5_000, 30_000, 86_000, 300_000) for d in (0, 12, 45, 200, 700))]
NO_ORDER = BuyerFacts(999, "taobao", orders=2)  # orders, but none countable


def _cutoff_variants():
    yield rfm.quintile_rfm_of(SHOP)
    yield rfm.quintile_rfm_of(SHOP[:1])  # one-buyer shop
    yield rfm.cutoffs_from_settings(rfm.DEFAULT_R_DAYS, rfm.DEFAULT_F_ORDERS, rfm.DEFAULT_M_FEN, AS_OF)


@pytest.mark.parametrize("cuts", list(_cutoff_variants()))
@pytest.mark.parametrize("high_from", [2, 3, 4, 5])
def test_eight_classes_partition_buyers_with_a_countable_order(cuts, high_from):
    rules = {c.key: rfm.rfm_rule(c, cuts, high_from) for c in rfm.RFM_CLASSES}
    for rule in rules.values():
        rule.validate()
    for facts in SHOP + [NO_ORDER]:
        hits = [k for k, r in rules.items() if r.matches(facts, AS_OF)]
        cls = rfm.rfm_class(facts, cuts, high_from)
        if facts.countable_orders == 0:
            assert hits == [] and cls is None
        else:
            assert hits == [cls.key]


def test_one_buyer_shop_scores_three_everywhere():
    only = buyer(1, 5_000, 3)
    cuts = rfm.quintile_rfm_of([only])
    assert cuts.scores(only) == (3, 3, 3)
    assert rfm.rfm_class(only, cuts, 3).key == "rfm_important_value"
    assert rfm.rfm_class(only, cuts, 4).key == "rfm_general_winback"


def test_empty_shop_has_no_quintiles():
    assert rfm.quintile_rfm_of([]) is None
    assert rfm.quintile_rfm_of([NO_ORDER]) is None


def test_class_names_and_keys():
    assert len({c.key for c in rfm.RFM_CLASSES}) == 8
    assert {(c.r_high, c.f_high, c.m_high) for c in rfm.RFM_CLASSES} == {
        (r, f, m) for r in (True, False) for f in (True, False) for m in (True, False)}
    assert rfm.RFM_CLASS_BY_KEY["rfm_important_develop"].name_zh == "重要发展客户"
    assert rfm.RFM_CLASS_BY_KEY["rfm_general_winback"].name_en == "General to win back"


# --- why is this buyer here ----------------------------------------------------

CUTS = RfmCutoffs(r=("2025-06-01", "2025-09-01", "2025-11-01", "2025-11-20"), f=(1, 2, 4, 6),
                  m=(100, 200, 300, 86_000))


def test_explain():
    zh, en = rfm.explain(buyer(1, 86_000, 12), CUTS, AS_OF, 3)
    assert zh == "R 4（最近一次下单 12 天前）高 · F 2（1 单）低 · M 5（¥860.00）高 → 重要发展客户"
    assert en == "R 4 (last order 12 days ago) high · F 2 (1 order) low · M 5 (¥860.00) high → Important to develop"


def test_explain_today_and_no_order():
    zh, en = rfm.explain(buyer(6, 50, 0), CUTS, AS_OF, 3)
    assert zh.startswith("R 5（最近一次下单在今天）高 · F 5（6 单）高 · M 1（¥0.50）低")
    assert en.endswith("→ General value")
    assert rfm.explain(NO_ORDER, CUTS, AS_OF, 3) == ("没有有效订单，不参与 RFM 分类。", "No countable order, so no RFM class.")


def test_rule_text_names_the_thresholds():
    zh, en = rfm.rfm_rule_text(rfm.RFM_CLASS_BY_KEY["rfm_important_keep"], CUTS, 3)
    assert "早于 2025-09-01" in zh and "至少 2 单" in zh and "至少 ¥2.00" in zh
    assert en == ("R < 3 (last order before 2025-09-01); F >= 3 (at least 2 orders); "
                  "M >= 3 (paid at least ¥2.00)")
