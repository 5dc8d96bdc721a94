"""What the first opened assessment costs now that a listed start leaves the register's
opening for writing to the first action that needs it (issue 18).

    .venv/bin/python benchmarks/first_open.py [--runs 9] [--db REGISTER]

Each run is a fresh process from the source checkout (offscreen), alternately: "listed"
starts as ``lika`` does on a register its first look can read (list, check, attach:
``ui/opening.listed_context``) and then opens the first assessment, which opens the
register for writing, loads sqlite-utils, the service and the content; "opened at
start" opens the register for writing while it starts, as every start did before, and
then opens the same assessment. Printed: the medians of the time the start took (from
``fill_window`` until it returned), of the time the first assessment took to open, and
the resident memory (VmRSS) after each, in MB. Without ``--db`` a demo register of 11
assessments is made in a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))

from smoke_test import isolated_environment

CHILD = r"""
import json, sys, time
from pathlib import Path

def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
    return 0.0

from desktop_app.ui.app import create_application
from desktop_app.ui.first_list import list_first_page
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.opening import fill_window
from desktop_app.ui.settings import Settings

mode, path = sys.argv[1], Path(sys.argv[2])
app = create_application(["lika"])
settings = Settings()
settings.identity_asked = True
window = MainWindow()
window.show_opening(path)
first = list_first_page(window, path, settings)
assert first is not None, "the first look did not list the register"
window.show()
started = time.perf_counter()
code = fill_window(window, path, settings, is_default=False,
                   first=first if mode == "listed" else None)
assert code is None, code
start_s = time.perf_counter() - started
start_mb = rss_mb()
row = window.register_view.model.row_at(0)
opening = time.perf_counter()
opened = window.open_assessment(row.id)
open_s = time.perf_counter() - opening
assert opened is not None
print(json.dumps({"start_s": start_s, "start_mb": start_mb, "open_s": open_s,
                  "open_mb": rss_mb()}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--db", type=Path, help="the register (default: a demo register)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lika-first-open-") as tmp:
        env = isolated_environment(Path(tmp) / "home")
        env.update(QT_QPA_PLATFORM="offscreen", LIKA_DEFAULTS="", PYTHONPATH=str(ROOT))
        db = args.db
        if db is None:
            db = Path(tmp) / "demo.db"
            subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(db), "demo"],
                           env=env, check=True, capture_output=True)  # fmt: skip
        found: dict[str, list[dict[str, float]]] = {"listed": [], "opened at start": []}
        for _ in range(args.runs + 1):  # the first round warms the disk cache
            for mode in found:
                done = subprocess.run(
                    [sys.executable, "-c", CHILD, mode.split()[0], str(db)],
                    env=env, capture_output=True, text=True, check=True, cwd=ROOT,
                )  # fmt: skip
                found[mode].append(json.loads(done.stdout.splitlines()[-1]))
    print(f"{args.runs} runs each, alternately, load average {os.getloadavg()[0]:.1f}")
    print(f"{'':18}{'start':>9}{'MB':>6}{'first open':>12}{'MB':>6}")
    for mode, runs in found.items():
        runs = runs[1:]

        def median(key: str, runs: list[dict[str, float]] = runs) -> float:
            return statistics.median(run[key] for run in runs)

        print(f"{mode:18}{median('start_s') * 1000:7.0f}ms{median('start_mb'):6.0f}"
              f"{median('open_s') * 1000:10.0f}ms{median('open_mb'):6.0f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
