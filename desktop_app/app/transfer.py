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

from desktop_app.app.approvals import judge_import, portable
from desktop_app.app.errors import AlreadyExistsError
from desktop_app.app.ports import AssessmentStore
from desktop_app.app.registers import evaluation_records, review_records
from desktop_app.checklists.guide import Content
from desktop_app.domain.fingerprint import content_digest
from desktop_app.domain.model import Assessment, new_uid
from desktop_app.domain.register import RegisterRow
from desktop_app.keys import TrustedKeys
from desktop_app.storage import exchange, pdf_exchange
from desktop_app.storage.exchange import ExchangeDocument, ExchangeError

__all__ = [
    "ExchangeDocument",
    "ExchangeError",
    "ImportMode",
    "TransferService",
    "dumps",
    "existing",
    "export_document",
    "export_file",
    "import_document",
    "read_file",
    "write_file",
]


class ImportMode(StrEnum):
    NEW = "new"  # the uid must not exist yet
    AS_NEW = "as_new"  # a copy with a new uid, beside any existing one
    REPLACE = "replace"  # overwrite the assessment with the same uid


def export_document(repository: AssessmentStore, assessment_id: int) -> ExchangeDocument:
    assessment = repository.get(assessment_id)
    digests = dict.fromkeys(e.sha256 for e in assessment.evidence if e.is_file)
    return ExchangeDocument(
        assessment,
        [portable(assessment, c) for c in repository.status_history(assessment_id)],
        evaluation_records(repository).for_assessment(assessment_id),
        {digest: repository.evidence_file(digest) for digest in digests},
        # The register's newest audit entry (``ID:HASH``), for ``lika check --against``.
        audit_head=review_records(repository).chain_head(),
    )


def export_file(repository: AssessmentStore, assessment_id: int, out: Path) -> None:
    exchange.write_file(export_document(repository, assessment_id), out)


def write_file(document: ExchangeDocument, out: Path) -> None:
    """Write ``document`` as an exchange file (atomically)."""
    exchange.write_file(document, out)


def dumps(document: ExchangeDocument) -> str:
    """``document`` as exchange-file text."""
    return exchange.dumps(document)


def read_file(content: Content | Callable[[], Content], path: Path) -> ExchangeDocument:
    """Read and check an exchange file against the installed checklists.

    ``content`` may be a function, so a file that is refused for its size or shape is
    refused before the checklists are even loaded."""
    recorded = None
    if pdf_exchange.is_pdf(path):  # a Lika PDF carries its exchange file
        data, recorded = pdf_exchange.read_embedded(path)
    else:
        data = exchange.read_bytes(path)
    checklists = (content() if callable(content) else content).checklists.checklists
    document = exchange.parse(data, checklists, source=str(path))
    if recorded is not None and content_digest(document.assessment) != recorded:
        raise exchange.ExchangeError(
            f"{path}: the assessment embedded in this PDF was changed after it was exported "
            "(its content no longer matches the fingerprint recorded with it); it was not read"
        )
    document.source = Path(path).name
    return document


def existing(repository: AssessmentStore, document: ExchangeDocument) -> Assessment | None:
    """The stored assessment that ``document`` would replace, if any."""
    found = repository.find_uid(document.assessment.uid)
    return repository.get(found.id) if found is not None else None


def import_document(
    repository: AssessmentStore,
    document: ExchangeDocument,
    mode: ImportMode,
    trusted: TrustedKeys | None = None,
) -> Assessment:
    """Store ``document``; raises ``AlreadyExistsError`` for an existing uid with NEW.

    Its approval is judged first (``approvals.judge_import``, against ``trusted``: by
    default the user's own key and IT's list): an unverified one arrives in review, and
    ``document.notes`` says so; a signature that does not hold refuses the file."""
    mode = ImportMode(mode)  # the CLI passes the plain value
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
            files=list(document.files.values()),
            note=document.signed_by,
            source=document.source,
        )
    except AlreadyExistsError:
        found = repository.find_uid(assessment.uid)
        title = f" “{found.title}”" if found is not None and found.title else ""
        where = f" as assessment {found.id}{title}" if found is not None else ""
        raise AlreadyExistsError(f"This assessment is already in the register{where}") from None
    return assessment


class TransferService:
    """The transfer use cases on one register (``service.transfer``), for the window
    and the CLI, which do not hold the register's storage themselves."""

    def __init__(self, repository: AssessmentStore) -> None:
        self._repository = repository

    def export_document(self, assessment_id: int) -> ExchangeDocument:
        return export_document(self._repository, assessment_id)

    def export_file(self, assessment_id: int, out: Path) -> None:
        export_file(self._repository, assessment_id, out)

    def existing(self, document: ExchangeDocument) -> Assessment | None:
        return existing(self._repository, document)

    def find(self, document: ExchangeDocument) -> RegisterRow | None:
        """The register entry with ``document``'s uid (what REPLACE would overwrite)."""
        return self._repository.find_uid(document.assessment.uid)

    def import_document(
        self, document: ExchangeDocument, mode: ImportMode, trusted: TrustedKeys | None = None
    ) -> Assessment:
        return import_document(self._repository, document, mode, trusted)
