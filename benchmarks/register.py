"""How fast the register is at the scale of a large municipality, in one run.

    .venv/bin/python benchmarks/register.py [--db PATH] [--count 100000] [--runs 7]

Without ``--db`` (or when the file does not exist) a register of ``--count`` generated
assessments is made first, in a separate process so that its memory does not count.
Each figure is the median of ``--runs`` runs after one warm-up, beside the same SQL
run through plain ``sqlite3`` (cursor, fetchall) and the ratio of the two: the ratio
is the cost of Lika's layers (query object, row objects, Qt model) over the database
work itself. Targets on a 2-core machine: first paint < 150 ms, search < 50 ms, peak
memory < 300 MB, every ratio < 3.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEventLoop, QSettings, QTimer

from desktop_app.app.ports import RegisterReader
from desktop_app.app.register_export import export_csv_file
from desktop_app.app.registers import open_reader
from desktop_app.app.service import AssessmentService, Identity
from desktop_app.checklists.guide import load_content
from desktop_app.domain.model import Direction, Language, Status
from desktop_app.domain.portfolio import Period
from desktop_app.domain.register import RegisterQuery, SortKey
from desktop_app.storage.register import Register
from desktop_app.storage.repository import AssessmentRepository
from desktop_app.ui.app import create_application
from desktop_app.ui.context import UiContext
from desktop_app.ui.register.overview_view import compute_figures
from desktop_app.ui.register.register_view import register_table
from desktop_app.ui.register.table_model import RegisterTableModel
from desktop_app.ui.settings import Settings
from desktop_app.ui.tasks import ImmediateRunner, TaskRunner

RARE_WORD = "snöskoterleden"  # in about one assessment in 500 (generator.RARE_TOPICS)
COMMON_WORD = "kommunen"  # in about half of them

Timing = Callable[[], object]


def median_ms(work: Timing, runs: int) -> float:
    work()  # warm-up: caches, statement parsing
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def plain(path: Path, statements: list[tuple[str, list[object]]]) -> Timing:
    """The same SQL through a bare sqlite3 connection."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)

    def run() -> object:
        return [conn.execute(sql, params).fetchall() for sql, params in statements]

    return run


def statements_of(
    register: Register, query: RegisterQuery, call: str = "page"
) -> list[tuple[str, list[object]]]:
    """The SQL that ``Register.page`` (or ``.count``) sends to SQLite for ``query``."""
    sent: list[tuple[str, list[object]]] = []
    original = register.execute

    def recording(sql: str, params: list[object]) -> sqlite3.Cursor:
        sent.append((sql, list(params)))
        return original(sql, params)

    register.execute = recording  # type: ignore[method-assign]
    getattr(register, call)(query)
    register.execute = original  # type: ignore[method-assign]
    return sent


