"""Real-shaped Taobao order reports (订单报表) for the UI tests: GBK, ="..." order numbers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

HEADERS = ["订单编号", "买家会员名", "买家实际支付金额", "订单状态", "收货人姓名", "收货地址", "联系手机",
           "订单创建时间", "订单付款时间", "退款金额"]
SUCCESS, WAITING, CLOSED = "交易成功", "买家已付款，等待卖家发货", "交易关闭"


@dataclass
class Order:
    no: int
    buyer: str
    paid: str = "99.00"
    status: str = SUCCESS
    refund: str = "0.00"
    created: str = "2025-11-11 10:00:00"

    def cells(self) -> list[str]:
        paid_at = "" if self.status == CLOSED and self.refund == "0.00" else self.created
        return [f'="{3515000000000000000 + self.no}"', self.buyer, self.paid, self.status, "王小明",
                "浙江省 杭州市 西湖区 文三路100号", "'13812341234", self.created, paid_at, self.refund]


def write_taobao_csv(path: Path, orders: list[Order], *, extra_lines: list[str] = ()) -> Path:
    lines = [",".join(HEADERS)] + [",".join(o.cells()) for o in orders] + list(extra_lines)
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))
    return path


def small_shop_orders() -> list[Order]:
    """5 orders, 3 buyers: tb_alice twice (a repeat buyer), one closed order, one partial refund."""
    return [
        Order(1, "tb_alice", "120.00", created="2025-11-01 09:00:00"),
        Order(2, "tb_alice", "80.50", created="2025-11-11 00:05:00"),
        Order(3, "tb_bob", "59.90", WAITING, created="2025-11-11 20:00:00"),
        Order(4, "tb_carol", "200.00", SUCCESS, refund="50.00", created="2025-11-12 12:00:00"),
        Order(5, "tb_carol", "35.00", CLOSED, created="2025-11-13 18:30:00"),
    ]


def big_order_list(n: int) -> list[Order]:
    return [Order(100 + i, f"tb_buyer_{i % 5000}", f"{10 + i % 300}.00",
                  created=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d} 10:00:00") for i in range(n)]
