"""Taobao/Tmall refund report (退款报表, 退款管理 export): one row per refund record.

The 42-column header starts 订单编号, 退款编号, 支付宝交易号, 订单付款时间, 商品编码,
退款完结时间, 买家实际支付金额, 宝贝标题, 买家退款金额, ... Variants: older cuts
carry 买家会员名称 and say 商家编码; newer ones add 支付单号 and 商品 id; a 2024
cut says 退款申请时间 and splits the amount into 退款总额 = 退给买家金额 +
退给平台金额. The amount taken is what went back to the buyer (买家退款金额,
else 退给买家金额, else 退款总额), the counterpart of the buyer-paid amount.

Only 退款成功 moved money. 退款关闭, a refused or withdrawn request is CLOSED;
every other state is a request still open (PENDING).

Seen as `.xls` opened as a workbook; CSV and xlsx are read the same way.
"""

from __future__ import annotations

from sellerdesk.domain.orders import RefundRecord, RefundStatus
from sellerdesk.ingest.identifiers import order_number, required_identifier
from sellerdesk.ingest.layout import Row, RowLayout

COLUMNS = {
    "refund_no": ("退款编号",),
    "order_no": ("订单编号",),
    "status": ("退款状态",),
    "amount": ("买家退款金额", "退给买家金额", "退款总额", "退款金额"),
    "title": ("宝贝标题", "商品标题"),
    "reason": ("买家退款原因",),
    "applied": ("退款的申请时间", "退款申请时间"),
    "finished": ("退款完结时间", "完结时间"),
    "paid": ("买家实际支付金额", "买家实付金额"),
    "buyer": ("买家会员名称", "买家会员名"),
}

SUCCESS_WORDS = ("退款成功",)
# Anything that ended without money moving. 卖家拒绝退款 counts as closed: the
# buyer may still escalate, but until then nothing went back.
CLOSED_WORDS = ("退款关闭", "关闭", "拒绝", "撤销", "退款失败", "取消")


def refund_status(text: str) -> RefundStatus:
    """退款成功 -> SUCCESS; 退款关闭, 卖家拒绝退款, 买家撤销 ... -> CLOSED; else PENDING."""
    words = text.replace(",", "，").strip()
    if any(w in words for w in SUCCESS_WORDS):
        return RefundStatus.SUCCESS
    if any(w in words for w in CLOSED_WORDS):
        return RefundStatus.CLOSED
    return RefundStatus.PENDING


class TaobaoRefunds(RowLayout):
    key = "taobao_refunds"
    platform = "taobao"
    kind = "refunds"
    label_zh = "淘宝/天猫 退款报表"
    label_en = "Taobao/Tmall refund report"
    required_headers = ("退款编号", "订单编号", "退款状态")
    hint_headers = (
        "宝贝标题", "买家退款金额", "退给买家金额", "退款总额", "退款的申请时间", "退款申请时间",
        "退款完结时间", "买家实际支付金额", "买家退款原因", "支付宝交易号",
    )
    spreadsheet = None
    column_spec = COLUMNS

    def _record(self, row: Row) -> RefundRecord:
        refund_no = required_identifier(row, "refund_no")
        order_no = order_number(row, "order_no")
        status_text = row.required("status")
        return RefundRecord(
            platform="taobao",
            refund_no=refund_no,
            order_no=order_no,
            row=row.no,
            status=refund_status(status_text),
            status_text=status_text,
            amount_fen=row.fen("amount"),
            title=row.text("title"),
            reason=row.text("reason"),
            applied_at=row.datetime("applied"),
            finished_at=row.datetime("finished"),
            paid_fen=row.fen("paid"),
            buyer_account=row.text("buyer"),
        )
