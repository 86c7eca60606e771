"""A deterministic demo shop: buyers, items and two years of orders, in plain Python.

`build_shop_model(buyers, seed, today)` draws everything from one
random.Random(seed) and no clock, so the same arguments give the same shop.
The shop sells kitchenware and tea: two Taobao shops (厨具旗舰店, 茶舍) and
one shop each on JD, Pinduoduo, Douyin and 1688 (wholesale). Buyers come as
one-time buyers (the long tail), repeat buyers on a repurchase cycle, loyal
big spenders and dormant high-value buyers (bought a lot, more than ten
months ago); orders crowd around 618, 11.11, 12.12 and 年货节.

The model says what each platform's export can show: JD and 1688 order
exports carry no refunds, so the model gives those orders none; Pinduoduo
shows only full refunds (by status); Douyin shows refunds without amounts.
"""

from __future__ import annotations

import bisect
import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sellerdesk.demo import lifecycle, people
from sellerdesk.demo.pools import CATALOGUE, GIFT_CODES, KITCHEN_SHOP, SHOP_BY_PLATFORM, TEA_SHOP
from sellerdesk.demo.seasons import HOUR_WEIGHTS, PEAK_HOUR_WEIGHTS, day_weights, festival_factor, peak_days
from sellerdesk.domain.orders import OrderStatus, RefundState, RefundStatus, buyer_key

DEFAULT_TODAY = date(2025, 12, 20)
HISTORY_DAYS = 731
DORMANT_AFTER_DAYS = 300  # dormant buyers have not bought for at least this long
PLATFORMS = (("taobao", 58), ("jd", 15), ("pdd", 14), ("douyin", 10), ("1688", 3))
SEGMENTS = (("one_time", 60), ("repeat", 28), ("loyal", 6), ("dormant", 6))
SEGMENTS_1688 = (("one_time", 25), ("repeat", 50), ("loyal", 20), ("dormant", 5))


@dataclass(slots=True)
class Item:
    """One SKU: a catalogue product in one spec."""

    ids: dict[str, str]  # platform -> item id on that platform
    code: str  # product-level merchant code (商家编码-商品维度)
    sku: str  # spec-level merchant code (商家编码 / 商家编码-规格维度)
    title: str
    spec_name: str
    spec: str
    price_fen: int  # list unit price
    category: str
    shop: str  # the Taobao shop that sells it
    unit: str
    weight: int

    @property
    def spec_text(self) -> str:
        return f"{self.spec_name}：{self.spec}"


@dataclass(slots=True)
class Buyer:
    id: int
    platform: str
    segment: str  # one_time | repeat | loyal | dormant
    shop: str  # home shop
    account: str | None  # platform account; None where the export has none (PDD, Douyin)
    name: str
    phone: str
    region: object  # pools.Region
    district: str
    street: str
    postcode: str
    hides_phone: bool = False  # Pinduoduo: the phone cell is a lone tab
    company: str | None = None  # 1688 buyers are businesses
    likes_tea: bool = False
    cipher: str = ""  # Douyin: stable encrypted receiver placeholder


@dataclass(slots=True)
class Line:
    line_no: str  # sub-order number
    item: Item
    quantity: int
    unit_fen: int  # list unit price as the export shows it (1688: the wholesale price)
    amount_fen: int = 0  # what the buyer paid for the line (after discounts, without shipping)
    gift: bool = False
    refund_fen: int = 0  # successful refunds on this line
    closed: bool = False  # the whole line was refunded (its status reads closed)
    after_sale: str | None = None  # None | 'success' | 'closed' | 'pending' (per platform wording)

    @property
    def list_fen(self) -> int:
        return self.unit_fen * self.quantity


@dataclass(slots=True)
class RefundCase:
    """One refund request on one line (a 退款报表 row)."""

    refund_no: str
    line: Line
    amount_fen: int
    status: RefundStatus
    status_text: str
    reason: str
    applied_at: datetime
    finished_at: datetime | None
    after_sale: bool  # 售后 (after shipping) or 售中
    returned: bool  # goods sent back


