import json
import re
from dataclasses import replace
from importlib.resources import files

import pytest

from sellerdesk.almanac.pinyin import initials, spelled
from sellerdesk.domain.errors import BilingualError
from sellerdesk.domain.scripts import (
    CARE_TOPICS,
    OUTCOMES,
    REASON_BY_KEY,
    REASONS,
    SCRIPT_FIELDS,
    Script,
    ScriptError,
    ScriptMessage,
    check_script,
    group_by_reason,
    library_to_text,
    parse_library,
    render_script,
    search_scripts,
    tone_label,
)

# Long values, as a real order has them: the texts must still read and stay short.
FULL = {"name": "欧阳晓明", "nick": "xiaoming_88", "item": "【包邮】加厚珊瑚绒四件套冬季保暖床单被套",
        "order": "3658921470123456789", "amount": "¥128.00", "coupon": "5元无门槛券", "shop": "暖冬家居小铺",
        "city": "乌鲁木齐市", "days": "3"}
COMMON = ("size_colour", "quality", "no_longer_wanted", "logistics_delay")
CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")


def library_text() -> str:
    return files("sellerdesk").joinpath("resources", "scripts", "library.json").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def lib() -> list[Script]:
    return parse_library(library_text(), "library.json", builtin=True)


def by_key(scripts):
    return {s.key: s for s in scripts}


def script(key="t.one", reason="wrong_item", texts=("{name}您好", "Hi {name}"), **kw) -> Script:
    return Script(key, reason, kw.pop("title_zh", "测试"), kw.pop("title_en", "Test"),
                  (ScriptMessage("apologise", *texts),), **kw)


# ---- the built-in library ---------------------------------------------------------------

def test_builtin_library_parses_clean_and_round_trips(lib):
    assert len(lib) >= len(REASONS) + len(CARE_TOPICS)
    assert all(s.builtin and s.enabled for s in lib)
    assert [check_script(s) for s in lib if check_script(s)] == []
    again = parse_library(library_to_text(lib), "again", builtin=True)
    assert again == lib
    assert [s.position for s in lib] == list(range(len(lib)))


def test_every_reason_and_care_topic_has_a_standard_script(lib):
    keys = by_key(lib)
    for topic in REASONS + CARE_TOPICS:
        s = keys.get(f"{topic.key}.standard")
        assert s is not None, topic.key
        assert s.reason == topic.key and s.kind == topic.kind and s.tone == "standard"
    assert {s.key for s in lib} == {f"{s.reason}.{s.tone}" for s in lib}, "keys are reason.tone"


@pytest.mark.parametrize("reason", COMMON)
def test_warm_and_brief_variants_of_the_common_reasons(lib, reason):
    keys = by_key(lib)
    warm, brief, standard = keys[f"{reason}.warm"], keys[f"{reason}.brief"], keys[f"{reason}.standard"]
    assert warm.tone == "warm" and brief.tone == "brief"
    assert warm.outcome == brief.outcome == standard.outcome
    def length(s):
        return sum(len(m.text_zh) for m in s.messages)

    assert length(brief) < length(standard) and length(brief) < length(warm)
    assert len(brief.messages) <= len(standard.messages)
    assert brief.messages[0].text_zh.startswith("{name}") and warm.messages[0].text_zh.startswith("{name}")


def test_seller_fault_scripts_apologise_explain_offer_a_gift_or_concession_and_confirm(lib):
    for s in lib:
        if s.fault != "seller" or s.kind != "reply":
            continue
        roles = [m.role for m in s.messages]
        if s.tone == "standard":
            assert roles == ["apologise", "explain", "offer", "confirm"], s.key
        assert roles[0] == "apologise" and roles[-1] == "confirm" and "offer" in roles, s.key
        offer = next(m for m in s.messages if m.role == "offer")
        assert any(w in offer.text_zh for w in ("小礼物", "差价", "{coupon}")), s.key
        assert any(w in offer.text_en for w in ("small gift", "part of the price", "{coupon}")), s.key
        assert s.outcome in OUTCOMES, s.key


