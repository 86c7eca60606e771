"""The Customers tab driven like a user: groups and counts, a group's list, search, sort, one buyer, tags."""

from __future__ import annotations

import getpass
from datetime import date

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt

from sellerdesk.services.customers import all_tags, buyer_detail, list_buyer_ids
from sellerdesk.services.demo import build_demo_shop
from sellerdesk.services.jobs import Changes
from sellerdesk.services.segmentation import compute_segmentation
from sellerdesk.ui.customers.groups_panel import NAME, SIZE
from sellerdesk.ui.i18n import lang
from sellerdesk.ui.models.buyer_table import NICK, ORDERS, TAGS

WAIT_MS = 20_000
DEMO_TODAY = date(2025, 12, 20)


@pytest.fixture
def page(qtbot, window):
    """The window's shop filled with a small demo shop; the Customers tab open and loaded."""
    build_demo_shop(window.shop, buyers=300, seed=3, today=DEMO_TODAY)
    window.changes_made.emit(Changes(orders=True, buyers=True, refunds=True, imports=True))
    page = window.customers
    assert page.dirty and page.seg is None  # hidden: refreshed lazily, when first shown
    window.show_tab(page)
    qtbot.waitUntil(lambda: page.seg is not None and page.model.rowCount() > 0 and not page.reads.busy,
                    timeout=WAIT_MS)
    return page


def wait_idle(qtbot, page):
    qtbot.waitUntil(lambda: not page.reads.busy and not page.search_timer.isActive(), timeout=WAIT_MS)


def open_tag_dialog(qtbot, page, action):
    """Use the tag menu: the tags in use are read off the GUI thread, then the dialog opens."""
    with qtbot.waitSignal(page.tagger.dialog_opened, timeout=WAIT_MS) as opened:
        action()
    return opened.args[0]


def click_item(qtbot, tree, item):
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())


def test_groups_and_counts_are_the_services(qtbot, page, window):
    seg = compute_segmentation(window.shop, page.as_of_day)
    assert page.model.rowCount() == seg.buyers == 300
    assert page.status.text().startswith("300")
    for group in seg.groups:
        assert page.groups.items[group.key].text(SIZE) == f"{group.size:,}", group.key
    assert {g.definition.family for g in seg.groups} >= {"lifecycle", "outreach", "value", "rfm", "tier"}


def test_a_group_shows_its_buyers_and_explanation(qtbot, page, window):
    group = next(g for g in page.seg.groups if g.key == "repeat")
    click_item(qtbot, page.groups.tree, page.groups.items["repeat"])
    qtbot.waitUntil(lambda: page.model.rowCount() == group.size, timeout=WAIT_MS)
    wait_idle(qtbot, page)
    assert page.model.ids == list_buyer_ids(window.shop, page.seg, group_key="repeat")
    assert page.groups.explanation.text() == group.explanation("zh")
    assert group.coupon is not None and group.coupon.text_zh in page.groups.coupon.text()
    click_item(qtbot, page.groups.tree, page.groups.items["tier_ordinary"])
    qtbot.waitUntil(lambda: page.model.rowCount() == page.seg.group("tier_ordinary").size, timeout=WAIT_MS)
    assert page.groups.tiers.isVisible() and "80.0%" in page.groups.tiers.text()


def test_search_filters_by_order_number_and_phone_digits(qtbot, page, window):
    buyer_id = page.model.buyer_id(5)
    detail = buyer_detail(window.shop, buyer_id, page.seg)
    order_no = detail.orders[0].order_no
    qtbot.keyClicks(page.search, order_no)
    qtbot.waitUntil(lambda: page.model.ids == [buyer_id], timeout=WAIT_MS)
    page.search.clear()
    digits = detail.facts.phone[-4:]
    qtbot.keyClicks(page.search, digits)
    expected = list_buyer_ids(window.shop, page.seg, text=digits)
    qtbot.waitUntil(lambda: page.model.ids == expected, timeout=WAIT_MS)
    assert buyer_id in page.model.ids and len(expected) < 300


