"""Outreach lists: channels, textable phones, holdout and A/B arms.

A holdout (对照组) is a random share of the group that gets nothing, so a later
report can compare who bought afterwards against it. The assignment is a pure
function of the buyer ids and a seed: store the seed with the outreach and the
same arms come back.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from sellerdesk.domain.checks import is_whole
from sellerdesk.domain.rules import RuleError
from sellerdesk.domain.sms import sms_parts

ARM_A, ARM_B, HOLDOUT = "A", "B", "holdout"
ARMS = (ARM_A, ARM_B, HOLDOUT)
HOLDOUT_MAX = 90  # keep at least a tenth to actually contact


class Channel(StrEnum):
    SMS = "sms"
    EMAIL = "email"
    PHONE = "phone"

    @property
    def name_zh(self) -> str:
        return {"sms": "短信", "email": "邮件", "phone": "电话回访"}[self.value]

    @property
    def name_en(self) -> str:
        return {"sms": "SMS", "email": "Email", "phone": "Phone calls"}[self.value]

    def label(self, lang: str = "zh") -> str:
        return self.name_zh if lang == "zh" else self.name_en


class OutreachError(RuleError):
    """An outreach setting the dialog refuses, with the reason in Chinese and English."""


# Separators people and exports put inside numbers; removed before checking.
_SEPARATORS = re.compile(r"[\s\-–—.()（）\u00a0\u3000]")
_MOBILE = re.compile(r"1[3-9]\d{9}")


def normalise_phone(text: str | None) -> str | None:
    """'+86 138-1234-1234' -> '13812341234'; None unless it is a whole mainland mobile number.

    Masked (138****1234), encrypted (Douyin), privacy numbers with an extension
    (17012345678-1234, 转1234), landlines and numbers Excel turned into 1.38E+10
    all give None: they cannot receive a text.
    """
    if not text:
        return None
    s = unicodedata.normalize("NFKC", str(text)).strip()
    if s.startswith('="') and s.endswith('"'):  # Taobao's ="..." text-in-CSV form
        s = s[2:-1]
    s = s.lstrip("'")  # Excel's text prefix
    if s.endswith(".0"):  # a phone that went through a spreadsheet number cell
        s = s[:-2]
    s = _SEPARATORS.sub("", s)
    if s.startswith("+86"):
        s = s[3:]
    elif s.startswith("0086"):
        s = s[4:]
    elif s.startswith("86") and len(s) == 13:
        s = s[2:]
    return s if _MOBILE.fullmatch(s) else None


def usable_for_sms(phone: str | None) -> bool:
    return normalise_phone(phone) is not None


def check_holdout_pct(holdout_pct: object) -> int:
    """The holdout percent as given, or OutreachError with the reason."""
    if not is_whole(holdout_pct):
        raise OutreachError("对照组比例须为整数百分比。", "The holdout share must be a whole percent.")
    if not 0 <= holdout_pct <= HOLDOUT_MAX:
        raise OutreachError(
            f"对照组比例须在 0% 到 {HOLDOUT_MAX}% 之间。",
            f"The holdout share must be from 0% to {HOLDOUT_MAX}%.",
        )
    return holdout_pct


def holdout_count(n: int, holdout_pct: int) -> int:
    """round(n * pct / 100) with Python's rounding (halves to even), computed without floats."""
    return round(Fraction(n * check_holdout_pct(holdout_pct), 100))


def assign_arms(buyer_ids: Sequence[int], holdout_pct: int, ab_split: bool, seed: int) -> dict[int, str]:
    """Each buyer's arm: 'A', 'B' or 'holdout'.

    Exactly holdout_count(n, pct) buyers are held out (n = distinct ids); the
    rest go to A, or alternate A/B when ab_split (A gets the odd one). The ids
    are sorted before shuffling, so the input order does not change the result;
    the same ids and seed always give the same arms.
    """
    ids = sorted(set(buyer_ids))
    k = holdout_count(len(ids), holdout_pct)
    random.Random(seed).shuffle(ids)
    arms = {i: HOLDOUT for i in ids[:k]}
    rest = ids[k:]
    half = (len(rest) + 1) // 2 if ab_split else len(rest)
    arms.update({i: ARM_A for i in rest[:half]})
    arms.update({i: ARM_B for i in rest[half:]})
    return arms


@dataclass(frozen=True, slots=True)
class OutreachSummary:
    """What the export dialog shows before writing the file."""

    recipients: int  # everyone in the group
    a: int
    b: int
    holdout: int
    contactable: int  # A + B with a usable phone (SMS / phone) or account (email)

    @property
    def contacted(self) -> int:
        return self.a + self.b

    @property
    def unusable(self) -> int:
        """Contacted in principle, but no textable phone / no account: left out of the file."""
        return self.contacted - self.contactable

    def message(self, channel: Channel, lang: str = "zh") -> str:
        if self.recipients == 0:
            return "该分组没有买家，不会导出任何内容。" if lang == "zh" else "The group is empty; nothing will be exported."
        if lang == "zh":
            text = f"共 {self.recipients} 人：A 组 {self.a}，B 组 {self.b}，对照组 {self.holdout}；可{channel.name_zh}联系 {self.contactable} 人"
            return text + (f"，{self.unusable} 人缺少可用联系方式。" if self.unusable else "。")
        text = (f"{self.recipients} buyers: A {self.a}, B {self.b}, holdout {self.holdout}; "
                f"{self.contactable} reachable by {channel.name_en.lower()}")
        return text + (f", {self.unusable} without usable contact details." if self.unusable else ".")


def is_contactable(channel: Channel, phone: str | None, account: str | None) -> bool:
    """SMS and phone calls need a whole mobile number; email goes to the buyer account."""
    if channel == Channel.EMAIL:
        return bool(account and account.strip())
    return usable_for_sms(phone)


def summarise(
    arms: Mapping[int, str],
    channel: Channel,
    phones: Mapping[int, str | None],
    accounts: Mapping[int, str | None] | None = None,
) -> OutreachSummary:
    counts = {arm: 0 for arm in ARMS}
    contactable = 0
    for buyer_id, arm in arms.items():
        counts[arm] += 1
        if arm != HOLDOUT and is_contactable(channel, phones.get(buyer_id), (accounts or {}).get(buyer_id)):
            contactable += 1
    return OutreachSummary(len(arms), counts[ARM_A], counts[ARM_B], counts[HOLDOUT], contactable)


def billed_parts(texts: Iterable[str]) -> int:
    """Total SMS parts a send of these rendered texts costs."""
    return sum(sms_parts(t) for t in texts)
