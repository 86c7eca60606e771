"""The owner's free text of a retrospective: lessons, owners, next actions.

Kept with a campaign (one set each) or, for a report over plain dates, with
the period; the festival key brings the lessons back when the same festival
comes round next year (services.report_notes.previous_notes).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sellerdesk.domain.errors import BilingualError

MAX_CHARS = 20_000  # per field: pages of text, far more than a report page shows


class ReportNotesError(BilingualError):
    """Notes that cannot be saved as they are."""


@dataclass(frozen=True, slots=True)
class ReportNotes:
    period_start: date
    period_end: date
    lessons: str = ""  # 经验教训: what went well, what did not
    owners: str = ""  # 负责人: who follows each point up
    next_actions: str = ""  # 下次改进: what to do differently next time
    campaign_id: int | None = None
    festival_key: str | None = None  # filled from the campaign when saved with one
    id: int | None = None  # None until saved
    updated_at: datetime | None = None

    @property
    def is_blank(self) -> bool:
        """Nothing written: saving blank notes removes the stored ones."""
        return not (self.lessons.strip() or self.owners.strip() or self.next_actions.strip())


def validate_notes(notes: ReportNotes) -> None:
    """Raise ReportNotesError for a period that ends before it starts or a field too long."""
    if notes.period_end < notes.period_start:
        raise ReportNotesError(
            f"期间结束日 {notes.period_end} 早于开始日 {notes.period_start}。",
            f"The period ends ({notes.period_end}) before it starts ({notes.period_start}).")
    for name, zh, en in (("lessons", "经验教训", "Lessons"), ("owners", "负责人", "Owners"),
                         ("next_actions", "下次改进", "Next actions")):
        if len(getattr(notes, name)) > MAX_CHARS:
            raise ReportNotesError(f"「{zh}」超过 {MAX_CHARS} 字，请精简。",
                                   f"{en} is longer than {MAX_CHARS} characters; please shorten it.")
