import pytest

from sellerdesk.domain.buyers import BuyerFacts
from sellerdesk.domain.message_fields import (
    FIELDS,
    buyer_values,
    check_template,
    render,
    shorten_title,
    unknown_fields,
    used_fields,
)

ALL = "".join("{" + k + "}|" for k in FIELDS)


def test_fills_fields():
    t = "【小店】{name}您好，您买的{last_item}有{coupon}券"
    v = {"name": "王小明", "last_item": "羊毛衫", "coupon": "满150减10"}
    assert render(t, v) == "【小店】王小明您好，您买的羊毛衫有满150减10券"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("values", [{}, {k: None for k in FIELDS}, {k: "  " for k in FIELDS}])
def test_fallbacks_never_leave_braces(lang, values):
    out = render(ALL, values, lang)
    assert "{" not in out and "}" not in out
    assert out == "".join(f.fallback(lang) + "|" for f in FIELDS.values())


def test_fallback_words():
    assert render("{name}您好，{last_item}补货了", {}) == "亲您好，您喜欢的宝贝补货了"
    assert render("Hi {name},", {}, "en") == "Hi there,"


def test_escapes_and_tolerated_spellings():
    assert render("{{name}} = {name}", {"name": "A"}) == "{name} = A"
    assert render("{ Name }/｛name｝/{NICK}", {"name": "A", "nick": "b"}) == "A/A/b"
    assert render("}}{{", {}) == "}{"


def test_unknown_fields_render_as_bare_words_and_are_reported():
    t = "{name}您好{foo}，{bar}{foo}"
    assert unknown_fields(t) == ["foo", "bar"]
    assert render(t, {"name": "A"}) == "A您好foo，barfoo"
    codes = [n.code for n in check_template(t)]
    assert codes == ["unknown_field"]
    n = check_template(t)[0]
    assert "{foo}" in n.zh and "{foo}" in n.en


def test_stray_braces_flagged_and_kept():
    assert render("{name", {"name": "A"}) == "{name"
    assert [n.code for n in check_template("价格{}")] == ["stray_brace"]
    assert check_template("{{ok}} {name}") == []
    assert unknown_fields("｛foo｝") == []  # full-width decoration, not a field


def test_values_are_not_reinterpreted_and_control_chars_go():
    assert render("{name}", {"name": "{nick}"}) == "{nick}"
    assert render("{name}!", {"name": "王\n小明\t"}) == "王 小明!"
    assert render("{aov}", {"aov": 120}) == "120"  # a careless caller's number still renders


def test_used_fields_order():
    assert used_fields("{coupon}{name}{coupon}{x}") == ["coupon", "name"]


@pytest.mark.parametrize(
    "title, short",
    [
        ("【包邮】2024新款秋冬加厚羊毛衫女宽松外套", "2024新款秋冬加厚羊…"),
        ("羊毛衫", "羊毛衫"),
        ("123456789012", "123456789012"),
        ("1234567890123", "12345678901…"),
        ("[现货]  纯棉  T恤", "纯棉 T恤"),
        ("【】", None),
        (None, None),
    ],
)
def test_shorten_title(title, short):
    out = shorten_title(title)
    assert out == short
    assert out is None or len(out) <= 12


def test_buyer_values():
    b = BuyerFacts(
        1, "taobao", account="tb_01", name="王小明", city="杭州", countable_orders=2, paid_fen=24000,
        last_order_day="2025-10-01", last_item="【新品】秋冬加厚羊毛衫",
    )
    v = buyer_values(b, shop="小店", coupon="满150减10")
    assert v["aov"] == "¥120.00" and v["paid_total"] == "¥240.00"
    assert v["last_item"] == "秋冬加厚羊毛衫"
    assert render("{shop}:{nick}/{city}/{last_order_date}", v) == "小店:tb_01/杭州/2025-10-01"
    empty = buyer_values(BuyerFacts(2, "jd"))
    assert render(ALL, empty).count("{") == 0
    assert empty["aov"] is None and empty["paid_total"] is None


def test_another_field_table_shares_the_tokenizer():
    from sellerdesk.domain.message_fields import FieldSpec

    table = {"item": FieldSpec("item", "宝贝", "Item", "宝贝", "item")}
    assert render("{item}/{name}", {"item": "羊毛衫", "name": "A"}, "zh", table) == "羊毛衫/name"
    assert render("{ITEM}", {}, "en", table) == "item"
    assert render("{item}", {"item": "羊毛衫"}) == "item"  # not an outreach field: the default table is unchanged
    assert used_fields("{item}{name}", table) == ["item"] and unknown_fields("{item}{name}", table) == ["name"]
    notice = check_template("{name}", table)[0]
    assert notice.code == "unknown_field" and "{item}" in notice.en and "{last_item}" not in notice.en


@pytest.mark.parametrize("name", ["王**", "t***1", "##9D71956DA22345C615E8FFC9", "$$A1B2", "  ", "张＊"])
def test_masked_or_encrypted_names_fall_back_to_a_neutral_greeting(name):
    assert render("{name}您好", {"name": name}) == "亲您好"
    assert render("Hi {nick}", {"nick": name}, "en") == "Hi there"


def test_a_readable_name_is_used():
    assert render("{name}您好", {"name": "王小明"}) == "王小明您好"
