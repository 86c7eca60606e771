"""After-sales reply scripts (客服话术): the reasons, the scripts, their fields, search and file format.

A script answers one after-sales reason (发错货, 尺码不合适 ...) with a short
sequence of chat messages the agent pastes one by one, plus the resolution the
shop recommends. Seller's fault: apologise, explain, offer a small gift or a
clear price concession, confirm. Buyer's reasons: ask why, offer an exchange or
another item with a small benefit before a refund, confirm (DOMAIN.md section 3).
Care messages (shipped, in the buyer's city, delivered) and the peak-day notice
are scripts of kind 'care'.

The built-in library is data (resources/scripts/library.json); reading files is
the caller's job. Library file, version 1 (UTF-8 JSON):

    {"version": 1, "note": "optional free text",
     "scripts": [{"key": "wrong_item.standard", "reason": "wrong_item", "tone": "standard",
                  "title_zh": "发错货", "title_en": "Wrong item sent",
                  "messages": [{"role": "apologise", "text_zh": "{name}您好，...", "text_en": "Hi {name}, ..."}],
                  "resolution_zh": "...", "resolution_en": "...", "outcome": "exchanged",
                  "shortcut": 7, "enabled": true, "position": 0, "kind": "reply"}]}

"tone" defaults to standard, "enabled" to true, "position" to the script's index
in the file, "kind" to its reason's kind; "shortcut" (1-9) and "outcome" may be
absent or null. A text may be empty in one language (it falls back to the other),
not in both. A wrong file raises ScriptError naming the source and the line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from sellerdesk.domain.cases import Outcome
from sellerdesk.domain.errors import BilingualError
from sellerdesk.domain.message_fields import (
    FieldSpec,
    Notice,
    check_template,
    render,
    shorten_title,
)

# ---- vocabulary ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Reason:
    """An after-sales reason (or a care topic): who is at fault decides the recommended reply."""

    key: str
    zh: str
    en: str
    fault: str  # 'seller' | 'buyer' | 'neutral'
    kind: str = "reply"  # 'reply' | 'care'

    def name(self, lang: str = "zh") -> str:
        return self.zh if lang == "zh" else self.en


# The taxonomy sellers use, in the order an agent scans it: seller's fault first.
REASONS: tuple[Reason, ...] = (
    Reason("wrong_item", "发错货", "Wrong item sent", "seller"),
    Reason("missing_item", "少件/漏发", "Item missing", "seller"),
    Reason("damaged", "破损", "Damaged", "seller"),
    Reason("quality", "质量问题", "Quality problem", "seller"),
    Reason("not_as_described", "与描述不符", "Not as described", "seller"),
    Reason("late_shipment", "发货慢", "Late shipment", "seller"),
    Reason("logistics_delay", "物流延误", "Delivery delayed", "neutral"),
    Reason("size_colour", "尺码/颜色不合适", "Size or colour not right", "buyer"),
    Reason("no_longer_wanted", "不想要了/七天无理由", "No longer wanted (7-day return)", "buyer"),
    # Asked about when a buyer returns for their own reasons (who pays is the question).
    Reason("return_shipping", "退货运费", "Return shipping fee", "buyer"),
    Reason("invoice", "发票", "Invoice", "neutral"),
    Reason("refund_before_shipping", "未发货仅退款", "Refund before shipping", "buyer"),
)
CARE_TOPICS: tuple[Reason, ...] = (
    Reason("shipped", "发货提醒", "Shipped", "neutral", "care"),
    Reason("in_city", "同城派送提醒", "Arrived in the buyer's city", "neutral", "care"),
    Reason("delivered_review", "签收关怀", "Delivered (review invitation)", "neutral", "care"),
    Reason("peak_notice", "大促预期提醒", "Peak-day notice", "neutral", "care"),
)
ALL_TOPICS: tuple[Reason, ...] = REASONS + CARE_TOPICS
REASON_BY_KEY: dict[str, Reason] = {r.key: r for r in ALL_TOPICS}

ROLES = ("apologise", "explain", "ask", "offer", "confirm", "care")
KINDS = ("reply", "care")
# The suggested outcome of a script is one a case can end with (domain.cases logs them).
OUTCOMES = tuple(o.value for o in Outcome)  # a script's suggested case outcome
TONES: dict[str, tuple[str, str]] = {"standard": ("标准", "Standard"), "warm": ("暖心", "Warm"),
                                     "brief": ("简洁", "Brief")}
SHORTCUTS = range(1, 10)
VERSION = 1
MAX_SCRIPTS = 2000
MAX_MESSAGES = 12
MAX_TEXT = 2000
ITEM_LIMIT = 16  # characters of an item title in a chat message (chat allows more than an SMS)


def tone_label(tone: str, lang: str = "zh") -> str:
    """'warm' -> 暖心 / Warm; a shop's own tone shows as typed."""
    zh, en = TONES.get(tone, (tone, tone))
    return zh if lang == "zh" else en


