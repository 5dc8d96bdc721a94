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
import time
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
from desktop_app.storage.integrity import FULL_CHECK_BYTES

# Below this much free space the window warns before opening (autosave needs room).
LOW_SPACE_BYTES = 50 * 1024 * 1024


class Outcome(StrEnum):
    OK = "ok"
    WARNING = "warning"
    PROBLEM = "problem"
    SKIPPED = "skipped"  # not Lika's to check there (a server register's backups)


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
    stop: bool = False  # nothing more to check (an empty file)


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


def emptied_message(path: Path) -> str | None:
    """For an empty file that has backups (``: > lika.db`` after a backup, a copy cut
    off): what happened and the newest good backup. None when it has none: a new file."""
    found = [b for b in backup.list_backups(path) if b.reason is not backup.Reason.REPLACED]
    if not found:
        return None
    good = backup.newest_good_backup(path)
    offer = (
        f"the newest good backup is {good.path} ({good.taken:%Y-%m-%d %H:%M})"
        if good is not None
        else "none of its backups is usable"
    )
    return f"{path} is damaged or emptied: the file is empty, but the register has backups; {offer}"


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
    if ctx.path.stat().st_size == 0:
        ctx.stop = True
        emptied = emptied_message(ctx.path)
        if emptied is not None:
            return _problem("format", emptied)
        return _warning("format", "an empty file: Lika makes it a new register when it opens it")
    try:
        check_understood(ctx.path)
        ctx.conn = connect_readonly(ctx.path)
    except LikaError as error:  # not SQLite, not Lika's, newer, damaged, unreadable
        return _problem("format", str(error))
    return _ok("format", "a Lika register")


def check_schema(ctx: CheckContext) -> CheckResult:
    from sqlite_utils import Database

    from desktop_app.storage.migrations import migrations

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


def check_text(ctx: CheckContext) -> CheckResult:
    """Every text is UTF-8: garbled bytes make every reader of their row fail."""
    from desktop_app.storage.text_check import garbled_text

    assert ctx.conn is not None
    found = garbled_text(ctx.conn)
    if found:
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        return _problem("text", f"damaged: text that is not valid UTF-8 in {found[0]}{more}")
    return _ok("text", "every text is valid UTF-8")


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
    from desktop_app.storage import audit, review_schema, schema_facts

    assert ctx.conn is not None
    names = {r[0] for r in ctx.conn.execute("SELECT name FROM sqlite_master").fetchall()}
    if "audit_log" not in names:
        if schema_facts.ran(ctx.conn, schema_facts.AUDIT):  # it was created, and removed
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


def check_evidence(ctx: CheckContext) -> CheckResult:
    """Every attached file is in the register, and its bytes still have their hash."""
    import hashlib

    assert ctx.conn is not None
    tables = {r[0] for r in ctx.conn.execute("SELECT name FROM sqlite_master")}
    if "evidence_files" not in tables:
        return _ok("evidence", "no evidence files yet (an older register)")
    missing = ctx.conn.execute(
        "SELECT i.assessment_id, i.title FROM evidence_items i WHERE i.kind = 'file' AND "
        "NOT EXISTS (SELECT 1 FROM evidence_files f WHERE f.sha256 = i.sha256) "
        "ORDER BY i.assessment_id"
    ).fetchall()
    if missing:
        ident, title = missing[0]
        more = f" ({len(missing) - 1} more)" if len(missing) > 1 else ""
        return _problem(
            "evidence",
            f"assessment {ident} attaches {title!r}, but the register does not hold the file"
            f"{more}; restore a backup or attach it again",
        )
    count, damaged = 0, []
    for digest, data in ctx.conn.execute("SELECT sha256, data FROM evidence_files"):
        count += 1
        if hashlib.sha256(bytes(data)).hexdigest() != digest:
            damaged.append(digest)
    if damaged:
        return _problem(
            "evidence",
            f"{len(damaged)} stored file(s) no longer have their SHA-256 (first {damaged[0]}); "
            "restore a backup",
        )
    return _ok("evidence", f"{count} attached file(s), each with its SHA-256")


