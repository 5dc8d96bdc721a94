"""Hypothesis strategies for whole assessments that fit the installed checklists."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta, timezone

from hypothesis import strategies as st

from desktop_app.checklists.guide import Content
from desktop_app.domain.checklist import ANSWER_VALUES, QuestionType
from desktop_app.domain.evaluation import Evaluation, ImpactAsExpected, MeasureResult
from desktop_app.domain.evidence import EvidenceKind, file_evidence, link_evidence
from desktop_app.domain.model import (
    Answer,
    Assessment,
    Conclusion,
    Decision,
    Direction,
    GroundAssessment,
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
from desktop_app.domain.statistics import FigureUnit, StatisticsTable, StatisticsTopic
from desktop_app.storage.exchange import ExchangeDocument
from desktop_app.storage.exchange_rules import EARLIEST_DATE, LATEST_DATE
from tests.helpers import sign_approval

# Any text a person could type or paste: every script, emoji, combining marks, line
# breaks, but no NUL and no lone surrogates (which are not text).
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=40,
)
DATES = st.dates(min_value=EARLIEST_DATE, max_value=LATEST_DATE)
ZONES = st.sampled_from([UTC, timezone(timedelta(hours=1)), timezone(timedelta(hours=-5))])
TIMES = st.datetimes(
    min_value=datetime(1971, 1, 1), max_value=datetime(2998, 12, 31), timezones=ZONES
).map(lambda t: t.replace(microsecond=0))
UIDS = st.uuids().map(str)


def _optional(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.none() | strategy


def _measure_uids(assessment: Assessment) -> st.SearchStrategy[list[str]]:
    """Measures an evaluation may name: only the assessment's own."""
    uids = [m.uid for m in assessment.measures]
    return st.lists(st.sampled_from(uids), unique=True, max_size=2) if uids else st.just([])