@dataclass(slots=True)
class Order:
    platform: str
    order_no: str
    shop: str
    buyer: Buyer
    created_at: datetime
    lines: list[Line]
    shipping_fen: int = 0
    discount_fen: int = 0  # list price total - goods
    platform_discount_fen: int = 0  # the part of discount_fen the platform pays for
    paid_at: datetime | None = None
    shipped_at: datetime | None = None
    finished_at: datetime | None = None
    status: OrderStatus = OrderStatus.UNPAID
    refund_state: RefundState = RefundState.NONE
    refunds: list[RefundCase] = field(default_factory=list)
    carrier: str | None = None
    tracking_no: str | None = None
    close_reason: str | None = None
    note: str | None = None  # seller memo (JD split parents name their children here)
    split_status: OrderStatus | None = None  # JD (删除) parent: the state it was frozen in
    message: str | None = None  # buyer's message

    @property
    def list_fen(self) -> int:
        return sum(ln.list_fen for ln in self.lines)

    @property
    def goods_fen(self) -> int:
        return sum(ln.amount_fen for ln in self.lines)

    @property
    def total_fen(self) -> int:
        return self.goods_fen + self.shipping_fen

    @property
    def paid_fen(self) -> int:
        """Buyer-paid amount; 0 for orders never paid."""
        return self.total_fen if self.paid_at else 0

    @property
    def refund_fen(self) -> int:
        return sum(r.amount_fen for r in self.refunds if r.status == RefundStatus.SUCCESS)

    @property
    def quantity(self) -> int:
        return sum(ln.quantity for ln in self.lines)

    def receiver(self) -> tuple[str | None, str | None]:
        """(name, phone) as this platform's export shows them, after cell cleaning."""
        return people.written_receiver(self.platform, self.shop, self.buyer)

    def buyer_key(self) -> str | None:
        name, phone = self.receiver()
        return buyer_key(self.buyer.account, name, phone)


@dataclass
class ShopModel:
    seed: int
    today: date
    items: list[Item]
    buyers: list[Buyer]
    orders: list[Order]  # newest first, as back ends export them

    @property
    def export_time(self) -> datetime:
        return datetime.combine(self.today, lifecycle.EXPORT_TIME)

    def orders_of(self, platform: str, shop: str | None = None) -> list[Order]:
        return [o for o in self.orders if o.platform == platform and (shop is None or o.shop == shop)]


def build_shop_model(buyers: int = 2000, seed: int = 7, today: date | None = None) -> ShopModel:
    """The demo shop for `buyers` buyers, ending on `today` (default DEFAULT_TODAY)."""
    return _Generator(seed, today or DEFAULT_TODAY).run(buyers)


