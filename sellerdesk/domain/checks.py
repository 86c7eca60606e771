"""Checks of values read from settings, playbooks and library files (JSON hands numbers over
as int, float or bool alike)."""

from __future__ import annotations


def is_whole(value: object) -> bool:
    """A whole number: an int that is not a bool (True is an int in Python)."""
    return isinstance(value, int) and not isinstance(value, bool)


__all__ = ["is_whole"]
