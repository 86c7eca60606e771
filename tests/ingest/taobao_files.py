"""Real-shaped Taobao/Tmall export files, written the way the platform writes them.

CSV (订单报表, 宝贝报表): GBK, no BOM, CRLF, every cell double-quoted, order
numbers as `="..."`, 联系手机 with a leading `'`, 特权订金订单id as `=""`, header
cells with the trailing spaces of the real header, and a trailing comma on
every data row of the item report. `excel=True` writes what Excel makes of the
same file on "save as CSV UTF-8": a BOM, minimal quoting, no formula or
apostrophe tricks, and dates as 2025/11/11 20:00.

Spreadsheets (sub-order xlsx, refund report) are written with openpyxl, typed
as an export would be: numbers as numbers, dates as datetimes.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

from sellerdesk.domain.orders import OrderBatch

from sellerdesk.ingest.layout import RowSink
from sellerdesk.ingest.table import open_table

# The 61-column order report; headers with their trailing spaces as exported.
ORDER_HEADERS_61 = [
    "订单编号", "买家会员名", "买家支付宝账号", "支付单号", "支付详情", "买家应付货款", "买家应付邮费",
    "买家支付积分", "总金额", "返点积分", "买家实际支付金额", "买家实际支付积分", "订单状态", "买家留言",
    "收货人姓名", "收货地址 ", "运送方式", "联系电话 ", "联系手机", "订单创建时间", "订单付款时间 ",
    "宝贝标题 ", "宝贝种类 ", "物流单号 ", "物流公司", "订单备注", "宝贝总数量", "店铺Id", "店铺名称",
    "订单关闭原因", "卖家服务费", "买家服务费", "发票抬头", "是否手机订单", "分阶段订单信息", "特权订金订单id",
    "是否上传合同照片", "是否上传小票", "是否代付", "定金排名", "修改后的sku", "修改后的收货地址", "异常信息",
    "天猫卡券抵扣", "集分宝抵扣", "是否是O2O交易", "新零售交易类型", "新零售导购门店名称", "新零售导购门店id",
    "新零售发货门店名称", "新零售发货门店id", "退款金额", "预约门店", "确认收货时间", "打款商家金额",
    "含应开票给个人的个人红包", "是否信用购", "体验期结束时间", "前N有礼", "配送类型", "主订单编号",
]
_NEW_RETAIL = {"新零售交易类型", "新零售导购门店名称", "新零售导购门店id", "新零售发货门店名称", "新零售发货门店id"}
# The 2017 cut: no 支付单号/支付详情, no 新零售 block, ends at 退款金额, 预约门店.
ORDER_HEADERS_46 = [
    h for h in ORDER_HEADERS_61[: ORDER_HEADERS_61.index("预约门店") + 1]
    if h not in ("支付单号", "支付详情") and h not in _NEW_RETAIL
]
assert len(ORDER_HEADERS_61) == 61 and len(ORDER_HEADERS_46) == 46

ITEM_HEADERS = ["订单编号", "标题", "价格", "购买数量", "外部系统编号", "商品属性", "套餐信息", "备注", "订单状态", "商家编码"]

SUBORDER_HEADERS = [
    "子订单编号", "主订单编号", "商品标题", "商品价格", "购买数量", "外部系统编号", "商品属性", "套餐信息",
    "联系方式备注", "订单状态", "商家编码", "买家应付货款", "买家实付金额", "退款状态", "退款金额", "订单创建时间",
    "订单付款时间", "商品ID", "商家备注", "主订单买家留言", "发货时间", "物流单号", "物流公司",
]

REFUND_HEADERS_42 = [
    "订单编号", "退款编号", "支付宝交易号", "订单付款时间", "商品编码", "退款完结时间", "买家实际支付金额", "宝贝标题",
    "买家退款金额", "手工退款/系统退款", "是否需要退货", "退款的申请时间", "超时时间", "退款状态", "货物状态",
    "退货物流信息", "发货物流信息", "客服介入状态", "卖家真实姓名", "卖家真实姓名新", "卖家退货地址", "卖家邮编",
    "卖家电话", "卖家手机", "退货物流单号", "退货物流公司", "买家退款原因", "买家退款说明", "买家退货时间", "责任方",
    "售中或售后", "商家备注", "完结时间", "部分退款/全部退款", "审核操作人", "举证超时", "是否零秒响应", "退款操作人",
    "退款原因标签", "业务类型", "是否帮他退款", "帮他退款操作账号",
]
assert len(REFUND_HEADERS_42) == 42
# Older cut: 买家会员名称 after 退款完结时间, 商家编码 for 商品编码.
REFUND_HEADERS_OLD = [
    "商家编码" if h == "商品编码" else h for h in REFUND_HEADERS_42[:6]
] + ["买家会员名称"] + REFUND_HEADERS_42[6:33]
# The 2024 cut.
REFUND_HEADERS_2024 = [
    "订单编号", "退款编号", "支付宝交易号", "支付单号", "订单付款时间", "商品id", "商家编码", "宝贝标题",
    "买家实际支付金额", "退款申请时间", "退款完结时间", "退款状态", "退款总额", "退给买家金额", "退给平台金额",
    "售后类型", "货物状态", "买家退款原因", "买家退款说明",
]

ORDER_NO = "35153131473293579"

# A paid, completed order as the 2017 rows show it. Keys are stripped header names.
ORDER_ROW = {
    "订单编号": ORDER_NO, "买家会员名": "tb_nick", "买家支付宝账号": "buyer@example.com",
    "买家应付货款": "201.12", "买家应付邮费": "0.00", "买家支付积分": "0", "总金额": "201.12", "返点积分": "0",
    "买家实际支付金额": "201.12", "买家实际支付积分": "0", "订单状态": "交易成功", "收货人姓名": "张三",
    "收货地址": "广东省 广州市 越秀区 黄花岗街道先烈中路100号(510180)", "运送方式": "快递",
    "联系手机": "13925130165", "订单创建时间": "2025-11-11 20:00:00", "订单付款时间": "2025-11-11 20:00:05",
    "宝贝标题": "不粘锅炒锅家用", "宝贝种类": "1", "物流单号": "No:YT1234567890", "物流公司": "圆通速递",
    "宝贝总数量": "1", "店铺名称": "小铺", "订单关闭原因": "订单未关闭", "卖家服务费": "0", "买家服务费": "0元",
    "是否手机订单": "手机订单", "退款金额": "0.00", "打款商家金额": "201.12元",
}

_ID_COLUMNS = frozenset({"订单编号", "主订单编号", "特权订金订单id"})
_PHONE_COLUMNS = frozenset({"联系手机"})


def order_row(**changes: str) -> dict[str, str]:
    return {**ORDER_ROW, **changes}


def _excel_date(text: str) -> str:
    """'2025-11-05 09:03:07' -> '2025/11/5 9:03', as Excel re-saves a date cell."""
    try:
        dt = datetime.fromisoformat(text)
    except ValueError:
        return text
    return f"{dt.year}/{dt.month}/{dt.day} {dt.hour}:{dt.minute:02d}"


def taobao_csv_text(headers: list[str], rows: list[dict], *, trailing_comma: bool = False) -> str:
    """The text of a CSV as Taobao writes it (before GBK encoding)."""
    lines = [",".join(f'"{h}"' for h in headers)]
    for row in rows:
        cells = []
        for h in headers:
            name = h.strip()
            value = str(row.get(name, ""))
            if name in _ID_COLUMNS:
                cells.append(f'="{value}"')
            elif name in _PHONE_COLUMNS and value:
                cells.append(f"\"'{value}\"")
            else:
                cells.append('"' + value.replace('"', '""') + '"')
        lines.append(",".join(cells) + ("," if trailing_comma else ""))
    return "\r\n".join(lines) + "\r\n"


def excel_csv_text(headers: list[str], rows: list[dict], *, trailing_comma: bool = False) -> str:
    """The same table after Excel's "save as CSV UTF-8": minimal quoting, Excel dates."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers + ([""] if trailing_comma else []))
    for row in rows:
        values = [_excel_date(str(row.get(h.strip(), ""))) for h in headers]
        writer.writerow(values + ([""] if trailing_comma else []))
    return out.getvalue()


