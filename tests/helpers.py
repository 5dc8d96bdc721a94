"""Builders of complete, realistic assessments for tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from desktop_app.checklists.guide import Content
from desktop_app.domain.model import (
    Assessment,
    Direction,
    Language,
    Measure,
    MeasureStatus,
    Outcome,
    Relevance,
    RiskKind,
    Severity,
    Status,
    StatusChange,
)
from desktop_app.domain.review import CommentTarget, ReviewComment

if TYPE_CHECKING:
    from desktop_app.storage.bulk import NewAssessment

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


def complete_norwegian_assessment(content: Content) -> Assessment:
    """A Norwegian assessment (no-ldl with the children's rights module) with nothing
    missing: mixed, negative and positive impacts, two measures, and one negative
    impact that is justified instead of measured."""
    framework = content.checklists.get("no-ldl")
    module = content.checklists.get("children")
    a = Assessment(
        framework_id=framework.id,
        framework_version=framework.version,
        language=Language.NB,
        modules={module.id: module.version},
    )
    d = a.decision
    d.title = "Redusert åpningstid i de kommunale barnehagene"
    d.case_number = "24/01877"
    d.organisation = "Nordvang kommune"
    d.unit = "Oppvekst og utdanning"
    d.decision_body = "Hovedutvalg for oppvekst"
    d.decision_date = date(2026, 12, 9)
    d.author = "Elle Kristine Jåma"
    d.description = "Åpningstiden reduseres fra 10 til 9,5 timer per dag fra 1. august 2027."
    d.affected = "Om lag 1 300 barn og foreldrene deres."
    d.affected_groups = ["Aleneforeldre", "Foreldre som jobber turnus"]
    d.evidence = "Tellinger av hentetidspunkt i alle barnehagene i mars 2026."
    for key in [g.key for g in framework.grounds] + [g.key for g in module.grounds]:
        g = a.ground(key)
        g.relevance = Relevance.NOT_RELEVANT
        g.justification = "Vi har ikke funnet at forslaget virker ulikt for denne gruppen."
    caring = a.ground("caring")
    caring.relevance = Relevance.RELEVANT
    caring.justification = "Foreldre med turnus rekker ikke å hente før kl. 16.30."
    caring.direction = Direction.NEGATIVE
    caring.severity = Severity.HIGH
    caring.groups = "Aleneforeldre og foreldre som jobber turnus"
    caring.risks = [RiskKind.INDIRECT]
    sex = a.ground("sex")
    sex.relevance = Relevance.RELEVANT
    sex.justification = "Det er oftest mødre som henter, og flere mødre jobber turnus."
    sex.direction = Direction.MIXED
    sex.severity = Severity.LOW
    sex.groups = "Mødre i turnusyrker."
    sex.risks = [RiskKind.INDIRECT]
    disability = a.ground("disability")
    disability.relevance = Relevance.RELEVANT
    disability.justification = "Innsparingen gir rom for en ekstra spesialpedagog."
    disability.direction = Direction.POSITIVE
    disability.groups = "Barn med nedsatt funksjonsevne"
    child = a.ground("child_rights")
    child.relevance = Relevance.RELEVANT
    child.justification = "Barna får kortere dager, men noen mister tid med venner."
    child.direction = Direction.NEGATIVE
    child.severity = Severity.LOW
    child.groups = "Barn som i dag har de lengste dagene"
    child.no_measure_justification = (
        "Kortere dager i barnehagen er ikke en ulempe for barna selv, og "
        "barnehagene legger det sosiale samværet til kjernetiden."
    )
    a.measures.extend(
        [
            Measure(
                description="Utvidet åpningstid i én barnehage i hver bydel, etter søknad.",
                grounds=["caring", "sex"],
                owner="Barnehagesjef Tor Arne Lie",
                deadline=date(2027, 8, 1),
            ),
            Measure(
                description="Kartlegge behovet hos foreldre som jobber turnus",
                grounds=["caring"],
                owner="Rådgiver Siri Nyhus",
                deadline=date(2027, 3, 1),
                status=MeasureStatus.ONGOING,
            ),
        ]
    )
    a.conclusion.outcome = Outcome.PROCEED_WITH_MEASURES
    a.conclusion.summary = (
        "Forslaget kan vedtas dersom det gis utvidet åpningstid der behovet er størst."
    )
    a.conclusion.followup_date = date(2028, 1, 15)
    return a


def returned_with_an_addressed_comment(content: Content) -> NewAssessment:
    """For the bulk loader: a complete assessment that was submitted, commented on by
    the reviewer (olga) on the ground age, returned, and whose comment the
    caseworker (maret) addressed with a reply."""
    from desktop_app.storage.bulk import NewAssessment

    a = complete_assessment(content)
    a.status = Status.RETURNED
    at = datetime(2026, 10, 5, 9, tzinfo=UTC)
    a.created = at
    reviewer = OTHER_SCRIPT_NAMES[1]
    history = [
        StatusChange(Status.DRAFT, Status.IN_REVIEW, SAMI_NAME, "maret", at + timedelta(days=1)),
        StatusChange(Status.IN_REVIEW, Status.RETURNED, reviewer, "olga", at + timedelta(days=2)),
    ]
    comment = ReviewComment(
        0, 0, CommentTarget.ground("age"), "Saknar statistik.", reviewer, "olga",
        at + timedelta(days=2, minutes=-5), addressed_at=at + timedelta(days=3),
        addressed_by=SAMI_NAME, reply="Tillagd.",
    )  # fmt: skip
    return NewAssessment(a, history=history, comments=[comment], os_user="maret")


def sign_approval(assessment: Assessment, history: list[StatusChange]) -> list[StatusChange]:
    """``history`` with its last approval recording the full content digest and signed
    with this test session's own approver key, as Lika signs an approval it makes: such
    a file's approval is verified on import (issue 13)."""
    import dataclasses

    from desktop_app.app.approvals import signed
    from desktop_app.domain.fingerprint import content_digest
    from desktop_app.keys import KeyStore

    found = [i for i, c in enumerate(history) if c.to_status is Status.APPROVED]
    if not found:
        return history
    result = list(history)
    change = dataclasses.replace(history[found[-1]], fingerprint=content_digest(assessment))
    result[found[-1]] = signed(KeyStore(), assessment, change)
    return result


class FakeCanvas:
    """What tagging's recorder asks of a reportlab canvas: its page and its drawing code."""

    def __init__(self) -> None:
        self._code: list[str] = []

    def getPageNumber(self) -> int:  # noqa: N802  (reportlab's name)
        return 1
