"""Review and sign-off through the service: statuses, comments, locks, revisions,
fingerprints and the audit trail, each refusal changing nothing."""

from __future__ import annotations

import dataclasses

import pytest

from desktop_app.app.service import AssessmentService, Identity
from desktop_app.domain.audit import AuditAction
from desktop_app.domain.errors import InputError, NotFoundError, OpenCommentsError, WorkflowError
from desktop_app.domain.fingerprint import content_digest, fingerprint
from desktop_app.domain.model import Status
from desktop_app.domain.register import RegisterQuery
from desktop_app.domain.review import CommentTarget
from desktop_app.domain.serialize import assessment_to_dict
from desktop_app.storage.errors import ConflictError
from tests.conftest import SQLITE_ONLY, FakeClock
from tests.helpers import complete_assessment

CASEWORKER = Identity("Ája Ŋuolja", "aja")
REVIEWER = Identity("Birgitta Holm", "bholm")


def _actions(service: AssessmentService, assessment_id: int) -> list[str]:
    return [e.action.value for e in service.review.history(assessment_id)]


@pytest.fixture
def service(store_service):
    """The review use cases on each engine (``store_service``)."""
    return store_service


@pytest.fixture
def draft(service, content):
    a = complete_assessment(content)
    a.decision.author = CASEWORKER.name
    return service.repository.create(a)


def as_(service: AssessmentService, who: Identity) -> AssessmentService:
    service.identity = who
    return service


@SQLITE_ONLY  # names from Settings, or a use case not on the server yet
def test_the_whole_round(service, draft) -> None:
    review = service.review
    as_(service, CASEWORKER)
    review.submit(draft, "Klar för granskning")
    assert review.is_read_only(draft)
    as_(service, REVIEWER)
    first = review.add_comment(draft, CommentTarget.ground("age"), "Ange källan.")
    second = review.add_comment(draft, CommentTarget.measure(draft.measures[0].uid), "Datum?")
    review.return_for_changes(draft, "Se kommentarerna")
    assert [c.id for c in review.comments(draft.id)] == [first.id, second.id]
    assert not review.is_read_only(draft)

    as_(service, CASEWORKER)
    with pytest.raises(OpenCommentsError, match="2 review comment") as refused:
        review.submit(draft)
    assert refused.value.count == 2  # the editor's refusal dialog says how many
    assert draft.status is Status.RETURNED
    done = review.address_comment(first.id, "Källan är SCB.")
    assert (done.addressed, done.addressed_by, done.reply) == (
        True,
        CASEWORKER.name,
        "Källan är SCB.",
    )
    draft.measures[0].description = "Meröppet två kvällar i veckan."
    service.save(draft)  # editing a returned one makes it a draft again
    assert draft.status is Status.DRAFT
    review.address_comment(second.id)
    review.submit(draft)

    as_(service, REVIEWER)
    change = review.approve(draft, "Godkänd")
    assert change.fingerprint == content_digest(service.repository.get(draft.id))
    record = review.approval(draft)
    assert record is not None
    assert (record.approver, record.os_user, record.author) == (
        "Birgitta Holm",
        "bholm",
        "Ája Ŋuolja",
    )
    assert not record.self_approved
    assert review.is_read_only(draft)
    assert _actions(service, draft.id) == [
        "create", "status", "comment", "comment", "status", "address",
        "status", "save", "address", "status", "status",
    ]  # fmt: skip
    entries = review.history(draft.id)
    assert entries[6].summary == "returned -> draft"
    times = [e.at for e in entries]
    assert times == sorted(times)  # the status change came first, and is logged first
    assert entries[1].summary == "draft -> in_review: Klar för granskning"
    assert entries[2].actor == REVIEWER.name and entries[2].os_user == "bholm"
    assert entries[5].actor == CASEWORKER.name
    assert review.verify_audit().ok


