"""Small builders for register tests: assessments that differ in one thing each."""

from __future__ import annotations

from datetime import date

from desktop_app.checklists.guide import Content
from desktop_app.domain.model import Assessment, Direction, Relevance, Severity
from desktop_app.storage.register import Register
from desktop_app.storage.repository import AssessmentRepository
from tests.helpers import complete_assessment


def make(
    content: Content,
    title: str,
    *,
    unit: str = "Kultur- och fritidsförvaltningen",
    decision_date: date | None = date(2026, 12, 10),
    framework: str = "se-dl",
) -> Assessment:
    a = complete_assessment(content, framework)
    a.decision.title = title
    a.decision.unit = unit
    a.decision.decision_date = decision_date
    return a


def with_impact(a: Assessment, ground: str, direction: Direction) -> Assessment:
    """Make ``ground`` relevant with ``direction``, complete enough to be approved."""
    g = a.ground(ground)
    g.relevance, g.direction = Relevance.RELEVANT, direction
    if direction.is_adverse:
        g.severity = Severity.MEDIUM
        g.no_measure_justification = "Effekten bedöms som övergående."
    return a


def register_of(repository: AssessmentRepository) -> Register:
    return Register(repository.db.conn, repository.path)
