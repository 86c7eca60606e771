import pytest

from sellerdesk.domain.address import normalise_province, split_address
from sellerdesk.domain.masking import mask_name, mask_phone


@pytest.mark.parametrize(
    "phone, shown",
    [("13812341234", "138****1234"), ("138****1234", "138****1234"), ("", ""), (None, ""), ("12345", "12345")],
)
def test_mask_phone(phone, shown):
    assert mask_phone(phone) == shown


@pytest.mark.parametrize("name, shown", [("王小明", "王**"), ("王明", "王*"), ("张**", "张**"), ("tb_nick_01", "t***1")])
def test_mask_name(name, shown):
    assert mask_name(name) == shown


@pytest.mark.parametrize(
    "address, province, city",
    [
        ("广东省 广州市 越秀区 黄花岗街道(510180)", "广东省", "广州市"),
        ("江西南昌市青山湖区某路1号", "江西省", "南昌市"),
        ("上海 上海市 浦东新区 某路", "上海市", "上海市"),
        ("内蒙古自治区 呼和浩特市 新城区", "内蒙古自治区", "呼和浩特市"),
        ("四川省甘孜藏族自治州康定市", "四川省", "甘孜藏族自治州"),
        ("##4f8a", None, None),
        ("某地某路", None, None),
    ],
)
def test_split_address(address, province, city):
    assert split_address(address) == (province, city)


def test_masked_province_is_unknown():
    assert normalise_province("****") is None
    assert normalise_province("广东") == "广东省"


def test_the_column_form_agrees_with_split_address():
    from sellerdesk.domain.address import split_addresses

    samples = [
        "广东省 广州市 越秀区 黄花岗街道(510180)", "上海 上海市 浦东新区 某路", "北京市 北京市 朝阳区",
        "江西南昌市青山湖区某路1号", "浙江省 *** 西湖区", "##4f8a", "$$x", None, "", "某地某路", "广东省",
        "广东省 ", "内蒙古自治区 呼和浩特市 新城区", "广东 深圳市 南山区", "重庆 重庆市 渝中区",
    ]
    provinces, cities = split_addresses(samples)
    assert list(zip(provinces, cities)) == [split_address(a) for a in samples]
