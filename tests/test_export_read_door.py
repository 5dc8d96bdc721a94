"""``lika export-pdf`` reads through the read-only door (issue 18): a register that
opening would leave as it is is read over plain ``sqlite3`` by the repository's own reads
(``registers.open_store_as_is``), and the PDF shows exactly what the usual door shows;
any other register is opened the usual way, upgrades and all.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlite_utils import Database

from desktop_app.app import registers
from desktop_app.app.reporting import summary_input
from desktop_app.app.service import AssessmentService
from desktop_app.domain.identity import Identity
from desktop_app.storage import migration_names
from desktop_app.storage.migrations import migrations
from desktop_app.storage.plain_db import PlainDb
from desktop_app.storage.repository import AssessmentRepository
from tests.safety_helpers import register_state
from tests.tampering_helpers import make_register, run

TODAY = date(2026, 12, 6)


@pytest.fixture
def register(tmp_path, content, capsys) -> Path:
    return make_register(tmp_path / "register.db", content, capsys)


def test_the_door_s_summary_is_the_usual_door_s(register, content) -> None:
    """Approved, in review and draft: everything the PDF shows (the exchange file it
    carries, history, approval, review notes, audit head) read both ways is equal."""
    before = register_state(register)
    light = registers.open_store_as_is(register)
    assert light is not None
    assert isinstance(light, AssessmentRepository) and isinstance(light.db, PlainDb)
    usual = registers.open_store(register)
    try:
        read = AssessmentService(light, content, Identity.default())
        opened = AssessmentService(usual, content, Identity.default())
        seen = []
        for ident in (1, 2, 3):
            one = summary_input(read, read.get(ident), today=TODAY)
            other = summary_input(opened, opened.get(ident), today=TODAY)
            assert one == other
            seen.append(one)
        approved = seen[0]  # not an empty comparison: the approval and its history
        assert approved.approval is not None and approved.history and approved.chain_head
        assert approved.attachment.data
    finally:
        light.close()
        usual.close()
    assert register_state(register) == before  # neither door changed it


def test_export_pdf_through_the_door_leaves_the_register_as_it_was(register, capsys) -> None:
    before = register_state(register)
    out = register.parent / "one.pdf"
    code, _out, err = run(register, capsys, "export-pdf", "1", "--out", str(out))
    assert code == 0 and out.read_bytes().startswith(b"%PDF"), err
    assert register_state(register) == before


def test_a_write_through_the_door_is_refused(register) -> None:
    light = registers.open_store_as_is(register)
    assert light is not None
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            light.db.execute("UPDATE assessments SET title = 'x'")
    finally:
        light.close()


def test_export_pdf_still_upgrades_an_older_register(register, capsys) -> None:
    """The door declines an older register; the export opens it the usual way."""
    register.unlink()
    db = Database(register)
    migrations.apply(db, stop_before=migration_names.KNOWN[-1])
    db.enable_wal()
    db.close()
    assert registers.open_store_as_is(register) is None
    code, _out, err = run(register, capsys, "export-pdf", "1", "--out", str(register) + ".pdf")
    assert code == 2 and "No assessment with id 1" in err, err  # empty, and upgraded
    conn = sqlite3.connect(register)
    try:
        assert migration_names.applied(conn) == set(migration_names.KNOWN)
    finally:
        conn.close()


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_a_listing_scans_the_register_once(register, capsys, monkeypatch, fmt) -> None:
    """The door's integrity scan is the start check (about half a second at 100,000
    assessments): ``lika list --format json``, which also opens the register to say how
    each approval is known, must not scan it a second time."""
    from desktop_app.storage import backup, integrity, read_door

    scans: list[bool] = []

    def counted(conn, *, quick: bool = False) -> list[str]:
        scans.append(quick)
        return integrity.integrity_problems(conn, quick=quick)

    monkeypatch.setattr(read_door, "integrity_problems", counted)
    monkeypatch.setattr(backup, "integrity_problems", counted)
    code, _out, err = run(register, capsys, "list", "--format", fmt)
    assert code == 0, err
    assert len(scans) == 1
