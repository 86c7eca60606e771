"""The retrospective report on a big shop: the whole report against rendering its numbers alone.

    python benchmarks/bench_report.py [--buyers 300000] [--repeat 3] [--data DIR]

The shop (--buyers buyers, 10/3 orders each: 1,000,000 orders for 300,000) is the
one bench_startup.py imports from the bulk Taobao CSV, copied once into
benchmarks/data/ with the 11.11 playbook applied for the last year of orders (a
campaign of about 30 days with its phases and a sales target) and a few days of
channel spend, so every section has something to say.
Each phase runs in a fresh interpreter:
- baseline: reportlab rendering the same document with its numbers precomputed
  (the ReportDoc the report phase built, unpickled before the clock starts,
  through render_pdf): the time the PDF itself needs;
- SellerDesk: `write_report` for the campaign: every figure read from the store
  (one snapshot, half of the buyers' figures on a second connection), the document
  built, the PDF rendered; split (for reference) at the progress report where the PDF
  starts. reportlab and the font load on a thread while the figures are read, so that
  part of the PDF's time falls in the first half of the split.
Goal (issue #6): the whole report within 1.5x of the rendering alone.

A report keeps the days it read (store.report_days: each day's headline, items and
pairs) until the next import changes the orders, so the timed runs after the first read
the days kept (and the groups' measurement kept with the as-of figures, store.facts_context).
For reference, the first report after an import (the kept days emptied first, as an
import's refresh does; the as-of figures and their measurement stay kept) is timed once as well.
"""

from __future__ import annotations

import pickle
import shutil
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Table, Timer, best_of, report, run_phase, shop_bench_args  # noqa: E402

SCRIPT = Path(__file__).resolve()
GOAL = 1.5
FESTIVAL = "1111"


def _campaign_shop(data: Path, buyers: int, seed: int) -> Path:
    """bench_startup's shop copied once, with this year's 11.11 campaign and some channel spend."""
    from bench_startup import _shop

    from sellerdesk.store.migrations import SCHEMA_VERSION

    target = data / f"report_shop_{buyers}_{seed}_v{SCHEMA_VERSION}.sqlite"
    if target.exists():
        return target
    source = _shop(data, buyers, seed)
    partial = target.with_name(target.stem + ".partial.sqlite")
    shutil.copyfile(source, partial)
    import sqlite3

    from sellerdesk.domain.channels import ChannelDay
    from sellerdesk.services.campaigns import apply_playbook, set_campaign_details
    from sellerdesk.services.channel_data import save_channel_rows
    from sellerdesk.services.shop import ShopFile

    conn = sqlite3.connect(partial)
    last = conn.execute("SELECT max(created_at) FROM orders").fetchone()[0]
    conn.close()
    year = int(last[:4]) if last[5:10] >= "11-25" else int(last[:4]) - 1  # the last 11.11 the orders cover
    shop = ShopFile(partial)
    campaign = apply_playbook(shop, FESTIVAL, FESTIVAL, year, now=datetime(year, 8, 1, 9))
    set_campaign_details(shop, campaign.id, target_fen=buyers * 10_000)
    days = [date(year, 11, d) for d in range(1, 12)]
    save_channel_rows(shop, [ChannelDay(d, key, 50_000 * (i + 1), 900 * (i + 1), 2_400 * (i + 1), 300, 12 * (i + 1),
                                        180_000 * (i + 1))
                             for d in days for i, key in enumerate(("ztc", "tbk"))])
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    partial.rename(target)
    return target


def _campaign_id(shop) -> int:
    from sellerdesk.services.campaigns import list_campaigns

    return max(c.id for c in list_campaigns(shop) if c.festival_key == FESTIVAL)


def phase_report(shop_path: str, doc_out: str) -> None:
    from sellerdesk.services.reports import default_period_for_campaign, write_report
    from sellerdesk.services.shop import ShopFile

    shop = ShopFile(shop_path)
    period = default_period_for_campaign(shop, _campaign_id(shop))
    now = datetime(period.end.year, period.end.month, period.end.day, 23, 0)
    marks: list[float] = []

    def progress(fraction: float, message: str) -> None:  # write_report gives the PDF 0.6..0.95
        if fraction >= 0.6 and not marks:
            marks.append(time.perf_counter())

    with tempfile.TemporaryDirectory() as tmp:
        with Timer() as t:
            written = write_report(shop, period, Path(tmp) / "report.pdf", lang="zh", as_of=now, progress=progress)
    Path(doc_out).write_bytes(pickle.dumps(written.doc))
    figures_s = (marks[0] - t.start) if marks else None
    report(t.seconds, figures_s=figures_s, pages=written.pages, days=(period.end - period.start).days + 1,
           start=period.start.isoformat(), end=period.end.isoformat())


def phase_render(doc_path: str) -> None:
    from sellerdesk.exporters.pdf import render_pdf

    doc = pickle.loads(Path(doc_path).read_bytes())
    with tempfile.TemporaryDirectory() as tmp:
        with Timer() as t:
            pages = render_pdf(doc, Path(tmp) / "report.pdf")
    report(t.seconds, pages=pages)


def phase_forget(shop_path: str) -> None:
    """Empty the kept days, as the refresh after an import does."""
    from sellerdesk.services.shop import ShopFile
    from sellerdesk.store import report_days

    store = ShopFile(shop_path).open()
    try:
        with store.transaction() as conn:
            report_days.forget(conn)
    finally:
        store.close()
    report(0.0)


PHASES = {"report": phase_report, "render": phase_render, "forget": phase_forget}


def main(argv: list[str] | None = None) -> int:
    args = shop_bench_args(__doc__, PHASES, argv)
    if args is None:
        return 0
    args.data.mkdir(parents=True, exist_ok=True)
    shop = str(_campaign_shop(args.data, args.buyers, args.seed))
    with tempfile.TemporaryDirectory() as tmp:
        doc = str(Path(tmp) / "doc.pickle")
        run_phase(SCRIPT, "forget", shop)
        first = run_phase(SCRIPT, "report", shop, doc)  # computes and keeps the days
        runs: dict[str, list[dict]] = {"report": [], "render": []}
        for _ in range(args.repeat):  # interleaved, so drift in the machine's speed hits both alike
            runs["report"].append(run_phase(SCRIPT, "report", shop, doc))
            runs["render"].append(run_phase(SCRIPT, "render", doc))
    whole, render = best_of(runs["report"]), best_of(runs["render"])
    title = (f"Retrospective report, {args.buyers:,} buyers, 11.11 campaign {whole['start']} – {whole['end']} "
             f"({whole['days']} days, {whole['pages']} pages), best of {args.repeat}")
    table = Table(title, "reportlab: the same document, numbers precomputed", render["seconds"])
    table.add("sellerdesk: figures + document + PDF", whole["seconds"], GOAL)
    if whole.get("figures_s") is not None:  # where the time goes (reference)
        table.add("  of which figures and document", whole["figures_s"])
        table.add("  of which the PDF", whole["seconds"] - whole["figures_s"])
    table.add("first report after an import (days not kept yet)", first["seconds"])
    table.check("pages: report = precomputed", f"{whole['pages']} / {render['pages']}",
                whole["pages"] == render["pages"], "equal")
    if whole.get("peak_mb") is not None:
        table.check("report peak memory", f"{whole['peak_mb']:.0f} MB", whole["peak_mb"] < 1000, "< 1000 MB")
    table.print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
