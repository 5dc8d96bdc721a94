"""Domain rules of review and sign-off: transitions, comment targets, the audit chain
and the side-by-side comparison of revisions."""

from __future__ import annotations

import copy
import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from desktop_app.domain.audit import (
    GENESIS_HASH,
    AuditAction,
    AuditChange,
    AuditEntry,
    entry_hash,
    hash_of,
    shorten,
    verify_chain,
)
from desktop_app.domain.completeness import find_gaps
from desktop_app.domain.diff import compare
from desktop_app.domain.errors import InputError, WorkflowError
from desktop_app.domain.fingerprint import content_digest
from desktop_app.domain.model import (
    Assessment,
    Direction,
    Measure,
    MeasureStatus,
    Status,
    StatusChange,
)
from desktop_app.domain.review import (
    ApprovalRecord,
    CommentTarget,
    CommentTargetKind,
    ReviewComment,
    approval_record,
    check_target,
    decisive_change,
    is_self_approval,
    same_person,
    submitter,
)
from desktop_app.domain.workflow import ALLOWED, Lock, change_status, lock
from tests.helpers import complete_assessment

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)

# Workflow: the full table of transitions is in test_domain; these are the other refusals.

EXPECTED_ALLOWED = {
    ("draft", "in_review"),
    ("in_review", "approved"),
    ("in_review", "returned"),
    ("returned", "draft"),
}


def test_allowed_transitions_are_exactly_the_documented_ones() -> None:
    assert {(a.value, b.value) for a, b in ALLOWED} == EXPECTED_ALLOWED


@pytest.mark.parametrize("to", [Status.IN_REVIEW, Status.APPROVED])
def test_incomplete_assessment_cannot_be_submitted_or_approved(content, to) -> None:
    a = complete_assessment(content)
    a.status = Status.DRAFT if to is Status.IN_REVIEW else Status.IN_REVIEW
    frm = a.status
    a.decision.title = ""
    gaps = find_gaps(a, [content.checklists.get("se-dl")])
    with pytest.raises(WorkflowError, match=r"not complete.*decision\.title"):
        change_status(a, to, actor="Anna", os_user="anna", at=NOW, gaps=gaps)
    assert a.status is frm


@pytest.mark.parametrize(("frm", "to"), sorted(ALLOWED))
def test_every_allowed_transition_needs_an_actor(content, frm, to) -> None:
    a = complete_assessment(content)
    a.status = frm
    with pytest.raises(WorkflowError, match="name of the person"):
        change_status(a, to, actor="  ", os_user="anna", at=NOW, gaps=[])
    assert a.status is frm


def test_returning_an_incomplete_assessment_is_allowed(content) -> None:
    a = Assessment("se-dl", "1.0", status=Status.IN_REVIEW)
    change = change_status(a, Status.RETURNED, actor="Bo", os_user="bo", at=NOW, gaps=["gap"])  # type: ignore[list-item]
    assert change.to_status is Status.RETURNED and change.fingerprint == ""


def test_approval_stores_the_fingerprint_of_the_content(content) -> None:
    a = complete_assessment(content)
    a.status = Status.IN_REVIEW
    change = change_status(a, Status.APPROVED, actor="Bo", os_user="bo", at=NOW, gaps=[])
    assert change.fingerprint == content_digest(a) and len(change.fingerprint) == 64


@pytest.mark.parametrize(
    ("status", "editable"),
    [
        (Status.DRAFT, True),
        (Status.RETURNED, True),
        (Status.IN_REVIEW, False),
        (Status.APPROVED, False),
    ],
)
def test_only_drafts_and_returned_ones_are_editable(status, editable) -> None:
    a = Assessment("se-dl", "1.0", status=status)
    assert (lock(a) is Lock.OPEN) is editable
    assert (lock(a) is Lock.APPROVED) is (status is Status.APPROVED)


# Comment targets


@pytest.mark.parametrize(
    "target",
    [
        CommentTarget.step("decision"),
        CommentTarget.step("conclusion"),
        CommentTarget.ground("age"),
        CommentTarget.measure("5f0c-uid"),
    ],
)
def test_comment_target_round_trips(target) -> None:
    assert CommentTarget.parse(str(target)) == target


def test_comment_target_text() -> None:
    assert str(CommentTarget.step("decision")) == "step:decision"
    assert CommentTarget.parse(" ground:age ") == CommentTarget(CommentTargetKind.GROUND, "age")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("decision", "not a comment target"),
        ("step:", "not a comment target"),
        ("field:title", "Unknown comment target kind"),
        ("step:answers", "Unknown step"),
        ("", "not a comment target"),
    ],
)
def test_bad_comment_targets_are_refused(text, message) -> None:
    with pytest.raises(InputError, match=message):
        CommentTarget.parse(text)
    with pytest.raises(ValueError, match=message):
        CommentTarget.parse(text)


