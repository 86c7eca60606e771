"""Message templates with fields: '{name}您好，您买的{last_item}上新了'.

Rules (the editor shows them):
- A field is a known key in braces: {name}. Spaces inside and upper case are
  tolerated ({ Name }), and full-width braces ｛name｝ too, since a Chinese
  IME types those.
- {{ and }} write a literal brace.
- A field the buyer lacks (None or blank) becomes a neutral word in the
  message's language ('亲', '您喜欢的宝贝'), never '{name}'.
- An unknown field {foo} renders as the bare word 'foo': a buyer must never
  receive braces. The editor warns before that happens (unknown_fields,
  check_template), so the choice only matters when a warning was ignored.
- A lone brace that is not part of a field is kept as typed and flagged.

The functions take an optional field table (key -> FieldSpec) so other texts with
their own fields (the after-sales scripts of domain.scripts) share this one
tokenizer; without it they use the outreach FIELDS.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from sellerdesk.domain.buyers import BuyerFacts
from sellerdesk.domain.masking import readable_name
from sellerdesk.domain.money import format_yuan


@dataclass(frozen=True, slots=True)
class Notice:
    """A warning shown next to a text: a stable code plus Chinese and English wording."""

    code: str
    zh: str
    en: str

    def message(self, lang: str = "zh") -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True, slots=True)
class FieldSpec:
    key: str
    label_zh: str
    label_en: str
    fallback_zh: str
    fallback_en: str

    def fallback(self, lang: str = "zh") -> str:
        return self.fallback_zh if lang == "zh" else self.fallback_en


FIELDS: dict[str, FieldSpec] = {
    f.key: f
    for f in (
        FieldSpec("name", "收件人姓名", "Receiver name", "亲", "there"),
        FieldSpec("nick", "买家账号", "Buyer account", "亲", "there"),
        FieldSpec("last_item", "最近购买的宝贝", "Last item bought", "您喜欢的宝贝", "your favourite item"),
        FieldSpec("coupon", "优惠券", "Coupon", "专属优惠", "a special offer"),
        FieldSpec("shop", "店铺名", "Shop name", "本店", "our shop"),
        FieldSpec("city", "城市", "City", "您所在的城市", "your city"),
        FieldSpec("last_order_date", "最近下单日期", "Last order date", "之前", "earlier"),
        FieldSpec("aov", "客单价", "Average order value", "—", "—"),
        FieldSpec("paid_total", "累计消费", "Total spent", "—", "—"),
    )
}

PERSONAL_FIELDS = ("name", "nick")  # greetings: useless (or alarming) when masked or encrypted
TITLE_LIMIT = 12  # characters of an item title in a message: an SMS part is only 67-70

# {{ | }} | a field in ASCII or full-width braces | any other brace
_TOKEN = re.compile(r"\{\{|\}\}|[{｛]\s*([A-Za-z_][A-Za-z0-9_]*)\s*[}｝]|[{}｛｝]")
_TAGS = re.compile(r"【[^【】]*】|\[[^\[\]]*\]")  # 【包邮】 [现货]: title noise, and 【】 reads as an SMS signature
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


def _tokens(template: str, fields: Mapping[str, FieldSpec]):
    """Yield (kind, text, key): kind is 'text', 'escape', 'field', 'unknown' or 'stray'."""
    pos = 0
    for m in _TOKEN.finditer(template):
        if m.start() > pos:
            yield "text", template[pos : m.start()], None
        s = m.group(0)
        if s in ("{{", "}}"):
            yield "escape", s[0], None
        elif m.group(1) is not None:
            key = m.group(1).lower()
            if key in fields:
                yield "field", s, key
            elif s[0] == "{" and s[-1] == "}":
                yield "unknown", s, m.group(1)
            else:
                yield "text", s, None  # ｛foo｝ in full-width is decoration, not a field
        else:
            yield "stray", s, None
        pos = m.end()
    if pos < len(template):
        yield "text", template[pos:], None


def render(
    template: str,
    values: Mapping[str, str | None],
    lang: str = "zh",
    fields: Mapping[str, FieldSpec] = FIELDS,
) -> str:
    """Fill the template; blank or missing values take the field's fallback, and so do names and
    nicks the platform masked or encrypted (a message never greets '王**' or '##9D71…')."""
    out: list[str] = []
    for kind, text, key in _tokens(template, fields):
        if kind == "field":
            value = values.get(key)
            value = _CONTROL.sub(" ", str(value)).strip() if value is not None else ""
            if key in PERSONAL_FIELDS and not readable_name(value):
                value = ""
            out.append(value or fields[key].fallback(lang))
        elif kind == "unknown":
            out.append(key)
        else:
            out.append(text)
    return "".join(out)


def used_fields(template: str, fields: Mapping[str, FieldSpec] = FIELDS) -> list[str]:
    """Known fields in order of first use."""
    return list(dict.fromkeys(k for kind, _, k in _tokens(template, fields) if kind == "field"))


def unknown_fields(template: str, fields: Mapping[str, FieldSpec] = FIELDS) -> list[str]:
    """{words} that are not fields, in order of first use; render would print them as bare words."""
    return list(dict.fromkeys(k for kind, _, k in _tokens(template, fields) if kind == "unknown"))


def check_template(template: str, fields: Mapping[str, FieldSpec] = FIELDS) -> list[Notice]:
    """Problems of the template itself: unknown fields, lone braces."""
    notices = []
    unknown = unknown_fields(template, fields)
    if unknown:
        names = "、".join("{" + u + "}" for u in unknown)
        known = ", ".join("{" + k + "}" for k in fields)
        notices.append(Notice(
            "unknown_field",
            f"未知字段 {names}：发送时只会显示其中的文字。可用字段：{known}",
            f"Unknown field {', '.join('{' + u + '}' for u in unknown)}: only the word will be sent. "
            f"Fields: {known}",
        ))
    if any(kind == "stray" for kind, _, _ in _tokens(template, fields)):
        notices.append(Notice(
            "stray_brace",
            "有不成对的花括号；字段写作 {name}，括号本身写作 {{ 或 }}。",
            "A brace is not part of a field; write fields as {name} and a literal brace as {{ or }}.",
        ))
    return notices


def shorten_title(title: str | None, limit: int = TITLE_LIMIT) -> str | None:
    """'【包邮】2024新款秋冬加厚羊毛衫女宽松' -> '2024新款秋冬加厚羊毛…' (limit chars with the ellipsis)."""
    if not title:
        return None
    text = _CONTROL.sub(" ", _TAGS.sub(" ", unicodedata.normalize("NFC", title)))
    text = " ".join(text.split())
    if not text:
        return None
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def buyer_values(
    facts: BuyerFacts, *, shop: str | None = None, coupon: str | None = None
) -> dict[str, str | None]:
    """The field values for one buyer; None where the buyer lacks it (render falls back)."""
    aov = facts.aov_fen
    return {
        "name": facts.name,
        "nick": facts.account,
        "last_item": shorten_title(facts.last_item),
        "coupon": coupon,
        "shop": shop,
        "city": facts.city,
        "last_order_date": facts.last_order_day,
        "aov": format_yuan(aov) if aov is not None else None,
        "paid_total": format_yuan(facts.paid_fen) if facts.countable_orders else None,
    }
