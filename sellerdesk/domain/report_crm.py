"""The retrospective's CRM review (seed 000's five parts), after-sales, highlights and notes sections.

The five parts: rhythm (outreach tasks done on time against the calendar),
budget (people reached against planned, the messages' cost), benefits (the
offer each group got), group choice (size and response: too wide, too narrow)
and conversion (orders within N days of each outreach, per arm, against the
holdout with the lift and its 95% interval; text A against text B).
"""

from __future__ import annotations

from sellerdesk.domain.highlights import highlights
from sellerdesk.domain.masking import mask_name, mask_phone
from sellerdesk.domain.lift import MIN_ARM, Lift
from sellerdesk.domain.report_doc import Chart, ChartKind, Column, Figure, Figures, Kind, NoData, Section, Series, Table, Text
from sellerdesk.domain.report_sections import tr
from sellerdesk.domain.retrospective import NotesView, OutreachReview, ReportFigures

_STATUS = {"on_time": ("按时完成", "On time"), "late": ("延迟完成", "Done late"), "skipped": ("已跳过", "Skipped"),
           "not_done": ("未完成", "Not done"), "open": ("未到期", "Not due yet")}
_FIT = {"ok": ("合适", "Fits"), "narrow": ("人群过小", "Too narrow"), "wide": ("人群过大", "Too wide")}
_ARMS = {"A": ("文案 A", "Text A"), "B": ("文案 B", "Text B"), "holdout": ("对照组（未发送）", "Holdout (not sent)")}


def _t(lang: str, pair: tuple[str, str]) -> str:
    return pair[0] if lang == "zh" else pair[1]


def _when(o: OutreachReview) -> str:
    return o.sent_at.strftime("%m-%d %H:%M")


def _lift_text(lang: str, lift: Lift | None) -> str:
    if lift is None:
        return tr(lang, "未保留对照组，无法衡量提升", "No holdout kept: the lift cannot be measured")
    if not lift.enough:
        return tr(lang, f"数据不足（每组至少 {MIN_ARM} 人）", f"Not enough data (at least {MIN_ARM} per arm)")
    lo, hi = lift.interval
    verdict = {"up": ("显著提升", "a real lift"), "down": ("反而更低", "lower"), "unclear": ("差异不显著", "not clear")}
    return tr(lang, f"{lift.difference * 100:+.1f} 个百分点（95% 区间 {lo * 100:+.1f} ～ {hi * 100:+.1f}），{verdict[lift.verdict][0]}",
              f"{lift.difference * 100:+.1f} points (95% CI {lo * 100:+.1f} to {hi * 100:+.1f}), {verdict[lift.verdict][1]}")