@st.composite
def exchange_documents(draw: st.DrawFn, content: Content) -> ExchangeDocument:
    library = content.checklists
    framework = draw(st.sampled_from(library.frameworks()))
    modules = draw(st.lists(st.sampled_from(library.modules()), unique_by=lambda m: m.id))
    used = [framework, *modules]
    ground_keys = [g.key for c in used for g in c.grounds]
    questions = [q for c in used for q in c.questions()]

    grounds = {}
    for key in draw(st.lists(st.sampled_from(ground_keys), unique=True)):
        grounds[key] = GroundAssessment(
            ground_key=key,
            relevance=draw(st.sampled_from(Relevance)),
            justification=draw(TEXT),
            direction=draw(_optional(st.sampled_from(Direction))),
            severity=draw(_optional(st.sampled_from(Severity))),
            groups=draw(TEXT),
            evidence=draw(TEXT),
            risks=draw(st.lists(st.sampled_from(RiskKind), unique=True)),
            no_measure_justification=draw(TEXT),
        )
    answers = {}
    for question in draw(st.lists(st.sampled_from(questions), unique_by=lambda q: q.id)):
        if question.type is QuestionType.YES_NO_UNSURE:
            value = draw(st.sampled_from(("", *ANSWER_VALUES)))
        elif question.type is QuestionType.CHOICE:
            value = draw(st.sampled_from(["", *(c.key for c in question.choices)]))
        else:
            value = draw(TEXT)
        answers[question.id] = Answer(question.id, value, draw(TEXT))
    measures = [
        Measure(
            uid=measure_uid,
            description=draw(TEXT),
            grounds=draw(st.lists(st.sampled_from(ground_keys), max_size=3)),
            owner=draw(TEXT),
            deadline=draw(_optional(DATES)),
            status=draw(st.sampled_from(MeasureStatus)),
            followup_note=draw(TEXT),
        )
        for measure_uid in draw(st.lists(UIDS, unique=True, max_size=3))
    ]
    targets = st.sampled_from(["", *ground_keys])
    figures = _optional(
        st.integers(0, 10**9).map(float) | st.floats(0, 100, allow_nan=False, allow_infinity=False)
    )
    statistics = [
        StatisticsTable(
            uid=table_uid,
            target=draw(targets),
            topic=draw(st.sampled_from(StatisticsTopic)),
            label=draw(TEXT),
            unit=draw(st.sampled_from(FigureUnit)),
            women=draw(figures),
            men=draw(figures),
            girls=draw(figures),
            boys=draw(figures),
            other=draw(figures),
            total=draw(figures),
            source=draw(TEXT),
            year=draw(_optional(st.integers(1900, 2999))),
        )
        for table_uid in draw(st.lists(UIDS, unique=True, max_size=2))
    ]
    files = {}
    evidence = []
    for number in range(draw(st.integers(0, 2))):
        data = f"kön;antal\nkvinnor;{number}\n{draw(TEXT)}".encode()
        item = file_evidence(f"fil-{number}.csv", data, draw(targets))
        files[item.sha256] = data
        evidence.append(dataclasses.replace(item, note=draw(TEXT)))
    for kind, reference in draw(
        st.lists(
            st.tuples(st.just(EvidenceKind.RECORD), TEXT.filter(str.strip))
            | st.tuples(st.just(EvidenceKind.LINK), st.just("https://example.org/a?b=c")),
            max_size=2,
        )
    ):
        evidence.append(link_evidence(kind, reference, draw(TEXT), draw(targets)))
    history = [
        StatusChange(
            from_status=draw(_optional(st.sampled_from(Status))),
            to_status=draw(st.sampled_from(Status)),
            actor=draw(TEXT),
            os_user=draw(TEXT),
            at=draw(TIMES),
            comment=draw(TEXT),
            fingerprint=draw(st.text("0123456789abcdef-", max_size=14)),
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    uid = draw(UIDS)
    assessment = Assessment(
        framework_id=framework.id,
        framework_version=framework.version,
        language=draw(st.sampled_from(Language)),
        modules={m.id: m.version for m in modules},
        decision=Decision(
            title=draw(TEXT),
            case_number=draw(TEXT),
            organisation=draw(TEXT),
            unit=draw(TEXT),
            decision_body=draw(TEXT),
            decision_date=draw(_optional(DATES)),
            author=draw(TEXT),
            description=draw(TEXT),
            affected=draw(TEXT),
            affected_groups=draw(st.lists(TEXT, max_size=3)),
            evidence=draw(TEXT),
            evidence_missing=draw(TEXT),
        ),
        grounds=grounds,
        answers=answers,
        measures=measures,
        conclusion=Conclusion(
            outcome=draw(_optional(st.sampled_from(Outcome))),
            justification=draw(TEXT),
            summary=draw(TEXT),
            followup_date=draw(_optional(DATES)),
        ),
        statistics=statistics,
        evidence=evidence,
        status=history[-1].to_status if history else Status.DRAFT,
        uid=uid,
        series_uid=draw(st.just(uid) | UIDS),
        revision=draw(st.integers(1, 50)),
        created=draw(TIMES),
        updated=draw(TIMES),
    )
    evaluations = []
    if assessment.status is Status.APPROVED:
        # An approval records the fingerprint of what it approved (import checks it).
        # Signed by this session's own key, so the approval is verified and stands.
        history = sign_approval(assessment, history)
        evaluations = [
            Evaluation(
                assessment_id=0,
                followup_date=draw(_optional(DATES)),
                evaluated_on=draw(DATES),
                evaluator=draw(TEXT),
                os_user=draw(TEXT),
                recorded_at=draw(TIMES),
                what_happened=draw(TEXT),
                impact=draw(st.sampled_from(ImpactAsExpected)),
                impact_note=draw(TEXT),
                next_followup=draw(_optional(DATES)),
                measures=tuple(
                    MeasureResult(uid, draw(TEXT), draw(st.sampled_from(MeasureStatus)), draw(TEXT))
                    for uid in draw(_measure_uids(assessment))
                ),
            )
            for _ in range(draw(st.integers(0, 2)))
        ]
    return ExchangeDocument(assessment, history, evaluations, files)
