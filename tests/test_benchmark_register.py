"""``benchmarks/register.py`` still runs against the app as it is (it had stopped at the
overview once the readers moved into the app layer): on a small register, one run,
asserting that every operation is reported, never how fast."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_the_register_benchmark_reports_every_operation(tmp_path) -> None:
    register = tmp_path / "bench.db"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "LIKA_DEFAULTS": ""}  # fmt: skip
    subprocess.run([sys.executable, "-m", "desktop_app", "demo", "--count", "150",
                    "--db", str(register)], env=env, check=True, capture_output=True)  # fmt: skip
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "register.py"), "--db", str(register),
         "--runs", "1"],
        env=env, capture_output=True, text=True, timeout=300, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    for operation in (
        "first paint",
        "sort by title",
        "search, common word",
        "filtered: overdue measures",
        "count, common word",
        "overview, this year",
        "CSV export of the whole register",
        "peak memory",
    ):
        assert operation in result.stdout, operation
