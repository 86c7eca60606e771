import pytest

from sellerdesk.domain.orders import OrderRecord, OrderStatus, RefundState, buyer_key, is_countable

S, R = OrderStatus, RefundState


@pytest.mark.parametrize(
    "status, refund, countable",
    [
        (S.UNPAID, R.NONE, False),
        (S.PAID, R.NONE, True),
        (S.SHIPPED, None, True),
        (S.COMPLETED, R.PARTIAL, True),  # partial refund: still a sale at its gross amount
        (S.COMPLETED, R.FULL, False),
        (S.CLOSED, R.FULL, False),
        (S.CLOSED, R.NONE, False),
        (S.ON_HOLD, R.NONE, False),
        (S.DELETED, None, False),  # JD split parent
        (None, None, False),  # only an item file has been seen so far
    ],
)
def test_countable(status, refund, countable):
    assert is_countable(status, refund) is countable


def test_buyer_identity():
    assert buyer_key("tb_nick", "王小明", "138") == "tb_nick"
    assert buyer_key(None, "王**", "138****1234") == "王**|138****1234"
    assert buyer_key(None, "##abc", None) == "##abc|"
    assert buyer_key(None, None, None) is None
    assert OrderRecord("pdd", "1", 2, receiver_name="张三").buyer_key() == "张三|"
