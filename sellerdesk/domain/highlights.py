"""Highlights and shortfalls (亮点与不足), written from the figures by rules.

Each rule compares the period with the comparison (or the target, or the money
spent) and speaks only past a threshold, so a page of small wobbles never buries
the two changes that matter. The thresholds are the constants below.
"""

from __future__ import annotations

from dataclasses import dataclass

from sellerdesk.domain.money import format_yuan
from sellerdesk.domain.retrospective import ReportFigures

SALES_CHANGE = 0.10  # paid total up or down by 10% or more
AOV_CHANGE = 0.05
REPEAT_SHARE_POINTS = 0.05  # the repeat buyers' share moved by 5 percentage points
REFUND_RATE_POINTS = 0.02
CHANNEL_MIN_SPEND_SHARE = 0.10  # a channel with 10%+ of the spend ...
CHANNEL_POOR_RATIO = 0.5  # ... and under half that share of the attributed sales
LATE_TASKS = 1  # any outreach task done late or not at all


@dataclass(frozen=True)
class Highlight:
    kind: str  # 'good' | 'bad'
    text_zh: str
    text_en: str

    def text(self, lang: str) -> str:
        return self.text_zh if lang == "zh" else self.text_en


def _pct(x: float) -> str:
    return f"{x * 100:.0f}%"


def _change(x: float) -> str:
    return f"{abs(x) * 100:.0f}%"


def highlights(f: ReportFigures) -> list[Highlight]:
    """The good and bad findings, good first, each rule at most once."""
    out: list[Highlight] = []
    cur, cmp = f.current, f.compare
    if cmp is not None and cmp.paid_fen > 0 and cur.paid_fen >= 0:
        d = (cur.paid_fen - cmp.paid_fen) / cmp.paid_fen
        if abs(d) >= SALES_CHANGE:
            up = d > 0
            out.append(Highlight("good" if up else "bad",
                                 f"销售额{'增长' if up else '下降'} {_change(d)}（{format_yuan(cmp.paid_fen)} → {format_yuan(cur.paid_fen)}）。",
                                 f"Sales {'rose' if up else 'fell'} {_change(d)} ({format_yuan(cmp.paid_fen)} → {format_yuan(cur.paid_fen)})."))
    if cmp is not None and cur.aov_fen and cmp.aov_fen:
        d = (cur.aov_fen - cmp.aov_fen) / cmp.aov_fen
        if abs(d) >= AOV_CHANGE:
            up = d > 0
            out.append(Highlight("good" if up else "bad",
                                 f"客单价{'提高' if up else '下降'} {_change(d)}（{format_yuan(cmp.aov_fen)} → {format_yuan(cur.aov_fen)}）。",
                                 f"Average order value {'up' if up else 'down'} {_change(d)} ({format_yuan(cmp.aov_fen)} → {format_yuan(cur.aov_fen)})."))
    if f.target_fen:
        reached = cur.paid_fen / f.target_fen
        if reached >= 1:
            out.append(Highlight("good", f"完成销售目标的 {_pct(reached)}（目标 {format_yuan(f.target_fen)}）。",
                                 f"Reached {_pct(reached)} of the sales target ({format_yuan(f.target_fen)})."))
        else:
            out.append(Highlight("bad", f"销售目标只完成 {_pct(reached)}，差 {format_yuan(f.target_fen - cur.paid_fen)}。",
                                 f"Only {_pct(reached)} of the sales target; {format_yuan(f.target_fen - cur.paid_fen)} short."))
    mix, old = f.buyers.mix, f.buyers.compare_mix
    if old is not None and mix.repeat_share is not None and old.repeat_share is not None:
        d = mix.repeat_share - old.repeat_share
        if abs(d) >= REPEAT_SHARE_POINTS:
            up = d > 0
            out.append(Highlight("good" if up else "bad",
                                 f"老客占比从 {_pct(old.repeat_share)} {'升到' if up else '降到'} {_pct(mix.repeat_share)}。",
                                 f"Repeat buyers' share {'rose' if up else 'fell'} from {_pct(old.repeat_share)} to {_pct(mix.repeat_share)}."))
    if cmp is not None and cur.refund_rate is not None and cmp.refund_rate is not None:
        d = cur.refund_rate - cmp.refund_rate
        if abs(d) >= REFUND_RATE_POINTS:
            up = d > 0
            out.append(Highlight("bad" if up else "good",
                                 f"退款率从 {_pct(cmp.refund_rate)} {'升到' if up else '降到'} {_pct(cur.refund_rate)}。",
                                 f"Refund rate {'rose' if up else 'fell'} from {_pct(cmp.refund_rate)} to {_pct(cur.refund_rate)}."))
    out += _channel_rules(f)
    out += _crm_rules(f)
    if f.items.stopped:
        names = "、".join(s.title for s in f.items.stopped[:3])
        out.append(Highlight("bad", f"{names} 在活动末尾停止出单，可能已断货：下次大促前补货。",
                             f"{', '.join(s.title for s in f.items.stopped[:3])} stopped selling at the end, "
                             "likely sold out: restock before the next festival."))
    out.sort(key=lambda h: h.kind != "good")
    return out


