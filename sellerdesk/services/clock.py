"""The shop's clock: wall-clock time in Asia/Shanghai, whatever zone the computer is set to.

Calendar tasks, reminders and .ics files are in the shop's time (the
platforms' festivals start at midnight Beijing time). Everything below the
services takes `now` as a parameter; this is where the real one comes from.
"""

from __future__ import annotations

from datetime import date, datetime

from sellerdesk.domain.dates import SHOP_ZONE

__all__ = ["SHOP_ZONE", "shop_now", "shop_today"]


def shop_now() -> datetime:
    """Naive Asia/Shanghai wall-clock time, to the second."""
    return datetime.now(SHOP_ZONE).replace(tzinfo=None, microsecond=0)


def shop_today() -> date:
    return shop_now().date()
