"""JD and Pinduoduo order exports of the demo shop (EXPORT-FORMATS.md sections 2 and 3).

JD: GBK CSV, one row per SKU with the order's amounts, buyer and status repeated
on every row, free text in quotes and everything else bare, a trailing comma on
every line, split parents as `(删除)等待出库` naming their children in 商家备注.
Pinduoduo: UTF-8 with BOM, one row per order (one SKU), IDs and phones written
with a leading tab, a lone tab for hidden phones, 商家实收金额 with thousands
separators.
"""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from pathlib import Path

from sellerdesk.demo.formats import jd_address, ts, write_text, yuan, yuan_grouped
from sellerdesk.domain.orders import OrderStatus

JD_HEADERS = (
    "订单号", "商品ID", "商品名称", "订购数量", "支付方式", "下单时间", "京东价", "订单金额", "结算金额", "余额支付",
    "应付金额", "订单状态", "订单类型", "下单帐号", "客户姓名", "客户地址", "联系电话", "订单备注", "发票类型", "发票抬头",
    "发票内容", "商家备注", "商家备注等级（等级1-5为由高到低）", "运费金额", "付款确认时间", "增值税发票", "货号",
    "订单完成时间", "订单来源", "订单渠道",
)
JD_STATUS = {
    OrderStatus.UNPAID: "等待付款",
    OrderStatus.PAID: "等待出库",
    OrderStatus.SHIPPED: "等待确认收货",
    OrderStatus.COMPLETED: "完成",
    OrderStatus.CLOSED: "已取消",
    OrderStatus.ON_HOLD: "锁定",
}

PDD_HEADERS = (
    "商品", "订单号", "订单状态", "商品总价(元)", "店铺优惠折扣(元)", "平台优惠折扣(元)", "多多支付立减金额(元)", "邮费(元)",
    "上门安装费(元)", "送货入户费(元)", "送货入户并安装费(元)", "用户实付金额(元)", "商家实收金额(元)", "商品数量(件)",
    "身份证姓名", "身份证号码", "收货人", "手机", "是否异常/是否审核中", "省", "市", "区", "街道", "支付时间",
    "拼单成功时间", "订单确认时间", "订单成交时间", "承诺发货时间", "发货时间", "确认收货时间", "商品id", "商品规格",
    "用户购买手机号", "样式ID", "商家编码-规格维度", "商家编码-商品维度", "快递单号", "快递公司", "海淘清关订单号",
    "支付ID", "支付方式", "是否抽奖或0元试用", "是否顺丰加价", "商家备注", "售后状态", "买家留言", "关联货品编码",
    "货品名称", "货品类型", "子货品", "仓库名称", "仓库所在地址",
)
PDD_AFTER_SALE = {
    None: "无售后或售后取消",
    "success": "退款成功",
    "closed": "售后取消，退款失败",
    "pending": "售后处理中",
}


def _jd_cell(value: str, free_text: bool) -> str:
    if free_text and value:
        return '"' + value.replace('"', '""') + '"'
    return value


def write_jd_orders(path: Path, orders: list) -> Path:
    """京东 订单导出: one row per SKU."""
    free = {"商品名称", "客户姓名", "客户地址", "联系电话", "订单备注", "商家备注"}
    is_free = [h in free for h in JD_HEADERS]

    def lines():
        yield ",".join(JD_HEADERS) + ",\r\n"
        for o in orders:
            name, phone = o.receiver()
            if o.status == OrderStatus.DELETED:
                status = "(删除)" + JD_STATUS[o.split_status or OrderStatus.PAID]
            else:
                status = JD_STATUS[o.status]
            total = yuan(o.total_fen)
            for ln in o.lines:
                values = (
                    o.order_no, ln.item.ids["jd"], ln.item.title + " " + ln.item.spec, str(ln.quantity), "在线支付",
                    ts(o.created_at), yuan(ln.unit_fen), yuan(o.list_fen + o.shipping_fen), total, "0.00", total,
                    status, "销售订单", o.buyer.account, name or "", jd_address(o.buyer), phone or "", o.message or "",
                    "电子发票", "个人", "商品明细", o.note or "", "", yuan(o.shipping_fen), ts(o.paid_at), "",
                    ln.item.sku, ts(o.finished_at) if o.status == OrderStatus.COMPLETED else "",
                    "移动端订单" if o.buyer.id % 5 else "PC端订单", "暂无来源",
                )
                yield ",".join(_jd_cell(v, f) for v, f in zip(values, is_free)) + ",\r\n"

    write_text(path, lines(), "gbk")
    return path


def write_pdd_orders(path: Path, orders: list) -> Path:
    """拼多多 订单导出: one row per order."""
    def lines():
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(PDD_HEADERS)
        yield buf.getvalue()
        for o in orders:
            buf.seek(0)
            buf.truncate()
            writer.writerow(_pdd_row(o))
            yield buf.getvalue()

    write_text(path, lines(), "utf-8", bom=True)
    return path


def _pdd_status(o) -> str:
    if o.status == OrderStatus.CLOSED and o.refund_state == "full":
        return "已发货，退款成功" if o.shipped_at else "未发货，退款成功"
    return {
        OrderStatus.UNPAID: "待支付", OrderStatus.PAID: "待发货", OrderStatus.SHIPPED: "已发货，待签收",
        OrderStatus.COMPLETED: "已签收", OrderStatus.CLOSED: "已取消",
    }[o.status]


def _pdd_row(o) -> list[str]:
    ln = o.lines[0]
    name, phone = o.receiver()
    b = o.buyer
    hidden_region = b.id % 19 == 0  # 其他(数据脱敏)
    shop_discount = o.discount_fen - o.platform_discount_fen
    merchant = o.total_fen + o.platform_discount_fen
    paid_at = o.paid_at
    group_at = paid_at + timedelta(seconds=3) if paid_at else None
    promised = paid_at + timedelta(hours=48) if paid_at else None
    return [
        ln.item.title, o.order_no, _pdd_status(o), yuan(o.list_fen), yuan(shop_discount),
        yuan(o.platform_discount_fen), "0.00", yuan(o.shipping_fen), "0.00", "0.00", "0.00", yuan(o.total_fen),
        yuan_grouped(merchant), str(ln.quantity), "", "", name or "", "\t" + (phone or ""), "否",
        "****" if hidden_region else b.region.province, b.region.city, b.district, "", ts(paid_at), ts(group_at),
        ts(group_at), ts(group_at), ts(promised), ts(o.shipped_at),
        ts(o.finished_at) if o.status == OrderStatus.COMPLETED else "", "\t" + ln.item.ids["pdd"], ln.item.spec,
        "\t", "\t" + str(1_000_000_000 + int(ln.item.ids["pdd"]) % 99_991), ln.item.sku, ln.item.code,
        "\t" + o.tracking_no if o.tracking_no else "", o.carrier or "", "",
        "\t" + f"{paid_at:%y%m%d%H%M}{o.order_no[-9:]}" if paid_at else "", "微信" if b.id % 3 else "支付宝", "否",
        "否", "", PDD_AFTER_SALE[o.lines[0].after_sale], o.message or "", "", "", "", "", "", "",
    ]
