"""Field-by-field differences between two versions of an assessment, and carrying one
person's changes over onto another version.

When a save is refused because someone else saved the same assessment meanwhile, the
window shows the fields that differ and can keep the user's own edits on top of the
other person's version: only the fields the user changed are carried over, so edits
to other fields by the other person survive.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass
from typing import Any

from desktop_app.domain import edits
from desktop_app.domain.edits import FieldPath
from desktop_app.domain.model import (
    Answer,
    Assessment,
    Conclusion,
    Decision,
    GroundAssessment,
    Measure,
)

MEASURE_FIELDS = tuple(f.name for f in dataclasses.fields(Measure) if f.name != "uid")
GROUND_FIELDS = tuple(
    f.name for f in dataclasses.fields(GroundAssessment) if f.name != "ground_key"
)
# Lists of immutable items, each changed as a whole: a change's path is (list, uid).
ITEM_LISTS = ("statistics", "evidence")


@dataclass(frozen=True)
class FieldChange:
    """One field that differs. A measure added or removed as a whole has the path
    ``("measure", uid)`` and a ``Measure`` (or None) as its values."""

    path: FieldPath
    old: Any
    new: Any


def snapshot(assessment: Assessment) -> Assessment:
    """An independent copy, ten times faster than ``copy.deepcopy`` (taken after
    every autosave, so it must be cheap). Every list and dict is copied; the rest of
    the values are immutable."""
    d = assessment.decision
    return dataclasses.replace(
        assessment,
        modules=dict(assessment.modules),
        decision=dataclasses.replace(d, affected_groups=list(d.affected_groups)),
        grounds={
            k: dataclasses.replace(g, risks=list(g.risks)) for k, g in assessment.grounds.items()
        },
        answers={k: dataclasses.replace(a) for k, a in assessment.answers.items()},
        measures=[dataclasses.replace(m, grounds=list(m.grounds)) for m in assessment.measures],
        conclusion=dataclasses.replace(assessment.conclusion),
        statistics=list(assessment.statistics),  # the items are immutable
        evidence=list(assessment.evidence),
    )


def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def changes(before: Assessment, after: Assessment) -> list[FieldChange]:
    """Every field whose value differs from ``before`` to ``after``, in editor order."""
    found: list[FieldChange] = []

    def compare(path: FieldPath, old: Any, new: Any) -> None:
        if old != new:
            found.append(FieldChange(path, old, new))

    for name in _names(Decision):
        compare(("decision", name), getattr(before.decision, name), getattr(after.decision, name))
    compare(("assessment", "language"), before.language, after.language)
    compare(("assessment", "decision_type"), before.decision_type, after.decision_type)
    compare(("assessment", "modules"), before.modules, after.modules)
    for key in sorted(before.grounds.keys() | after.grounds.keys()):
        old_ground = before.grounds.get(key, GroundAssessment(key))
        new_ground = after.grounds.get(key, GroundAssessment(key))
        for name in GROUND_FIELDS:
            compare(("ground", key, name), getattr(old_ground, name), getattr(new_ground, name))
    for qid in sorted(before.answers.keys() | after.answers.keys()):
        old_answer = before.answers.get(qid, Answer(qid))
        new_answer = after.answers.get(qid, Answer(qid))
        for name in ("value", "note"):
            compare(("answer", qid, name), getattr(old_answer, name), getattr(new_answer, name))
    old_measures = {m.uid: m for m in before.measures}
    new_measures = {m.uid: m for m in after.measures}
    for measure in before.measures:
        if measure.uid not in new_measures:
            found.append(FieldChange(("measure", measure.uid), measure, None))
    for measure in after.measures:
        old = old_measures.get(measure.uid)
        if old is None:
            found.append(FieldChange(("measure", measure.uid), None, measure))
            continue
        for name in MEASURE_FIELDS:
            compare(("measure", measure.uid, name), getattr(old, name), getattr(measure, name))
    for name in _names(Conclusion):
        compare(
            ("conclusion", name), getattr(before.conclusion, name), getattr(after.conclusion, name)
        )
    for kind in ITEM_LISTS:
        old_items = {item.uid: item for item in getattr(before, kind)}
        new_items = {item.uid: item for item in getattr(after, kind)}
        for uid in dict.fromkeys([*old_items, *new_items]):
            compare((kind, uid), old_items.get(uid), new_items.get(uid))
    return found


def _apply_item(target: Assessment, change: FieldChange) -> None:
    kind, uid = change.path
    items = getattr(target, kind)
    index = next((i for i, item in enumerate(items) if item.uid == uid), None)
    if change.new is None:
        if index is not None:
            del items[index]
    elif index is None:
        items.append(change.new)
    else:
        items[index] = change.new


def apply_changes(target: Assessment, to_apply: list[FieldChange]) -> list[FieldChange]:
    """Make the ``to_apply`` changes to ``target``; returns those that no longer fit
    (an edit to a measure that the other version removed)."""
    skipped: list[FieldChange] = []
    for change in to_apply:
        path = change.path
        if path == ("assessment", "modules"):
            target.modules = dict(change.new)
        elif path[0] in ITEM_LISTS:
            _apply_item(target, change)
        elif path[0] == "measure" and len(path) == 2:
            present = any(m.uid == path[1] for m in target.measures)
            if change.new is None and present:
                edits.remove_measure(target, path[1])
            elif change.new is not None and not present:
                edits.add_measure(target, copy.deepcopy(change.new))
        elif path[0] == "measure" and not any(m.uid == path[1] for m in target.measures):
            skipped.append(change)
        else:
            edits.set_value(target, path, copy.deepcopy(change.new))
    return skipped


def rebase(base: Assessment, mine: Assessment, theirs: Assessment) -> Assessment:
    """``theirs`` with the changes from ``base`` to ``mine`` made on top (mine win
    where both changed the same field), keeping ``theirs``'s version for the next save."""
    merged = snapshot(theirs)
    skipped = apply_changes(merged, changes(base, mine))
    # They deleted a measure this user was still editing: keep the user's text.
    for uid in dict.fromkeys(change.path[1] for change in skipped):
        edits.add_measure(merged, copy.deepcopy(mine.measure(uid)))
    return merged
