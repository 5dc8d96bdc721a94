"""Screenshots at 200 % text on a 1280×800 screen (issue 15): the register, the editor
on a ground, the measures page and review mode, in Swedish and Norwegian Bokmål.

    .venv/bin/python scripts/screenshots_i15.py [--out docs/screenshots]

Each language runs the scaling probe (``tests/ui/scaling_probe.py``, the same windows
the scaling test checks) in a child process with ``QT_SCALE_FACTOR=2`` on an offscreen
screen of 1280×800, on a fresh demo register, and saves what it shows as
``i15-<what>-200-<lang>.png``. It stops if the probe finds anything that does not fit.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ("register-200", "editor-ground-200", "measures-200", "review-200")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp())
    db = work / "lika.db"
    subprocess.run([sys.executable, "-m", "desktop_app", "demo", "--db", str(db)],
                   cwd=ROOT, check=True, capture_output=True)  # fmt: skip
    screen = work / "screen.json"
    screen.write_text(json.dumps({
        "synchronousWindowSystemEvents": False, "windowFrameMargins": False,
        "screens": [{"name": "shots", "x": 0, "y": 0, "width": 1280, "height": 800,
                     "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}],
    }))  # fmt: skip
    env = {**os.environ, "QT_SCALE_FACTOR": "2",
           "QT_QPA_PLATFORM": f"offscreen:configfile={screen}"}  # fmt: skip
    args.out.mkdir(parents=True, exist_ok=True)
    for language in ("sv", "nb"):
        shots = work / language
        shots.mkdir()
        result = subprocess.run(
            [sys.executable, "-m", "tests.ui.scaling_probe", str(db), language, str(shots)],
            cwd=ROOT, env=env, capture_output=True, text=True, check=True,
        )  # fmt: skip
        problems = json.loads(result.stdout)
        if problems:
            raise SystemExit(f"{language}: does not fit:\n" + "\n".join(problems))
        for shot in SHOTS:
            target = args.out / f"i15-{shot}-{language}.png"
            shutil.copy(shots / f"{shot}-{language}.png", target)
            print(f"wrote {target}")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
