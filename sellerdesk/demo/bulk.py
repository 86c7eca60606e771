"""Big export files for benchmarks, written fast: no shop model, one f-string per row.

`write_taobao_orders_csv(path, rows, seed)`: a Taobao 订单报表 (GBK, the same
61 columns and cell tricks as the demo's) with `rows` orders and about
0.3 x rows buyers; a million rows take seconds, not minutes.
`write_taobao_suborders_xlsx(path, rows, seed)`: the 2024-25 千牛 sub-order
xlsx (columns A-W) with `rows` lines, via openpyxl's write-only mode.
Buyer fields are derived arithmetically from a buyer index (unique accounts,
stable names and addresses); statuses, refunds and money stay consistent
with each other the way the demo shop's are.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from itertools import accumulate
from pathlib import Path

from sellerdesk.demo.formats import quoted_csv_line, yuan
from sellerdesk.demo.pools import (
    CATALOGUE, ESTATES, GIVEN_CHARS, KITCHEN_SHOP, PHONE_PREFIXES, REGIONS, STREETS, SURNAMES, TEA_SHOP,
)
from sellerdesk.demo.seasons import day_weights
from sellerdesk.demo.shop_model import DEFAULT_TODAY, HISTORY_DAYS
from sellerdesk.demo.taobao_files import ORDER_HEADERS, SHOP_IDS

# (status text, paid, shipped, completed, refund kind) with weights out of 100.
_STATES = (
    ("交易成功", True, True, True, None, 80),
    ("交易成功", True, True, True, "partial", 3),
    ("交易关闭", True, False, False, "full", 3),
    ("交易关闭", False, False, False, None, 4),
    ("卖家已发货，等待买家确认", True, True, False, None, 5),
    ("买家已付款，等待卖家发货", True, False, False, None, 3),
    ("等待买家付款", False, False, False, None, 2),
)
_SUB_HEADERS = (
    "子订单编号", "主订单编号", "商品标题", "商品价格", "购买数量", "外部系统编号", "商品属性", "套餐信息", "联系方式备注",
    "订单状态", "商家编码", "买家应付货款", "买家实付金额", "退款状态", "退款金额", "订单创建时间", "订单付款时间", "商品ID",
    "商家备注", "主订单买家留言", "发货时间", "物流单号", "物流公司",
)


class _Pools:
    """Everything drawn per row, precomputed once."""

    def __init__(self, seed: int, rows: int, today: date):
        self.rng = random.Random(seed)
        self.buyers = max(1, rows * 3 // 10)
        self.surnames = [s for s, w in SURNAMES for _ in range(w)]
        self.given = [a + b for a in GIVEN_CHARS[:40] for b in ("",) + tuple(GIVEN_CHARS[40:70])]
        regions = [r for r in REGIONS for _ in range(max(1, r.weight // 5))]
        self.places = [
            (f"{r.short} {r.city}" if r.province == r.city else f"{r.province} {r.city}") + f" {d} "
            for r in regions for d in r.districts
        ]
        self.postcodes = [r.postcode for r in regions for _ in r.districts]
        self.items = [(entry.title, entry.code, f"{entry.spec_name}：{spec}", yuan_ * 100)
                      for entry in CATALOGUE for spec, yuan_ in entry.specs]
        self.item_weights = list(accumulate(e.weight for e in CATALOGUE for _ in e.specs))
        self.state_cum = list(accumulate(s[-1] for s in _STATES))
        self.start = datetime.combine(today - timedelta(days=HISTORY_DAYS - 1), datetime.min.time())
        self.day_cum = list(accumulate(day_weights(self.start.date(), HISTORY_DAYS)))

    def buyer(self, idx: int) -> tuple[str, str, str, str]:
        """(account, name, phone, address) of buyer idx, the same every time."""
        h = (idx * 2_654_435_761) % 9_000_000_000
        account = f"tb{1_000_000_000 + h}"
        name = self.surnames[h % len(self.surnames)] + self.given[(h // 7) % len(self.given)]
        phone = PHONE_PREFIXES[h % len(PHONE_PREFIXES)] + f"{(h * 7919) % 100_000_000:08d}"
        k = (h // 13) % len(self.places)
        address = (f"{self.places[k]}{STREETS[h % len(STREETS)]}{h % 399 + 1}号{ESTATES[h % len(ESTATES)]}"
                   f"{h % 30 + 1}栋{h % 4 + 1}单元{h % 33 + 1}0{h % 4 + 1}室({self.postcodes[k]}{h % 100:02d})")
        return account, name, phone, address

    def buyer_index(self, row: int) -> int:
        """Every buyer orders once; the rows beyond that go to a skewed few (repeat buyers)."""
        if row < self.buyers:
            return (row * 7_919) % self.buyers if self.buyers % 7_919 else row
        return int(self.buyers * self.rng.random() ** 2.2)


def _order_no(row: int) -> str:
    return str(2_100_000_000_000_000_000 + row * 9_973 + (row * 7_919) % 9_973)


def write_taobao_orders_csv(path: str | Path, rows: int, seed: int = 7, today: date | None = None) -> Path:
    """A Taobao 订单报表 with `rows` orders (GBK, CRLF, Taobao's quoting)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    p = _Pools(seed, rows, today or DEFAULT_TODAY)
    rng = p.rng
    days = rng.choices(range(HISTORY_DAYS), cum_weights=p.day_cum, k=rows)
    # strftime is slow: dates are a day table plus an hh:mm:ss table
    day_text = [(p.start + timedelta(days=i)).strftime("%Y-%m-%d ") for i in range(HISTORY_DAYS + 10)]
    clock = [f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}" for s in range(86_400)]
    states = [s for s in _STATES for _ in range(s[-1])]
    items = [p.items[i] for i in rng.choices(range(len(p.items)), cum_weights=p.item_weights, k=1000)]
    shops = [(KITCHEN_SHOP, SHOP_IDS[KITCHEN_SHOP], True), (TEA_SHOP, SHOP_IDS[TEA_SHOP], False)]
    rand, randrange = rng.random, rng.randrange
    tail = '"0","0元","","手机订单","",="","否","否","否","","","","","0.00","0.00","","","","","","",'
    with open(path, "wb") as f:
        f.write(quoted_csv_line(list(ORDER_HEADERS)).encode("gbk"))
        chunk: list[str] = []
        for row in range(rows):
            idx = p.buyer_index(row)
            account, name, phone, address = p.buyer(idx)
            shop, shop_id, masked = shops[idx % 7 == 0]
            if masked:
                name, phone = name[0] + "*" * min(len(name) - 1, 2), f"{phone[:3]}****{phone[-4:]}"
            status, paid, shipped, completed, refund_kind, _ = states[int(rand() * 100)]
            title, code, spec, price = items[int(rand() * 1000)]
            qty = 1 if rand() < 0.85 else 2
            goods = price * qty - (price * qty // 10 if rand() < 0.3 else 0)
            ship = 0 if goods >= 4900 else 800
            total = goods + ship
            day, sec = days[row], randrange(86_400)
            c_at = day_text[day] + clock[sec]
            if paid:
                sec += randrange(8, 1200)
                p_at = day_text[day + sec // 86_400] + clock[sec % 86_400]
            else:
                p_at = ""
            done = day_text[day + 8] + clock[sec % 86_400] if completed else ""
            refund = total if refund_kind == "full" else (goods // 3 if refund_kind == "partial" else 0)
            no = _order_no(row)
            tracking = f"78{row + 10**11}" if shipped or refund_kind == "full" and rand() < 0.5 else ""
            close = "订单未关闭" if status != "交易关闭" else ("退款" if paid else "买家未付款")
            settled = yuan(total - refund) if completed else "0.00"
            chunk.append(
                f'="{no}","{account}","{phone[:3]}****{phone[-4:]}","","","{yuan(goods)}","{yuan(ship)}","0",'
                f'"{yuan(total)}","0","{yuan(total if paid else 0)}","0","{status}","","{name}","{address}","快递",'
                f'"","\'{phone}","{c_at}","{p_at}","{title}","1","{tracking}","{"中通快递" if tracking else ""}","",'
                f'"{qty}","{shop_id}","{shop}","{close}",{tail}"{yuan(refund)}","","{done}","{settled}元",'
                f'"0.00","否","","","",="{no}"\r\n'
            )
            if len(chunk) >= 20_000:
                f.write("".join(chunk).encode("gbk"))
                chunk.clear()
        f.write("".join(chunk).encode("gbk"))
    return path


def write_taobao_suborders_xlsx(path: str | Path, rows: int, seed: int = 7, today: date | None = None) -> Path:
    """The 千牛 2024-25 sub-order xlsx (columns A-W) with `rows` lines."""
    from openpyxl import Workbook

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    p = _Pools(seed, rows, today or DEFAULT_TODAY)
    rng = p.rng
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Sheet1")
    ws.append(list(_SUB_HEADERS))
    row = order = 0
    while row < rows:
        lines = min(rows - row, 1 if rng.random() < 0.75 else rng.randint(2, 4))
        no = _order_no(order)
        status, paid, shipped, completed, refund_kind, _ = _STATES[
            rng.choices(range(len(_STATES)), cum_weights=p.state_cum)[0]]
        created = p.start + timedelta(days=rng.choices(range(HISTORY_DAYS), cum_weights=p.day_cum)[0],
                                      seconds=rng.randrange(86_400))
        c_at = created.strftime("%Y-%m-%d %H:%M:%S")
        p_at = (created + timedelta(seconds=rng.randrange(8, 1200))).strftime("%Y-%m-%d %H:%M:%S") if paid else None
        for k in range(lines):
            title, code, spec, price = p.items[rng.choices(range(len(p.items)), cum_weights=p.item_weights)[0]]
            qty = 1 if rng.random() < 0.85 else 2
            goods = price * qty
            refunded = refund_kind == "full" or (refund_kind == "partial" and k == 0 and lines > 1)
            ws.append([
                no if lines == 1 else str(int(no) + k + 1), no, title, price / 100, qty, None, spec, None, None,
                "交易关闭" if refunded else status, code, goods / 100, goods / 100 if paid else 0.0,
                "退款成功" if refunded else None, goods / 100 if refunded else 0.0, c_at, p_at,
                str(612_345_000_000 + price), None, None,
                (created + timedelta(days=1)).strftime("%Y-%m-%d %H:%M:%S") if shipped else None,
                f"78{row + 10**11}" if shipped else None, "中通快递" if shipped else None,
            ])
            row += 1
        order += 1
    wb.save(path)
    return path