class _Generator:
    def __init__(self, seed: int, today: date):
        self.rng = random.Random(seed)
        self.seed = seed
        self.today = today
        self.now = datetime.combine(today, lifecycle.EXPORT_TIME)
        self.start = today - timedelta(days=HISTORY_DAYS - 1)
        weights = day_weights(self.start, HISTORY_DAYS)
        self.cum: list[float] = []
        total = 0.0
        for w in weights:
            total += w
            self.cum.append(total)
        self.peaks = peak_days(self.start, today)
        self.ids = people.IdMaker(self.rng)
        self.items = _items()
        self.by_category = {c: [i for i in self.items if i.category == c] for c in ("kitchen", "tea", "textile")}
        self.by_shop = {s: [i for i in self.items if i.shop == s] for s in (KITCHEN_SHOP, TEA_SHOP)}
        self.gifts = [i for i in self.items if i.code in GIFT_CODES and i.spec in ("一双", "混色")]
        self.orders: list[Order] = []

    def run(self, n_buyers: int) -> ShopModel:
        names = people.NameMaker(self.rng)
        buyers = [self._buyer(i + 1, names) for i in range(n_buyers)]
        for buyer in buyers:
            for day in self._order_days(buyer):
                self._order(buyer, day)
        self.orders.sort(key=lambda o: (o.created_at, o.order_no), reverse=True)
        return ShopModel(self.seed, self.today, self.items, buyers, self.orders)

    # --- buyers -----------------------------------------------------------------------

    def _buyer(self, buyer_id: int, names: people.NameMaker) -> Buyer:
        rng = self.rng
        platform = _pick(rng, PLATFORMS)
        segment = _pick(rng, SEGMENTS_1688 if platform == "1688" else SEGMENTS)
        if platform == "taobao":
            shop = TEA_SHOP if rng.random() < 0.35 else KITCHEN_SHOP
        else:
            shop = SHOP_BY_PLATFORM[platform]
        buyer = names.buyer(buyer_id, platform, segment, shop)
        buyer.likes_tea = shop == TEA_SHOP or (platform != "taobao" and rng.random() < 0.25)
        buyer.cipher = people.cipher(self.seed, buyer_id)
        return buyer

    def _order_days(self, buyer: Buyer) -> list[date]:
        rng, today, start = self.rng, self.today, self.start
        if buyer.segment == "one_time":
            return [self._day(start, today)]
        cycle = rng.uniform(40, 80) if buyer.likes_tea else rng.uniform(70, 160)
        if buyer.segment == "repeat":
            n_max, first_end, last = rng.randint(2, 7), today - timedelta(days=int(cycle)), today
        elif buyer.segment == "loyal":
            cycle = rng.uniform(18, 45)
            n_max, last = rng.randint(6, 18), today
            first_end = today - timedelta(days=int(cycle * 5))
        else:  # dormant: bought a lot, then stopped
            cycle = rng.uniform(25, 70)
            last = today - timedelta(days=DORMANT_AFTER_DAYS + rng.randint(0, 90))
            n_max, first_end = rng.randint(3, 9), start + timedelta(days=150)
        first_end = max(min(first_end, last), start)
        days = [self._day(start, first_end)]
        while len(days) < n_max:
            nxt = days[-1] + timedelta(days=round(cycle * rng.uniform(0.6, 1.5)))
            peak = next((p for p in self.peaks if nxt - timedelta(days=5) <= p <= nxt + timedelta(days=25)), None)
            if peak is not None and rng.random() < 0.35:
                nxt = peak - timedelta(days=rng.choice((0, 0, 0, 1, 2)))
            if nxt > last:
                break
            if buyer.segment == "repeat" and len(days) >= 2 and rng.random() < 0.15:
                break  # churned
            days.append(nxt)
        return days

    def _day(self, lo: date, hi: date) -> date:
        """A day in [lo, hi], drawn by how busy each day is."""
        i0 = max((lo - self.start).days, 0)
        i1 = min((hi - self.start).days, HISTORY_DAYS - 1)
        base = self.cum[i0 - 1] if i0 > 0 else 0.0
        u = self.rng.uniform(base, self.cum[i1])
        return self.start + timedelta(days=min(bisect.bisect_left(self.cum, u, i0, i1 + 1), i1))

    # --- orders -----------------------------------------------------------------------

    def _order(self, buyer: Buyer, day: date) -> None:
        rng = self.rng
        big_day = festival_factor(day) >= 8
        hour = _pick_index(rng, PEAK_HOUR_WEIGHTS if big_day else HOUR_WEIGHTS)
        created = datetime.combine(day, time(hour, rng.randrange(60), rng.randrange(60)))
        if created > self.now - timedelta(minutes=5):
            created = self.now - timedelta(minutes=rng.randint(5, 600))
        shop = buyer.shop
        if buyer.platform == "taobao" and buyer.segment != "one_time" and rng.random() < 0.08:
            shop = TEA_SHOP if shop == KITCHEN_SHOP else KITCHEN_SHOP
        order = Order(buyer.platform, self.ids.order_no(buyer.platform, created), shop, buyer, created, [])
        self._basket(order, buyer, shop)
        self._price(order, day)
        lifecycle.run(order, self.rng, self.now, self.ids, self.gifts)
        self.orders.append(order)
        if buyer.platform == "jd" and len(order.lines) >= 2 and order.paid_at and rng.random() < 0.15:
            self.orders.extend(lifecycle.split_jd(order, self.rng, self.now, self.ids))

    def _basket(self, order: Order, buyer: Buyer, shop: str) -> None:
        rng = self.rng
        if buyer.platform == "taobao":
            pool = self.by_shop[shop]
        elif buyer.likes_tea and rng.random() < 0.8:
            pool = self.by_category["tea"]
        else:
            pool = self.by_category["kitchen"] + self.by_category["textile"]
        big = buyer.segment in ("loyal", "dormant")
        if buyer.platform == "pdd":
            n_lines = 1  # a Pinduoduo order holds one SKU
        elif buyer.platform == "1688":
            n_lines = rng.choice((1, 1, 2, 2, 3, 4, 5))
        else:
            n_lines = rng.choices((1, 2, 3, 4), (55, 25, 12, 8) if big else (75, 19, 5, 1))[0]
        chosen: list[Item] = []
        weights = [i.weight * (3 if big and i.price_fen >= 15000 else 1) for i in pool]
        for _ in range(n_lines * 3):
            item = rng.choices(pool, weights)[0]
            if item not in chosen:
                chosen.append(item)
            if len(chosen) == n_lines:
                break
        lines = []
        for item in chosen:
            if buyer.platform == "1688":
                qty, unit = rng.choice((5, 10, 10, 20, 30, 50)), item.price_fen * 55 // 100
            else:
                qty = rng.choices((1, 2, 3, 5), (60, 25, 10, 5) if big else (86, 11, 3, 0))[0]
                unit = item.price_fen
            lines.append(Line("", item, qty, unit))
        if buyer.platform == "douyin" and rng.random() < 0.2:
            gift = rng.choice(self.gifts)
            if gift not in chosen:
                lines.append(Line("", gift, 1, 0, gift=True))
        for k, line in enumerate(lines):
            single = len(lines) == 1
            line.line_no = order.order_no if single else self.ids.sub_order_no(order.platform, order.order_no, k)
        order.lines = lines

    def _price(self, order: Order, day: date) -> None:
        """Discounts, line amounts and shipping, in integer fen."""
        rng = self.rng
        if order.platform == "1688":  # wholesale: a negotiated discount (涨价或折扣) and freight
            gross = order.list_fen
            order.discount_fen = gross * rng.choice((2, 3, 5)) // 10000 * 100 if rng.random() < 0.3 else 0
            _allocate(order, gross - order.discount_fen)
            order.shipping_fen = rng.choice((1000, 1500, 2000, 3000, 5000))
            return
        list_fen = order.list_fen
        discount = 0
        if festival_factor(day) >= 2.0:
            if rng.random() < 0.5:
                discount = list_fen // 30000 * 4000  # 每满300减40
            if discount == 0:
                discount = list_fen * rng.choice((5, 10, 15, 20)) // 100
        elif rng.random() < 0.3:
            coupon = rng.choice((300, 500, 1000, 2000))
            if coupon * 3 <= list_fen:
                discount = coupon
        order.discount_fen = discount
        if order.platform in ("pdd", "douyin") and discount:
            order.platform_discount_fen = discount * rng.choice((0, 20, 30, 50)) // 100
        _allocate(order, list_fen - discount)
        if order.platform != "douyin" and list_fen < 4900 and rng.random() < 0.6:
            order.shipping_fen = rng.choice((500, 600, 800, 1000))


