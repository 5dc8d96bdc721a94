"""How the portfolio report and reading a whole search grow with the register, in one run.

    .venv/bin/python benchmarks/scale.py [--sizes 1000,10000,100000] [--dir /tmp] [--skip-pdf]

For each size a register of that many generated assessments is made first (``lika demo
--count N``, kept in ``--dir`` as ``lika-scale-N.db`` for the next run). Then, each as a
whole ``lika`` process, so that time and memory are what a user meets:

- ``lika report`` over every assessment (a period from 1900 to 2100) as PDF/A: wall time,
  CPU time and peak resident memory (the kernel's accounting of the finished child);
- ``lika list --search`` for a common word (about half the register), every hit printed.

Printed per size, with the time per 1,000 assessments: linear growth shows as a flat
column. Targets (issue 18): the report of 100,000 within 60 s and 400 MB.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.register import COMMON_WORD, machine

MB = 1_000_000


@dataclass
class Measured:
    seconds: float
    cpu: float
    peak_rss: int  # bytes
    output_lines: int


def run(args: list[str]) -> Measured:
    """Run ``args`` to the end; its wall time, CPU time and peak RSS (``wait4``)."""
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert process.stdout is not None
    lines = sum(1 for _ in process.stdout)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed with {process.returncode}")
    return Measured(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, lines)


def lika(*args: str) -> list[str]:
    return [sys.executable, "-m", "desktop_app", *args]


def ensure_register(path: Path, count: int) -> None:
    if path.exists():
        return
    print(f"Generating {count} assessments into {path} ...", flush=True)
    run(lika("demo", "--count", str(count), "--db", str(path)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--skip-pdf", action="store_true", help="only the search")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"Machine: {machine()}")
    print(f"Load average at start: {os.getloadavg()[0]:.1f}\n")
    rows = []
    for size in sizes:
        db = args.dir / f"lika-scale-{size}.db"
        ensure_register(db, size)
        out = args.dir / f"lika-scale-{size}.pdf"
        report = None
        if not args.skip_pdf:
            report = run(lika("report", "--db", str(db), "--from", "1900-01-01",
                              "--to", "2100-12-31", "--out", str(out)))  # fmt: skip
            out.unlink(missing_ok=True)
        search = run(lika("list", "--db", str(db), "--search", COMMON_WORD))
        rows.append((size, report, search))
    print(
        f"{'assessments':>11}  {'report s':>8} {'cpu s':>6} {'s/1000':>6} {'peak MB':>7}"
        f"   {'list --search s':>15} {'hits':>6} {'ms/1000 hits':>12} {'peak MB':>7}"
    )
    for size, report, search in rows:
        if report is None:
            left = f"{'–':>8} {'–':>6} {'–':>6} {'–':>7}"
        else:
            left = (f"{report.seconds:8.1f} {report.cpu:6.1f} "
                    f"{report.seconds / size * 1000:6.2f} {report.peak_rss / MB:7.0f}")  # fmt: skip
        hits = max(search.output_lines - 1, 1)
        print(f"{size:>11}  {left}   {search.seconds:15.2f} {hits:>6} "
              f"{search.seconds / hits * 1e6:12.1f} {search.peak_rss / MB:7.0f}")  # fmt: skip


if __name__ == "__main__":
    main()
