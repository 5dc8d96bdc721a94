"""``lika import`` on a server register (issue 20): the file's history goes in as
imported records through ``lika.import_history``, one ``import`` entry in the login's
name; no client can write a record as witnessed, in any name."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.pg_helpers import checked, lika

pytestmark = pytest.mark.postgres


def first(server: Any, status: str) -> int:
    found = server.value(
        f"SELECT id FROM lika.assessments a WHERE status = '{status}' AND NOT EXISTS "
        "(SELECT 1 FROM lika.evaluations e WHERE e.assessment_id = a.id) ORDER BY id LIMIT 1",
    )
    assert found is not None, status
    return int(found)


def checks_clean(url: str, capsys) -> None:
    code, checks = checked(url, capsys)
    assert code == 0, {name: found for name, found in checks.items() if found[0] == "problem"}


def newest_entry(server: Any) -> tuple[str, str, str]:
    with server.connect() as conn:
        row = conn.execute(
            "SELECT actor, action, summary FROM lika.audit_log ORDER BY id DESC LIMIT 1"
        ).fetchone()
    return row


def test_as_new_of_an_approved_one(pg_demo, tmp_path, capsys) -> None:
    server, url = pg_demo
    ident = first(server, "approved")
    out = tmp_path / "a.json"
    assert lika("--db", url, "export", str(ident), "--out", str(out)) == 0
    assert lika("--db", url, "import", str(out)) != 0  # already there
    assert "--as-new" in capsys.readouterr().err
    before = server.value("SELECT max(id) FROM lika.assessments")
    assert lika("--db", url, "import", "--as-new", str(out)) == 0, capsys.readouterr()
    new = server.value("SELECT max(id) FROM lika.assessments")
    assert new == before + 1
    # An approval from a file without a trusted signature is a claim: in review.
    assert server.value(f"SELECT status FROM lika.assessments WHERE id = {new}") == "in_review"
    assert server.value(f"SELECT owner FROM lika.assessments WHERE id = {new}") == (
        f"{server.database}_solo"
    )
    trusts = server.value(
        f"SELECT array_agg(trust ORDER BY id) FROM lika.status_changes WHERE assessment_id = {new}",
    )
    assert "witnessed" not in trusts and trusts[-1] == "unverified"
    actor, action, summary = newest_entry(server)
    assert (actor, action) == (f"{server.database}_solo", "import")
    # The file's name and what it claimed: an approval it could not prove.
    assert summary.startswith("imported as new (in_review) from a.json; the approval by ")
    assert summary.endswith("in the file is unverified")
    checks_clean(url, capsys)


def test_replace_of_a_draft_and_a_pdf(pg_demo, tmp_path, capsys) -> None:
    server, url = pg_demo
    ident = first(server, "draft")
    out = tmp_path / "d.json"
    assert lika("--db", url, "export", str(ident), "--out", str(out)) == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    document["assessment"]["decision"]["title"] = "Ny titel från filen"
    out.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    version = server.value(f"SELECT version FROM lika.assessments WHERE id = {ident}")
    assert lika("--db", url, "import", "--replace", str(out)) == 0, capsys.readouterr()
    assert f"Replaced assessment {ident}" in capsys.readouterr().out
    title = server.value(f"SELECT title FROM lika.assessments WHERE id = {ident}")
    assert title == "Ny titel från filen"
    assert server.value(f"SELECT version FROM lika.assessments WHERE id = {ident}") > version
    assert newest_entry(server)[1] == "import"
    pdf = tmp_path / "d.pdf"
    assert lika("--db", url, "export-pdf", str(ident), "--out", str(pdf)) == 0
    assert lika("--db", url, "import", "--as-new", str(pdf)) == 0, capsys.readouterr()
    new = server.value("SELECT max(id) FROM lika.assessments")
    assert server.value(f"SELECT title FROM lika.assessments WHERE id = {new}") == title
    checks_clean(url, capsys)


def test_into_another_server_register(pg_demo, pg_cluster, tmp_path, capsys) -> None:
    from tests.pg_helpers import Server

    server, url = pg_demo
    ident = first(server, "approved")
    out = tmp_path / "a.json"
    assert lika("--db", url, "export", str(ident), "--out", str(out)) == 0
    other = Server(pg_cluster, pg_cluster.new_database())
    there = pg_cluster.url_for(other.database, other.login["anna"])
    assert lika("--db", there, "import", str(out)) == 0, capsys.readouterr()
    assert other.value("SELECT count(*) FROM lika.assessments") == 1
    assert other.value("SELECT owner FROM lika.assessments") == other.login["anna"]
    checks_clean(there, capsys)


def test_refused(pg_demo, tmp_path, capsys) -> None:
    """An approved one is never overwritten; nor may a client write a witnessed
    record, or import into someone else's assessment, through the function."""
    import psycopg

    server, url = pg_demo
    ident = first(server, "approved")
    out = tmp_path / "a.json"
    assert lika("--db", url, "export", str(ident), "--out", str(out)) == 0
    entries = server.value("SELECT count(*) FROM lika.audit_log")
    assert lika("--db", url, "import", "--replace", str(out)) != 0
    assert "cannot be overwritten" in capsys.readouterr().err
    assert server.value("SELECT count(*) FROM lika.audit_log") == entries
    mine = server.new_draft("anna")
    forged = json.dumps([{"to_status": "approved", "trust": "witnessed", "actor": "Rita"}])
    with server.connect("anna") as anna, pytest.raises(psycopg.Error, match="imported"):
        anna.execute("SELECT lika.import_history(%s, 1, %s::jsonb, 'x')", [mine, forged])
    unsigned = json.dumps([{"to_status": "approved", "trust": "signed", "actor": "Rita"}])
    with server.connect("anna") as anna, pytest.raises(psycopg.Error, match="imported"):
        anna.execute("SELECT lika.import_history(%s, 1, %s::jsonb, 'x')", [mine, unsigned])
    claim = json.dumps([{"to_status": "in_review", "trust": "imported", "actor": "Anna"}])
    with server.connect("bo") as bo, pytest.raises(psycopg.Error, match="own caseworker"):
        bo.execute("SELECT lika.import_history(%s, 1, %s::jsonb, 'x')", [mine, claim])
    with server.connect("sara") as sara, pytest.raises(psycopg.Error, match="permission"):
        sara.execute("SELECT lika.import_history(%s, 1, %s::jsonb, 'x')", [mine, claim])
    assert server.value("SELECT count(*) FROM lika.audit_log") == entries


