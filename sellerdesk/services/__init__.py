"""Use cases: one call per user action. Qt-free; long ones take progress and cancel."""
