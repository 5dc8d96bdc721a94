"""How light the command line is, as whole processes (not a test: it prints figures).

Each Lika command runs in a fresh process next to the smallest program that does the
same work, alternately, and the medians are compared (issue 18's targets):

- ``lika --version`` and ``lika --help``: ≤ 2× ``python -c 'import sqlite3'``;
- ``lika list``: ≤ 3× a plain ``sqlite3`` script printing the same rows;
- ``lika export-pdf``: ≤ 2× a bare reportlab script laying out the same text (the text
  Lika's PDF holds, from ``pdftotext``) in the same font.

Run: ``.venv/bin/python benchmarks/cli.py [--runs 15] [--json]``
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable

PLAIN_LIST = """
import sqlite3, sys
conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
for row in conn.execute(
    "SELECT assessment_id, status, title, case_number, unit, updated FROM register_rows "
    "WHERE is_head ORDER BY updated DESC"
):
    print("  ".join(str(v) for v in row))
"""

PLAIN_PDF = """
import sys
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate
from xml.sax.saxutils import escape
pdfmetrics.registerFont(TTFont("DejaVuSans", sys.argv[2]))
style = ParagraphStyle("body", fontName="DejaVuSans", fontSize=10, leading=13)
text = open(sys.argv[1], encoding="utf-8").read()
story = [Paragraph(escape(p), style) for p in text.split("\\n") if p.strip()]
SimpleDocTemplate(sys.argv[3], pagesize=A4).build(story)
"""


def timed(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def compare(runs: int, env: dict[str, str], lika: list[str], plain: list[str]) -> dict[str, float]:
    """Median seconds of both, run alternately after one warm-up each."""
    timed(lika, env), timed(plain, env)
    a: list[float] = []
    b: list[float] = []
    for _ in range(runs):
        a.append(timed(lika, env))
        b.append(timed(plain, env))
    ms = statistics.median(a) * 1000, statistics.median(b) * 1000
    return {
        "lika_ms": round(ms[0], 1),
        "plain_ms": round(ms[1], 1),
        "ratio": round(ms[0] / ms[1], 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    env = dict(os.environ, PYTHONPATH=str(ROOT), LIKA_DEFAULTS="")
    lika = [PYTHON, "-m", "desktop_app"]
    work = Path(tempfile.mkdtemp(prefix="lika-cli-bench-"))
    try:
        db = work / "demo.db"
        subprocess.run([*lika, "demo", "--db", str(db)], env=env, check=True, capture_output=True)
        first = json.loads(
            subprocess.run(
                [*lika, "list", "--db", str(db), "--format", "json"],
                env=env, check=True, capture_output=True, text=True,
            ).stdout
        )[0]["id"]  # fmt: skip
        pdf = work / "lika.pdf"
        subprocess.run([*lika, "export-pdf", str(first), "--db", str(db), "--out", str(pdf)],
                       env=env, check=True, capture_output=True)  # fmt: skip
        text = work / "text.txt"
        subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), str(text)], check=True)
        font = ROOT / "resources" / "fonts" / "DejaVuSans.ttf"
        (work / "plain_list.py").write_text(PLAIN_LIST, encoding="utf-8")
        (work / "plain_pdf.py").write_text(PLAIN_PDF, encoding="utf-8")
        figures = {
            "--version": compare(args.runs, env, [*lika, "--version"],
                                 [PYTHON, "-c", "import sqlite3"]),
            "--help": compare(args.runs, env, [*lika, "--help"], [PYTHON, "-c", "import sqlite3"]),
            "list": compare(args.runs, env, [*lika, "list", "--db", str(db)],
                            [PYTHON, str(work / "plain_list.py"), str(db)]),
            "export-pdf": compare(
                args.runs, env,
                [*lika, "export-pdf", str(first), "--db", str(db), "--out", str(work / "a.pdf")],
                [PYTHON, str(work / "plain_pdf.py"), str(text), str(font), str(work / "b.pdf")],
            ),
        }  # fmt: skip
    finally:
        shutil.rmtree(work, ignore_errors=True)
    machine = f"{os.uname().machine}, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, "
    machine += f"load average {os.getloadavg()[0]:.1f}"
    targets = {"--version": 2, "--help": 2, "list": 3, "export-pdf": 2}
    if args.json:
        print(json.dumps({"machine": machine, "runs": args.runs, **figures}, indent=2))
        return 0
    print(f"Machine: {machine}; median of {args.runs} runs, alternating")
    print(f"{'command':<12} {'lika ms':>9} {'plain ms':>9} {'ratio':>6} {'target':>7}")
    for name, f in figures.items():
        print(f"{name:<12} {f['lika_ms']:>9} {f['plain_ms']:>9} {f['ratio']:>6} "
              f"{'≤ ' + str(targets[name]):>7}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