# ---- fields -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ScriptField(FieldSpec):
    """A script field: a bare value is dressed for the sentence ('3' -> '3天'); a missing one
    falls back to a neutral word that reads in the same place ('您的订单')."""

    shown_zh: str = "{}"
    shown_en: str = "{}"
    shown_en_one: str | None = None  # English singular, for a value of '1'

    def show(self, value: str, lang: str = "zh") -> str:
        if lang == "zh":
            pattern = self.shown_zh
        else:
            pattern = self.shown_en_one if value == "1" and self.shown_en_one else self.shown_en
        return pattern.replace("{}", value)


# Texts are written so both the filled and the fallback wording read naturally:
# zh '正确的{item}' -> 正确的宝贝; en 'your {item}' -> your item; zh '{order}已发出' -> 您的订单已发出.
SCRIPT_FIELDS: dict[str, ScriptField] = {
    f.key: f
    for f in (
        ScriptField("name", "收件人姓名", "Receiver name", "亲", "there"),
        ScriptField("nick", "买家账号", "Buyer account", "亲", "there"),
        ScriptField("item", "宝贝", "Item", "宝贝", "item"),
        ScriptField("order", "订单号", "Order number", "您的订单", "your order", "订单{}", "order {}"),
        ScriptField("amount", "金额", "Amount", "款项", "the amount"),
        ScriptField("coupon", "优惠券", "Coupon", "一张店铺优惠券", "a shop coupon"),
        ScriptField("shop", "店铺名", "Shop name", "本店", "our shop"),
        ScriptField("city", "城市", "City", "您所在的城市", "your city"),
        ScriptField("days", "天数（签收或下单后）", "Days (since delivery or order)", "好几天",
                    "several days", "{}天", "{} days", "{} day"),
    )
}


class ScriptError(BilingualError):
    """A script or library file that cannot be used; names the source and, for a file, the line."""

    def __init__(self, message_zh: str, message_en: str, *, source: str = "", line: int | None = None):
        super().__init__(message_zh, message_en)
        self.source = source
        self.line = line


# ---- scripts ------------------------------------------------------------------------------


def _either(first: str, second: str) -> str:
    return first if first.strip() else second


@dataclass(frozen=True, slots=True)
class ScriptMessage:
    role: str
    text_zh: str
    text_en: str

    def text(self, lang: str = "zh") -> str:
        """The text in lang, or in the other language when that one is empty."""
        return _either(self.text_zh, self.text_en) if lang == "zh" else _either(self.text_en, self.text_zh)


