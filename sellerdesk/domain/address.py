"""Province and city from the address forms the platforms write.

Taobao: '广东省 广州市 越秀区 黄花岗街道...(510180)' (parts split by spaces);
JD: '江西南昌市青山湖区...' (no spaces, short province name).
"""

from __future__ import annotations

# Province-level divisions: short name -> full name.
PROVINCES: dict[str, str] = {
    "北京": "北京市", "天津": "天津市", "上海": "上海市", "重庆": "重庆市",
    "河北": "河北省", "山西": "山西省", "辽宁": "辽宁省", "吉林": "吉林省",
    "黑龙江": "黑龙江省", "江苏": "江苏省", "浙江": "浙江省", "安徽": "安徽省",
    "福建": "福建省", "江西": "江西省", "山东": "山东省", "河南": "河南省",
    "湖北": "湖北省", "湖南": "湖南省", "广东": "广东省", "海南": "海南省",
    "四川": "四川省", "贵州": "贵州省", "云南": "云南省", "陕西": "陕西省",
    "甘肃": "甘肃省", "青海": "青海省", "台湾": "台湾省",
    "内蒙古": "内蒙古自治区", "广西": "广西壮族自治区", "西藏": "西藏自治区",
    "宁夏": "宁夏回族自治区", "新疆": "新疆维吾尔自治区",
    "香港": "香港特别行政区", "澳门": "澳门特别行政区",
}
_FULL_OR_SHORT = {**{v: v for v in PROVINCES.values()}, **PROVINCES}
MUNICIPALITIES = frozenset({"北京", "天津", "上海", "重庆"})
_CITY_ENDINGS = ("市", "自治州", "地区", "盟")


def _province_short(text: str) -> str | None:
    """The short province name the text starts with (names are 2 or 3 characters)."""
    if text[:2] in PROVINCES:
        return text[:2]
    if text[:3] in PROVINCES:
        return text[:3]
    return None


def normalise_province(text: str | None) -> str | None:
    """'广东', '广东省' -> '广东省'; masked ('****') or unknown -> None."""
    if not text or "*" in text:
        return None
    short = _province_short(text.strip())
    return PROVINCES[short] if short else None


def split_address(address: str | None) -> tuple[str | None, str | None]:
    """(province, city) from a full address, as well as it can be told."""
    if not address or address.startswith(("##", "$$")):
        return None, None
    head, space, rest = address.partition(" ")
    province = _FULL_OR_SHORT.get(head)
    if province and space:  # Taobao's 'province city district street' (the bulk path)
        city = rest.partition(" ")[0]
        if "*" not in city:
            return province, (province if head[:2] in MUNICIPALITIES else city) or None
    text = address.strip()
    province_short = _province_short(text)
    if province_short is None:
        return None, None
    province = PROVINCES[province_short]
    rest = text[len(province_short):]
    for suffix in ("省", "市", "壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "特别行政区"):
        if rest.startswith(suffix):
            rest = rest[len(suffix):]
            break
    rest = rest.lstrip()
    if province_short in MUNICIPALITIES:
        return province, province
    if not rest or "*" in rest[:2]:
        return province, None
    if " " in rest:
        return province, rest.split(" ", 1)[0]
    # The earliest of the unambiguous endings; a bare 州 only when none is found
    # (广州市 must not stop at 州; 甘孜藏族自治州康定市 must stop at 自治州).
    ends = [rest.find(e) + len(e) for e in _CITY_ENDINGS if 0 < rest.find(e) < 10]
    if not ends and 0 < rest.find("州") < 10:
        ends = [rest.find("州") + 1]
    return province, (rest[: min(ends)] if ends else None)


def split_addresses(addresses: list[str | None]) -> tuple[list[str | None], list[str | None]]:
    """split_address() over a column (the bulk import): its fast path inlined, the rest delegated."""
    provinces: list[str | None] = []
    cities: list[str | None] = []
    known = _FULL_OR_SHORT.get
    for address in addresses:
        if address:
            head, space, rest = address.partition(" ")
            province = known(head)
            if province and space:
                city = rest.partition(" ")[0]
                if "*" not in city:
                    provinces.append(province)
                    cities.append((province if head[:2] in MUNICIPALITIES else city) or None)
                    continue
        province, city = split_address(address)
        provinces.append(province)
        cities.append(city)
    return provinces, cities
