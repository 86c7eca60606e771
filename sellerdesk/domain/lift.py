"""Did an outreach make people buy? The lift against the holdout, with an honest interval.

A difference of two proportions (the contacted arm's buying rate minus the
holdout's) gets the Newcombe hybrid score interval (Newcombe 1998, method 10),
built from each arm's Wilson score interval. Unlike the textbook Wald interval
it stays inside [-1, 1] and keeps its coverage for small groups and rates
near 0, which is exactly what a shop's outreach looks like (a 3% buying rate
over a few hundred people). Below MIN_ARM people in either arm there is no
interval at all: the report says "not enough data" instead of a number that
means nothing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

Z95 = 1.959963984540054  # two-sided 95%
MIN_ARM = 30  # fewer people than this in an arm: no interval, "not enough data"


def wilson(successes: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of successes / n (n > 0)."""
    if n <= 0:
        raise ValueError("n must be positive")
    p = successes / n
    z2 = z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def newcombe(x1: int, n1: int, x2: int, n2: int, z: float = Z95) -> tuple[float, float]:
    """The interval of p1 - p2 (x1/n1 - x2/n2) by Newcombe's hybrid score method."""
    p1, p2 = x1 / n1, x2 / n2
    l1, u1 = wilson(x1, n1, z)
    l2, u2 = wilson(x2, n2, z)
    d = p1 - p2
    return (d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2),
            d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2))


@dataclass(frozen=True)
class Lift:
    """Contacted vs held out: rates, the difference (percentage points as 0..1) and its 95% interval."""

    treated: int
    treated_buyers: int
    control: int
    control_buyers: int

    @property
    def enough(self) -> bool:
        return self.treated >= MIN_ARM and self.control >= MIN_ARM

    @property
    def treated_rate(self) -> float | None:
        return self.treated_buyers / self.treated if self.treated else None

    @property
    def control_rate(self) -> float | None:
        return self.control_buyers / self.control if self.control else None

    @property
    def difference(self) -> float | None:
        """treated rate - control rate (0.021 = 2.1 percentage points); None without both arms."""
        if not self.treated or not self.control:
            return None
        return self.treated_rate - self.control_rate

    @property
    def relative(self) -> float | None:
        """The difference as a share of the control rate (None when the control bought nothing)."""
        d = self.difference
        if d is None or not self.control_buyers:
            return None
        return d / self.control_rate

    @property
    def interval(self) -> tuple[float, float] | None:
        """The 95% interval of the difference, or None when an arm is below MIN_ARM."""
        if not self.enough:
            return None
        return newcombe(self.treated_buyers, self.treated, self.control_buyers, self.control)

    @property
    def verdict(self) -> str:
        """'not_enough' | 'up' (the interval is above 0) | 'down' (below 0) | 'unclear' (it holds 0)."""
        ci = self.interval
        if ci is None:
            return "not_enough"
        if ci[0] > 0:
            return "up"
        if ci[1] < 0:
            return "down"
        return "unclear"
