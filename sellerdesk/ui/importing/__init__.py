"""Importing files from the window: progress, column mapping, the summary."""