def test_buyer_reasons_ask_why_and_offer_an_exchange_before_a_refund(lib):
    buyer = [s for s in lib if s.fault == "buyer"]
    assert {s.reason for s in buyer} == {"size_colour", "no_longer_wanted", "return_shipping", "refund_before_shipping"}
    for s in buyer:
        roles = [m.role for m in s.messages]
        assert roles[0] == "ask" and roles[-1] == "confirm" and 3 <= len(roles) <= 4, s.key
        offer_at = roles.index("offer")
        offer = s.messages[offer_at].text_zh
        assert "换" in offer or "改" in offer, s.key  # an exchange (or a change before shipping)
        assert any(w in offer for w in ("{coupon}", "小礼物", "运费我们")), s.key  # with a small benefit
        refund_at = [i for i, m in enumerate(s.messages)
                     if m.role != "ask" and any(w in m.text_zh for w in ("退款", "想退", "退货退款"))]
        assert all(i >= offer_at for i in refund_at), s.key
        assert s.outcome in ("exchanged", "withdrawn"), s.key
    # the buyer's right to return is said, not hidden
    for key in ("size_colour.standard", "no_longer_wanted.standard", "refund_before_shipping.standard"):
        assert "退" in by_key(lib)[key].messages[-1].text_zh


def test_reply_scripts_are_three_or_four_short_messages(lib):
    for s in lib:
        n = len(s.messages)
        assert (3 <= n <= 4) if s.kind == "reply" else (1 <= n <= 2), s.key
        for lang, limit in (("zh", 70), ("en", 200)):
            for text in render_script(s, FULL, lang):
                assert len(text) <= limit, (s.key, lang, text)


def test_care_messages_and_the_peak_notice(lib):
    keys = by_key(lib)
    assert "{city}" in keys["in_city.standard"].messages[0].text_zh
    assert "发货" in keys["shipped.standard"].messages[0].text_zh
    notice = " ".join(m.text_zh for m in keys["peak_notice.standard"].messages)
    assert "回复" in notice and "快递" in notice and "慢" in notice  # chats and deliveries both slow
    review = keys["delivered_review.standard"]
    zh = " ".join(m.text_zh for m in review.messages)
    en = " ".join(m.text_en for m in review.messages).lower()
    assert "评价" in zh and "review" in en
    # a review invitation, never a reward for a (good) review
    assert not any(w in zh for w in ("好评", "礼", "券", "红包", "返", "五星"))
    assert not any(w in en for w in ("gift", "coupon", "reward", "cash", "5-star", "five-star", "positive", "good review"))


FORBIDDEN_ZH = ("微信", "加V", "支付宝", "转账", "私下", "线下", "返现", "好评", "五星", "差评", "撤销申请")
FORBIDDEN_EN = ("wechat", "alipay", "bank transfer", "outside the platform", "cashback", "cash back",
                "5-star", "five-star", "positive review", "good review", "withdraw your")


def test_no_promise_the_platforms_forbid(lib):
    """No money for a good review, no deals outside the platform, no pressure on a buyer's complaint."""
    for s in lib:
        for m in s.messages:
            assert not [w for w in FORBIDDEN_ZH if w in m.text_zh], (s.key, m.text_zh)
            assert not [w for w in FORBIDDEN_EN if w in m.text_en.lower()], (s.key, m.text_en)


def test_english_versions_are_translations(lib):
    for s in lib:
        assert s.title_en and s.resolution_en and s.resolution_zh, s.key
        for text in (s.title_en, s.resolution_en, *(m.text_en for m in s.messages)):
            assert text.strip() and not CJK.search(text), (s.key, text)
        for m in s.messages:  # the same fields in both: a translation, not a rewrite
            assert sorted(re.findall(r"\{(\w+)\}", m.text_zh)) == sorted(re.findall(r"\{(\w+)\}", m.text_en)), \
                (s.key, m.text_zh, m.text_en)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("values", [FULL, {}, {k: None for k in SCRIPT_FIELDS}, {k: " " for k in SCRIPT_FIELDS}])
def test_builtin_scripts_read_with_and_without_values(lib, lang, values):
    doubled = ("您的您的", "的您的订单", "的宝贝宝贝", "您的订单的", "your your", "the your", "the item item",
               "the the", "  ")
    for s in lib:
        for text in render_script(s, values, lang):
            assert not re.search(r"[{}｛｝]", text), (s.key, text)
            assert not [d for d in doubled if d in text], (s.key, text)
            if lang == "en":
                assert not re.search(r"(^|[.!?] )[a-z]", text), (s.key, text)  # sentences start capitalised


def test_shortcuts_one_to_nine_on_the_peak_day_favourites(lib):
    shortcuts = {s.shortcut: s.key for s in lib if s.shortcut is not None}
    assert sorted(shortcuts) == list(range(1, 10))
    assert shortcuts[1] == "late_shipment.standard" and shortcuts[9] == "peak_notice.standard"
    assert {"size_colour.standard", "no_longer_wanted.standard", "logistics_delay.standard"} <= set(shortcuts.values())
    note = json.loads(library_text())["note"]
    assert all(f"{n} " in note for n in range(1, 10)), "the file says why each number"