def crm_section(f: ReportFigures, lang: str) -> Section:
    crm = f.crm
    title = tr(lang, "会员营销（CRM）复盘", "CRM review")
    blocks: list = [Text(tr(lang, "一、活动节奏", "1. Rhythm"), "heading")]
    if crm.tasks:
        blocks.append(Table(
            (Column(tr(lang, "任务", "Task")), Column(tr(lang, "分组", "Group")), Column(tr(lang, "计划时间", "Planned")),
             Column(tr(lang, "完成时间", "Done")), Column(tr(lang, "状态", "Status"))),
            tuple((t.title, t.group_name, t.planned.strftime("%m-%d %H:%M"),
                   t.done_at.strftime("%m-%d %H:%M") if t.done_at else None, _t(lang, _STATUS[t.status]))
                  for t in crm.tasks)))
        on_time = sum(t.status == "on_time" for t in crm.tasks)
        due = sum(t.status != "open" for t in crm.tasks)
        blocks.append(Text(tr(lang, f"到期的 {due} 个触达任务中 {on_time} 个按时完成。",
                              f"{on_time} of the {due} outreach tasks due were done on time."), "body"))
    else:
        blocks.append(NoData(tr(lang, "日历里没有本期的触达任务。", "No outreach tasks in the calendar for this period."),
                             tr(lang, "在「大促日历」给任务选上客户分组和渠道（短信等）；导出名单时任务自动记为完成。",
                                "Give calendar tasks a customer group and a channel (SMS ...); exporting the list "
                                "marks the task done.")))
    if not crm.outreaches:
        blocks.append(NoData(
            tr(lang, "本期没有导出过触达名单，预算、利益点、人群和转化无从统计。",
               "No outreach list was exported in this period: budget, offers, groups and conversion cannot be measured."),
            tr(lang, "在「客户分组」页导出分组的触达名单（建议保留 10% 对照组、可写 A/B 两版文案）；"
                     "SellerDesk 记下名单，下次复盘统计谁在 N 天内下单。",
               "Export a group's outreach list in the Customers tab (keep a 10% holdout, try texts A and B); "
               "SellerDesk records it and the next report counts who bought within N days.")))
        return Section("crm", title, tuple(blocks))
    outs = crm.outreaches
    price = crm.sms_price_li / 1000
    blocks += [
        Text(tr(lang, "二、CRM 预算", "2. Budget"), "heading"),
        Table((Column(tr(lang, "时间", "Sent")), Column(tr(lang, "分组", "Group")),
               Column(tr(lang, "计划人数", "Planned"), Kind.INT), Column(tr(lang, "对照组", "Held out"), Kind.INT),
               Column(tr(lang, "实际发送", "Contacted"), Kind.INT), Column(tr(lang, "覆盖率", "Reached"), Kind.PCT),
               Column(tr(lang, "短信条数", "SMS parts"), Kind.INT), Column(tr(lang, "费用", "Cost"), Kind.MONEY)),
              tuple((_when(o), o.group_name, o.planned, o.holdout, o.contacted,
                     o.contacted / (o.planned - o.holdout) if o.planned > o.holdout else None,
                     o.billed_parts if o.channel == "sms" else None, o.cost_fen if o.channel == "sms" else None)
                    for o in outs),
              caption=tr(lang, f"覆盖率 = 实际发送 ÷（计划人数 − 对照组）；短信按每条 {price:g} 元估算（文案按字段常见长度计条数）。",
                         f"Reached = contacted ÷ (planned − held out); SMS at {price:g} yuan per part (parts "
                         "estimated with fields at their usual length)."),
              total=(tr(lang, "合计", "Total"), "", sum(o.planned for o in outs), sum(o.holdout for o in outs),
                     sum(o.contacted for o in outs), None, sum(o.billed_parts for o in outs if o.channel == "sms"),
                     sum(o.cost_fen for o in outs if o.channel == "sms"))),
        Text(tr(lang, "三、活动利益点", "3. Offers"), "heading"),
        Table((Column(tr(lang, "分组", "Group")), Column(tr(lang, "利益点", "Offer")), Column(tr(lang, "文案 A", "Text A"))),
              tuple((o.group_name, o.offer or tr(lang, "文案中没有优惠", "No offer in the text"), o.text_a) for o in outs)),
        Text(tr(lang, "四、人群选择", "4. Group choice"), "heading"),
        Table((Column(tr(lang, "分组", "Group")), Column(tr(lang, "人数", "Size"), Kind.INT),
               Column(tr(lang, "占全部买家", "Of all buyers"), Kind.PCT), Column(tr(lang, "下单率", "Bought"), Kind.PCT),
               Column(tr(lang, "判断", "Verdict"))),
              tuple((o.group_name, o.planned, o.group_share, o.treated.rate, _t(lang, _FIT[o.fit])) for o in outs),
              caption=tr(lang, "人群过小：发送不足 50 人，看不出差别；人群过大：占全部买家一半以上，或 500 人以上而下单率不到 1%。",
                         "Too narrow: under 50 contacted, too few to learn from; too wide: half the buyers or more, or "
                         "500+ contacted with under 1% buying.")),
        Text(tr(lang, f"五、营销转化（发送后 {crm.window_days} 天内下单）", f"5. Conversion (orders within {crm.window_days} days)"),
             "heading"),
    ]
    rows = []
    for o in outs:
        for a in o.arms:
            rows.append((o.group_name, _t(lang, _ARMS.get(a.arm, (a.arm, a.arm))), a.members, a.buyers, a.rate, a.paid_fen))
    blocks.append(Table((Column(tr(lang, "分组", "Group")), Column(tr(lang, "组别", "Arm")),
                         Column(tr(lang, "人数", "People"), Kind.INT), Column(tr(lang, "下单人数", "Bought"), Kind.INT),
                         Column(tr(lang, "下单率", "Rate"), Kind.PCT), Column(tr(lang, "成交额", "Sales"), Kind.MONEY)),
                        tuple(rows)))
    for o in outs:
        blocks.append(Text(tr(lang, f"「{o.group_name}」（{_when(o)}）对比对照组：{_lift_text(lang, o.lift)}。",
                              f"'{o.group_name}' ({_when(o)}) against the holdout: {_lift_text(lang, o.lift)}."), "bullet"))
        if o.ab is not None:
            blocks.append(Text(tr(lang, f"「{o.group_name}」文案 A 对比文案 B：{_lift_text(lang, o.ab)}。",
                                  f"'{o.group_name}' text A against text B: {_lift_text(lang, o.ab)}."), "bullet"))
    blocks.append(Text(tr(lang, "对照组和 A/B 按分配统计（含无法送达的人），区间为 Newcombe/Wilson 95% 置信区间。",
                          "Arms count everyone assigned (unreachable included); intervals are Newcombe/Wilson 95%."),
                       "note"))
    return Section("crm", title, tuple(blocks))


