"""Mapping between domain objects and table rows (dictionaries of column values)."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from desktop_app.domain.model import (
    Answer,
    Assessment,
    AssessmentSummary,
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

# Columns of ``assessments`` that hold the step-1 decision fields, same names as Decision.
DECISION_COLUMNS = (
    "title",
    "case_number",
    "organisation",
    "unit",
    "decision_body",
    "decision_date",
    "author",
    "description",
    "affected",
    "affected_groups",
    "evidence",
    "evidence_missing",
)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _opt(enum: type, value: str | None) -> Any:
    return enum(value) if value else None


def assessment_row(a: Assessment) -> dict[str, Any]:
    """The ``assessments`` row, without ``id``, ``created``, ``updated`` and ``version``
    which the repository manages."""
    d, c = a.decision, a.conclusion
    return {
        "uid": a.uid,
        "series_uid": a.series_uid,
        "revision": a.revision,
        "previous_id": a.previous_id,
        "status": a.status.value,
        "language": a.language.value,
        "framework_id": a.framework_id,
        "framework_version": a.framework_version,
        "modules": json.dumps(a.modules, sort_keys=True) if a.modules else "{}",
        "title": d.title,
        "case_number": d.case_number,
        "organisation": d.organisation,
        "unit": d.unit,
        "decision_body": d.decision_body,
        "decision_date": _iso(d.decision_date),
        "author": d.author,
        "description": d.description,
        "affected": d.affected,
        "affected_groups": json.dumps(d.affected_groups, ensure_ascii=False)
        if d.affected_groups
        else "[]",
        "evidence": d.evidence,
        "evidence_missing": d.evidence_missing,
        "outcome": c.outcome.value if c.outcome else None,
        "outcome_justification": c.justification,
        "summary": c.summary,
        "followup_date": _iso(c.followup_date),
    }


def ground_row(g: GroundAssessment) -> dict[str, Any]:
    return {
        "ground_key": g.ground_key,
        "relevance": g.relevance.value,
        "justification": g.justification,
        "direction": g.direction.value if g.direction else None,
        "severity": g.severity.value if g.severity else None,
        "groups_affected": g.groups,
        "evidence": g.evidence,
        "risks": json.dumps([r.value for r in g.risks]) if g.risks else "[]",
        "no_measure_justification": g.no_measure_justification,
    }


def answer_row(a: Answer) -> dict[str, Any]:
    return {"question_id": a.question_id, "value": a.value, "note": a.note}


def measure_row(m: Measure, position: int) -> dict[str, Any]:
    return {
        "uid": m.uid,
        "position": position,
        "description": m.description,
        "grounds": json.dumps(m.grounds) if m.grounds else "[]",
        "owner": m.owner,
        "deadline": _iso(m.deadline),
        "status": m.status.value,
        "followup_note": m.followup_note,
    }


def assessment_from_rows(
    row: dict[str, Any],
    grounds: list[dict[str, Any]],
    answers: list[dict[str, Any]],
    measures: list[dict[str, Any]],
) -> Assessment:
    decision = Decision(
        **{
            name: row[name]
            for name in DECISION_COLUMNS
            if name not in ("decision_date", "affected_groups")
        },
        decision_date=_date(row["decision_date"]),
        affected_groups=json.loads(row["affected_groups"]),
    )
    conclusion = Conclusion(
        outcome=_opt(Outcome, row["outcome"]),
        justification=row["outcome_justification"],
        summary=row["summary"],
        followup_date=_date(row["followup_date"]),
    )
    return Assessment(
        id=row["id"],
        uid=row["uid"],
        series_uid=row["series_uid"],
        revision=row["revision"],
        previous_id=row["previous_id"],
        status=Status(row["status"]),
        language=Language(row["language"]),
        framework_id=row["framework_id"],
        framework_version=row["framework_version"],
        modules=json.loads(row["modules"]),
        decision=decision,
        grounds={g["ground_key"]: _ground(g) for g in grounds},
        answers={
            a["question_id"]: Answer(a["question_id"], a["value"], a["note"]) for a in answers
        },
        measures=[_measure(m) for m in sorted(measures, key=lambda m: m["position"])],
        conclusion=conclusion,
        created=datetime.fromisoformat(row["created"]),
        updated=datetime.fromisoformat(row["updated"]),
        version=row["version"],
    )


def _ground(row: dict[str, Any]) -> GroundAssessment:
    return GroundAssessment(
        ground_key=row["ground_key"],
        relevance=Relevance(row["relevance"]),
        justification=row["justification"],
        direction=_opt(Direction, row["direction"]),
        severity=_opt(Severity, row["severity"]),
        groups=row["groups_affected"],
        evidence=row["evidence"],
        risks=[RiskKind(r) for r in json.loads(row["risks"])],
        no_measure_justification=row["no_measure_justification"],
    )


def _measure(row: dict[str, Any]) -> Measure:
    return Measure(
        uid=row["uid"],
        description=row["description"],
        grounds=json.loads(row["grounds"]),
        owner=row["owner"],
        deadline=_date(row["deadline"]),
        status=MeasureStatus(row["status"]),
        followup_note=row["followup_note"],
    )


SUMMARY_COLUMNS = (
    "id, uid, title, case_number, organisation, unit, decision_body, status, revision, "
    "author, language, framework_id, outcome, created, updated"
)


def summary_from_row(row: dict[str, Any]) -> AssessmentSummary:
    return AssessmentSummary(
        id=row["id"],
        uid=row["uid"],
        title=row["title"],
        case_number=row["case_number"],
        organisation=row["organisation"],
        unit=row["unit"],
        decision_body=row["decision_body"],
        status=Status(row["status"]),
        revision=row["revision"],
        author=row["author"],
        language=Language(row["language"]),
        framework_id=row["framework_id"],
        outcome=_opt(Outcome, row["outcome"]),
        created=datetime.fromisoformat(row["created"]),
        updated=datetime.fromisoformat(row["updated"]),
    )


def status_change_row(assessment_id: int, change: StatusChange) -> dict[str, Any]:
    return {
        "assessment_id": assessment_id,
        "from_status": change.from_status.value if change.from_status else None,
        "to_status": change.to_status.value,
        "actor": change.actor,
        "os_user": change.os_user,
        "at": change.at.isoformat(),
        "comment": change.comment,
        "fingerprint": change.fingerprint,
    }


def status_change_from_row(row: dict[str, Any]) -> StatusChange:
    return StatusChange(
        from_status=_opt(Status, row["from_status"]),
        to_status=Status(row["to_status"]),
        actor=row["actor"],
        os_user=row["os_user"],
        at=datetime.fromisoformat(row["at"]),
        comment=row["comment"],
        fingerprint=row["fingerprint"],
    )