def test_submitting_an_incomplete_assessment_names_what_is_missing(service, draft) -> None:
    draft.decision.title = ""
    draft.conclusion.outcome = None
    service.save(draft)
    before = _actions(service, draft.id)
    with pytest.raises(WorkflowError, match=r"not complete.*decision\.title.*conclusion\.outcome"):
        service.review.submit(draft)
    assert draft.status is Status.DRAFT
    assert service.repository.get(draft.id).status is Status.DRAFT
    assert _actions(service, draft.id) == before


@SQLITE_ONLY  # names from Settings, or a use case not on the server yet
def test_approving_an_incomplete_assessment_is_refused(service, draft, db_path) -> None:
    service.review.submit(draft)
    # Made incomplete behind the service's back (another program, an old Lika).
    service.repository.db.execute("UPDATE assessments SET title = '' WHERE id = ?", [draft.id])
    service.repository.db.conn.commit()
    stale = service.repository.get(draft.id)
    with pytest.raises(WorkflowError, match="not complete"):
        service.review.approve(stale)
    assert service.repository.get(draft.id).status is Status.IN_REVIEW


def test_approving_a_stale_copy_is_refused(service, draft) -> None:
    service.review.submit(draft)
    other = service.repository.get(draft.id)
    service.review.return_for_changes(other)
    with pytest.raises(ConflictError):
        service.review.approve(draft)
    assert service.repository.get(draft.id).status is Status.RETURNED


def test_self_approval_is_allowed_and_recorded_as_such(service, draft) -> None:
    service.identity = Identity(" ája ŋuolja ", "aja")
    service.review.submit(draft)
    service.review.approve(draft)
    record = service.review.approval(draft)
    assert record is not None and record.self_approved


@SQLITE_ONLY  # names from Settings, or a use case not on the server yet
def test_approving_what_you_submitted_is_self_approval_everywhere(service, draft, content) -> None:
    """The author field names someone else, but the approver sent it to review: the
    service, the PDF's approval and the PDF's own reading of the history all say so."""
    from desktop_app.app.reporting import summary_input

    draft.decision.author = "Ivar Ŧorgá, utredare"
    service.save(draft)
    service.identity = Identity("Birgitta  Holm", "bholm")
    service.review.submit(draft)
    service.identity = Identity("birgitta holm", "bholm")  # typed differently, same person
    service.review.approve(draft)
    stored = service.repository.get(draft.id)
    record = service.review.approval(stored)
    assert record is not None and record.submitter == "Birgitta  Holm"
    assert record.self_approved
    data = summary_input(service, stored)
    assert data.approval is not None and data.approval.self_approved
    from_history = dataclasses.replace(data, approval=None).effective_approval
    assert from_history is not None and from_history.self_approved
    # Submitted by its author and approved by another: not self-approved, in either.
    other = service.repository.create(complete_assessment(content))
    as_(service, CASEWORKER)
    service.review.submit(other)
    as_(service, REVIEWER)
    service.review.approve(other)
    data = summary_input(service, service.repository.get(other.id))
    assert data.approval is not None and not data.approval.self_approved
    from_history = dataclasses.replace(data, approval=None).effective_approval
    assert from_history is not None and not from_history.self_approved


@pytest.mark.parametrize("status", [Status.IN_REVIEW, Status.APPROVED])
def test_saving_a_read_only_assessment_is_refused(service, draft, status) -> None:
    service.review.submit(draft)
    if status is Status.APPROVED:
        service.review.approve(draft)
    stored = assessment_to_dict(service.repository.get(draft.id))
    before = _actions(service, draft.id)
    draft.decision.title = "Ändrad i smyg"
    with pytest.raises(
        WorkflowError, match="in review" if status is Status.IN_REVIEW else "approved"
    ):
        service.save(draft)
    assert assessment_to_dict(service.repository.get(draft.id)) == stored
    assert _actions(service, draft.id) == before


