"""Domain rules: edits by path, completeness, workflow, serialisation, fingerprint."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime

import pytest

from desktop_app.domain import edits
from desktop_app.domain.completeness import ItemState, find_gaps, ground_state, step_state
from desktop_app.domain.errors import InputError, WorkflowError
from desktop_app.domain.fingerprint import fingerprint
from desktop_app.domain.model import (
    Assessment,
    Direction,
    Measure,
    Outcome,
    Relevance,
    RiskKind,
    Status,
)
from desktop_app.domain.serialize import assessment_from_dict, assessment_to_dict
from desktop_app.domain.workflow import ALLOWED, allowed_targets, change_status
from tests.helpers import complete_assessment

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


# Edits


def test_set_value_coerces_and_returns_old_value() -> None:
    a = Assessment("se-dl", "1.0")
    assert edits.set_value(a, ("decision", "title"), "Ny skolskjuts") == ""
    edits.set_value(a, ("ground", "age", "direction"), "negative")
    edits.set_value(a, ("ground", "age", "risks"), ["harassment"])
    edits.set_value(a, ("conclusion", "followup_date"), "2027-01-31")
    assert a.decision.title == "Ny skolskjuts"
    assert a.grounds["age"].direction is Direction.NEGATIVE
    assert a.grounds["age"].risks == [RiskKind.HARASSMENT]
    assert a.conclusion.followup_date == date(2027, 1, 31)
    assert edits.get_value(a, ("ground", "age", "direction")) is Direction.NEGATIVE


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("decision", "title"), 5),
        (("decision", "nonexistent"), "x"),
        (("ground", "age", "direction"), "sideways"),
        (("ground", "age", "ground_key"), "sex"),
        (("conclusion", "followup_date"), "31/01/2027"),
        (("measure", "no-such-uid", "owner"), "Anna"),
        (("answer", "age.q1", "other"), "x"),
        (("bogus",), "x"),
    ],
)
def test_set_value_refuses_bad_paths_and_values(path, value) -> None:
    a = Assessment("se-dl", "1.0")
    before = copy.deepcopy(a)
    with pytest.raises(InputError):
        edits.set_value(a, path, value)
    assert a.decision == before.decision and a.conclusion == before.conclusion


def test_add_and_remove_measure_keep_positions() -> None:
    a = Assessment("se-dl", "1.0")
    first, second = Measure(description="A"), Measure(description="B")
    edits.add_measure(a, first)
    edits.add_measure(a, second, 0)
    assert [m.description for m in a.measures] == ["B", "A"]
    assert edits.remove_measure(a, second.uid) == (0, second)
    with pytest.raises(InputError):
        edits.remove_measure(a, second.uid)


# Completeness


def test_complete_assessment_has_no_gaps(content) -> None:
    a = complete_assessment(content)
    assert find_gaps(a, [content.checklists.get("se-dl")]) == []


def test_empty_assessment_lists_every_step(content) -> None:
    framework = content.checklists.get("se-dl")
    gaps = find_gaps(Assessment("se-dl", framework.version), [framework])
    assert {g.step for g in gaps} == {"decision", "grounds", "conclusion"}
    assert {g.ground_key for g in gaps if g.step == "grounds"} == {g.key for g in framework.grounds}


@pytest.mark.parametrize(
    ("mutate", "code"),
    [
        (lambda a: setattr(a.grounds["sex"], "justification", " "), "ground.justification.missing"),
        (
            lambda a: setattr(a.grounds["sex"], "relevance", Relevance.UNKNOWN),
            "ground.relevance.missing",
        ),
        (lambda a: setattr(a.grounds["age"], "direction", None), "ground.direction.missing"),
        (lambda a: setattr(a.grounds["age"], "severity", None), "ground.severity.missing"),
        (lambda a: a.measures.clear(), "ground.measure_or_justification.missing"),
        (lambda a: setattr(a.measures[0], "owner", ""), "measure.owner.missing"),
        (lambda a: setattr(a.measures[0], "deadline", None), "measure.deadline.missing"),
        (lambda a: setattr(a.conclusion, "outcome", None), "conclusion.outcome.missing"),
        (
            lambda a: setattr(a.conclusion, "outcome", Outcome.PROCEED_DESPITE_NEGATIVE),
            "conclusion.justification.missing",
        ),
        (lambda a: setattr(a.decision, "evidence", ""), "decision.evidence.missing"),
    ],
)
def test_each_rule_reports_its_gap(content, mutate, code) -> None:
    a = complete_assessment(content)
    mutate(a)
    gaps = find_gaps(a, [content.checklists.get("se-dl")])
    assert [g.code for g in gaps] == [code]


def test_negative_impact_justified_without_measure_is_complete(content) -> None:
    a = complete_assessment(content)
    a.measures.clear()
    a.grounds["age"].no_measure_justification = "Effekten är marginell och tillfällig."
    assert find_gaps(a, [content.checklists.get("se-dl")]) == []


def test_item_states(content) -> None:
    a = complete_assessment(content)
    a.grounds["sex"].justification = ""
    gaps = find_gaps(a, [content.checklists.get("se-dl")])
    assert ground_state(a, "sex", gaps) is ItemState.MISSING
    assert ground_state(a, "religion", gaps) is ItemState.NOT_RELEVANT
    assert ground_state(a, "age", gaps) is ItemState.DONE
    assert step_state("grounds", gaps) is ItemState.MISSING
    assert step_state("measures", gaps) is ItemState.DONE


# Workflow


@pytest.mark.parametrize("frm", list(Status))
@pytest.mark.parametrize("to", list(Status))
def test_only_allowed_transitions_exist(content, frm, to) -> None:
    a = complete_assessment(content)
    a.status = frm
    if (frm, to) in ALLOWED:
        change = change_status(a, to, actor="Anna", os_user="anna", at=NOW, gaps=[])
        assert (change.from_status, change.to_status, a.status) == (frm, to, to)
        assert bool(change.fingerprint) == (to is Status.APPROVED)
    else:
        with pytest.raises(WorkflowError):
            change_status(a, to, actor="Anna", os_user="anna", at=NOW, gaps=[])
        assert a.status is frm


def test_incomplete_assessment_cannot_be_submitted(content) -> None:
    a = Assessment("se-dl", "1.0")
    gaps = find_gaps(a, [content.checklists.get("se-dl")])
    with pytest.raises(WorkflowError, match="not complete"):
        change_status(a, Status.IN_REVIEW, actor="Anna", os_user="anna", at=NOW, gaps=gaps)
    assert a.status is Status.DRAFT


def test_allowed_targets() -> None:
    assert set(allowed_targets(Status.IN_REVIEW)) == {Status.RETURNED, Status.APPROVED}
    assert allowed_targets(Status.DRAFT) == [Status.IN_REVIEW]
    assert allowed_targets(Status.APPROVED) == []


# Serialisation and fingerprint


def test_dict_round_trip_is_exact(content) -> None:
    a = complete_assessment(content)
    a.answer("age.evidence").value = "yes"
    data = assessment_to_dict(a)
    assert assessment_to_dict(assessment_from_dict(data)) == data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("framework"), "missing field 'framework'"),
        (lambda d: d["decision"].update(colour="red"), "unknown field 'colour'"),
        (lambda d: d["grounds"].append(dict(d["grounds"][0])), "appears twice"),
        (lambda d: d["measures"][0].update(deadline="soon"), "measures[0].deadline"),
        (lambda d: d.update(language="de"), "language"),
    ],
)
def test_from_dict_names_the_bad_place(content, change, message) -> None:
    data = assessment_to_dict(complete_assessment(content))
    change(data)
    with pytest.raises(InputError, match=message.replace("[", r"\[").replace("]", r"\]")):
        assessment_from_dict(data)


def test_fingerprint_ignores_register_data_and_storage_order(content) -> None:
    a = complete_assessment(content)
    b = assessment_from_dict(assessment_to_dict(a))
    b.id, b.version, b.status = 99, 7, Status.APPROVED
    b.grounds = dict(reversed(list(b.grounds.items())))
    a.ground("disability")  # touched but empty: same content
    assert fingerprint(a) == fingerprint(b)
    assert len(fingerprint(a)) == 34  # 7 groups of 4 base32 characters: 140 bits


def test_fingerprint_changes_with_any_answer(content) -> None:
    a = complete_assessment(content)
    before = fingerprint(a)
    a.answer("age.evidence").value = "no"
    after_answer = fingerprint(a)
    a.measures[0].owner = "Someone else"
    assert len({before, after_answer, fingerprint(a)}) == 3


def test_fingerprint_is_unicode_normalised(content) -> None:
    a = complete_assessment(content)
    b = complete_assessment(content)
    b.measures[0].uid = a.measures[0].uid
    a.decision.title = "Ska\u0301ne"  # decomposed á
    b.decision.title = "Skáne"
    assert fingerprint(a) == fingerprint(b)


@pytest.mark.parametrize(
    "title",
    [
        "Skåne",  # NFC already: the JSON as it is
        "Ska\u0301ne",  # decomposed
        "\u212b",  # the Ångström sign, which NFC replaces
        "\n\u0303",  # the n of the escaped newline must not take the tilde
        "x\u001a\u0301",  # nor the a of an escaped control character the acute
        'quote " and \\ backslash\u0301',
        "\ufb01 ligature (NFC keeps it) \u0338 <\u0338",
    ],
)
def test_the_canonical_json_is_each_text_normalised(content, title) -> None:
    """The quick path (the JSON as it is, when it is NFC) gives exactly what
    normalising every text one by one gives: fingerprints of stored approvals stand."""
    import json
    import unicodedata

    from desktop_app.domain.fingerprint import canonical_json
    from desktop_app.domain.serialize import content_to_dict

    def each(value):
        if isinstance(value, str):
            return unicodedata.normalize("NFC", value)
        if isinstance(value, list):
            return [each(v) for v in value]
        if isinstance(value, dict):
            return {each(k): each(v) for k, v in value.items()}
        return value

    a = complete_assessment(content)
    a.decision.title = title
    a.measures[0].owner = title
    expected = json.dumps(
        each(content_to_dict(a)), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    assert canonical_json(a) == expected
