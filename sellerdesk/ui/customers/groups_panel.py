"""The groups panel: every group by family with its live count and shares; what the selected one means.

Selecting a group says which key is selected (`group_selected`, None for all
buyers: the first entry stands for the built-in 'all' group, showing its name,
rule and coupon, and lists every buyer without waiting for the groups). Under
the tree: the group's rule in one line, its coupon suggestion and, for member
tiers, the distribution against the 80/20 target with warnings.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from sellerdesk.domain.segments import ALL_KEY
from sellerdesk.services.segmentation import GroupFigures, Segmentation
from sellerdesk.ui import labels
from sellerdesk.ui.i18n import lang, pick

_C = "GroupsPanel"
FAMILIES = {
    "lifecycle": QT_TRANSLATE_NOOP("GroupsPanel", "New / repeat"),
    "outreach": QT_TRANSLATE_NOOP("GroupsPanel", "Promotion classes"),
    "value": QT_TRANSLATE_NOOP("GroupsPanel", "Value"),
    "rfm": QT_TRANSLATE_NOOP("GroupsPanel", "RFM"),
    "tier": QT_TRANSLATE_NOOP("GroupsPanel", "Member tiers"),
    "custom": QT_TRANSLATE_NOOP("GroupsPanel", "Custom groups"),
}
ALL = ""  # the key of the "All buyers" entry
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
NAME, SIZE, SHARE_BUYERS, SHARE_REVENUE = range(4)
_HEADERS = (QT_TRANSLATE_NOOP("GroupsPanel", "Group"), QT_TRANSLATE_NOOP("GroupsPanel", "Buyers"),
            QT_TRANSLATE_NOOP("GroupsPanel", "% buyers"), QT_TRANSLATE_NOOP("GroupsPanel", "% revenue"))
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


class GroupsPanel(QWidget):
    group_selected = Signal(object)  # key, or None for all buyers

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("groupsPanel")
        self.seg: Segmentation | None = None
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("groupsTree")
        self.tree.setColumnCount(4)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in (SIZE, SHARE_BUYERS, SHARE_REVENUE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.items: dict[str, QTreeWidgetItem] = {}
        self.tree.currentItemChanged.connect(self._current_changed)

        self.info = QFrame(self)
        self.info.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self.info)
        self.title.setObjectName("groupTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.explanation = QLabel(self.info)
        self.explanation.setObjectName("groupExplanation")
        self.coupon = QLabel(self.info)
        self.coupon.setObjectName("groupCoupon")
        self.tiers = QLabel(self.info)
        self.tiers.setObjectName("tierShape")
        self.tiers.setTextFormat(Qt.TextFormat.RichText)
        self.warnings = QLabel(self.info)
        self.warnings.setObjectName("tierWarnings")
        self.warnings.setStyleSheet("color: #b3261e;")
        info_layout = QVBoxLayout(self.info)
        for label in (self.title, self.explanation, self.coupon, self.tiers, self.warnings):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            info_layout.addWidget(label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.info)
        self.retranslate_ui()

    # -- data ----------------------------------------------------------
    @property
    def selected_key(self) -> str | None:
        item = self.tree.currentItem()
        key = item.data(NAME, KEY_ROLE) if item is not None else None
        return key or None

    def select(self, key: str | None) -> None:
        item = self.items.get(key or ALL)
        if item is not None:
            self.tree.setCurrentItem(item)

    def set_segmentation(self, seg: Segmentation) -> None:
        """Fill the tree, keeping the selection when the group still exists (no group_selected)."""
        keep = self.selected_key
        self.seg = seg
        blocked = self.tree.blockSignals(True)
        self.tree.clear()
        self.items = {}
        self.items[ALL] = QTreeWidgetItem(self.tree)
        self.items[ALL].setData(NAME, KEY_ROLE, ALL)
        self.items[ALL_KEY] = self.items[ALL]  # select("all") picks the same entry
        families: dict[str, QTreeWidgetItem] = {}
        for family in FAMILIES:
            members = [g for g in seg.groups if g.definition.family == family]
            if not members:
                continue
            parent = QTreeWidgetItem(self.tree)
            parent.setData(NAME, KEY_ROLE, ALL)
            parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
            families[family] = parent
            for group in members:
                item = QTreeWidgetItem(parent)
                item.setData(NAME, KEY_ROLE, group.key)
                self.items[group.key] = item
        self._families = families
        self.tree.expandAll()
        self.tree.blockSignals(blocked)
        self.retranslate_ui()
        blocked = self.tree.blockSignals(True)  # the page asks for the list itself after a recount
        self.tree.setCurrentItem(self.items.get(keep or ALL) or self.items[ALL])
        self.tree.blockSignals(blocked)
        self._show_info()

    def _current_changed(self, current: QTreeWidgetItem | None, previous: QTreeWidgetItem | None) -> None:
        self._show_info()
        if current is not None:
            self.group_selected.emit(current.data(NAME, KEY_ROLE) or None)

    # -- texts ---------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.tree.setHeaderLabels([_tr(h) for h in _HEADERS])
        seg = self.seg
        if seg is None:
            self._show_info()
            return
        all_item, everyone = self.items[ALL], seg.group(ALL_KEY)
        all_item.setText(NAME, everyone.name(lang()) if everyone else QCoreApplication.translate(
            "GroupsPanel", "All buyers"))
        all_item.setToolTip(NAME, everyone.explanation(lang()) if everyone else "")
        all_item.setText(SIZE, labels.count(seg.buyers))
        all_item.setText(SHARE_BUYERS, labels.percent(1.0) if seg.buyers else labels.MISSING)
        all_item.setText(SHARE_REVENUE, labels.percent(1.0) if seg.paid_fen else labels.MISSING)
        for family, parent in getattr(self, "_families", {}).items():
            parent.setText(NAME, _tr(FAMILIES[family]))
            font = parent.font(NAME)
            font.setBold(True)
            parent.setFont(NAME, font)
        for group in seg.groups:
            item = self.items.get(group.key)
            if item is None or item is all_item:
                continue
            item.setText(NAME, group.name(lang()))
            item.setToolTip(NAME, group.explanation(lang()))
            item.setText(SIZE, labels.count(group.size))
            item.setText(SHARE_BUYERS, labels.percent(group.share_buyers))
            item.setText(SHARE_REVENUE, labels.percent(group.share_revenue))
        for item in set(self.items.values()):
            for column in (SIZE, SHARE_BUYERS, SHARE_REVENUE):
                item.setTextAlignment(column, _RIGHT)
        self._show_info()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _show_info(self) -> None:
        seg, key = self.seg, self.selected_key
        group = (seg.group(key or ALL_KEY)) if seg else None
        if seg is None:
            self.title.setText(QCoreApplication.translate("GroupsPanel", "Counting the groups…"))
            for label in (self.explanation, self.coupon, self.tiers, self.warnings):
                label.clear()
            return
        if group is None:
            self.title.setText(QCoreApplication.translate("GroupsPanel", "All buyers"))
            self.explanation.setText(QCoreApplication.translate(
                "GroupsPanel", "Every buyer in the shop, as of {day}.").format(day=seg.as_of.isoformat()))
            self.coupon.clear()
        else:
            self.title.setText(group.name(lang()))
            self.explanation.setText(group.explanation(lang()))
            self.coupon.setText(self._coupon_text(group))
        is_tier = group is not None and group.definition.family == "tier"
        self.tiers.setText(self._tier_table(seg) if is_tier else "")
        self.tiers.setVisible(is_tier)
        warnings = [pick(zh, en) for zh, en in seg.tier_warnings] if is_tier else []
        self.warnings.setText("\n".join(warnings))
        self.warnings.setVisible(bool(warnings))

    def _coupon_text(self, group: GroupFigures) -> str:
        if group.coupon is None:
            return QCoreApplication.translate(
                "GroupsPanel", "Coupon suggestion: none (no countable orders in this group).")
        return QCoreApplication.translate(
            "GroupsPanel", "Average order {aov}. Coupon suggestion: {coupon} (a {rate} discount).").format(
            aov=labels.money(group.aov_fen), coupon=group.coupon.text(lang()), rate=group.coupon.rate_text)

    def _tier_table(self, seg: Segmentation) -> str:
        names = {t.key: pick(t.name_zh, t.name_en) for t in seg.settings.tiers}
        rows = "".join(
            f"<tr><td>{html.escape(names.get(t.key, t.key))}</td><td align='right'>{labels.count(t.count)}</td>"
            f"<td align='right'>{labels.percent(t.share)}</td><td align='right'>{labels.percent(t.target_share)}</td></tr>"
            for t in reversed(seg.tiers))
        head = "".join(f"<th align='{a}'>{html.escape(_tr(h))}</th>" for h, a in (
            (QT_TRANSLATE_NOOP("GroupsPanel", "Tier"), "left"), (QT_TRANSLATE_NOOP("GroupsPanel", "Members"), "right"),
            (QT_TRANSLATE_NOOP("GroupsPanel", "Actual"), "right"),
            (QT_TRANSLATE_NOOP("GroupsPanel", "Target"), "right")))
        return f"<table cellspacing='0' cellpadding='3'><tr>{head}</tr>{rows}</table>"
