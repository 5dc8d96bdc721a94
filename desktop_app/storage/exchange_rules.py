"""What the exchange schema cannot say: dates that exist and are in range, and an
assessment that fits the checklists installed here.

Each function takes the schema-valid raw dictionary and yields ``(where, problem)``,
``where`` being the place in the file (``assessment.grounds[3].ground_key``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, datetime
from typing import Any

from desktop_app.domain.checklist import ANSWER_VALUES, Checklist, ChecklistKind, QuestionType

# The editor's date fields reach from the day after their "no date" marker
# (1 January 1900) to the end of year 9999; anything it can hold, a file may hold.
EARLIEST_DATE = date(1900, 1, 2)
LATEST_DATE = date(9999, 12, 31)
# Register timestamps come from the clock; these bounds keep local-time conversions safe.
EARLIEST_TIME_YEAR, LATEST_TIME_YEAR = 1970, 2999

Problem = tuple[str, str]


def _date(value: str | None, where: str) -> Iterator[Problem]:
    if value is None:
        return
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        yield where, f"{value!r} is not a date that exists"
        return
    if not EARLIEST_DATE <= parsed <= LATEST_DATE:
        yield (
            where,
            (f"{value} is out of range ({EARLIEST_DATE.isoformat()} to {LATEST_DATE.isoformat()})"),
        )


def _timestamp(value: str, where: str) -> Iterator[Problem]:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        yield where, f"{value!r} is not a date and time that exists"
        return
    if not EARLIEST_TIME_YEAR <= parsed.year <= LATEST_TIME_YEAR:
        yield where, (f"{value} is out of range (years {EARLIEST_TIME_YEAR} to {LATEST_TIME_YEAR})")


def check_ranges(
    assessment: dict[str, Any],
    history: list[dict[str, Any]],
    evaluations: list[dict[str, Any]] = (),  # type: ignore[assignment]
) -> Iterator[Problem]:
    """Every date and time in the file parses and lies in range."""
    base = "assessment"
    yield from _timestamp(assessment["created"], f"{base}.created")
    yield from _timestamp(assessment["updated"], f"{base}.updated")
    decision, conclusion = assessment["decision"], assessment["conclusion"]
    yield from _date(decision["decision_date"], f"{base}.decision.decision_date")
    yield from _date(conclusion["followup_date"], f"{base}.conclusion.followup_date")
    for index, measure in enumerate(assessment["measures"]):
        yield from _date(measure["deadline"], f"{base}.measures[{index}].deadline")
    for index, change in enumerate(history):
        yield from _timestamp(change["at"], f"history[{index}].at")
    for index, evaluation in enumerate(evaluations):
        where = f"evaluations[{index}]"
        yield from _date(evaluation["evaluated_on"], f"{where}.evaluated_on")
        yield from _date(evaluation["followup_date"], f"{where}.followup_date")
        yield from _date(evaluation["next_followup"], f"{where}.next_followup")
        yield from _timestamp(evaluation["recorded_at"], f"{where}.recorded_at")


def check_evaluations(
    assessment: dict[str, Any], evaluations: list[dict[str, Any]]
) -> Iterator[Problem]:
    """Evaluations follow a decision that was taken: only an approved assessment has
    them, and each names a measure of this assessment, at most once."""
    if evaluations and assessment["status"] != "approved":
        yield (
            "evaluations",
            (f"only an approved assessment has evaluations (this one is {assessment['status']!r})"),
        )
    known = {m["uid"] for m in assessment["measures"]}
    for index, evaluation in enumerate(evaluations):
        uids = [m["measure_uid"] for m in evaluation["measures"]]
        if len(set(uids)) != len(uids):
            yield f"evaluations[{index}].measures", "a measure appears twice"
        for place, uid in enumerate(uids):
            if uid not in known:
                yield (
                    f"evaluations[{index}].measures[{place}].measure_uid",
                    f"names the measure {uid!r}, which this assessment does not have",
                )


def _checklists_used(
    assessment: dict[str, Any], checklists: Mapping[str, Checklist]
) -> tuple[list[Checklist], list[Problem]]:
    used: list[Checklist] = []
    problems: list[Problem] = []
    framework_id = assessment["framework"]["id"]
    framework = checklists.get(framework_id)
    where = "assessment.framework.id"
    if framework is None:
        problems.append((where, f"unknown checklist {framework_id!r} (not installed here)"))
    elif framework.kind is not ChecklistKind.FRAMEWORK:
        problems.append((where, f"{framework_id!r} is a module, not a law's checklist"))
    else:
        used.append(framework)
    for module_id in assessment["modules"]:
        module = checklists.get(module_id)
        where = f"assessment.modules.{module_id}"
        if module is None:
            problems.append((where, f"unknown checklist module {module_id!r} (not installed here)"))
        elif module.kind is not ChecklistKind.MODULE:
            problems.append((where, f"{module_id!r} is not a module"))
        else:
            used.append(module)
    return used, problems


def check_against_checklists(
    assessment: dict[str, Any], checklists: Mapping[str, Checklist]
) -> Iterator[Problem]:
    """Grounds, questions and answers all belong to the checklists the file names.

    An answer to a question this version of a checklist no longer has is kept (the
    assessment may predate a content update); a ground the checklists do not have is not.
    """
    used, problems = _checklists_used(assessment, checklists)
    if problems:
        yield from problems
        return
    names = " and ".join(f"{c.id} {c.version}" for c in used)
    grounds = {g.key for c in used for g in c.grounds}
    questions = {q.id: q for c in used for q in c.questions()}
    seen: set[str] = set()
    for index, ground in enumerate(assessment["grounds"]):
        key, where = ground["ground_key"], f"assessment.grounds[{index}].ground_key"
        if key not in grounds:
            yield where, f"unknown ground {key!r} (not in {names})"
        if key in seen:
            yield where, f"the ground {key!r} appears twice"
        seen.add(key)
    for index, measure in enumerate(assessment["measures"]):
        for g_index, key in enumerate(measure["grounds"]):
            if key not in grounds:
                where = f"assessment.measures[{index}].grounds[{g_index}]"
                yield where, f"unknown ground {key!r} (not in {names})"
    seen = set()
    for index, answer in enumerate(assessment["answers"]):
        qid, where = answer["question_id"], f"assessment.answers[{index}]"
        if qid.split(".", 1)[0] not in grounds:
            yield f"{where}.question_id", f"{qid!r} is not a question of a ground in {names}"
        if qid in seen:
            yield f"{where}.question_id", f"the question {qid!r} is answered twice"
        seen.add(qid)
        question = questions.get(qid)
        value = answer["value"]
        if question is None or not value:
            continue
        allowed: tuple[str, ...] | None = None
        if question.type is QuestionType.YES_NO_UNSURE:
            allowed = ANSWER_VALUES
        elif question.type is QuestionType.CHOICE:
            allowed = tuple(c.key for c in question.choices)
        if allowed is not None and value not in allowed:
            yield (
                f"{where}.value",
                (f"{value[:40]!r} is not an answer to {qid!r} (one of {', '.join(allowed)})"),
            )
    for kind in ("statistics", "evidence"):
        seen = set()
        for index, item in enumerate(assessment[kind]):
            where = f"assessment.{kind}[{index}]"
            if item["target"] and item["target"] not in grounds:
                yield f"{where}.target", f"unknown ground {item['target']!r} (not in {names})"
            if item["uid"] in seen:
                yield f"{where}.uid", "two entries have the same uid"
            seen.add(item["uid"])
    uids: set[str] = set()
    for index, measure in enumerate(assessment["measures"]):
        if measure["uid"] in uids:
            yield f"assessment.measures[{index}].uid", "two measures have the same uid"
        uids.add(measure["uid"])