def test_target_must_exist_in_the_assessment(content) -> None:
    a = complete_assessment(content)
    uid = a.measures[0].uid
    check_target(a, CommentTarget.measure(uid), [])
    check_target(a, CommentTarget.ground("religion"), ["religion"])
    check_target(a, CommentTarget.step("measures"), [])
    with pytest.raises(InputError, match="no measure"):
        check_target(a, CommentTarget.measure("nope"), [])
    with pytest.raises(InputError, match="no ground"):
        check_target(a, CommentTarget.ground("hair_colour"), ["age"])


def test_comment_addressed_and_self_approval() -> None:
    comment = ReviewComment(1, 1, CommentTarget.step("decision"), "x", "Bo", "bo", NOW)
    assert not comment.addressed
    assert dataclasses.replace(comment, addressed_at=NOW).addressed
    record = ApprovalRecord(" anna ", "anna", NOW, "abcd-ef01-2345", "Anna", "")
    assert record.self_approved
    assert not dataclasses.replace(record, approver="Bo").self_approved
    titled = dataclasses.replace(record, approver="Ivar Ŧorgá", author="Ivar Ŧorgá, utredare")
    assert titled.self_approved
    assert not dataclasses.replace(titled, approver="Utredare").self_approved


COMPOSED = "M\u00e1ret \u014auolja"  # "á" as one code point
DECOMPOSED = "Ma\u0301ret \u014auolja"  # "a" followed by a combining acute accent


def test_a_name_is_the_same_person_however_it_was_typed() -> None:
    assert COMPOSED != DECOMPOSED
    assert same_person(COMPOSED, DECOMPOSED)
    assert same_person("MA\u0301RET  \u014bUOLJA", COMPOSED)  # case and a double space
    assert same_person(" Máret\t\u00a0Ŋuolja ", COMPOSED)  # a tab, a no-break space
    assert not same_person("Mare\u0301t Ŋuolja", COMPOSED)  # the accent on another letter
    assert not same_person("MáretŊuolja", COMPOSED)  # words run together: another name
    assert not same_person("", "") and not same_person("  ", "")  # nobody is nobody


def test_self_approval_by_the_author_however_the_name_was_typed() -> None:
    assert is_self_approval(DECOMPOSED, f"{COMPOSED}, utredare", "")
    assert is_self_approval("máret  ŋuolja", COMPOSED, "")
    record = ApprovalRecord(DECOMPOSED, "maret", NOW, "abcd-ef01-2345", f"  {COMPOSED}  ", "")
    assert record.self_approved


def _change(old: Status | None, new: Status, actor: str) -> StatusChange:
    return StatusChange(old, new, actor, actor.lower(), NOW, "", "")


def test_the_submitter_is_the_last_to_send_it_from_draft_to_review() -> None:
    history = [
        _change(Status.DRAFT, Status.IN_REVIEW, "Ája"),
        _change(Status.IN_REVIEW, Status.RETURNED, "Bo"),
        _change(Status.RETURNED, Status.DRAFT, "Cecilia"),
        _change(Status.DRAFT, Status.IN_REVIEW, "Cecilia"),
    ]
    assert submitter(history) == "Cecilia"
    assert submitter(history[:3]) == "Ája"
    assert submitter([]) == ""


def test_approving_what_you_submitted_is_self_approval_whoever_the_author_is(content) -> None:
    a = complete_assessment(content)
    a.decision.author = "Ivar Ŧorgá, utredare"
    a.status = Status.APPROVED
    history = [
        _change(Status.DRAFT, Status.IN_REVIEW, COMPOSED),
        _change(Status.IN_REVIEW, Status.APPROVED, DECOMPOSED.upper()),
    ]
    record = approval_record(a, history)
    assert record is not None and record.submitter == COMPOSED
    assert record.self_approved
    assert is_self_approval(DECOMPOSED, "Ivar Ŧorgá, utredare", COMPOSED)
    # Submitted by another: the approver is neither author nor submitter.
    other = [_change(Status.DRAFT, Status.IN_REVIEW, "Ivar Ŧorgá"), history[1]]
    found = approval_record(a, other)
    assert found is not None and not found.self_approved


def test_fingerprint_as_typed_from_paper() -> None:
    from desktop_app.domain.fingerprint import Given, read_given

    assert read_given("ABCD EF01-2345") == (Given.LEGACY, "abcd-ef01-2345")
    typed = "5nrh cgnq 4tr4 8ob2 fjmz qblj yq45"  # o for 0, l for 1, lower case
    assert read_given(typed) == (Given.PRINTED, "5NRH-CGNQ-4TR4-80B2-FJMZ-QB1J-YQ45")
    assert read_given("a" * 64) == (Given.FULL, "a" * 64)
    assert read_given("5NRH-CGNQ") is None and read_given("UUUU" * 7) is None


# Audit chain


