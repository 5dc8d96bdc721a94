"""``lika import`` on a server register (issue 20): the file's history goes in as
imported records through ``lika.import_history``, one ``import`` entry in the login's
name; no client can write a record as witnessed, in any name."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.pg_helpers import demo_register, lika

pytestmark = pytest.mark.postgres


@pytest.fixture
def demo(pg_cluster, pg_database, tmp_path, monkeypatch, capsys) -> tuple[Any, str]:
    return demo_register(pg_cluster, pg_database, tmp_path, monkeypatch, capsys)


def one(server: Any, sql: str) -> Any:
    with server.connect() as conn:
        row = conn.execute(sql).fetchone()
    return row[0] if row else None


def first(server: Any, status: str) -> int:
    found = one(
        server,
        f"SELECT id FROM lika.assessments a WHERE status = '{status}' AND NOT EXISTS "
        "(SELECT 1 FROM lika.evaluations e WHERE e.assessment_id = a.id) ORDER BY id LIMIT 1",
    )
    assert found is not None, status
    return int(found)


def checks_clean(url: str, capsys) -> None:
    capsys.readouterr()
    code = lika("--db", url, "check", "--format", "json")
    record = json.loads(capsys.readouterr().out)
    assert code == 0, [c for c in record["checks"] if c["outcome"] == "problem"]


def newest_entry(server: Any) -> tuple[str, str, str]:
    with server.connect() as conn:
        row = conn.execute(
            "SELECT actor, action, summary FROM lika.audit_log ORDER BY id DESC LIMIT 1"
        ).fetchone()
    return row


def test_as_new_of_an_approved_one(demo, tmp_path, capsys) -> None:
    server, url = demo
    ident = first(server, "approved")
    out = tmp_path / "a.json"
    assert lika("--db", url, "export", str(ident), "--out", str(out)) == 0
    assert lika("--db", url, "import", str(out)) != 0  # already there
    assert "--as-new" in capsys.readouterr().err
    before = one(server, "SELECT max(id) FROM lika.assessments")
    assert lika("--db", url, "import", "--as-new", str(out)) == 0, capsys.readouterr()
    new = one(server, "SELECT max(id) FROM lika.assessments")
    assert new == before + 1
    # An approval from a file without a trusted signature is a claim: in review.
    assert one(server, f"SELECT status FROM lika.assessments WHERE id = {new}") == "in_review"
    assert one(server, f"SELECT owner FROM lika.assessments WHERE id = {new}") == (
        f"{server.database}_solo"
    )
    trusts = one(
        server,
        f"SELECT array_agg(trust ORDER BY id) FROM lika.status_changes WHERE assessment_id = {new}",
    )
    assert "witnessed" not in trusts and trusts[-1] == "unverified"
    actor, action, summary = newest_entry(server)
    assert (actor, action) == (f"{server.database}_solo", "import")
    # The file's name and what it claimed: an approval it could not prove.
    assert summary.startswith("imported as new (in_review) from a.json; the approval by ")
    assert summary.endswith("in the file is unverified")
    checks_clean(url, capsys)


def test_replace_of_a_draft_and_a_pdf(demo, tmp_path, capsys) -> None:
    server, url = demo
    ident = first(server, "draft")
    out = tmp_path / "d.json"
    assert lika("--db", url, "export", str(ident), "--out", str(out)) == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    document["assessment"]["decision"]["title"] = "Ny titel från filen"
    out.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    version = one(server, f"SELECT version FROM lika.assessments WHERE id = {ident}")
    assert lika("--db", url, "import", "--replace", str(out)) == 0, capsys.readouterr()
    assert f"Replaced assessment {ident}" in capsys.readouterr().out
    title = one(server, f"SELECT title FROM lika.assessments WHERE id = {ident}")
    assert title == "Ny titel från filen"
    assert one(server, f"SELECT version FROM lika.assessments WHERE id = {ident}") > version
    assert newest_entry(server)[1] == "import"
    pdf = tmp_path / "d.pdf"
    assert lika("--db", url, "export-pdf", str(ident), "--out", str(pdf)) == 0
    assert lika("--db", url, "import", "--as-new", str(pdf)) == 0, capsys.readouterr()
    new = one(server, "SELECT max(id) FROM lika.assessments")
    assert one(server, f"SELECT title FROM lika.assessments WHERE id = {new}") == title
    checks_clean(url, capsys)


def test_into_another_server_register(demo, pg_cluster, tmp_path, capsys) -> None:
    from tests.pg_helpers import Server

    server, url = demo
    ident = first(server, "approved")
    out = tmp_path / "a.json"
    assert lika("--db", url, "export", str(ident), "--out", str(out)) == 0
    other = Server(pg_cluster, pg_cluster.new_database())
    there = pg_cluster.url_for(other.database, other.login["anna"])
    assert lika("--db", there, "import", str(out)) == 0, capsys.readouterr()
    assert one(other, "SELECT count(*) FROM lika.assessments") == 1
    assert one(other, "SELECT owner FROM lika.assessments") == other.login["anna"]
    checks_clean(there, capsys)


def test_refused(demo, tmp_path, capsys) -> None:
    """An approved one is never overwritten; nor may a client write a witnessed
    record, or import into someone else's assessment, through the function."""
    import psycopg

    server, url = demo
    ident = first(server, "approved")
    out = tmp_path / "a.json"
    assert lika("--db", url, "export", str(ident), "--out", str(out)) == 0
    entries = one(server, "SELECT count(*) FROM lika.audit_log")
    assert lika("--db", url, "import", "--replace", str(out)) != 0
    assert "cannot be overwritten" in capsys.readouterr().err
    assert one(server, "SELECT count(*) FROM lika.audit_log") == entries
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
    assert one(server, "SELECT count(*) FROM lika.audit_log") == entries


