"""Start-up time: launch to the Overview painted on a big shop, against an empty Qt window's first frame.

    python benchmarks/bench_startup.py [--buyers 300000] [--repeat 3] [--data DIR]

Both run in fresh interpreters with QT_QPA_PLATFORM=offscreen, timed from just
before the process is spawned to the end of the first paint:
- baseline: `QApplication` + an empty `QWidget`, first paint;
- SellerDesk: `sellerdesk.app.main(["--db", shop])` (the real entry point, with
  the QApplication created first so a global event filter can see the paint)
  until the Overview page has painted its figures.
Goal: within 3x of the baseline. The shop (--buyers buyers, 10/3 orders each)
is made once by importing the bulk Taobao CSV that bench_import.py uses, and
cached in benchmarks/data/. Also lists the heavy modules imported at start-up
(python -X importtime), to keep openpyxl, reportlab and the sqlite-utils CLI
out of it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DATA, ROOT, Table, Timer  # noqa: E402

GOAL = 3.0
# Must stay out of start-up: file formats and CLIs only some actions need.
UNWANTED = ("openpyxl", "reportlab", "sqlite_utils.cli", "click", "pandas", "numpy", "python_calamine", "PIL",
            "pypinyin")

BASELINE = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
class FirstPaint(QObject):
    done = False
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not self.done and obj.isWidgetType() and obj.isWindow():
            self.done = True
            QTimer.singleShot(0, lambda: (print("PAINTED", time.time(), flush=True), app.quit()))
        return False
app = QApplication([sys.argv[0]])
spy = FirstPaint()
app.installEventFilter(spy)
w = QWidget()
w.resize(1100, 720)
w.show()
app.exec()
"""

SELLERDESK = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
class FirstPaint(QObject):
    done = False
    def eventFilter(self, obj, event):
        if (event.type() == QEvent.Type.Paint and not self.done and obj.isWidgetType()
                and type(obj).__name__ == "OverviewPage"):
            self.done = True
            QTimer.singleShot(0, lambda: finish(obj))
        return False
def finish(page):
    total = page.overview.total if getattr(page, "overview", None) is not None else None
    print("PAINTED", time.time(), flush=True)
    print("ORDERS", -1 if total is None else total.orders, flush=True)
    QApplication.instance().quit()
app = QApplication([sys.argv[0]])
spy = FirstPaint()
app.installEventFilter(spy)
from sellerdesk.app import main
main(["--db", sys.argv[1], "--lang", "zh"])
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--buyers", type=int, default=300_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3, help="launches of each, keep the fastest")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args(argv)
    args.data.mkdir(parents=True, exist_ok=True)
    shop = _shop(args.data, args.buyers, args.seed)

    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SELLERDESK_HOME": home,
               "XDG_CONFIG_HOME": home, "HOME": home, "PYTHONPATH": str(ROOT)}
        base = min(_launch([sys.executable, "-c", BASELINE], env)[0] for _ in range(args.repeat))
        runs = [_launch([sys.executable, "-c", SELLERDESK, str(shop)], env) for _ in range(args.repeat)]
        seconds, orders = min(runs)
        modules = _import_times([sys.executable, "-X", "importtime", "-c", SELLERDESK, str(shop)], env)

    table = Table(f"Start-up to the Overview painted, {args.buyers:,}-buyer shop ({orders:,} orders), "
                  f"best of {args.repeat}", "empty PySide6 window: first frame", base)
    table.add("sellerdesk: Overview painted", seconds, GOAL)
    table.check("overview shows the shop", f"{orders:,} orders", orders > 0, "> 0 orders")
    unwanted = [m for m in UNWANTED if m in modules]
    table.check("heavy modules at start-up", ", ".join(unwanted) or "none", not unwanted, "none of " + "/".join(UNWANTED))
    table.print()
    print("\nslowest imports at start-up (cumulative, python -X importtime):")
    top = sorted(((us, m) for m, us in modules.items() if "." not in m), reverse=True)[:12]
    for us, m in top:
        print(f"  {us / 1000:8.1f} ms  {m}")
    return 0


def _launch(cmd: list[str], env: dict) -> tuple[float, int]:
    """Seconds from spawn to the end of the first paint, and the orders the Overview showed."""
    start = time.time()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600, cwd=ROOT)
    painted = orders = None
    for line in proc.stdout.splitlines():
        if line.startswith("PAINTED "):
            painted = float(line.split()[1])
        elif line.startswith("ORDERS "):
            orders = int(line.split()[1])
    if proc.returncode != 0 or painted is None:
        raise SystemExit(f"launch failed ({proc.returncode}): {' '.join(cmd[:3])}\n{proc.stdout}\n{proc.stderr}")
    return painted - start, orders if orders is not None else 0


def _import_times(cmd: list[str], env: dict) -> dict[str, int]:
    """module -> cumulative import microseconds, from python -X importtime."""
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600, cwd=ROOT)
    modules: dict[str, int] = {}
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = line[len("import time:"):].split("|")
            if cumulative.strip().isdigit():
                modules[name.strip()] = int(cumulative)
    return modules


def _shop(data: Path, buyers: int, seed: int) -> Path:
    """A shop database with `buyers` buyers, imported once from the bulk Taobao CSV."""
    from sellerdesk.store.migrations import SCHEMA_VERSION

    rows = -(-buyers * 10 // 3)
    # Named by schema version: an older cached shop would be migrated (and backed up) at launch.
    shop = data / f"startup_shop_{buyers}_{seed}_v{SCHEMA_VERSION}.sqlite"
    if shop.exists():
        return shop
    from sellerdesk.demo import write_taobao_orders_csv
    from sellerdesk.services.importing import import_files
    from sellerdesk.services.shop import ShopFile

    csv_path = data / f"ExportOrderList_bench_{rows}_{seed}.csv"
    if not csv_path.exists():
        write_taobao_orders_csv(csv_path.with_suffix(".tmp"), rows, seed)
        csv_path.with_suffix(".tmp").rename(csv_path)
    partial = shop.with_name(shop.stem + ".partial.sqlite")
    with Timer() as t:
        result = import_files(ShopFile(partial), [csv_path])
    if result.failed:
        raise SystemExit(result.failed[0].error.message("en"))
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    partial.rename(shop)
    print(f"made {shop.name} from {csv_path.name} in {t.seconds:.0f} s")
    return shop


if __name__ == "__main__":
    sys.exit(main())
