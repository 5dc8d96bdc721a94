"""Report use cases shared by the command line and the window: gather what a report
shows from the register and the content, then write it.

The window runs ``write_portfolio`` on a worker thread, so it opens nothing itself:
it is handed a repository made for that thread.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.checklists.guide import Content
from desktop_app.domain.errors import InputError
from desktop_app.domain.model import Assessment, Language
from desktop_app.domain.portfolio import Period
from desktop_app.progress import NO_PROGRESS, Progress
from desktop_app.service import AssessmentService
from desktop_app.storage.repository import AssessmentRepository

if TYPE_CHECKING:
    from desktop_app.reports.assessment_pdf import SummaryInput
    from desktop_app.reports.portfolio_input import PortfolioInput

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
        assessment=assessment,
        checklists=service.checklists_for(assessment),
        vocabulary=service.content.vocabulary,
        history=service.repository.status_history(assessment.id) if assessment.id else [],
        generated=today or date.today(),
        language=language or assessment.language,
    )


def export_summary(
    service: AssessmentService, assessment_id: int, out: Path, language: Language | None = None
) -> None:
    from desktop_app.reports.assessment_pdf import render_summary

    assessment = service.repository.get(assessment_id)
    render_summary(summary_input(service, assessment, language=language), out)


def check_report_target(out: Path) -> str:
    """The report format ``out`` asks for (``pdf`` or ``csv``), or a clear refusal."""
    suffix = Path(out).suffix.lower()
    if suffix not in REPORT_SUFFIXES:
        raise InputError(f"Cannot tell the format of {out}: name it .pdf or .csv")
    return suffix[1:]


def portfolio_input(
    repository: AssessmentRepository,
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
    )


def write_portfolio(data: PortfolioInput, out: Path, progress: Progress = NO_PROGRESS) -> None:
    """Write the portfolio report as PDF or CSV, chosen by ``out``'s suffix."""
    if check_report_target(out) == "csv":
        from desktop_app.reports.portfolio_csv import write_portfolio_csv

        write_portfolio_csv(data, out, progress)
    else:
        from desktop_app.reports.portfolio_pdf import render_portfolio

        render_portfolio(data, out, progress)
