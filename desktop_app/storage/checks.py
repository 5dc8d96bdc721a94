"""Health checks of a register file, for ``lika check`` and the window's start-up.

Every check only reads. Checks run in order; the first three are gates (a file that
is not a Lika register cannot have its integrity checked), the rest report on their
own. A later feature adds a check by appending to ``CHECKS`` (as the audit log's
hash chain is), and ``lika check`` picks it up.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from desktop_app.domain.errors import InputError, LikaError
from desktop_app.storage import backup, evidence_checks
from desktop_app.storage.database import (
    DamagedDatabaseError,
    ForeignDatabaseError,
    NewerDatabaseError,
    NotADatabaseError,
    check_understood,
    connect_readonly,
)
from desktop_app.storage.migrations import migrations

# Below this much free space the window warns before opening (autosave needs room).
LOW_SPACE_BYTES = 50 * 1024 * 1024


class Outcome(StrEnum):
    OK = "ok"
    WARNING = "warning"
    PROBLEM = "problem"


@dataclass(frozen=True)
class CheckResult:
    name: str
    outcome: Outcome
    message: str


@dataclass
class CheckContext:
    """What the checks share: the file, and a read-only connection once it is known good."""

    path: Path
    conn: sqlite3.Connection | None = None


CheckFunction = Callable[[CheckContext], CheckResult]


@dataclass(frozen=True)
class Check:
    name: str
    run: CheckFunction
    gate: bool = False  # a problem here stops the checks after it


def _ok(name: str, message: str) -> CheckResult:
    return CheckResult(name, Outcome.OK, message)


def _warning(name: str, message: str) -> CheckResult:
    return CheckResult(name, Outcome.WARNING, message)


def _problem(name: str, message: str) -> CheckResult:
    return CheckResult(name, Outcome.PROBLEM, message)


def check_file(ctx: CheckContext) -> CheckResult:
    path = ctx.path
    if not path.exists():
        return _problem("file", f"{path} does not exist")
    if not path.is_file():
        return _problem("file", f"{path} is not a file")
    mode = stat.S_IMODE(path.stat().st_mode)
    size = f"{path.stat().st_size / (1024 * 1024):.1f} MB"
    if os.name == "posix" and mode & 0o077:
        return _warning(
            "file", f"{size}, but readable by other users (mode {mode:o}; run chmod 600)"
        )
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        return _warning("file", f"{size}, read-only: Lika cannot save changes to it")
    return _ok("file", f"{size}, readable by its owner only")


def check_format(ctx: CheckContext) -> CheckResult:
    try:
        check_understood(ctx.path)
        ctx.conn = connect_readonly(ctx.path)
    except LikaError as error:  # not SQLite, not Lika's, newer, damaged, unreadable
        return _problem("format", str(error))
    return _ok("format", "a Lika register")


def check_schema(ctx: CheckContext) -> CheckResult:
    from sqlite_utils import Database

    assert ctx.conn is not None
    pending = migrations.pending(Database(ctx.conn, execute_plugins=False))
    if pending:
        return _ok(
            "schema", f"from an older Lika; {len(pending)} upgrade(s) will run when it is opened"
        )
    return _ok("schema", "up to date")


def check_integrity(ctx: CheckContext) -> CheckResult:
    assert ctx.conn is not None
    problems = backup.integrity_problems(ctx.conn)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        return _problem("integrity", f"damaged: {problems[0]}{more}")
    return _ok("integrity", "PRAGMA integrity_check found no damage")


def check_foreign_keys(ctx: CheckContext) -> CheckResult:
    assert ctx.conn is not None
    try:
        dangling = ctx.conn.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as error:
        return _problem("references", str(error))
    if dangling:
        table, rowid = dangling[0][0], dangling[0][1]
        return _problem(
            "references", f"{len(dangling)} rows point at missing rows (first: {table} {rowid})"
        )
    return _ok("references", "every reference points at an existing row")


def check_values(ctx: CheckContext) -> CheckResult:
    """Every status, language, outcome and other choice is one Lika knows: a row that a
    script changed to something else cannot be read (``rows.KNOWN_VALUES``)."""
    from desktop_app.storage.rows import KNOWN_VALUES

    assert ctx.conn is not None
    found: list[str] = []
    try:
        for table, (key, columns) in KNOWN_VALUES.items():
            present = {r[1] for r in ctx.conn.execute(f"PRAGMA table_info({table})")}
            for column, what, values in columns:
                if column not in present:
                    continue  # an older register, upgraded when it is opened
                known = [v for v in values if v is not None]
                sql = (
                    f"SELECT {key}, {column} FROM {table} WHERE {column} IS NOT NULL AND "
                    f"{column} NOT IN ({', '.join('?' * len(known))}) ORDER BY {key}"
                )
                for ident, value in ctx.conn.execute(sql, known):
                    found.append(f"assessment {ident} has an unknown {what} {value!r}")
    except sqlite3.DatabaseError as error:
        return _problem("values", f"the values cannot be read: {error}")
    if found:
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        count = "1 value" if len(found) == 1 else f"{len(found)} values"
        return _problem("values", f"{count} Lika does not know: {found[0]}{more}")
    return _ok("values", "every status, language, outcome and other choice is one Lika knows")


def check_backups(ctx: CheckContext) -> CheckResult:
    found = [b for b in backup.list_backups(ctx.path) if b.reason is not backup.Reason.REPLACED]
    if not found:
        return _warning("backups", f"no backups yet in {backup.backup_dir(ctx.path)}")
    newest = found[0]
    try:
        backup.check_backup(newest.path)
    except LikaError as error:
        return _problem("backups", f"the newest backup is not usable: {error}")
    when = newest.taken.strftime("%Y-%m-%d %H:%M")
    return _ok("backups", f"{len(found)} backup(s); the newest ({when}) is good")


def check_audit_log(ctx: CheckContext) -> CheckResult:
    """The audit log's hash chain is whole, and its append-only triggers are in place."""
    from desktop_app.storage import audit, review_schema

    assert ctx.conn is not None
    names = {r[0] for r in ctx.conn.execute("SELECT name FROM sqlite_master").fetchall()}
    if "audit_log" not in names:
        if "review_comments" in names:  # created with it (0003): it was removed
            return _problem("audit", "the audit log is missing: it was removed outside Lika")
        return _ok("audit", "no audit log yet (it is created when Lika opens the register)")
    try:
        report = audit.verify(ctx.conn)
    except sqlite3.DatabaseError as error:
        return _problem("audit", f"the audit log cannot be read: {error}")
    if not report.ok:
        return _problem("audit", f"the audit log has been tampered with: {report.problem}")
    missing = review_schema.missing_audit_triggers(names)
    if missing:  # the guards check names it as a problem
        return _warning(
            "audit",
            f"{report.checked} entries, chain intact, but its protection against changes is "
            f"missing ({', '.join(missing)})",
        )
    return _ok("audit", f"{report.checked} entries, hash chain intact")


