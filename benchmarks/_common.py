"""Shared plumbing of the benchmark scripts: phases in fresh subprocesses, and the result table.

Every timed phase runs in its own interpreter (`script --phase NAME ...`), times
only its own work, and reports seconds and its peak resident memory as one
JSON line on stdout. Ratios are always against a baseline measured in the
same run, so the numbers mean something on any machine.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
if str(ROOT) not in sys.path:  # run from a checkout without `pip install -e .`
    sys.path.insert(0, str(ROOT))


def peak_rss_mb(who: str = "self") -> float | None:
    """Peak resident memory in MB of this process ("self") or of its largest waited-for
    child ("children"); None where unknown."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    which = resource.RUSAGE_SELF if who == "self" else resource.RUSAGE_CHILDREN
    peak = resource.getrusage(which).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def report(seconds: float, **extra) -> None:
    """The last line a phase prints: what the parent reads.

    peak_mb is this process's peak plus its largest child's (an import may parse
    in a child process): an upper bound of the memory the phase held at once.
    """
    own, children = peak_rss_mb("self"), peak_rss_mb("children")
    peak = None if own is None else own + (children or 0)
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "self_peak_mb": own, "children_peak_mb": children,
                      **extra}, ensure_ascii=False), flush=True)


def best_of(results: list[dict]) -> dict:
    """The fastest of repeated runs of one phase (the least disturbed by other load)."""
    return min(results, key=lambda r: r["seconds"])


def run_phase(script: Path, phase: str, *args: str, env: dict | None = None, timeout: float = 3600) -> dict:
    """Run `script --phase phase args...` in a fresh interpreter; its JSON result."""
    cmd = [sys.executable, str(script), "--phase", phase, *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})}, cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"phase {phase} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


class Timer:
    def __enter__(self) -> Timer:
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc) -> None:
        self.seconds = time.perf_counter() - self.start


class Table:
    """name | seconds | ratio to the baseline | goal | PASS/MISS, then one `ratio:` line per goal."""

    def __init__(self, title: str, baseline_name: str, baseline_seconds: float):
        self.title = title
        self.baseline = baseline_seconds
        self.rows: list[tuple[str, str, str, str, str]] = [
            (baseline_name, f"{baseline_seconds:.2f}", "1.00", "baseline", "")]
        self.ratio_lines: list[str] = []
        self.missed = 0

    def add(self, name: str, seconds: float | None, goal: float | None = None, info: str = "") -> float | None:
        """A timed row; goal is the largest allowed ratio to the baseline (None: printed for reference)."""
        if seconds is None:
            self.rows.append((name, "-", "-", "-", info or "skipped"))
            return None
        ratio = seconds / self.baseline if self.baseline > 0 else float("inf")
        verdict = "" if goal is None else ("PASS" if ratio <= goal else "MISS")
        self.missed += verdict == "MISS"
        goal_text = "reference" if goal is None else f"<= {goal:.2f}x"
        self.rows.append((name, f"{seconds:.2f}", f"{ratio:.2f}", goal_text, verdict))
        self.ratio_lines.append(f"ratio: {name} / {self.rows[0][0]} = {ratio:.2f}"
                                + ("" if goal is None else f" (goal <= {goal:.2f}) {verdict}"))
        return ratio

    def check(self, name: str, value: str, ok: bool, goal: str) -> None:
        """A non-timed row (memory, correctness)."""
        self.missed += not ok
        self.rows.append((name, value, "", goal, "PASS" if ok else "MISS"))
        self.ratio_lines.append(f"check: {name} = {value} (goal {goal}) {'PASS' if ok else 'MISS'}")

    def print(self) -> None:
        headers = ("name", "seconds", "ratio", "goal", "result")
        widths = [max(_width(r[i]) for r in [headers, *self.rows]) for i in range(5)]
        print(f"\n{self.title}")
        for row in [headers, *self.rows]:
            print("  " + "  ".join(_pad(c, w, right=i in (1, 2)) for i, (c, w) in enumerate(zip(row, widths))))
        print()
        for line in self.ratio_lines:
            print(line)


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)  # CJK characters take two columns


def _pad(text: str, width: int, right: bool) -> str:
    fill = " " * (width - _width(text))
    return fill + text if right else text + fill


def shop_bench_args(doc: str, phases: dict, argv: list[str] | None = None) -> argparse.Namespace | None:
    """The options of a benchmark over a generated shop (--buyers --seed --repeat --data), or None
    after running `--phase NAME ARGS...` (the child side of run_phase)."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--phase", choices=sorted(phases))
    parser.add_argument("--buyers", type=int, default=300_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("args", nargs="*")
    args = parser.parse_args(argv)
    if args.phase:
        phases[args.phase](*args.args)
        return None
    return args
