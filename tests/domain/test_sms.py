from datetime import datetime, time, timedelta, timezone

import pytest

from sellerdesk.domain.sms import has_opt_out, has_signature, send_time_ok, sms_length, sms_parts, sms_warnings

GOOD = "【小店】亲，双11老客专享满150减10，拒收请回复R"


@pytest.mark.parametrize(
    "n, parts",
    [(0, 0), (1, 1), (70, 1), (71, 2), (134, 2), (135, 3), (201, 3), (202, 4)],
)
def test_parts_boundaries(n, parts):
    assert sms_parts("字" * n) == parts


def test_everything_counts():
    text = "【小店】Hi 王\n回T退订"
    assert sms_length(text) == len(text) == 13
    assert sms_length("🎉") == 2  # UTF-16 surrogate pair
    assert sms_parts("a" * 69 + "🎉") == 2


@pytest.mark.parametrize(
    "text, ok",
    [
        ("【小店】上新了", True),
        ("  【小店】上新了", True),
        ("上新了，退订回T【小店】", True),  # signature at the end
        ("上新了【小店】 ", True),
        ("上新了", False),
        ("【】上新了", False),
        ("上新【小店】了", False),  # in the middle is not a signature
        ("[小店]上新了", False),
        ("【 小店】上新了", False),
    ],
)
def test_signature(text, ok):
    assert has_signature(text) is ok


@pytest.mark.parametrize(
    "text",
    [
        "拒收请回复R", "拒收回R", "回T退订", "退订回T", "回TD退订", "回N退订", "退订回TD", "回复TD退订",
        "退订请回复T", "如需退订请回复TD", "回t退订", "回ＴＤ退订", "退订回“T”", "回复 T 退订", "回R拒收",
        "回复0退订", "【小店】上新啦，回TD退订【小店】",
    ],
)
def test_opt_out_variants(text):
    assert has_opt_out(text)


@pytest.mark.parametrize(
    "text",
    ["退订", "回复有惊喜", "回复咨询客服", "退订回TEST", "拒收", "TD", "回T", "回复1234567退订", ""],
)
def test_not_opt_out(text):
    assert not has_opt_out(text)


@pytest.mark.parametrize(
    "t, ok",
    [(time(7, 59, 59), False), (time(8, 0), True), (time(12), True), (time(21, 59, 59), True),
     (time(22, 0), False), (time(0, 0), False)],
)
def test_send_time(t, ok):
    assert send_time_ok(t) is ok


def test_clean_text_has_no_warnings():
    assert sms_warnings(GOOD, time(10)) == []
    assert sms_warnings(GOOD) == []


def test_warnings_codes_and_languages():
    codes = [n.code for n in sms_warnings("双11上新{foo}", time(22, 30))]
    assert codes == ["no_signature", "no_opt_out", "send_time", "unknown_field"]
    for n in sms_warnings("x", time(23)):
        assert n.message("zh") != n.message("en")
    assert [n.code for n in sms_warnings("  ")] == ["empty"]


def test_extra_brackets_and_many_parts():
    codes = [n.code for n in sms_warnings("【小店】【包邮】上新，回T退订")]
    assert codes == ["extra_brackets"]
    long = GOOD + "字" * (67 * 4 - len(GOOD) + 1)
    assert sms_parts(long) == 5
    assert [n.code for n in sms_warnings(long)] == ["many_parts"]
    assert sms_warnings(long, max_parts=5) == []


def test_aware_datetime_is_read_in_beijing_time():
    utc = timezone.utc
    assert sms_warnings(GOOD, datetime(2025, 11, 10, 13, 0, tzinfo=utc)) == []  # 21:00 Beijing
    late = sms_warnings(GOOD, datetime(2025, 11, 10, 14, 0, tzinfo=utc))  # 22:00 Beijing
    assert [n.code for n in late] == ["send_time"]
    assert sms_warnings(GOOD, datetime(2025, 11, 10, 21, 0)) == []  # naive: already local
    assert sms_warnings(GOOD, datetime(2025, 11, 10, 7, 0, tzinfo=timezone(timedelta(hours=8))))
