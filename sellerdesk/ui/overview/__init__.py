"""The Overview tab: the shop at a glance."""
