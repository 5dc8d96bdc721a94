"""Side-by-side comparison of two revisions (or any two assessments).

Unlike ``merge.changes`` (only what differs, with raw values) this lists every field
and answer of both, in the order the PDF shows them, with display text for each side,
so the comparison view can show the whole assessment and highlight what changed.
Values are shown raw (enum values such as "negative"); the GUI translates them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from desktop_app.domain.merge import GROUND_FIELDS, ITEM_LISTS, MEASURE_FIELDS
from desktop_app.domain.model import Answer, Assessment, Conclusion, Decision, GroundAssessment


@dataclass(frozen=True)
class DiffRow:
    """One field in both versions. ``path`` is a FieldPath, or ``("measure", uid)`` for
    a measure that exists on one side only (its description as the text), or
    ``("assessment", "status" | "revision")`` in the "status" section."""

    section: str
    path: tuple[str, ...]
    left: str
    right: str

    @property
    def changed(self) -> bool:
        return self.left != self.right


def display(value: Any) -> str:
    """The text of a value as the comparison (and the audit log) shows it."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(display(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k} {v}" for k, v in sorted(value.items()))
    if dataclasses.is_dataclass(value) and hasattr(value, "description"):
        return str(value.description)
    return str(value)


def _ordered(keys: Iterable[str], preferred: Sequence[str]) -> list[str]:
    """``keys`` in the order of ``preferred`` (checklist order), the rest sorted after."""
    wanted = set(keys)
    first = [k for k in dict.fromkeys(preferred) if k in wanted]
    return first + sorted(wanted - set(first))


def compare(
    left: Assessment,
    right: Assessment,
    *,
    ground_order: Sequence[str] = (),
    question_order: Sequence[str] = (),
) -> list[DiffRow]:
    """Every field and answer of both, in step order; ``changed`` flags the differences.

    Grounds and questions follow ``ground_order`` / ``question_order`` (the
    checklists' order) when given, else their keys' order.
    """
    found: list[DiffRow] = []

    def row(section: str, path: tuple[str, ...], old: Any, new: Any) -> None:
        found.append(DiffRow(section, path, display(old), display(new)))

    for f in dataclasses.fields(Decision):
        row("decision", ("decision", f.name), *(getattr(a.decision, f.name) for a in (left, right)))
    row("decision", ("assessment", "language"), left.language, right.language)
    row("decision", ("assessment", "decision_type"), left.decision_type, right.decision_type)
    row("decision", ("assessment", "modules"), left.modules, right.modules)

    for key in _ordered(left.grounds.keys() | right.grounds.keys(), ground_order):
        sides = [a.grounds.get(key, GroundAssessment(key)) for a in (left, right)]
        for name in GROUND_FIELDS:
            row("grounds", ("ground", key, name), *(getattr(g, name) for g in sides))

    for qid in _ordered(left.answers.keys() | right.answers.keys(), question_order):
        sides_a = [a.answers.get(qid, Answer(qid)) for a in (left, right)]
        for name in ("value", "note"):
            row("answers", ("answer", qid, name), *(getattr(x, name) for x in sides_a))

    by_uid = [{m.uid: m for m in a.measures} for a in (left, right)]
    uids = [m.uid for m in left.measures] + [
        m.uid for m in right.measures if m.uid not in by_uid[0]
    ]
    for uid in uids:
        old, new = by_uid[0].get(uid), by_uid[1].get(uid)
        if old is None or new is None:
            row("measures", ("measure", uid), old, new)
        for name in MEASURE_FIELDS:
            row(
                "measures",
                ("measure", uid, name),
                getattr(old, name) if old else None,
                getattr(new, name) if new else None,
            )

    # Statistics tables and evidence, each as a whole (figures, or name and hash).
    for kind in ITEM_LISTS:
        items = [{item.uid: item for item in getattr(a, kind)} for a in (left, right)]
        for uid in dict.fromkeys([*items[0], *items[1]]):
            row(kind, (kind, uid), items[0].get(uid), items[1].get(uid))

    for f in dataclasses.fields(Conclusion):
        row(
            "conclusion",
            ("conclusion", f.name),
            *(getattr(a.conclusion, f.name) for a in (left, right)),
        )
    row("status", ("assessment", "status"), left.status, right.status)
    row("status", ("assessment", "revision"), left.revision, right.revision)
    return found
