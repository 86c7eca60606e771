"""The numbers behind the built-in groups (issue 3, item 3), the member tiers and the coupon rule (item 6).

Every value is checked as it is typed by the domain's own validation
(SegmentSettings.validate, CouponRule); the reason shows under the form and
Save stays disabled until it is fixed. Save writes both on the window's
write lane and emits changes_made so the groups are recomputed.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QGridLayout,
                               QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QSpinBox,
                               QVBoxLayout, QWidget)

from sellerdesk.domain.coupons import CouponRule, suggest_coupon
from sellerdesk.domain.money import MoneyError, format_fen, parse_fen
from sellerdesk.domain.rules import RuleError
from sellerdesk.domain.segments import SegmentSettings
from sellerdesk.services.segmentation import Segmentation, save_coupon_rule, save_settings
from sellerdesk.services.shop import ShopFile
from sellerdesk.ui.errors import show_failure
from sellerdesk.ui.groups.common import OK_STYLE, message_label, reason, show_message
from sellerdesk.ui.groups.tiers_table import TiersTable
from sellerdesk.ui.i18n import lang
from sellerdesk.ui.tasks import Task, TaskRunner

_TEXTS = {
    "title": QT_TRANSLATE_NOOP("GroupSettingsDialog", "Customer group settings"),
    "groups": QT_TRANSLATE_NOOP("GroupSettingsDialog", "Built-in groups"),
    "active": QT_TRANSLATE_NOOP("GroupSettingsDialog", "Active: a countable order within (days):"),
    "loyal": QT_TRANSLATE_NOOP("GroupSettingsDialog", "Loyal: at least (countable orders):"),
    "dormant": QT_TRANSLATE_NOOP("GroupSettingsDialog", "Dormant high-value: no order for (days):"),
    "top": QT_TRANSLATE_NOOP("GroupSettingsDialog", "High-value: the top share by paid total:"),
    "second": QT_TRANSLATE_NOOP("GroupSettingsDialog", "Likely second purchase: first order within (days):"),
    "rfm": QT_TRANSLATE_NOOP("GroupSettingsDialog", "RFM scoring"),
    "mode": QT_TRANSLATE_NOOP("GroupSettingsDialog", "Scores from:"),
    "quintiles": QT_TRANSLATE_NOOP("GroupSettingsDialog", "Quintiles of this shop's buyers (measured)"),
    "cutoffs": QT_TRANSLATE_NOOP("GroupSettingsDialog", "The shop's own cut-offs"),
    "cut_hint": QT_TRANSLATE_NOOP("GroupSettingsDialog", "Four cut-offs each, from score 5 down to score 1:"),
    "r": QT_TRANSLATE_NOOP("GroupSettingsDialog", "R: last order within (days)"),
    "f": QT_TRANSLATE_NOOP("GroupSettingsDialog", "F: at least (orders)"),
    "m": QT_TRANSLATE_NOOP("GroupSettingsDialog", "M: paid at least (yuan)"),
    "high": QT_TRANSLATE_NOOP("GroupSettingsDialog", "A score counts as high from:"),
    "tiers": QT_TRANSLATE_NOOP("GroupSettingsDialog", "Member tiers (lowest first)"),
    "tiers_hint": QT_TRANSLATE_NOOP("GroupSettingsDialog", "A buyer reaches a tier by the paid amount OR the "
                                                           "number of orders; the highest tier reached counts. "
                                                           "About 80% of members should stay in the lowest tier."),
    "add_tier": QT_TRANSLATE_NOOP("GroupSettingsDialog", "Add tier"),
    "remove_tier": QT_TRANSLATE_NOOP("GroupSettingsDialog", "Remove tier"),
    "coupon": QT_TRANSLATE_NOOP("GroupSettingsDialog", "Coupon suggestion (满X减Y)"),
    "factor": QT_TRANSLATE_NOOP("GroupSettingsDialog", "Threshold as a share of the average order:"),
    "discount": QT_TRANSLATE_NOOP("GroupSettingsDialog", "Discount as a share of the threshold:"),
    "example": QT_TRANSLATE_NOOP("GroupSettingsDialog", "Example average order (yuan):"),
    "example_out": QT_TRANSLATE_NOOP("GroupSettingsDialog", "Suggested coupon: {coupon} (a real discount of "
                                                            "{rate})"),
    "example_bad": QT_TRANSLATE_NOOP("GroupSettingsDialog", "Type an average order such as 120."),
    "m_bad": QT_TRANSLATE_NOOP("GroupSettingsDialog", "“{text}” is not an amount in yuan."),
    "defaults": QT_TRANSLATE_NOOP("GroupSettingsDialog", "Restore defaults"),
    "saving": QT_TRANSLATE_NOOP("GroupSettingsDialog", "Saving…"),
    "failed": QT_TRANSLATE_NOOP("GroupSettingsDialog", "The settings could not be saved"),
}


def _tr(key: str) -> str:
    return QCoreApplication.translate("GroupSettingsDialog", _TEXTS[key])


def _spin(parent: QWidget, lo: int = -99_999, hi: int = 99_999) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(lo, hi)  # out-of-range values are typed, then refused with the domain's reason
    return spin


class GroupSettingsDialog(QDialog):
    """Edit seg.settings and seg.coupon_rule; saved together."""

    changes_made = Signal(object)  # Changes, after the settings were saved

    def __init__(self, shop: ShopFile, seg: Segmentation, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("groupSettingsDialog")
        self.shop, self.seg, self.runner = shop, seg, runner
        self._writing = False
        self.labels: dict[str, QLabel] = {}
        body = QWidget(self)
        self.groups_box, self.rfm_box = QGroupBox(body), QGroupBox(body)
        self.tiers_box, self.coupon_box = QGroupBox(body), QGroupBox(body)

        form = QFormLayout(self.groups_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.active_days, self.loyal_orders = _spin(self.groups_box), _spin(self.groups_box)
        self.dormant_days, self.second_days = _spin(self.groups_box), _spin(self.groups_box)
        self.top_share = QDoubleSpinBox(self.groups_box)
        self.top_share.setRange(-1000, 1000)
        self.top_share.setDecimals(1)
        self.top_share.setSuffix(" %")
        for key, widget in (("active", self.active_days), ("loyal", self.loyal_orders),
                            ("dormant", self.dormant_days), ("top", self.top_share),
                            ("second", self.second_days)):
            form.addRow(self._label(key, self.groups_box), widget)

        rfm_layout = QFormLayout(self.rfm_box)
        rfm_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.rfm_mode = QComboBox(self.rfm_box)
        self.rfm_mode.addItem("", "quintiles")
        self.rfm_mode.addItem("", "cutoffs")
        rfm_layout.addRow(self._label("mode", self.rfm_box), self.rfm_mode)
        rfm_layout.addRow(self._label("cut_hint", self.rfm_box))
        grid = QGridLayout()
        self.r_days = [_spin(self.rfm_box) for _ in range(4)]
        self.f_orders = [_spin(self.rfm_box) for _ in range(4)]
        self.m_yuan = [QLineEdit(self.rfm_box) for _ in range(4)]
        for row, (key, widgets) in enumerate((("r", self.r_days), ("f", self.f_orders), ("m", self.m_yuan))):
            grid.addWidget(self._label(key, self.rfm_box), row, 0)
            for col, w in enumerate(widgets, 1):
                grid.addWidget(w, row, col)
        rfm_layout.addRow(grid)
        self.high_from = _spin(self.rfm_box, 0, 9)
        rfm_layout.addRow(self._label("high", self.rfm_box), self.high_from)

        tiers_layout = QVBoxLayout(self.tiers_box)
        self.tiers_hint = self._label("tiers_hint", self.tiers_box)
        self.tiers_hint.setWordWrap(True)
        self.tiers = TiersTable(seg.settings.tiers, self.tiers_box)
        self.tiers.setMinimumHeight(180)
        self.add_tier, self.remove_tier = QPushButton(self.tiers_box), QPushButton(self.tiers_box)
        tier_buttons = QHBoxLayout()
        tier_buttons.addWidget(self.add_tier)
        tier_buttons.addWidget(self.remove_tier)
        tier_buttons.addStretch(1)
        tiers_layout.addWidget(self.tiers_hint)
        tiers_layout.addWidget(self.tiers)
        tiers_layout.addLayout(tier_buttons)

        coupon_form = QFormLayout(self.coupon_box)
        coupon_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.factor = _spin(self.coupon_box, 0, 1000)
        self.factor.setSuffix(" %")
        self.discount = QDoubleSpinBox(self.coupon_box)
        self.discount.setRange(0, 100)
        self.discount.setDecimals(1)
        self.discount.setSuffix(" %")
        self.example = QLineEdit("120", self.coupon_box)
        self.example.setObjectName("couponExample")
        self.example_out = message_label(self.coupon_box, "couponPreview")
        coupon_form.addRow(self._label("factor", self.coupon_box), self.factor)
        coupon_form.addRow(self._label("discount", self.coupon_box), self.discount)
        coupon_form.addRow(self._label("example", self.coupon_box), self.example)
        coupon_form.addRow(self.example_out)

        body_layout = QHBoxLayout(body)  # two columns: everything visible without scrolling
        for boxes in ((self.groups_box, self.rfm_box), (self.tiers_box, self.coupon_box)):
            column = QVBoxLayout()
            for box in boxes:
                column.addWidget(box)
            column.addStretch(1)
            body_layout.addLayout(column, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.error = message_label(self, "settingsError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.defaults_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ResetRole)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.load(seg.settings, seg.coupon_rule)
        for spin in (self.active_days, self.loyal_orders, self.dormant_days, self.second_days, self.high_from,
                     self.factor, *self.r_days, *self.f_orders):
            spin.valueChanged.connect(self._edited)
        for dspin in (self.top_share, self.discount):
            dspin.valueChanged.connect(self._edited)
        for edit in (*self.m_yuan, self.example):
            edit.textChanged.connect(self._edited)
        self.rfm_mode.currentIndexChanged.connect(self._edited)
        self.tiers.changed.connect(self._edited)
        self.add_tier.clicked.connect(self.tiers.add_tier)
        self.remove_tier.clicked.connect(self.tiers.remove_selected)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.defaults_button.clicked.connect(lambda: self.load(SegmentSettings(), CouponRule()))
        self.resize(1180, 580)
        self.retranslate_ui()

    def _label(self, key: str, parent: QWidget) -> QLabel:
        label = QLabel(parent)
        self.labels[key] = label
        return label

    # -- values -----------------------------------------------------------------------------------
    def load(self, settings: SegmentSettings, coupon: CouponRule) -> None:
        self.active_days.setValue(settings.active_days)
        self.loyal_orders.setValue(settings.loyal_orders)
        self.dormant_days.setValue(settings.dormant_days)
        self.top_share.setValue(float(settings.dormant_top_share_pct))
        self.second_days.setValue(settings.second_purchase_days)
        self.rfm_mode.setCurrentIndex(max(0, self.rfm_mode.findData(settings.rfm_mode)))
        for spins, values in ((self.r_days, settings.rfm_r_days), (self.f_orders, settings.rfm_f_orders)):
            for spin, v in zip(spins, values):
                spin.setValue(v)
        for edit, fen in zip(self.m_yuan, settings.rfm_m_fen):
            edit.setText(format_fen(fen))
        self.high_from.setValue(settings.rfm_high_from)
        self.tiers.set_tiers(settings.tiers)
        self.factor.setValue(coupon.threshold_factor_pct)
        self.discount.setValue(coupon.discount_permille / 10)
        self._edited()

    def settings(self) -> SegmentSettings:
        """The settings as typed, validated: RuleError names the first problem."""
        m = []
        for edit in self.m_yuan:
            try:
                m.append(parse_fen(edit.text().strip()))
            except (MoneyError, IndexError):
                text = _tr("m_bad").format(text=edit.text().strip())
                raise RuleError(text, text) from None
        top = self.top_share.value()
        s = SegmentSettings(
            self.active_days.value(), self.loyal_orders.value(), self.dormant_days.value(),
            int(top) if top == int(top) else round(top, 1), self.second_days.value(), self.rfm_mode.currentData(),
            tuple(s.value() for s in self.r_days), tuple(s.value() for s in self.f_orders), tuple(m),
            self.high_from.value(), self.tiers.tiers())
        s.validate()
        return s

    def coupon_rule(self) -> CouponRule:
        """The coupon rule as typed (CouponRule validates itself: RuleError with the reason)."""
        return CouponRule(self.factor.value(), round(self.discount.value() * 10))  # 6.5 % -> 65 per-mille

    def problem(self) -> str:
        try:
            self.settings()
            self.coupon_rule()
        except RuleError as exc:
            return exc.message(lang())
        return ""

    def _edited(self) -> None:
        own = self.rfm_mode.currentData() == "cutoffs"
        for w in (*self.r_days, *self.f_orders, *self.m_yuan):
            w.setEnabled(own)
        self.remove_tier.setEnabled(self.tiers.rowCount() > 0)
        problem = self.problem()
        show_message(self.error, problem)
        self.save_button.setEnabled(not problem and not self._writing)
        self._show_example()

    def _show_example(self) -> None:
        try:
            rule = self.coupon_rule()
            aov = parse_fen(self.example.text().strip())
        except RuleError:
            show_message(self.example_out, "")
            return
        except (MoneyError, IndexError):
            show_message(self.example_out, _tr("example_bad"))
            return
        coupon = suggest_coupon(aov, rule)
        if coupon is None:
            show_message(self.example_out, _tr("example_bad"))
        else:
            show_message(self.example_out, _tr("example_out").format(coupon=coupon.text(lang()),
                                                                     rate=coupon.rate_text), OK_STYLE)

    # -- saving -----------------------------------------------------------------------------------
    def save(self) -> Task | None:
        if self.problem() or self._writing:
            return None
        shop, settings, coupon = self.shop, self.settings(), self.coupon_rule()

        def write(progress, cancel):
            return save_settings(shop, settings) | save_coupon_rule(shop, coupon)

        task = Task(write, self)
        task.succeeded.connect(self._saved)
        task.failed.connect(self._failed)
        self._set_writing(True)
        return self.runner.start(task)

    def _set_writing(self, writing: bool) -> None:
        self._writing = writing
        self.error.setStyleSheet("")
        if writing:
            show_message(self.error, _tr("saving"), "")
        self.save_button.setEnabled(not writing and not self.problem())

    def _saved(self, changes: object) -> None:
        self._set_writing(False)
        self.changes_made.emit(changes)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_writing(False)
        text = reason(exc)
        if text:
            show_message(self.error, text)
        else:
            show_failure(self, _tr("failed"), exc)

    # -- language ---------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(_tr("title"))
        self.groups_box.setTitle(_tr("groups"))
        self.rfm_box.setTitle(_tr("rfm"))
        self.tiers_box.setTitle(_tr("tiers"))
        self.coupon_box.setTitle(_tr("coupon"))
        for key, label in self.labels.items():
            label.setText(_tr(key))
        self.rfm_mode.setItemText(0, _tr("quintiles"))
        self.rfm_mode.setItemText(1, _tr("cutoffs"))
        self.add_tier.setText(_tr("add_tier"))
        self.remove_tier.setText(_tr("remove_tier"))
        self.defaults_button.setText(_tr("defaults"))
        self.tiers.retranslate_ui()
        self._edited()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