def write_csv(
    path: Path,
    headers: list[str],
    rows: list[dict],
    *,
    excel: bool = False,
    trailing_comma: bool = False,
) -> Path:
    if excel:
        path.write_bytes(b"\xef\xbb\xbf" + excel_csv_text(headers, rows, trailing_comma=trailing_comma).encode("utf-8"))
    else:
        path.write_bytes(taobao_csv_text(headers, rows, trailing_comma=trailing_comma).encode("gbk"))
    return path


def write_orders(path: Path, rows: list[dict], headers: list[str] = ORDER_HEADERS_61, **kw) -> Path:
    return write_csv(path, headers, rows, **kw)


def item_row(order_no: str = ORDER_NO, **changes: str) -> dict[str, str]:
    row = {
        "订单编号": order_no, "标题": "不粘锅炒锅家用", "价格": "239.00", "购买数量": "1",
        "外部系统编号": "PAN-20", "商品属性": "颜色分类：20厘米锅-第三方玻璃盖", "套餐信息": "", "备注": "",
        "订单状态": "交易成功", "商家编码": "PAN-20-GLASS",
    }
    row.update(changes)
    return row


def write_items(path: Path, rows: list[dict], **kw) -> Path:
    kw.setdefault("trailing_comma", True)
    return write_csv(path, ITEM_HEADERS, rows, **kw)


