"""The table models of the revision views, without windows: field and value names in
the window's language, the comparison's marks and count, the history's lines."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt

from desktop_app.domain import merge
from desktop_app.domain.audit import AuditAction, AuditChange, AuditEntry
from desktop_app.domain.diff import compare
from desktop_app.domain.model import (
    Direction,
    Language,
    Measure,
    Outcome,
    RiskKind,
    Status,
)
from desktop_app.domain.register import RegisterRow
from desktop_app.domain.review import ApprovalRecord
from desktop_app.ui.context import UiContext
from desktop_app.ui.field_names import FieldNames
from desktop_app.ui.revisions.compare_model import (
    CHANGED_MARK,
    LEFT,
    MARK,
    RIGHT,
    WHAT,
    CompareModel,
    counted_changes,
)
from desktop_app.ui.revisions.history_model import ACTION, WHEN, WHO, HistoryModel
from desktop_app.ui.revisions.revisions_model import (
    APPROVER,
    FINGERPRINT,
    SELF_APPROVED,
    STATUS,
    RevisionInfo,
    RevisionsModel,
)
from tests.helpers import complete_assessment

DISPLAY = Qt.ItemDataRole.DisplayRole


def two_revisions(content):
    """Revision 1 (approved) and a revision 2 with an answer, an impact, a measure's
    owner, a new measure and the follow-up date changed."""
    first = complete_assessment(content)
    first.status = Status.APPROVED
    second = merge.snapshot(first)
    second.revision, second.status = 2, Status.DRAFT
    second.ground("age").direction = Direction.MIXED
    second.answer("sex.affects").value = "yes"
    second.measures[0].owner = "Niillas Aikio"
    second.measures.append(Measure(description="Skyltning på samiska.", grounds=["ethnicity"]))
    second.conclusion.followup_date = date(2027, 10, 1)
    return first, second


def texts(model, row: int, role=DISPLAY) -> list[str]:
    return [model.data(model.index(row, column), role) for column in range(model.columnCount())]


def test_a_comparison_names_fields_and_values_in_the_window_language(context, content) -> None:
    first, second = two_revisions(content)
    names = FieldNames.for_assessments(context, (second, first))
    model = CompareModel(names, "Version 1", "Version 2", compare(first, second))
    rows = {texts(model, r)[WHAT]: texts(model, r) for r in range(model.rowCount())}

    question = content.checklists.get("se-dl").ground("sex").questions[0]
    answer = rows[f"Kön › {question.text.sv}"]
    assert answer[LEFT] == "" and answer[RIGHT] == "Ja"
    assert answer[MARK] == CHANGED_MARK
    assert rows["Ålder › Påverkan"][LEFT:] == ["Negativ", "Blandad"]
    assert names.measure(first.measures[0].uid) == "Erbjud meröppet med personal en…"
    owner = rows["Åtgärder › Ansvarig (Erbjud meröppet med personal en…)"]
    assert owner[RIGHT] == "Niillas Aikio"
    added = rows["Åtgärder › Skyltning på samiska."]
    assert added[LEFT] == "" and added[RIGHT] == "Skyltning på samiska."
    # The added measure is named once by its description, not again as a field.
    assert "Åtgärder › Åtgärd (Skyltning på samiska.)" not in rows
    grounds = rows["Åtgärder › Gäller diskrimineringsgrunder (Skyltning på samiska.)"]
    assert grounds[RIGHT] == "Etnisk tillhörighet"
    followup = rows["Slutsats och uppföljning › Utvärderas senast"]
    assert followup[LEFT:] == [
        context.short_date(date(2027, 9, 1)),
        context.short_date(date(2027, 10, 1)),
    ]
    assert rows["Status"][LEFT:] == ["Godkänd", "Utkast"]
    # Only the changes are shown at first, and every one is marked.
    assert all(model.row_at(r).changed for r in range(model.rowCount()))
    # A new measure counts once, however many of its fields are filled in; status and
    # revision number always differ and do not count.
    assert model.changed_count() == 5
    assert counted_changes(compare(first, first)) == 0


def test_changed_rows_are_marked_by_more_than_colour(context, content) -> None:
    first, second = two_revisions(content)
    names = FieldNames.for_assessments(context, (second, first))
    model = CompareModel(names, "1", "2", compare(first, second), only_changes=False)
    changed = next(r for r in range(model.rowCount()) if model.row_at(r).changed)
    same = next(r for r in range(model.rowCount()) if not model.row_at(r).changed)
    for row, mark, bold, spoken in (
        (changed, CHANGED_MARK, True, "Changed"),
        (same, "", None, "Unchanged"),
    ):
        index = model.index(row, MARK)
        assert model.data(index) == mark
        assert model.data(index, Qt.ItemDataRole.AccessibleTextRole) == spoken
        font = model.data(model.index(row, WHAT), Qt.ItemDataRole.FontRole)
        assert (font.bold() if font is not None else None) is bold
    assert (
        model.headerData(MARK, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == "Changed"
    )
    assert model.headerData(LEFT, Qt.Orientation.Horizontal) == "1"


def test_show_all_lists_every_filled_in_field_of_either_revision(context, content) -> None:
    first, second = two_revisions(content)
    rows = compare(first, second)
    model = CompareModel(FieldNames.for_assessments(context, (first,)), "1", "2", rows)
    changes = model.rowCount()
    model.set_only_changes(False)
    # Every field filled in in either, but the added measure's description only once.
    filled = sum(1 for r in rows if r.left or r.right)
    assert model.rowCount() == filled - 1 > changes
    titles = [texts(model, r)[WHAT] for r in range(model.rowCount())]
    assert titles[0] == "Beslutet › Ärendets rubrik"  # in step order
    model.set_only_changes(True)
    assert model.rowCount() == changes


def test_values_of_every_kind_are_translated(context, content) -> None:
    names = FieldNames.for_assessments(context, [complete_assessment(content)])
    assert names.value(("ground", "age", "risks"), "indirect_discrimination, harassment") == (
        f"{context.label(RiskKind.INDIRECT)}, {context.label(RiskKind.HARASSMENT)}"
    )
    assert names.value(("conclusion", "outcome"), "proceed_with_measures") == context.label(
        Outcome.PROCEED_WITH_MEASURES
    )
    assert names.value(("assessment", "language"), "nb") == context.label(Language.NB)
    assert names.value(("decision", "title"), "negative") == "negative"  # free text stays
    assert names.value(("conclusion", "outcome"), "no_such_outcome") == "no_such_outcome"
    assert names.value(("answer", "sex.affects", "value"), "unsure") == "Osäker"
    assert names.value(("answer", "unknown.q", "note"), "yes") == "yes"
    assert names.describe(("assessment", "modules")) == "Beslutet › Modules"
    children = content.checklists.get("children").name.sv
    assert names.value(("assessment", "modules"), "children 1.0, gone 2.0") == (
        f"{children} 1.0, gone 2.0"
    )
    assert names.describe(("answer", "no.such.question", "value")) == "no › no.such.question"


def test_english_window_names_in_english(content, service, settings) -> None:
    english = UiContext(service=service, settings=settings, language=Language.EN)
    names = FieldNames.for_assessments(english, [complete_assessment(content)])
    assert names.describe(("ground", "age", "direction")) == "Age › Impact"
    assert names.value(("ground", "age", "direction"), "negative") == "Negative"


def entry(number: int, action: AuditAction, summary: str = "", *changes: AuditChange) -> AuditEntry:
    return AuditEntry(
        id=number,
        at=datetime(2026, 11, 2, 9, number, tzinfo=UTC),
        actor="Ája Ŋuolja",
        os_user="aja",
        assessment_id=1,
        assessment_uid="u",
        revision=1,
        action=action,
        summary=summary,
        changes=changes,
        prev_hash="",
        hash="",
    )


def test_the_history_has_a_line_per_changed_field(context, content) -> None:
    names = FieldNames.for_assessments(context, [complete_assessment(content)])
    entries = [
        entry(1, AuditAction.CREATE, "created"),
        entry(
            2,
            AuditAction.SAVE,
            "2 fields",
            AuditChange(("decision", "title"), "Gammal rubrik", "Ny rubrik"),
            AuditChange(("ground", "age", "direction"), "", "negative"),
        ),
        entry(3, AuditAction.STATUS, "draft -> in_review"),
        entry(
            4, AuditAction.SAVE, "1 field", AuditChange(("measure", "gone"), "Borttagen åtgärd", "")
        ),
    ]
    model = HistoryModel(names, entries)
    assert model.rowCount() == 5 and model.entry_count == 4
    created, title, direction, status, removed = (texts(model, r) for r in range(5))
    assert created[ACTION] == "Created" and created[WHO] == "Ája Ŋuolja (aja)"
    assert created[WHEN] == context.short_date(entries[0].at)
    assert title[ACTION] == "Saved"
    assert title[-1] == "Beslutet › Ärendets rubrik: Gammal rubrik → Ny rubrik"
    # The second field of the same save: who and when only on the first line...
    assert direction[:3] == ["", "", ""]
    assert direction[-1] == "Ålder › Påverkan: – → Negativ"
    # ...but read out in full on every line.
    spoken = texts(model, 2, Qt.ItemDataRole.AccessibleTextRole)
    assert spoken[WHO] == "Ája Ŋuolja (aja)" and spoken[ACTION] == "Saved"
    assert status[-1] == "Utkast → Under granskning"
    assert removed[-1] == "Åtgärder › Borttagen åtgärd: Borttagen åtgärd → –"


def summary(number: int, status: Status) -> RegisterRow:
    at = datetime(2026, 11, number, 9, tzinfo=UTC)
    return RegisterRow(
        id=number, uid=f"u{number}", title="T", case_number="", organisation="", unit="",
        decision_body="", status=status, revision=number, author="Ája Ŋuolja", reviewer="",
        language=Language.SV, framework_id="se-dl", outcome=None, created=at, updated=at,
        reference_date=at.date(), adverse_grounds=(), open_measures=0, next_deadline=None,
        next_followup=None,
    )  # fmt: skip


def test_the_revisions_table_shows_who_approved_what(context) -> None:
    approval = ApprovalRecord(
        approver="ája ŋuolja ",
        os_user="aja",
        at=datetime(2026, 11, 3, 10, tzinfo=UTC),
        fingerprint="3f2a-9c1b-77d0",
        author="Ája Ŋuolja",
        comment="",
    )
    model = RevisionsModel(
        context,
        [
            RevisionInfo(summary(1, Status.APPROVED), approval),
            RevisionInfo(summary(2, Status.DRAFT), None),
        ],
    )
    approved, draft = texts(model, 0), texts(model, 1)
    assert approved[0] == "1" and approved[STATUS] == "Godkänd"
    assert approved[APPROVER] == "ája ŋuolja  (aja)"
    assert approved[FINGERPRINT] == "3f2a-9c1b-77d0 (older, 48-bit form)"
    assert approved[SELF_APPROVED] == "Yes, by the author"
    assert draft[STATUS] == "Utkast" and draft[APPROVER:] == ["", "", "", ""]
    assert model.row_of(2) == 1 and model.row_of(99) is None


@pytest.mark.parametrize(
    ("action", "stored", "shown"),
    [
        (AuditAction.CREATE, "created", ""),
        (AuditAction.STATUS, "draft -> in_review", "Utkast → Under granskning"),
        (
            AuditAction.STATUS,
            "in_review -> approved (fingerprint 3f2a-9c1b-77d0): Bra underlag.",
            "Under granskning → Godkänd, fingerprint 3f2a-9c1b-77d0: “Bra underlag.”",
        ),
        (AuditAction.STATUS, "- -> approved", "Godkänd"),
        (
            AuditAction.COMMENT,
            "comment 3 on ground:age: Saknar statistik.",
            "Ålder: “Saknar statistik.”",
        ),
        (AuditAction.COMMENT, "comment 4 on step:decision: Vem: alla?", "Beslutet: “Vem: alla?”"),
        (AuditAction.ADDRESS, "comment 3 addressed: Tillagd.", "Comment 3: “Tillagd.”"),
        (AuditAction.ADDRESS, "comment 3 addressed", "Comment 3"),
        # As registers generated before one format for every writer stored them.
        (AuditAction.COMMENT, "comment on step:decision: Underlag?", "Beslutet: “Underlag?”"),
        (AuditAction.ADDRESS, "comment on ground:age addressed", "Ålder"),
        (
            AuditAction.NEW_REVISION,
            "revision 2 of assessment 7",
            "Revision 2, a copy of assessment 7",
        ),
        (AuditAction.IMPORT, "imported as new (approved)", "As a new assessment (Godkänd)"),
        (
            AuditAction.IMPORT,
            "imported as new (approved); the approval by Bo Ek is signed by the key of Bo Ek",
            "As a new assessment (Godkänd). The approval by Bo Ek is signed by the key of Bo Ek.",
        ),
        (
            AuditAction.IMPORT,
            "imported as new (approved); the approval by Bo Ek is signed by the key of "
            "the importing user (key 28059ccd2d301bd1)",
            "As a new assessment (Godkänd). The approval by Bo Ek is signed by the key of "
            "the importing user (key 28059ccd2d301bd1).",
        ),
        (AuditAction.DELETE, "deleted (draft)", "It was: Utkast"),
        # A form the window does not know is shown as stored.
        (AuditAction.STATUS, "something else entirely", "something else entirely"),
    ],
)
def test_audit_summaries_in_the_window_language(context, content, action, stored, shown) -> None:
    names = FieldNames.for_assessments(context, [complete_assessment(content)])
    model = HistoryModel(names, [entry(1, action, stored)])
    assert texts(model, 0)[-1] == shown


HEAD = "c24abaf2daa48154cc1a9dcedd3301da2058c1bc0e24b07d12f215676fddf030"


@pytest.mark.parametrize(
    ("replaced", "shown"),
    [
        (
            f"the log it replaced had 38 entries, newest hash {HEAD}; kept as x-replaced.db",
            f"Entries in the audit log it replaced: 38; hash of the newest: {HEAD}. The "
            "replaced register is kept in the backup folder as x-replaced.db.",
        ),
        (
            "the log it replaced could not be read; kept as x (2).db",
            "The audit log it replaced could not be read. The replaced register is kept in "
            "the backup folder as x (2).db.",
        ),
        ("the log it replaced was empty; kept as y.db", "The audit log it replaced was empty."),
        ("there was no register before", "There was no register here before."),
    ],
)
def test_a_restore_in_the_history_names_the_backup_and_the_lost_log(
    context, content, replaced, shown
) -> None:
    names = FieldNames.for_assessments(context, [complete_assessment(content)])
    taken = datetime(2026, 11, 2, 8, 30).astimezone()
    stored = f"restored backup fredag (kopia).db ({taken.isoformat()}); {replaced}"
    model = HistoryModel(names, [entry(1, AuditAction.RESTORE, stored)])
    line = texts(model, 0)
    assert line[ACTION] == "Backup restored"
    made = f"Backup fredag (kopia).db, made {context.short_date(taken)}."
    assert line[-1].startswith(f"{made} {shown}")


def test_a_generated_registers_history_is_in_the_window_language(context, content) -> None:
    """``lika demo --count N`` writes its audit log in bulk: the history shows it like
    one written entry by entry, never the stored English summary."""
    from desktop_app.app.generator import generate
    from desktop_app.storage.bulk import bulk_insert
    from tests.helpers import returned_with_an_addressed_comment

    service = context.service
    items = [
        *generate(content, 50, today=date(2026, 11, 1)),
        returned_with_an_addressed_comment(content),
    ]
    bulk_insert(service.repository.db, items, len(items))
    seen: set[AuditAction] = set()
    for item in items:
        a = item.assessment
        model = HistoryModel(FieldNames.for_assessments(context, [a]), [])
        for stored in service.review.history(a.id):
            if stored.action in (AuditAction.COMMENT, AuditAction.ADDRESS, AuditAction.STATUS):
                seen.add(stored.action)
                shown = model.summary_text(stored)
                assert shown != stored.summary
                assert "->" not in shown and not shown.startswith("comment")
    assert seen == {AuditAction.COMMENT, AuditAction.ADDRESS, AuditAction.STATUS}


def test_the_revisions_table_names_the_approvers_role(context) -> None:
    approval = ApprovalRecord(
        approver="Anna Berg",
        os_user="anna",
        at=datetime(2026, 11, 3, 10, tzinfo=UTC),
        fingerprint="3f2a-9c1b-77d0",
        author="Ája Ŋuolja",
        comment="",
        approver_role="enhetschef",
    )
    model = RevisionsModel(context, [RevisionInfo(summary(1, Status.APPROVED), approval)])
    assert texts(model, 0)[APPROVER] == "Anna Berg, enhetschef (anna)"
