"""Assessments as plain JSON-ready dictionaries, and back.

One mapping serves the exchange file, the demo data, the fingerprint and the
comparison of revisions, so they can never disagree about what an assessment holds.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from enum import Enum
from typing import Any

from desktop_app.domain.edits import coerce_value, field_types
from desktop_app.domain.errors import InputError
from desktop_app.domain.evidence import evidence_from_dict, evidence_to_dict
from desktop_app.domain.model import (
    Answer,
    Assessment,
    Conclusion,
    Decision,
    GroundAssessment,
    Language,
    Measure,
    Status,
)
from desktop_app.domain.statistics import table_from_dict, table_to_dict

# Fields that describe the register entry rather than what the caseworker wrote.
RECORD_FIELDS = ("uid", "series_uid", "revision", "status", "created", "updated")


# Values that are plain already: the common case, answered before any isinstance (an
# exact type test: a StrEnum is a str too, and must become its value).
_AS_IS = frozenset({str, int, float, bool, type(None)})


def _plain(value: Any) -> Any:
    if type(value) in _AS_IS:
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _part_to_dict(obj: object) -> dict[str, Any]:
    # The field names of each dataclass, looked up once (``lika check`` serialises every
    # approved assessment of the register).
    names = _FIELD_NAMES.get(type(obj))
    if names is None:
        names = _FIELD_NAMES[type(obj)] = tuple(f.name for f in dataclasses.fields(obj))  # type: ignore[arg-type]
    return {name: _plain(getattr(obj, name)) for name in names}


def content_to_dict(assessment: Assessment) -> dict[str, Any]:
    """What the caseworker wrote, in a canonical order, without register data.

    Grounds and answers that were never touched are left out, so an untouched
    ground and a missing one serialise alike. Statistics and evidence appear only when
    there are some, so that the fingerprint of an assessment from before they existed
    (and of its approval) stays what it was.
    """
    empty_ground = _part_to_dict(GroundAssessment(ground_key=""))
    grounds = [
        part
        for part in (_part_to_dict(g) for _, g in sorted(assessment.grounds.items()))
        if {**part, "ground_key": ""} != empty_ground
    ]
    answers = [_part_to_dict(a) for _, a in sorted(assessment.answers.items()) if a.value or a.note]
    # Only when chosen: an assessment without a type serialises (and so fingerprints)
    # exactly as before decision types existed.
    decision_type = {"decision_type": assessment.decision_type} if assessment.decision_type else {}
    content: dict[str, Any] = {
        "language": assessment.language.value,
        "framework": {"id": assessment.framework_id, "version": assessment.framework_version},
        "modules": dict(sorted(assessment.modules.items())),
        **decision_type,
        "decision": _part_to_dict(assessment.decision),
        "grounds": grounds,
        "answers": answers,
        "measures": [_part_to_dict(m) for m in assessment.measures],
        "conclusion": _part_to_dict(assessment.conclusion),
    }
    if assessment.statistics:
        content["statistics"] = [table_to_dict(t) for t in assessment.statistics]
    if assessment.evidence:
        content["evidence"] = [evidence_to_dict(e) for e in assessment.evidence]
    return content


def assessment_to_dict(assessment: Assessment) -> dict[str, Any]:
    """The whole assessment: register data first, then the content."""
    record = {name: _plain(getattr(assessment, name)) for name in RECORD_FIELDS}
    whole = {**record, **content_to_dict(assessment)}
    whole.setdefault("statistics", [])
    whole.setdefault("evidence", [])
    return whole


def _build(cls: type, data: Any, where: str) -> Any:
    """A dataclass from a dictionary, refusing unknown keys and wrong types."""
    if not isinstance(data, dict):
        raise InputError(f"{where} must be an object")
    hints = field_types(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    unknown = sorted(set(data) - names)
    if unknown:
        raise InputError(f"{where}: unknown field {unknown[0]!r}")
    values = {key: coerce_value(hints[key], value, f"{where}.{key}") for key, value in data.items()}
    try:
        return cls(**values)
    except TypeError as error:  # a required field is missing
        raise InputError(f"{where}: {error}") from None


def _require(data: dict[str, Any], key: str, where: str) -> Any:
    if key not in data:
        raise InputError(f"{where}: missing field {key!r}")
    return data[key]


def assessment_from_dict(data: dict[str, Any]) -> Assessment:
    """The inverse of ``assessment_to_dict``; raises ``InputError`` naming the bad place."""
    if not isinstance(data, dict):
        raise InputError("assessment must be an object")
    framework = _require(data, "framework", "assessment")
    if not isinstance(framework, dict):
        raise InputError("assessment.framework must be an object")
    grounds = [
        _build(GroundAssessment, g, f"grounds[{i}]") for i, g in enumerate(data.get("grounds", []))
    ]
    answers = [_build(Answer, a, f"answers[{i}]") for i, a in enumerate(data.get("answers", []))]
    measures = [
        _build(Measure, m, f"measures[{i}]") for i, m in enumerate(data.get("measures", []))
    ]
    assessment = Assessment(
        framework_id=coerce_value(str, _require(framework, "id", "framework"), "framework.id"),
        framework_version=coerce_value(
            str, _require(framework, "version", "framework"), "framework.version"
        ),
        language=coerce_value(Language, data.get("language", "sv"), "language"),
        modules={
            coerce_value(str, k, "modules"): coerce_value(str, v, f"modules.{k}")
            for k, v in data.get("modules", {}).items()
        },
        decision_type=coerce_value(str, data.get("decision_type", ""), "decision_type"),
        decision=_build(Decision, data.get("decision", {}), "decision"),
        grounds={g.ground_key: g for g in grounds},
        answers={a.question_id: a for a in answers},
        measures=measures,
        conclusion=_build(Conclusion, data.get("conclusion", {}), "conclusion"),
        statistics=[
            table_from_dict(t, f"statistics[{i}]") for i, t in enumerate(_list(data, "statistics"))
        ],
        evidence=[
            evidence_from_dict(e, f"evidence[{i}]") for i, e in enumerate(_list(data, "evidence"))
        ],
        status=coerce_value(Status, data.get("status", "draft"), "status"),
        revision=coerce_value(int, data.get("revision", 1), "revision"),
    )
    if "uid" in data:
        assessment.uid = coerce_value(str, data["uid"], "uid")
    assessment.series_uid = coerce_value(str, data.get("series_uid", assessment.uid), "series_uid")
    for name in ("created", "updated"):
        if data.get(name):
            try:
                setattr(assessment, name, datetime.fromisoformat(data[name]))
            except (TypeError, ValueError):
                raise InputError(f"{name}: {data[name]!r} is not a date and time") from None
    if len(grounds) != len(assessment.grounds):
        raise InputError("grounds: the same ground appears twice")
    if len(answers) != len(assessment.answers):
        raise InputError("answers: the same question is answered twice")
    if len({m.uid for m in measures}) != len(measures):
        raise InputError("measures: two measures have the same uid")
    for name in ("statistics", "evidence"):
        items = getattr(assessment, name)
        if len({item.uid for item in items}) != len(items):
            raise InputError(f"{name}: two entries have the same uid")
    return assessment


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise InputError(f"{key} must be a list")
    return value
