"""The returns tab's services on a real shop file: lookup, history, script values, cases with
their calendar follow-ups, and the after-sales figures."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sellerdesk.domain.promo import TaskStatus
from sellerdesk.services import calendar_tasks
from sellerdesk.services import returns as rs
from sellerdesk.services.importing import import_files
from sellerdesk.services.segmentation import compute_segmentation
from sellerdesk.services.shop import ShopFile
from tests.services import taobao_csv as tb
from tests.services.demo_shops import build_once, working_copy

NOW = datetime(2025, 11, 13, 9, 30)


@pytest.fixture
def shop(tmp_path):
    path = tb.write(tmp_path / "ExportOrderList1.csv", [
        tb.row("3141592653", "tb_Alice", "201.12", phone="13812345678"),
        tb.row("2718281828", "tb_Alice", "99.00", created="2025-11-12 10:00:00", phone="13912344321", name="李四"),
        tb.row("1618033988", "Bob_nick", "50.00", phone="138****9999", name="赵六"),
        tb.row("1414213562", "tb%x", "10.00", phone="13700001111", name="钱七"),
    ])
    shop = ShopFile(tmp_path / "shop.sqlite")
    assert not import_files(shop, [path]).failed
    return shop


def summary(matches):
    return [(m.kind, m.nick, m.order.order_no if m.order else None) for m in matches]


def test_a_pasted_order_number_finds_its_order_and_buyer(shop):
    [m] = rs.lookup(shop, ' ="2718281828" ')
    assert (m.kind, m.nick, m.order.order_no, m.order.paid_fen, m.orders) == ("order", "tb_Alice", "2718281828", 9900, 2)
    assert (m.name_masked, m.phone_masked, m.order.phone_masked) == ("李*", "139****4321", "139****4321")


def test_an_unknown_order_number_is_an_empty_answer_not_an_error(shop):
    assert rs.lookup(shop, "999999999999") == []
    assert rs.lookup(shop, "   ") == []
    assert rs.order_values(shop, "999999999999") is None


def test_nick_and_name_prefixes_ignore_case_and_take_wildcards_literally(shop):
    assert summary(rs.lookup(shop, "TB_a")) == [("nick", "tb_Alice", None)]
    assert summary(rs.lookup(shop, "bob")) == [("nick", "Bob_nick", None)]
    assert summary(rs.lookup(shop, "tb%")) == [("nick", "tb%x", None)]  # '%' is not "anything"
    assert summary(rs.lookup(shop, "t_")) == []  # nor is '_'
    [m] = rs.lookup(shop, "赵")
    assert (m.kind, m.nick, m.name_masked) == ("name", "Bob_nick", "赵*")


def test_four_digits_find_buyer_phones_and_receiver_phones_of_older_orders(shop):
    # 5678 was the receiver phone of tb_Alice's first order; her profile phone is now ...4321
    assert summary(rs.lookup(shop, "5678")) == [("phone", "tb_Alice", "3141592653")]
    assert summary(rs.lookup(shop, "4321")) == [("phone", "tb_Alice", "2718281828")]
    assert summary(rs.lookup(shop, "9999")) == [("phone", "Bob_nick", "1618033988")]


def test_a_whole_mobile_number_matches_a_masked_one_with_the_same_ends(shop):
    assert summary(rs.lookup(shop, "138 0000 9999")) == [("phone", "Bob_nick", "1618033988")]
    assert rs.lookup(shop, "13900009999") == []  # same tail, different start


def test_each_buyer_once_and_the_limit_holds(shop):
    matches = rs.lookup(shop, "t")
    assert [m.nick for m in matches] == ["tb%x", "tb_Alice"] or [m.nick for m in matches] == ["tb_Alice", "tb%x"]
    assert len(rs.lookup(shop, "t", limit=1)) == 1


def test_order_values_fill_every_field_the_order_has(shop):
    values = rs.order_values(shop, "3141592653", "zh", today=date(2025, 11, 14))
    assert values == {"name": "王小明", "nick": "tb_Alice", "item": "铸铁锅", "order": "3141592653",
                      "amount": "¥201.12", "coupon": values["coupon"], "shop": "好物小店", "city": "广州市",
                      "days": "3"}
    assert values["coupon"].startswith("满")  # the shop's coupon rule on the buyer's average order
    assert rs.order_values(shop, "3141592653", "en", today=date(2025, 11, 14))["coupon"].startswith("¥")


def test_history_of_a_repeat_buyer_with_cases_tier_and_rfm(shop):
    [m] = rs.lookup(shop, "2718281828")
    rs.log_case(shop, rs.CaseDraft(order_no="3141592653", reason="quality"), NOW)
    h = rs.history(shop, m.buyer_id)
    assert [o.order_no for o in h.detail.orders] == ["2718281828", "3141592653"]
    assert h.repeat and h.tier("zh") and h.rfm_class("en")
    assert [c.order_no for c in h.cases] == ["3141592653"]
    assert (h.name_masked, h.phone_masked) == ("李*", "139****4321")
    assert rs.history(shop, 999) is None


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    return build_once(tmp_path_factory.mktemp("ret"), buyers=150, seed=3, today=date(2025, 12, 1))


def test_history_takes_the_windows_segmentation_and_agrees_with_it(demo_path, tmp_path):
    demo = working_copy(demo_path, tmp_path)
    seg = compute_segmentation(demo, date(2025, 12, 1))
    store = demo.open()
    buyer_id = store.conn.execute("SELECT buyer_id FROM buyer_stats WHERE countable_orders >= 3 LIMIT 1").fetchone()[0]
    store.close()
    h = rs.history(demo, buyer_id, seg)
    rfm_groups = [g for g in h.detail.groups if g.startswith("rfm_")]
    assert rfm_groups == [h.rfm_key]
    assert f"tier_{next(t.key for t in seg.settings.tiers if t.name_zh == h.tier_zh)}" in h.detail.groups


def test_logging_a_case_fills_the_order_facts_and_creates_the_follow_up_task(shop):
    case = rs.log_case(shop, rs.CaseDraft(order_no=' ="3141592653"', reason="size_colour", offered="换尺码，送袜子",
                                          cost_fen=300, follow_up=date(2025, 11, 15), notes="要M码"), NOW)
    assert (case.platform, case.item_title, case.order_no, case.created_at) == ("taobao", "铸铁锅", "3141592653", NOW)
    assert case.buyer_id == rs.lookup(shop, "tb_Alice")[0].buyer_id
    task = calendar_tasks.get_task(shop, case.task_id)
    assert task.title == "跟进售后：订单 3141592653 / Follow up return: order 3141592653"
    assert (task.starts_at, task.status, task.source_key) == (datetime(2025, 11, 15, 10), TaskStatus.TODO,
                                                            f"case:{case.id}")
    assert rs.get_case(shop, case.id) == case


def test_a_case_for_an_order_not_imported_yet_is_kept_as_typed(shop):
    case = rs.log_case(shop, rs.CaseDraft(order_no="5550001", reason="damaged"), NOW)
    assert (case.platform, case.buyer_id, case.item_title, case.task_id) == (None, None, None, None)


def test_closing_marks_the_pending_follow_up_done_and_moving_it_moves_the_task(shop):
    case = rs.log_case(shop, rs.CaseDraft(order_no="3141592653", reason="damaged", follow_up=date(2025, 11, 15)), NOW)
    moved = rs.update_case(shop, rs.replace(case, follow_up=date(2025, 11, 16)), NOW)
    assert calendar_tasks.get_task(shop, moved.task_id).starts_at == datetime(2025, 11, 16, 10)
    closed = rs.close_case(shop, case.id, rs.Outcome.GIFT_SENT, datetime(2025, 11, 14, 8))
    assert (closed.status, closed.closed_at) == (rs.CaseStatus.RESOLVED, datetime(2025, 11, 14, 8))
    task = calendar_tasks.get_task(shop, case.task_id)
    assert (task.status, task.done_at) == (TaskStatus.DONE, datetime(2025, 11, 14, 8))


def test_removing_the_follow_up_removes_its_pending_task(shop):
    case = rs.log_case(shop, rs.CaseDraft(order_no="3141592653", reason="damaged", follow_up=date(2025, 11, 15)), NOW)
    changed = rs.update_case(shop, rs.replace(case, follow_up=None), NOW)
    assert changed.task_id is None and calendar_tasks.get_task(shop, case.task_id) is None


def test_a_case_closed_on_the_spot_needs_no_follow_up_task(shop):
    case = rs.log_case(shop, rs.CaseDraft(order_no="3141592653", reason="invoice", status=rs.CaseStatus.RESOLVED,
                                          outcome=rs.Outcome.WITHDRAWN, follow_up=date(2025, 11, 15)), NOW)
    assert case.task_id is None and case.closed_at == NOW


def test_a_refused_case_stores_nothing(shop):
    with pytest.raises(rs.CaseError) as err:
        rs.log_case(shop, rs.CaseDraft(order_no="3141592653", reason="damaged", cost_fen=-1,
                                       follow_up=date(2025, 11, 15)), NOW)
    assert "negative" in err.value.message("en")
    assert rs.list_cases(shop, date(2025, 1, 1), date(2026, 1, 1)) == []
    assert calendar_tasks.all_tasks(shop) == []
    with pytest.raises(rs.CaseError):
        rs.close_case(shop, 42, rs.Outcome.REFUNDED, NOW)


def test_figures_of_the_day(shop):
    day = NOW.date()
    rs.log_case(shop, rs.CaseDraft(order_no="3141592653", reason="size_colour", status=rs.CaseStatus.RESOLVED,
                                   outcome=rs.Outcome.EXCHANGED, cost_fen=500), NOW)
    rs.log_case(shop, rs.CaseDraft(order_no="1618033988", reason="no_longer_wanted", status=rs.CaseStatus.RESOLVED,
                                   outcome=rs.Outcome.REFUNDED), NOW)
    rs.log_case(shop, rs.CaseDraft(order_no="2718281828", reason="wrong_item", follow_up=date(2025, 11, 12)), NOW)
    f = rs.figures(shop, date(2025, 11, 11), day, today=day)
    assert f.cases == 3 and dict(f.cases_by_reason) == {"size_colour": 1, "no_longer_wanted": 1, "wrong_item": 1}
    assert f.exchange_save_rate == 0.5 and f.compensation_per_case_fen == 167
    [item] = f.return_rate_by_item
    assert (item.item, item.cases, item.returns, item.sold) == ("铸铁锅", 3, 2, 4)  # 4 orders of one unit each
    assert [c.order_no for c in f.open_past_follow_up] == ["2718281828"]
    # tb_Alice: two problems this week and a seller-fault case open
    assert [(b.order_nos, b.seller_fault_open) for b in f.at_risk_buyers] == [(("3141592653", "2718281828"), True)]
    named = rs.describe_buyers(shop, [f.at_risk_buyers[0].buyer_id])
    [alice] = named.values()
    assert (alice.nick, alice.name_masked, alice.phone_masked, alice.orders) == ("tb_Alice", "李*", "139****4321", 2)


def test_order_items_for_the_case_form(shop):
    assert rs.order_items(shop, "3141592653") == [("铸铁锅", None)]  # an order report has no lines: its title
    assert rs.order_items(shop, "404") == []


def test_items_and_units_sold_from_order_lines(demo_path, tmp_path):
    demo = working_copy(demo_path, tmp_path)
    store = demo.open()
    order_no, day = store.conn.execute(
        "SELECT o.order_no, substr(o.created_at, 1, 10) FROM orders o JOIN order_lines l "
        "ON l.platform = o.platform AND l.order_no = o.order_no WHERE o.paid_fen > 0 "
        "GROUP BY o.platform, o.order_no HAVING count(*) > 1 LIMIT 1").fetchone()
    items = rs.order_items(demo, order_no)
    second = items[1][0]
    units = store.conn.execute(
        "SELECT sum(coalesce(l.quantity, 1)) FROM order_lines l JOIN orders o ON o.platform = l.platform "
        "AND o.order_no = l.order_no WHERE l.title = ? AND o.paid_fen > 0 AND substr(o.created_at, 1, 10) = ?",
        (second, day)).fetchone()[0]
    store.close()
    assert len(items) >= 2
    logged_at = datetime.fromisoformat(day + " 12:00:00")
    case = rs.log_case(demo, rs.CaseDraft(order_no=order_no, reason="quality", item_title=second,
                                          sku=items[1][1]), logged_at)
    assert (case.item_title, case.sku) == items[1]
    f = rs.figures(demo, logged_at.date(), logged_at.date(), today=logged_at.date())
    [rate] = f.return_rate_by_item
    assert (rate.item, rate.cases, rate.sold) == (second, 1, units)
