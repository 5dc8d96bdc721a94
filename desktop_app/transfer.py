"""Moving an assessment between registers: the export and import use cases.

Shared by the CLI (``lika export`` / ``lika import``) and the window (menu and drag
and drop), so both read, check and store a file the same way. Reading the file needs
only the content (checklists), never the database, so a refused file cannot have
touched the register.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from desktop_app.approvals import judge_import, portable
from desktop_app.checklists.guide import Content
from desktop_app.domain.model import Assessment, new_uid
from desktop_app.keys import TrustedKeys
from desktop_app.storage import exchange
from desktop_app.storage.audit import chain_head
from desktop_app.storage.evaluations import EvaluationStore
from desktop_app.storage.exchange import ExchangeDocument
from desktop_app.storage.repository import AlreadyExistsError, AssessmentRepository


class ImportMode(StrEnum):
    NEW = "new"  # the uid must not exist yet
    AS_NEW = "as_new"  # a copy with a new uid, beside any existing one
    REPLACE = "replace"  # overwrite the assessment with the same uid


def export_document(repository: AssessmentRepository, assessment_id: int) -> ExchangeDocument:
    a = repository.get(assessment_id)
    return ExchangeDocument(
        a,
        [portable(a, c) for c in repository.status_history(assessment_id)],
        EvaluationStore(repository.db).for_assessment(assessment_id),
        audit_head=chain_head(repository.db.conn),
    )


def export_file(repository: AssessmentRepository, assessment_id: int, out: Path) -> None:
    exchange.write_file(export_document(repository, assessment_id), out)


def read_file(content: Content | Callable[[], Content], path: Path) -> ExchangeDocument:
    """Read and check an exchange file against the installed checklists.

    ``content`` may be a function, so a file that is refused for its size or shape is
    refused before the checklists are even loaded."""
    data = exchange.read_bytes(path)
    checklists = (content() if callable(content) else content).checklists.checklists
    return exchange.parse(data, checklists, source=str(path))


def existing(repository: AssessmentRepository, document: ExchangeDocument) -> Assessment | None:
    """The stored assessment that ``document`` would replace, if any."""
    found = repository.find_uid(document.assessment.uid)
    return repository.get(found.id) if found is not None else None


def import_document(
    repository: AssessmentRepository,
    document: ExchangeDocument,
    mode: ImportMode,
    trusted: TrustedKeys | None = None,
) -> Assessment:
    """Store ``document``; raises ``AlreadyExistsError`` for an existing uid with NEW.

    Its approval is judged first (``approvals.judge_import``, against ``trusted``: by
    default the user's own key and IT's list): an unverified one arrives in review, and
    ``document.notes`` says so; a signature that does not hold refuses the file."""
    assessment = document.assessment
    keys = trusted if trusted is not None else TrustedKeys.load()
    document.notes = judge_import(document, keys)
    if mode is ImportMode.AS_NEW:
        assessment.uid = assessment.series_uid = new_uid()
    try:
        repository.store_imported(
            assessment,
            document.history,
            document.evaluations,
            replace=mode is ImportMode.REPLACE,
        )
    except AlreadyExistsError:
        found = repository.find_uid(assessment.uid)
        title = f" “{found.title}”" if found is not None and found.title else ""
        where = f" as assessment {found.id}{title}" if found is not None else ""
        raise AlreadyExistsError(f"This assessment is already in the register{where}") from None
    return assessment
