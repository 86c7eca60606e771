"""After-sales cases: validation, closing, and the figures of a day and a campaign."""

from datetime import date, datetime

import pytest

from sellerdesk.domain.cases import (AT_RISK_WINDOW_DAYS, Case, CaseDraft, CaseError, CaseStatus, Outcome,
                                     after_sales_figures, follow_up_title, with_status)

FAULTS = {"wrong_item": "seller", "damaged": "seller", "size_colour": "buyer", "no_longer_wanted": "buyer",
          "logistics_delay": "neutral"}
TODAY = date(2026, 11, 12)


def case(id, reason, day, *, buyer=1, outcome=None, status=CaseStatus.RESOLVED, cost=0, item=None,
         follow_up=None, order=None):
    if status is CaseStatus.RESOLVED and outcome is None:
        outcome = Outcome.REFUNDED
    return Case(order_no=order or f"O{id}", reason=reason, buyer_id=buyer, outcome=outcome, cost_fen=cost,
                status=status, follow_up=follow_up, item_title=item, id=id,
                created_at=datetime.combine(day, datetime.min.time()).replace(hour=10))


@pytest.mark.parametrize("draft, word", [
    (CaseDraft(order_no=" ", reason="damaged"), "order number"),
    (CaseDraft(order_no="1", reason=""), "reason"),
    (CaseDraft(order_no="1", reason="damaged", cost_fen=-100), "negative"),
    (CaseDraft(order_no="1", reason="damaged", cost_fen=1.5), "negative"),
    (CaseDraft(order_no="1", reason="damaged", status=CaseStatus.RESOLVED), "outcome"),
    (CaseDraft(order_no="1", reason="damaged", notes="x" * 3000), "characters"),
])
def test_a_case_that_cannot_be_stored_says_why_in_both_languages(draft, word):
    with pytest.raises(CaseError) as err:
        draft.validate()
    assert word in err.value.message("en") and err.value.message("zh")


def test_closing_stamps_the_time_once_and_reopening_clears_it():
    c = case(1, "damaged", TODAY, status=CaseStatus.OPEN)
    now = datetime(2026, 11, 12, 15, 0)
    closed = with_status(c, CaseStatus.RESOLVED, now, Outcome.GIFT_SENT)
    assert (closed.status, closed.outcome, closed.closed_at) == (CaseStatus.RESOLVED, Outcome.GIFT_SENT, now)
    again = with_status(closed, CaseStatus.RESOLVED, datetime(2026, 11, 13))
    assert again.closed_at == now
    reopened = with_status(closed, CaseStatus.WAITING_BUYER, datetime(2026, 11, 14))
    assert reopened.closed_at is None and reopened.is_open
    with pytest.raises(CaseError):
        with_status(c, CaseStatus.RESOLVED, now)  # no outcome yet


def test_draft_of_a_case_keeps_every_field_the_agent_filled():
    c = case(3, "size_colour", TODAY, item="羊毛围巾", cost=500)
    assert c.draft() == CaseDraft(order_no="O3", reason="size_colour", buyer_id=1, outcome=Outcome.REFUNDED,
                                  cost_fen=500, status=CaseStatus.RESOLVED, item_title="羊毛围巾")


def test_follow_up_title_names_the_order_in_both_languages():
    assert follow_up_title("3141") == "跟进售后：订单 3141 / Follow up return: order 3141"


