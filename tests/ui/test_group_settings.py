"""Group settings: numbers refused with a reason, saved on the write lane, seen in the recomputed groups."""

from __future__ import annotations

import pytest

from sellerdesk.domain.coupons import CouponRule
from sellerdesk.services.segmentation import compute_segmentation
from sellerdesk.ui.groups.group_settings_dialog import GroupSettingsDialog
from tests.ui.helpers import GROUPS_AS_OF

AS_OF = GROUPS_AS_OF


@pytest.fixture
def dialog(qtbot, window, shop):
    d = GroupSettingsDialog(shop, compute_segmentation(shop, AS_OF), window.runner, parent=window)
    qtbot.addWidget(d)
    d.show()
    return d


def test_change_n_and_save_shows_in_the_active_group(qtbot, dialog, shop):
    assert dialog.active_days.value() == 90 and dialog.save_button.isEnabled()
    dialog.active_days.lineEdit().selectAll()
    qtbot.keyClicks(dialog.active_days.lineEdit(), "45")
    assert dialog.settings().active_days == 45
    with qtbot.waitSignal(dialog.changes_made):
        dialog.save_button.click()
    seg = compute_segmentation(shop, AS_OF)
    assert seg.settings.active_days == 45
    assert "45" in seg.group("active").explanation("en") and "90" not in seg.group("active").explanation("en")


def test_invalid_values_are_refused_with_a_reason(qtbot, dialog):
    dialog.top_share.setValue(150)
    assert not dialog.save_button.isEnabled() and "100%" in dialog.error.text()
    dialog.top_share.setValue(10)
    assert dialog.save_button.isEnabled() and not dialog.error.isVisible()
    dialog.dormant_days.setValue(-3)
    assert not dialog.save_button.isEnabled() and "负数" in dialog.error.text()
    dialog.dormant_days.setValue(200)
    dialog.rfm_mode.setCurrentIndex(dialog.rfm_mode.findData("cutoffs"))
    assert dialog.m_yuan[0].isEnabled()
    dialog.m_yuan[2].setText("50.00")  # below the second cut-off: not rising
    assert not dialog.save_button.isEnabled() and dialog.error.text()
    dialog.m_yuan[2].setText("1000")
    assert dialog.save_button.isEnabled()
    dialog.tiers.item(1, 3).setText("abc")
    assert not dialog.save_button.isEnabled() and "abc" in dialog.error.text()
    dialog.tiers.item(1, 3).setText("500.00")
    assert dialog.save_button.isEnabled()


def test_coupon_rule_preview_and_save(qtbot, dialog, shop):
    assert "满150减10" in dialog.example_out.text()  # the seed's example: average 120
    dialog.factor.setValue(100)
    assert not dialog.save_button.isEnabled() and "101%" in dialog.error.text()
    dialog.factor.setValue(150)
    dialog.discount.setValue(10.0)
    dialog.example.setText("200")
    assert "满300减30" in dialog.example_out.text()
    with qtbot.waitSignal(dialog.changes_made):
        dialog.save()
    assert compute_segmentation(shop, AS_OF).coupon_rule == CouponRule(150, 100)
