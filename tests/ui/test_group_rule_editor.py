"""The custom-group editor: built by clicking and typing, counted live off the GUI thread, refused with a reason."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox

from sellerdesk.domain.rules import Condition, Field, Op, Rule
from sellerdesk.services.segmentation import compute_segmentation, count_rule, save_custom_group
from sellerdesk.ui.groups.rule_editor import RuleEditorDialog
from tests.ui.helpers import GROUPS_AS_OF

AS_OF = GROUPS_AS_OF


@pytest.fixture
def editor(qtbot, window, shop):
    dialog = RuleEditorDialog(shop, compute_segmentation(shop, AS_OF), window.runner, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def counted(dialog: RuleEditorDialog):
    def check():
        assert dialog.counted_rule is not None and dialog.counted_rule == dialog.rule(), dialog.count_label.text()
    return check


def set_spin(qtbot, spin: QSpinBox, text: str) -> None:
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)


def test_build_a_rule_by_typing_and_see_the_live_count(qtbot, editor, shop):
    qtbot.keyClicks(editor.name_edit, "Repeat and recent")
    first = editor.rows[0]
    assert first.field == Field.ORDERS
    first.op_combo.setCurrentIndex(first.op_combo.findData(Op.GE))
    set_spin(qtbot, first.editors[0], "2")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    second = editor.rows[1]
    second.field_combo.setCurrentIndex(second.field_combo.findData(Field.DAYS_SINCE_LAST))
    second.op_combo.setCurrentIndex(second.op_combo.findData(Op.LE))
    set_spin(qtbot, second.editors[0], "90")
    expected = Rule("all", (Condition(Field.ORDERS, Op.GE, 2), Condition(Field.DAYS_SINCE_LAST, Op.LE, 90)))
    assert editor.rule() == expected
    qtbot.waitUntil(counted(editor))
    assert editor.last_count == count_rule(shop, expected, AS_OF) > 0
    assert f"{editor.last_count}" in editor.count_label.text()
    assert editor.save_button.isEnabled()

    with qtbot.waitSignal(editor.changes_made):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    seg = compute_segmentation(shop, AS_OF)
    custom = [g for g in seg.groups if g.custom_id is not None]
    assert [(g.name("zh"), g.size) for g in custom] == [("Repeat and recent", editor.last_count)]


def test_a_negative_value_is_refused_with_a_reason(qtbot, editor):
    row = editor.rows[0]
    row.field_combo.setCurrentIndex(row.field_combo.findData(Field.DAYS_SINCE_LAST))
    qtbot.keyClicks(editor.name_edit, "Bad")
    set_spin(qtbot, row.editors[0], "-5")
    assert row.editors[0].value() == -5
    assert not editor.save_button.isEnabled()
    assert editor.error.isVisible() and "负数" in editor.error.text()  # the UI speaks Chinese in tests
    set_spin(qtbot, row.editors[0], "30")
    assert editor.save_button.isEnabled() and not editor.error.isVisible()


def test_money_is_parsed_to_fen_and_between_takes_two_values(qtbot, editor, shop):
    row = editor.rows[0]
    row.field_combo.setCurrentIndex(row.field_combo.findData(Field.PAID))
    row.op_combo.setCurrentIndex(row.op_combo.findData(Op.BETWEEN))
    assert row.editors[1].isVisible()
    row.editors[0].setText("100.10")
    row.editors[1].setText("abc")
    assert not editor.save_button.isEnabled() and "abc" in editor.error.text()
    row.editors[1].setText("1,299.90")
    assert editor.rule().conditions[0] == Condition(Field.PAID, Op.BETWEEN, 10_010, 129_990)
    qtbot.waitUntil(counted(editor))
    assert editor.last_count == count_rule(shop, editor.rule(), AS_OF)


def test_an_empty_rule_and_a_blank_name_cannot_be_saved(qtbot, editor):
    qtbot.mouseClick(editor.rows[0].remove_button, Qt.MouseButton.LeftButton)
    assert editor.rows == [] and not editor.save_button.isEnabled()
    assert editor.error.text()
    editor.add_condition()
    assert not editor.save_button.isEnabled()  # still no name
    qtbot.keyClicks(editor.name_edit, "Two orders")
    assert editor.save_button.isEnabled()


def test_edit_and_delete_a_saved_group(qtbot, window, shop):
    rule = Rule("any", (Condition(Field.HAD_REFUND, Op.IS, True), Condition(Field.CITY, Op.CONTAINS, "杭州")))
    save_custom_group(shop, "Refund or Hangzhou", rule)
    seg = compute_segmentation(shop, AS_OF)
    group = next(g for g in seg.groups if g.custom_id is not None)
    dialog = RuleEditorDialog(shop, seg, window.runner, group.key, parent=window)
    qtbot.addWidget(dialog)
    assert dialog.rule() == rule and dialog.name_edit.text() == "Refund or Hangzhou"
    assert dialog.delete_button.isVisible() or not dialog.isVisible()
    dialog.rows[1].editors[0].setText("宁波")
    with qtbot.waitSignal(dialog.changes_made):
        dialog.save()
    seg = compute_segmentation(shop, AS_OF)
    again = next(g for g in seg.groups if g.custom_id is not None)
    assert again.custom_id == group.custom_id and again.definition.rule.conditions[1].value == "宁波"

    dialog = RuleEditorDialog(shop, seg, window.runner, again.key, parent=window)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.changes_made):
        dialog.delete_group()
    assert all(g.custom_id is None for g in compute_segmentation(shop, AS_OF).groups)