def ensure_register(path: Path, count: int) -> None:
    if path.exists():
        return
    print(f"Generating {count} assessments into {path} ...", flush=True)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "desktop_app", "demo", "--count", str(count), "--db", str(path)],
        check=True,
    )
    print(f"  done in {time.perf_counter() - started:.1f} s (whole process)\n", flush=True)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory = next(
            int(line.split()[1]) // 1024
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
    except (OSError, StopIteration):
        memory = 0
    return (
        f"{cpu}, {os.cpu_count()} CPUs, {memory} MB RAM; Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}, {platform.system()} {platform.release()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    path = args.db or Path(tempfile.gettempdir()) / f"lika-bench-{args.count}.db"
    ensure_register(path, args.count)
    runs = args.runs

    app = create_application()
    baseline_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    content = load_content()
    repository = AssessmentRepository.open(path)
    settings = Settings(
        QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    )
    service = AssessmentService(repository, content, Identity("Benchmark", "bench"))
    context = UiContext(service=service, settings=settings, language=Language.SV)
    today = date.today()

    def readers() -> RegisterReader:
        """What the window's list and overview read through (``app.registers``)."""
        return open_reader(path)

    reader = Register.open_reader(path)  # the storage's reader: its SQL is captured below
    total = reader.count(RegisterQuery(today=today))
    print(f"Register: {path} ({path.stat().st_size / 1e6:.0f} MB), {total} assessments listed")
    print(f"Machine: {machine()}")
    print(f"Median of {runs} runs after a warm-up.\n")
    rows: list[tuple[str, float, float | None, str]] = []

    # 1. First paint: model, first page (worker thread), table painted offscreen.
    runner = TaskRunner()

    def first_paint() -> object:
        model = RegisterTableModel(context, readers, runner, RegisterQuery(today=today))
        loop = QEventLoop()
        model.modelReset.connect(loop.quit)
        QTimer.singleShot(10_000, loop.quit)
        model.refresh()
        loop.exec()
        table = register_table(None, model, "Assessments")  # type: ignore[arg-type]
        table.resize(1400, 700)
        image = table.grab()
        runner.wait()
        return image

    default = RegisterQuery(today=today)
    data_only = RegisterTableModel(context, readers, ImmediateRunner(), default)
    paint_ms = median_ms(first_paint, runs)
    model_ms = median_ms(lambda: data_only.read_page(reader, default, None), runs)
    plain_first = median_ms(plain(path, statements_of(reader, default)), runs)
    rows.append(("first paint (model + first page + table painted)", paint_ms, None, "< 150 ms"))
    rows.append(("  of which the first page (rows for the model)", model_ms, plain_first, ""))

    # 2. Sorting by a column: the model's new first page, read in SQL order.
    model = RegisterTableModel(context, readers, ImmediateRunner(), default)
    for label, key, descending in (
        ("sort by title (first page)", SortKey.TITLE, False),
        ("sort by open measures (first page)", SortKey.OPEN_MEASURES, True),
    ):
        query = default.sorted_by(key, descending)
        rows.append((
            label,
            median_ms(lambda q=query: model.read_page(reader, q, None), runs),
            median_ms(plain(path, statements_of(reader, query)), runs),
            "",
        ))  # fmt: skip

    # 3. Full-text search, a rare and a common word (first page of rows).
    for label, word in (("rare", RARE_WORD), ("common", COMMON_WORD)):
        query = RegisterQuery(search=word, today=today)
        hits = reader.count(query)
        rows.append((
            f"search, {label} word '{word}' ({hits} hits)",
            median_ms(lambda q=query: reader.page(q), runs),
            median_ms(plain(path, statements_of(reader, query)), runs),
            "< 50 ms",
        ))  # fmt: skip
    prefix = RegisterQuery(search="hemtj", today=today)
    rows.append((
        f"search, unfinished word 'hemtj' ({reader.count(prefix)} hits)",
        median_ms(lambda: reader.page(prefix), runs),
        median_ms(plain(path, statements_of(reader, prefix)), runs),
        "< 50 ms",
    ))  # fmt: skip

    # 4. A filtered query (several filters at once).
    filtered = RegisterQuery(
        status=Status.APPROVED,
        ground="disability",
        impact=Direction.NEGATIVE,
        date_from=date(today.year - 1, 1, 1),
        date_to=date(today.year - 1, 12, 31),
        today=today,
    )
    rows.append((
        f"filtered: approved, disability negative, last year ({reader.count(filtered)} rows)",
        median_ms(lambda: reader.page(filtered), runs),
        median_ms(plain(path, statements_of(reader, filtered)), runs),
        "",
    ))  # fmt: skip
    overdue = RegisterQuery(overdue=True, unit="Socialförvaltningen", today=today)
    rows.append((
        f"filtered: overdue measures in one unit ({reader.count(overdue)} rows)",
        median_ms(lambda: reader.page(overdue), runs),
        median_ms(plain(path, statements_of(reader, overdue)), runs),
        "",
    ))  # fmt: skip

    # 5. Counts for the label (computed after the rows are shown, off the GUI thread).
    for label, query in (
        ("count, whole register", default),
        ("count, common word", RegisterQuery(search=COMMON_WORD, today=today)),
    ):
        rows.append((
            label,
            median_ms(lambda q=query: reader.count(q), runs),
            median_ms(plain(path, statements_of(reader, query, "count")), runs),
            "",
        ))  # fmt: skip

    # 6. Background work the window hands to the worker thread (no plain counterpart).
    year = Period(date(today.year, 1, 1), date(today.year, 12, 31))
    rows.append((
        "overview, this year (portfolio figures, worker thread)",
        median_ms(lambda: compute_figures(readers, year, None, today), max(runs // 3, 1)),
        None,
        "",
    ))  # fmt: skip
    out = Path(tempfile.mkdtemp()) / "register.csv"
    rows.append((
        f"CSV export of the whole register ({total} rows, worker thread)",
        median_ms(lambda: export_csv_file(reader.rows(default), out, today), 1),
        None,
        "",
    ))  # fmt: skip

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    width = max(len(r[0]) for r in rows) + 2
    print(f"{'operation':<{width}}{'Lika ms':>9}{'sqlite3 ms':>12}{'ratio':>8}  target")
    for name, ours, base, target in rows:
        ratio = f"{ours / base:.2f}" if base else "–"
        base_text = f"{base:.1f}" if base else "–"
        print(f"{name:<{width}}{ours:>9.1f}{base_text:>12}{ratio:>8}  {target}")
    print(
        f"\npeak memory (max RSS of this process): {peak_mb:.0f} MB (target < 300 MB); "
        f"Python, Qt and content before the register: {baseline_kb / 1024:.0f} MB"
    )
    reader.close()
    repository.close()
    app.quit()


if __name__ == "__main__":
    main()
