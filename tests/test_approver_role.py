"""The role title asked at first run goes with an approval (issue 15: "uses it for
authorship and approvals"): recorded with the status change, covered by the audit
log and the approver's signature, carried by the exchange file and shown in the PDF.
Registers and signed approvals from before keep verifying."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop_app.domain import signing
from desktop_app.storage.repository import AssessmentRepository
from tests.helpers import complete_assessment
from tests.pdfcheck import pdf_text
from tests.tampering_helpers import around_triggers, check, export, problems, run


@pytest.fixture
def db(tmp_path, content, capsys) -> Path:
    """Assessment 1 approved by Bo, enhetschef; 2 approved by Cecilia, who gave no title."""
    path = tmp_path / "register.db"
    repo = AssessmentRepository.open(path)
    for title in ("Öppettider", "Skolskjuts"):
        a = complete_assessment(content)
        a.decision.author = "Ája"
        a.decision.title = title
        repo.create(a)
    repo.close()
    for ident in ("1", "2"):
        assert run(path, capsys, "submit", ident, "--as", "Ája", "--role", "utredare")[0] == 0
    assert run(path, capsys, "approve", "1", "--as", "Bo", "--role", "enhetschef")[0] == 0
    assert run(path, capsys, "approve", "2", "--as", "Cecilia")[0] == 0
    return path


def test_the_approval_records_the_approvers_role(db, capsys) -> None:
    code, out, _ = run(db, capsys, "fingerprint", "1", "--format", "json")
    assert code == 0
    record = json.loads(out)
    assert record["approved_by"] == "Bo" and record["approved_by_role"] == "enhetschef"
    conn = sqlite3.connect(db)
    roles = conn.execute("SELECT actor, role FROM status_changes ORDER BY id").fetchall()
    conn.close()
    assert roles == [("Ája", "utredare"), ("Ája", "utredare"), ("Bo", "enhetschef"),
                     ("Cecilia", "")]  # fmt: skip
    code, found = check(db, capsys)
    assert code == 0, problems(found)


def test_a_role_changed_outside_lika_is_found(db, capsys) -> None:
    around_triggers(
        db,
        ["status_changes_no_update"],
        "UPDATE status_changes SET role = 'direktör' WHERE actor = 'Bo'",
    )
    code, found = check(db, capsys)
    assert code == 1 and "approval records" in problems(found), problems(found)


def test_a_role_added_outside_lika_to_an_approval_without_one_is_found(db, capsys) -> None:
    around_triggers(
        db,
        ["status_changes_no_update"],
        "UPDATE status_changes SET role = 'direktör' WHERE actor = 'Cecilia'",
    )
    code, found = check(db, capsys)
    assert code == 1 and "approval records" in problems(found), problems(found)


def test_the_signature_binds_the_role_and_one_without_a_role_signs_as_before() -> None:
    fields = {
        "assessment_uid": "a", "series_uid": "s", "revision": 1, "content_sha256": "0" * 64,
        "from_status": "in_review", "to_status": "approved", "actor": "Bo", "os_user": "bo",
        "at": "2026-11-05T10:00:00+00:00",
    }  # fmt: skip
    before = signing.approval_message(**fields)  # type: ignore[arg-type]
    assert b"role" not in before
    assert signing.approval_message(**fields, role="") == before  # type: ignore[arg-type]
    with_role = signing.approval_message(**fields, role="enhetschef")  # type: ignore[arg-type]
    assert with_role != before and b'"role":"enhetschef"' in with_role


def test_the_exchange_file_carries_the_role_and_its_signature_holds(db, tmp_path, capsys) -> None:
    data = export(db, capsys, 1, tmp_path / "one.json")
    approval = data["history"][-1]
    assert approval["role"] == "enhetschef" and approval["signature"]
    assert "role" not in export(db, capsys, 2, tmp_path / "two.json")["history"][-1]
    other = tmp_path / "other.db"
    code, out, err = run(other, capsys, "import", str(tmp_path / "one.json"))
    assert code == 0, (out, err)
    code, out, _ = run(other, capsys, "fingerprint", "1", "--format", "json")
    record = json.loads(out)
    assert record["approval"] == "signed", record
    assert record["approved_by_role"] == "enhetschef"
    # A file whose role was changed no longer verifies: it is refused.
    approval["role"] = "direktör"
    (tmp_path / "forged.json").write_text(json.dumps(data), encoding="utf-8")
    code, _out, err = run(tmp_path / "third.db", capsys, "import", str(tmp_path / "forged.json"))
    assert code == 2 and "signature" in err.lower(), err


def test_the_pdf_names_the_approver_with_the_role(db, tmp_path, capsys) -> None:
    out = tmp_path / "one.pdf"
    assert run(db, capsys, "export-pdf", "1", "--out", str(out))[0] == 0
    text = " ".join(pdf_text(out).split())
    assert "Bo, enhetschef" in text
    assert "Ája, utredare" in text  # the status history names the role too


def test_an_older_register_still_checks_after_the_upgrade(tmp_path, capsys) -> None:
    path = tmp_path / "old.db"
    shutil.copy(Path(__file__).parent / "data" / "register-0.1.0.db", path)
    code, _out, _ = run(path, capsys, "list", "--format", "json")  # opens and migrates
    assert code == 0
    code, found = check(path, capsys)
    assert code == 0, problems(found)
    conn = sqlite3.connect(path)
    assert {r[0] for r in conn.execute("SELECT role FROM status_changes")} <= {""}
    conn.close()
