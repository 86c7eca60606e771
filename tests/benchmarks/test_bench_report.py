"""bench_report.py runs at a tiny size: the campaign shop is made, both phases run, the table and ratio print.

Timings at this size mean nothing; the plumbing (shop copy with a campaign, the
pickled document handed from the report phase to the render phase) is what is checked.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_report_benchmark_runs_at_a_tiny_size(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_report.py"), "--buyers", "60", "--repeat", "1",
         "--data", str(tmp_path)],
        capture_output=True, text=True, timeout=300, cwd=ROOT, env=env,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    ratio = [line for line in lines if line.startswith("ratio: sellerdesk: figures + document + PDF")]
    assert len(ratio) == 1 and float(ratio[0].split(" = ", 1)[1].split()[0]) > 0
    assert any(line.startswith("check: pages: report = precomputed") and "PASS" in line for line in lines)
    assert any(line.strip().startswith("name") and "ratio" in line for line in lines)
