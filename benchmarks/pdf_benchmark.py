"""How fast Lika writes PDFs (not a test: it prints figures, in one run).

1. A typical assessment (7 grounds, 10 measures, answers) exported as the summary,
   against reportlab building a plain document of the same text in the same font;
   the ratio is what matters, as it does not depend on the machine.
2. A portfolio report (PDF and CSV) over a register of 500 assessments.

Targets (issue 5): ratio under 2, a typical export under 0.3 s, the portfolio under
20 s. Run: ``.venv/bin/python benchmarks/pdf_benchmark.py``
"""

from __future__ import annotations

import io
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

from desktop_app.app.reporting import portfolio_input, write_portfolio
from desktop_app.checklists.guide import Content, load_content
from desktop_app.domain.model import (
    Answer,
    Assessment,
    Direction,
    Measure,
    MeasureStatus,
    Outcome,
    Relevance,
    RiskKind,
    Severity,
    Status,
)
from desktop_app.domain.portfolio import Period
from desktop_app.reports.assessment_pdf import SummaryInput, build_summary, story
from desktop_app.reports.fonts import REGULAR, register_fonts
from desktop_app.reports.output import pdfa_finish, write_pdf
from desktop_app.storage.repository import AssessmentRepository

TODAY = date(2026, 11, 23)
SENTENCE = (
    "Förslaget påverkar äldre och personer med funktionsnedsättning mest, enligt "
    "besöksstatistiken och dialogmötena med Máret Ŋuolja och Ольга Кузнецова. "
)


def typical(content: Content, index: int = 0) -> Assessment:
    framework = content.checklists.get("se-dl")
    a = Assessment(framework_id=framework.id, framework_version=framework.version)
    d = a.decision
    d.title = f"Ändrade öppettider på biblioteken, del {index}"
    d.case_number = f"KFN 2026/{index:04d}"
    d.organisation, d.unit = (
        "Lövsjö kommun",
        ("Kulturförvaltningen", "Socialförvaltningen")[index % 2],
    )
    d.decision_body = "Kultur- och fritidsnämnden"
    d.decision_date = TODAY + timedelta(days=index % 300 - 150)
    d.author = "Máret Čuđe-Šolli"
    d.description = SENTENCE * 6
    d.affected = SENTENCE * 2
    d.affected_groups = ["Äldre", "Studerande", "Föräldraföreningen – جمعية أولياء الأمور"]
    d.evidence = SENTENCE * 4
    d.evidence_missing = SENTENCE
    directions = [Direction.NEGATIVE, Direction.MIXED, Direction.POSITIVE, Direction.NEUTRAL]
    for i, ground in enumerate(framework.grounds):
        g = a.ground(ground.key)
        g.relevance = Relevance.RELEVANT if i % 3 != 2 else Relevance.NOT_RELEVANT
        g.justification = SENTENCE * 2
        if g.relevance is Relevance.RELEVANT:
            g.direction = directions[(i + index) % 4]
            g.severity = Severity.MEDIUM if g.direction.is_adverse else None
            g.groups = "Personer över 70 år"
            g.evidence = SENTENCE * 2
            g.risks = [RiskKind.INDIRECT]
        for question in ground.questions:
            a.answers[question.id] = Answer(question.id, "yes", "Se underlaget.")
    for m in range(10):
        a.measures.append(
            Measure(
                description=f"Åtgärd {m + 1}: " + SENTENCE,
                grounds=[framework.grounds[m % 7].key],
                owner="Kommunikatör فاطمة الحسيني" if m == 3 else "Henrik Sjödin",
                deadline=TODAY + timedelta(days=(m * 17 + index) % 120 - 40),
                status=(MeasureStatus.PLANNED, MeasureStatus.ONGOING, MeasureStatus.DONE)[m % 3],
                followup_note=SENTENCE if m % 2 else "",
            )
        )
    a.conclusion.outcome = Outcome.PROCEED_WITH_MEASURES
    a.conclusion.summary = SENTENCE * 3
    a.conclusion.followup_date = TODAY + timedelta(days=200)
    return a


def texts_of(flowables: object) -> list[str]:
    """The paragraph texts (already as markup) of a story, tables and groups included:
    the same text the summary shows, for the plain document to lay out."""
    found: list[str] = []
    items = flowables if isinstance(flowables, list | tuple) else [flowables]
    for item in items:
        if isinstance(item, Paragraph):
            found.append(item.text)
        elif isinstance(item, Table):
            found += [t for row in item._cellvalues for cell in row for t in texts_of(cell)]
        elif hasattr(item, "_content"):
            found += texts_of(item._content)
    return found


def interleaved(runs: int, *actions: Callable[[], object]) -> list[float]:
    """The fastest of ``runs`` timings of each action, taking turns so that other load
    on the machine hits them alike (the fastest run is the least disturbed one)."""
    for action in actions:
        action()  # warm-up: font loading, imports
    times: list[list[float]] = [[] for _ in actions]
    for _ in range(runs):
        for index, action in enumerate(actions):
            start = time.perf_counter()
            action()
            times[index].append(time.perf_counter() - start)
    return [min(t) for t in times]


def main() -> None:
    content = load_content()
    register_fonts()
    a = typical(content)
    checklists = [content.checklists.get("se-dl")]
    data = SummaryInput(a, checklists, content.vocabulary, [], TODAY, a.language)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "summary.pdf"

        texts = texts_of(story(data))
        style = ParagraphStyle("plain", fontName=REGULAR, fontSize=9.5, leading=13)

        def plain() -> None:
            buffer = io.BytesIO()
            doc = SimpleDocTemplate(buffer, pagesize=A4, initialFontName=REGULAR)
            doc.build([Paragraph(t, style) for t in texts])
            Path(out).write_bytes(buffer.getvalue())

        export, no_pdfa, baseline = interleaved(
            15,
            lambda: write_pdf(out, lambda b: build_summary(data, b, None, pdfa_finish())),
            lambda: write_pdf(out, lambda b: build_summary(data, b)),
            plain,
        )

        db = Path(folder) / "register.db"
        repo = AssessmentRepository.open(db)
        start = time.perf_counter()
        with repo.db.atomic():
            for i in range(500):
                assessment = typical(content, i)
                assessment.status = (Status.DRAFT, Status.IN_REVIEW, Status.APPROVED)[i % 3]
                repo.create(assessment)
        filling = time.perf_counter() - start
        period = Period(date(2026, 1, 1), date(2027, 12, 31))

        def portfolio(suffix: str) -> float:
            start = time.perf_counter()
            report = portfolio_input(repo, content, period, today=TODAY)
            write_portfolio(report, Path(folder) / f"portfolio{suffix}")
            assert report.figures.total == 500
            return time.perf_counter() - start

        portfolio_pdf = portfolio(".pdf")
        portfolio_csv = portfolio(".csv")
        repo.close()

    ratio = export / baseline
    print(
        f"typical export (7 grounds, 10 measures), PDF/A: {export * 1000:7.0f} ms  (target < 300)"
    )
    print(f"  the same without the PDF/A step:             {no_pdfa * 1000:7.0f} ms")
    print(f"plain reportlab document of the same text:     {baseline * 1000:7.0f} ms")
    print(f"ratio export / plain:                           {ratio:7.2f}     (target < 2)")
    print(f"portfolio report, 500 assessments, PDF:        {portfolio_pdf:7.2f} s   (target < 20)")
    print(f"portfolio report, 500 assessments, CSV:        {portfolio_csv:7.2f} s")
    print(f"  (filling the 500-assessment register took {filling:.1f} s)")


if __name__ == "__main__":
    main()