def check_revisions(ctx: CheckContext) -> CheckResult:
    """Each revision number of a decision belongs to one assessment (an older Lika could
    import a second one); the UNIQUE index guarding that is in place."""
    from desktop_app.storage import revision_index

    assert ctx.conn is not None
    found = revision_index.duplicates(ctx.conn)
    if found:
        first = found[0]
        ids = " and ".join(str(i) for i in first.ids)
        more = f" ({len(found) - 1} more like it)" if len(found) > 1 else ""
        return _problem(
            "revisions",
            f"assessments {ids} share revision {first.revision} of one decision{more}; "
            "keep one: export the others and delete them (importing such a file as a new "
            "copy keeps its content), and Lika guards against it again",
        )
    if not revision_index.has_index(ctx.conn):
        return _warning(
            "revisions",
            "no revision is used twice, but the guard against it is missing; Lika adds it "
            "when it opens the register",
        )
    return _ok("revisions", "each revision number of a decision is used once")


CHECKS: list[Check] = [
    Check("file", check_file, gate=True),
    Check("format", check_format, gate=True),
    Check("schema", check_schema, gate=True),
    Check("integrity", check_integrity),
    Check("references", check_foreign_keys),
    Check("values", check_values),
    Check("audit", check_audit_log),
    Check("guards", evidence_checks.check_guards),
    Check("approvals", evidence_checks.check_approvals),
    Check("revisions", check_revisions),
    Check("backups", check_backups),
]