def test_a_file_with_evaluations_is_refused_whole(demo, tmp_path, capsys) -> None:
    from datetime import date

    from desktop_app.app import registers
    from desktop_app.domain.evaluation import Evaluation, ImpactAsExpected
    from desktop_app.register_location import ServerUrl

    server, url = demo
    ident = first(server, "approved")
    store = registers.open_store(ServerUrl(url))
    try:
        registers.evaluation_records(store).record(
            Evaluation(
                id=None, assessment_id=ident, followup_date=None,
                evaluated_on=date(2027, 3, 1), evaluator="", os_user="", recorded_at=None,
                what_happened="Det gick bra", impact=ImpactAsExpected.YES, impact_note="",
                next_followup=None, measures=(),
            )
        )  # fmt: skip
    finally:
        store.close()
    out = tmp_path / "e.json"
    assert lika("--db", url, "export", str(ident), "--out", str(out)) == 0
    count = one(server, "SELECT count(*) FROM lika.assessments")
    assert lika("--db", url, "import", "--as-new", str(out)) == 1
    err = capsys.readouterr().err
    assert "follow-up evaluations is not available on a server register" in err
    assert one(server, "SELECT count(*) FROM lika.assessments") == count


def test_a_signed_approval_from_a_file_register_stands(demo, tmp_path, content, capsys) -> None:
    """An approval signed by a key this PC trusts (here its own) arrives approved, its
    record ``signed``, in the approver's name from the file; the entry is the login's."""
    from tests.tampering_helpers import export, make_register

    server, url = demo
    register = make_register(tmp_path / "register.db", content, capsys)
    data = export(register, capsys, 1, tmp_path / "one.json")
    assert data["history"][-1]["signature"]
    assert lika("--db", url, "import", str(tmp_path / "one.json")) == 0, capsys.readouterr()
    new = one(server, "SELECT max(id) FROM lika.assessments")
    assert one(server, f"SELECT status FROM lika.assessments WHERE id = {new}") == "approved"
    approval = one(
        server,
        f"SELECT array[actor, trust] FROM lika.status_changes WHERE assessment_id = {new} "
        "AND to_status = 'approved'",
    )
    assert approval == ["Bo", "signed"]
    assert newest_entry(server)[:2] == (f"{server.database}_solo", "import")
    checks_clean(url, capsys)
    # Approved on the server: no import overwrites it, as in a file.
    assert lika("--db", url, "import", "--replace", str(tmp_path / "one.json")) != 0
    assert "cannot be overwritten" in capsys.readouterr().err