@dataclass(frozen=True, slots=True)
class Script:
    key: str
    reason: str
    title_zh: str
    title_en: str
    messages: tuple[ScriptMessage, ...]
    resolution_zh: str = ""
    resolution_en: str = ""
    outcome: str | None = None  # the suggested outcome (OUTCOMES), None for care and invoices
    tone: str = "standard"
    enabled: bool = True
    position: int = 0
    shortcut: int | None = None
    builtin: bool = False
    kind: str = "reply"

    def title(self, lang: str = "zh") -> str:
        return _either(self.title_zh, self.title_en) if lang == "zh" else _either(self.title_en, self.title_zh)

    def resolution(self, lang: str = "zh") -> str:
        zh, en = self.resolution_zh, self.resolution_en
        return _either(zh, en) if lang == "zh" else _either(en, zh)

    @property
    def fault(self) -> str:
        topic = REASON_BY_KEY.get(self.reason)
        return topic.fault if topic else "neutral"


def script_values(values: Mapping[str, object | None], lang: str = "zh") -> dict[str, str | None]:
    """The values dressed for the sentence; blank ones become None (render falls back)."""
    out: dict[str, str | None] = {}
    for key, spec in SCRIPT_FIELDS.items():
        raw = values.get(key)
        text = " ".join(str(raw).split()) if raw is not None else ""
        if key == "item":
            text = shorten_title(text, ITEM_LIMIT) or ""
        out[key] = spec.show(text, lang) if text else None
    return out


def render_script(script: Script, values: Mapping[str, object | None], lang: str = "zh") -> list[str]:
    """The script's messages filled in, ready to paste one by one; never shows raw braces."""
    filled = script_values(values, lang)
    return [render(m.text(lang), filled, lang, SCRIPT_FIELDS) for m in script.messages]


def free_script_key(scripts: Iterable[Script], reason: str, tone: str = "standard") -> str:
    """A key none of these scripts uses: 'size_colour.warm', or 'size_colour.warm-2' when taken."""
    taken = {s.key for s in scripts}
    base = f"{reason}.{tone}"
    n, key = 1, base
    while key in taken:
        n += 1
        key = f"{base}-{n}"
    return key


def check_script(script: Script) -> list[Notice]:
    """What a valid script still gets wrong: unknown fields or lone braces in a message."""
    out: list[Notice] = []
    for i, message in enumerate(script.messages, 1):
        for lang in ("zh", "en"):
            text = message.text_zh if lang == "zh" else message.text_en
            for n in check_template(text, SCRIPT_FIELDS):
                out.append(Notice(n.code, f"话术「{script.key}」第 {i} 条（{lang}）：{n.zh}",
                                  f"Script '{script.key}' message {i} ({lang}): {n.en}"))
    return out


def group_by_reason(scripts: Iterable[Script]) -> list[tuple[Reason, list[Script]]]:
    """Scripts under their reasons in taxonomy order (care last), each list by position; empty reasons left out."""
    groups: dict[str, list[Script]] = {r.key: [] for r in ALL_TOPICS}
    for s in scripts:
        if s.reason in groups:
            groups[s.reason].append(s)
    return [(REASON_BY_KEY[k], sorted(v, key=lambda s: s.position)) for k, v in groups.items() if v]


# ---- search -------------------------------------------------------------------------------

_FIELD_TOKEN = re.compile(r"[{｛][^{}｛｝]*[}｝]")
_ROMAN = re.compile(r"[a-z0-9]+")


def _norm(text: str) -> str:
    """Full-width letters from a Chinese IME become ASCII; case is ignored."""
    return unicodedata.normalize("NFKC", text).lower()


@dataclass
class _Haystack:
    titles: list[str]
    names: list[str]  # the reason's names, its key, the tone's names, the script key
    texts: str  # messages and resolution, fields taken out ('{item}' must not match 'item')
    initials: list[str] = field(default_factory=list)
    spelled: list[str] = field(default_factory=list)