def test_header_click_sorts_in_sql(qtbot, page, window):
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(ORDERS) + header.sectionSize(ORDERS) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    qtbot.waitUntil(lambda: page.model.sort_key == "orders", timeout=WAIT_MS)
    wait_idle(qtbot, page)
    expected = list_buyer_ids(window.shop, page.seg, sort="orders", descending=page.model.descending)
    assert page.model.ids == expected
    shown = [int(page.model.cell_text(r, ORDERS)) for r in range(5)]
    assert shown == sorted(shown, reverse=page.model.descending)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    flipped = list_buyer_ids(window.shop, page.seg, sort="orders", descending=not page.model.descending)
    qtbot.waitUntil(lambda: page.model.ids == flipped, timeout=WAIT_MS)


def test_enter_opens_the_buyer_and_reveal_is_logged(qtbot, page, window):
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, NICK))
    buyer_id = page.model.buyer_id(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.detail
    assert dialog is not None and dialog.buyer_id == buyer_id
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=WAIT_MS)
    stored = buyer_detail(window.shop, buyer_id, page.seg)
    assert dialog.orders_model.rowCount() == len(stored.orders) > 0
    assert dialog.lines_model.rowCount() == len(stored.lines)
    assert "*" in dialog.values["phone"].text()
    with qtbot.waitSignal(dialog.revealed, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.reveal_button, Qt.MouseButton.LeftButton)
    assert dialog.values["phone"].text() == stored.facts.phone
    assert buyer_detail(window.shop, buyer_id).reveals[0][0] == getpass.getuser()
    qtbot.waitUntil(lambda: dialog.reveals.count() == 1, timeout=WAIT_MS)


def test_tag_selected_buyers(qtbot, page, window):
    for row in (0, 1, 2):
        page.table.selectionModel().select(page.model.index(row, 0), page.table.selectionModel().SelectionFlag.Select
                                           | page.table.selectionModel().SelectionFlag.Rows)
    ids = page.model.ids[:3]
    dialog = open_tag_dialog(qtbot, page, lambda: page.tag_selected(True))
    dialog.setTextValue("回购VIP")
    dialog.accept()
    qtbot.waitUntil(lambda: ("回购VIP", 3) in all_tags(window.shop), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.model.ids[:3] == ids and "回购VIP" in page.model.cell_text(0, TAGS),
                    timeout=WAIT_MS)
    assert "回购VIP" not in page.model.cell_text(3, TAGS)
    assert "回购VIP" in window.statusBar().currentMessage()


def test_tag_whole_group_then_remove(qtbot, page, window):
    click_item(qtbot, page.groups.tree, page.groups.items["loyal"])
    size = page.seg.group("loyal").size
    qtbot.waitUntil(lambda: page.model.rowCount() == size, timeout=WAIT_MS)
    dialog = open_tag_dialog(qtbot, page, lambda: page.tag_group(True))
    dialog.setTextValue("忠诚")
    dialog.accept()
    qtbot.waitUntil(lambda: ("忠诚", size) in all_tags(window.shop), timeout=WAIT_MS)
    dialog = open_tag_dialog(qtbot, page, lambda: page.tag_group(False))
    dialog.setTextValue("忠诚")
    dialog.accept()
    qtbot.waitUntil(lambda: all_tags(window.shop) == [], timeout=WAIT_MS)


def test_changes_refresh_a_visible_tab_and_mark_a_hidden_one(qtbot, page, window):
    window.show_tab(window.overview)
    window.changes_made.emit(Changes(imports=True))
    assert not page.dirty  # nothing the tab shows
    window.changes_made.emit(Changes(groups=True))
    assert page.dirty and not page.reads.busy
    window.show_tab(page)
    assert not page.dirty and page.reads.busy
    wait_idle(qtbot, page)


def test_tagging_keeps_the_selection_and_scroll(qtbot, page, window):
    page.table.selectRow(4)
    page.table.scrollTo(page.model.index(150, 0))
    scrolled = page.table.verticalScrollBar().value()
    open_tag_dialog(qtbot, page, lambda: page.tag_selected(True)).setTextValue("样品")
    page.tagger.dialog.accept()
    qtbot.waitUntil(lambda: "样品" in page.model.cell_text(4, TAGS), timeout=WAIT_MS)
    wait_idle(qtbot, page)
    assert page.table.selected_buyer_ids() == [page.model.buyer_id(4)]
    assert page.table.verticalScrollBar().value() == scrolled


