"""How light the command line is, as whole processes (not a test: it prints figures).

Each Lika command runs in a fresh process next to the smallest program that does the
same work, alternately, and the medians are compared (issue 18's targets):

- ``lika --version`` and ``lika --help``: ≤ 2× ``python -c 'import sqlite3'``;
- ``lika list``: ≤ 3× a plain ``sqlite3`` script printing the same rows;
- ``lika export-pdf``: ≤ 2× a bare reportlab script laying out the same text (the text
  Lika's PDF holds, from ``pdftotext``) with the same fonts embedded: DejaVu Sans for the
  body and DejaVu Sans Bold (Lika's PDF draws its headings with it, so it must embed
  both), and no font left unembedded (reportlab's initial Helvetica is not embedded,
  which PDF/A forbids; Lika sets DejaVu Sans as the initial font). Until 7 December 2026
  the script embedded the regular face only and referred to Helvetica.

Each process runs with its bytecode cached, as an installed Lika has it (pip compiles on
install, the bundle holds ``.pyc``): ``PYTHONDONTWRITEBYTECODE`` is dropped for the runs,
so the warm-up writes the cache. With it set and no cache, every ``lika`` run compiled
Lika's modules again (a few hundred ms) while reportlab's came compiled.

Besides the wall-clock medians, the CPU time (user + system) of each process is compared:
on a machine others share, it moves less than the wall clock.

Run: ``.venv/bin/python benchmarks/cli.py [--runs 15] [--json] [--only export-pdf]
[--before DIR]``; with ``--before``, a source tree of the code before a change (for
example ``git archive main | tar -x -C DIR``, with its trust record built) runs its
``lika`` in the same alternation, so before and after are compared within one run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
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
pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", sys.argv[3]))
body = ParagraphStyle("body", fontName="DejaVuSans", fontSize=10, leading=13)
bold = ParagraphStyle("bold", parent=body, fontName="DejaVuSans-Bold")
text = open(sys.argv[1], encoding="utf-8").read()
lines = [p for p in text.split("\\n") if p.strip()]
# The first line (the document's kind, a heading in Lika's PDF) in bold: both faces drawn.
story = [Paragraph(escape(p), bold if i == 0 else body) for i, p in enumerate(lines)]
SimpleDocTemplate(sys.argv[4], pagesize=A4, initialFontName="DejaVuSans").build(story)
"""


TARGETS = {"--version": 2, "--help": 2, "list": 3, "export-pdf": 2}


def timed(args: list[str], env: dict[str, str], cwd: Path = ROOT) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, env=env, cwd=cwd, stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


Run = tuple[list[str], dict[str, str], Path]  # a command, its environment, its folder


def compare(runs: int, lika: Run, plain: Run, before: Run | None = None) -> dict[str, float]:
    """Median seconds of each, run alternately after one warm-up each; ``before`` is
    the same Lika command on the code before a change (``--before``)."""
    commands = [lika, plain] + ([before] if before else [])
    for command in commands:
        timed(*command)
    times: list[list[tuple[float, float]]] = [[] for _ in commands]
    for _ in range(runs):
        for command, seen in zip(commands, times, strict=True):
            seen.append(timed(*command))
    ms = [[statistics.median(x[i] for x in seen) * 1000 for i in (0, 1)] for seen in times]
    figures = {
        "lika_ms": round(ms[0][0], 1),
        "plain_ms": round(ms[1][0], 1),
        "ratio": round(ms[0][0] / ms[1][0], 2),
        "lika_cpu_ms": round(ms[0][1], 1),
        "plain_cpu_ms": round(ms[1][1], 1),
        "cpu_ratio": round(ms[0][1] / ms[1][1], 2),
    }
    if before:
        figures |= {
            "before_ms": round(ms[2][0], 1),
            "before_ratio": round(ms[2][0] / ms[1][0], 2),
            "before_cpu_ms": round(ms[2][1], 1),
            "before_cpu_ratio": round(ms[2][1] / ms[1][1], 2),
        }
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--only", choices=TARGETS, help="time this command only")
    parser.add_argument(
        "--before",
        type=lambda folder: Path(folder).resolve(),
        help="a source tree of the code before a change (e.g. `git archive main`): its "
        "lika runs too, in the same alternation, on the same register and files",
    )
    args = parser.parse_args(argv)
    env = dict(os.environ, PYTHONPATH=str(ROOT), LIKA_DEFAULTS="")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
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
        fonts = ROOT / "resources" / "fonts"
        faces = [str(fonts / "DejaVuSans.ttf"), str(fonts / "DejaVuSans-Bold.ttf")]
        (work / "plain_list.py").write_text(PLAIN_LIST, encoding="utf-8")
        (work / "plain_pdf.py").write_text(PLAIN_PDF, encoding="utf-8")
        runs = {
            "--version": ([*lika, "--version"], [PYTHON, "-c", "import sqlite3"]),
            "--help": ([*lika, "--help"], [PYTHON, "-c", "import sqlite3"]),
            "list": ([*lika, "list", "--db", str(db)],
                     [PYTHON, str(work / "plain_list.py"), str(db)]),
            "export-pdf": (
                [*lika, "export-pdf", str(first), "--db", str(db), "--out", str(work / "a.pdf")],
                [PYTHON, str(work / "plain_pdf.py"), str(text), *faces, str(work / "b.pdf")],
            ),
        }  # fmt: skip
        before_env = dict(env, PYTHONPATH=str(args.before)) if args.before else env
        figures = {
            name: compare(
                args.runs,
                (lika_args, env, ROOT),
                (plain_args, env, ROOT),
                (lika_args, before_env, args.before) if args.before else None,
            )
            for name, (lika_args, plain_args) in runs.items()
            if args.only in (None, name)
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)
    machine = f"{os.uname().machine}, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, "
    machine += f"load average {os.getloadavg()[0]:.1f}"
    if args.json:
        print(json.dumps({"machine": machine, "runs": args.runs, **figures}, indent=2))
        return 0
    print(f"Machine: {machine}; median of {args.runs} runs, alternating")
    print(f"{'command':<12} {'lika ms':>9} {'plain ms':>9} {'ratio':>6} {'target':>7} "
          f"{'lika cpu':>9} {'plain cpu':>9} {'ratio':>6}")  # fmt: skip
    for name, f in figures.items():
        print(f"{name:<12} {f['lika_ms']:>9} {f['plain_ms']:>9} {f['ratio']:>6} "
              f"{'≤ ' + str(TARGETS[name]):>7} {f['lika_cpu_ms']:>9} {f['plain_cpu_ms']:>9} "
              f"{f['cpu_ratio']:>6}")  # fmt: skip
        if "before_ms" in f:
            print(f"{'  before':<12} {f['before_ms']:>9} {f['plain_ms']:>9} "
                  f"{f['before_ratio']:>6} {'':>7} {f['before_cpu_ms']:>9} "
                  f"{f['plain_cpu_ms']:>9} {f['before_cpu_ratio']:>6}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
