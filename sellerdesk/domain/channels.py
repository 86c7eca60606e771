"""Traffic channels, a channel's figures for one day, and their totals over a period.

Order exports do not say where a buyer came from or what the traffic cost; the
platforms' ad consoles and analytics pages (生意参谋, 京东商智, 多多情报通 ...) do.
The seller types those figures per day (or one row for a whole campaign, on its
first day) or imports them, and the retrospective shows spend, ROI, UV, PV, visit
depth (PV/UV, seed 000) and conversion per channel.

A figure left empty is None, not 0: "not entered" must not turn a ROI into zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sellerdesk.domain.checks import is_whole
from sellerdesk.domain.errors import BilingualError

PLATFORMS = ("taobao", "jd", "pdd", "1688", "douyin")
SOURCES = ("typed", "imported")
MEASURES = ("spend_fen", "uv", "pv", "clicks", "orders", "sales_fen")
# A figure above this is a typing slip (a hundred million yuan a day, or 10^12 visitors),
# and would overflow nothing but trust; refused with the row named.
MAX_VALUE = 10**12


@dataclass(frozen=True, slots=True)
class Channel:
    key: str
    zh: str
    en: str
    platforms: tuple[str, ...]
    paid: bool = True  # bought traffic: a spend and a ROI make sense
    aliases: tuple[str, ...] = ()  # other names in analytics files (matched after the names)

    def name(self, lang: str = "zh") -> str:
        return self.zh if lang == "zh" else self.en


CHANNELS: tuple[Channel, ...] = (
    Channel("ztc", "直通车", "Zhitongche (search ads)", ("taobao",), aliases=("淘宝直通车", "搜索推广")),
    Channel("ylmf", "引力魔方/钻展", "Yinli Mofang / Zuanzhan (display ads)", ("taobao",),
            aliases=("引力魔方", "钻展", "钻石展位", "超级推荐")),
    Channel("tbk", "淘宝客", "Taobao affiliates (Taobaoke)", ("taobao",), aliases=("淘客", "淘宝联盟")),
    Channel("wxt", "万相台", "Wanxiangtai (all-in-one ads)", ("taobao",), aliases=("万相台无界", "无界")),
    Channel("jd_kuaiche", "京东快车", "JD Kuaiche (search ads)", ("jd",), aliases=("快车",)),
    Channel("jd_haitou", "京东海投", "JD Haitou (automatic ads)", ("jd",), aliases=("海投",)),
    Channel("pdd_search", "多多搜索", "Pinduoduo search ads", ("pdd",), aliases=("拼多多搜索", "搜索推广")),
    Channel("pdd_scene", "多多场景", "Pinduoduo scene ads", ("pdd",), aliases=("拼多多场景", "场景推广", "场景展示")),
    Channel("qianchuan", "巨量千川", "Ocean Engine Qianchuan", ("douyin",), aliases=("千川",)),
    Channel("1688_ads", "诚意赚/网销宝", "1688 Chengyizhuan / Wangxiaobao", ("1688",),
            aliases=("诚意赚", "网销宝")),
    Channel("natural", "自然流量", "Organic traffic", PLATFORMS, paid=False,
            aliases=("免费流量", "自然搜索", "自然", "organic")),
    Channel("other", "其他", "Other", PLATFORMS, aliases=("其它", "其他渠道")),
)
_BY_KEY = {c.key: c for c in CHANNELS}


class ChannelDataError(BilingualError):
    """A channel figure refused, naming the day, the channel and (when known) the field."""

    def __init__(self, message_zh: str, message_en: str, *, day: date | None = None,
                 channel: str | None = None, field: str | None = None):
        super().__init__(message_zh, message_en)
        self.day, self.channel, self.field = day, channel, field


def channels_for(platform: str | None = None) -> list[Channel]:
    """The channels of one platform (plus organic and other), in display order; every
    channel when platform is None or not one of PLATFORMS (a generic shop)."""
    if platform not in PLATFORMS:
        return list(CHANNELS)
    return [c for c in CHANNELS if platform in c.platforms]


def channel_by_key(key: str) -> Channel | None:
    return _BY_KEY.get(key)


def channel_from_text(text: str, platform: str | None = None) -> Channel | None:
    """The channel a file's cell names: a key, a Chinese or English name, or a known alias
    ('钻展', '千川'). Names shared by two platforms ('搜索推广') go to `platform`'s channel,
    else to the first listed. None when nothing matches."""
    t = text.strip()
    if not t:
        return None
    low = t.lower()
    candidates = channels_for(platform)
    for c in candidates:
        if low in (c.key, c.en.lower()) or t == c.zh:
            return c
    for c in candidates:
        if t in c.aliases or low in c.aliases or t in c.zh.split("/"):
            return c
    return None


def order_key(key: str) -> int:
    """Sort position of a channel key (unknown keys last)."""
    for i, c in enumerate(CHANNELS):
        if c.key == key:
            return i
    return len(CHANNELS)


@dataclass(frozen=True, slots=True)
class ChannelDay:
    """One channel's figures on one day (or a whole campaign's, typed on its first day).

    spend_fen and sales_fen in fen; sales are what the platform attributes to the
    channel (成交金额). None: not entered."""

    day: date
    channel: str
    spend_fen: int | None = None
    uv: int | None = None
    pv: int | None = None
    clicks: int | None = None
    orders: int | None = None
    sales_fen: int | None = None
    source: str = "typed"  # 'typed' | 'imported'
    campaign_id: int | None = None  # the campaign whose grid the row was typed in

    @property
    def is_empty(self) -> bool:
        """No figure other than zero: saving such a row removes the day's row."""
        return not any(getattr(self, m) for m in MEASURES)

    def values(self) -> tuple[int | None, ...]:
        return tuple(getattr(self, m) for m in MEASURES)


