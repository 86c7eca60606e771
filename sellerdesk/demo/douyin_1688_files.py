"""Douyin (抖店) and 1688 order exports of the demo shop (EXPORT-FORMATS.md sections 4 and 5).

Douyin: UTF-8 with BOM, one row per sub-order, text and ID cells written
quoted with a leading tab ("\\t..."), numbers bare, `-` for empty, receivers
encrypted (##... / $$...), amounts per line.
1688: xlsx (sheet 订单列表), one row per line; on continuation rows of a
multi-line order 订单编号 and the order money columns are blank.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sellerdesk.demo.formats import line_status_is_closed, taobao_address, ts, write_text, yuan, yuan_number
from sellerdesk.demo.pools import SHOP_BY_PLATFORM
from sellerdesk.domain.orders import OrderStatus

DOUYIN_HEADERS = (
    "主订单编号", "子订单编号", "选购商品", "商品规格", "商品数量", "商品ID", "商家编码", "商品单价", "订单应付金额", "运费",
    "优惠总金额", "平台优惠", "商家优惠", "达人优惠", "商家改价", "支付优惠", "红包抵扣", "支付方式", "手续费", "收件人",
    "收件人手机号", "省", "市", "区", "街道", "详细地址", "是否修改过地址", "买家留言", "订单提交时间", "旗帜颜色", "商家备注",
    "订单完成时间", "支付完成时间", "APP渠道", "流量来源", "订单状态", "承诺发货时间", "订单类型", "鲁班落地页ID", "达人ID",
    "达人昵称", "所属门店ID", "售后状态", "取消原因", "预约发货时间", "仓库ID", "仓库名称", "是否安心购", "广告渠道",
    "流量类型", "流量体裁", "流量渠道", "发货主体", "发货主体明细", "发货时间", "降价类优惠", "平台实际承担优惠金额",
    "商家实际承担优惠金额", "达人实际承担优惠金额",
)
DOUYIN_STATUS = {
    OrderStatus.UNPAID: "待支付", OrderStatus.PAID: "待发货", OrderStatus.SHIPPED: "已发货",
    OrderStatus.COMPLETED: "已完成", OrderStatus.CLOSED: "已关闭",
}
DOUYIN_AFTER_SALE = {None: None, "success": "退款成功", "closed": "售后关闭", "pending": None}
CREATORS = (("-", "-"), ("71829364510", "小厨娘阿香"), ("88102937465", "茶叶老周"))

ALIBABA_HEADERS = (
    "订单编号", "买家公司名", "买家会员名", "卖家公司名", "卖家会员名", "货品总价(元)", "运费(元)", "涨价或折扣(元)",
    "实付款(元)", "订单状态", "订单创建时间", "订单付款时间", "发货方", "收货人姓名", "收货地址", "邮编", "联系电话",
    "联系手机", "货品标题", "单价(元)", "数量", "单位", "货号", "型号", "Offer ID", "SKU ID", "物料编号", "单品货号",
    "货品种类", "买家留言", "物流公司", "运单号", "发票：购货单位名称", "发票：纳税人识别号", "发票：地址、电话",
    "发票：开户行及账号", "发票收取地址", "关联编号", "代理商姓名", "代理商联系方式", "是否代发订单", "代发服务商id",
    "微商订单号", "下单批次号", "下游渠道", "下游订单号", "下单公司主体", "发起人登录名",
    "是否发起免密支付(1:淘货源诚e赊免密支付2:批量下单免密支付)",
)
ALIBABA_STATUS = {
    OrderStatus.UNPAID: "等待买家付款", OrderStatus.PAID: "等待卖家发货", OrderStatus.SHIPPED: "等待买家收货",
    OrderStatus.COMPLETED: "交易成功", OrderStatus.CLOSED: "交易取消",
}
ALIBABA_ORDER_MONEY = ("订单编号", "货品总价(元)", "运费(元)", "涨价或折扣(元)", "实付款(元)")
SELLER_1688 = (SHOP_BY_PLATFORM["1688"], "永康山野厨具厂")  # 卖家公司名, 卖家会员名


def _t(value: str | None) -> str:
    """A Douyin text cell: quoted, with a leading tab; '-' when empty."""
    if not value:
        return "-"
    return '"\t' + value.replace('"', '""') + '"'


def write_douyin_orders(path: Path, orders: list) -> Path:
    """抖店 订单导出: one row per sub-order."""
    def lines():
        yield ",".join(DOUYIN_HEADERS) + "\r\n"
        for o in orders:
            yield from _douyin_rows(o)

    write_text(path, lines(), "utf-8", bom=True)
    return path


def _douyin_rows(o):
    name, phone = o.receiver()
    b = o.buyer
    creator_id, creator = CREATORS[b.id % len(CREATORS)]
    paying = [ln for ln in o.lines if not ln.gift]
    list_total = sum(ln.list_fen for ln in paying) or 1
    platform_left = o.platform_discount_fen
    main_refunded = any(ln.after_sale == "success" for ln in paying)
    for ln in o.lines:
        if ln.gift:
            platform_share = 0
        elif ln is paying[-1]:
            platform_share = platform_left
        else:
            platform_share = o.platform_discount_fen * ln.list_fen // list_total
            platform_left -= platform_share
        discount = ln.list_fen - ln.amount_fen
        closed = line_status_is_closed(o, ln)
        status = DOUYIN_STATUS[OrderStatus.CLOSED] if closed else DOUYIN_STATUS[o.status]
        cancel = None
        if o.status == OrderStatus.CLOSED and o.paid_at is None:
            cancel = "用户取消" if o.close_reason == "买家不想买了" else "超时未支付"
        elif ln.gift and closed and main_refunded:
            cancel = "主品订单售后完成"
        finished = o.finished_at if (o.status == OrderStatus.COMPLETED or closed) else None
        cells = [
            _t(o.order_no), _t(ln.line_no), _t(ln.item.title), _t(f"{ln.item.spec_name}:{ln.item.spec}"),
            str(ln.quantity), _t(ln.item.ids["douyin"]), _t(ln.item.sku), yuan(ln.unit_fen), yuan(ln.amount_fen),
            yuan(0), yuan(discount), yuan(platform_share), yuan(discount - platform_share), "0.00", "0.00", "0.00",
            "0.00", _t("抖音支付" if o.paid_at else None), "0.00", _t(name), _t(phone), _t(b.region.province),
            _t(b.region.city), _t(b.district), "-", _t("##" + b.cipher[48:64]), _t("否"), _t(o.message),
            _t(ts(o.created_at)), "-", "-", _t(ts(finished)), _t(ts(o.paid_at)), _t("抖音"),
            _t("直播" if creator_id != "-" else "商品卡"), _t(status),
            _t(ts(o.paid_at + timedelta(hours=48)) if o.paid_at else None), _t("普通订单"), "-",
            _t(creator_id if creator_id != "-" else None), _t(creator if creator != "-" else None), "-",
            _t(DOUYIN_AFTER_SALE[ln.after_sale]), _t(cancel), "-", "-", "-", _t("否"), "-", _t("自然流量"),
            _t("直播" if creator_id != "-" else "商品卡"), "-", _t("商家"), "-", _t(ts(o.shipped_at)), "0.00",
            yuan(platform_share), yuan(discount - platform_share), "0.00",
        ]
        yield ",".join(cells) + "\r\n"


def write_1688_orders(path: Path, orders: list) -> Path:
    """1688 订单导出 (xlsx): one row per line, order cells blank below the first row."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("订单列表")
    ws.append(list(ALIBABA_HEADERS))
    money_cols = [ALIBABA_HEADERS.index(h) for h in ALIBABA_ORDER_MONEY]
    for o in orders:
        for n, ln in enumerate(o.lines):
            row = _1688_row(o, ln)
            if n:
                for i in money_cols:
                    row[i] = None
            ws.append(row)
    wb.save(path)
    return path


def _1688_row(o, ln) -> list:
    b = o.buyer
    return [
        o.order_no, b.company, b.account, SELLER_1688[0], SELLER_1688[1], yuan_number(o.list_fen),
        yuan_number(o.shipping_fen), yuan_number(-o.discount_fen), yuan_number(o.total_fen),
        ALIBABA_STATUS[o.status], ts(o.created_at), ts(o.paid_at) or None, SELLER_1688[1], b.name,
        taobao_address(b).rsplit("(", 1)[0], b.postcode, None, b.phone, ln.item.title, yuan_number(ln.unit_fen),
        ln.quantity, ln.item.unit, ln.item.code, ln.item.spec, ln.item.ids["1688"], ln.item.ids["jd"], None,
        ln.item.sku, len(o.lines), o.message, o.carrier, o.tracking_no, None, None, None, None, None, None, None,
        None, "否", None, None, None, None, None, None, None, None,
    ]

