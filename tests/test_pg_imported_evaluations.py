"""``lika check`` on a server register holds a file's imported follow-up evaluations to
the ``import`` entry that records them (issue 20): someone with ``psql`` and the
privileges to go around Lika's functions (the tables' owner, a superuser, an
administrator) who changes, removes or adds an imported evaluation is found, as an
approval record changed so is; an evaluation a login records later in its own name,
and a replacing import, are not findings."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from tests.pg_helpers import checked, lika

pytestmark = pytest.mark.postgres

# Text that JSON escapes: the digest is computed by the server and again in Python.
AWKWARD = 'Det gick "bra" – åtgärden höll\nrad två\t\\ 🙂 \x01'


def as_owner(server: Any, *statements: str) -> None:
    """As the superuser who owns the tables (row-level security does not apply)."""
    with server.connect() as conn:
        for statement in statements:
            conn.execute(statement)


def record(url: str, ident: int, what: str, measure: str | None, day: int = 1) -> None:
    """An evaluation recorded through Lika, in the login's own name."""
    from desktop_app.app import registers
    from desktop_app.domain.codes import MeasureStatus
    from desktop_app.domain.evaluation import Evaluation, ImpactAsExpected, MeasureResult
    from desktop_app.register_location import ServerUrl

    results = (MeasureResult(measure, "Skyltning", MeasureStatus.DONE, what),) if measure else ()
    store = registers.open_store(ServerUrl(url))
    try:
        registers.evaluation_records(store).record(
            Evaluation(
                id=None, assessment_id=ident, followup_date=date(2027, 2, day),
                evaluated_on=date(2027, 3, day), evaluator="", os_user="", recorded_at=None,
                what_happened=what, impact=ImpactAsExpected.PARTLY, impact_note=what,
                next_followup=None if measure else date(2028, 3, 1), measures=results,
            )
        )  # fmt: skip
    finally:
        store.close()


def imported(server: Any, url: str, tmp_path, capsys) -> tuple[int, int]:
    """Two more evaluations of an approved assessment (one with a measure's result), it
    exported and imported as a new copy: the copy's id and its import entry's."""
    ident = server.value(
        "SELECT a.id FROM lika.assessments a WHERE status = 'approved' AND EXISTS "
        "(SELECT 1 FROM lika.measures m WHERE m.assessment_id = a.id) ORDER BY id LIMIT 1",
    )
    measure = server.value(f"SELECT uid FROM lika.measures WHERE assessment_id = {ident}")
    record(url, ident, AWKWARD, measure)
    record(url, ident, "Andra uppföljningen", None, day=2)
    out = tmp_path / "e.json"
    assert lika("--db", url, "export", str(ident), "--out", str(out)) == 0
    assert lika("--db", url, "import", "--as-new", str(out)) == 0, capsys.readouterr()
    new = server.value("SELECT max(id) FROM lika.assessments")
    entry = server.value("SELECT max(id) FROM lika.audit_log WHERE action = 'import'")
    counted = "SELECT count(*) FROM lika.evaluations WHERE assessment_id = "
    assert server.value(f"{counted}{new}") == server.value(f"{counted}{ident}")
    return new, entry


def test_an_imported_evaluation_changed_on_the_server_is_found(pg_demo, tmp_path, capsys) -> None:
    server, url = pg_demo
    new, entry = imported(server, url, tmp_path, capsys)
    code, checks = checked(url, capsys)
    assert code == 0, [c for c in checks.items() if c[1][0] == "problem"]
    assert checks["evaluations"] == (
        "ok",
        "2 imported evaluation(s) match the import entries that record them",
    )
    as_owner(
        server,
        f"UPDATE lika.evaluations SET what_happened = 'Ändrad i efterhand' "
        f"WHERE assessment_id = {new} AND what_happened = 'Andra uppföljningen'",
    )
    code, checks = checked(url, capsys)
    assert code == 1
    assert checks["evaluations"] == (
        "problem",
        f"the imported evaluations of audit entry {entry} (assessment {new}) were changed, "
        "removed or added outside Lika",
    )
    assert checks["audit"][0] == "ok"  # the log itself is whole: the rows are not
    assert lika("--db", url, "check") == 1
    out = capsys.readouterr().out
    [line] = [x for x in out.splitlines() if f"evaluations of audit entry {entry}" in x]
    assert line.split()[:2] == ["problem", "evaluations"]


