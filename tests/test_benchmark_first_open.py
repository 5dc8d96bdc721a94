"""``benchmarks/first_open.py`` runs against the app as it is: one run of each way of
starting, asserting that both are reported, never how fast."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_the_first_open_benchmark_reports_both_starts() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "first_open.py"), "--runs", "1"],
        capture_output=True, text=True, timeout=300, cwd=ROOT, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    for mode in ("listed", "opened at start"):
        (line,) = [line for line in lines if line.startswith(mode)]
        assert line.count("ms") == 2, line
