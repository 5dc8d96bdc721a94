"""Moving registers between SQLite files and a server register (issue 20): ``lika
migrate`` (verbatim into an empty register, merged into one that holds some) and
``lika backup --out FILE`` of a server register, through the command line."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from desktop_app.cli import main as cli_main
from scripts import pg_throwaway
from tests.pg_helpers import Server

pytestmark = pytest.mark.postgres

TABLES_WITH_IDS = {"assessments", "measures", "status_changes", "evaluations", "review_comments"}


def url_for(server: Server, who: str | None = "ada") -> str:
    """The libpq URL of the test server's database on its Unix socket, as ``who``."""
    user = server.login[who] if who else pg_throwaway.SUPERUSER
    folder = server.cluster.folder.resolve()
    return f"postgresql://{user}@/{server.database}?host={folder}&port={pg_throwaway.PORT}"


def lika(*argv: str, capsys) -> tuple[int, str, str]:
    code = cli_main(list(argv), default_db=lambda: Path("unused.db"), open_window=lambda _: 0)
    done = capsys.readouterr()
    return code, done.out, done.err


def demo(path: Path, capsys, *extra: str) -> Path:
    code, _out, err = lika("demo", "--db", str(path), *extra, capsys=capsys)
    assert code == 0, err
    return path


def migrate(path: Path, server: Server, capsys, *extra: str, who: str = "ada"):
    code, out, err = lika(
        "migrate", "--db", str(path), "--to", url_for(server, who), "--format", "json", *extra,
        capsys=capsys,
    )  # fmt: skip
    return code, (json.loads(out) if out else None), err


