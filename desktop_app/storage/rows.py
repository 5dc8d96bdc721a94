"""Mapping between domain objects and table rows (dictionaries of column values).

A value that Lika never writes (a status ``bogus`` put in by a script going around
Lika) must not surface as a KeyError somewhere inside: reading such a row raises
``UnreadableDataError`` naming the assessment and the value, and ``KNOWN_VALUES`` is
what ``lika check`` compares every row against.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, TypeVar

from desktop_app.domain.errors import UnreadableDataError
from desktop_app.domain.evidence import Evidence, EvidenceKind
from desktop_app.domain.model import (
    Answer,
    Assessment,
    Conclusion,
    Decision,
    Direction,
    GroundAssessment,
    Measure,
    MeasureStatus,
    Relevance,
    RiskKind,
    Severity,
    Status,
    StatusChange,
    Trust,
)
from desktop_app.domain.review import CommentTarget, ReviewComment
from desktop_app.domain.statistics import SEX_ROWS, FigureUnit, StatisticsTable, StatisticsTopic
from desktop_app.storage.row_codes import LANGUAGES as LANGUAGES
from desktop_app.storage.row_codes import OUTCOMES as OUTCOMES
from desktop_app.storage.row_codes import STATUSES as STATUSES
from desktop_app.storage.row_codes import by_value as _by_value

E = TypeVar("E")
T = TypeVar("T")


_OPTIONAL_STATUSES: dict[str | None, Status | None] = _by_value(Status, optional=True)
TRUSTS: dict[str, Trust] = _by_value(Trust)

# Per table: the column naming the assessment, and each column holding a choice Lika
# reads as an enum, with what a message calls it and the values it knows.
KNOWN_VALUES: dict[str, tuple[str, tuple[tuple[str, str, Mapping[Any, Any]], ...]]] = {
    "assessments": (
        "id",
        (("status", "status", STATUSES), ("language", "language", LANGUAGES),
         ("outcome", "outcome", OUTCOMES)),
    ),
    "ground_assessments": (
        "assessment_id",
        (("relevance", "ground relevance", _by_value(Relevance)),
         ("direction", "ground direction", _by_value(Direction, optional=True)),
         ("severity", "ground severity", _by_value(Severity, optional=True))),
    ),
    "measures": ("assessment_id", (("status", "measure status", _by_value(MeasureStatus)),)),
    "statistics_tables": (
        "assessment_id",
        (("topic", "statistics topic", _by_value(StatisticsTopic)),
         ("unit", "statistics unit", _by_value(FigureUnit))),
    ),
    "evidence_items": ("assessment_id", (("kind", "kind of evidence", _by_value(EvidenceKind)),)),
    "status_changes": (
        "assessment_id",
        (("to_status", "status in its history", STATUSES),
         ("from_status", "status in its history", _OPTIONAL_STATUSES),
         ("trust", "approval trust", TRUSTS)),
    ),
}  # fmt: skip


def unknown_value(assessment_id: Any, what: str, value: Any) -> UnreadableDataError:
    return UnreadableDataError(
        f"Assessment {assessment_id} has an unknown {what} {value!r}; run lika check"
    )


def known(values: Mapping[Any, E], value: Any, assessment_id: Any, what: str) -> E:
    """``values[value]``, or a message naming the assessment and the unknown value."""
    try:
        return values[value]
    except (KeyError, TypeError):  # TypeError: an unhashable value cannot be stored anyway
        raise unknown_value(assessment_id, what, value) from None


def unreadable(
    assessment_id: Any, rows: Iterable[tuple[str, Mapping[str, Any]]], error: Exception
) -> UnreadableDataError:
    """Why an assessment's rows (``(table, row)`` pairs) did not map: the first value
    ``KNOWN_VALUES`` does not know, else ``error`` itself (a date that is no date…)."""
    for table, row in rows:
        for column, what, values in KNOWN_VALUES.get(table, ("", ()))[1]:
            if column in row and row[column] not in values:
                return unknown_value(assessment_id, what, row[column])
    return UnreadableDataError(
        f"Assessment {assessment_id} cannot be read ({error}); run lika check"
    )


def first_unreadable(
    fetched: Iterable[T],
    build: Callable[[T], object],
    tables_of: Callable[[T], tuple[Any, Sequence[tuple[str, Mapping[str, Any]]]]],
    error: Exception,
) -> UnreadableDataError:
    """Which of a page's ``fetched`` rows did not ``build``, and why: ``tables_of`` gives
    its assessment id and ``(table, row)`` pairs for ``unreadable``. Called only after a
    page failed, so the loop that builds a page stays a plain comprehension."""
    for v in fetched:
        try:
            build(v)
        except (KeyError, TypeError, ValueError) as wrong:
            assessment_id, tables = tables_of(v)
            return unreadable(assessment_id, tables, wrong)
    return UnreadableDataError(f"The register cannot be read ({error}); run lika check")


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
        "decision_type": a.decision_type,
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


def statistics_row(t: StatisticsTable, position: int) -> dict[str, Any]:
    return {
        "uid": t.uid,
        "position": position,
        "target": t.target,
        "topic": t.topic.value,
        "label": t.label,
        "unit": t.unit.value,
        **{row: t.figure(row) for row in SEX_ROWS},
        "total": t.total,
        "source": t.source,
        "year": t.year,
    }


def evidence_row(e: Evidence, position: int) -> dict[str, Any]:
    return {
        "uid": e.uid,
        "position": position,
        "target": e.target,
        "kind": e.kind.value,
        "title": e.title,
        "reference": e.reference,
        "media_type": e.media_type,
        "size": e.size,
        "sha256": e.sha256,
        "note": e.note,
    }


def _statistics(row: dict[str, Any]) -> StatisticsTable:
    return StatisticsTable(
        uid=row["uid"],
        target=row["target"],
        topic=StatisticsTopic(row["topic"]),
        label=row["label"],
        unit=FigureUnit(row["unit"]),
        **{r: (float(row[r]) if row[r] is not None else None) for r in SEX_ROWS},
        total=float(row["total"]) if row["total"] is not None else None,
        source=row["source"],
        year=row["year"],
    )


def _evidence(row: dict[str, Any]) -> Evidence:
    return Evidence(
        uid=row["uid"],
        target=row["target"],
        kind=EvidenceKind(row["kind"]),
        title=row["title"],
        reference=row["reference"],
        media_type=row["media_type"],
        size=row["size"],
        sha256=row["sha256"],
        note=row["note"],
    )


def assessment_from_rows(
    row: dict[str, Any],
    grounds: list[dict[str, Any]],
    answers: list[dict[str, Any]],
    measures: list[dict[str, Any]],
    statistics: list[dict[str, Any]] = (),  # type: ignore[assignment]
    evidence: list[dict[str, Any]] = (),  # type: ignore[assignment]
) -> Assessment:
    """The assessment, or ``UnreadableDataError`` when a row holds what Lika never writes."""
    try:
        assessment = _assessment(row, grounds, answers, measures)
        by_position = sorted(statistics, key=lambda r: r["position"])
        assessment.statistics = [_statistics(r) for r in by_position]
        assessment.evidence = [_evidence(r) for r in sorted(evidence, key=lambda r: r["position"])]
        return assessment
    except (KeyError, TypeError, ValueError) as error:
        tables = [("assessments", row)]
        tables += [("ground_assessments", g) for g in grounds]
        tables += [("measures", m) for m in measures]
        tables += [("statistics_tables", t) for t in statistics]
        tables += [("evidence_items", e) for e in evidence]
        raise unreadable(row["id"], tables, error) from None


def _assessment(
    row: dict[str, Any],
    grounds: list[dict[str, Any]],
    answers: list[dict[str, Any]],
    measures: list[dict[str, Any]],
) -> Assessment:
    ident = row["id"]
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
        outcome=OUTCOMES[row["outcome"]],
        justification=row["outcome_justification"],
        summary=row["summary"],
        followup_date=_date(row["followup_date"]),
    )
    return Assessment(
        id=ident,
        uid=row["uid"],
        series_uid=row["series_uid"],
        revision=row["revision"],
        previous_id=row["previous_id"],
        status=STATUSES[row["status"]],
        language=LANGUAGES[row["language"]],
        framework_id=row["framework_id"],
        framework_version=row["framework_version"],
        modules=json.loads(row["modules"]),
        decision_type=row["decision_type"],
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
        "signature": change.signature,
        "public_key": change.public_key,
        "trust": change.trust.value,
        "role": change.role,
    }


def status_change_from_row(row: dict[str, Any]) -> StatusChange:
    ident, what = row["assessment_id"], "status in its history"
    return StatusChange(
        from_status=known(_OPTIONAL_STATUSES, row["from_status"], ident, what),
        to_status=known(STATUSES, row["to_status"], ident, what),
        actor=row["actor"],
        os_user=row["os_user"],
        at=datetime.fromisoformat(row["at"]),
        comment=row["comment"],
        fingerprint=row["fingerprint"],
        signature=row.get("signature", ""),
        public_key=row.get("public_key", ""),
        trust=known(TRUSTS, row.get("trust", Trust.WITNESSED.value), ident, "approval trust"),
        role=row.get("role") or "",
    )


def comment_row(c: ReviewComment) -> dict[str, Any]:
    """A review comment's row, without its id (the table issues it)."""
    return {
        "assessment_id": c.assessment_id, "target": str(c.target), "text": c.text,
        "author": c.author, "os_user": c.os_user, "created": c.created.isoformat(),
        "addressed_at": c.addressed_at.isoformat() if c.addressed_at else None,
        "addressed_by": c.addressed_by, "reply": c.reply,
    }  # fmt: skip


def comment_from_row(row: Mapping[str, Any]) -> ReviewComment:
    addressed = row["addressed_at"]
    return ReviewComment(
        id=row["id"],
        assessment_id=row["assessment_id"],
        target=CommentTarget.parse(row["target"]),
        text=row["text"],
        author=row["author"],
        os_user=row["os_user"],
        created=datetime.fromisoformat(row["created"]),
        addressed_at=datetime.fromisoformat(addressed) if addressed else None,
        addressed_by=row["addressed_by"],
        reply=row["reply"],
    )


def inserted_id(table: Any) -> int:
    """The rowid sqlite-utils' ``insert`` just gave (it types ``last_pk`` as optional)."""
    pk = table.last_pk
    if not isinstance(pk, int):
        raise TypeError(f"no rowid after an insert into {table.name}")
    return pk
