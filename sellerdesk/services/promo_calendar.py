"""The promo calendar's use cases in one place (大促日历): what the window and the CLI call.

Every function takes the ShopFile first, opens its own connection (any thread
may call it) and runs its writes in one transaction; a refused write raises
CalendarError (zh + en) and stores nothing. Writes return Changes(calendar=True)
(`CHANGES`) unless they return what they created (create_task -> Task,
apply_playbook -> Campaign, add_event -> UserEvent); those change the same.
Times are naive Asia/Shanghai wall-clock datetimes; `now` is passed in
(services.clock.shop_now() gives the real one).

The functions live in small modules, re-exported here:
- calendar_view: calendar_entries (festivals, statutory days, own events, phases), own events;
- calendar_tasks: task queries and edits, reminders, start-up agenda, outreach links;
- campaigns: apply a playbook, list, move, delete;
- playbook_library: built-in and the shop's own playbooks, the JSON editor's load/save/reset;
- calendar_files: .ics export and import;
- target_breakdown: share and state methods from the shop's history;
- calendar_settings: staff names and the default reminder lead.
"""

from __future__ import annotations

from sellerdesk.domain.promo import (Campaign, CalendarEntry, CalendarError, ChecklistItem, EntryKind, Phase, Task,
                                     TaskDraft, TaskStatus)
from sellerdesk.services.calendar_files import ExportError, IcsImportResult, export_ics, import_ics
from sellerdesk.services.calendar_settings import (CalendarSettings, load_calendar_settings,
                                                   save_calendar_settings)
from sellerdesk.services.calendar_tasks import (CHANGES, DueReminder, all_tasks, attach_outreach, create_task,
                                                delete_task, due_reminders, get_task, next_wake, set_task_status,
                                                snooze_task, startup_agenda, tasks_between, toggle_checklist_item,
                                                update_task)
from sellerdesk.services.calendar_view import (CalendarYear, UserEvent, add_event, calendar_entries, delete_event,
                                               list_events, update_event)
from sellerdesk.services.campaigns import (apply_playbook, campaign_tasks, delete_campaign, festival_anchor,
                                           get_campaign, list_campaigns, move_campaign, set_campaign_details)
from sellerdesk.services.playbook_library import (PlaybookInfo, list_playbooks, load_playbook, playbook_json,
                                                  reset_playbook, save_campaign_as_playbook, save_playbook_json)
from sellerdesk.services.target_breakdown import TargetBasis, TargetBreakdown, target_basis, target_breakdown

__all__ = [
    "CHANGES", "CalendarEntry", "CalendarError", "CalendarSettings", "CalendarYear", "Campaign", "ChecklistItem",
    "DueReminder", "EntryKind", "ExportError", "IcsImportResult", "Phase", "PlaybookInfo", "TargetBasis",
    "TargetBreakdown", "Task", "TaskDraft", "TaskStatus", "UserEvent",
    "add_event", "all_tasks", "apply_playbook", "attach_outreach", "calendar_entries", "campaign_tasks", "create_task",
    "delete_campaign", "delete_event", "delete_task", "due_reminders", "export_ics", "festival_anchor",
    "get_campaign", "get_task", "import_ics", "list_campaigns", "list_events", "list_playbooks",
    "load_calendar_settings", "load_playbook", "move_campaign", "next_wake", "playbook_json", "reset_playbook",
    "save_calendar_settings", "save_campaign_as_playbook", "save_playbook_json", "set_campaign_details",
    "set_task_status", "snooze_task", "startup_agenda", "target_basis", "target_breakdown", "tasks_between",
    "toggle_checklist_item", "update_event", "update_task",
]
