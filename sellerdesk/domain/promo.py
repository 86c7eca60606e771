"""The promo calendar's shared values: calendar entries, campaigns, phases, tasks.

Plain data, no clock: every time is naive Asia/Shanghai wall-clock time (the
shop's time; the .ics exporter attaches the zone). A task's status is stored
as to do / done / skipped; "late" is what a to-do task is once its window has
ended, so it is computed against `now`, never stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import Enum

from sellerdesk.domain.errors import BilingualError


class CalendarError(BilingualError):
    """A date, task, playbook or calendar file that cannot be used, and why."""


class EntryKind(str, Enum):
    FESTIVAL = "festival"  # a platform festival (618, 11.11 ...)
    HOLIDAY = "holiday"  # a statutory day off
    WORKDAY = "workday"  # a make-up working day (调休上班) on a weekend
    USER = "user"  # the shop's own event
    PHASE = "phase"  # a campaign phase (pre-heat, the day ...)


@dataclass(frozen=True)
class CalendarEntry:
    """Something shown on the month view and the agenda: one day or a span of days."""

    kind: EntryKind
    key: str  # festival key ('1111'), holiday name, 'event_<id>', 'phase_<campaign>_<phase>'
    name_zh: str
    name_en: str
    start: date
    end: date  # inclusive; == start for one day
    day: date | None = None  # a festival's main day inside [start, end]
    platforms: tuple[str, ...] = ()  # empty: every platform

    def name(self, lang: str = "zh") -> str:
        return self.name_zh if lang == "zh" else self.name_en

    def covers(self, d: date) -> bool:
        return self.start <= d <= self.end


class TaskStatus(str, Enum):
    TODO = "todo"
    DONE = "done"
    SKIPPED = "skipped"
    LATE = "late"  # computed: a to-do whose window has ended


@dataclass(frozen=True)
class ChecklistItem:
    text: str
    done: bool = False


@dataclass(frozen=True)
class TaskDraft:
    """A task before it is stored: what a playbook or an .ics file produces."""

    title: str
    starts_at: datetime  # due time, or the start of a window
    ends_at: datetime | None = None  # the end of a window (20:00-22:00); None: a point in time
    phase: str | None = None  # phase key of its campaign
    owner: str = ""
    checklist: tuple[ChecklistItem, ...] = ()
    notes: str = ""
    group_key: str | None = None  # a customer group (domain.segments keys, 'custom_<id>')
    channel: str | None = None  # 'sms' | 'email' | 'phone' when the task is an outreach
    message: str = ""  # message text with fields ({name} {coupon} ...)
    lead_minutes: int | None = None  # reminder lead before the start; None: the shop default
    source_key: str = ""  # the playbook task key it came from, or an .ics UID

    def __post_init__(self) -> None:
        if self.ends_at is not None and self.ends_at < self.starts_at:
            raise CalendarError(
                f"任务「{self.title}」的结束时间早于开始时间。",
                f"Task '{self.title}' ends before it starts.")
        if not self.title.strip():
            raise CalendarError("任务缺少标题。", "A task needs a title.")


@dataclass(frozen=True)
class Task(TaskDraft):
    """A stored task."""

    id: int = 0
    campaign_id: int | None = None
    status: TaskStatus = TaskStatus.TODO  # as stored: TODO, DONE or SKIPPED
    snoozed_until: datetime | None = None
    outreach_id: int | None = None  # the outreach list exported for it
    done_at: datetime | None = None

    @property
    def due_end(self) -> datetime:
        """When the task is late: the end of its window, or its due time."""
        return self.ends_at or self.starts_at

    def status_at(self, now: datetime) -> TaskStatus:
        if self.status is TaskStatus.TODO and now > self.due_end:
            return TaskStatus.LATE
        return self.status


@dataclass(frozen=True)
class Phase:
    key: str  # 'pool', 'preheat', 'presale', 'day', 'encore', 'thanks', 'review', 'next'
    name_zh: str
    name_en: str
    start: date
    end: date

    def name(self, lang: str = "zh") -> str:
        return self.name_zh if lang == "zh" else self.name_en


@dataclass(frozen=True)
class Campaign:
    id: int
    name: str
    festival_key: str | None  # None for a campaign not tied to a festival
    year: int
    anchor: date  # the festival's main day the playbook's offsets count from
    playbook_key: str | None
    target_fen: int | None = None
    notes: str = ""
    phases: tuple[Phase, ...] = field(default_factory=tuple)

    @property
    def start(self) -> date:
        return min((p.start for p in self.phases), default=self.anchor)

    @property
    def end(self) -> date:
        return max((p.end for p in self.phases), default=self.anchor)

    def shifted(self, days: int) -> Campaign:
        d = timedelta(days=days)
        phases = tuple(Phase(p.key, p.name_zh, p.name_en, p.start + d, p.end + d) for p in self.phases)
        return Campaign(self.id, self.name, self.festival_key, self.year, self.anchor + d,
                        self.playbook_key, self.target_fen, self.notes, phases)