def suborder_row(sub_no: object, order_no: object = "4025633395051234567", **changes: object) -> dict:
    row = {
        "子订单编号": sub_no, "主订单编号": order_no, "商品标题": "不粘锅炒锅家用", "商品价格": 239.0,
        "购买数量": 1, "外部系统编号": "--", "商品属性": "颜色分类：20厘米锅", "套餐信息": "--",
        "联系方式备注": "--", "订单状态": "交易成功", "商家编码": "PAN-20", "买家应付货款": 201.12,
        "买家实付金额": 201.12, "退款状态": "", "退款金额": 0, "订单创建时间": datetime(2025, 11, 11, 20, 0, 0),
        "订单付款时间": datetime(2025, 11, 11, 20, 0, 5), "商品ID": "720000000001", "商家备注": "--",
        "主订单买家留言": "", "发货时间": "", "物流单号": "", "物流公司": "",
    }
    row.update(changes)
    return row


def write_xlsx(path: Path, headers: list[str], rows: list[dict | list], title_rows: list[list] = ()) -> Path:
    """An xlsx with typed cells; rows are dicts by header or plain lists."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for t in title_rows:
        ws.append(t)
    ws.append(headers)
    for row in rows:
        ws.append(row if isinstance(row, list) else [_xlsx_value(row.get(h.strip())) for h in headers])
    wb.save(path)
    return path


def _xlsx_value(value: object) -> object:
    return None if value == "" else value


def refund_row(refund_no: str = "80212345678901234", order_no: str = ORDER_NO, **changes: object) -> dict:
    row = {
        "订单编号": order_no, "退款编号": refund_no, "支付宝交易号": "2025111122001100000000000001",
        "订单付款时间": "2025-11-11 20:00:05", "商品编码": "PAN-20", "商家编码": "PAN-20",
        "退款完结时间": "2025-11-15 10:30:00", "买家实际支付金额": "201.12", "宝贝标题": "不粘锅炒锅家用",
        "买家退款金额": "201.12", "手工退款/系统退款": "系统退款", "是否需要退货": "是",
        "退款的申请时间": "2025-11-13 09:00:00", "退款申请时间": "2025-11-13 09:00:00", "退款状态": "退款成功",
        "货物状态": "买家已退货", "买家退款原因": "不想要了", "买家会员名称": "tb_nick", "售中或售后": "售中",
        "完结时间": "2025-11-15 10:30:00",
    }
    row.update(changes)
    return row


def parse_file(layout_cls, path: Path) -> tuple[list, RowSink]:
    """Every record the layout yields for the file, and the sink with its rejected rows."""
    sink = RowSink(Path(path).name)
    with open_table(path) as table:
        records = flatten(layout_cls().parse(table, sink))
    return records, sink


def flatten(items) -> list:
    """Records, with the bulk path's column batches turned back into records."""
    out = []
    for item in items:
        out.extend(item.records() if isinstance(item, OrderBatch) else [item])
    return out


def errors_by_row(sink: RowSink) -> dict[int, tuple[str | None, str]]:
    """{row: (column, reason_en)} of every rejected row."""
    return {e.row: (e.column, e.reason_en) for e in sink.errors}
