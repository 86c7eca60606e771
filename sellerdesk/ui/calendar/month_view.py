"""The month grid: each day drawn with its festivals, holiday marks, campaign phases and tasks.

A QTableView over MonthModel with one delegate painting a whole day cell
(no widget per day). Colours carry meaning twice over (also a glyph or a
word), so the view reads in greyscale and for colour-blind users.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from sellerdesk.domain.promo import EntryKind, TaskStatus
from sellerdesk.ui.calendar.month_model import DateRole, EntriesRole, InMonthRole, MonthModel, TasksRole, TodayRole
from sellerdesk.ui.i18n import lang

FESTIVAL = QColor("#c0392b")
HOLIDAY = QColor("#2e7d32")
WORKDAY = QColor("#8d6e00")
TODAY = QColor("#1565c0")
PHASE_COLOURS = {
    "pool": "#90caf9",
    "preheat": "#ffcc80",
    "presale": "#ffe082",
    "day": "#ef9a9a",
    "encore": "#ce93d8",
    "thanks": "#a5d6a7",
    "review": "#b0bec5",
    "next": "#80cbc4",
}
STATUS_GLYPH = {TaskStatus.DONE: "✓", TaskStatus.SKIPPED: "–", TaskStatus.LATE: "!", TaskStatus.TODO: "•"}


class DayDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        rect = option.rect.adjusted(1, 1, -1, -1)
        palette = option.palette
        in_month = index.data(InMonthRole)
        entries = index.data(EntriesRole) or []
        day: date = index.data(DateRole)
        off = any(e.kind is EntryKind.HOLIDAY for e in entries)
        base = palette.color(QPalette.ColorRole.Base)
        if off:
            base = QColor("#eef7ee")
        elif day.weekday() >= 5 and not any(e.kind is EntryKind.WORKDAY for e in entries):
            base = QColor("#f6f6f6")
        painter.fillRect(rect, base)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, QColor(21, 101, 192, 40))
        if index.data(TodayRole):
            painter.setPen(QPen(TODAY, 2))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))

        text_colour = palette.color(QPalette.ColorRole.Text if in_month else QPalette.ColorRole.PlaceholderText)
        font = QFont(option.font)
        metrics = QFontMetrics(font)
        line = metrics.height()
        x, y, width = rect.left() + 4, rect.top() + 2, rect.width() - 8
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(TODAY if index.data(TodayRole) else text_colour)
        painter.drawText(QRect(x, y, width, line), Qt.AlignmentFlag.AlignLeft, str(day.day))
        mark = _day_mark(entries)
        if mark:
            painter.setPen(HOLIDAY if mark[1] is EntryKind.HOLIDAY else WORKDAY)
            painter.drawText(QRect(x, y, width, line), Qt.AlignmentFlag.AlignRight, mark[0])
        y += line

        painter.setFont(font)
        bottom = rect.bottom() - 2
        for entry in entries:
            if entry.kind is EntryKind.FESTIVAL and entry.start != day and entry.day != day:
                # Inside a festival's window: a thin band, the name only on its first and main days.
                painter.fillRect(QRect(x - 2, rect.top() + 1, width + 4, 2), FESTIVAL)
                continue
            if entry.kind is EntryKind.FESTIVAL and y + line <= bottom:
                painter.setFont(bold if entry.day == day else font)
                painter.setPen(FESTIVAL if in_month else text_colour)
                painter.drawText(
                    QRect(x, y, width, line),
                    Qt.AlignmentFlag.AlignLeft,
                    metrics.elidedText(entry.name(lang()), Qt.TextElideMode.ElideRight, width),
                )
                y += line
            elif entry.kind in (EntryKind.USER, EntryKind.HOLIDAY) and y + line <= bottom:
                painter.setFont(font)
                painter.setPen(HOLIDAY if entry.kind is EntryKind.HOLIDAY else text_colour)
                if entry.kind is EntryKind.HOLIDAY and entry.start != day:
                    continue  # a holiday's name once, on its first day; the tint marks the rest
                painter.drawText(
                    QRect(x, y, width, line),
                    Qt.AlignmentFlag.AlignLeft,
                    metrics.elidedText(entry.name(lang()), Qt.TextElideMode.ElideRight, width),
                )
                y += line
        phases = [e for e in entries if e.kind is EntryKind.PHASE]
        for entry in phases[:2]:
            if y + 5 > bottom:
                break
            colour = QColor(PHASE_COLOURS.get(entry.key.rsplit("_", 1)[-1], "#cfd8dc"))
            painter.fillRect(QRect(x - 2, y + 1, width + 4, 4), colour)
            y += 6

        painter.setFont(font)
        tasks = index.data(TasksRole) or []
        model: MonthModel = index.model()
        shown = 0
        for task in tasks:
            if y + 2 * line > bottom and len(tasks) - shown > 1:
                break
            if y + line > bottom:
                break
            status = task.status_at(model.now)
            painter.setPen(FESTIVAL if status is TaskStatus.LATE else text_colour)
            if task.starts_at.date() == day:
                label = f"{STATUS_GLYPH[status]} {task.starts_at:%H:%M} {task.title}"
            else:  # the last day of a task spanning days: when it is due
                label = f"{STATUS_GLYPH[status]} →{task.ends_at:%H:%M} {task.title}"
            painter.drawText(
                QRect(x, y, width, line),
                Qt.AlignmentFlag.AlignLeft,
                metrics.elidedText(label, Qt.TextElideMode.ElideRight, width),
            )
            y += line
            shown += 1
        if shown < len(tasks):
            painter.setPen(text_colour)
            more = QCoreApplication.translate("MonthView", "+{n} more").format(n=len(tasks) - shown)
            painter.drawText(QRect(x, y, width, line), Qt.AlignmentFlag.AlignLeft, more)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(120, 96)


def _day_mark(entries) -> tuple[str, EntryKind] | None:
    for entry in entries:
        if entry.kind is EntryKind.HOLIDAY:
            return QCoreApplication.translate("MonthView", "off"), EntryKind.HOLIDAY
        if entry.kind is EntryKind.WORKDAY:
            return QCoreApplication.translate("MonthView", "work"), EntryKind.WORKDAY
    return None


class MonthView(QTableView):
    day_activated = Signal(object)  # date: double-click or Enter on a day
    day_selected = Signal(object)  # date

    def __init__(self, model: MonthModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("monthView")
        self.setModel(model)
        self.setItemDelegate(DayDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.doubleClicked.connect(lambda index: self.day_activated.emit(model.day_at(index)))
        self.selectionModel().currentChanged.connect(
            lambda current, _: self.day_selected.emit(model.day_at(current)) if current.isValid() else None
        )

    def select_day(self, day: date) -> None:
        index = self.model().index_of(day)
        if index.isValid():
            self.setCurrentIndex(index)

    def selected_day(self) -> date | None:
        index = self.currentIndex()
        return self.model().day_at(index) if index.isValid() else None

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.day_activated.emit(self.model().day_at(self.currentIndex()))
            return
        super().keyPressEvent(event)
