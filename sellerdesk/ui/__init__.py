"""The desktop window: all PySide6 code lives here (and in app.py)."""
