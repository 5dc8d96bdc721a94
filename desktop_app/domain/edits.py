"""Field paths: one way to name, read and change any editable value of an assessment.

The editor binds each widget to a path, undo records (path, old, new), the completeness
rules point at paths so the UI can jump to a field, and the audit log names them.
Paths are tuples of strings:

- ``("decision", attr)``        e.g. ``("decision", "title")``
- ``("ground", key, attr)``     e.g. ``("ground", "age", "justification")``
- ``("answer", question_id, "value" | "note")``
- ``("measure", uid, attr)``
- ``("conclusion", attr)``
- ``("assessment", "language")``, ``("assessment", "decision_type")``
"""

from __future__ import annotations

import dataclasses
import types
from datetime import date
from enum import StrEnum
from functools import cache
from typing import Any, get_args, get_origin, get_type_hints

from desktop_app.domain.errors import InputError
from desktop_app.domain.model import (
    Answer,
    Assessment,
    Conclusion,
    Decision,
    GroundAssessment,
    Measure,
)

FieldPath = tuple[str, ...]


def _target(assessment: Assessment, path: FieldPath) -> tuple[object, str]:
    """The object holding the field at ``path`` and the attribute name."""
    match path:
        case ("decision", attr):
            return assessment.decision, attr
        case ("ground", key, attr):
            return assessment.ground(key), attr
        case ("answer", question_id, ("value" | "note") as attr):
            return assessment.answer(question_id), attr
        case ("measure", uid, attr):
            try:
                return assessment.measure(uid), attr
            except KeyError:
                raise InputError(f"No measure {uid!r} in this assessment") from None
        case ("conclusion", attr):
            return assessment.conclusion, attr
        case ("assessment", ("language" | "decision_type") as attr):
            return assessment, attr
    raise InputError(f"Unknown field {'.'.join(path)!r}")


_EDITABLE: dict[type, frozenset[str]] = {
    Decision: frozenset(f.name for f in dataclasses.fields(Decision)),
    GroundAssessment: frozenset(f.name for f in dataclasses.fields(GroundAssessment))
    - {"ground_key"},
    Answer: frozenset({"value", "note"}),
    Measure: frozenset(f.name for f in dataclasses.fields(Measure)) - {"uid"},
    Conclusion: frozenset(f.name for f in dataclasses.fields(Conclusion)),
    Assessment: frozenset({"language", "decision_type"}),
}


def get_value(assessment: Assessment, path: FieldPath) -> Any:
    obj, attr = _target(assessment, path)
    if attr not in _EDITABLE[type(obj)]:
        raise InputError(f"Unknown field {'.'.join(path)!r}")
    return getattr(obj, attr)


def set_value(assessment: Assessment, path: FieldPath, value: Any) -> Any:
    """Set the field at ``path`` (checking its type) and return the previous value."""
    obj, attr = _target(assessment, path)
    if attr not in _EDITABLE[type(obj)]:
        raise InputError(f"Unknown field {'.'.join(path)!r}")
    model_class: type = type(obj)
    coerced = coerce_value(field_types(model_class)[attr], value, ".".join(path))
    old = getattr(obj, attr)
    setattr(obj, attr, coerced)
    return old


@cache
def field_types(cls: type) -> dict[str, Any]:
    """The field types of a model class, worked out once: ``get_type_hints`` compiles
    the annotations anew on every call, which would cost every keystroke and import."""
    return get_type_hints(cls)


def coerce_value(hint: Any, value: Any, where: str) -> Any:
    """Turn ``value`` into what a dataclass field typed ``hint`` expects, or refuse it.

    ``where`` names the field in the error message.
    """
    if isinstance(hint, types.UnionType):  # "X | None": the only union the model uses
        if value is None:
            return None
        (hint,) = (arg for arg in get_args(hint) if arg is not type(None))
    try:
        if get_origin(hint) is list:
            (item,) = get_args(hint)
            if not isinstance(value, list):
                raise TypeError(value)
            return [coerce_value(item, v, where) for v in value]
        if isinstance(hint, type) and issubclass(hint, StrEnum):
            return hint(value)
        if hint is date:
            return value if isinstance(value, date) else date.fromisoformat(value)
        if hint in (str, int) and type(value) is not hint:
            raise TypeError(value)
    except (TypeError, ValueError):
        raise InputError(f"{_short(value)} is not a valid value for {where}") from None
    return value


def add_measure(assessment: Assessment, measure: Measure, index: int | None = None) -> int:
    """Insert ``measure`` (at the end by default) and return its position."""
    position = len(assessment.measures) if index is None else index
    assessment.measures.insert(position, measure)
    return position


def remove_measure(assessment: Assessment, uid: str) -> tuple[int, Measure]:
    """Remove a measure; the position and object let undo put it back."""
    for index, measure in enumerate(assessment.measures):
        if measure.uid == uid:
            del assessment.measures[index]
            return index, measure
    raise InputError(f"No measure {uid!r} in this assessment")


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
