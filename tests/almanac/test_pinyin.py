import pytest

from sellerdesk.almanac.pinyin import initials, spelled, syllables
from sellerdesk.domain.scripts import ALL_TOPICS


@pytest.mark.parametrize("text, first, full", [
    ("发错货", "fch", "facuohuo"),
    ("退货运费", "thyf", "tuihuoyunfei"),
    ("少件/漏发", "sjlf", "shaojianloufa"),  # punctuation dropped
    ("尺码/颜色不合适", "cmysbhs", "chimayansebuheshi"),
    ("未发货仅退款", "wfhjtk", "weifahuojintuikuan"),
    ("绿色", "ls", "lvse"),  # ü typed as v, as pinyin keyboards do
    ("T恤", "tx", "txu"),
    ("7天无理由", "7twly", "7tianwuliyou"),
    ("VIP会员 Gold", "vhyg", "viphuiyuangold"),  # an ASCII word is one unit
    ("", "", ""),
])
def test_initials_and_spelling(text, first, full):
    assert initials(text) == first
    assert spelled(text) == full


def test_every_reason_name_has_pinyin_for_every_character():
    for topic in ALL_TOPICS:
        han = [c for c in topic.zh if "\u4e00" <= c <= "\u9fff"]
        assert len(syllables(topic.zh)) == len(han), topic.zh
        assert initials(topic.zh).isascii() and initials(topic.zh).isalnum()