def _channel_rules(f: ReportFigures) -> list[Highlight]:
    rows = [c for c in f.channels if c.spend_fen]
    spend = sum(c.spend_fen for c in rows)
    sales = sum(c.sales_fen or 0 for c in rows)
    if not spend or not sales:
        return []
    out = []
    for c in rows:
        s_share, v_share = c.spend_fen / spend, (c.sales_fen or 0) / sales
        if s_share >= CHANNEL_MIN_SPEND_SHARE and v_share < s_share * CHANNEL_POOR_RATIO:
            out.append(Highlight("bad", f"{c.name_zh} 花了 {_pct(s_share)} 的推广费，只带来 {_pct(v_share)} 的成交。",
                                 f"{c.name_en} spent {_pct(s_share)} of the budget for {_pct(v_share)} of sales."))
    best = max(rows, key=lambda c: c.roi or 0.0)
    if best.roi and len(rows) > 1:
        out.append(Highlight("good", f"投入产出最好的渠道是 {best.name_zh}（ROI {best.roi:.2f}）。",
                             f"The best return came from {best.name_en} (ROI {best.roi:.2f})."))
    return out


def _crm_rules(f: ReportFigures) -> list[Highlight]:
    out = []
    for o in f.crm.outreaches:
        lift = o.lift
        if lift is None or lift.verdict not in ("up", "down"):
            continue
        lo, hi = lift.interval
        pts = f"{lift.difference * 100:+.1f}"
        if lift.verdict == "up":
            out.append(Highlight("good", f"触达「{o.group_name}」比对照组多 {pts} 个百分点的人下单（95% 区间 {lo * 100:+.1f}～{hi * 100:+.1f}）。",
                                 f"Outreach to '{o.group_name}' made {pts} points more people buy than the holdout "
                                 f"(95% CI {lo * 100:+.1f} to {hi * 100:+.1f})."))
        else:
            less = f"{-lift.difference * 100:.1f}"  # "低 2.1 个百分点", not "低 -2.1"
            out.append(Highlight("bad", f"触达「{o.group_name}」的下单率反而比对照组低 {less} 个百分点。",
                                 f"Outreach to '{o.group_name}' bought {less} points less than the holdout."))
    late = [t for t in f.crm.tasks if t.status in ("late", "not_done")]
    if len(late) >= LATE_TASKS:
        out.append(Highlight("bad", f"{len(late)} 个触达任务晚于计划或没有完成，节奏没有跟上平台。",
                             f"{len(late)} outreach task(s) were late or not done: the rhythm fell behind the platform's."))
    return out
