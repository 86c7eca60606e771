"""Import speed of a big Taobao order report, against the cheapest possible import.

    python benchmarks/bench_import.py [--rows 1000000] [--seed 7] [--data DIR]

1. Writes (once, cached in benchmarks/data/) a Taobao-style GBK 订单报表 with
   --rows orders, using the demo shop's bulk writer.
2. Floor: stream the file through the stdlib csv module and executemany the raw
   rows into a bare table keyed by order number, in one transaction.
3. import_files into an empty database (parse, validate, store, index, derive
   buyers, refresh the figures): goal within 1.5x of the floor, peak memory of
   that process under 500 MB.
4. For reference: pandas read_csv + to_sql (skipped when pandas is missing).
5. Re-import the same file into that database (every row a duplicate): goal no
   slower than the first import, and nothing may change (figures, row counts).
Each phase runs in a fresh interpreter and times only its own work.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DATA, Table, Timer, best_of, report, run_phase  # noqa: E402

SCRIPT = Path(__file__).resolve()
IMPORT_GOAL = 1.5
MEMORY_GOAL_MB = 500


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data", type=Path, default=DATA, help="folder for the CSV and the databases")
    parser.add_argument("--repeat", type=int, default=1, help="run each phase N times, keep the fastest")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phase:
        PHASES[args.phase](args.file, args.db)
        return 0

    args.data.mkdir(parents=True, exist_ok=True)
    csv_path = args.data / f"ExportOrderList_bench_{args.rows}_{args.seed}.csv"
    if not csv_path.exists():
        from sellerdesk.demo import write_taobao_orders_csv

        with Timer() as t:
            write_taobao_orders_csv(csv_path.with_suffix(".tmp"), args.rows, args.seed)
        csv_path.with_suffix(".tmp").rename(csv_path)
        print(f"wrote {csv_path.name}: {args.rows:,} rows, {csv_path.stat().st_size / 1e6:.0f} MB in {t.seconds:.1f} s")
    size_mb = csv_path.stat().st_size / 1e6
    floor_db, import_db, pandas_db = (args.data / f"bench_{n}.sqlite" for n in ("floor", "import", "pandas"))
    print(f"file: {csv_path} ({args.rows:,} rows, {size_mb:.0f} MB)")
    file_args = ("--file", str(csv_path))
    runs: dict[str, list[dict]] = {"floor": [], "first": [], "pandas": [], "again": []}
    for _ in range(max(1, args.repeat)):  # interleaved, so every phase sees the same background load
        for db in (floor_db, import_db, pandas_db):
            _remove(db)
        runs["floor"].append(run_phase(SCRIPT, "floor", *file_args, "--db", str(floor_db)))
        runs["first"].append(run_phase(SCRIPT, "import", *file_args, "--db", str(import_db)))
        runs["pandas"].append(run_phase(SCRIPT, "pandas", *file_args, "--db", str(pandas_db)))
        runs["again"].append(run_phase(SCRIPT, "import", *file_args, "--db", str(import_db)))
    floor, first, pandas, again = (best_of(runs[k]) for k in ("floor", "first", "pandas", "again"))
    peak_run = max(runs["first"] + runs["again"], key=lambda r: r["peak_mb"] or 0)
    peak_mb = peak_run["peak_mb"]
    split = (f" ({peak_run['self_peak_mb']:.0f} + child {peak_run['children_peak_mb']:.0f})"
             if peak_run.get("children_peak_mb") else "")

    table = Table(f"Taobao order CSV import, {args.rows:,} rows ({size_mb:.0f} MB), best of {max(1, args.repeat)}",
                  "floor: csv + executemany", floor["seconds"])
    table.add("import_files (empty db)", first["seconds"], IMPORT_GOAL)
    if peak_mb is not None:
        table.check("import peak memory", f"{peak_mb:.0f} MB{split}", peak_mb < MEMORY_GOAL_MB,
                    f"< {MEMORY_GOAL_MB} MB")
    table.add("pandas read_csv + to_sql", pandas.get("seconds") if not pandas.get("skipped") else None,
              info="pandas not installed")
    table.add("re-import (all duplicates)", again["seconds"], first["seconds"] / floor["seconds"])
    same = all(r["figures"] == first["figures"] and r["tables"] == first["tables"] and not any(r["counts"].values())
               for r in runs["again"])
    table.check("re-import changed nothing", "yes" if same else "NO", same, "figures, rows, counts equal")
    table.check("rows rejected", str(first["rejected"]), first["rejected"] == 0, "0")
    table.print()
    rate = args.rows / first["seconds"]
    print(f"\nimport rate: {rate:,.0f} rows/s; floor rate: {args.rows / floor['seconds']:,.0f} rows/s; "
          f"orders {first['figures']['orders']:,}, buyers {first['figures']['buyers']:,}")
    return 0


# --- phases (each in its own interpreter) ------------------------------------------------

def phase_floor(path: Path, db: Path) -> None:
    import csv

    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    with Timer() as t:
        with open(path, encoding="gb18030", newline="") as f:
            reader = csv.reader(f)
            header = next(reader)
            cols = ", ".join(f"c{i} TEXT" for i in range(1, len(header)))
            conn.execute(f"CREATE TABLE raw (c0 TEXT PRIMARY KEY, {cols})")
            marks = ", ".join("?" * len(header))
            conn.execute("BEGIN")
            conn.executemany(f"INSERT INTO raw VALUES ({marks})", reader)
            conn.execute("COMMIT")
    rows = conn.execute("SELECT count(*) FROM raw").fetchone()[0]
    conn.close()
    report(t.seconds, rows=rows)


def phase_import(path: Path, db: Path) -> None:
    from sellerdesk.services.importing import import_files
    from sellerdesk.services.overview import load_overview
    from sellerdesk.services.shop import ShopFile

    shop = ShopFile(db)
    shop.ensure()  # creating the empty schema is not part of the import
    with Timer() as t:
        result = import_files(shop, [path])
    f = result.files[0]
    if f.error is not None:
        raise SystemExit(f.error.message("en"))
    total = load_overview(shop).total
    conn = sqlite3.connect(db)
    tables = {n: conn.execute(f"SELECT count(*) FROM {n}").fetchone()[0]
              for n in ("orders", "order_lines", "refunds", "buyers")}
    conn.close()
    figures = {k: getattr(total, k) for k in ("orders", "countable_orders", "buyers", "repeat_buyers",
                                              "paid_fen", "net_fen", "refund_fen", "refunded_orders")}
    counts = {k: getattr(f.counts, k) for k in f.counts.__dataclass_fields__}
    report(t.seconds, figures=figures, tables=tables, counts=counts, rejected=f.rows_rejected)


def phase_pandas(path: Path, db: Path) -> None:
    try:
        import pandas as pd
    except ImportError:
        report(0.0, skipped=True)
        return
    conn = sqlite3.connect(db)
    with Timer() as t:
        df = pd.read_csv(path, encoding="gb18030", dtype=str, keep_default_na=False)
        df.to_sql("orders", conn, index=False, chunksize=50_000)
    conn.close()
    report(t.seconds, rows=len(df))


PHASES = {"floor": phase_floor, "import": phase_import, "pandas": phase_pandas}


def _remove(db: Path) -> None:
    for p in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        p.unlink(missing_ok=True)


if __name__ == "__main__":
    sys.exit(main())