def test_figures_of_a_period():
    cases = [
        case(1, "size_colour", TODAY, buyer=1, outcome=Outcome.EXCHANGED, item="围巾"),
        case(2, "size_colour", TODAY, buyer=2, outcome=Outcome.REFUNDED, item="围巾"),
        case(3, "no_longer_wanted", TODAY, buyer=3, outcome=Outcome.EXCHANGED, item="帽子"),
        case(4, "wrong_item", TODAY, buyer=4, outcome=Outcome.GIFT_SENT, cost=800, item="围巾"),
        case(5, "damaged", TODAY, buyer=5, outcome=Outcome.REFUNDED, cost=301, item="手套"),  # seller fault:
        case(6, "size_colour", date(2026, 11, 1), buyer=6, outcome=Outcome.REFUNDED),  # not in the period
    ]
    f = after_sales_figures(cases, {"围巾": 40, "帽子": 10}, date(2026, 11, 11), TODAY, TODAY, FAULTS)
    assert f.cases == 5
    assert f.cases_by_reason == [("size_colour", 2), ("damaged", 1), ("no_longer_wanted", 1), ("wrong_item", 1)]
    assert [(r.item, r.cases, r.returns, r.sold) for r in f.return_rate_by_item] == [
        ("围巾", 3, 2, 40), ("帽子", 1, 1, 10), ("手套", 1, 1, 0)]
    assert f.return_rate_by_item[0].return_rate == pytest.approx(0.05)
    assert f.return_rate_by_item[2].return_rate is None  # nothing sold in the period: no rate, no division
    # buyer reasons only: 2 exchanges, 1 refund (the damaged refund is the seller's fault)
    assert (f.exchanges, f.refunds, f.exchange_save_rate) == (2, 1, pytest.approx(2 / 3))
    assert (f.compensation_fen, f.compensation_per_case_fen) == (1101, 220)  # 1101 / 5 = 220.2


def test_an_empty_period_has_no_rates_instead_of_zero_divisions():
    f = after_sales_figures([], {}, TODAY, TODAY, TODAY, FAULTS)
    assert (f.cases, f.exchange_save_rate, f.compensation_per_case_fen) == (0, None, None)
    assert f.cases_by_reason == [] and f.open_past_follow_up == [] and f.at_risk_buyers == []


def test_open_cases_past_their_follow_up_day_most_overdue_first():
    cases = [
        case(1, "damaged", date(2026, 11, 1), status=CaseStatus.OPEN, follow_up=date(2026, 11, 10)),
        case(2, "damaged", date(2026, 11, 1), status=CaseStatus.WAITING_BUYER, follow_up=date(2026, 11, 5)),
        case(3, "damaged", date(2026, 11, 1), status=CaseStatus.OPEN, follow_up=TODAY),  # due today: not late
        case(4, "damaged", date(2026, 11, 1), follow_up=date(2026, 11, 2)),  # closed
    ]
    f = after_sales_figures(cases, {}, TODAY, TODAY, TODAY, FAULTS)
    assert [c.id for c in f.open_past_follow_up] == [2, 1]


def test_buyers_at_risk_repeat_problems_or_an_open_seller_fault():
    old = TODAY.replace(day=1)
    cases = [
        # buyer 1: two problems within the window
        case(1, "size_colour", old, buyer=1), case(2, "logistics_delay", TODAY, buyer=1),
        # buyer 2: two problems, but one is older than the window
        case(3, "size_colour", date(2026, 1, 5), buyer=2), case(4, "size_colour", TODAY, buyer=2),
        # buyer 3: one seller-fault case still open
        case(5, "wrong_item", TODAY, buyer=3, status=CaseStatus.OPEN),
        # buyer 4: a buyer-reason case open, and a withdrawn one: neither counts
        case(6, "no_longer_wanted", TODAY, buyer=4, status=CaseStatus.OPEN),
        case(7, "size_colour", old, buyer=4, outcome=Outcome.WITHDRAWN),
        # an order not in the shop yet, twice: the same buyer
        case(8, "damaged", old, buyer=None, order="X9"), case(9, "size_colour", TODAY, buyer=None, order="X9"),
    ]
    risky = after_sales_figures(cases, {}, TODAY, TODAY, TODAY, FAULTS).at_risk_buyers
    assert [(b.buyer_id, b.case_ids, b.recent_problems, b.seller_fault_open) for b in risky] == [
        (3, (5,), 1, True), (1, (1, 2), 2, False), (None, (8, 9), 2, False)]
    assert risky[2].order_nos == ("X9",)
    assert AT_RISK_WINDOW_DAYS == 90


def test_labels_in_both_languages():
    assert Outcome.EXCHANGED.label("zh") == "已换货" and Outcome.EXCHANGED.label("en") == "Exchanged"
    assert CaseStatus.WAITING_BUYER.label("en") == "Waiting for the buyer"