@pytest.mark.parametrize(
    "tampering",
    [
        "DELETE FROM lika.evaluations WHERE assessment_id = {new} "
        "AND what_happened = 'Andra uppföljningen'",
        "UPDATE lika.evaluation_measures SET status = 'not_started' WHERE assessment_id = {new}",
        "DELETE FROM lika.evaluation_measures WHERE assessment_id = {new}",
        "UPDATE lika.evaluations SET evaluator = 'Någon annan' WHERE assessment_id = {new}",
        "INSERT INTO lika.evaluations (assessment_id, evaluated_on, evaluator, os_user, "
        "recorded_at, impact, import_id) VALUES ({new}, '2027-04-01', 'X', 'x', "
        "'2027-04-01T10:00:00+00:00', 'yes', {entry})",
        "UPDATE lika.evaluations SET import_id = NULL WHERE assessment_id = {new}",
    ],
    ids=["deleted", "measure", "measure-deleted", "evaluator", "added", "unlinked"],
)
def test_every_change_to_imported_rows_is_found(pg_demo, tmp_path, capsys, tampering) -> None:
    server, url = pg_demo
    new, entry = imported(server, url, tmp_path, capsys)
    as_owner(server, tampering.format(new=new, entry=entry))
    code, checks = checked(url, capsys)
    assert code == 1 and checks["evaluations"][0] == "problem", checks["evaluations"]
    assert f"audit entry {entry} (assessment {new})" in checks["evaluations"][1]


def test_a_row_linked_to_an_entry_that_imported_none(pg_demo, tmp_path, capsys) -> None:
    """A caseworker's own evaluation made to look imported (by an entry that records
    no evaluations) is found too."""
    server, url = pg_demo
    new, _ = imported(server, url, tmp_path, capsys)
    record(url, new, "Min egen", None, day=3)
    other = server.value("SELECT min(id) FROM lika.audit_log")
    as_owner(
        server,
        f"UPDATE lika.evaluations SET import_id = {other} WHERE what_happened = 'Min egen'",
    )
    code, checks = checked(url, capsys)
    assert code == 1
    assert checks["evaluations"][0] == "problem"
    assert f"names audit entry {other}, which imported no evaluations" in checks["evaluations"][1]


def test_own_evaluations_and_a_replacing_import_are_not_findings(pg_demo, tmp_path, capsys) -> None:
    """An evaluation recorded later in the login's own name is not imported; a replacing
    import removes the evaluations an earlier import brought, and says so."""
    server, url = pg_demo
    new, _ = imported(server, url, tmp_path, capsys)
    record(url, new, "Egen uppföljning efter importen", None, day=4)
    mine = server.new_draft("anna")
    evaluation = json.dumps(
        [{"evaluated_on": "2027-03-01", "evaluator": "Rita", "os_user": "rita",
          "recorded_at": "2027-03-01T10:00:00+00:00", "impact": "yes", "measures": []}]
    )  # fmt: skip
    call = "SELECT lika.import_with_evaluations(%s, %s, '[]', 'x', '[]', %s::jsonb)"
    with server.connect("anna") as anna:
        anna.execute(call, [mine, 1, evaluation])
        anna.execute(call, [mine, 2, evaluation.replace("Rita", "Rut")])
    assert server.value(f"SELECT evaluator FROM lika.evaluations WHERE assessment_id = {mine}") == (
        "Rut"
    )
    code, checks = checked(url, capsys)
    assert code == 0, [c for c in checks.items() if c[1][0] == "problem"]
    assert checks["evaluations"][1].startswith("3 imported evaluation(s) match")


def test_only_the_import_functions_link_an_evaluation(pg_demo) -> None:
    """No login writes the link itself: not a caseworker recording its own evaluation,
    not an administrator correcting one."""
    import psycopg

    server, _ = pg_demo
    mine = server.new_draft("anna")
    entry = server.value("SELECT max(id) FROM lika.audit_log")
    with server.connect("anna") as anna, pytest.raises(psycopg.Error, match="permission"):
        anna.execute(
            "INSERT INTO lika.evaluations (assessment_id, evaluated_on, evaluator, os_user, "
            "recorded_at, impact, import_id) VALUES (%s, '2027-03-01', 'Anna', "
            "session_user, 'x', 'yes', %s)",
            [mine, entry],
        )
    with server.connect("anna") as anna:  # her own, without the link, as before
        anna.execute(
            "INSERT INTO lika.evaluations (assessment_id, evaluated_on, evaluator, os_user, "
            "recorded_at, impact) VALUES (%s, '2027-03-01', 'Anna', session_user, 'x', 'yes')",
            [mine],
        )
    with server.connect("ada") as ada:
        ada.execute("UPDATE lika.evaluations SET impact_note = 'rättad' WHERE assessment_id = %s",
                    [mine])  # fmt: skip
        with pytest.raises(psycopg.Error, match="permission"):
            ada.execute(
                "UPDATE lika.evaluations SET import_id = %s WHERE assessment_id = %s",
                [entry, mine],
            )


