"""The only code that speaks SQL. SQLite through sqlite-utils, WAL mode."""