def test_group_by_reason_follows_the_taxonomy(lib):
    groups = group_by_reason(lib)
    assert [r.key for r, _ in groups] == [r.key for r in REASONS + CARE_TOPICS]
    sizes = {r.key: [s.tone for s in ss] for r, ss in groups}
    assert sizes["size_colour"] == ["standard", "warm", "brief"]


# ---- rendering ----------------------------------------------------------------------------

def test_render_fills_every_field():
    s = script(texts=("{name}/{nick}/{item}/{order}/{amount}/{coupon}/{shop}/{city}/{days}",
                      "{name}/{nick}/{item}/{order}/{amount}/{coupon}/{shop}/{city}/{days}"))
    assert render_script(s, FULL, "zh") == [
        "欧阳晓明/xiaoming_88/加厚珊瑚绒四件套冬季保暖床单被套/订单3658921470123456789/¥128.00/5元无门槛券/暖冬家居小铺/乌鲁木齐市/3天"]
    assert render_script(s, FULL, "en") == [
        "欧阳晓明/xiaoming_88/加厚珊瑚绒四件套冬季保暖床单被套/order 3658921470123456789/¥128.00/5元无门槛券/暖冬家居小铺/乌鲁木齐市/3 days"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_missing_values_fall_back_to_neutral_words(lang):
    s = script(texts=("{name}|{item}|{order}|{amount}|{coupon}|{shop}|{city}|{days}",) * 2)
    expected = {"zh": "亲|宝贝|您的订单|款项|一张店铺优惠券|本店|您所在的城市|好几天",
                "en": "there|item|your order|the amount|a shop coupon|our shop|your city|several days"}[lang]
    for values in ({}, {k: None for k in SCRIPT_FIELDS}, {k: "  \n" for k in SCRIPT_FIELDS}):
        assert render_script(s, values, lang)[0] == expected
    # a title that is only 【tags】 has nothing left to show
    assert render_script(s, {"item": "【包邮】"}, lang)[0].split("|")[1] == expected.split("|")[1]


def test_days_are_dressed_for_the_sentence():
    s = script(texts=("已经{days}了", "for {days}"))
    assert render_script(s, {"days": "1"}, "en") == ["for 1 day"]
    assert render_script(s, {"days": 7}, "en") == ["for 7 days"]
    assert render_script(s, {"days": "1"}, "zh") == ["已经1天了"]


def test_values_are_cleaned_and_never_reinterpreted():
    s = script(texts=("{name}:{item}", "{name}:{item}"))
    assert render_script(s, {"name": "{order}", "item": "a\n\tb"}, "zh") == ["{order}:a b"]
    long_title = "2024新款秋冬加厚羊毛衫女宽松外套韩版百搭"
    out = render_script(s, {"item": long_title}, "zh")[0]
    assert out.endswith("…") and len(out.split(":")[1]) == 16


def test_unknown_fields_are_reported_and_render_as_words():
    s = script(texts=("{name}您好{last_item}", "Hi {name} {foo"))
    assert render_script(s, {"name": "A"}, "zh") == ["A您好last_item"]
    assert [n.code for n in check_script(s)] == ["unknown_field", "stray_brace"]
    assert "t.one" in check_script(s)[0].zh and "{item}" in check_script(s)[0].zh


def test_an_empty_language_falls_back_to_the_other():
    s = script(texts=("只有中文{name}", ""), title_en="")
    assert render_script(s, {}, "en") == ["只有中文there"]
    assert s.title("en") == "测试"
    assert tone_label("warm", "zh") == "暖心" and tone_label("shop_tone", "en") == "shop_tone"


# ---- search -------------------------------------------------------------------------------

def keys_of(found):
    return [s.key for s in found]


def search(lib, query, lang="zh", **kw):
    return keys_of(search_scripts(lib, query, lang, initials, spelled=spelled, **kw))


@pytest.mark.parametrize("query, first", [
    ("发错", "wrong_item.standard"),
    ("发错货", "wrong_item.standard"),
    ("wrong item", "wrong_item.standard"),
    ("fch", "wrong_item.standard"),
    ("thyf", "return_shipping.standard"),
    ("THYF", "return_shipping.standard"),
    ("ｆｃｈ", "wrong_item.standard"),  # full-width, as a Chinese IME types it
    ("tuihuo", "return_shipping.standard"),
    ("wuliu", "logistics_delay.standard"),
    ("cmys", "size_colour.standard"),
    ("fp", "invoice.standard"),
    ("尺码 暖心", "size_colour.warm"),
    ("cmys warm", "size_colour.warm"),
    ("invoice", "invoice.standard"),
    ("运费险", "return_shipping.standard"),  # a word only in the messages
    ("qsgh", "delivered_review.standard"),
])
def test_search_by_words_and_pinyin(lib, query, first):
    assert search(lib, query)[0] == first


def test_search_needs_every_word_and_ranks_titles_first(lib):
    assert search(lib, "尺码 发票") == []
    found = search(lib, "退款")
    assert len(found) > 5 and "refund_before_shipping.standard" == found[0]
    assert search(lib, "cmys")[:3] == ["size_colour.standard", "size_colour.warm", "size_colour.brief"]


def test_pinyin_only_with_the_pinyin_functions(lib):
    assert keys_of(search_scripts(lib, "fch", "zh")) == []
    assert keys_of(search_scripts(lib, "fch", "zh", initials))[0] == "wrong_item.standard"
    assert keys_of(search_scripts(lib, "facuo", "zh", initials)) == []
    assert search(lib, "facuo")[0] == "wrong_item.standard"


def test_field_names_are_not_search_words():
    plain = script("a.x", "invoice", texts=("{item}到了", "{item} arrived"), title_zh="到货", title_en="Arrival")
    assert keys_of(search_scripts([plain], "item")) == []
    assert keys_of(search_scripts([plain], "arrived")) == ["a.x"]


def test_empty_query_lists_enabled_scripts_by_position(lib):
    shuffled = [replace(s, position=len(lib) - i) for i, s in enumerate(lib)]
    shuffled[0] = replace(shuffled[0], enabled=False)
    found = search_scripts(shuffled, "  ")
    assert keys_of(found) == [s.key for s in reversed(lib[1:])]
    assert lib[0].key not in search(shuffled, "fch")
    assert search(shuffled, "fch", include_disabled=True)[0] == lib[0].key


def test_a_tie_goes_to_the_agents_language():
    zh_title = script("a.zh", title_zh="发票 invoice", title_en="Tax paper")
    en_title = script("a.en", title_zh="税票", title_en="Invoice")
    both = [zh_title, en_title]
    assert keys_of(search_scripts(both, "invoice", "en"))[0] == "a.en"


# ---- the file format ----------------------------------------------------------------------

def test_round_trip_keeps_everything_but_the_builtin_flag():
    scripts = [
        script("mine.1", "quality", ("亲{name}", ""), tone="shop_tone", enabled=False, position=5, shortcut=3,
               outcome="partial_refund", resolution_zh="换新", builtin=True),
        script("mine.2", "peak_notice", ("", "Hello {name}"), kind="care", title_zh=""),
    ]
    text = library_to_text(scripts, note="shared by 小王")
    assert json.loads(text)["note"] == "shared by 小王" and "\\u" not in text
    back = parse_library(text, "x.json")
    assert back == [replace(scripts[0], builtin=False), scripts[1]]
    assert parse_library(text, "x.json", builtin=True)[0].builtin


def good_file() -> str:
    return library_to_text([script("a.one"), script("a.two", "size_colour", shortcut=2)])


def error(text: str) -> ScriptError:
    with pytest.raises(ScriptError) as err:
        parse_library(text, "shared.json")
    assert isinstance(err.value, BilingualError)
    assert err.value.message_zh.startswith("shared.json") and err.value.message_en.startswith("shared.json")
    return err.value


def line_of(text: str, needle: str, nth: int = 0) -> int:
    lines = [i for i, line in enumerate(text.splitlines(), 1) if needle in line]
    return lines[nth]


def test_a_missing_comma_names_the_line_that_lacks_it():
    text = good_file().replace('"reason": "size_colour",', '"reason": "size_colour"')
    e = error(text)
    assert e.line == line_of(text, '"reason": "size_colour"')  # the decoder noticed a line below
    assert f"第 {e.line} 行" in e.message_zh and "逗号" in e.message_zh and f"line {e.line}" in e.message_en


def test_other_syntax_errors_name_the_decoders_line():
    text = good_file().replace('"tone": "standard"', '"tone": standard', 1)
    e = error(text)
    assert e.line == line_of(text, '"tone": standard') and "not valid JSON" in e.message_en


@pytest.mark.parametrize("old, new, needle, field", [
    ('"reason": "size_colour"', '"reason": "colour"', '"reason": "colour"', "reason"),
    ('"shortcut": 2', '"shortcut": 12', '"shortcut": 12', "shortcut"),
    ('"shortcut": 2', '"shortcut": true', '"shortcut": true', "shortcut"),
    ('"key": "a.two"', '"key": "a.one"', '"key": "a.one"', "key"),  # the second one is the wrong one
    ('"text_en": "Hi {name}"', '"text_en": ["Hi"]', '"text_en": ["Hi"]', "messages[1].text_en"),
])
def test_a_wrong_field_names_the_line_where_it_sits(old, new, needle, field):
    text = good_file()
    assert old in text
    text = text.replace(old, new, 1)
    e = error(text)
    assert e.line == line_of(text, needle, -1)
    assert f"field '{field}'" in e.message_en and f"line {e.line}" in e.message_en


def test_a_bad_message_names_its_line_and_number():
    text = good_file()
    text = text.replace('"role": "apologise"', '"role": "thank"', 2).replace('"role": "thank"', '"role": "apologise"', 1)
    e = error(text)
    assert e.line == line_of(text, '"role": "thank"')
    assert "messages[1].role" in e.message_en and "a.two" in e.message_en and "a.two" in e.message_zh


def test_a_missing_field_names_the_line_where_the_script_starts():
    data = json.loads(good_file())
    del data["scripts"][1]["reason"]
    text = json.dumps(data, ensure_ascii=False, indent=2)
    e = error(text)
    assert e.line == line_of(text, '"key": "a.two"') - 1  # the line of its opening brace
    assert "field 'reason'" in e.message_en


@pytest.mark.parametrize("mutate, words", [
    (lambda d: d.update(version=2), "version"),
    (lambda d: d.update(extra=1), "extra"),
    (lambda d: d["scripts"][0].update(titel_zh="x"), "titel_zh"),
    (lambda d: d["scripts"][0].update(title_zh="", title_en=" "), "title_zh"),
    (lambda d: d["scripts"][0].update(messages=[]), "messages"),
    (lambda d: d["scripts"][0]["messages"][0].update(text_zh="", text_en=""), "messages[1].text_zh"),
    (lambda d: d["scripts"][0].update(outcome="refund"), "outcome"),
    (lambda d: d["scripts"][0].update(kind="care"), "kind"),
    (lambda d: d["scripts"][0].update(position=-1), "position"),
    (lambda d: d["scripts"][0].update(enabled="yes"), "enabled"),
    (lambda d: d["scripts"][0].update(key="has space"), "key"),
    (lambda d: d["scripts"][0].update(tone="暖心"), "tone"),
    (lambda d: d["scripts"][0].update(shortcut=2), "shortcut"),  # taken by a.two
    (lambda d: d["scripts"][1].update(key="a.one"), "key"),
    (lambda d: d.update(scripts={}), "scripts"),
    (lambda d: d["scripts"].append([]), "object"),
])
def test_malformed_scripts_are_refused_whole(mutate, words):
    data = json.loads(good_file())
    mutate(data)
    e = error(json.dumps(data, ensure_ascii=False, indent=2))
    assert words in e.message_en and e.line is not None


@pytest.mark.parametrize("text, line", [
    ("", 1),
    ("[]", 1),
    ('{"version": 1,\n "scripts": [],\n "scripts": []}', 3),  # a field twice
    (('{"version": 1,\n "scripts": [{"key": "a", "reason": "invoice", "title_zh": "x",\n'
      ' "messages": [{"role": "ask", "text_zh": "x"}], "position": NaN}]}'), 3),
])
def test_not_a_library(text, line):
    assert error(text).line == line


def test_a_bom_and_windows_line_ends_are_fine():
    text = "\ufeff" + good_file().replace("\n", "\r\n")
    assert [s.key for s in parse_library(text, "win.json")] == ["a.one", "a.two"]
    bad = "\ufeff" + good_file().replace('"reason": "size_colour"', '"reason": 3').replace("\n", "\r\n")
    assert error(bad).line == line_of(bad.replace("\r\n", "\n"), '"reason": 3')


def test_every_topic_key_is_known():
    assert set(REASON_BY_KEY) == {r.key for r in REASONS + CARE_TOPICS}
    assert all(r.fault in ("seller", "buyer", "neutral") for r in REASONS)
