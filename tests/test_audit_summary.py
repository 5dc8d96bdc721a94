"""The audit log's summaries: what every writer stores and what a reader reads back."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from desktop_app.domain.audit import AuditAction
from desktop_app.domain.audit_summary import (
    AddressSummary,
    CommentSummary,
    DeleteSummary,
    ImportSummary,
    RestoreSummary,
    RevisionSummary,
    StatusSummary,
    address_summary,
    comment_summary,
    delete_summary,
    import_summary,
    read_summary,
    revision_summary,
    save_summary,
    status_summary,
)
from desktop_app.domain.model import Status, StatusChange
from desktop_app.domain.review import CommentTarget

AT = datetime(2026, 11, 2, 9, tzinfo=UTC)
LONG = "Ord " * 100


def change(frm: Status | None, to: Status, comment: str = "", fp: str = "") -> StatusChange:
    return StatusChange(frm, to, "Ája Ŋuolja", "aja", AT, comment, fp)


@pytest.mark.parametrize(
    ("action", "written", "stored", "read"),
    [
        (
            AuditAction.STATUS,
            status_summary(change(Status.DRAFT, Status.IN_REVIEW)),
            "draft -> in_review",
            StatusSummary("draft", "in_review", "", ""),
        ),
        (
            AuditAction.STATUS,
            status_summary(change(None, Status.APPROVED)),
            "- -> approved",
            StatusSummary("", "approved", "", ""),
        ),
        (
            AuditAction.STATUS,
            status_summary(change(Status.IN_REVIEW, Status.APPROVED, "Bra: klart.", "3f2a-9c1b")),
            "in_review -> approved (fingerprint 3f2a-9c1b): Bra: klart.",
            StatusSummary("in_review", "approved", "3f2a-9c1b", "Bra: klart."),
        ),
        (
            AuditAction.COMMENT,
            comment_summary(3, CommentTarget.ground("age"), "Vem: alla?"),
            "comment 3 on ground:age: Vem: alla?",
            CommentSummary(3, "ground:age", "Vem: alla?"),
        ),
        (
            AuditAction.ADDRESS,
            address_summary(3, "Tillagd."),
            "comment 3 addressed: Tillagd.",
            AddressSummary(3, "", "Tillagd."),
        ),
        (AuditAction.ADDRESS, address_summary(3), "comment 3 addressed", AddressSummary(3, "", "")),
        (
            AuditAction.NEW_REVISION,
            revision_summary(2, 7),
            "revision 2 of assessment 7",
            RevisionSummary(2, 7),
        ),
        (
            AuditAction.IMPORT,
            import_summary(Status.APPROVED),
            "imported as new (approved)",
            ImportSummary("approved", replaced=False),
        ),
        (
            AuditAction.IMPORT,
            import_summary(Status.DRAFT, 2),
            "imported over the stored one (draft); 2 field(s) changed",
            ImportSummary("draft", replaced=True),
        ),
        (
            AuditAction.DELETE,
            delete_summary("returned"),
            "deleted (returned)",
            DeleteSummary("returned"),
        ),
    ],
)
def test_what_is_written_is_read_back(action, written, stored, read) -> None:
    assert written == stored  # the format of entries already in registers does not move
    assert read_summary(action, written) == read


def test_older_bulk_forms_are_read_too() -> None:
    assert read_summary(AuditAction.COMMENT, "comment on step:decision: Underlag?") == (
        CommentSummary(None, "step:decision", "Underlag?")
    )
    assert read_summary(AuditAction.ADDRESS, "comment on ground:age addressed") == (
        AddressSummary(None, "ground:age", "")
    )


def test_long_texts_are_cut_and_unknown_forms_are_not_guessed() -> None:
    written = comment_summary(1, CommentTarget.step("decision"), LONG)
    said = read_summary(AuditAction.COMMENT, written)
    assert isinstance(said, CommentSummary) and len(said.text) == 120
    assert save_summary(3) == "3 field(s) changed"
    assert read_summary(AuditAction.STATUS, "something else") is None
    assert read_summary(AuditAction.ADDRESS, "comment addressed") is None
    assert read_summary(AuditAction.COMMENT, "draft -> approved") is None  # wrong action


@pytest.mark.parametrize(
    ("replaced", "kept", "read"),
    [
        ("log", "r.db", ("log", 38, "ab12", "r.db")),
        ("unreadable", "r.db", ("unreadable", 0, "", "r.db")),
        ("empty", "r.db", ("empty", 0, "", "r.db")),
        ("nothing", None, ("nothing", 0, "", "")),
    ],
)
def test_a_restore_summary_is_read_back(replaced, kept, read) -> None:
    from desktop_app.domain.audit_summary import ReplacedLog, restore_summary

    log = {"log": ReplacedLog(38, "ab12"), "empty": ReplacedLog(0, ""), "unreadable": None}
    written = restore_summary("fredag (kopia).db", AT, log.get(replaced), kept)
    said = read_summary(AuditAction.RESTORE, written)
    assert isinstance(said, RestoreSummary)
    assert (said.backup, said.taken) == ("fredag (kopia).db", AT.isoformat())
    assert (said.replaced.value, said.entries, said.head, said.kept) == read


def test_an_import_names_its_file_and_still_reads_as_an_import() -> None:
    from desktop_app.domain.audit import AuditAction
    from desktop_app.domain.audit_summary import import_summary, read_summary
    from desktop_app.domain.model import Status

    text = import_summary(Status.DRAFT, 2, "one.json")
    assert text == "imported over the stored one (draft) from one.json; 2 field(s) changed"
    said = read_summary(AuditAction.IMPORT, text)
    assert said is not None and said == read_summary(
        AuditAction.IMPORT, import_summary(Status.DRAFT, 2)
    )
