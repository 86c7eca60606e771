"""Reading a big xlsx export: python-calamine vs openpyxl, and import_files against the raw read.

    python benchmarks/bench_xlsx.py [--rows 200000] [--seed 7] [--data DIR]

The file is the Taobao/Tmall 2024-25 千牛 sub-order export (ExportOrderList*.xlsx,
columns A-W, one row per sub-order), written once by the demo's bulk writer
(openpyxl write-only) and cached in benchmarks/data/. Baseline: calamine
reading every cell. Printed beside it: openpyxl's read-only mode reading every
cell (why the project reads with calamine), and import_files of the same file
into an empty database (parse, group lines into orders, store, summarise).
Each phase runs in a fresh interpreter and times only its own work.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DATA, Table, Timer, best_of, report, run_phase  # noqa: E402

SCRIPT = Path(__file__).resolve()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data", type=Path, default=DATA, help="folder for the xlsx and the database")
    parser.add_argument("--repeat", type=int, default=1, help="run each phase N times, keep the fastest")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phase:
        PHASES[args.phase](args.file, args.db)
        return 0

    args.data.mkdir(parents=True, exist_ok=True)
    path = args.data / f"ExportOrderList_bench_sub_{args.rows}_{args.seed}.xlsx"
    if not path.exists():
        from sellerdesk.demo import write_taobao_suborders_xlsx

        tmp = path.with_name(path.stem + ".partial.xlsx")
        with Timer() as t:
            write_taobao_suborders_xlsx(tmp, args.rows, args.seed)
        tmp.rename(path)
        print(f"wrote {path.name}: {args.rows:,} rows, {path.stat().st_size / 1e6:.1f} MB in {t.seconds:.1f} s "
              "(openpyxl write-only)")
    db = args.data / "bench_xlsx.sqlite"
    print(f"file: {path} ({args.rows:,} rows, {path.stat().st_size / 1e6:.1f} MB)")
    runs: dict[str, list[dict]] = {"calamine": [], "openpyxl": [], "import": []}
    for _ in range(max(1, args.repeat)):
        for name in runs:
            _remove(db)
            runs[name].append(run_phase(SCRIPT, name, "--file", str(path), "--db", str(db)))
    calamine, openpyxl, imported = (best_of(runs[k]) for k in ("calamine", "openpyxl", "import"))

    table = Table(f"xlsx read and import, {args.rows:,} rows x 23 columns, best of {max(1, args.repeat)}",
                  "calamine: read all cells", calamine["seconds"])
    table.add("openpyxl read-only: all cells", openpyxl["seconds"])
    table.add("import_files (empty db)", imported["seconds"])
    same = calamine["cells"] == openpyxl["cells"]
    table.check("both readers saw the same cells", f"{calamine['cells']:,}", same, "equal counts")
    table.check("lines imported", f"{imported['lines']:,}", imported["lines"] == args.rows, f"{args.rows:,}")
    table.check("rows rejected", str(imported["rejected"]), imported["rejected"] == 0, "0")
    table.print()
    print(f"\ncalamine raw read: {args.rows / calamine['seconds']:,.0f} rows/s; "
          f"openpyxl read-only: {args.rows / openpyxl['seconds']:,.0f} rows/s; "
          f"import_files: {args.rows / imported['seconds']:,.0f} rows/s "
          f"({calamine['seconds'] / imported['seconds']:.0%} of the raw read rate)")
    return 0


# --- phases (each in its own interpreter) ------------------------------------------------

def phase_calamine(path: Path, db: Path) -> None:
    from python_calamine import CalamineWorkbook

    cells = 0
    with Timer() as t:
        sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
        for row in sheet.iter_rows():
            cells += sum(1 for c in row if c != "")
    report(t.seconds, cells=cells)


def phase_openpyxl(path: Path, db: Path) -> None:
    from openpyxl import load_workbook

    cells = 0
    with Timer() as t:
        wb = load_workbook(path, read_only=True, data_only=True)
        for row in wb.worksheets[0].iter_rows(values_only=True):
            cells += sum(1 for c in row if c is not None and c != "")
        wb.close()
    report(t.seconds, cells=cells)


def phase_import(path: Path, db: Path) -> None:
    from sellerdesk.services.importing import import_files
    from sellerdesk.services.shop import ShopFile

    shop = ShopFile(db)
    shop.ensure()
    with Timer() as t:
        result = import_files(shop, [path])
    f = result.files[0]
    if f.error is not None:
        raise SystemExit(f.error.message("en"))
    report(t.seconds, lines=f.counts.lines_added, orders=f.counts.orders_added, rejected=f.rows_rejected)


PHASES = {"calamine": phase_calamine, "openpyxl": phase_openpyxl, "import": phase_import}


def _remove(db: Path) -> None:
    for p in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        p.unlink(missing_ok=True)


if __name__ == "__main__":
    sys.exit(main())
