"""The register file's safety: checks before opening, backups and restores. Used by
start-up, the backups dialog, the data actions and ``lika backup/restore/check``;
storage does the work, typed by ``app.ports.Backups``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop_app.app.ports import Backups
from desktop_app.domain.identity import Identity
from desktop_app.register_location import Location, is_server
from desktop_app.storage import backup, checks
from desktop_app.storage.backup import BackupInfo, Reason
from desktop_app.storage.checks import CheckResult, Diagnosis, Outcome, Problem
from desktop_app.storage.database import check_not_a_folder

__all__ = [
    "BackupInfo",
    "CheckResult",
    "Diagnosis",
    "Outcome",
    "Problem",
    "Reason",
    "RegisterBackups",
    "backups",
    "check_not_a_folder",
    "diagnose",
    "refuse_if_damaged",
    "run_checks",
]


def diagnose(path: Path, *, at_start: bool = False) -> Diagnosis | None:
    """The first problem of the register at ``path``, without writing a byte; at start
    the check of a large register is bounded in time (issue 18)."""
    return checks.diagnose(path, budget=checks.START_CHECK_BUDGET if at_start else None)


def refuse_if_damaged(path: Path) -> None:
    """Raise a named error when the register at ``path`` must not be written."""
    checks.refuse_if_damaged(path)


def run_checks(path: Location, against: Path | None = None) -> list[CheckResult]:
    """Every check of ``lika check``; ``against``: an older copy (a backup, a PDF or an
    exchange file) whose audit head the register's history must still contain. A server
    register gets the checks that mean something there (``storage.postgres.checks``)."""
    head = None
    if against is not None:
        from desktop_app.storage import evidence_checks

        head = evidence_checks.head_of(against)
    if is_server(path):
        from desktop_app.storage.postgres import checks as server_checks  # psycopg here

        return server_checks.run_checks(
            str(path), against=(against, head) if against and head else None
        )
    path = Path(path)
    if against is None:
        return checks.run_checks(path)
    return checks.run_checks(path, against=(against, head) if head else None)


class RegisterBackups:
    """``Backups`` of the register file at ``db_path``, in the folder beside it."""

    def __init__(self, db_path: Path | str) -> None:
        self.db_path = Path(db_path)

    @property
    def folder(self) -> Path:
        return backup.backup_dir(self.db_path)

    def listed(self) -> list[BackupInfo]:
        return backup.list_backups(self.db_path)

    def make(
        self, reason: Reason, cancelled: Callable[[], bool] | None = None
    ) -> BackupInfo | None:
        """A backup; ``cancelled`` stops it (no file left) when it turns true."""
        if cancelled is None:
            return backup.make_backup(self.db_path, reason)
        return backup.make_backup(self.db_path, reason, cancelled=cancelled)

    def rotate(self, keep: int) -> list[Path]:
        return backup.rotate(self.db_path, keep)

    def daily_due(self) -> bool:
        return backup.daily_backup_due(self.db_path)

    def newest_good(self) -> BackupInfo | None:
        return backup.newest_good_backup(self.db_path)

    def write_copy(self, target: Path) -> None:
        backup.write_backup(self.db_path, target, db_path=self.db_path)

    def restore(self, file: Path, *, actor: Identity, force: bool = False) -> Path | None:
        from desktop_app.storage.restore import restore_backup  # the audit log: not to start

        return restore_backup(file, self.db_path, actor=actor, force=force)


def backups(db_path: Path | str) -> Backups:
    return RegisterBackups(db_path)
