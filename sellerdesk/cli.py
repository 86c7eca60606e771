"""The command line: the same services as the window, for users' own scripts.

Exit codes: 0 ok, 2 bad usage (or a calendar request that cannot be done, e.g. an unknown
playbook or script), 3 a file could not be imported, 4 nothing could be exported. An order
number the shop does not have is no error for `scripts render`: it says so on stderr and
prints the script with its neutral wording (exit 0), as the window lets the agent send it.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from pathlib import Path

EXIT_OK, EXIT_USAGE, EXIT_IMPORT, EXIT_EXPORT = 0, 2, 3, 4
COMMANDS = ("import", "stats", "demo", "groups", "export-group", "calendar", "campaign", "tasks", "scripts", "report")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sellerdesk", description="SellerDesk 店铺客户运营台")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("import", help="import platform export files / 导入平台导出文件")
    p.add_argument("files", nargs="+", type=Path)
    p.add_argument("--db", type=Path, help="shop database (default: the per-user data folder)")
    p.add_argument("--platform", default="auto",
                   choices=["auto", "taobao", "jd", "pdd", "1688", "douyin", "generic"])
    p.add_argument("--map", dest="mapping",
                   help="column mapping for other files: JSON file, JSON object or field=header,...")
    p.add_argument("--json", action="store_true", help="print the result as JSON")

    p = sub.add_parser("stats", help="headline figures / 店铺数据概览")
    p.add_argument("--db", type=Path)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("demo", help="generate a demo shop / 生成演示店铺")
    p.add_argument("--db", type=Path)
    p.add_argument("--buyers", type=int, default=2000)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--today", type=date.fromisoformat, default=None,
                   help="last day of the demo's two years (default: today), e.g. 2025-12-20")

    p = sub.add_parser("groups", help="customer groups and their sizes / 客户分组")
    p.add_argument("--db", type=Path)
    p.add_argument("--as-of", type=date.fromisoformat, default=None, help="e.g. 2025-11-30 (default: today)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("export-group", help="export an outreach list of a group / 导出分组的触达名单")
    p.add_argument("key", help="group key, e.g. loyal, rfm_important_value, custom_3 (see: sellerdesk groups)")
    p.add_argument("--out", type=Path, required=True, help="file to write: .xlsx or .csv (UTF-8 with BOM)")
    p.add_argument("--channel", default="sms", choices=["sms", "email", "phone"])
    p.add_argument("--text", default=None, help="message text with fields such as {name} {coupon}")
    p.add_argument("--text-b", default=None, help="a second text: contacted buyers are split A/B")
    p.add_argument("--holdout", type=int, default=0, help="percent of the group held out as a control (0-90)")
    p.add_argument("--seed", type=int, default=None, help="fixes the holdout/A-B draw (recorded either way)")
    p.add_argument("--as-of", type=date.fromisoformat, default=None)
    p.add_argument("--db", type=Path)

    p = sub.add_parser("calendar", help="festivals, holidays and campaigns of a year / 大促日历")
    p.add_argument("--year", type=int, default=None, help="default: this year (Beijing time) / 默认今年")
    p.add_argument("--json", action="store_true", help="print the year as JSON")
    p.add_argument("--ics", type=Path, default=None, metavar="OUT",
                   help="also write the year (tasks with alarms) to an .ics file / 导出为 .ics 日历文件")
    p.add_argument("--db", type=Path)

    p = sub.add_parser("campaign", help="promotion campaigns / 大促活动")
    csub = p.add_subparsers(dest="campaign_command", required=True)
    a = csub.add_parser("apply", help="create a festival's dated tasks from a playbook / 按打法生成活动任务")
    a.add_argument("playbook", metavar="PLAYBOOK", help="playbook key, e.g. 1111, 618, 1212 / 打法代码")
    a.add_argument("--festival", required=True, metavar="KEY",
                   help="festival key: 38, nianhuo, 618, 99, 1111, 1212, 1688 / 节日代码")
    a.add_argument("--year", type=int, required=True, help="e.g. 2026 / 年份")
    a.add_argument("--db", type=Path)

    p = sub.add_parser("tasks", help="calendar tasks / 日历任务")
    p.add_argument("--due", action="store_true", help="only overdue and today's to-dos / 只看逾期和今天的待办")
    p.add_argument("--as-of", type=_datetime_arg, default=None, metavar="DATETIME",
                   help="e.g. 2026-11-10T20:30 or 2026-11-10 (default: now, Beijing time) / 截至时间")
    p.add_argument("--json", action="store_true")
    p.add_argument("--db", type=Path)

    p = sub.add_parser("scripts", help="after-sales reply scripts / 售后话术")
    p.add_argument("--search", default=None, metavar="WORDS",
                   help="words or pinyin initials, e.g. 破损 or fch / 按文字或拼音首字母搜索")
    p.add_argument("--lang", default="zh", choices=["zh", "en"])
    p.add_argument("--json", action="store_true")
    p.add_argument("--db", type=Path)
    ssub = p.add_subparsers(dest="scripts_command")
    r = ssub.add_parser("render", help="print a script filled from an order / 按订单填好话术")
    r.add_argument("key", metavar="KEY", help="script key, e.g. wrong_item.standard (see: sellerdesk scripts)")
    r.add_argument("--order", default=None, metavar="ORDER_NO", help="order number / 订单号")
    r.add_argument("--lang", default="zh", choices=["zh", "en"])
    r.add_argument("--json", action="store_true")
    r.add_argument("--db", type=Path)

    p = sub.add_parser("report", help="the retrospective PDF of a campaign or dates / 复盘报告")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--campaign", type=int, metavar="ID", help="a calendar campaign's id / 大促活动编号")
    which.add_argument("--from", dest="start", type=date.fromisoformat, metavar="DATE", help="e.g. 2026-10-21")
    p.add_argument("--to", dest="end", type=date.fromisoformat, metavar="DATE", help="last day, e.g. 2026-11-14")
    p.add_argument("--compare-from", type=date.fromisoformat, metavar="DATE",
                   help="comparison start (default: last year's campaign or the days before) / 对比期开始")
    p.add_argument("--compare-to", type=date.fromisoformat, metavar="DATE", help="comparison end / 对比期结束")
    p.add_argument("--out", type=Path, default=None, help="PDF to write (default: retrospective-<start>.pdf)")
    p.add_argument("--xlsx", type=Path, default=None, help="also write the figures as an xlsx workbook")
    p.add_argument("--lang", default="zh", choices=["zh", "en"])
    p.add_argument("--full", action="store_true", help="show names and phones unmasked (internal copy) / 不打码")
    p.add_argument("--db", type=Path)
    return parser


def _datetime_arg(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date/time (e.g. 2026-11-10T20:30): {text}") from None


def main(argv: list[str]) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage, 0 on --help
        return int(exc.code or 0)
    from sellerdesk.domain.errors import BilingualError
    from sellerdesk.services.shop import DatabaseError, ShopFile

    shop = ShopFile(args.db)
    try:
        commands = {"import": _import, "stats": _stats, "demo": _demo, "groups": _groups,
                    "export-group": _export_group, "calendar": _calendar, "campaign": _campaign, "tasks": _tasks,
                    "scripts": _scripts, "report": _report}
        return commands[args.command](shop, args)
    except DatabaseError as exc:
        print(f"{exc.message_zh}\n{exc.message_en}", file=sys.stderr)
        return EXIT_IMPORT if args.command == "import" else EXIT_USAGE
    except BilingualError as exc:  # a calendar request that cannot be done (CalendarError, ExportError)
        from sellerdesk.services.promo_calendar import ExportError

        print(f"{exc.message_zh}\n{exc.message_en}", file=sys.stderr)
        return EXIT_EXPORT if isinstance(exc, ExportError) else EXIT_USAGE


def _import(shop, args) -> int:
    from sellerdesk.services.importing import import_files, parse_mapping

    mapping = None
    if args.mapping:
        try:
            mapping = parse_mapping(args.mapping)
        except (ValueError, OSError) as exc:
            print(f"--map 格式不对 / bad --map: {exc}", file=sys.stderr)
            return EXIT_USAGE
    missing = [str(f) for f in args.files if not f.exists()]
    if missing:
        print("文件不存在 / file not found: " + ", ".join(missing), file=sys.stderr)
        return EXIT_IMPORT
    result = import_files(shop, args.files, platform=args.platform, mapping=mapping,
                          progress=_stderr_progress if sys.stderr.isatty() else _quiet)
    if args.json:
        print(json.dumps([_file_json(f) for f in result.files], ensure_ascii=False, indent=2))
    else:
        for f in result.files:
            _print_file(f)
    return EXIT_IMPORT if result.failed else EXIT_OK


def _file_json(f) -> dict:
    c = f.counts
    return {
        "file": str(f.path), "imported": f.imported, "platform": f.platform, "layout": f.layout,
        "encoding": f.encoding, "rows_read": f.rows_read, "rows_rejected": f.rows_rejected,
        "orders_added": c.orders_added, "orders_updated": c.orders_updated, "lines_added": c.lines_added,
        "refunds_added": c.refunds_added, "buyers_added": c.buyers_added,
        "error": None if f.error is None else {"zh": f.error.message_zh, "en": f.error.message_en},
        "rejected": [
            {"row": e.row, "column": e.column, "reason_zh": e.reason_zh, "reason_en": e.reason_en, "value": e.value}
            for e in f.errors
        ],
    }


def _print_file(f) -> None:
    if f.error is not None:
        print(f"✗ {f.error.message('zh')}\n  {f.error.message('en')}", file=sys.stderr)
        return
    if f.cancelled:
        print(f"✗ {f.file_name}: 已取消 / cancelled")
        return
    c = f.counts
    print(f"✓ {f.file_name} [{f.layout_label_zh} / {f.layout_label_en}, {f.encoding or 'xlsx'}]")
    print(f"  读取 {f.rows_read} 行 rows read · 新增订单 {c.orders_added} orders added · "
          f"更新订单 {c.orders_updated} updated · 新买家 {c.buyers_added} buyers added · "
          f"拒绝 {f.rows_rejected} rejected")
    for e in f.errors[:50]:
        print(f"  - {e.message('zh')} / {e.reason_en}")
    if f.rows_rejected > 50:
        print(f"  ... 另有 {f.rows_rejected - 50} 行 / {f.rows_rejected - 50} more rows (--json lists them)")


def _stats(shop, args) -> int:
    from sellerdesk.domain.money import format_fen
    from sellerdesk.services.overview import load_overview

    t = load_overview(shop).total
    fig = {
        "orders": t.orders,
        "countable_orders": t.countable_orders,
        "buyers": t.buyers,
        "repeat_buyers": t.repeat_buyers,
        "paid_total": format_fen(t.paid_fen),
        "net_total": None if t.net_fen is None else format_fen(t.net_fen),
        "refunded_orders": t.refunded_orders,
    }
    if args.json:
        print(json.dumps(fig, ensure_ascii=False))
    else:
        labels = {"orders": "订单 orders", "countable_orders": "有效订单 countable orders", "buyers": "买家 buyers",
                  "repeat_buyers": "老客 repeat buyers", "paid_total": "实付总额 paid total",
                  "net_total": "净额 net total", "refunded_orders": "退款订单 refunded orders"}
        for key, value in fig.items():
            print(f"{labels[key]}: {'—' if value is None else value}")
        if t.first_order_at:
            print(f"时间范围 date range: {t.first_order_at[:10]} – {t.last_order_at[:10]}")
    return EXIT_OK


def _demo(shop, args) -> int:
    from sellerdesk.services.clock import shop_today
    from sellerdesk.services.demo import build_demo_shop
    from sellerdesk.services.demo_activity import add_demo_activity

    if args.buyers < 1:
        print("--buyers 必须大于 0 / must be positive", file=sys.stderr)
        return EXIT_USAGE
    today = args.today or shop_today()
    result = build_demo_shop(shop, buyers=args.buyers, seed=args.seed, today=today,
                             progress=_stderr_progress if sys.stderr.isatty() else _quiet)
    add_demo_activity(shop, today, args.seed)
    added = sum(f.counts.orders_added for f in result.files)
    print(f"演示店铺已生成 demo shop ready: {shop.path} ({added} orders)")
    return EXIT_OK


def _groups(shop, args) -> int:
    from sellerdesk.domain.money import format_fen
    from sellerdesk.services.segmentation import compute_segmentation

    seg = compute_segmentation(shop, args.as_of)
    rows = [{
        "key": g.key, "family": g.definition.family, "name_zh": g.definition.name_zh, "name_en": g.definition.name_en,
        "size": g.size, "share_buyers": round(g.share_buyers, 4), "paid_total": format_fen(g.paid_fen),
        "share_revenue": round(g.share_revenue, 4),
        "aov": None if g.aov_fen is None else format_fen(g.aov_fen),
        "coupon": None if g.coupon is None else g.coupon.text_zh,
        "rule_zh": g.definition.explain_zh, "rule_en": g.definition.explain_en,
    } for g in seg.groups]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"截至 as of {seg.as_of} · 买家 buyers {seg.buyers}")
    for r in rows:
        print(f"{r['key']:<28} {r['size']:>8}  {r['share_buyers'] * 100:5.1f}%  {r['name_zh']} / {r['name_en']}")
    for zh, en in seg.tier_warnings:
        print(f"! {zh} / {en}")
    return EXIT_OK


DEFAULT_TEXTS = {
    "sms": "【{shop}】{name}您好，感谢您一直以来的支持，{coupon}等您来用。拒收请回复R",
    "email": "{name}您好：感谢您在{shop}的每一次购买，{coupon}已为您准备好。",
    "phone": "您好，我是{shop}的客服，您之前买的{last_item}用得还好吗？现在有{coupon}。",
}


def _export_group(shop, args) -> int:
    from sellerdesk.domain.outreach import Channel
    from sellerdesk.domain.rules import RuleError
    from sellerdesk.services.outreach import ExportError, OutreachPlan, export_outreach, prepare_outreach
    from sellerdesk.services.segmentation import compute_segmentation

    seg = compute_segmentation(shop, args.as_of)
    if seg.group(args.key) is None:
        keys = ", ".join(g.key for g in seg.groups)
        print(f"没有这个分组 / no such group: {args.key}\n可用 / known: {keys}", file=sys.stderr)
        return EXIT_USAGE
    channel = Channel(args.channel)
    plan = OutreachPlan(args.key, channel, args.text or DEFAULT_TEXTS[args.channel], args.text_b,
                        args.holdout, args.seed)
    try:
        preview = prepare_outreach(shop, seg, plan)
    except RuleError as exc:
        print(f"{exc.message_zh}\n{exc.message_en}", file=sys.stderr)
        return EXIT_USAGE
    for n in preview.notices_a + preview.notices_b:
        print(f"! {n.zh} / {n.en}", file=sys.stderr)
    print(preview.summary.message(channel, "zh"))
    print(preview.summary.message(channel, "en"))
    try:
        result = export_outreach(shop, preview, args.out)
    except ExportError as exc:
        print(f"{exc.message_zh}\n{exc.message_en}", file=sys.stderr)
        return EXIT_EXPORT
    print(f"已导出 {result.written} 人 / exported {result.written} recipients: {result.path} "
          f"(outreach #{result.outreach_id})")
    return EXIT_OK


def _calendar(shop, args) -> int:
    from sellerdesk.services import promo_calendar as pc
    from sellerdesk.services.clock import shop_today

    year = args.year or shop_today().year
    cal = pc.calendar_entries(shop, year)
    campaigns = pc.list_campaigns(shop, year)
    if args.ics:
        written = pc.export_ics(shop, args.ics, year=year)
        print(f"已导出 {written} 项 / exported {written} events: {args.ics}",
              file=sys.stderr if args.json else sys.stdout)
    if args.json:
        print(json.dumps({
            "year": year, "holidays_known": cal.holidays_known,
            "entries": [{"kind": e.kind.value, "key": e.key, "name_zh": e.name_zh, "name_en": e.name_en,
                         "start": e.start.isoformat(), "end": e.end.isoformat(),
                         "day": e.day.isoformat() if e.day else None, "platforms": list(e.platforms)}
                        for e in cal.entries],
            "campaigns": [{"id": c.id, "name": c.name, "festival": c.festival_key, "year": c.year,
                           "anchor": c.anchor.isoformat(), "start": c.start.isoformat(), "end": c.end.isoformat(),
                           "playbook": c.playbook_key,
                           "phases": [{"key": p.key, "name_zh": p.name_zh, "name_en": p.name_en,
                                       "start": p.start.isoformat(), "end": p.end.isoformat()} for p in c.phases]}
                          for c in campaigns],
        }, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"{year} 年大促日历 / promo calendar {year}")
    if not cal.holidays_known:
        print(f"! 法定节假日数据还没有 {year} 年，未显示假期 / statutory holidays for {year} are not published yet")
    kinds = {"festival": "大促 festival", "holiday": "假期 holiday", "workday": "调休 workday",
             "user": "自定 event", "phase": "阶段 phase"}
    for e in cal.entries:
        days = e.start.isoformat() if e.start == e.end else f"{e.start} – {e.end}"
        print(f"{days:<25} {kinds[e.kind.value]:<12} {e.name_zh} / {e.name_en}")
    for c in campaigns:
        print(f"活动 campaign #{c.id}: {c.name} ({c.start} – {c.end}, 打法 playbook {c.playbook_key or '—'})")
    return EXIT_OK


def _campaign(shop, args) -> int:
    from sellerdesk.services import promo_calendar as pc

    campaign = pc.apply_playbook(shop, args.playbook, args.festival, args.year)
    tasks = pc.campaign_tasks(shop, campaign.id)
    print(f"已创建活动 #{campaign.id}「{campaign.name}」，{len(tasks)} 项任务 / "
          f"campaign #{campaign.id} created with {len(tasks)} tasks ({campaign.start} – {campaign.end})")
    for p in campaign.phases:
        print(f"  {p.start} – {p.end}  {p.name_zh} / {p.name_en}")
    return EXIT_OK


def _tasks(shop, args) -> int:
    from sellerdesk.services import promo_calendar as pc
    from sellerdesk.services.clock import shop_now

    now = args.as_of or shop_now()
    if args.due:
        overdue, today = pc.startup_agenda(shop, now)
        tasks = overdue + today
    else:
        tasks = pc.all_tasks(shop)
    if args.json:
        print(json.dumps([_task_json(t, now) for t in tasks], ensure_ascii=False, indent=2))
        return EXIT_OK
    labels = {"todo": "待办 to do", "done": "完成 done", "skipped": "跳过 skipped", "late": "逾期 late"}
    if not tasks:
        print("没有任务 / no tasks")
    for t in tasks:
        when = f"{t.starts_at:%Y-%m-%d %H:%M}" + (f"–{t.ends_at:%H:%M}" if t.ends_at and
                                                  t.ends_at.date() == t.starts_at.date() else
                                                  f" – {t.ends_at:%Y-%m-%d %H:%M}" if t.ends_at else "")
        owner = f" @{t.owner}" if t.owner else ""
        print(f"#{t.id:<5} {when:<33} {labels[t.status_at(now).value]:<12} {t.title}{owner}")
    return EXIT_OK


def _task_json(t, now: datetime) -> dict:
    return {"id": t.id, "campaign_id": t.campaign_id, "title": t.title,
            "starts_at": t.starts_at.isoformat(), "ends_at": t.ends_at.isoformat() if t.ends_at else None,
            "status": t.status_at(now).value, "phase": t.phase, "owner": t.owner, "group": t.group_key,
            "channel": t.channel, "message": t.message, "notes": t.notes, "lead_minutes": t.lead_minutes,
            "checklist": [{"text": i.text, "done": i.done} for i in t.checklist],
            "snoozed_until": t.snoozed_until.isoformat() if t.snoozed_until else None,
            "outreach_id": t.outreach_id}


def _scripts(shop, args) -> int:
    from sellerdesk.services import script_library as lib

    if args.scripts_command == "render":
        return _render_script(shop, args)
    scripts = lib.search(shop, args.search, args.lang) if args.search else lib.list_scripts(shop)
    if args.json:
        print(json.dumps([{"key": s.key, "reason": s.reason, "kind": s.kind, "tone": s.tone, "title_zh": s.title_zh,
                           "title_en": s.title_en, "shortcut": s.shortcut, "enabled": s.enabled, "builtin": s.builtin,
                           "outcome": s.outcome, "messages": [{"role": m.role, "text_zh": m.text_zh,
                                                                "text_en": m.text_en} for m in s.messages]}
                          for s in scripts], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not scripts:
        print("没有找到话术 / no scripts found", file=sys.stderr)
    for s in scripts:
        shortcut = f"[{s.shortcut}]" if s.shortcut else ""
        off = "  (停用 disabled)" if not s.enabled else ""
        print(f"{s.key:<30} {shortcut:<4} {s.title_zh} / {s.title_en}{off}")
    return EXIT_OK


def _render_script(shop, args) -> int:
    from sellerdesk.services import script_library as lib

    r = lib.render(shop, args.key, args.order, args.lang)
    if r.order_found is False:
        print(f"订单 {args.order} 不在店铺数据中，话术未按订单填写 / order {args.order} is not in the shop: "
              "the script is printed with neutral wording", file=sys.stderr)
    if args.json:
        print(json.dumps({"key": r.script.key, "title": r.script.title(args.lang), "order": args.order,
                          "order_found": r.order_found, "messages": r.messages, "resolution": r.resolution},
                         ensure_ascii=False, indent=2))
        return EXIT_OK
    print("\n\n".join(r.messages))
    return EXIT_OK


def _report(shop, args) -> int:
    from sellerdesk.services.reports import ReportPeriod, default_period_for_campaign, period_for_dates, write_report

    if (args.compare_from is None) != (args.compare_to is None):
        print("--compare-from 和 --compare-to 需要一起给出 / give both --compare-from and --compare-to", file=sys.stderr)
        return EXIT_USAGE
    if args.campaign is not None:
        period = default_period_for_campaign(shop, args.campaign)
        if args.compare_from is not None:
            period = ReportPeriod(period.start, period.end, args.compare_from, args.compare_to, period.campaign_id,
                                  period.label)
    else:
        if args.end is None:
            print("--from 需要配合 --to / --from needs --to", file=sys.stderr)
            return EXIT_USAGE
        period = period_for_dates(args.start, args.end, args.compare_from, args.compare_to)
    out = args.out or Path(f"retrospective-{period.start.isoformat()}.pdf")
    written = write_report(shop, period, out, args.xlsx, args.lang, not args.full, progress=_quiet)
    print(f"{written.pdf_path} ({written.pages} 页 pages)")
    if written.xlsx_path:
        print(f"{written.xlsx_path} ({written.sheets} 个工作表 sheets)")
    return EXIT_OK


def _stderr_progress(fraction: float, message: str) -> None:
    print(f"\r{fraction * 100:5.1f}% {message[:60]:60}", end="", file=sys.stderr, flush=True)
    if fraction >= 1.0:
        print(file=sys.stderr)


def _quiet(fraction: float, message: str) -> None:
    pass
