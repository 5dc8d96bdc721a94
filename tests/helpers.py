"""Builders of complete, realistic assessments for tests."""

from __future__ import annotations

from datetime import date

from desktop_app.checklists.guide import Content
from desktop_app.domain.model import (
    Assessment,
    Direction,
    Measure,
    Outcome,
    Relevance,
    RiskKind,
    Severity,
)

SAMI_NAME = "Máret Ŋuolja-Čáhppes"
OTHER_SCRIPT_NAMES = ("Αλέξανδρος Παπαδόπουλος", "Ольга Кузнецова")


def complete_assessment(content: Content, framework_id: str = "se-dl") -> Assessment:
    """An assessment with nothing missing: one negative ground with a measure,
    every other ground judged not relevant with a reason."""
    framework = content.checklists.get(framework_id)
    a = Assessment(framework_id=framework.id, framework_version=framework.version)
    d = a.decision
    d.title = "Ändrade öppettider på biblioteken"
    d.case_number = "KS 2026/0412"
    d.organisation = "Kiruna kommun"
    d.unit = "Kultur- och fritidsförvaltningen"
    d.decision_body = "Kultur- och fritidsnämnden"
    d.decision_date = date(2026, 12, 10)
    d.author = SAMI_NAME
    d.description = "Kvällsöppet tas bort på två filialbibliotek."
    d.affected = "Besökare, särskilt studerande och äldre."
    d.affected_groups = ["Samiska föreningen Sámiid Searvi", *OTHER_SCRIPT_NAMES]
    d.evidence = "Besöksstatistik per timme, uppdelad på kön och ålder."
    keys = [g.key for g in framework.grounds]
    for key in keys:
        g = a.ground(key)
        g.relevance = Relevance.NOT_RELEVANT
        g.justification = "Inga skillnader i besöksmönster enligt statistiken."
    age = a.ground("age")
    age.relevance = Relevance.RELEVANT
    age.justification = "Äldre besöker främst på kvällen."
    age.direction = Direction.NEGATIVE
    age.severity = Severity.MEDIUM
    age.groups = "Personer över 70 år"
    age.risks = [RiskKind.INDIRECT]
    a.measures.append(
        Measure(
            description="Erbjud meröppet med personal en kväll i veckan.",
            grounds=["age"],
            owner=SAMI_NAME,
            deadline=date(2027, 3, 1),
        )
    )
    a.conclusion.outcome = Outcome.PROCEED_WITH_MEASURES
    a.conclusion.summary = "Beslutet kan fattas om meröppet införs."
    a.conclusion.followup_date = date(2027, 9, 1)
    return a