_LABELS = {
    "spend_fen": ("花费", "spend"), "uv": ("访客数（UV）", "visitors (UV)"), "pv": ("浏览量（PV）", "page views (PV)"),
    "clicks": ("点击量", "clicks"), "orders": ("成交笔数", "orders"), "sales_fen": ("成交金额", "sales"),
}


def validate_day(row: ChannelDay) -> None:
    """Raise ChannelDataError (day, channel, field) for a row that cannot be right: an unknown
    channel or source, a figure that is not a whole number, negative or absurdly large, more
    visitors than page views (each visitor views at least one page)."""
    channel = channel_by_key(row.channel)

    def refuse(zh: str, en: str, field: str | None = None) -> ChannelDataError:
        zh_name = channel.zh if channel else row.channel
        en_name = channel.en if channel else row.channel
        return ChannelDataError(f"{row.day.isoformat()} {zh_name}：{zh}", f"{row.day.isoformat()} {en_name}: {en}",
                                day=row.day, channel=row.channel, field=field)

    if not isinstance(row.day, date):
        raise refuse("日期无效", "not a date")
    if channel is None:
        raise refuse("未知渠道", "unknown channel")
    if row.source not in SOURCES:
        raise refuse(f"未知来源 {row.source}", f"unknown source {row.source}")
    for m in MEASURES:
        v = getattr(row, m)
        if v is None:
            continue
        zh, en = _LABELS[m]
        if not is_whole(v):
            raise refuse(f"{zh}应为整数", f"{en} must be a whole number", m)
        if v < 0:
            raise refuse(f"{zh}不能为负数", f"{en} cannot be negative", m)
        if v > MAX_VALUE:
            raise refuse(f"{zh}大得不合理（{v}）", f"{en} is implausibly large ({v})", m)
    if row.uv is not None and row.pv is not None and row.pv < row.uv:
        raise refuse("访客数（UV）不能大于浏览量（PV）", "more visitors (UV) than page views (PV)", "uv")


def _sum(values: list[int | None]) -> int | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None


@dataclass(frozen=True, slots=True)
class ChannelTotal:
    """A channel's figures summed over a period; None where no day had the figure."""

    channel: str
    spend_fen: int | None
    uv: int | None
    pv: int | None
    clicks: int | None
    orders: int | None
    sales_fen: int | None
    days: int  # rows summed

    @property
    def roi(self) -> float | None:
        """Attributed sales per yuan spent (成交金额 / 花费); None without spend."""
        if not self.spend_fen or self.sales_fen is None:
            return None
        return self.sales_fen / self.spend_fen

    @property
    def pv_per_uv(self) -> float | None:
        """Visit depth (访问深度, seed 000)."""
        return self.pv / self.uv if self.uv and self.pv is not None else None

    @property
    def conversion(self) -> float | None:
        """Orders per visitor (转化率)."""
        return self.orders / self.uv if self.uv and self.orders is not None else None

    @property
    def click_conversion(self) -> float | None:
        """Orders per click (点击转化率, seed 001)."""
        return self.orders / self.clicks if self.clicks and self.orders is not None else None

    @property
    def cost_per_click_fen(self) -> float | None:
        return self.spend_fen / self.clicks if self.clicks and self.spend_fen is not None else None


ALL = "all"  # the channel key of the sum over every channel


def totals(rows: list[ChannelDay]) -> list[ChannelTotal]:
    """Per channel sums, in display order (the same numbers as store.channel_stats.totals_between)."""
    by: dict[str, list[ChannelDay]] = {}
    for r in rows:
        by.setdefault(r.channel, []).append(r)
    return [_total(k, rs) for k, rs in sorted(by.items(), key=lambda kv: order_key(kv[0]))]


def _total(key: str, rows: list) -> ChannelTotal:
    return ChannelTotal(key, *(_sum([getattr(r, m) for r in rows]) for m in MEASURES),
                        days=sum(getattr(r, "days", 1) for r in rows))


def grand_total(channel_totals: list[ChannelTotal], *, paid_only: bool = False) -> ChannelTotal:
    """Every channel together (channel key ALL): the period's spend, traffic and ROI. With
    paid_only, organic traffic is left out, so the ROI is that of the bought traffic alone."""
    kept = [t for t in channel_totals if not paid_only or _is_paid(t.channel)]
    return _total(ALL, kept)


def _is_paid(key: str) -> bool:
    c = channel_by_key(key)
    return c is None or c.paid