def test_a_save_records_the_changed_fields_shortened(service, draft) -> None:
    draft.decision.title = "Ny titel"
    draft.grounds["age"].evidence = "x" * 500
    draft.answer("age.evidence").value = "yes"
    service.save(draft)
    entry = service.review.history(draft.id)[-1]
    assert entry.action is AuditAction.SAVE
    changes = {c.path: (c.old, c.new) for c in entry.changes}
    assert changes[("decision", "title")] == ("Ändrade öppettider på biblioteken", "Ny titel")
    assert changes[("answer", "age.evidence", "value")] == ("", "yes")
    assert len(changes[("ground", "age", "evidence")][1]) == 200
    assert entry.summary == "3 field(s) changed"
    service.save(draft)  # nothing changed: nothing to record
    assert service.review.history(draft.id)[-1].id == entry.id


# Comments


def test_comments_only_while_in_review(service, draft) -> None:
    with pytest.raises(WorkflowError, match="in review"):
        service.review.add_comment(draft, CommentTarget.step("decision"), "För tidigt")
    assert service.review.comments(draft.id) == []


@pytest.mark.parametrize(
    ("target", "text", "message"),
    [
        (CommentTarget.ground("hair_colour"), "x", "no ground"),
        (CommentTarget.measure("no-such-uid"), "x", "no measure"),
        (CommentTarget.step("decision"), "   ", "needs some text"),
        (CommentTarget.step("decision"), "x" * 10_001, "at most"),
    ],
)
def test_bad_comments_are_refused(service, draft, target, text, message) -> None:
    service.review.submit(draft)
    with pytest.raises(InputError, match=message):
        service.review.add_comment(draft, target, text)
    assert service.review.comments(draft.id) == []


def test_addressing_is_for_the_caseworker_after_a_return(service, draft) -> None:
    service.review.submit(draft)
    comment = service.review.add_comment(draft, CommentTarget.step("conclusion"), "Motivera")
    with pytest.raises(WorkflowError, match="once the assessment is returned"):
        service.review.address_comment(comment.id)
    service.review.return_for_changes(draft)
    service.review.address_comment(comment.id, "Motiverat")
    with pytest.raises(WorkflowError, match="already addressed"):
        service.review.address_comment(comment.id, "Igen")
    assert service.review.comment(comment.id).reply == "Motiverat"
    with pytest.raises(NotFoundError):
        service.review.address_comment(9999)


# Revisions


def _approved(service, draft):
    service.review.submit(draft)
    service.review.approve(draft)
    return draft


def test_new_revision_of_an_approved_assessment(service, draft) -> None:
    approved = _approved(service, draft)
    revision = service.review.new_revision(approved)
    assert (revision.revision, revision.previous_id, revision.series_uid, revision.status) == (
        2, approved.id, approved.series_uid, Status.DRAFT,
    )  # fmt: skip
    assert revision.uid != approved.uid and revision.id != approved.id
    assert fingerprint(revision) == fingerprint(approved)
    assert service.review.is_read_only(service.repository.get(approved.id))
    assert [s.id for s in service.review.revisions(approved.series_uid)] == [
        approved.id, revision.id,
    ]  # fmt: skip
    assert _actions(service, revision.id) == ["new_revision"]
    assert service.review.previous_revision(revision) == approved.id
    assert service.review.previous_revision(approved) is None
    assert service.review.newest_revision(approved) == 2
    revision.decision.title = "Andra upplagan"
    service.save(revision)
    changed = [r for r in service.review.compare(approved.id, revision.id) if r.changed]
    assert [(r.path, r.left, r.right) for r in changed] == [
        (("decision", "title"), "Ändrade öppettider på biblioteken", "Andra upplagan"),
        (("assessment", "status"), "approved", "draft"),
        (("assessment", "revision"), "1", "2"),
    ]