def _haystack(s: Script, initials: Callable[[str], str] | None,
              spelled: Callable[[str], str] | None) -> _Haystack:
    topic = REASON_BY_KEY.get(s.reason)
    reason_names = [topic.zh, topic.en] if topic else []
    titles = [_norm(t) for t in (s.title_zh, s.title_en) if t]
    names = [_norm(t) for t in (*reason_names, s.reason.replace("_", " "), s.key, *TONES.get(s.tone, (s.tone,)))]
    texts = " ".join(_norm(_FIELD_TOKEN.sub(" ", t)) for m in s.messages for t in (m.text_zh, m.text_en))
    texts += " " + _norm(f"{s.resolution_zh} {s.resolution_en}")
    hay = _Haystack(titles, names, texts)
    chinese = [t for t in (s.title_zh, topic.zh if topic else "") if t]
    if initials:
        hay.initials = [_norm(initials(t)) for t in chinese]
    if spelled:
        hay.spelled = [_norm(spelled(t)) for t in chinese]
    return hay


def _word_score(word: str, hay: _Haystack) -> int:
    """How well one query word matches: a title beats a pinyin spelling beats a reason name beats a message."""
    best = 0
    for t in hay.titles:
        if t == word:
            best = max(best, 100)
        elif t.startswith(word):
            best = max(best, 80)
        elif word in t:
            best = max(best, 60)
    if _ROMAN.fullmatch(word):
        for i, t in enumerate(hay.initials):  # i=0: the title, 1: the reason's name
            if t.startswith(word):
                best = max(best, 70 - 10 * i)
            elif len(word) >= 2 and word in t:
                best = max(best, 40 - 5 * i)
        for i, t in enumerate(hay.spelled):
            if len(word) >= 2 and t.startswith(word):
                best = max(best, 65 - 10 * i)
            elif len(word) >= 3 and word in t:
                best = max(best, 35 - 5 * i)
    if any(word in n for n in hay.names):
        best = max(best, 50)
    if word in hay.texts:
        best = max(best, 20)
    return best


def search_scripts(
    scripts: Sequence[Script],
    query: str,
    lang: str = "zh",
    initials: Callable[[str], str] | None = None,
    *,
    spelled: Callable[[str], str] | None = None,
    include_disabled: bool = False,
) -> list[Script]:
    """Scripts matching every word of the query, best first.

    Words match titles, reason names, tones and message texts in both languages; with
    `initials` (text -> pinyin initials, 发错货 -> 'fch') and `spelled` (-> 'facuohuo'),
    from sellerdesk.almanac.pinyin, an ASCII word also matches the Chinese title and reason
    name by pinyin. An empty query lists them all by position. Disabled scripts are left
    out unless include_disabled.
    """
    words = _norm(query).split()
    pool = [(i, s) for i, s in enumerate(scripts) if include_disabled or s.enabled]
    if not words:
        return [s for _, s in sorted(pool, key=lambda p: (p[1].position, p[0]))]
    ranked = []
    for i, s in pool:
        hay = _haystack(s, initials, spelled)
        scores = [_word_score(w, hay) for w in words]
        if all(scores):
            own_title = _norm(s.title(lang))
            bonus = sum(1 for w in words if w in own_title)  # a tie goes to the agent's language
            ranked.append((-(sum(scores) + bonus), s.position, i, s))
    return [s for *_, s in sorted(ranked, key=lambda r: r[:3])]


# ---- the library file ---------------------------------------------------------------------
# The format's code lives in script_library_format (it needs this module's classes);
# imported on use so that either module can be imported first.

def parse_library(text: str, source: str, *, builtin: bool = False) -> list[Script]:
    """Read a library file; any problem refuses the whole file with a ScriptError naming source and line."""
    from sellerdesk.domain import script_library_format

    return script_library_format.parse_library(text, source, builtin=builtin)


def library_to_text(scripts: Sequence[Script], note: str = "") -> str:
    """The scripts as a version 1 library file (indented UTF-8 JSON); parse_library reads it back."""
    from sellerdesk.domain import script_library_format

    return script_library_format.library_to_text(scripts, note)
