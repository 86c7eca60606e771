"""The calendar page's less frequent actions: playbooks, campaigns, events, .ics files, settings, targets.

Each action asks what it needs in a dialog, then runs the service on the
window's write lane through the page (`page.write`), so every change comes
back as Changes and the views refresh.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from sellerdesk.domain.promo import Campaign
from sellerdesk.services import calendar_settings, calendar_view, campaigns, playbook_library
from sellerdesk.services.calendar_view import UserEvent
from sellerdesk.ui.calendar.apply_dialog import ApplyPlaybookDialog
from sellerdesk.ui.calendar.campaign_dialogs import MoveCampaignDialog, SettingsDialog
from sellerdesk.ui.calendar.event_dialog import EventDialog, EventsDialog
from sellerdesk.ui.errors import show_failure
from sellerdesk.ui.i18n import lang
from sellerdesk.ui.tasks import delete_when_finished


class CalendarActions(QObject):
    def __init__(self, page: QWidget):
        super().__init__(page)
        self.page = page
        menu = page.more_menu
        self.campaign_menu = menu.addMenu("")
        self.campaign_menu.aboutToShow.connect(self._fill_campaign_menu)
        self.events_action = menu.addAction("", self.edit_events)
        menu.addSeparator()
        self.export_ics_action = menu.addAction("", self.export_year_ics)
        self.import_ics_action = menu.addAction("", self.import_ics)
        menu.addSeparator()
        self.playbooks_action = menu.addAction("", self.edit_playbooks)
        self.target_action = menu.addAction("", self.target_breakdown)
        self.settings_action = menu.addAction("", self.edit_settings)
        self.dialog: QWidget | None = None  # the dialog open now (tests reach it here)

    @property
    def shop(self):
        return self.page.shop

    def _open(self, dialog: QWidget) -> QWidget:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _failed(self, title: str):
        return lambda exc: show_failure(self.page, title, exc)

    # -- playbooks and campaigns ------------------------------------------------------------------
    def apply_playbook(self) -> QWidget | None:
        shop = self.shop
        if shop is None:
            return None
        self.page.reads.start(
            lambda progress, cancel: {
                info.key: playbook_library.load_playbook(shop, info.key)
                for info in playbook_library.list_playbooks(shop)
            },
            self._ask_apply,
            self._failed(QCoreApplication.translate("CalendarActions", "Playbooks")),
            kind="playbooks",
        )
        return None

    def _ask_apply(self, playbooks: dict) -> QWidget:
        dialog = ApplyPlaybookDialog(playbooks, campaigns.festival_anchor, self.page.clock().date(), self.page)
        dialog.accepted.connect(lambda: self._apply(*dialog.values()))
        return self._open(dialog)

    def _apply(self, key: str, festival: str, year: int, allow_second: bool) -> None:
        shop, language = self.shop, lang()
        self.page.write(
            lambda progress, cancel: campaigns.apply_playbook(
                shop, key, festival, year, allow_duplicate=allow_second, lang=language
            ),
            lambda campaign: self._applied(campaign),
        )

    def _applied(self, campaign: Campaign) -> None:
        self.page.status_message.emit(
            QCoreApplication.translate(
                "CalendarActions", "Campaign “{name}” created: its tasks are on the calendar."
            ).format(name=campaign.name)
        )
        self.page.go_to(campaign.start)

    def _fill_campaign_menu(self) -> None:
        menu = self.campaign_menu
        menu.clear()
        campaigns = self.page.data.campaigns if self.page.data else []
        if not campaigns:
            menu.addAction(
                QCoreApplication.translate("CalendarActions", "No campaign yet: apply a playbook first")
            ).setEnabled(False)
        for campaign in campaigns:
            sub = menu.addMenu(f"{campaign.name} ({campaign.start:%Y-%m-%d} – {campaign.end:%m-%d})")
            sub.addAction(
                QCoreApplication.translate("CalendarActions", "Show on the calendar"),
                lambda c=campaign: self.page.go_to(c.start),
            )
            sub.addAction(
                QCoreApplication.translate("CalendarActions", "Move to other dates…"),
                lambda c=campaign: self.move_campaign(c),
            )
            sub.addAction(
                QCoreApplication.translate("CalendarActions", "Export as .ics…"),
                lambda c=campaign: self.export_campaign_ics(c),
            )
            sub.addAction(
                QCoreApplication.translate("CalendarActions", "Save as a playbook for next year…"),
                lambda c=campaign: self.save_as_playbook(c),
            )
            sub.addSeparator()
            sub.addAction(
                QCoreApplication.translate("CalendarActions", "Delete the campaign and its tasks…"),
                lambda c=campaign: self.delete_campaign(c),
            )

    def move_campaign(self, campaign: Campaign) -> QWidget:
        dialog = MoveCampaignDialog(campaign, self.page)
        dialog.accepted.connect(lambda: self._move(campaign, dialog.days()))
        return self._open(dialog)

    def _move(self, campaign: Campaign, days: int) -> None:
        if days == 0:
            return
        shop = self.shop
        message = QCoreApplication.translate("CalendarActions", "“{name}” moved by {days} day(s).").format(
            name=campaign.name, days=days
        )
        self.page.write(
            lambda progress, cancel: campaigns.move_campaign(shop, campaign.id, days),
            lambda _: (self.page.status_message.emit(message), self.page.go_to(campaign.anchor + timedelta(days=days))),
        )

    def delete_campaign(self, campaign: Campaign) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("CalendarActions", "Delete campaign"),
            QCoreApplication.translate(
                "CalendarActions", "Delete “{name}” and all its tasks? Outreach lists already exported stay recorded."
            ).format(name=campaign.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self.page,
        )
        box.setObjectName("deleteCampaignBox")
        shop = self.shop
        box.accepted.connect(
            lambda: self.page.write(lambda progress, cancel: campaigns.delete_campaign(shop, campaign.id))
        )
        return self._open(box)

    def save_as_playbook(self, campaign: Campaign) -> QInputDialog:
        dialog = QInputDialog(self.page)
        dialog.setObjectName("savePlaybookDialog")
        dialog.setWindowTitle(QCoreApplication.translate("CalendarActions", "Save as a playbook"))
        dialog.setLabelText(
            QCoreApplication.translate(
                "CalendarActions", "Name of the playbook (its tasks keep their days before/after the main day):"
            )
        )
        dialog.setTextValue(
            QCoreApplication.translate("CalendarActions", "{name} (our plan)").format(name=campaign.name)
        )
        shop = self.shop

        def save(name: str) -> None:
            name = name.strip()
            if not name:
                return
            key = f"user_{campaign.festival_key or 'plan'}_{campaign.id}_{campaign.year}"
            self.page.write(
                lambda progress, cancel: playbook_library.save_campaign_as_playbook(shop, campaign.id, key, name, name),
                lambda _: self.page.status_message.emit(
                    QCoreApplication.translate(
                        "CalendarActions", "Playbook “{name}” saved: apply it next year."
                    ).format(name=name)
                ),
            )

        dialog.textValueSelected.connect(save)
        return self._open(dialog)

    def edit_playbooks(self) -> QWidget | None:
        from sellerdesk.ui.calendar.playbook_editor import PlaybookEditor

        if self.shop is None:
            return None
        dialog = PlaybookEditor(self.page, self.shop, self.page.runner)
        self.dialog = dialog
        delete_when_finished(dialog)  # a save still running when it is closed keeps it until it is done
        dialog.open()
        return dialog

    # -- events -----------------------------------------------------------------------------------
    def new_event(self, day: date | None = None) -> QWidget | None:
        if self.shop is None:
            return None
        day = day or self.page.clock().date()
        return self._edit_event(UserEvent(0, "", day, day, False, ""))

    def _edit_event(self, event: UserEvent) -> QWidget:
        dialog = EventDialog(event, self.page)
        dialog.accepted.connect(lambda: self._save_event(dialog.values()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog = dialog
        return dialog

    def _save_event(self, event: UserEvent) -> None:
        shop = self.shop
        if event.id:
            self.page.write(lambda progress, cancel: calendar_view.update_event(shop, event), self._events_changed)
        else:
            self.page.write(
                lambda progress, cancel: calendar_view.add_event(
                    shop, event.title, event.start, event.end, event.yearly, event.notes
                ),
                self._events_changed,
            )

    def edit_events(self) -> QWidget | None:
        shop = self.shop
        if shop is None:
            return None
        dialog = EventsDialog([], self.page)  # filled off the GUI thread (below)
        dialog.add_requested.connect(lambda: self.new_event(self.page.month_view.selected_day()))
        dialog.edit_requested.connect(self._edit_event)
        dialog.delete_requested.connect(
            lambda e: self.page.write(
                lambda progress, cancel: calendar_view.delete_event(shop, e.id), self._events_changed
            )
        )
        self.events_dialog = dialog
        self._open(dialog)
        self._events_changed()
        return dialog

    def _events_changed(self, _=None) -> None:
        """Read the shop's events off the GUI thread into the open list."""
        dialog, shop = getattr(self, "events_dialog", None), self.shop
        if dialog is None or shop is None:
            return
        self.page.reads.start(
            lambda progress, cancel: calendar_view.list_events(shop),
            lambda events: dialog.set_events(events) if shiboken6.isValid(dialog) else None,  # closed meanwhile
            self._failed(QCoreApplication.translate("CalendarActions", "Your events…")),
            kind="events",
        )

    # -- .ics files -------------------------------------------------------------------------------
    def export_year_ics(self) -> None:
        year = self.page.year
        path = self._ask_save(f"SellerDesk-{year}.ics")
        if path:
            self._export(path, year=year)

    def export_campaign_ics(self, campaign: Campaign) -> None:
        path = self._ask_save(f"{campaign.name}.ics")
        if path:
            self._export(path, campaign_id=campaign.id)

    def _ask_save(self, name: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self.page,
            QCoreApplication.translate("CalendarActions", "Export calendar"),
            str(Path.home() / name),
            QCoreApplication.translate("CalendarActions", "Calendar files (*.ics)"),
        )
        return Path(path) if path else None

    def _export(self, path: Path, **which) -> None:
        from sellerdesk.services import calendar_files  # icalendar is loaded when a file is written

        shop = self.shop
        language = lang()
        self.page.write(
            lambda progress, cancel: calendar_files.export_ics(shop, path, lang=language, **which),
            lambda n: self.page.status_message.emit(
                QCoreApplication.translate(
                    "CalendarActions",
                    "{n} entries written to {path}: open it with your phone's or computer's calendar.",
                ).format(n=n, path=path)
            ),
        )

    def import_ics(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.page,
            QCoreApplication.translate("CalendarActions", "Import a calendar file"),
            "",
            QCoreApplication.translate("CalendarActions", "Calendar files (*.ics);;All files (*)"),
        )
        if path:
            self.import_ics_path(Path(path))

    def import_ics_path(self, path: Path):
        from sellerdesk.services import calendar_files

        shop = self.shop
        return self.page.write(
            lambda progress, cancel: calendar_files.import_ics(shop, path),
            lambda result: self.page.status_message.emit(
                QCoreApplication.translate(
                    "CalendarActions", "{file}: {updated} task(s) updated, {added} event(s) added, {skipped} skipped."
                ).format(
                    file=path.name, updated=result.tasks_updated, added=result.events_added, skipped=result.skipped
                )
            ),
        )

    # -- settings and targets ---------------------------------------------------------------------
    def edit_settings(self) -> QWidget | None:
        shop = self.shop
        if shop is None:
            return None
        data = self.page.data  # read with the month, off the GUI thread
        current = calendar_settings.CalendarSettings(data.staff, data.lead_minutes) if data else \
            calendar_settings.CalendarSettings()
        dialog = SettingsDialog(current, self.page)
        dialog.accepted.connect(lambda: self._save_settings(dialog.values()))  # read here: the dialog goes away
        return self._open(dialog)

    def _save_settings(self, settings) -> None:
        shop = self.shop
        self.page.write(lambda progress, cancel: calendar_settings.save_calendar_settings(shop, settings))

    def target_breakdown(self) -> QWidget | None:
        from sellerdesk.ui.calendar.target_dialog import TargetDialog

        if self.shop is None:
            return None
        data = self.page.data
        dialog = TargetDialog(self.shop, self.page.clock().date(), data.campaigns if data else [], self.page)
        dialog.target_saved.connect(lambda campaign_id, fen: self._save_target(campaign_id, fen))
        return self._open(dialog)

    def _save_target(self, campaign_id: int, target_fen: int) -> None:
        shop = self.shop
        self.page.write(
            lambda progress, cancel: campaigns.set_campaign_details(shop, campaign_id, target_fen=target_fen),
            lambda _: self.page.status_message.emit(
                QCoreApplication.translate("CalendarActions", "Target saved with the campaign.")
            ),
        )

    def retranslate_ui(self) -> None:
        self.campaign_menu.setTitle(QCoreApplication.translate("CalendarActions", "Campaigns"))
        self.events_action.setText(QCoreApplication.translate("CalendarActions", "Your events…"))
        self.export_ics_action.setText(
            QCoreApplication.translate("CalendarActions", "Export this year as .ics (phone calendars)…")
        )
        self.import_ics_action.setText(QCoreApplication.translate("CalendarActions", "Import an .ics file…"))
        self.playbooks_action.setText(QCoreApplication.translate("CalendarActions", "Edit playbooks…"))
        self.target_action.setText(QCoreApplication.translate("CalendarActions", "Target breakdown…"))
        self.settings_action.setText(QCoreApplication.translate("CalendarActions", "Staff and reminders…"))