@SQLITE_ONLY  # names from Settings, or a use case not on the server yet
def test_revisions_and_uid_lookups_give_the_registers_own_rows(service, draft) -> None:
    """The revisions dialog, imports and ``lika audit`` read the row the register lists,
    every column filled (reviewer, open measures, next follow-up...), not a shorter copy."""
    as_(service, CASEWORKER)
    service.review.submit(draft)
    as_(service, REVIEWER)
    service.review.approve(draft)
    approved = draft
    revision = service.review.new_revision(approved)
    with service.reader_here() as reader:
        listed = {r.id: r for r in reader.rows(RegisterQuery(all_revisions=True))}
    first = listed[approved.id]
    assert first.reviewer == REVIEWER.name and first.open_measures == len(draft.measures) > 0
    assert service.review.revisions(approved.series_uid) == [first, listed[revision.id]]
    assert service.find_uid(approved.uid) == first
    assert service.find_uid("no such uid") is None


def test_revision_conflicts_are_refused(service, draft) -> None:
    with pytest.raises(WorkflowError, match=r"Revision conflict.*draft"):
        service.review.new_revision(draft)
    approved = _approved(service, draft)
    stale = service.repository.get(approved.id)
    service.review.new_revision(approved)
    with pytest.raises(WorkflowError, match=r"Revision conflict.*newer revision"):
        service.review.new_revision(stale)
    assert len(service.review.revisions(approved.series_uid)) == 2


def test_what_the_review_window_may_offer(service, draft) -> None:
    """The window asks the service, which answers by the rules its actions apply."""
    review = service.review
    assert not review.can_comment(draft) and not review.can_revise(draft)
    review.submit(draft)
    assert review.can_comment(draft) and not review.can_revise(draft)
    review.approve(draft)
    approved = service.repository.get(draft.id)
    assert not review.can_comment(approved) and review.can_revise(approved)
    revision = review.new_revision(approved)
    assert not review.can_revise(service.repository.get(approved.id))  # no longer newest
    assert not review.can_comment(revision) and not review.can_revise(revision)


def test_the_older_revision_cannot_be_edited_even_if_not_approved(service, draft) -> None:
    approved = _approved(service, draft)
    service.review.new_revision(approved)
    older = service.repository.get(approved.id)
    older.status = Status.DRAFT  # as if an older revision were still a draft (an import)
    assert "newer" in service.review.read_only_reason(older)


# Fingerprints


@SQLITE_ONLY  # names from Settings, or a use case not on the server yet
def test_verify_fingerprint(service, draft) -> None:
    approved = _approved(service, draft)
    printed = fingerprint(approved)
    check = service.review.verify_fingerprint(approved.id, printed.upper().replace("-", " "))
    assert (check.matches, check.approved, check.current, check.revision) == (
        True, content_digest(approved), printed, 1,
    )  # fmt: skip
    assert not service.review.verify_fingerprint(approved.id, "0000-0000-0000").matches
    with pytest.raises(InputError, match="not a fingerprint"):
        service.review.verify_fingerprint(approved.id, "abc")
    with pytest.raises(NotFoundError):
        service.review.verify_fingerprint(999, printed)


@SQLITE_ONLY  # names from Settings, or a use case not on the server yet
def test_a_draft_has_no_approved_fingerprint(service, draft) -> None:
    check = service.review.verify_fingerprint(draft.id, fingerprint(draft))
    assert (check.matches, check.approved, check.current) == (False, "", fingerprint(draft))


# Audit trail


@SQLITE_ONLY  # names from Settings, or a use case not on the server yet
def test_identity_follows_the_setting(service, draft) -> None:
    service.identity = Identity("Ny Namn", "nn")
    draft.decision.title = "Av någon annan"
    service.save(draft)
    last = service.review.history(draft.id)[-1]
    assert (last.actor, last.os_user) == ("Ny Namn", "nn")


def test_delete_is_recorded_and_the_entries_stay(service, draft) -> None:
    service.repository.delete(draft.id)
    entries = service.review.history(draft.id)
    assert [e.action for e in entries] == [AuditAction.CREATE, AuditAction.DELETE]
    assert entries[-1].assessment_uid == draft.uid
    assert service.review.verify_audit().ok
    with pytest.raises(NotFoundError):
        service.review.history(4242)


