"""What every long use case shares: progress reports, cancellation, change sets."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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
        self._finishing = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    @contextmanager
    def finishing(self) -> Iterator[None]:
        """Around work after a step has committed (derived data such as indexes): a Cancel can
        no longer undo the step, so the worker does not check it there, and a Cancel button
        reads `is_finishing` to say so. A Cancel given meanwhile stops the steps after it."""
        self._finishing.set()
        try:
            yield
        finally:
            self._finishing.clear()

    @property
    def is_finishing(self) -> bool:
        return self._finishing.is_set()

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