def after_sales_section(f: ReportFigures, lang: str, masked: bool) -> Section:
    title = tr(lang, "售后", "After-sales")
    a = f.after_sales
    if a is None or a.cases == 0:
        return Section("after_sales", title, (NoData(
            tr(lang, "本期没有登记售后记录。", "No after-sales cases were logged in this period."),
            tr(lang, "在「退换货」页为每个售后登记原因和结果，报告会统计原因、退货率、换货挽回和补偿。",
               "Log each case's reason and outcome in the Returns tab; the report counts reasons, return rates, "
               "exchanges that saved a refund and compensation.")),))
    names = f.reason_names
    blocks: list = [
        Figures((Figure(tr(lang, "售后记录", "Cases"), Kind.INT, a.cases),
                 Figure(tr(lang, "换货挽回率", "Exchange save rate"), Kind.PCT, a.exchange_save_rate,
                        note=tr(lang, f"换货 {a.exchanges} / 退款 {a.refunds}", f"{a.exchanges} exchanged / {a.refunds} refunded")),
                 Figure(tr(lang, "补偿支出", "Compensation"), Kind.MONEY, a.compensation_fen),
                 Figure(tr(lang, "每单补偿", "Per case"), Kind.MONEY, a.compensation_per_case_fen))),
        Chart(ChartKind.HBAR, tr(lang, "售后原因", "Cases by reason"),  # reason names are long: one per row
              tuple(_t(lang, names.get(k, (k, k))) for k, _ in a.cases_by_reason),
              (Series(tr(lang, "记录数", "Cases"), tuple(float(n) for _, n in a.cases_by_reason)),), Kind.INT),
        Table((Column(tr(lang, "商品", "Item")), Column(tr(lang, "售后", "Cases"), Kind.INT),
               Column(tr(lang, "退货", "Returned"), Kind.INT), Column(tr(lang, "售出件数", "Units sold"), Kind.INT),
               Column(tr(lang, "退货率", "Return rate"), Kind.PCT)),
              tuple((r.item, r.cases, r.returns, r.sold, r.return_rate) for r in a.return_rate_by_item),
              caption=tr(lang, "退货率 = 退货记录 ÷ 本期售出件数。", "Return rate = returns ÷ units sold in the period.")),
    ]
    if f.open_cases:
        def who(c):
            if masked:
                return " ".join(x for x in (mask_name(c.buyer_name), mask_phone(c.buyer_phone)) if x)
            return " ".join(x for x in (c.buyer_name, c.buyer_phone) if x)
        blocks.append(Text(tr(lang, "已过跟进日仍未处理的售后", "Open cases past their follow-up day"), "heading"))
        blocks.append(Table((Column(tr(lang, "订单号", "Order")), Column(tr(lang, "买家", "Buyer")),
                             Column(tr(lang, "原因", "Reason")), Column(tr(lang, "跟进日", "Follow-up"), Kind.DATE)),
                            tuple((c.order_no, who(c), _t(lang, names.get(c.reason, (c.reason, c.reason))), c.follow_up)
                                  for c in f.open_cases)))
    return Section("after_sales", title, tuple(blocks))


def highlights_section(f: ReportFigures, lang: str) -> Section:
    found = highlights(f)
    title = tr(lang, "亮点与不足", "Highlights and shortfalls")
    if not found:
        return Section("highlights", title, (Text(tr(lang, "与对比期相比没有超过提示阈值的变化。",
                                                     "No change past the report's thresholds against the comparison."),
                                                  "body"),))
    blocks = []
    for kind, zh, en in (("good", "亮点", "Highlights"), ("bad", "不足", "Shortfalls")):
        part = [h for h in found if h.kind == kind]
        if part:
            blocks.append(Text(tr(lang, zh, en), "heading"))
            blocks += [Text(h.text(lang), "bullet") for h in part]
    return Section("highlights", title, tuple(blocks))


def notes_section(notes: NotesView, lang: str) -> Section:
    title = tr(lang, "经验与下一步", "Lessons and next actions")
    blocks: list = []
    if notes.empty:
        blocks.append(NoData(tr(lang, "还没有写下这次的经验。", "No lessons written down yet."),
                             tr(lang, "在「复盘报告」页的“经验与行动”里填写经验教训、负责人和下一步；下次同一个大促时会再显示。",
                                "Write lessons, owners and next actions in the Retrospective tab; they come back "
                                "when the same festival comes round.")))
    for label, text in ((("经验教训", "Lessons"), notes.lessons), (("负责人", "Owners"), notes.owners),
                        (("下一步行动", "Next actions"), notes.next_actions)):
        if text.strip():
            blocks.append(Text(_t(lang, label), "heading"))
            blocks.append(Text(text.strip(), "body"))
    if notes.previous_lessons.strip() or notes.previous_next_actions.strip():
        blocks.append(Text(tr(lang, f"上次（{notes.previous_label}）的经验", f"Last time ({notes.previous_label})"), "heading"))
        for text in (notes.previous_lessons, notes.previous_next_actions):
            if text.strip():
                blocks.append(Text(text.strip(), "body"))
    return Section("notes", title, tuple(blocks))