CHECKS: list[Check] = [
    Check("file", check_file, gate=True),
    Check("format", check_format, gate=True),
    Check("schema", check_schema, gate=True),
    Check("upgrades", evidence_checks.check_upgrades),
    Check("integrity", check_integrity),
    Check("references", check_foreign_keys),
    Check("values", check_values),
    Check("text", check_text),
    Check("audit", check_audit_log),
    Check("guards", evidence_checks.check_guards),
    Check("approvals", evidence_checks.check_approvals),
    Check("revisions", check_revisions),
    Check("evidence", check_evidence),
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
            try:
                result = check.run(ctx)
            except (sqlite3.Error, UnicodeDecodeError, OSError, LikaError) as error:
                # Whatever a damaged file makes SQLite or decoding raise is a finding.
                result = _problem(check.name, f"cannot be read (damaged?): {error}")
            results.append(result)
            if check.gate and (result.outcome is Outcome.PROBLEM or ctx.stop):
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
    EMPTIED = "emptied"  # an empty file where a register with backups used to be
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


# Start-up's share of SQLite's quick check (seconds): the window opens the register
# after it. What it had no time for is covered by the start-up backup, which checks
# the whole copy (a damaged register gives no backup and a warning), and by ``lika check``.
START_CHECK_BUDGET = 0.25


def _quick_problems(conn: sqlite3.Connection, path: Path, budget: float | None) -> list[str]:
    """``quick_check``'s findings; with a ``budget``, none when the register is as it was
    when the last automatic backup checked it in full, and none when the check runs out
    of time (it stops then)."""
    if budget is None:
        return backup.integrity_problems(conn, quick=True)
    if backup.unchanged_since_last_backup(path):
        return []
    deadline = time.monotonic() + budget
    stopped: list[bool] = []

    def over_time() -> int:
        if time.monotonic() > deadline:
            stopped.append(True)
            return 1
        return 0

    conn.set_progress_handler(over_time, 20_000)
    try:
        problems = backup.integrity_problems(conn, quick=True)
    finally:
        conn.set_progress_handler(None, 0)
    return [] if stopped else problems


def diagnose(
    path: Path, *, low_space: int = LOW_SPACE_BYTES, budget: float | None = None
) -> Diagnosis | None:
    """The first reason not to open ``path`` for writing, or None. Only reads.

    ``budget`` (seconds) bounds the quick check, as at start-up: see ``_quick_problems``."""
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        return Diagnosis(Problem.MISSING_FOLDER, f"The folder {folder} does not exist")
    if path.is_file() and path.stat().st_size == 0:
        emptied = emptied_message(path)
        if emptied is not None:
            return Diagnosis(Problem.EMPTIED, emptied)
    if path.exists():
        try:
            check_understood(path)
            with _readonly(path) as conn:
                # The full check also finds an index that disagrees with its table; a
                # large register gets the bounded quick check, and at start none when
                # the last automatic backup checked these very bytes in full (issue 18).
                if budget is not None and backup.unchanged_since_last_backup(path):
                    problems = []
                elif path.stat().st_size > FULL_CHECK_BYTES:
                    problems = _quick_problems(conn, path, budget)
                else:
                    problems = backup.integrity_problems(conn)
        except ForeignDatabaseError as error:
            return Diagnosis(Problem.FOREIGN, str(error))
        except NotADatabaseError as error:
            return Diagnosis(Problem.NOT_SQLITE, str(error))
        except NewerDatabaseError as error:
            return Diagnosis(Problem.NEWER, str(error))
        except DamagedDatabaseError as error:
            return Diagnosis(Problem.DAMAGED, str(error))
        except (InputError, LikaError) as error:
            if not os.access(folder, os.W_OK | os.X_OK):
                # A register with a write-ahead log cannot even be read without
                # writing its index file in the folder: that is the problem to name.
                return Diagnosis(
                    Problem.READ_ONLY,
                    f"The folder {folder} is read-only, so {path.name} cannot be opened",
                )
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


# The CLI's door: the same start-up check, before a command opens the register.


def refuse_if_damaged(path: Path) -> None:
    """Raise ``DamagedDatabaseError`` if the start-up check finds the register damaged
    or emptied, naming the newest good backup and how to restore it. The other problems
    (not a register, newer, read-only) are refused by opening itself, as before."""
    diagnosis = diagnose(path, low_space=0)
    if diagnosis is None or diagnosis.problem not in (Problem.DAMAGED, Problem.EMPTIED):
        return
    message = diagnosis.message
    good = backup.newest_good_backup(path)
    if good is not None and diagnosis.problem is Problem.DAMAGED:
        message += f"; the newest good backup is {good.path} ({good.taken:%Y-%m-%d %H:%M})"
    if good is not None:
        message += f". Nothing was written. To restore it: lika restore {good.path} --force"
        message += f" --db {path} (the file there now is kept in {good.path.parent})"
    raise DamagedDatabaseError(message)
