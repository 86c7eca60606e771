"""Made-up people and numbers for the demo shop: names, phones, accounts, addresses, ids.

Every value is drawn from the caller's random.Random, so a seed gives the same
people. Sets are used for membership only (never iterated), which keeps the
output independent of string hashing.
"""

from __future__ import annotations

import hashlib
import random
from datetime import datetime
from itertools import accumulate

from sellerdesk.demo.pools import (
    COMPANY_CITIES, COMPANY_KINDS, COMPANY_WORDS, ESTATES, GIVEN_CHARS, KITCHEN_SHOP, LATIN_NICKS, NICK_NOUNS,
    NICK_WORDS, PHONE_PREFIXES, REGIONS, STREETS, SURNAMES,
)
from sellerdesk.domain.masking import mask_name, mask_phone


class NameMaker:
    """Buyers with names, phones, platform accounts and addresses."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self._surnames = [s for s, _ in SURNAMES]
        self._surname_cum = list(accumulate(w for _, w in SURNAMES))
        self._region_cum = list(accumulate(r.weight for r in REGIONS))
        self._accounts: set[str] = set()

    def name(self) -> str:
        rng = self.rng
        surname = rng.choices(self._surnames, cum_weights=self._surname_cum)[0]
        given = rng.choice(GIVEN_CHARS)
        if rng.random() < 0.7:
            given += rng.choice(GIVEN_CHARS)
        return surname + given

    def phone(self) -> str:
        return self.rng.choice(PHONE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"

    def buyer(self, buyer_id: int, platform: str, segment: str, shop: str):
        from sellerdesk.demo.shop_model import Buyer

        rng = self.rng
        region = rng.choices(REGIONS, cum_weights=self._region_cum)[0]
        street = (f"{rng.choice(STREETS)}{rng.randint(1, 399)}号{rng.choice(ESTATES)}"
                  f"{rng.randint(1, 30)}栋{rng.randint(1, 4)}单元{rng.randint(1, 33)}{rng.randint(1, 4):02d}室")
        name = self.name()
        company = None
        if platform == "1688":
            company = f"{rng.choice(COMPANY_CITIES)}{rng.choice(COMPANY_WORDS)}{rng.choice(COMPANY_KINDS)}"
        return Buyer(
            id=buyer_id, platform=platform, segment=segment, shop=shop,
            account=self._account(platform, company),
            name=name, phone=self.phone(), region=region, district=rng.choice(region.districts),
            street=street, postcode=f"{region.postcode}{rng.randint(0, 99):02d}",
            hides_phone=platform == "pdd" and rng.random() < 0.25, company=company,
        )

    def _account(self, platform: str, company: str | None) -> str | None:
        if platform in ("pdd", "douyin"):
            return None  # these exports carry no buyer account
        for _ in range(1000):
            account = self._new_account(platform, company)
            if account not in self._accounts:
                self._accounts.add(account)
                return account
        raise RuntimeError("ran out of demo account names")

    def _new_account(self, platform: str, company: str | None) -> str:
        rng = self.rng
        style = rng.random()
        if platform == "1688":
            return f"{company[:2]}{company[2:4]}{rng.choice(('百货', '商行', '贸易', '采购'))}{rng.randint(1, 999)}"
        if platform == "jd":
            if style < 0.55:
                return "jd_" + "".join(rng.choice("0123456789abcdef") for _ in range(13))
            return f"{rng.choice(LATIN_NICKS)}{rng.randint(1970, 2009)}{rng.randint(0, 99):02d}"
        if style < 0.4:
            return f"tb{rng.randrange(10**8, 10**10)}"
        if style < 0.7:
            suffix = "" if rng.random() < 0.4 else str(rng.randint(1, 9999))
            return f"{rng.choice(NICK_WORDS)}{rng.choice(NICK_NOUNS)}{suffix}"
        return f"{rng.choice(LATIN_NICKS)}_{rng.randint(1, 99999)}"


def cipher(seed: int, buyer_id: int) -> str:
    """A stable stand-in for Douyin's encrypted receiver fields."""
    return hashlib.sha256(f"sellerdesk-demo:{seed}:{buyer_id}".encode()).hexdigest().upper()


def written_receiver(platform: str, shop: str, buyer) -> tuple[str | None, str | None]:
    """(name, phone) as the platform's export shows them, after cell cleaning.

    Taobao: the kitchen shop has no decryption rights (masked), the tea shop
    shows full values; JD masks; Pinduoduo shows the name and a masked phone,
    or hides the phone as a lone tab; Douyin encrypts both; 1688 (business
    buyers) shows full values.
    """
    if platform == "taobao":
        if shop == KITCHEN_SHOP:
            return mask_name(buyer.name), mask_phone(buyer.phone)
        return buyer.name, buyer.phone
    if platform == "jd":
        return mask_name(buyer.name), mask_phone(buyer.phone)
    if platform == "pdd":
        return buyer.name, None if buyer.hides_phone else mask_phone(buyer.phone)
    if platform == "douyin":
        return "##" + buyer.cipher[:24], "$$" + buyer.cipher[24:48]
    return buyer.name, buyer.phone


class IdMaker:
    """Order, sub-order, refund and tracking numbers, unique within the shop."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self._used: set[str] = set()

    def _unique(self, lo: int, hi: int, prefix: str = "") -> str:
        while True:
            value = f"{prefix}{self.rng.randrange(lo, hi)}"
            if value not in self._used:
                self._used.add(value)
                return value

    def order_no(self, platform: str, created: datetime) -> str:
        if platform == "taobao":
            return self._unique(2_000_000_000_000_000_000, 4_999_999_999_999_999_999)
        if platform == "jd":
            return self._unique(280_000_000_000, 330_000_000_000)
        if platform == "pdd":
            return self._unique(10**14, 10**15, prefix=f"{created:%y%m%d}-")
        if platform == "douyin":
            return self._unique(6_900_000_000_000_000_000, 6_999_999_999_999_999_999)
        return self._unique(1_800_000_000_000_000_000, 2_500_000_000_000_000_000)

    def sub_order_no(self, platform: str, order_no: str, k: int) -> str:
        if platform in ("taobao", "douyin"):
            return self._unique(int(order_no[:4] + "0" * 15), int(order_no[:4] + "9" * 15))
        return f"{order_no}-{k + 1}"

    def refund_no(self) -> str:
        return self._unique(100_000_000_000_000_000, 300_000_000_000_000_000)

    def tracking_no(self, prefix: str) -> str:
        return self._unique(10**11, 10**12, prefix=prefix)
