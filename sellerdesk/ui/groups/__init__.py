"""Dialogs the Customers tab opens for customer groups:

- rule_editor.RuleEditorDialog: a custom group's rule, live count, save/delete;
- outreach_dialog.OutreachDialog: an outreach list from a group, preview, export;
- group_settings_dialog.GroupSettingsDialog: the numbers behind the built-in
  groups, member tiers and the coupon rule.

Each takes the ShopFile, the current Segmentation and the window's TaskRunner
(writes go through it) and emits `changes_made(Changes)` after a write.
"""