def table_rows(path: Path, table: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        order = "id" if table in TABLES_WITH_IDS | {"audit_log"} else "1, 2"
        return conn.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()
    finally:
        conn.close()


def test_the_demo_register_moves_verbatim_and_its_chain_continues(tmp_path, server, capsys):
    source = demo(tmp_path / "demo.db", capsys)
    code, report, err = migrate(source, server, capsys)
    assert code == 0, err
    assert report["mode"] == "verbatim" and report["ok"]
    assert report["source_chain"]["ok"] and report["target_chain"]["ok"]
    assert report["source_chain"]["entries"] == report["target_chain"]["entries"] > 0
    for table, count in report["tables"].items():
        assert count["source"] == count["copied"] == count["target"], table
    with server.connect() as conn:
        head = conn.execute("SELECT id, hash FROM lika.audit_log ORDER BY id DESC LIMIT 1")
        head = head.fetchone()
        rows = conn.execute("SELECT count(*) FROM lika.register_rows").fetchone()[0]
        found = conn.execute(
            "SELECT count(*) FROM lika.register_search "
            "WHERE document @@ lika.search_query(ARRAY['skol'])"
        ).fetchone()[0]
    lite = sqlite3.connect(source)
    assert (
        head == lite.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    )
    assert rows == lite.execute("SELECT count(*) FROM register_rows").fetchone()[0]
    assert (
        found
        == lite.execute(
            "SELECT count(*) FROM register_search WHERE register_search MATCH 'skol*'"
        ).fetchone()[0]
    )
    # The chain continues on the server: the next entry chains onto the file's head.
    draft = server.new_draft("anna", title="Efter flytten")
    with server.connect("anna") as conn:
        conn.execute("SELECT lika.append_audit('create', %s, 's1-1', 1, 'created')", [draft])
        prev = conn.execute("SELECT prev_hash FROM lika.audit_log ORDER BY id DESC LIMIT 1")
        assert prev.fetchone()[0] == head[1]
    # Identities moved past the copied ids: a new assessment got a fresh one.
    assert draft > max(r[0] for r in table_rows(source, "assessments"))


def test_a_non_empty_server_is_refused_without_merge(tmp_path, server, capsys):
    source = demo(tmp_path / "demo.db", capsys)
    server.new_draft("anna")
    code, report, err = migrate(source, server, capsys)
    assert code == 2 and report is None
    assert "not empty" in err and "--merge" in err


def test_an_unmigrated_server_is_refused_with_what_to_run(tmp_path, pg_cluster, capsys):
    import psycopg

    source = demo(tmp_path / "demo.db", capsys)
    name = pg_cluster.new_database()
    folder = pg_cluster.folder.resolve()
    url = f"postgresql://{pg_throwaway.SUPERUSER}@/{name}?host={folder}&port={pg_throwaway.PORT}"
    code, _out, err = lika("migrate", "--db", str(source), "--to", url, capsys=capsys)
    assert code == 2 and "lika server-schema" in err, err
    with psycopg.connect(pg_cluster.dsn_for(name)) as conn:
        assert conn.execute("SELECT to_regnamespace('lika')").fetchone() == (None,)


def test_only_an_administrator_copies(tmp_path, server, capsys):
    source = demo(tmp_path / "demo.db", capsys)
    code, _report, err = migrate(source, server, capsys, who="anna")
    assert code == 1 and "administrator" in err
    with server.connect() as conn:
        assert conn.execute("SELECT count(*) FROM lika.assessments").fetchone() == (0,)


def test_the_server_refuses_a_chain_that_does_not_continue(server):
    """copy_rows checks every audit entry it is given: a forged one is refused."""
    import psycopg

    entry = {
        "id": 1, "at": "2026-11-02T09:00:00+00:00", "actor": "rita", "os_user": "rita",
        "assessment_id": None, "assessment_uid": "", "revision": 0, "action": "restore",
        "summary": "x", "changes": "[]", "prev_hash": "0" * 64, "hash": "f" * 64,
        "record_hash": "",
    }  # fmt: skip
    with server.connect("ada") as conn, conn.transaction():
        conn.execute("SELECT lika.copy_begin(false)")
        with pytest.raises(psycopg.Error, match="was changed after it was written"):
            conn.execute("SELECT lika.copy_rows('audit_log', %s::jsonb)", [json.dumps([entry])])
    with server.connect("ada") as conn, pytest.raises(psycopg.Error, match="No copy was begun"):
        conn.execute("SELECT lika.copy_rows('assessments', '[]'::jsonb)")


def test_two_files_merge_each_assessment_once_with_conflicts_named(tmp_path, server, capsys):
    first = demo(tmp_path / "anna.db", capsys)
    assert migrate(first, server, capsys)[0] == 0
    # A second caseworker's file: a copy of the first (the same assessments), one draft
    # edited since (a conflict), and a new revision of an approved one (new).
    second = tmp_path / "bo.db"
    second.write_bytes(first.read_bytes())
    lite = sqlite3.connect(second)
    changed_id, changed_uid = lite.execute(
        "SELECT id, uid FROM assessments a WHERE status = 'draft' AND NOT EXISTS (SELECT 1 "
        "FROM assessments n WHERE n.series_uid = a.series_uid AND n.revision > a.revision) "
        "ORDER BY id LIMIT 1"
    ).fetchone()
    approved_id = lite.execute(
        "SELECT id FROM assessments a WHERE status = 'approved' AND NOT EXISTS (SELECT 1 "
        "FROM assessments n WHERE n.series_uid = a.series_uid AND n.revision > a.revision) "
        "ORDER BY id LIMIT 1"
    ).fetchone()[0]
    with lite:
        lite.execute(
            "UPDATE assessments SET title = 'Ändrad av Bo', version = version + 1 WHERE id = ?",
            [changed_id],
        )
    lite.close()
    code, _out, err = lika("new-revision", "--db", str(second), str(approved_id), capsys=capsys)
    assert code == 0, err
    before = server_counts(server)
    code, report, err = migrate(second, server, capsys, "--merge", "--owner", server.login["bo"])
    assert code == 1, err  # a conflict: scripts notice
    assert report["mode"] == "merge" and report["target_chain"]["ok"]
    assert [c["uid"] for c in report["conflicts"]] == [changed_uid]
    assert report["tables"]["assessments"]["copied"] == 1
    assert len(report["already_there"]) == report["tables"]["assessments"]["source"] - 2
    after = server_counts(server)
    assert after["assessments"] == before["assessments"] + 1
    with server.connect() as conn:
        entry = conn.execute(
            "SELECT l.action, l.actor, l.summary, a.owner, a.title FROM lika.audit_log l "
            "JOIN lika.assessments a ON a.id = l.assessment_id ORDER BY l.id DESC LIMIT 1"
        ).fetchone()
    assert entry[0] == "import" and entry[1] == server.login["ada"]
    assert "bo.db" in entry[2] and entry[3] == server.login["bo"]
    # Merging the same file again changes nothing (the conflict is still named).
    code, again, _err = migrate(second, server, capsys, "--merge")
    assert code == 1 and again["tables"]["assessments"]["copied"] == 0
    assert server_counts(server) == after


def server_counts(server: Server) -> dict[str, int]:
    from desktop_app.storage.postgres.copy_tables import server_counts as counts

    with server.connect() as conn:
        return counts(conn)


def test_round_trip_file_server_file_compares_equal(tmp_path, server, capsys):
    source = demo(tmp_path / "demo.db", capsys)
    assert migrate(source, server, capsys)[0] == 0
    copy = tmp_path / "copy.db"
    code, out, err = lika("backup", "--db", url_for(server, "sara"), "--out", str(copy),
                          capsys=capsys)  # fmt: skip
    assert code == 0, err
    assert "Audit chain: ok" in out
    for table in (*TABLES_WITH_IDS, "ground_assessments", "answers", "evaluation_measures",
                  "statistics_tables", "evidence_items", "evidence_files", "audit_log",
                  "evidence_marks", "register_rows"):  # fmt: skip
        assert table_rows(copy, table) == table_rows(source, table), table
    code, out, err = lika("check", "--db", str(copy), capsys=capsys)
    assert code == 0, out + err
    code, out, err = lika("list", "--db", str(copy), "--format", "json", capsys=capsys)
    assert code == 0 and len(json.loads(out)) > 0


def test_backup_of_a_server_needs_out(server, capsys):
    code, _out, err = lika("backup", "--db", url_for(server), capsys=capsys)
    assert code == 2 and "--out" in err


def test_ten_thousand_assessments_move_with_the_chain_checked(tmp_path, server, capsys):
    source = demo(tmp_path / "big.db", capsys, "--count", "10000")
    code, report, err = migrate(source, server, capsys)
    assert code == 0, err
    assert report["source_chain"]["ok"] and report["target_chain"]["ok"]
    assert report["tables"]["assessments"]["target"] == 10000
    for table, count in report["tables"].items():
        assert count["source"] == count["copied"] == count["target"], table


def attach_file(path: Path, tmp_path: Path) -> bytes:
    """A stored evidence file (bytes that are not text) on the first draft of ``path``."""
    from desktop_app.app.evidence_service import EvidenceService
    from desktop_app.storage.repository import AssessmentRepository

    data = b"%PDF-1.4\n" + bytes(range(256)) * 40
    file = tmp_path / "underlag.pdf"
    file.write_bytes(data)
    repository = AssessmentRepository.open(path)
    try:
        draft_id = repository.db.execute(
            "SELECT id FROM assessments WHERE status = 'draft' ORDER BY id LIMIT 1"
        ).fetchone()[0]
        assessment = repository.get(draft_id)
        assessment.evidence.append(EvidenceService(repository).attach_file(assessment, file))
        repository.save(assessment)
    finally:
        repository.close()
    return data


def test_stored_files_make_the_round_trip_byte_for_byte(tmp_path, server, capsys):
    source = demo(tmp_path / "demo.db", capsys)
    data = attach_file(source, tmp_path)
    code, report, err = migrate(source, server, capsys)
    assert code == 0, err
    files = report["tables"]["evidence_files"]
    assert files["source"] == files["copied"] == files["target"] >= 1
    copy = tmp_path / "copy.db"
    code, _out, err = lika("backup", "--db", url_for(server), "--out", str(copy), capsys=capsys)
    assert code == 0, err
    assert table_rows(copy, "evidence_files") == table_rows(source, "evidence_files")
    assert data in [row[3] for row in table_rows(copy, "evidence_files")]
    code, out, err = lika("check", "--db", str(copy), capsys=capsys)
    assert code == 0, out + err


def test_a_second_register_merges_whole_and_its_records_stay_verifiable(tmp_path, server, capsys):
    """Another caseworker's register (other uids): every assessment merged, approved ones
    with their approval records under their import entries; a file copy of the merged
    server register passes lika check (the records match the log)."""
    assert migrate(demo(tmp_path / "anna.db", capsys), server, capsys)[0] == 0
    second = demo(tmp_path / "bo.db", capsys)
    attach_file(second, tmp_path)
    code, report, err = migrate(second, server, capsys, "--merge")
    assert code == 0, err
    tables = report["tables"]
    assert tables["assessments"]["copied"] == tables["assessments"]["source"]
    assert tables["status_changes"]["copied"] == tables["status_changes"]["source"] > 0
    assert tables["audit_log"]["copied"] == tables["assessments"]["source"]  # one each
    assert tables["evidence_files"]["copied"] == 1  # the demo's own are there already
    assert report["target_chain"]["ok"] and not report["conflicts"]
    with server.connect() as conn:
        covered = conn.execute(
            "SELECT count(*) FROM lika.status_changes s JOIN lika.audit_log l "
            "ON l.id = s.audit_id WHERE l.action = 'import' AND l.record_hash <> ''"
        ).fetchone()[0]
    assert covered == tables["status_changes"]["copied"]
    copy = tmp_path / "merged.db"
    code, _out, err = lika("backup", "--db", url_for(server), "--out", str(copy), capsys=capsys)
    assert code == 0, err
    code, out, err = lika("check", "--db", str(copy), capsys=capsys)
    assert code == 0, out + err
    code, out, _err = lika("list", "--db", str(copy), "--format", "json", capsys=capsys)
    assert code == 0 and json.loads(out)


def test_a_file_with_a_broken_chain_is_not_copied(tmp_path, server, capsys):
    source = demo(tmp_path / "demo.db", capsys)
    conn = sqlite3.connect(source)
    with conn:
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("UPDATE audit_log SET summary = 'forged' WHERE id = 3")
    conn.close()
    code, report, err = migrate(source, server, capsys)
    assert code == 1 and report is None
    assert "audit log" in err and "entry 3" in err
    with server.connect() as conn:
        assert conn.execute("SELECT count(*) FROM lika.assessments").fetchone() == (0,)
