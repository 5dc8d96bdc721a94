"""Evidence files and links: what may be attached (limits and refusals, by content and
by name), how the bytes are kept in the register, opened read-only, and locked with
an approval."""

from __future__ import annotations

import hashlib
import io
import stat
import zipfile
from datetime import timedelta

import pytest

from desktop_app.app.evidence_service import EvidenceService, remove_copies
from desktop_app.domain.errors import InputError
from desktop_app.domain.evidence import (
    MAX_FILE_BYTES,
    MAX_TOTAL_BYTES,
    AttachmentRefusedError,
    EvidenceKind,
    RefusalReason,
    check_file,
    file_evidence,
    link_evidence,
    total_size,
)
from desktop_app.domain.model import Status
from desktop_app.storage import evidence_files
from tests.conftest import count_rows
from tests.helpers import complete_assessment

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 32
CSV = "år;kvinnor;män\n2025;4120;3388\n".encode()


def _zip(entries: dict[str, bytes], first: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if first:
            archive.writestr(zipfile.ZipInfo(first), entries.pop(first))
        for name, data in entries.items():
            archive.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
ODT = _zip(
    {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"},
    first="mimetype",
)


def reason(name: str, data: bytes, **kwargs: int) -> RefusalReason:
    with pytest.raises(AttachmentRefusedError) as refused:
        check_file(name, data, **kwargs)
    assert name in str(refused.value)
    return refused.value.reason


@pytest.mark.parametrize(
    ("name", "data", "media_type"),
    [
        ("underlag.pdf", PDF, "application/pdf"),
        ("Besökare 2025.CSV", CSV, "text/csv"),
        ("karta.png", PNG, "image/png"),
        ("foto.jpeg", b"\xff\xd8\xff\xe0" + b"\x00" * 20, "image/jpeg"),
        ("rapport.docx", DOCX, "application/vnd.openxmlformats-officedocument"
         ".wordprocessingml.document"),
        ("protokoll.odt", ODT, "application/vnd.oasis.opendocument.text"),
        ("gammal.xls", OLE, "application/vnd.ms-excel"),
    ],
)  # fmt: skip
def test_documents_images_and_csv_are_accepted_with_their_type(name, data, media_type) -> None:
    assert check_file(name, data) == media_type


def test_a_program_is_refused_by_its_name_and_by_its_content() -> None:
    assert reason("setup.exe", PDF) is RefusalReason.EXECUTABLE
    assert reason("install.ps1", CSV) is RefusalReason.EXECUTABLE
    assert reason("makro.docm", DOCX) is RefusalReason.EXECUTABLE
    # Renamed programs: a Windows program, a Linux one and a script.
    assert reason("underlag.pdf", b"MZ\x90\x00" + PDF) is RefusalReason.EXECUTABLE
    assert reason("bild.png", b"\x7fELF\x02\x01\x01" + b"\x00" * 40) is RefusalReason.EXECUTABLE
    assert reason("siffror.csv", b"#!/bin/sh\nrm -rf ~\n") is RefusalReason.EXECUTABLE


def test_content_that_is_not_what_the_name_says_is_refused() -> None:
    assert reason("underlag.pdf", PNG) is RefusalReason.CONTENT_MISMATCH
    assert reason("rapport.docx", _zip({"a.txt": b"x"})) is RefusalReason.CONTENT_MISMATCH
    assert reason("data.csv", b"a,b\x00c") is RefusalReason.CONTENT_MISMATCH
    assert reason("protokoll.odt", DOCX) is RefusalReason.CONTENT_MISMATCH


def test_other_types_and_documents_with_macros_are_refused() -> None:
    assert reason("arkiv.zip", _zip({"a.txt": b"x"})) is RefusalReason.TYPE_NOT_ALLOWED
    assert reason("utan-filändelse", PDF) is RefusalReason.TYPE_NOT_ALLOWED
    with_macros = _zip({"[Content_Types].xml": b"<T/>", "word/vbaProject.bin": b"\x00"})
    assert reason("rapport.docx", with_macros) is RefusalReason.MACROS


def test_size_limits_per_file_and_per_assessment() -> None:
    assert reason("tom.pdf", b"") is RefusalReason.EMPTY
    big = PDF + b"\x00" * (MAX_FILE_BYTES + 1 - len(PDF))
    assert reason("stor.pdf", big) is RefusalReason.TOO_LARGE
    assert check_file("lagom.pdf", big[:-1]) == "application/pdf"  # exactly the limit
    already = MAX_TOTAL_BYTES - len(PDF) + 1
    assert reason("sista.pdf", PDF, already=already) is RefusalReason.TOTAL_TOO_LARGE
    assert check_file("sista.pdf", PDF, already=already - 1) == "application/pdf"


def test_a_file_attached_twice_counts_once_towards_the_total() -> None:
    item = file_evidence("a.pdf", PDF)
    assert total_size([item, file_evidence("kopia.pdf", PDF), link_evidence(
        EvidenceKind.LINK, "https://example.org")]) == len(PDF)  # fmt: skip


def test_file_evidence_records_hash_size_type_and_a_safe_name() -> None:
    item = file_evidence("../../etc/underlag.pdf", PDF, "sex")
    assert (item.title, item.target, item.size) == (".._.._etc_underlag.pdf", "sex", len(PDF))
    assert item.sha256 == hashlib.sha256(PDF).hexdigest()


def test_links_must_be_web_addresses_and_references_not_empty() -> None:
    link = link_evidence(EvidenceKind.LINK, " https://www.scb.se/statistik ", "SCB")
    assert (link.reference, link.title) == ("https://www.scb.se/statistik", "SCB")
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "www.scb.se", "https://"):
        with pytest.raises(AttachmentRefusedError) as refused:
            link_evidence(EvidenceKind.LINK, bad)
        assert refused.value.reason is RefusalReason.BAD_LINK
    assert link_evidence(EvidenceKind.RECORD, "KS 2026/0412-3").reference == "KS 2026/0412-3"
    with pytest.raises(AttachmentRefusedError, match="empty"):
        link_evidence(EvidenceKind.RECORD, "  ")


# In the register


def test_attached_file_is_stored_once_and_read_back_checked(store, content, tmp_path) -> None:
    repository = store
    evidence = EvidenceService(repository, temp_root=tmp_path)
    source = tmp_path / "underlag.pdf"
    source.write_bytes(PDF)
    assessment = complete_assessment(content)
    repository.create(assessment)
    first = evidence.attach_file(assessment, source, "age")
    second = evidence.attach_file(assessment, source)
    assessment.evidence += [first, second]
    repository.save(assessment)
    assert count_rows(repository, "evidence_files") == 1
    stored = repository.get(assessment.id)
    assert stored.evidence == [first, second]
    assert evidence.read(stored.evidence[0]) == PDF


def test_a_file_too_large_is_refused_before_it_is_read(store, content, tmp_path) -> None:
    repository = store
    evidence = EvidenceService(repository, temp_root=tmp_path)
    huge = tmp_path / "huge.pdf"
    with huge.open("wb") as file:
        file.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(AttachmentRefusedError, match="larger than 10 MB"):
        evidence.attach_file(complete_assessment(content), huge)
    assert count_rows(repository, "evidence_files") == 0


def test_open_copy_is_read_only_and_has_the_stored_content(store, content, tmp_path) -> None:
    evidence = EvidenceService(store, temp_root=tmp_path)
    source = tmp_path / "Besökare; 2025.csv"
    source.write_bytes(CSV)
    item = evidence.attach_file(complete_assessment(content), source)
    copy = evidence.open_copy(item)
    assert copy.read_bytes() == CSV
    assert copy.name == "Besökare_ 2025.csv"
    assert not copy.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    remove_copies(copy.parent.parent)
    assert not copy.exists()


def test_damaged_bytes_are_reported_not_opened(repository, content, tmp_path) -> None:
    item = file_evidence("a.pdf", PDF)
    repository.db.execute(
        "INSERT INTO evidence_files VALUES (?, ?, '2026-01-01', ?)", [item.sha256, 3, b"bad"]
    )
    with pytest.raises(Exception, match="damaged"):
        EvidenceService(repository, temp_root=tmp_path).read(item)


def test_approved_assessments_evidence_and_files_are_locked(service, content, tmp_path) -> None:
    repository = service.repository
    evidence = EvidenceService(repository, temp_root=tmp_path)
    source = tmp_path / "underlag.pdf"
    source.write_bytes(PDF)
    assessment = complete_assessment(content)
    repository.create(assessment)
    assessment.evidence.append(evidence.attach_file(assessment, source))
    repository.save(assessment)
    service.change_status(assessment, Status.IN_REVIEW)
    service.change_status(assessment, Status.APPROVED)
    db = repository.db
    with pytest.raises(Exception, match="approved assessment"):
        db.execute("DELETE FROM evidence_items WHERE assessment_id = ?", [assessment.id])
    with pytest.raises(Exception, match="approved assessment"):
        db.execute(
            "INSERT INTO statistics_tables (assessment_id, uid, position, topic, unit) "
            "VALUES (?, 'u', 0, 'affected', 'count')",
            [assessment.id],
        )
    with pytest.raises(Exception, match="cannot be changed"):
        db.execute("UPDATE evidence_files SET data = x'00'")
    with pytest.raises(Exception, match="cannot be removed"):
        db.execute("DELETE FROM evidence_files")


def test_unattached_files_are_pruned_after_a_day(repository, content, clock, tmp_path) -> None:
    evidence = EvidenceService(repository, temp_root=tmp_path)
    source = tmp_path / "underlag.pdf"
    source.write_bytes(PDF)
    kept, dropped = complete_assessment(content), complete_assessment(content)
    for a in (kept, dropped):
        repository.create(a)
    kept.evidence.append(evidence.attach_file(kept, source))
    repository.save(kept)
    source.write_bytes(PDF + b"%another\n")
    evidence.attach_file(dropped, source)  # never saved with the assessment: undone
    count = "SELECT count(*) FROM evidence_files"
    assert evidence_files.prune(repository.db, clock()) == 0  # too new to go
    assert evidence_files.prune(repository.db, clock.now + timedelta(days=2)) == 1
    assert repository.db.execute(count).fetchone()[0] == 1
    assert evidence.read(kept.evidence[0]) == PDF


def test_statistics_and_evidence_are_searchable(repository, content) -> None:
    from desktop_app.domain.statistics import StatisticsTable

    assessment = complete_assessment(content)
    assessment.statistics.append(
        StatisticsTable(label="Låntagare", women=5, source="Bibliotekssystemet Mikromarc")
    )
    assessment.evidence.append(link_evidence(EvidenceKind.RECORD, "KFN 2026/77", "Enkätsvar"))
    repository.create(assessment)

    def found(word: str) -> list[int]:
        sql = "SELECT rowid FROM register_search WHERE register_search MATCH ?"
        return [r[0] for r in repository.db.execute(sql, [word]).fetchall()]

    assert found("Mikromarc") == [assessment.id]
    assert found("Enkätsvar") == [assessment.id]
    assessment.evidence.clear()
    repository.save(assessment)
    assert found("Enkätsvar") == []


def test_a_missing_path_is_bad_input(repository, content, tmp_path) -> None:
    with pytest.raises(InputError, match="no such file"):
        EvidenceService(repository).attach_file(complete_assessment(content), tmp_path / "nej.pdf")


def test_evidence_changes_the_fingerprint_and_none_leaves_it_as_before(content) -> None:
    from desktop_app.domain.fingerprint import fingerprint

    assessment = complete_assessment(content)
    before = fingerprint(assessment)
    assessment.evidence.append(file_evidence("a.pdf", PDF))
    assert fingerprint(assessment) != before
    assessment.evidence.clear()
    assert fingerprint(assessment) == before  # none: as before statistics existed


def test_a_backup_holds_the_attached_files(db_path, content, tmp_path) -> None:
    from desktop_app.storage import backup
    from desktop_app.storage.backup import Reason
    from desktop_app.storage.repository import AssessmentRepository

    repository = AssessmentRepository.open(db_path)
    source = tmp_path / "underlag.pdf"
    source.write_bytes(PDF)
    assessment = complete_assessment(content)
    repository.create(assessment)
    assessment.evidence.append(EvidenceService(repository).attach_file(assessment, source))
    repository.save(assessment)
    repository.close()
    info = backup.make_backup(db_path, Reason.MANUAL)
    assert info is not None
    copy = AssessmentRepository.open(info.path)
    try:
        (item,) = copy.get(assessment.id).evidence
        assert copy.evidence_file(item.sha256) == PDF
    finally:
        copy.close()


def test_lika_check_finds_a_missing_or_damaged_file(db_path, content, tmp_path) -> None:
    from desktop_app.storage import checks
    from desktop_app.storage.repository import AssessmentRepository

    repository = AssessmentRepository.open(db_path)
    source = tmp_path / "underlag.pdf"
    source.write_bytes(PDF)
    assessment = complete_assessment(content)
    repository.create(assessment)
    assessment.evidence.append(EvidenceService(repository).attach_file(assessment, source))
    repository.save(assessment)

    def evidence_check() -> str:
        (result,) = [r for r in checks.run_checks(db_path) if r.name == "evidence"]
        return f"{result.outcome.value}: {result.message}"

    assert evidence_check() == "ok: 1 attached file(s), each with its SHA-256"
    repository.db.execute("DROP TRIGGER review_lock_evidence_files_update")
    repository.db.execute("UPDATE evidence_files SET data = ?", [PDF + b" "])
    assert evidence_check().startswith("problem: 1 stored file(s) no longer have their SHA-256")
    repository.db.execute("DELETE FROM evidence_files")
    assert evidence_check() == (
        f"problem: assessment {assessment.id} attaches 'underlag.pdf', but the register does "
        "not hold the file; restore a backup or attach it again"
    )
    repository.close()


def test_the_audit_log_names_a_changed_table_and_an_added_file(repository, content) -> None:
    from desktop_app.domain.statistics import StatisticsTable
    from desktop_app.storage.audit import field_changes

    before = complete_assessment(content)
    table = StatisticsTable(label="Låntagare", women=3)
    before.statistics.append(table)
    after = complete_assessment(content)
    after.statistics.append(table.with_figure("men", 4))
    after.evidence.append(link_evidence(EvidenceKind.RECORD, "KS 1/2", "Protokoll"))
    changes = {c.path: (c.old, c.new) for c in field_changes(before, after)}
    assert changes[("statistics", table.uid)] == (
        "Låntagare (women 3)",
        "Låntagare (women 3, men 4)",
    )
    (evidence_path,) = [p for p in changes if p[0] == "evidence"]
    assert changes[evidence_path] == ("", "Protokoll: KS 1/2")


def test_the_revision_comparison_shows_a_replaced_file_and_changed_figures(content) -> None:
    from dataclasses import replace

    from desktop_app.domain.diff import compare
    from desktop_app.domain.statistics import StatisticsTable

    left = complete_assessment(content)
    table = StatisticsTable(label="Låntagare", women=3, men=4)
    left.statistics.append(table)
    left.evidence.append(file_evidence("underlag.pdf", PDF))
    right = complete_assessment(content)
    right.statistics.append(table.with_figure("men", 5))
    newer = file_evidence("underlag.pdf", PDF + b"%v2\n")
    right.evidence.append(replace(newer, uid=left.evidence[0].uid))
    changed = {r.path[0]: (r.left, r.right) for r in compare(left, right) if r.changed}
    assert changed["statistics"] == ("Låntagare (women 3, men 4)", "Låntagare (women 3, men 5)")
    old, new = changed["evidence"]
    assert old.startswith("underlag.pdf (SHA-256 ") and old != new