def _chain(n: int) -> list[AuditEntry]:
    entries: list[AuditEntry] = []
    previous = GENESIS_HASH
    for i in range(1, n + 1):
        fields = dict(
            id=i,
            at=NOW + timedelta(minutes=i),
            actor="Ája",
            os_user="aja",
            assessment_id=7,
            assessment_uid="u-7",
            revision=1,
            action=AuditAction.SAVE,
            summary=f"save {i}",
            changes=(AuditChange(("decision", "title"), "a", f"b{i}"),),
        )
        digest = entry_hash(previous, **fields)  # type: ignore[arg-type]
        entries.append(AuditEntry(**fields, prev_hash=previous, hash=digest))  # type: ignore[arg-type]
        previous = digest
    return entries


def test_intact_chain_is_ok() -> None:
    report = verify_chain(_chain(4), last_issued_id=4)
    assert (report.ok, report.checked, report.first_broken_id) == (True, 4, None)
    assert verify_chain([]).ok


def test_modified_entry_is_detected() -> None:
    entries = _chain(4)
    entries[2] = dataclasses.replace(entries[2], summary="nothing happened")
    report = verify_chain(entries)
    assert (report.ok, report.first_broken_id) == (False, 3)
    assert "changed" in report.problem


def test_modified_and_rehashed_entry_breaks_the_next_link() -> None:
    entries = _chain(4)
    forged = dataclasses.replace(entries[1], actor="Mallory")
    entries[1] = dataclasses.replace(forged, hash=hash_of(forged))
    assert verify_chain(entries).first_broken_id == 3


@pytest.mark.parametrize("index", [0, 1, 3])
def test_deleted_entry_is_detected(index) -> None:
    entries = _chain(5)
    del entries[index]
    report = verify_chain(entries, last_issued_id=5)
    assert not report.ok
    assert report.first_broken_id == index + 2
    assert "removed" in report.problem


def test_deleted_newest_entry_is_detected_by_the_issued_id() -> None:
    entries = _chain(5)[:-1]
    report = verify_chain(entries, last_issued_id=5)
    assert not report.ok and "removed" in report.problem


def test_hash_covers_every_field() -> None:
    (entry,) = _chain(1)
    for name, value in [
        ("id", 2),
        ("at", NOW),
        ("actor", "x"),
        ("os_user", "x"),
        ("assessment_id", None),
        ("assessment_uid", "x"),
        ("revision", 2),
        ("action", AuditAction.DELETE),
        ("summary", "x"),
        ("changes", ()),
        ("prev_hash", "1" * 64),
    ]:
        assert not verify_chain([dataclasses.replace(entry, **{name: value})]).ok, name


def test_shorten() -> None:
    assert shorten("abc", 5) == "abc"
    assert shorten("abcdefgh", 5) == "abcd…"


# Comparison


def test_compare_lists_every_field_and_flags_changes(content) -> None:
    left = complete_assessment(content)
    right = copy.deepcopy(left)
    right.ground("age").direction = Direction.MIXED
    right.answer("q1").value = "yes"
    right.measures.append(Measure(uid="m-new", description="Ny åtgärd"))
    right.revision = 2
    rows = compare(left, right, ground_order=["sex", "age"])
    changed = {r.path: (r.left, r.right) for r in rows if r.changed}
    assert changed[("ground", "age", "direction")] == ("negative", "mixed")
    assert changed[("answer", "q1", "value")] == ("", "yes")
    assert changed[("measure", "m-new")] == ("", "Ny åtgärd")
    assert changed[("assessment", "revision")] == ("1", "2")
    sections = [r.section for r in rows]
    order = ["decision", "grounds", "answers", "measures", "conclusion", "status"]
    assert sorted(set(sections), key=order.index) == list(dict.fromkeys(sections))
    ground_keys = [r.path[1] for r in rows if r.section == "grounds"]
    assert ground_keys.index("sex") < ground_keys.index("age")
    unchanged = [r for r in rows if not r.changed]
    assert ("decision", "title") in {r.path for r in unchanged}
    assert {r.path for r in compare(left, left) if r.changed} == set()


def test_the_decisive_change_is_the_last_approval_or_return() -> None:
    draft, review, returned, approved = (
        Status.DRAFT,
        Status.IN_REVIEW,
        Status.RETURNED,
        Status.APPROVED,
    )
    history = [
        StatusChange(None, draft, "Ánde", "ande", NOW, "", ""),
        StatusChange(draft, review, "Ánde", "ande", NOW, "", ""),
        StatusChange(review, returned, "Birgitta", "birgitta", NOW, "", ""),
        StatusChange(returned, review, "Ánde", "ande", NOW, "", ""),
    ]
    assert decisive_change(history[:2]) is None
    assert decisive_change(history) is history[2]  # still the return, while back in review
    history.append(StatusChange(review, approved, "Henrik", "henrik", NOW, "", ""))
    assert decisive_change(history) is history[-1]


def test_a_measure_is_overdue_while_open_past_its_deadline() -> None:
    today = NOW.date()
    late = Measure(deadline=today - timedelta(days=1))
    assert late.is_overdue(today)
    assert not Measure(deadline=today).is_overdue(today)
    assert not Measure().is_overdue(today)  # no deadline
    for status in (MeasureStatus.DONE, MeasureStatus.DROPPED):
        assert not Measure(deadline=late.deadline, status=status).is_overdue(today)