def run_checks(
    path: Path,
    checks: list[Check] | None = None,
    *,
    against: tuple[Path, tuple[int, str]] | None = None,
) -> list[CheckResult]:
    """Run ``checks`` (all by default) on ``path`` in order; never writes. ``against``:
    an older copy and the audit head it saw (``evidence_checks.head_of``)."""
    ctx = CheckContext(Path(path))
    results: list[CheckResult] = []
    try:
        for check in checks if checks is not None else CHECKS:
            result = check.run(ctx)
            results.append(result)
            if check.gate and result.outcome is Outcome.PROBLEM:
                break
        else:
            if against is not None and ctx.conn is not None:
                results.append(_against(ctx.conn, *against))
    finally:
        if ctx.conn is not None:
            ctx.conn.close()
    return results


def _against(conn: sqlite3.Connection, path: Path, head: tuple[int, str]) -> CheckResult:
    try:
        return evidence_checks.check_against(conn, Path(path), head)
    except sqlite3.DatabaseError as error:
        return _problem("against", f"the audit log cannot be read: {error}")


# Start-up: the one problem that stops the window from opening the register.


class Problem(StrEnum):
    MISSING_FOLDER = "missing_folder"
    NOT_SQLITE = "not_sqlite"
    FOREIGN = "foreign"
    DAMAGED = "damaged"
    NEWER = "newer"
    READ_ONLY = "read_only"
    LOW_SPACE = "low_space"
    UNREADABLE = "unreadable"


@dataclass(frozen=True)
class Diagnosis:
    problem: Problem
    message: str

    @property
    def can_continue(self) -> bool:
        """Low disk space is a warning; everything else stops the window."""
        return self.problem is Problem.LOW_SPACE


@contextmanager
def _readonly(path: Path) -> Iterator[sqlite3.Connection]:
    conn = connect_readonly(path)
    try:
        yield conn
    finally:
        conn.close()


def diagnose(path: Path, *, low_space: int = LOW_SPACE_BYTES) -> Diagnosis | None:
    """The first reason not to open ``path`` for writing, or None. Only reads."""
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        return Diagnosis(Problem.MISSING_FOLDER, f"The folder {folder} does not exist")
    if path.exists():
        try:
            check_understood(path)
            with _readonly(path) as conn:
                problems = backup.integrity_problems(conn, quick=True)
        except ForeignDatabaseError as error:
            return Diagnosis(Problem.FOREIGN, str(error))
        except NotADatabaseError as error:
            return Diagnosis(Problem.NOT_SQLITE, str(error))
        except NewerDatabaseError as error:
            return Diagnosis(Problem.NEWER, str(error))
        except DamagedDatabaseError as error:
            return Diagnosis(Problem.DAMAGED, str(error))
        except (InputError, LikaError) as error:
            return Diagnosis(Problem.UNREADABLE, str(error))
        if problems:
            return Diagnosis(Problem.DAMAGED, f"{path} is damaged: {problems[0]}")
        if not os.access(path, os.W_OK):
            return Diagnosis(Problem.READ_ONLY, f"{path} is read-only")
    if not os.access(folder, os.W_OK | os.X_OK):
        return Diagnosis(Problem.READ_ONLY, f"The folder {folder} is read-only")
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return None
    if free < low_space:
        return Diagnosis(
            Problem.LOW_SPACE,
            f"The disk holding {path} is almost full ({free // (1024 * 1024)} MB free)",
        )
    return None
