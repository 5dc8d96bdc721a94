"""Every window and page fits the screen it opens on, from 1280×720 at 100 % to
1280×800 at 200 % text: nothing larger than the screen, no page that scrolls
sideways, no two widgets on top of each other.

Qt's scale factor is fixed per process, so each case runs ``scaling_probe`` in a child
process with ``QT_SCALE_FACTOR`` set and the offscreen platform given a screen of the
size wanted (its ``configfile`` option).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_probe(db: Path, tmp: Path, language: str, scale: int, width: int, height: int,
              shots: Path | None = None) -> list[str]:  # fmt: skip
    screen = tmp / f"screen-{width}x{height}.json"
    probe_screen = {"name": "probe", "x": 0, "y": 0, "width": width, "height": height,
                    "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    config = {"synchronousWindowSystemEvents": False, "windowFrameMargins": False}
    screen.write_text(json.dumps({**config, "screens": [probe_screen]}))
    env = {
        **os.environ,
        "QT_SCALE_FACTOR": str(scale),
        "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
    }
    args = [sys.executable, "-m", "tests.ui.scaling_probe", str(db), language]
    if shots is not None:
        args.append(str(shots))
    result = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("scaling") / "lika.db"
    subprocess.run(
        [sys.executable, "-m", "desktop_app", "demo", "--db", str(db)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return db


@pytest.mark.parametrize(
    ("language", "scale", "width", "height"),
    [("sv", 2, 1280, 800), ("nb", 2, 1280, 800), ("en", 1, 1280, 720)],
)
def test_every_window_fits(demo_db, tmp_path, language, scale, width, height) -> None:
    assert run_probe(demo_db, tmp_path, language, scale, width, height) == []
