"""Taobao/Tmall exports of the demo shop: 订单报表 (CSV), 宝贝报表 (CSV), 退款报表 (xlsx).

Shapes as in EXPORT-FORMATS.md section 1: GBK, CRLF, every cell quoted,
`="..."` order numbers (written unquoted, as Excel needs them), `'` phone
prefixes, six header names with a trailing space, 元 on 打款商家金额, a
trailing comma on every item row.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sellerdesk.demo.formats import (
    excel_text, line_status_is_closed, quoted_csv_line, taobao_address, ts, write_text, yuan, yuan_number,
)
from sellerdesk.domain.masking import mask_phone
from sellerdesk.domain.orders import OrderStatus, RefundStatus

ORDER_HEADERS = (
    "订单编号", "买家会员名", "买家支付宝账号", "支付单号", "支付详情", "买家应付货款", "买家应付邮费", "买家支付积分",
    "总金额", "返点积分", "买家实际支付金额", "买家实际支付积分", "订单状态", "买家留言", "收货人姓名", "收货地址 ",
    "运送方式", "联系电话 ", "联系手机", "订单创建时间", "订单付款时间 ", "宝贝标题 ", "宝贝种类 ", "物流单号 ",
    "物流公司", "订单备注", "宝贝总数量", "店铺Id", "店铺名称", "订单关闭原因", "卖家服务费", "买家服务费", "发票抬头",
    "是否手机订单", "分阶段订单信息", "特权订金订单id", "是否上传合同照片", "是否上传小票", "是否代付", "定金排名",
    "修改后的sku", "修改后的收货地址", "异常信息", "天猫卡券抵扣", "集分宝抵扣", "是否是O2O交易", "新零售交易类型",
    "新零售导购门店名称", "新零售导购门店id", "新零售发货门店名称", "新零售发货门店id", "退款金额", "预约门店",
    "确认收货时间", "打款商家金额", "含应开票给个人的个人红包", "是否信用购", "体验期结束时间", "前N有礼", "配送类型",
    "主订单编号",
)
ITEM_HEADERS = ("订单编号", "标题", "价格", "购买数量", "外部系统编号", "商品属性", "套餐信息", "备注", "订单状态", "商家编码")
REFUND_HEADERS = (
    "订单编号", "退款编号", "支付宝交易号", "订单付款时间", "商品编码", "退款完结时间", "买家实际支付金额", "宝贝标题",
    "买家退款金额", "手工退款/系统退款", "是否需要退货", "退款的申请时间", "超时时间", "退款状态", "货物状态",
    "退货物流信息", "发货物流信息", "客服介入状态", "卖家真实姓名", "卖家真实姓名新", "卖家退货地址", "卖家邮编", "卖家电话",
    "卖家手机", "退货物流单号", "退货物流公司", "买家退款原因", "买家退款说明", "买家退货时间", "责任方", "售中或售后",
    "商家备注", "完结时间", "部分退款/全部退款", "审核操作人", "举证超时", "是否零秒响应", "退款操作人", "退款原因标签",
    "业务类型", "是否帮他退款", "帮他退款操作账号",
)
STATUS_TEXT = {
    OrderStatus.UNPAID: "等待买家付款",
    OrderStatus.PAID: "买家已付款，等待卖家发货",
    OrderStatus.SHIPPED: "卖家已发货，等待买家确认",
    OrderStatus.COMPLETED: "交易成功",
    OrderStatus.CLOSED: "交易关闭",
}
SHOP_IDS = {"山野小厨厨具旗舰店": "158823017", "山野茶舍": "306614725"}
SELLER = ("陈建华", "浙江省 金华市 永康市 五金城路88号 山野小厨售后部", "321300", "137****5566")


def write_taobao_orders(path: Path, orders: list) -> Path:
    """订单报表: one row per order."""
    def lines():
        yield quoted_csv_line(list(ORDER_HEADERS))
        for o in orders:
            yield _order_line(o)

    write_text(path, lines(), "gbk")
    return path


def _order_line(o) -> str:
    name, phone = o.receiver()
    paid = o.paid_fen
    refund = o.refund_fen
    settled = paid - refund if o.status == OrderStatus.COMPLETED else 0
    closed = o.status == OrderStatus.CLOSED
    values = [
        o.order_no, o.buyer.account, mask_phone(o.buyer.phone), _alipay_no(o) if o.paid_at else "", "",
        yuan(o.goods_fen), yuan(o.shipping_fen), "0", yuan(o.total_fen), "0", yuan(paid), "0",
        STATUS_TEXT[o.status], o.message or "", name or "", taobao_address(o.buyer), "快递", "",
        f"'{phone}" if phone else "", ts(o.created_at), ts(o.paid_at),
        "；".join(dict.fromkeys(ln.item.title for ln in o.lines)), str(len(o.lines)), o.tracking_no or "",
        o.carrier or "", "", str(o.quantity), SHOP_IDS.get(o.shop, ""), o.shop, (o.close_reason or "交易关闭") if closed else "订单未关闭", "0", "0元", "",
        "手机订单" if o.buyer.id % 7 else "", "", "", "否", "否", "否", "", "", "", "", "0.00", "0.00", "",
        "", "", "", "", "", yuan(refund), "", ts(o.finished_at) if o.status == OrderStatus.COMPLETED else "",
        f"{yuan(settled)}元", "0.00", "否", "", "", "", o.order_no,
    ]
    cells = [_q(v) for v in values]
    # Order numbers are ="..." and the privileged-deposit id is ="", unquoted as exported.
    cells[0] = cells[-1] = excel_text(o.order_no)
    cells[_DEPOSIT_ID] = '=""'
    return ",".join(cells) + "\r\n"


_DEPOSIT_ID = ORDER_HEADERS.index("特权订金订单id")


def _q(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _alipay_no(o) -> str:
    return f"{o.paid_at:%Y%m%d}2200{o.order_no[-14:]}"


def write_taobao_items(path: Path, orders: list) -> Path:
    """宝贝报表: one row per line, every data row ending in a trailing comma."""
    def lines():
        yield quoted_csv_line(list(ITEM_HEADERS))
        for o in orders:
            for ln in o.lines:
                status = STATUS_TEXT[OrderStatus.CLOSED] if line_status_is_closed(o, ln) else STATUS_TEXT[o.status]
                cells = [ln.item.title, yuan(ln.unit_fen), str(ln.quantity), "", ln.item.spec_text, "", "",
                         status, ln.item.sku]
                yield excel_text(o.order_no) + "," + quoted_csv_line(cells, trailing_comma=True)

    write_text(path, lines(), "gbk")
    return path


def write_taobao_refunds(path: Path, orders: list) -> Path:
    """退款报表 (xlsx): one row per refund request, per sub-order."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("退款报表")
    ws.append(list(REFUND_HEADERS))
    for o in orders:
        for r in o.refunds:
            ln = r.line
            done = r.status != RefundStatus.PENDING
            whole = r.amount_fen >= ln.amount_fen
            ws.append([
                o.order_no, r.refund_no, _alipay_no(o), ts(o.paid_at), ln.item.sku, ts(r.finished_at) if done else "",
                yuan_number(ln.amount_fen + (o.shipping_fen if r.amount_fen > ln.amount_fen else 0)),
                ln.item.title, yuan_number(r.amount_fen), "系统退款", "是" if r.returned else "否", ts(r.applied_at),
                "" if done else ts(r.applied_at + timedelta(days=2)), r.status_text,
                ("买家已退货" if r.returned else "买家已收到货") if r.after_sale else "买家未收到货", "",
                f"{o.carrier}:{o.tracking_no}" if o.tracking_no else "", "客服未介入", SELLER[0], SELLER[0],
                SELLER[1] if r.returned else "", SELLER[2] if r.returned else "", "", SELLER[3], "", "", r.reason, "",
                "", "卖家" if r.reason in ("质量问题", "发错货", "少件/漏发", "商品破损/有污渍") else "买家",
                "售后" if r.after_sale else "售中", "", ts(r.finished_at) if done else "",
                "全部退款" if whole else "部分退款", "", "", "否", "", "", "退货退款" if r.returned else "仅退款", "否", "",
            ])
    wb.save(path)
    return path