def test_detail_tags_and_note_are_saved(qtbot, page, window):
    buyer_id = page.model.buyer_id(2)
    dialog = page.open_buyer(buyer_id)
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=WAIT_MS)
    dialog.tag_input.setCurrentText("老朋友")
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.add_tag_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.tag_list.count() == 1, timeout=WAIT_MS)
    assert buyer_detail(window.shop, buyer_id).facts.tags == {"老朋友"}
    dialog.note.setPlainText("喜欢绿茶，双十一前联系")
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.save_note_button, Qt.MouseButton.LeftButton)
    assert buyer_detail(window.shop, buyer_id).note == "喜欢绿茶，双十一前联系"
    dialog.tag_list.setCurrentRow(0)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.remove_tag_button, Qt.MouseButton.LeftButton)
    assert buyer_detail(window.shop, buyer_id).facts.tags == frozenset()
    qtbot.waitUntil(lambda: "老朋友" not in page.model.cell_text(2, TAGS), timeout=WAIT_MS)


def test_language_switch_renames_groups_and_tab(qtbot, page, window):
    assert page.groups.items["new"].text(0) == "新客"
    window.menu.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: page.groups.items["new"].text(0) == "New buyers")
    assert window.tabs.tabText(1) == "Customer groups"
    assert page.model.headerData(ORDERS, Qt.Orientation.Horizontal) == "Orders"
    window.menu.language_actions["zh"].trigger()
    qtbot.waitUntil(lambda: page.groups.items["new"].text(0) == "新客")


def test_an_earlier_as_of_day_recounts_groups_and_rows(qtbot, page, window):
    day = date(2025, 6, 30)
    page.as_of.setDate(day)
    qtbot.waitUntil(lambda: page.seg.as_of == day and page.model.rowCount() > 0 and not page.reads.busy
                    and not page.warm_lane.busy, timeout=WAIT_MS)
    seg = compute_segmentation(window.shop, day)
    assert page.model.rowCount() == seg.buyers < 300
    assert page.groups.items["repeat"].text(SIZE) == f"{seg.group('repeat').size:,}"
    click_item(qtbot, page.groups.tree, page.groups.items["repeat"])
    expected = list_buyer_ids(window.shop, seg, group_key="repeat")
    qtbot.waitUntil(lambda: page.model.ids == expected, timeout=WAIT_MS)
    first = buyer_detail(window.shop, expected[0], seg)
    assert page.model.cell_text(0, ORDERS) == str(first.facts.countable_orders)


def test_a_saved_custom_group_appears_with_its_count(qtbot, page, window):
    from sellerdesk.domain.rules import Condition, Field, Op, all_of
    from sellerdesk.services.segmentation import save_custom_group

    _, changes = save_custom_group(window.shop, "五单以上", all_of(Condition(Field.ORDERS, Op.GE, 5)))
    window.changes_made.emit(changes)
    qtbot.waitUntil(lambda: any(g.definition.family == "custom" for g in page.seg.groups), timeout=WAIT_MS)
    custom = next(g for g in page.seg.groups if g.definition.family == "custom")
    assert page.groups.items[custom.key].text(0) == "五单以上"
    click_item(qtbot, page.groups.tree, page.groups.items[custom.key])
    qtbot.waitUntil(lambda: page.model.rowCount() == custom.size > 0, timeout=WAIT_MS)


def test_the_first_entry_is_the_all_buyers_group(qtbot, page):
    everyone = page.seg.group("all")
    item = page.groups.items[""]
    assert page.groups.items["all"] is item and page.groups.selected_key is None
    assert item.text(NAME) == everyone.name(lang()) and item.toolTip(NAME) == everyone.explanation(lang())
    assert item.text(SIZE) == f"{everyone.size:,}" == f"{page.seg.buyers:,}"
    assert page.groups.explanation.text() == everyone.explanation(lang())
    assert page.groups.coupon.text()  # the coupon suggestion for everyone
    families = [page.groups.tree.topLevelItem(i).text(NAME) for i in range(page.groups.tree.topLevelItemCount())]
    assert families.count(everyone.name(lang())) == 1  # no family of its own
    page.groups.select("loyal")
    page.groups.select("all")
    assert page.groups.selected_key is None


