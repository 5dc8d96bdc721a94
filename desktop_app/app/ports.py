"""What the application layer needs from storage, as interfaces it owns.

The use cases in ``desktop_app.app`` are written against these protocols, not against
SQLite: ``desktop_app.storage`` implements them today (``AssessmentRepository``,
``Register``, ``ReviewStore``, ``EvaluationStore``, the backup functions), and a second
engine would implement them too. ``app.registers`` is the one place that picks the
implementation (opens a SQLite register); the window and the CLI see only these names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, Self

from desktop_app.domain.clock import Clock as Clock

if TYPE_CHECKING:
    # Types only: the window's first page (``app.registers.first_look``) needs none of them loaded.
    from desktop_app.domain.audit import AuditEntry, ChainReport
    from desktop_app.domain.evaluation import Evaluation
    from desktop_app.domain.followup import MeasurePage, MeasureQuery
    from desktop_app.domain.identity import Identity
    from desktop_app.domain.model import Assessment, Status, StatusChange
    from desktop_app.domain.portfolio import Period, PortfolioEntry
    from desktop_app.domain.register import Page, RegisterQuery, RegisterRow
    from desktop_app.domain.review import CommentTarget, ReviewComment

    # Plain records of the backup files (no engine in them), named where they are made.
    from desktop_app.storage.backup import BackupInfo, Reason


class PortfolioSource(Protocol):
    """Where the portfolio report and the overview tab read their entries."""

    def portfolio_entries(
        self, period: Period | None = None, unit: str | None = None
    ) -> list[PortfolioEntry]: ...


class AssessmentStore(Protocol):
    """Assessments and their status history, written with an audit entry each."""

    actor: Identity

    @property
    def path(self) -> str:
        """Where the register lives (its file), for messages and worker connections."""
        ...

    def close(self) -> None: ...

    def get(self, assessment_id: int) -> Assessment: ...

    def count(self, *, status: Status | None = None, search: str = "") -> int: ...

    def units(self) -> list[str]: ...

    def find_uid(self, uid: str) -> RegisterRow | None: ...

    def status_history(self, assessment_id: int) -> list[StatusChange]: ...

    def approval_states(self) -> dict[int, str]:
        """Per approved assessment, how its newest approval is known (a ``Trust`` value,
        or ``unrecorded`` when no audit entry records it)."""
        ...

    def portfolio_entries(
        self, period: Period | None = None, unit: str | None = None
    ) -> list[PortfolioEntry]: ...

    def create(self, assessment: Assessment) -> Assessment: ...

    def save(self, assessment: Assessment, status_change: StatusChange | None = None) -> None: ...

    def record_status_change(self, assessment: Assessment, *changes: StatusChange) -> None: ...

    def store_imported(
        self,
        assessment: Assessment,
        history: list[StatusChange],
        evaluations: Sequence[Evaluation] = (),
        *,
        replace: bool = False,
        files: Sequence[bytes] = (),
        note: str = "",
        source: str = "",
    ) -> None: ...

    def delete(self, assessment_id: int) -> None: ...

    def last_restore(self) -> str: ...

    def store_evidence_file(self, data: bytes) -> str: ...

    def evidence_file(self, digest: str) -> bytes: ...


class ReviewRecords(Protocol):
    """Review comments, revisions and the audit trail (audit: read and verify)."""

    def record_problems(self, assessment_id: int) -> list[str]: ...

    def chain_head(self) -> str: ...

    def comments(self, assessment_id: int) -> list[ReviewComment]: ...

    def comment(self, comment_id: int) -> ReviewComment: ...

    def add_comment(
        self,
        assessment: Assessment,
        target: CommentTarget,
        text: str,
        actor: Identity,
        at: datetime,
    ) -> ReviewComment: ...

    def address(
        self, comment_id: int, reply: str, actor: Identity, at: datetime
    ) -> ReviewComment: ...

    def create_revision(self, revision: Assessment, previous: Assessment) -> Assessment: ...

    def revisions(self, series_uid: str) -> list[RegisterRow]: ...

    def newest_revision(self, series_uid: str) -> int: ...

    def history(self, assessment_id: int) -> list[AuditEntry]: ...

    def verify_audit(self) -> ChainReport: ...

    def audit_check(self) -> Callable[[], ChainReport]: ...


class EvaluationRecords(Protocol):
    """Evaluations of approved assessments (step 4)."""

    def record(self, evaluation: Evaluation) -> Evaluation: ...

    def for_assessment(self, assessment_id: int) -> list[Evaluation]: ...


class RegisterReader(Protocol):
    """Read-only register queries on a connection of one (worker) thread."""

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc: object) -> None: ...

    def page(self, query: RegisterQuery, after: Any = None, limit: int = ...) -> Page: ...

    def count(self, query: RegisterQuery) -> int: ...

    def rows(self, query: RegisterQuery) -> Iterator[RegisterRow]: ...

    def units(self) -> list[str]: ...

    def measures_page(self, query: MeasureQuery, after: Any = None) -> MeasurePage: ...

    def measures_count(self, query: MeasureQuery) -> int: ...

    def portfolio_entries(
        self, period: Period | None = None, unit: str | None = None
    ) -> list[PortfolioEntry]: ...


ReaderFactory = Callable[[], RegisterReader]


class ChangeFeed(Protocol):
    """Changes committed to a server register by anyone, as they happen (issue 20)."""

    def listen(self, on_change: Callable[[int], None], stopped: Callable[[], bool]) -> None:
        """Call ``on_change(assessment id)`` per change until ``stopped()``; blocks."""


class Backups(Protocol):
    """The backups of one register: made, listed, rotated and restored."""

    @property
    def folder(self) -> Path: ...

    def listed(self) -> list[BackupInfo]:
        """Every backup, newest first."""
        ...

    def make(
        self, reason: Reason, cancelled: Callable[[], bool] | None = None
    ) -> BackupInfo | None: ...

    def rotate(self, keep: int) -> list[Path]: ...

    def daily_due(self) -> bool: ...

    def newest_good(self) -> BackupInfo | None: ...

    def write_copy(self, target: Path) -> None: ...

    def restore(self, file: Path, *, actor: Identity, force: bool = False) -> Path | None: ...
