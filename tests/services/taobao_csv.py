"""A tiny writer of Taobao 订单报表 bytes exactly as the platform writes them (GBK, ="..." ids)."""

from pathlib import Path

HEADER = ["订单编号", "买家会员名", "买家应付货款", "买家实际支付金额", "订单状态", "收货人姓名", "收货地址 ",
          "联系手机", "订单创建时间", "订单付款时间 ", "宝贝标题 ", "宝贝总数量", "店铺名称", "退款金额",
          "打款商家金额"]


def row(no, nick, paid, status="交易成功", created="2025-11-11 00:05:00", paid_at=None, refund="0",
        name="王小明", phone="13812345678", shop="好物小店"):
    paid_at = created if paid_at is None else paid_at
    return [f'="{no}"', nick, paid, paid, status, name, "广东省 广州市 天河区 某路1号(510000)", f"'{phone}",
            created, paid_at, "铸铁锅", "1", shop, refund, f"{paid}元"]


def write(path: Path, rows, encoding="gbk") -> Path:
    def quote(cell: str) -> str:
        return cell if cell.startswith("=") else '"' + cell.replace('"', '""') + '"'

    lines = [",".join(quote(c) for c in HEADER)] + [",".join(quote(c) for c in r) for r in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path