def test_a_second_buyer_opens_after_the_first_was_closed(qtbot, page, window):
    """The buyer dialog deletes itself on close; opening the next one must not touch the deleted one."""
    first = page.open_buyer(page.model.buyer_id(0))
    qtbot.waitUntil(lambda: first.detail is not None, timeout=WAIT_MS)
    first.close()
    qtbot.waitUntil(lambda: not shiboken6.isValid(first), timeout=WAIT_MS)  # deleted, as it asks
    second_id = page.model.buyer_id(1)
    second = page.open_buyer(second_id)
    assert second is not None and second.buyer_id == second_id and second.isVisible()
    assert page.detail is second
    qtbot.waitUntil(lambda: second.detail is not None, timeout=WAIT_MS)
    assert second.values["nick"].text()
    second.close()


def test_the_tag_menu_reads_the_tags_off_the_gui_thread_then_opens(qtbot, page, window, monkeypatch):
    import threading

    from sellerdesk.services.customers import add_tag
    from sellerdesk.ui.customers import tagging

    add_tag(window.shop, page.model.ids[:2], "老客")
    gui, release, reads = threading.get_ident(), threading.Event(), []

    def slow_tags(shop):
        reads.append(threading.get_ident() != gui)
        release.wait(10)  # as if the shop file were busy
        return all_tags(shop)

    monkeypatch.setattr(tagging, "all_tags", slow_tags)
    opened = []
    page.tagger.dialog_opened.connect(opened.append)
    page.table.selectRow(0)
    page.untag_selected_action.trigger()  # the tag menu's "remove a tag from selected buyers"
    qtbot.wait(50)
    assert not opened and page.reads.busy  # the GUI thread did not wait for the read
    release.set()
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    dialog = opened[0]
    assert reads == [True] and dialog is page.tagger.dialog and dialog.isVisible()
    assert dialog.comboBoxItems() == ["老客"] and dialog.textValue() == "老客"
    dialog.accept()
    qtbot.waitUntil(lambda: all_tags(window.shop) == [("老客", 1)], timeout=WAIT_MS)


def test_the_as_of_default_is_the_shop_clocks_day(qtbot, tmp_shop, translations, ui_state):
    from datetime import datetime

    from tests.ui.helpers import GROUPS_AS_OF, FakeClock, open_window

    build_demo_shop(tmp_shop, buyers=120, seed=4, today=GROUPS_AS_OF)
    clock = FakeClock(datetime.combine(GROUPS_AS_OF, datetime.min.time()).replace(hour=7))
    window = open_window(qtbot, tmp_shop, translations, ui_state, clock)
    page = window.customers
    assert page.as_of_day == GROUPS_AS_OF == page.today()  # not the computer's date
    window.show_tab(page)
    qtbot.waitUntil(lambda: page.seg is not None and page.model.rowCount() > 0 and not page.reads.busy,
                    timeout=WAIT_MS)
    assert page.seg.as_of == GROUPS_AS_OF and page.model.rowCount() == page.seg.buyers == 120
    assert page._ids_as_of == GROUPS_AS_OF  # the list of all buyers took the as-of-today path


def test_closing_the_buyer_while_its_note_saves_keeps_the_save_and_frees_the_lane(qtbot, page, window, monkeypatch):
    """The dialog waits, hidden, for its write: closed at once it would take the write's answer with it
    and leave the window's write lane busy for good (no import could start)."""
    import threading

    from sellerdesk.ui.customers import buyer_dialog

    release = threading.Event()
    real = buyer_dialog.set_note

    def slow_set_note(shop, buyer_id, text):
        release.wait(10)
        return real(shop, buyer_id, text)

    monkeypatch.setattr(buyer_dialog, "set_note", slow_set_note)
    buyer_id = page.model.buyer_id(1)
    dialog = page.open_buyer(buyer_id)
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=WAIT_MS)
    dialog.note.setPlainText("周末再联系")
    qtbot.mouseClick(dialog.save_note_button, Qt.MouseButton.LeftButton)
    dialog.close()
    assert window.runner.busy and page.detail is None
    with qtbot.waitSignal(window.changes_made, timeout=WAIT_MS):
        release.set()
    qtbot.waitUntil(lambda: not window.runner.busy and not shiboken6.isValid(dialog), timeout=WAIT_MS)
    assert buyer_detail(window.shop, buyer_id).note == "周末再联系"