def evaluations_of(where: Any, ident: int) -> list[Any]:
    """The evaluations of ``ident`` in a register (a file or a server), without the
    ids the register gave them."""
    from dataclasses import replace

    from desktop_app.app import registers

    store = registers.open_store(where)
    try:
        found = registers.evaluation_records(store).for_assessment(ident)
    finally:
        store.close()
    return [replace(e, id=None, assessment_id=0) for e in found]


def test_a_files_evaluations_arrive_as_on_a_file_register(pg_demo, tmp_path, capsys) -> None:
    """The file's evaluations, in their evaluators' names from the file, arrive as the
    file import stores them; the one ``import`` entry is the login's, and its hash
    covers them (its changes carry their digest)."""
    from datetime import date

    from desktop_app.app import registers
    from desktop_app.domain.codes import MeasureStatus
    from desktop_app.domain.evaluation import Evaluation, ImpactAsExpected, MeasureResult
    from desktop_app.register_location import ServerUrl

    server, url = pg_demo
    ident = server.value(
        "SELECT a.id FROM lika.assessments a WHERE status = 'approved' AND EXISTS "
        "(SELECT 1 FROM lika.measures m WHERE m.assessment_id = a.id) ORDER BY id LIMIT 1",
    )
    measure = server.value(f"SELECT uid FROM lika.measures WHERE assessment_id = {ident}")
    store = registers.open_store(ServerUrl(url))
    try:
        registers.evaluation_records(store).record(
            Evaluation(
                id=None, assessment_id=ident, followup_date=None,
                evaluated_on=date(2027, 3, 1), evaluator="", os_user="", recorded_at=None,
                what_happened="Det gick bra – åtgärden höll", impact=ImpactAsExpected.YES,
                impact_note="", next_followup=date(2028, 3, 1),
                measures=(MeasureResult(measure, "Skyltning", MeasureStatus.DONE, "klar"),),
            )
        )  # fmt: skip
    finally:
        store.close()
    there = evaluations_of(ServerUrl(url), ident)
    out = tmp_path / "e.json"
    assert lika("--db", url, "export", str(ident), "--out", str(out)) == 0
    before = server.value("SELECT max(id) FROM lika.assessments")
    assert lika("--db", url, "import", "--as-new", str(out)) == 0, capsys.readouterr()
    new = server.value("SELECT max(id) FROM lika.assessments")
    assert new > before
    file = tmp_path / "file.db"
    assert lika("--db", str(file), "import", str(out)) == 0, capsys.readouterr()
    on_file = evaluations_of(file, 1)
    arrived = evaluations_of(ServerUrl(url), new)
    assert arrived == on_file == there and arrived
    assert any(e.measures for e in arrived)
    actor, action, _ = newest_entry(server)
    assert (actor, action) == (url.split("//")[1].split("@")[0], "import")
    changes = server.value("SELECT changes FROM lika.audit_log ORDER BY id DESC LIMIT 1")
    [(path, old, digest)] = json.loads(changes)
    assert (path, old) == (["evaluations"], "") and digest.startswith(f"{len(arrived)} sha256:")
    checks_clean(url, capsys)


