"""Chinese marketing SMS: length, billed parts, signature, opt-out, send hours.

Billing: a message of up to 70 characters is one part; a longer one is split
into parts of 67 (3 go to the concatenation header), so 71..134 -> 2 parts,
135 -> 3. Every character counts: Chinese, ASCII, punctuation, spaces,
newlines, the 【signature】 and the opt-out. Characters outside the BMP
(emoji) count as 2 because the text travels as UCS-2/UTF-16.

Send hours: marketing texts go out from 08:00 (inclusive) to 22:00
(exclusive), Beijing time; 22:00 itself is already late evening.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, time, timedelta, timezone

from sellerdesk.domain.message_fields import Notice, check_template

SINGLE_LIMIT = 70
PART_LIMIT = 67
EARLIEST = time(8, 0)
LATEST = time(22, 0)  # exclusive
MANY_PARTS = 3  # above this many parts the cost warning shows
BEIJING = timezone(timedelta(hours=8))  # China has no DST; no tz database needed on Windows

_SIGNATURE = r"【[^【】\s][^【】]{0,19}】"  # carriers take 2..12 chars; be lenient on length, strict on shape
_SIGNATURE_START = re.compile(r"^\s*" + _SIGNATURE)
_SIGNATURE_END = re.compile(_SIGNATURE + r"\s*$")
_BRACKETS = re.compile(r"【[^【】]*】")

# Opt-out wording. Codes are one or two Latin letters (T, TD, N, R); a digit code
# like 0000 is accepted only with 退订 right after it. Quotes around the code are common.
_Q = r"[\"'“”‘’「」『』]?"
_CODE = _Q + r"[A-Z]{1,2}(?![A-Z])" + _Q
_OPT_OUT = re.compile(
    "|".join((
        r"(?:拒收|退订|不再接收)\s*(?:请)?\s*(?:回复|回)\s*" + _CODE,  # 拒收请回复R, 退订回T, 退订请回复TD
        r"(?:回复|回)\s*" + _CODE + r"\s*(?:退订|退|拒收)",  # 回T退订, 回TD退订, 回复N退订, 回R拒收
        r"(?:回复|回)\s*" + _Q + r"\d{1,4}" + _Q + r"\s*退订",  # 回复0退订
    ))
)


def sms_length(text: str) -> int:
    """Billed characters: UTF-16 code units (an emoji counts 2)."""
    return len(text.encode("utf-16-le")) // 2


def sms_parts(text: str) -> int:
    """Billed parts: 0 for empty, 1 up to 70 characters, else ceil(length / 67)."""
    n = sms_length(text)
    if n == 0:
        return 0
    if n <= SINGLE_LIMIT:
        return 1
    return -(-n // PART_LIMIT)


def has_signature(text: str) -> bool:
    """【店名】 at the start (the house convention) or at the end (some platforms append it)."""
    return bool(_SIGNATURE_START.match(text) or _SIGNATURE_END.search(text))


def has_opt_out(text: str) -> bool:
    """拒收请回复R, 退订回T, 回TD退订, 回N退订 and their variants (full-width letters, quotes)."""
    # NFKC turns full-width letters and digits (ＴＤ, ０) into ASCII; codes are case-insensitive.
    return bool(_OPT_OUT.search(unicodedata.normalize("NFKC", text).upper()))


def send_time_ok(t: time) -> bool:
    """08:00 <= t < 22:00 (wall-clock Beijing time; a tz-aware time is compared on its clock)."""
    return EARLIEST <= t.replace(tzinfo=None) < LATEST


def _local_time(send_at: datetime | time) -> time:
    if isinstance(send_at, datetime):
        if send_at.tzinfo is not None:
            send_at = send_at.astimezone(BEIJING)
        return send_at.time()
    return send_at


def sms_warnings(text: str, send_at: datetime | time | None = None, max_parts: int = MANY_PARTS) -> list[Notice]:
    """Everything worth a warning before sending: works on a template or a rendered text."""
    notices: list[Notice] = []
    if not text.strip():
        return [Notice("empty", "短信内容为空。", "The message is empty.")]
    if not has_signature(text):
        notices.append(Notice(
            "no_signature",
            "缺少【签名】：营销短信须以【店铺签名】开头。",
            "No 【signature】: a marketing SMS must start with the 【shop signature】.",
        ))
    elif len(_BRACKETS.findall(text)) > 1:
        notices.append(Notice(
            "extra_brackets",
            "正文中还有【】：运营商可能把它当作签名而拒发，请改用其他括号。",
            "More than one 【】: carriers may take it for the signature and reject the text; use other brackets.",
        ))
    if not has_opt_out(text):
        notices.append(Notice(
            "no_opt_out",
            "缺少退订说明，例如“拒收请回复R”或“退订回T”。",
            "No opt-out wording such as 拒收请回复R or 退订回T.",
        ))
    parts = sms_parts(text)
    if parts > max_parts:
        notices.append(Notice(
            "many_parts",
            f"共 {sms_length(text)} 字，按 {parts} 条计费。",
            f"{sms_length(text)} characters are billed as {parts} messages.",
        ))
    if send_at is not None and not send_time_ok(_local_time(send_at)):
        notices.append(Notice(
            "send_time",
            "发送时间不在 08:00-22:00 之间：深夜和清晨不宜发送营销短信。",
            "The send time is outside 08:00-22:00: no marketing texts late at night or early in the morning.",
        ))
    notices.extend(check_template(text))
    return notices
