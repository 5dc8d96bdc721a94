"""What data safety costs: an autosave, and a full export and import of an assessment.

.venv/bin/python benchmarks/data_safety.py [--repeat N]

Each figure is the median of N runs on a register filled with the demo data, next to
a plain ``sqlite3`` transaction that makes the same writes on the same kind of
connection (WAL, same synchronous setting), and the ratio of the two. Ratios within
one run are what to compare across machines; the absolute times depend on the disk.

- autosave: the editor's ``save_now`` after a typical edit (one more sentence in a
  ground's justification), i.e. the version check, the changed rows, the commit and
  the snapshot kept for conflict handling. Plain: the same two UPDATEs.
- export: read the assessment and its history, build and check the document against
  the schema, write the file. Plain: read the same rows and write them as JSON.
- import: read the file, run every check (size, nesting, schema, dates, checklists),
  store it with its history. Plain: the same INSERTs in one transaction.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication

from desktop_app.app import transfer
from desktop_app.app.demo import load_demo
from desktop_app.app.service import AssessmentService, Identity
from desktop_app.checklists.guide import load_content
from desktop_app.storage import backup, checks, rows
from desktop_app.storage.repository import AssessmentRepository
from desktop_app.ui.editor.document import AssessmentDocument

SENTENCE = " Kvällsöppet är viktigt för äldre som arbetar dagtid."


def median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def paired_ms(
    ours: Callable[[], object], plain: Callable[[], object], repeat: int
) -> tuple[float, float]:
    """Medians of both, run alternately, so both meet the same disk and machine load
    (the time an fsync takes on a shared machine varies tenfold from minute to minute)."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for action, found in ((ours, times[0]), (plain, times[1])):
            start = time.perf_counter()
            action()
            found.append(time.perf_counter() - start)
    return statistics.median(times[0]) * 1000, statistics.median(times[1]) * 1000


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def plain_connection(path: Path) -> sqlite3.Connection:
    """The same file opened the plain way, with the settings Lika uses."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=300)
    parser.add_argument(
        "--large",
        type=int,
        default=0,
        metavar="N",
        help="also time the start-up check and a checked backup of a register of N "
        "assessments (generated once into /tmp with 'lika demo --count')",
    )
    args = parser.parse_args()
    app = QCoreApplication([])
    work = Path(tempfile.mkdtemp(prefix="lika-bench-"))
    content = load_content()
    repository = AssessmentRepository.open(work / "lika.db")
    load_demo(repository, content)
    service = AssessmentService(repository, content, Identity("Bench", "bench"))
    # The richest draft: most grounds, answers and measures to compare and write.
    target = max(
        (repository.get(s.id) for s in repository.list_summaries()),
        key=lambda a: (a.status.value in ("draft", "returned"), len(a.grounds) + len(a.answers)),
    )
    assert target.id is not None
    ground = next(iter(target.grounds))
    document = AssessmentDocument(service, target)
    path = ("ground", ground, "justification")

    original = document.value(path)
    # A typical edit: a sentence added, then taken away again, so the text keeps its size.
    variants = [original + SENTENCE]

    def edit_only() -> None:
        document.set_value(path, variants[0] if document.value(path) == original else original)

    def autosave() -> None:
        edit_only()
        document.save_now()

    plain = plain_connection(work / "lika.db")

    def plain_save() -> None:
        conn = plain
        conn.execute("BEGIN IMMEDIATE")
        current = conn.execute(
            "SELECT justification FROM ground_assessments WHERE assessment_id = ? "
            "AND ground_key = ?",
            [target.id, ground],
        ).fetchone()[0]
        conn.execute(
            "UPDATE ground_assessments SET justification = ? "
            "WHERE assessment_id = ? AND ground_key = ?",
            [variants[0] if current == original else original, target.id, ground],
        )
        conn.execute(
            "UPDATE assessments SET updated = ?, version = version + 1 WHERE id = ?",
            [datetime.now(UTC).isoformat(), target.id],
        )
        conn.execute("COMMIT")

    edit_ms = median_ms(edit_only, args.repeat)
    document.save_now()

    def plain_save_elsewhere() -> None:
        plain_save()
        # The plain writes moved the version on; let the document follow, outside the clock.
        document.assessment.version += 1

    autosave_ms, plain_save_ms = paired_ms(autosave, plain_save_elsewhere, args.repeat)
    autosave_ms -= edit_ms

    # Export and import of the whole assessment.
    out = work / "one.json"
    fresh = repository.get(target.id)
    history = repository.status_history(target.id)

    def export() -> None:
        transfer.export_file(repository, target.id, out)

    def plain_export() -> None:
        found = {
            table: plain.execute(f"SELECT * FROM {table} WHERE {key} = ?", [target.id]).fetchall()
            for table, key in (
                ("assessments", "id"),
                ("ground_assessments", "assessment_id"),
                ("answers", "assessment_id"),
                ("measures", "assessment_id"),
                ("status_changes", "assessment_id"),
            )
        }
        with out.with_suffix(".plain").open("w", encoding="utf-8") as file:
            file.write(json.dumps(found, ensure_ascii=False, indent=2))
            file.flush()
            os.fsync(file.fileno())  # as Lika does, so a moved file is whole

    export_ms, plain_export_ms = paired_ms(export, plain_export, args.repeat)
    size = out.stat().st_size

    def import_copy() -> None:
        document = transfer.read_file(content, out)
        transfer.import_document(repository, document, transfer.ImportMode.AS_NEW)

    assessment_row = {
        **rows.assessment_row(fresh),
        "created": fresh.created.isoformat() if fresh.created else "",
        "updated": fresh.updated.isoformat() if fresh.updated else "",
        "version": 1,
    }
    child_rows = {
        "ground_assessments": [rows.ground_row(g) for g in fresh.grounds.values()],
        "answers": [rows.answer_row(a) for a in fresh.answers.values()],
        "measures": [rows.measure_row(m, i) for i, m in enumerate(fresh.measures)],
    }

    def plain_import() -> None:
        conn = plain
        conn.execute("BEGIN IMMEDIATE")
        row = {**assessment_row, "uid": str(uuid.uuid4())}
        row["series_uid"] = row["uid"]
        names = ", ".join(row)
        marks = ", ".join(f":{n}" for n in row)
        new_id = conn.execute(f"INSERT INTO assessments ({names}) VALUES ({marks})", row).lastrowid
        for table, children in child_rows.items():
            for child in children:
                child = {**child, "assessment_id": new_id}
                names = ", ".join(child)
                marks = ", ".join(f":{n}" for n in child)
                conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", child)
        for change in history:
            child = rows.status_change_row(new_id, change)
            names = ", ".join(child)
            marks = ", ".join(f":{n}" for n in child)
            conn.execute(f"INSERT INTO status_changes ({names}) VALUES ({marks})", child)
        conn.execute("COMMIT")

    import_ms, plain_import_ms = paired_ms(import_copy, plain_import, args.repeat)
    plain.close()
    document.deleteLater()
    repository.close()

    print(
        f"Assessment: {len(fresh.grounds)} grounds, {len(fresh.answers)} answers, "
        f"{len(fresh.measures)} measures, {len(history)} status changes; "
        f"exchange file {size / 1024:.1f} KiB; median of {args.repeat} runs"
    )
    print(f"{'':28}{'Lika':>10}{'plain sqlite3':>16}{'ratio':>8}")
    for name, ours, base in (
        ("autosave (typical edit)", autosave_ms, plain_save_ms),
        ("export (file written)", export_ms, plain_export_ms),
        ("import (file checked, stored)", import_ms, plain_import_ms),
    ):
        print(f"{name:28}{ours:>8.2f}ms{base:>14.2f}ms{ours / base:>7.1f}x")
    print(f"{'one edit, before the save':28}{edit_ms:>8.2f}ms  (set_value: gaps recomputed)")
    print(
        f"Machine: {cpu_name()}, {os.cpu_count()} CPUs; "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )
    if args.large:
        large_register(args.large)
    app.processEvents()


def large_register(count: int) -> None:
    """The start-up check (``PRAGMA quick_check``, before anything is written) and the
    start-up backup (backup API and ``PRAGMA integrity_check``, in the background)."""
    path = Path(tempfile.gettempdir()) / f"lika-bench-{count}.db"
    if not path.exists():
        print(f"Generating {count} assessments into {path} ...", flush=True)
        subprocess.run(
            [sys.executable, "-m", "desktop_app", "demo", "--count", str(count), "--db", str(path)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    size = path.stat().st_size / (1024 * 1024)
    check_ms = median_ms(lambda: checks.diagnose(path), 3)
    out = Path(tempfile.mkdtemp(prefix="lika-bench-backup-")) / "copy.db"
    backup_ms = median_ms(lambda: backup.write_backup(path, out, db_path=path), 3)
    print(f"Register of {count} assessments ({size:.0f} MB):")
    print(f"  start-up check (quick_check)          {check_ms / 1000:6.2f} s")
    print(f"  backup with integrity check           {backup_ms / 1000:6.2f} s  (background)")


if __name__ == "__main__":
    main()
