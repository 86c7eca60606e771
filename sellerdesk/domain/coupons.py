"""Coupon suggestion per group: a 满X减Y threshold set just above the typical order.

Seed 004: a buyer whose average order value (客单价) is 120 responds to
满150减10; the same coupon means nothing to a buyer whose average is 50. So the
threshold follows the group's AOV: AOV x factor, rounded UP to a number a shop
would print, and the discount is a share of that threshold.

All arithmetic is integer (fen, percent, per-mille); no float touches money.

Rounding, in whole yuan:
- threshold: AOV x factor rounded up to 10-yuan steps while the raw value is
  below 300, to 50-yuan steps below 1000, and to 100-yuan steps from 1000 up
  (so 125% of 120 = 150 -> 150; of 199 = 248.75 -> 250; of 800 = 1000 -> 1000).
- discount: threshold x rate rounded half up to whole yuan, or to 5-yuan steps
  once the raw discount reaches 20 yuan; never below 1 yuan and always below
  the threshold.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sellerdesk.domain.buyers import BuyerFacts, aov_fen
from sellerdesk.domain.checks import is_whole
from sellerdesk.domain.rules import RuleError

YUAN = 100  # fen

FACTOR_MIN, FACTOR_MAX = 101, 300  # percent of the AOV; above it, or the coupon is a plain discount
DISCOUNT_MIN, DISCOUNT_MAX = 1, 500  # per-mille of the threshold: 0.1% .. 50%


class CouponRuleError(RuleError):
    """A coupon rule the editor refuses, with the reason in Chinese and English."""


@dataclass(frozen=True, slots=True)
class CouponRule:
    """How a group's coupon is derived from its AOV.

    threshold_factor_pct: the threshold as a percent of the AOV (125 -> 1.25 x AOV).
    discount_permille: the discount as per-mille of the threshold (65 -> 6.5%).
    """

    threshold_factor_pct: int = 125
    discount_permille: int = 65

    def __post_init__(self) -> None:
        self.validate()

    def validate(self) -> None:
        f, d = self.threshold_factor_pct, self.discount_permille
        if not is_whole(f) or not FACTOR_MIN <= f <= FACTOR_MAX:
            raise CouponRuleError(
                f"门槛系数须为 {FACTOR_MIN}% 到 {FACTOR_MAX}% 之间的整数（门槛要高于客单价）。",
                f"The threshold factor must be a whole percent from {FACTOR_MIN}% to {FACTOR_MAX}% "
                "(the threshold must be above the average order).",
            )
        if not is_whole(d) or not DISCOUNT_MIN <= d <= DISCOUNT_MAX:
            raise CouponRuleError(
                "优惠比例须在 0.1% 到 50% 之间（以千分之一为单位）。",
                "The discount rate must be from 0.1% to 50% (in steps of 0.1%).",
            )

    def to_dict(self) -> dict[str, int]:
        return {"threshold_factor_pct": self.threshold_factor_pct, "discount_permille": self.discount_permille}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CouponRule:
        """Read a saved rule; missing keys take the defaults, bad values raise CouponRuleError."""
        default = cls()
        return cls(
            threshold_factor_pct=data.get("threshold_factor_pct", default.threshold_factor_pct),
            discount_permille=data.get("discount_permille", default.discount_permille),
        )


@dataclass(frozen=True, slots=True)
class CouponSuggestion:
    aov_fen: int
    threshold_fen: int
    discount_fen: int

    @property
    def rate_permille(self) -> int:
        """The discount the coupon really gives, per-mille of the threshold, half up (10/150 -> 67)."""
        return (self.discount_fen * 2000 + self.threshold_fen) // (self.threshold_fen * 2)

    @property
    def rate_text(self) -> str:
        """'6.7%'."""
        q, r = divmod(self.rate_permille, 10)
        return f"{q}.{r}%"

    @property
    def text_zh(self) -> str:
        return f"满{self.threshold_fen // YUAN}减{self.discount_fen // YUAN}"

    @property
    def text_en(self) -> str:
        return f"¥{self.discount_fen // YUAN:,} off orders of ¥{self.threshold_fen // YUAN:,}+"

    def text(self, lang: str = "zh") -> str:
        return self.text_zh if lang == "zh" else self.text_en


def suggest_coupon(aov_fen: int | None, rule: CouponRule | None = None) -> CouponSuggestion | None:
    """The 满X减Y for a group whose average order is aov_fen; None when there is no AOV."""
    if aov_fen is None or aov_fen <= 0:
        return None
    rule = rule or CouponRule()
    # Raw threshold in fen x 100 (AOV fen x percent) keeps everything integer.
    raw = aov_fen * rule.threshold_factor_pct
    step_yuan = 10 if raw < 300 * YUAN * 100 else 50 if raw < 1000 * YUAN * 100 else 100
    unit = step_yuan * YUAN * 100
    threshold_yuan = -(-raw // unit) * step_yuan
    # Raw discount in yuan = threshold_yuan * permille / 1000.
    num, den = threshold_yuan * rule.discount_permille, 1000
    step = 5 if num >= 20 * den else 1
    discount_yuan = (num * 2 + den * step) // (2 * den * step) * step
    discount_yuan = min(max(discount_yuan, 1), threshold_yuan - 1)
    return CouponSuggestion(aov_fen=aov_fen, threshold_fen=threshold_yuan * YUAN, discount_fen=discount_yuan * YUAN)


def group_aov_fen(buyers: Iterable[BuyerFacts]) -> int | None:
    """A group's AOV: its paid total over its countable orders (not the mean of per-buyer AOVs)."""
    paid = orders = 0
    for b in buyers:
        paid += b.paid_fen
        orders += b.countable_orders
    return aov_fen(paid, orders)


