"""Real-shaped export files for JD, Pinduoduo, Douyin and 1688 (see EXPORT-FORMATS.md).

CSV files are written byte by byte in each platform's own style (encoding,
BOM, quoting, tab prefixes, `-` placeholders, trailing commas, CRLF), not
through the csv module, so the tests read what the platforms write.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from sellerdesk.ingest.layout import Layout, RowSink
from sellerdesk.ingest.table import open_table


def parse(layout: Layout, path: Path):
    """(records, sink) after parsing the whole file with one layout."""
    sink = RowSink(path.name)
    with open_table(path) as table:
        records = list(layout.parse(table, sink))
    return records, sink


def by_no(records) -> dict:
    return {r.order_no: r for r in records}


def errors(sink: RowSink) -> list[tuple[int, str | None, str, str]]:
    """(row, column, zh, en) of every rejected row, sorted by row."""
    return sorted((e.row, e.column, e.reason_zh, e.reason_en) for e in sink.errors)


def q(value: str) -> str:
    """A double-quoted CSV cell."""
    return '"' + value.replace('"', '""') + '"'


def _bare_or_quoted(value: str) -> str:
    return q(value) if any(c in value for c in ',"\r\n') else value


def _lines_to_bytes(lines: Iterable[str], encoding: str, bom: bool) -> bytes:
    data = "".join(line + "\r\n" for line in lines).encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def _merge(defaults: dict, values: dict | None, kw: dict) -> dict:
    row = dict(defaults)
    row.update(values or {})
    row.update(kw)
    return row


# ---------------------------------------------------------------------------
# JD: GBK, no BOM, free text quoted, everything else bare, trailing comma.

JD_HEADERS = [
    "订单号", "商品ID", "商品名称", "订购数量", "支付方式", "下单时间", "京东价", "订单金额", "结算金额",
    "余额支付", "应付金额", "订单状态", "订单类型", "下单帐号", "客户姓名", "客户地址", "联系电话", "订单备注",
    "发票类型", "发票抬头", "发票内容", "商家备注", "商家备注等级（等级1-5为由高到低）", "运费金额", "付款确认时间",
    "增值税发票", "货号", "订单完成时间", "订单来源", "订单渠道",
]
JD_LATER = ["送装服务", "服务费", "仓库id", "仓库名称", "是否为品牌商订单", "是否为toplife订单", "普通发票纳税编号",
            "商家SKUID", "邮政编码", "邮箱地址"]
JD_QUOTED = {"商品名称", "客户姓名", "客户地址", "联系电话", "商家备注", "订单备注", "发票抬头"}


def jd_row(values: dict | None = None, **kw) -> dict:
    return _merge({
        "订单号": "11729384072", "商品ID": "1953814331", "商品名称": "韩秘美 玻尿酸补水面膜 10片装",
        "订购数量": "1", "支付方式": "在线支付", "下单时间": "2025-11-11 20:00:00", "京东价": "758.00",
        "订单金额": "1097.00", "结算金额": "932.45", "余额支付": "0.00", "应付金额": "932.45",
        "订单状态": "等待出库", "订单类型": "销售订单", "下单帐号": "rds3199358", "客户姓名": "王冬阳",
        "客户地址": "江西南昌市青山湖区京东大道88号", "联系电话": "13712341772", "运费金额": "0.00",
        "付款确认时间": "2025-11-11 20:00:30", "订单来源": "移动端订单", "订单渠道": "暂无来源",
    }, values, kw)


def jd_csv_bytes(rows: list[dict], headers: list[str] = JD_HEADERS, trailing_comma: bool = True) -> bytes:
    end = "," if trailing_comma else ""
    lines = [",".join(headers) + end]
    for row in rows:
        cells = []
        for h in headers:
            v = row.get(h.strip(), "")
            cells.append(q(v) if h.strip() in JD_QUOTED and v else _bare_or_quoted(v))
        lines.append(",".join(cells) + end)
    return _lines_to_bytes(lines, "gbk", bom=False)


def jd_csv(path: Path, rows: list[dict], **kw) -> Path:
    path.write_bytes(jd_csv_bytes(rows, **kw))
    return path


# ---------------------------------------------------------------------------
# Pinduoduo: UTF-8 with BOM; lone-tab and tab-prefixed cells; "1,299.00" quoted.

PDD_HEADERS = [
    "商品", "订单号", "订单状态", "商品总价(元)", "店铺优惠折扣(元)", "平台优惠折扣(元)", "多多支付立减金额(元)",
    "邮费(元)", "用户实付金额(元)", "商家实收金额(元)", "商品数量(件)", "身份证姓名", "身份证号码", "收货人", "手机",
    "是否异常/是否审核中", "省", "市", "区", "街道", "支付时间", "拼单成功时间", "订单确认时间", "订单成交时间",
    "承诺发货时间", "发货时间", "确认收货时间", "商品id", "商品规格", "用户购买手机号", "样式ID", "商家编码-规格维度",
    "商家编码-商品维度", "快递单号", "快递公司", "支付ID", "支付方式", "商家备注", "售后状态", "买家留言",
]
PDD_TABBED = {"商品id", "样式ID", "快递单号", "支付ID"}


def pdd_row(values: dict | None = None, **kw) -> dict:
    return _merge({
        "商品": "【买二送一】加厚珊瑚绒睡衣女冬季套装", "订单号": "251111-607198974342268", "订单状态": "待发货",
        "商品总价(元)": "59.80", "店铺优惠折扣(元)": "5.00", "平台优惠折扣(元)": "3.00",
        "多多支付立减金额(元)": "0.00", "邮费(元)": "0.00", "用户实付金额(元)": "51.80",
        "商家实收金额(元)": "54.80", "商品数量(件)": "2", "收货人": "李**", "手机": "\t",
        "是否异常/是否审核中": "否", "省": "广东省", "市": "深圳市", "区": "南山区", "街道": "粤海街道****",
        "支付时间": "2025-11-11 20:01:02", "拼单成功时间": "2025-11-11 20:01:05",
        "订单确认时间": "2025-11-11 20:01:05", "订单成交时间": "2025-11-11 20:01:05",
        "承诺发货时间": "2025-11-13 20:01:05", "商品id": "583726451203", "商品规格": "粉色,L码",
        "用户购买手机号": "\t", "样式ID": "1208833745512", "商家编码-规格维度": "SY-PK-L",
        "商家编码-商品维度": "SY2025", "支付方式": "微信支付", "售后状态": "无售后或售后取消",
    }, values, kw)


def pdd_csv_bytes(rows: list[dict], headers: list[str] = PDD_HEADERS) -> bytes:
    lines = [",".join(_bare_or_quoted(h) for h in headers)]
    for row in rows:
        cells = []
        for h in headers:
            v = row.get(h, "")
            if h in PDD_TABBED and v and not v.startswith("\t"):
                v = "\t" + v
            cells.append(_bare_or_quoted(v))
        lines.append(",".join(cells))
    return _lines_to_bytes(lines, "utf-8", bom=True)


def pdd_csv(path: Path, rows: list[dict], **kw) -> Path:
    path.write_bytes(pdd_csv_bytes(rows, **kw))
    return path


# ---------------------------------------------------------------------------
# Douyin: UTF-8 with BOM; ID and text cells "\t..." quoted; numbers bare; '-' empty.

DOUYIN_HEADERS = [
    "主订单编号", "子订单编号", "选购商品", "商品规格", "商品数量", "商品ID", "商家编码", "商品单价", "订单应付金额",
    "运费", "优惠总金额", "平台优惠", "商家优惠", "达人优惠", "商家改价", "支付优惠", "红包抵扣", "支付方式", "手续费",
    "收件人", "收件人手机号", "省", "市", "区", "街道", "详细地址", "是否修改过地址", "买家留言", "订单提交时间",
    "旗帜颜色", "商家备注", "订单完成时间", "支付完成时间", "APP渠道", "流量来源", "订单状态", "承诺发货时间",
    "订单类型", "鲁班落地页ID", "达人ID", "达人昵称", "所属门店ID", "售后状态", "取消原因", "预约发货时间", "仓库ID",
    "仓库名称", "是否安心购", "广告渠道", "流量类型", "流量体裁", "流量渠道", "发货主体", "发货主体明细", "发货时间",
    "降价类优惠", "平台实际承担优惠金额", "商家实际承担优惠金额", "达人实际承担优惠金额",
]
DOUYIN_NUMERIC = {
    "商品数量", "商品单价", "订单应付金额", "运费", "优惠总金额", "平台优惠", "商家优惠", "达人优惠", "商家改价",
    "支付优惠", "红包抵扣", "手续费", "降价类优惠", "平台实际承担优惠金额", "商家实际承担优惠金额", "达人实际承担优惠金额",
}
DOUYIN_DATES = {"订单提交时间", "订单完成时间", "支付完成时间", "承诺发货时间", "预约发货时间", "发货时间"}


def douyin_row(values: dict | None = None, **kw) -> dict:
    return _merge({
        "主订单编号": "6917926768823643751", "子订单编号": "6917926768823643751",
        "选购商品": "辣丝丝 麻辣牛肉干 500g", "商品规格": "五香味;500g", "商品数量": "1", "商品ID": "3578126439017",
        "商家编码": "NRG-500", "商品单价": "49.90", "订单应付金额": "39.90", "运费": "0.00", "优惠总金额": "10.00",
        "平台优惠": "0.00", "商家优惠": "10.00", "支付方式": "抖音支付", "收件人": "##4Jk8f2Qa9xZ1",
        "收件人手机号": "$$1bX8P0qLmT7w", "省": "四川省", "市": "成都市", "区": "武侯区", "街道": "玉林街道",
        "详细地址": "##9aQz7LmPq2Xc", "是否修改过地址": "否", "订单提交时间": "2025-11-11 20:00:00",
        "支付完成时间": "2025-11-11 20:00:12", "APP渠道": "抖音", "流量来源": "直播", "订单状态": "已完成",
        "订单类型": "普通订单", "达人昵称": "辣丝丝官方旗舰店", "售后状态": "-",
    }, values, kw)


def douyin_csv_bytes(rows: list[dict], headers: list[str] = DOUYIN_HEADERS) -> bytes:
    lines = [",".join(headers)]
    for row in rows:
        cells = []
        for h in headers:
            v = row.get(h, "-") or "-"
            if v == "-" or h in DOUYIN_NUMERIC or h in DOUYIN_DATES:
                cells.append(_bare_or_quoted(v))
            else:
                cells.append(q("\t" + v))
        lines.append(",".join(cells))
    return _lines_to_bytes(lines, "utf-8", bom=True)


def douyin_csv(path: Path, rows: list[dict], **kw) -> Path:
    path.write_bytes(douyin_csv_bytes(rows, **kw))
    return path


# ---------------------------------------------------------------------------
# 1688: xlsx (sheet 订单列表), one row per 货品; order cells only on an order's first row.

ALIBABA_HEADERS = [
    "订单编号", "买家公司名", "买家会员名", "卖家公司名", "卖家会员名", "货品总价(元)", "运费(元)", "涨价或折扣(元)",
    "实付款(元)", "订单状态", "订单创建时间", "订单付款时间", "发货方", "收货人姓名", "收货地址", "邮编", "联系电话",
    "联系手机", "货品标题", "单价(元)", "数量", "单位", "货号", "型号", "Offer ID", "SKU ID", "物料编号", "单品货号",
    "货品种类", "买家留言", "物流公司", "运单号", "发票：购货单位名称", "发票：纳税人识别号", "发票：地址、电话",
    "发票：开户行及账号", "发票收取地址", "关联编号", "代理商姓名", "代理商联系方式", "是否代发订单", "代发服务商id",
    "微商订单号", "下单批次号", "下游渠道", "下游订单号", "下单公司主体", "发起人登录名",
    "是否发起免密支付(1:淘货源诚e赊免密支付2:批量下单免密支付)",
]
ALIBABA_LINE_COLUMNS = {"货品标题", "单价(元)", "数量", "单位", "货号", "型号", "Offer ID", "SKU ID", "物料编号", "单品货号"}


def alibaba_order(values: dict | None = None, **kw) -> dict:
    return _merge({
        "订单编号": "3349823648372537899", "买家公司名": "义乌市小橙子日用品商行", "买家会员名": "xiaochengzi888",
        "卖家公司名": "金华市优品家居有限公司", "卖家会员名": "youpinjiaju", "货品总价(元)": 1280.0,
        "运费(元)": 20.0, "涨价或折扣(元)": -50.0, "实付款(元)": 1250.0, "订单状态": "交易成功",
        "订单创建时间": datetime(2025, 12, 18, 9, 30, 0), "订单付款时间": datetime(2025, 12, 18, 9, 31, 5),
        "发货方": "卖家", "收货人姓名": "陈小橙", "收货地址": "浙江省 金华市 义乌市 稠城街道工人北路18号",
        "邮编": "322000", "联系手机": "13900001111", "发票：购货单位名称": "",
    }, values, kw)


def alibaba_line(values: dict | None = None, **kw) -> dict:
    return _merge({
        "货品标题": "加厚不锈钢保温杯 500ml", "单价(元)": 16.0, "数量": 40, "单位": "个", "货号": "BW-500",
        "型号": "500ml 银色", "Offer ID": "628371920011", "SKU ID": "4512339001", "单品货号": "BW-500-S",
    }, values, kw)


def alibaba_xlsx(path: Path, orders: list[tuple[dict, list[dict]]], merge: bool = False,
                 headers: list[str] = ALIBABA_HEADERS, extra_rows: list[list] | None = None,
                 leading_rows: list[list] | None = None) -> Path:
    """orders: (order cells, [line cells, ...]); continuation rows leave order cells blank.

    merge=True merges every order column vertically over an order's rows, as the
    1688 export does; extra_rows are appended raw (lists in header order).
    """
    import openpyxl
    from openpyxl.utils import get_column_letter

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "订单列表"
    for raw in leading_rows or []:
        ws.append(raw)
    ws.append(headers)
    for order, lines in orders:
        top = ws.max_row + 1
        for i, line in enumerate(lines or [{}]):
            cells = {**(order if i == 0 else {}), **line}
            ws.append([cells.get(h) for h in headers])
        bottom = ws.max_row
        if merge and bottom > top:
            for c, h in enumerate(headers, start=1):
                if h not in ALIBABA_LINE_COLUMNS:
                    letter = get_column_letter(c)
                    ws.merge_cells(f"{letter}{top}:{letter}{bottom}")
    for raw in extra_rows or []:
        ws.append(raw)
    wb.save(path)
    return path


def xlsx_rows(path: Path, headers: list[str], rows: list[dict], sheet: str = "Sheet1") -> Path:
    """A plain workbook with one header row (e.g. a JD export opened and saved in Excel)."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(headers)
    for row in rows:
        ws.append([row.get(h) for h in headers])
    wb.save(path)
    return path