def test_entries_of_different_databases_do_not_mix(tmp_path, content) -> None:
    from desktop_app.storage.repository import AssessmentRepository

    repo = AssessmentRepository.open(tmp_path / "other.db", clock=FakeClock())
    other = AssessmentService(repo, content, CASEWORKER, clock=FakeClock())
    a = repo.create(complete_assessment(content))
    assert [e.action for e in other.review.history(a.id)] == [AuditAction.CREATE]
    repo.close()


# The PDF (CLI export-pdf and the window's export both build it through summary_input)


@SQLITE_ONLY  # names from Settings, or a use case not on the server yet
def test_the_pdf_shows_comments_replies_and_self_approval(service, draft, tmp_path) -> None:
    from pypdf import PdfReader

    from desktop_app.app.reporting import export_summary, summary_input

    service.identity = CASEWORKER
    service.review.submit(draft)
    service.identity = REVIEWER
    uid = draft.measures[0].uid
    service.review.add_comment(draft, CommentTarget.ground("age"), "Ange källan för kvällsbesöken.")
    service.review.add_comment(draft, CommentTarget.measure(uid), "Sätt ett tidigare datum.")
    service.review.add_comment(draft, CommentTarget.step("conclusion"), "Motivera uppföljningen.")
    service.review.return_for_changes(draft, "Se kommentarerna")
    service.identity = CASEWORKER
    for comment in service.review.comments(draft.id):
        service.review.address_comment(comment.id, "Klart." if comment.id == 1 else "")
    service.review.submit(draft)
    service.review.approve(draft)  # by the author herself

    data = summary_input(service, service.repository.get(draft.id))
    assert data.approval is not None and data.approval.self_approved
    assert data.approval.fingerprint == fingerprint(draft)
    assert [n.about for n in data.review_notes] == ["age", "measures", "conclusion"]
    assert data.review_notes[1].text.startswith("“Erbjud meröppet")

    out = tmp_path / "approved.pdf"
    export_summary(service, draft.id, out)
    pages = [page.extract_text() for page in PdfReader(out).pages]
    text = " ".join(" ".join(pages).split())
    for part in [
        "Ange källan för kvällsbesöken.",
        "Åtgärdad av Ája Ŋuolja. Svar: Klart.",
        "Sätt ett tidigare datum.",
        "Slutsats: Birgitta Holm",
        "Självgodkänd",
        f"Godkänt fingeravtryck {fingerprint(draft)}",
    ]:
        assert part in text, part
    assert all(f"Fingeravtryck {fingerprint(draft)}" in page for page in pages)


def test_revisions_with_approvals_reads_no_assessment(service, draft, monkeypatch) -> None:
    """What the revisions dialog lists: each revision and its approval, the same as
    ``approval`` gives, read from the summaries and the approved revisions' history."""
    approved = _approved(service, draft)
    revision = service.review.new_revision(approved)
    expected = [
        (s.id, service.review.approval(service.repository.get(s.id)))
        for s in service.review.revisions(approved.series_uid)
    ]
    repo = service.repository
    read: list[int] = []
    real_history = repo.status_history

    def history(assessment_id: int):
        read.append(assessment_id)
        return real_history(assessment_id)

    def no_get(*_args, **_kwargs):
        raise AssertionError("loaded a whole assessment")

    monkeypatch.setattr(repo, "status_history", history)
    monkeypatch.setattr(repo, "get", no_get)
    found = service.review.revisions_with_approvals(approved.series_uid)
    assert [(s.id, approval) for s, approval in found] == expected
    assert [s.id for s, _ in found] == [approved.id, revision.id]
    assert found[0][1] is not None and found[0][1].author == CASEWORKER.name
    assert found[1][1] is None
    assert read == [approved.id]  # the draft revision has no approval to read
