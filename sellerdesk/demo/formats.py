"""Small formatting helpers shared by the demo's export writers."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sellerdesk.domain.money import format_fen
from sellerdesk.domain.orders import OrderStatus


yuan = format_fen  # 12345 -> '123.45', the plain form every export uses


def yuan_grouped(fen: int) -> str:
    """123456 -> '1,234.56' (Pinduoduo's 商家实收金额)."""
    sign = "-" if fen < 0 else ""
    q, r = divmod(abs(fen), 100)
    return f"{sign}{q:,}.{r:02d}"


def yuan_number(fen: int) -> float:
    """A spreadsheet number; exact through repr for two decimals."""
    return round(fen / 100, 2)


def ts(value: datetime | None) -> str:
    return "" if value is None else value.strftime("%Y-%m-%d %H:%M:%S")


def quoted_csv_line(cells: list[str], trailing_comma: bool = False) -> str:
    """Every cell wrapped in quotes (Taobao's style); CRLF line end."""
    line = ",".join('"' + c.replace('"', '""') + '"' for c in cells)
    return line + ("," if trailing_comma else "") + "\r\n"


def excel_text(value: str) -> str:
    """Taobao's ="..." trick that keeps long numbers as text in Excel (written unquoted)."""
    return f'="{value}"'


def taobao_address(buyer) -> str:
    """'广东省 广州市 天河区 人民路12号...(510630)'; municipalities '上海 上海市 浦东新区 ...'."""
    r = buyer.region
    head = f"{r.short} {r.city}" if r.province == r.city else f"{r.province} {r.city}"
    return f"{head} {buyer.district} {buyer.street}({buyer.postcode})"


def jd_address(buyer) -> str:
    """'江西南昌市青山湖区...': short province, no spaces; '上海浦东新区...' for municipalities."""
    r = buyer.region
    city = "" if r.province == r.city else r.city
    return f"{r.short}{city}{buyer.district}{buyer.street}"


def write_text(path: Path, lines, encoding: str, bom: bool = False) -> None:
    """Write lines (str) in chunks; GBK/UTF-8 with an optional BOM."""
    with open(path, "wb") as f:
        if bom:
            f.write("\ufeff".encode("utf-8"))
        chunk: list[str] = []
        for line in lines:
            chunk.append(line)
            if len(chunk) >= 5000:
                f.write("".join(chunk).encode(encoding))
                chunk.clear()
        if chunk:
            f.write("".join(chunk).encode(encoding))


def line_status_is_closed(order, line) -> bool:
    """A line reads closed when the whole order closed or the line was refunded in full."""
    return order.status == OrderStatus.CLOSED or line.closed
