"""The outreach dialog: notices while typing, holdout counts in the preview, exported files read back."""

from __future__ import annotations

import csv
import openpyxl
import pytest

from sellerdesk.domain.outreach import HOLDOUT, holdout_count
from sellerdesk.domain.rules import Condition, Field, Op, Rule
from sellerdesk.services.outreach import list_outreaches
from sellerdesk.services.segmentation import compute_segmentation, save_custom_group
from sellerdesk.ui.groups.outreach_dialog import OutreachDialog
from tests.ui.helpers import GROUPS_AS_OF

AS_OF = GROUPS_AS_OF
GOOD = "【小店】{name}您好，您买过的{last_item}上新了，{coupon}等您来拿。拒收请回复R"


def open_dialog(qtbot, window, shop, key="repeat", seg=None):
    seg = seg or compute_segmentation(shop, AS_OF)
    dialog = OutreachDialog(shop, seg, window.runner, key, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def preview(qtbot, dialog):
    dialog.run_preview()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    return dialog.preview


def test_a_text_without_signature_warns_and_counts_parts(qtbot, window, shop):
    dialog = open_dialog(qtbot, window, shop)
    qtbot.keyClicks(dialog.text_a.edit, "Hi {name}, new in")  # QTest types Latin-1 only
    assert "no_signature" in dialog.text_a.codes() and "no_opt_out" in dialog.text_a.codes()
    assert dialog.text_a.notices_label.isVisible() and "签名" in dialog.text_a.notices_label.text()
    assert "17" in dialog.text_a.length_label.text() and " 1 " in dialog.text_a.length_label.text()
    dialog.text_a.set_text(GOOD + "{foo}")
    assert dialog.text_a.codes() == ["unknown_field"]
    dialog.text_a.set_text("【小店】" + "好" * 70 + "拒收请回复R")  # 80 characters: 2 parts of 67
    assert "80" in dialog.text_a.length_label.text() and " 2 " in dialog.text_a.length_label.text()
    dialog.send_at.setDateTime(dialog.send_at.dateTime().addSecs(13 * 3600))  # 10:00 -> 23:00
    assert "send_time" in dialog.text_a.codes()


def test_holdout_and_ab_split_in_the_preview(qtbot, window, shop):
    dialog = open_dialog(qtbot, window, shop)
    size = dialog.group.size
    dialog.text_a.set_text(GOOD)
    dialog.holdout.setValue(10)
    result = preview(qtbot, dialog)
    s = result.summary
    assert s.recipients == size and s.holdout == holdout_count(size, 10) and s.a + s.holdout == size
    assert f"{s.holdout}" in dialog.summary.text() and f"{s.contactable}" in dialog.summary.text()
    assert dialog.table.rowCount() == min(50, size)
    phones = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert all("****" in p for p in phones if p)
    assert "{" not in "".join(r.text for r in result.recipients)
    assert dialog.export_button.isEnabled()

    dialog.text_b.set_text("【小店】{name}，老客专享{coupon}。退订回T")
    assert dialog.preview is None and not dialog.export_button.isEnabled() and dialog.ab_label.isVisible()
    s = preview(qtbot, dialog).summary
    assert s.b > 0 and s.a - s.b in (0, 1) and s.holdout == holdout_count(size, 10)
    arms = {r.arm for r in dialog.preview.recipients}
    assert arms == {"A", "B", HOLDOUT}


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_writes_text_phones_no_formulas_and_records(qtbot, window, shop, tmp_path, suffix):
    dialog = open_dialog(qtbot, window, shop)
    dialog.text_a.set_text("=HYPERLINK(\"x\") " + GOOD)
    dialog.holdout.setValue(10)
    result = preview(qtbot, dialog)
    path = tmp_path / f"list{suffix}"
    with qtbot.waitSignal(dialog.changes_made, timeout=10_000):
        dialog.export_to(path)
    assert dialog.result.written == result.summary.contactable > 0
    assert str(path) in dialog.outcome.text() and f"{dialog.result.written}" in dialog.outcome.text()
    if suffix == ".xlsx":
        sheet = openpyxl.load_workbook(path).active
        rows = [[c.value for c in row] for row in sheet.iter_rows()]
        phone_cells = [row[0] for row in sheet.iter_rows(min_row=2)]
        assert all(c.data_type == "s" for c in phone_cells)
    else:
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
    assert len(rows) == result.summary.contactable + 1
    assert all(len(str(r[0])) == 11 and str(r[0]).isdigit() for r in rows[1:])
    assert not any(str(v).startswith("=") for row in rows for v in row if v is not None)
    [entry] = list_outreaches(shop)
    assert entry.group_key == "repeat" and entry.holdout_pct == 10


def test_an_empty_group_exports_nothing_and_says_so(qtbot, window, shop):
    save_custom_group(shop, "Nobody", Rule("all", (Condition(Field.ORDERS, Op.GE, 10_000),)))
    seg = compute_segmentation(shop, AS_OF)
    key = next(g.key for g in seg.groups if g.custom_id is not None)
    dialog = open_dialog(qtbot, window, shop, key, seg)
    dialog.text_a.set_text(GOOD)
    assert not dialog.preview_button.isEnabled() and not dialog.export_button.isEnabled()
    assert "没有买家" in dialog.summary.text() or "no buyers" in dialog.summary.text()
    assert dialog.run_preview() is None and list_outreaches(shop) == []
