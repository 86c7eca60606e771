"""What every long use case shares: progress reports, cancellation, change sets."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from sellerdesk.domain.errors import ImportCancelled

# progress(fraction 0..1, message) -- called from the worker thread
Progress = Callable[[float, str], None]


def no_progress(fraction: float, message: str) -> None:
    pass


class CancelToken:
    """Set from any thread (the Cancel button); checked by the worker."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise ImportCancelled()


@dataclass(frozen=True)
class Changes:
    """What a use case changed, so each view refreshes only what it shows."""

    orders: bool = False
    buyers: bool = False
    refunds: bool = False
    imports: bool = False
    settings: bool = False
    groups: bool = False  # saved groups, tags, notes, outreach records
    calendar: bool = False  # events, campaigns, tasks, playbooks, calendar settings
    reports: bool = False  # channel traffic and spend, report notes (the retrospective tab)

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{k: getattr(self, k) or getattr(other, k) for k in self.__dataclass_fields__})

    @property
    def any(self) -> bool:
        return any(getattr(self, k) for k in self.__dataclass_fields__)