def test_a_portable_copy_moved_onto_another_server_checks_clean(
    pg_demo, pg_cluster, tmp_path, capsys
) -> None:
    """A file holds no links: a server register copied to a file (``backup --out``) and
    that file onto an empty server (``migrate``) checks clean, and that server's own
    imports afterwards are checked."""
    from tests.pg_helpers import Server

    server, url = pg_demo
    imported(server, url, tmp_path, capsys)
    portable = tmp_path / "portable.db"
    assert lika("--db", url, "backup", "--out", str(portable)) == 0, capsys.readouterr()
    other = Server(pg_cluster, pg_cluster.new_database())
    there = pg_cluster.url_for(other.database, other.solo())
    with other.connect() as conn:  # the solo login copies too: an administrator
        conn.execute(f'GRANT lika_admin TO "{other.database}_solo"')
    code = lika("migrate", "--db", str(portable), "--to", there)
    assert code == 0, capsys.readouterr()
    code, checks = checked(there, capsys)
    assert code == 0, [c for c in checks.items() if c[1][0] == "problem"]
    assert checks["evaluations"][1].startswith("0 imported evaluation(s) match")
    new, entry = imported(other, there, tmp_path, capsys)
    code, checks = checked(there, capsys)
    # The copied assessment already had two: the file brings four.
    assert code == 0 and checks["evaluations"][1].startswith("4 imported evaluation(s) match")
    as_owner(other, f"DELETE FROM lika.evaluations WHERE assessment_id = {new}")
    code, checks = checked(there, capsys)
    assert code == 1 and f"audit entry {entry} (assessment {new})" in checks["evaluations"][1]


def test_an_import_into_no_assessment_is_refused_as_before(pg_demo) -> None:
    import psycopg

    server, _ = pg_demo
    evaluation = json.dumps(
        [{"evaluated_on": "2027-03-01", "evaluator": "Rita", "os_user": "rita",
          "recorded_at": "2027-03-01T10:00:00+00:00", "impact": "yes", "measures": []}]
    )  # fmt: skip
    entries = server.value("SELECT count(*) FROM lika.audit_log")
    with server.connect("anna") as anna, pytest.raises(psycopg.Error, match="no assessment 999"):
        anna.execute(
            "SELECT lika.import_with_evaluations(999, 1, '[]', 'x', '[]', %s::jsonb)",
            [evaluation],
        )
    assert server.value("SELECT count(*) FROM lika.audit_log") == entries
    assert server.value("SELECT count(*) FROM lika.evaluations WHERE evaluator = 'Rita'") == 0


def test_a_deleted_draft_takes_its_imported_evaluations_along(pg_demo, pg_cluster, capsys) -> None:
    from desktop_app.app import registers
    from desktop_app.register_location import ServerUrl

    server, url = pg_demo
    mine = server.new_draft("anna")
    evaluation = json.dumps(
        [{"evaluated_on": "2027-03-01", "evaluator": "Rita", "os_user": "rita",
          "recorded_at": "2027-03-01T10:00:00+00:00", "impact": "yes", "measures": []}]
    )  # fmt: skip
    with server.connect("anna") as anna:
        anna.execute(
            "SELECT lika.import_with_evaluations(%s, 1, '[]', 'x', '[]', %s::jsonb)",
            [mine, evaluation],
        )
    store = registers.open_store(
        ServerUrl(pg_cluster.url_for(server.database, server.login["anna"]))
    )
    try:
        store.delete(mine)
    finally:
        store.close()
    assert server.value("SELECT count(*) FROM lika.evaluations WHERE evaluator = 'Rita'") == 0
    code, checks = checked(url, capsys)
    assert code == 0, [c for c in checks.items() if c[1][0] == "problem"]
