"""Every benchmark script runs at a tiny size, exits 0 and prints its ratio lines.

Timings at this size mean nothing (interpreter start-up dominates), so only the
plumbing is checked: data generation, the phases in subprocesses, the table.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TINY = {
    "bench_import.py": ["--rows", "300"],
    "bench_xlsx.py": ["--rows", "200"],
    "bench_startup.py": ["--buyers", "60", "--repeat", "1"],
    "bench_responsiveness.py": ["--rows", "3000"],
    "bench_groups.py": ["--buyers", "60", "--repeat", "1"],
    "bench_lookup.py": ["--buyers", "60", "--repeat", "1"],
}


@pytest.mark.parametrize("script", sorted(TINY))
def test_benchmark_runs_at_a_tiny_size(script, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *TINY[script], "--data", str(tmp_path)],
        capture_output=True, text=True, timeout=300, cwd=ROOT, env=env,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    ratios = [line for line in lines if line.startswith("ratio: ")]
    assert ratios, proc.stdout
    for line in ratios:
        value = line.split(" = ", 1)[1].split()[0]
        assert float(value) > 0, line
    assert any(line.strip().startswith("name") and "ratio" in line for line in lines)  # the table header
    assert not any("MISS" in line for line in lines if line.startswith("check: ") and "rejected" in line)
