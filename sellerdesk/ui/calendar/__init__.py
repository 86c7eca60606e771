"""The promo calendar tab (大促日历): month view, agenda, tasks, playbooks, reminders."""
