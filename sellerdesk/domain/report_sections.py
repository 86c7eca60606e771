"""The retrospective's figures as a document (domain.report_doc), in one language.

`build_report` lays out every section in a fixed order. A part without data
becomes a NoData block saying what is missing and how the user fills it, never
an empty chart or table; personal data (buyer names, phones) is masked unless
the caller asks for an internal copy. Tables and charts carry raw values (fen,
shares 0..1): the renderers format them.
"""

from __future__ import annotations

from datetime import date

from sellerdesk.domain.report_doc import (Band, Chart, ChartKind, Column, Figure, Figures, Kind, NoData,
                                          ReportDoc, Section, Series, Table, Text)
from sellerdesk.domain.report_items import best_sellers, dark_horses
from sellerdesk.domain.retrospective import GroupCount, NotesView, ReportFigures

TOP_REGIONS = 10


def tr(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def span_text(start: date, end: date) -> str:
    return f"{start.isoformat()} – {end.isoformat()}"


def build_report(f: ReportFigures, notes: NotesView | None = None, lang: str = "zh", masked: bool = True) -> ReportDoc:
    """Every section in order: headline, daily, channels, items, buyers, CRM, after-sales,
    highlights, notes."""
    from sellerdesk.domain.report_crm import after_sales_section, crm_section, highlights_section, notes_section

    p = f.period
    title = f.campaign_name or p.label or tr(lang, "经营复盘", "Retrospective")
    compare = (tr(lang, "对比 ", "vs ") + span_text(p.compare_start, p.compare_end)) if p.has_compare else ""
    sections = (headline_section(f, lang), daily_section(f, lang), channels_section(f, lang), items_section(f, lang),
                buyers_section(f, lang), crm_section(f, lang), after_sales_section(f, lang, masked),
                highlights_section(f, lang), notes_section(notes or NotesView(), lang))
    return ReportDoc(title=f"{title} {tr(lang, '复盘', 'retrospective')}", shop=f.shop or tr(lang, "本店", "The shop"),
                     period=span_text(p.start, p.end), compare=compare, generated_at=f.generated_at, lang=lang,
                     sections=sections, masked=masked)


# --- headline --------------------------------------------------------------------------------

def headline_section(f: ReportFigures, lang: str) -> Section:
    c, o = f.current, f.compare
    title = tr(lang, "核心数据", "Headline")
    if c.orders == 0 and c.paid_orders == 0:
        return Section("headline", title, (NoData(
            tr(lang, "本期没有订单。", "No orders in this period."),
            tr(lang, "在「导入」页导入这段时间的平台订单导出文件，再生成报告。",
               "Import the platform's order export for these days (Import tab), then make the report again.")),))

    def v(attr: str):
        return None if o is None else getattr(o, attr)

    figs = (
        Figure(tr(lang, "销售额", "Paid total"), Kind.MONEY, c.paid_fen, v("paid_fen"), f.target_fen),
        Figure(tr(lang, "有效订单", "Countable orders"), Kind.INT, c.orders, v("orders")),
        Figure(tr(lang, "买家数", "Buyers"), Kind.INT, c.buyers, v("buyers")),
        Figure(tr(lang, "客单价", "Average order value"), Kind.MONEY, c.aov_fen, v("aov_fen")),
        Figure(tr(lang, "退款率", "Refund rate"), Kind.PCT, c.refund_rate, v("refund_rate"),
               note=tr(lang, f"{c.refunded_orders} / {c.paid_orders} 单", f"{c.refunded_orders} of {c.paid_orders} orders")),
    )
    p = f.period
    label = (tr(lang, "对比期 ", "vs ") + span_text(p.compare_start, p.compare_end)) if p.has_compare else ""
    blocks: list = [Figures(figs, label)]
    if f.target_fen:
        blocks.append(Text(tr(lang, f"目标完成率 {c.paid_fen / f.target_fen * 100:.1f}%（目标来自大促日历的目标拆解）。",
                              f"{c.paid_fen / f.target_fen * 100:.1f}% of the target (from the calendar's target "
                              "breakdown)."), "note"))
    blocks.append(Text(tr(lang, "有效订单：已付款且未关闭、未全额退款的订单；销售额为其买家实付合计。退款率：有成功退款（含部分退款）"
                                "的订单占已付款订单（含全额退款）的比例。",
                          "Countable orders: paid, not closed and not fully refunded; the paid total is what their "
                          "buyers paid. Refund rate: orders with a successful (full or partial) refund among the paid "
                          "orders, fully refunded ones included."), "note"))
    return Section("headline", title, tuple(blocks))


# --- day by day ------------------------------------------------------------------------------

def daily_section(f: ReportFigures, lang: str) -> Section:
    title = tr(lang, "每日走势", "Day by day")
    if not any(d.orders for d in f.daily):
        return Section("daily", title, (NoData(
            tr(lang, "本期没有每日销售数据。", "No daily sales in this period."),
            tr(lang, "导入这段时间的订单导出文件后，这里会画出每天的销售曲线。",
               "Import the order export for these days and the daily curve appears here.")),))
    days = [d.day for d in f.daily]
    cats = tuple(d.strftime("%m-%d") for d in days)
    series = [Series(tr(lang, "本期销售额", "Paid total"), tuple(float(d.paid_fen) for d in f.daily))]
    if f.compare_daily:
        vals = [float(d.paid_fen) for d in f.compare_daily][:len(days)]
        series.append(Series(tr(lang, "对比期销售额（按第几天对齐）", "Comparison (by day number)"),
                             tuple(vals + [None] * (len(days) - len(vals)))))
    bands = []
    for ph in f.phases:
        lo, hi = max(ph.start, days[0]), min(ph.end, days[-1])
        if lo <= hi:
            bands.append(Band(ph.name(lang), (lo - days[0]).days, (hi - days[0]).days))
    chart = Chart(ChartKind.LINE, tr(lang, "每日销售额", "Paid total per day"), cats, tuple(series), Kind.MONEY,
                  tuple(bands))
    cmp = {i: d for i, d in enumerate(f.compare_daily)}
    rows = tuple((d.day, d.paid_fen, d.orders, d.buyers, cmp[i].paid_fen if i in cmp else None,
                  next((ph.name(lang) for ph in f.phases if ph.start <= d.day <= ph.end), ""))
                 for i, d in enumerate(f.daily))
    table = Table((Column(tr(lang, "日期", "Day"), Kind.DATE), Column(tr(lang, "销售额", "Paid total"), Kind.MONEY),
                   Column(tr(lang, "订单", "Orders"), Kind.INT), Column(tr(lang, "买家", "Buyers"), Kind.INT),
                   Column(tr(lang, "对比期同日", "Comparison day"), Kind.MONEY), Column(tr(lang, "阶段", "Phase"))),
                  rows, total=(tr(lang, "合计", "Total"), f.current.paid_fen, f.current.orders, f.current.buyers,
                               f.compare.paid_fen if f.compare else None, ""))
    return Section("daily", title, (chart, table))


# --- channels --------------------------------------------------------------------------------

def channels_section(f: ReportFigures, lang: str) -> Section:
    title = tr(lang, "渠道与流量", "Channels and traffic")
    if not f.channels:
        return Section("channels", title, (NoData(
            tr(lang, "还没有这段时间各推广渠道的花费和流量（订单导出里没有这些数据）。",
               "No spend or traffic per channel for these days (order exports do not hold them)."),
            tr(lang, "在「复盘报告」页的渠道表格里按天或按活动填写花费、访客数 UV、浏览量 PV，"
                     "或导入从平台后台（生意参谋、京东商智等）导出的 xlsx。",
               "Enter spend, visitors (UV) and page views (PV) per channel in the Retrospective tab's grid, "
               "or import the xlsx exported from the platform's analytics page.")),))
    rows = tuple((c.name(lang), c.spend_fen, c.sales_fen, c.roi, c.uv, c.pv, c.depth, c.conversion) for c in f.channels)
    spend = sum(c.spend_fen or 0 for c in f.channels)
    sales = sum(c.sales_fen or 0 for c in f.channels)
    uv = sum(c.uv or 0 for c in f.channels)
    pv = sum(c.pv or 0 for c in f.channels)
    orders = sum(c.orders or 0 for c in f.channels)
    total = (tr(lang, "合计", "Total"), spend, sales, sales / spend if spend else None, uv, pv,
             pv / uv if uv else None, orders / uv if uv else None)
    table = Table((Column(tr(lang, "渠道", "Channel")), Column(tr(lang, "花费", "Spend"), Kind.MONEY),
                   Column(tr(lang, "成交额", "Sales"), Kind.MONEY), Column("ROI", Kind.RATIO),
                   Column("UV", Kind.INT), Column("PV", Kind.INT), Column("PV/UV", Kind.RATIO),
                   Column(tr(lang, "转化率", "Conversion"), Kind.PCT)), rows, total=total)
    blocks: list = [table]
    paid = [c for c in f.channels if c.spend_fen or c.sales_fen]
    if paid:
        blocks.append(Chart(ChartKind.HBAR, tr(lang, "各渠道花费与成交", "Spend and sales per channel"),
                            tuple(c.name(lang) for c in paid),
                            (Series(tr(lang, "花费", "Spend"), tuple(float(c.spend_fen or 0) for c in paid)),
                             Series(tr(lang, "成交额", "Sales"), tuple(float(c.sales_fen or 0) for c in paid))),
                            Kind.MONEY))
    blocks.append(Text(tr(lang, "ROI = 渠道成交额 ÷ 花费；访问深度 = PV ÷ UV；转化率 = 成交订单 ÷ UV。",
                          "ROI = attributed sales ÷ spend; visit depth = PV ÷ UV; conversion = orders ÷ UV."), "note"))
    return Section("channels", title, tuple(blocks))


# --- items -----------------------------------------------------------------------------------

def items_section(f: ReportFigures, lang: str) -> Section:
    title = tr(lang, "商品", "Items")
    it = f.items
    if not it.rows:
        return Section("items", title, (NoData(
            tr(lang, "本期没有带商品信息的有效订单。", "No countable orders with item details in this period."),
            tr(lang, "导入包含宝贝明细的订单导出（如淘宝的“宝贝报表”），即可看到热销、断货和黑马商品。",
               "Import an order export with item lines (e.g. Taobao's item report) to see best sellers, "
               "sold-out items and dark horses.")),))
    total = it.total_sales_fen
    top = best_sellers(it.rows)
    share = lambda r: r.sales_fen / total if total else None  # noqa: E731
    blocks: list = [
        Chart(ChartKind.HBAR, tr(lang, "热销商品（销售额）", "Best sellers (sales)"), tuple(r.title for r in top),
              (Series(tr(lang, "销售额", "Sales"), tuple(float(r.sales_fen) for r in top)),), Kind.MONEY),
        Table((Column(tr(lang, "商品", "Item")), Column(tr(lang, "件数", "Units"), Kind.INT),
               Column(tr(lang, "销售额", "Sales"), Kind.MONEY), Column(tr(lang, "占比", "Share"), Kind.PCT),
               Column(tr(lang, "对比期销售额", "Comparison"), Kind.MONEY),
               Column(tr(lang, "变化", "Change"), Kind.CHANGE)),
              tuple((r.title, r.units, r.sales_fen, share(r), r.compare_sales_fen, r.growth) for r in top),
              caption=tr(lang, f"前 {len(top)} 名，共 {len(it.rows)} 款；占比为占本期商品销售额的比例。",
                         f"Top {len(top)} of {len(it.rows)} items; share of the period's item sales.")),
        Text(tr(lang, "断货或接近断货", "Sold out or near it"), "heading"),
    ]
    if it.stopped:
        blocks.append(Table((Column(tr(lang, "商品", "Item")), Column(tr(lang, "件数", "Units"), Kind.INT),
                             Column(tr(lang, "出单天数", "Selling days"), Kind.INT),
                             Column(tr(lang, "最后出单", "Last sale"), Kind.DATE)),
                            tuple((s.title, s.units, s.selling_days, s.last_sale) for s in it.stopped)))
    else:
        blocks.append(Text(tr(lang, "没有商品在期末突然停止出单。", "No item stopped selling at the end of the period."), "body"))
    blocks.append(Text(tr(lang, "SellerDesk 不知道库存：持续出单、却在最后两天（店铺仍有订单）不再出单的商品被列为可能断货，是下次大促的补货候选。",
                          "SellerDesk does not know the stock: an item that sold steadily and sold nothing on the last "
                          "two days while the shop still sold is listed as likely sold out, a restock candidate."), "note"))
    horses = dark_horses(it.rows, total)
    blocks.append(Text(tr(lang, "黑马商品", "Dark horses"), "heading"))
    if horses:
        blocks.append(Table((Column(tr(lang, "商品", "Item")), Column(tr(lang, "销售额", "Sales"), Kind.MONEY),
                             Column(tr(lang, "对比期", "Comparison"), Kind.MONEY),
                             Column(tr(lang, "增长", "Growth"), Kind.CHANGE)),
                            tuple((r.title, r.sales_fen, r.compare_sales_fen, r.growth) for r in horses),
                            caption=tr(lang, "销售额比对比期增长 50% 以上（或对比期未售）且占本期 2% 以上。",
                                       "Sales up 50% or more on the comparison (or new), with 2%+ of the period's sales.")))
    else:
        blocks.append(Text(tr(lang, "没有明显增长的商品。" if f.period.has_compare else "没有对比期，无法判断黑马。",
                              "No item grew markedly." if f.period.has_compare else "No comparison period: no dark horses."),
                           "body"))
    blocks.append(Text(tr(lang, "常被一起购买（关联推荐）", "Bought together (related items)"), "heading"))
    if it.pairs:
        blocks.append(Table((Column(tr(lang, "商品 A", "Item A")), Column(tr(lang, "商品 B", "Item B")),
                             Column(tr(lang, "同单次数", "Orders"), Kind.INT)),
                            tuple((p.first, p.second, p.orders) for p in it.pairs)))
    else:
        blocks.append(Text(tr(lang, "本期没有同一订单买多款商品的记录。", "No order held two different items."), "body"))
    return Section("items", title, tuple(blocks))


# --- buyers ----------------------------------------------------------------------------------

def _group_table(lang: str, first: str, groups: tuple[GroupCount, ...], total_buyers: int) -> Table:
    rows = tuple((g.name(lang), g.buyers, g.buyers / total_buyers if total_buyers else None, g.paid_fen)
                 for g in groups if g.buyers)
    return Table((Column(first), Column(tr(lang, "买家", "Buyers"), Kind.INT), Column(tr(lang, "占比", "Share"), Kind.PCT),
                  Column(tr(lang, "本期消费", "Paid in period"), Kind.MONEY)), rows)


def buyers_section(f: ReportFigures, lang: str) -> Section:
    title = tr(lang, "买家", "Buyers")
    b = f.buyers
    mix = b.mix
    if mix.buyers == 0:
        return Section("buyers", title, (NoData(
            tr(lang, "本期没有可识别的买家。", "No identifiable buyers in this period."),
            tr(lang, "导入带买家信息（会员名或收货人）的订单导出文件。",
               "Import an order export with buyer details (nick or receiver).")),))
    old = b.compare_mix
    new_name, rep_name = tr(lang, "新客", "New buyers"), tr(lang, "老客", "Repeat buyers")
    blocks: list = [
        Chart(ChartKind.PIE, tr(lang, "新客与老客", "New and repeat buyers"), (new_name, rep_name),
              (Series(tr(lang, "买家", "Buyers"), (float(mix.new_buyers), float(mix.repeat_buyers))),), Kind.INT),
        Table((Column(tr(lang, "类别", "Kind")), Column(tr(lang, "买家", "Buyers"), Kind.INT),
               Column(tr(lang, "占比", "Share"), Kind.PCT), Column(tr(lang, "本期消费", "Paid"), Kind.MONEY),
               Column(tr(lang, "对比期买家", "Comparison"), Kind.INT), Column(tr(lang, "对比期占比", "Comp. share"), Kind.PCT)),
              ((new_name, mix.new_buyers, mix.new_buyers / mix.buyers, mix.new_paid_fen,
                old.new_buyers if old else None, (1 - old.repeat_share) if old and old.buyers else None),
               (rep_name, mix.repeat_buyers, mix.repeat_share, mix.repeat_paid_fen,
                old.repeat_buyers if old else None, old.repeat_share if old else None)),
              caption=tr(lang, "新客：此前没有有效订单；老客：本期之前买过。", "New: no countable order before the period; "
                         "repeat: bought before it.")),
        Text(tr(lang, f"本期买家在活动前（截至 {b.classes_as_of}）属于哪类客户", f"Who the period's buyers were (as of {b.classes_as_of})"),
             "heading"),
        _group_table(lang, tr(lang, "活动分层", "Promotion class"), b.outreach_classes, mix.buyers),
    ]
    if any(g.buyers for g in b.rfm_classes):
        blocks.append(_group_table(lang, tr(lang, "RFM 分类", "RFM class"), b.rfm_classes, mix.buyers))
    blocks.append(Text(tr(lang, "地区分布", "Regions"), "heading"))
    top = b.regions[:TOP_REGIONS]
    rest = b.regions[TOP_REGIONS:]
    rows = [(r.province or tr(lang, "未知", "Unknown"), r.buyers, r.orders, r.paid_fen) for r in top]
    if rest:
        rows.append((tr(lang, "其他地区", "Other regions"), sum(r.buyers for r in rest), sum(r.orders for r in rest),
                     sum(r.paid_fen for r in rest)))
    blocks.append(Table((Column(tr(lang, "省份", "Province")), Column(tr(lang, "买家", "Buyers"), Kind.INT),
                         Column(tr(lang, "订单", "Orders"), Kind.INT), Column(tr(lang, "销售额", "Paid"), Kind.MONEY)),
                        tuple(rows)))
    blocks.append(Text(tr(lang, "会员等级：活动前后", "Member tiers before and after"), "heading"))
    after = {g.key: g.buyers for g in b.tiers_after}
    before = {g.key: g.buyers for g in b.tiers_before}
    keys = [g.key for g in b.tiers_after] + [g.key for g in b.tiers_before if g.key not in after]
    names = {g.key: g.name(lang) for g in (*b.tiers_before, *b.tiers_after)}
    blocks.append(Table((Column(tr(lang, "等级", "Tier")), Column(tr(lang, "活动前", "Before"), Kind.INT),
                         Column(tr(lang, "活动后", "After"), Kind.INT), Column(tr(lang, "变化", "Change"), Kind.INT)),
                        tuple((names[k], before.get(k, 0), after.get(k, 0), after.get(k, 0) - before.get(k, 0))
                              for k in keys),
                        caption=tr(lang, "本期买家的会员等级：活动开始前一天与最后一天。",
                                   "The period's buyers' tier on the day before and on the last day.")))
    return Section("buyers", title, tuple(blocks))