def _allocate(order: Order, goods: int) -> None:
    """Spread the order's goods amount over its lines by list price (gifts get 0)."""
    paying = [ln for ln in order.lines if not ln.gift]
    basis = [ln.list_fen for ln in paying]
    total = sum(basis) or 1
    left = goods
    for ln, b in zip(paying[:-1], basis[:-1]):
        ln.amount_fen = goods * b // total
        left -= ln.amount_fen
    paying[-1].amount_fen = left


def _items() -> list[Item]:
    items = []
    for p, entry in enumerate(CATALOGUE):
        shop = TEA_SHOP if entry.category == "tea" else KITCHEN_SHOP
        for s, (spec, yuan) in enumerate(entry.specs):
            n = p * 10 + s
            items.append(Item(
                ids={
                    "taobao": str(612_345_000_000 + p * 1_117_393),
                    "jd": str(100_012_000_000 + n * 93_127),
                    "pdd": str(402_310_000 + p * 77_311),
                    "douyin": str(3_561_278_000_000_000_000 + p * 918_273_645),
                    "1688": str(612_000_000_000 + p * 3_141_593),
                },
                code=entry.code, sku=f"{entry.code}-{s + 1:02d}", title=entry.title, spec_name=entry.spec_name,
                spec=spec, price_fen=yuan * 100, category=entry.category, shop=shop, unit=entry.unit,
                weight=entry.weight,
            ))
    return items


def _pick(rng: random.Random, choices: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([c for c, _ in choices], [w for _, w in choices])[0]


def _pick_index(rng: random.Random, weights: tuple[int, ...]) -> int:
    return rng.choices(range(len(weights)), weights)[0]
