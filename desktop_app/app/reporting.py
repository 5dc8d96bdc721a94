"""Report use cases shared by the command line and the window: gather what a report
shows from the register and the content, then write it.

The window runs ``write_portfolio`` on a worker thread, so it opens nothing itself:
it is handed a repository made for that thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.app.ports import PortfolioSource
from desktop_app.app.service import AssessmentService
from desktop_app.checklists.guide import Content
from desktop_app.domain.audit import shorten
from desktop_app.domain.decision_types import type_label
from desktop_app.domain.errors import InputError
from desktop_app.domain.fingerprint import content_digest, matches_content
from desktop_app.domain.model import Assessment, Language, Status, Trust
from desktop_app.domain.review import CommentTargetKind
from desktop_app.progress import NO_PROGRESS, Progress

if TYPE_CHECKING:
    from desktop_app.domain.portfolio import Period
    from desktop_app.reports.assessment_pdf import SummaryInput
    from desktop_app.reports.fallback import Unprintable
    from desktop_app.reports.output import Attachment
    from desktop_app.reports.portfolio_input import PortfolioInput
    from desktop_app.reports.summary_input import Approval, ReviewNote

# The report modules (reportlab, pikepdf) are imported by each function when it runs: the
# window imports this module while it starts, and they would add a quarter of a second.

REPORT_SUFFIXES = (".pdf", ".csv")


def summary_input(
    service: AssessmentService,
    assessment: Assessment,
    *,
    language: Language | None = None,
    today: date | None = None,
) -> SummaryInput:
    """Everything the PDF summary of ``assessment`` shows, in ``language`` (default:
    the assessment's own)."""
    from desktop_app.reports.assessment_pdf import SummaryInput

    return SummaryInput(
        attachment=exchange_attachment(service, assessment),
        assessment=assessment,
        checklists=service.checklists_for(assessment),
        vocabulary=service.content.vocabulary,
        history=service.status_history(assessment.id) if assessment.id else [],
        generated=today or date.today(),
        language=language or assessment.language,
        review_notes=review_notes(service, assessment),
        approval=approval(service, assessment),
        decision_type_name=type_label(
            service.content.checklists.decision_types,
            assessment.decision_type,
            (language or assessment.language).value,
        ),
        claim=claim(service, assessment),
        chain_head=service.review.chain_head(),
    )


def exchange_attachment(service: AssessmentService, assessment: Assessment) -> Attachment:
    """The exchange file the PDF carries, so ``lika import FILE.pdf`` can bring the
    assessment back exactly as ``lika import FILE.json`` would."""
    from desktop_app.app.transfer import export_document
    from desktop_app.reports.output import Attachment
    from desktop_app.storage.exchange import ExchangeDocument, dumps

    repository = service.repository
    if assessment.id:
        # As ``lika export`` writes it: portable history, evaluations, attached files.
        document = export_document(repository, assessment.id)
        document.assessment = assessment
    else:
        digests = dict.fromkeys(e.sha256 for e in assessment.evidence if e.is_file)
        files = {digest: repository.evidence_file(digest) for digest in digests}
        document = ExchangeDocument(assessment, files=files)
    return Attachment(dumps(document).encode("utf-8"), content_digest(assessment))


def review_notes(service: AssessmentService, assessment: Assessment) -> list[ReviewNote]:
    """The review comments as the PDF shows them: a comment on a measure goes with the
    measures step and quotes the measure, since the PDF lists measures, not their ids."""
    from desktop_app.reports.summary_input import ReviewNote

    if assessment.id is None:
        return []
    notes: list[ReviewNote] = []
    for comment in service.review.comments(assessment.id):
        about, text = comment.target.key, comment.text
        if comment.target.kind is CommentTargetKind.MEASURE:
            about = "measures"
            found = [m for m in assessment.measures if m.uid == comment.target.key]
            if found and found[0].description:
                quoted = shorten(" ".join(found[0].description.split()), 80)
                text = f"“{quoted}”: {text}"
        notes.append(
            ReviewNote(
                author=comment.author,
                at=comment.created,
                text=text,
                about=about,
                addressed_by=comment.addressed_by if comment.addressed else "",
                reply=comment.reply,
            )
        )
    return notes


def approval(service: AssessmentService, assessment: Assessment) -> Approval | None:
    """The recorded approval of an approved assessment, for the sign-off block."""
    from desktop_app.reports.summary_input import Approval

    if assessment.status is not Status.APPROVED:
        return None
    record = service.review.approval(assessment)
    if record is None:
        return None
    return Approval(
        approver=record.approver,
        at=record.at,
        fingerprint=record.printed,
        self_approved=record.self_approved,
        comment=record.comment,
        matches_content=matches_content(record.fingerprint, assessment),
        legacy=record.legacy,
        signed=record.trust is Trust.SIGNED,
        approver_role=record.approver_role,
    )


def claim(service: AssessmentService, assessment: Assessment) -> Approval | None:
    """An unverified approval a file claimed, for the sign-off block to say so."""
    from desktop_app.reports.summary_input import Approval

    found = service.review.claimed_approval(assessment)
    if found is None:
        return None
    return Approval(
        approver=found.approver,
        at=found.at,
        fingerprint=found.printed,
        approver_role=found.approver_role,
    )


def export_summary(
    service: AssessmentService,
    assessment_id: int,
    out: Path,
    language: Language | None = None,
    warn: Callable[[str], None] | None = None,
) -> None:
    """Write the PDF summary; ``warn`` hears, before anything is written, of each field
    with characters no font on this computer can print (they show as �)."""
    from desktop_app.reports.assessment_pdf import render_summary, unprintable

    assessment = service.get(assessment_id)
    data = summary_input(service, assessment, language=language)
    if warn is not None:
        _warn_unprintable(unprintable(data), warn)
    render_summary(data, out)


def _warn_unprintable(problems: list[Unprintable], warn: Callable[[str], None]) -> None:
    for problem in problems:
        warn(
            f"{problem.field}: no font here can print {' '.join(problem.characters)} "
            "(shown as \N{REPLACEMENT CHARACTER})"
        )


def check_report_target(out: Path) -> str:
    """The report format ``out`` asks for (``pdf`` or ``csv``), or a clear refusal."""
    suffix = Path(out).suffix.lower()
    if suffix not in REPORT_SUFFIXES:
        raise InputError(f"Cannot tell the format of {out}: name it .pdf or .csv")
    return suffix[1:]


def portfolio_input(
    repository: PortfolioSource,
    content: Content,
    period: Period,
    *,
    unit: str | None = None,
    language: Language = Language.SV,
    today: date | None = None,
) -> PortfolioInput:
    from desktop_app.reports.portfolio_input import make_portfolio_input

    return make_portfolio_input(
        repository.portfolio_entries(period, unit or None),
        period=period,
        unit=unit or None,
        today=today or date.today(),
        language=language,
        vocabulary=content.vocabulary,
        checklists=list(content.checklists.checklists.values()),
        decision_types=content.checklists.decision_types,
    )


def write_portfolio(
    data: PortfolioInput,
    out: Path,
    progress: Progress = NO_PROGRESS,
    warn: Callable[[str], None] | None = None,
) -> None:
    """Write the portfolio report as PDF or CSV, chosen by ``out``'s suffix; ``warn``
    hears first of each listed text a PDF cannot print (a CSV needs no font)."""
    if check_report_target(out) == "csv":
        from desktop_app.reports.portfolio_csv import write_portfolio_csv

        write_portfolio_csv(data, out, progress)
    else:
        from desktop_app.reports.portfolio_pdf import render_portfolio, unprintable

        if warn is not None:
            _warn_unprintable(unprintable(data), warn)
        render_portfolio(data, out, progress)