def test_no_evaluation_in_anothers_name_outside_an_import(pg_demo, tmp_path, capsys) -> None:
    """A caseworker writes an evaluation in its own name only; the import function
    stores others' only in an import of the login's own open assessment, which the
    login's ``import`` entry records."""
    import psycopg

    server, _ = pg_demo
    mine = server.new_draft("anna")
    approved = first(server, "approved")
    entries = server.value("SELECT count(*) FROM lika.audit_log")
    evaluation = json.dumps(
        [{"evaluated_on": "2027-03-01", "evaluator": "Rita", "os_user": "rita",
          "recorded_at": "2027-03-01T10:00:00+00:00", "impact": "yes", "measures": []}]
    )  # fmt: skip
    with server.connect("anna") as anna, pytest.raises(psycopg.Error, match="row-level"):
        anna.execute(
            "INSERT INTO lika.evaluations (assessment_id, evaluated_on, evaluator, os_user, "
            "recorded_at, impact) VALUES (%s, '2027-03-01', 'Rita', 'rita', 'x', 'yes')",
            [mine],
        )
    call = "SELECT lika.import_with_evaluations(%s, 1, '[]', 'x', '[]', %s::jsonb)"
    with server.connect("bo") as bo, pytest.raises(psycopg.Error, match="own caseworker"):
        bo.execute(call, [mine, evaluation])
    with server.connect("anna") as anna, pytest.raises(psycopg.Error, match="own caseworker"):
        anna.execute(call, [approved, evaluation])
    with server.connect("sara") as sara, pytest.raises(psycopg.Error, match="permission"):
        sara.execute(call, [mine, evaluation])
    assert server.value("SELECT count(*) FROM lika.audit_log") == entries
    assert server.value(f"SELECT count(*) FROM lika.evaluations WHERE assessment_id = {mine}") == 0
    with server.connect("anna") as anna:  # an import of her own draft: her entry says so
        anna.execute(call, [mine, evaluation])
    actor, action, _ = newest_entry(server)
    assert (actor, action) == (server.login["anna"], "import")
    assert server.value(f"SELECT evaluator FROM lika.evaluations WHERE assessment_id = {mine}") == (
        "Rita"
    )
    with server.connect("anna") as anna:  # replaced, as on a file: the file's, none
        anna.execute(call.replace(", 1,", ", 2,"), [mine, "[]"])
    assert server.value(f"SELECT count(*) FROM lika.evaluations WHERE assessment_id = {mine}") == 0
    changes = server.value("SELECT changes FROM lika.audit_log ORDER BY id DESC LIMIT 1")
    [(path, old, digest)] = json.loads(changes)
    assert (path, old) == (["evaluations"], "1") and digest.startswith("0 sha256:")


def test_a_signed_approval_from_a_file_register_stands(pg_demo, tmp_path, content, capsys) -> None:
    """An approval signed by a key this PC trusts (here its own) arrives approved, its
    record ``signed``, in the approver's name from the file; the entry is the login's."""
    from tests.tampering_helpers import export, make_register

    server, url = pg_demo
    register = make_register(tmp_path / "register.db", content, capsys)
    data = export(register, capsys, 1, tmp_path / "one.json")
    assert data["history"][-1]["signature"]
    assert lika("--db", url, "import", str(tmp_path / "one.json")) == 0, capsys.readouterr()
    new = server.value("SELECT max(id) FROM lika.assessments")
    assert server.value(f"SELECT status FROM lika.assessments WHERE id = {new}") == "approved"
    approval = server.value(
        f"SELECT array[actor, trust] FROM lika.status_changes WHERE assessment_id = {new} "
        "AND to_status = 'approved'",
    )
    assert approval == ["Bo", "signed"]
    assert newest_entry(server)[:2] == (f"{server.database}_solo", "import")
    checks_clean(url, capsys)
    # Approved on the server: no import overwrites it, as in a file.
    assert lika("--db", url, "import", "--replace", str(tmp_path / "one.json")) != 0
    assert "cannot be overwritten" in capsys.readouterr().err
